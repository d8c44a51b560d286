// Complaints and tips (投诉举报, domain.md §2.4):
//
//   RECEIVED → TRIAGED (into a clue | declined with a reason);
//   TRIAGED(clue) → LINKED (to a case) → ANSWERED;   TRIAGED(declined) → ANSWERED
//
// The reporter's identity is optional and confidential: it is a separate value (Reporter) that
// intake returns next to the Complaint and that no transition takes or returns, so whatever is
// built from a Complaint (events, logs, lists) cannot carry it. The store keeps it apart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/dates.h"

namespace socgov::supervision {

enum class ComplaintChannel { kPhone, kEmail, kLetter, kOnline, kVisit };
enum class ComplaintState { kReceived, kTriaged, kLinked, kAnswered };
std::string_view ComplaintStateName(ComplaintState s);  // "RECEIVED", ...
enum class TriageOutcome { kClue, kDeclined };

// Confidential: never in an event, a log line or an error message.
struct Reporter {
  std::string name;
  std::string phone;
  std::string email;
  std::string address;
};

struct Complaint {
  std::string id;
  std::string jurisdiction;  // the bureau that received it
  ComplaintChannel channel = ComplaintChannel::kOnline;
  Date received_on{};
  bool anonymous = true;  // no Reporter was given
  std::string target_name;
  std::string target_organization_id;  // when the target is a registered organization
  std::string responsible_person;
  std::string place;
  std::string propaganda_channel;  // where it advertises (website, WeChat account, ...)
  std::string facts;
  std::vector<std::string> evidence;  // descriptions of what was attached
  ComplaintState state = ComplaintState::kReceived;
  std::optional<TriageOutcome> outcome;
  std::string decline_reason;
  std::optional<Date> triaged_on;
  std::string case_id;
  std::optional<Date> linked_on;
  std::string reply;
  std::optional<Date> answered_on;
  std::int64_t version = 1;
};

// Bounds on what the public may submit (code points).
inline constexpr std::size_t kMaxComplaintFacts = 2000;
inline constexpr std::size_t kMaxComplaintEvidenceItems = 20;

struct ComplaintInput {
  std::string id;
  std::string jurisdiction;
  ComplaintChannel channel = ComplaintChannel::kOnline;
  std::string target_name;
  std::string target_organization_id;
  std::string responsible_person;
  std::string place;
  std::string propaganda_channel;
  std::string facts;
  std::vector<std::string> evidence;
};
struct ReporterInput {
  std::string name;
  std::string phone;
  std::string email;
  std::string address;
};
struct Intake {
  Complaint complaint;
  std::optional<Reporter> reporter;  // kept apart by the caller
};
// A RECEIVED complaint at version 1, received today. kInvalidArgument naming the field: facts
// missing or over kMaxComplaintFacts; neither target_name nor target_organization_id; more than
// kMaxComplaintEvidenceItems evidence items or one too long; any other field too long; a
// reporter given with no way to reach them (no phone, email or address). Messages never contain
// the submitted text.
Result<Intake> ReceiveComplaint(const ComplaintInput& in,
                                const std::optional<ReporterInput>& reporter, Date today);

// RECEIVED → TRIAGED(clue): worth a pre-check; the app opens the case's clue.
Result<Complaint> TriageIntoClue(Complaint c, Date today);
// RECEIVED → TRIAGED(declined), with the reason the reporter will be told.
Result<Complaint> DeclineComplaint(Complaint c, std::string_view reason, Date today);
// TRIAGED(clue) → LINKED to the case opened from it.
Result<Complaint> LinkToCase(Complaint c, std::string_view case_id, Date today);
// LINKED | TRIAGED(declined) → ANSWERED: the reply to the reporter (kept on file when anonymous).
Result<Complaint> AnswerComplaint(Complaint c, std::string_view reply, Date today);

// The last day to answer: received_on + answer_days (15 by default; a deployment setting).
inline constexpr std::int32_t kDefaultAnswerDays = 15;
Date AnswerDeadline(const Complaint& c, std::int32_t answer_days = kDefaultAnswerDays);

struct OverdueComplaint {
  std::string complaint_id;
  Date deadline{};
  std::int64_t days_overdue = 0;
  bool operator==(const OverdueComplaint&) const = default;
};
// Complaints received by `as_of`, not answered by `as_of`, whose deadline is before it; anonymous
// ones too, since the bureau owes the handling whether or not anyone reads the reply.
std::vector<OverdueComplaint> OverdueComplaints(const std::vector<Complaint>& complaints,
                                                Date as_of,
                                                std::int32_t answer_days = kDefaultAnswerDays);

}  // namespace socgov::supervision
