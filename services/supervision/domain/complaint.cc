#include "supervision/domain/complaint.h"

#include <utility>

#include "supervision/domain/text.h"

namespace socgov::supervision {
namespace {

constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxShort = 200;
constexpr std::size_t kMaxEvidenceItem = 500;
constexpr std::size_t kMaxReply = 2000;
constexpr std::size_t kMaxContact = 100;

Error Refuse(const Complaint& c, std::string_view why) {
  return Error::FailedPrecondition("state " + std::string(ComplaintStateName(c.state)) + ": " +
                                   std::string(why));
}

Complaint Next(Complaint c, ComplaintState state) {
  c.state = state;
  ++c.version;
  return c;
}

}  // namespace

std::string_view ComplaintStateName(ComplaintState s) {
  switch (s) {
    case ComplaintState::kReceived:
      return "RECEIVED";
    case ComplaintState::kTriaged:
      return "TRIAGED";
    case ComplaintState::kLinked:
      return "LINKED";
    case ComplaintState::kAnswered:
      return "ANSWERED";
  }
  return "UNKNOWN";
}

Result<Intake> ReceiveComplaint(const ComplaintInput& in,
                                const std::optional<ReporterInput>& reporter, Date today) {
  if (Status bad = CheckId("id", in.id)) return *bad;
  if (Status bad = CheckId("jurisdiction", in.jurisdiction)) return *bad;
  Complaint c;
  struct Field {
    const char* name;
    const std::string& in;
    std::string& out;
    std::size_t max;
  };
  const Field fields[] = {
      {"target_name", in.target_name, c.target_name, kMaxName},
      {"responsible_person", in.responsible_person, c.responsible_person, kMaxName},
      {"place", in.place, c.place, kMaxShort},
      {"propaganda_channel", in.propaganda_channel, c.propaganda_channel, kMaxShort},
      {"facts", in.facts, c.facts, kMaxComplaintFacts},
  };
  for (const Field& f : fields) {
    auto text = CheckText(f.name, f.in, f.max, false);
    if (!text.ok()) return text.error();
    f.out = std::move(*text);
  }
  if (c.facts.empty()) return Error::InvalidArgument("facts", "is required");
  if (!in.target_organization_id.empty()) {
    if (Status bad = CheckId("target_organization_id", in.target_organization_id)) return *bad;
  } else if (c.target_name.empty()) {
    return Error::InvalidArgument("target_name", "a target name or organization id is required");
  }
  if (in.evidence.size() > kMaxComplaintEvidenceItems) {
    return Error::InvalidArgument(
        "evidence", "at most " + std::to_string(kMaxComplaintEvidenceItems) + " items");
  }
  for (std::size_t i = 0; i < in.evidence.size(); ++i) {
    auto item = CheckText("evidence[" + std::to_string(i) + "]", in.evidence[i], kMaxEvidenceItem);
    if (!item.ok()) return item.error();
    c.evidence.push_back(std::move(*item));
  }
  Intake intake;
  if (reporter) {
    Reporter r;
    struct Contact {
      const char* name;
      const std::string& in;
      std::string& out;
    };
    const Contact contacts[] = {{"reporter.name", reporter->name, r.name},
                                {"reporter.phone", reporter->phone, r.phone},
                                {"reporter.email", reporter->email, r.email},
                                {"reporter.address", reporter->address, r.address}};
    for (const Contact& f : contacts) {
      auto text = CheckText(f.name, f.in, kMaxContact, false);
      if (!text.ok()) return text.error();
      f.out = std::move(*text);
    }
    if (r.phone.empty() && r.email.empty() && r.address.empty()) {
      return Error::InvalidArgument("reporter", "a phone, email or address to send the answer to");
    }
    intake.reporter = std::move(r);
  }
  c.id = in.id;
  c.jurisdiction = in.jurisdiction;
  c.channel = in.channel;
  c.received_on = today;
  c.anonymous = !intake.reporter.has_value();
  c.target_organization_id = in.target_organization_id;
  intake.complaint = std::move(c);
  return intake;
}

Result<Complaint> TriageIntoClue(Complaint c, Date today) {
  if (c.state != ComplaintState::kReceived) return Refuse(c, "§2.4 only a RECEIVED one is triaged");
  c.outcome = TriageOutcome::kClue;
  c.triaged_on = today;
  return Next(std::move(c), ComplaintState::kTriaged);
}

Result<Complaint> DeclineComplaint(Complaint c, std::string_view reason, Date today) {
  if (c.state != ComplaintState::kReceived) return Refuse(c, "§2.4 only a RECEIVED one is triaged");
  auto checked = CheckText("reason", reason, kMaxShort * 2);
  if (!checked.ok()) return checked.error();
  c.outcome = TriageOutcome::kDeclined;
  c.decline_reason = std::move(*checked);
  c.triaged_on = today;
  return Next(std::move(c), ComplaintState::kTriaged);
}

Result<Complaint> LinkToCase(Complaint c, std::string_view case_id, Date today) {
  if (c.state != ComplaintState::kTriaged || c.outcome != TriageOutcome::kClue) {
    return Refuse(c, "§2.4 only a complaint triaged into a clue is linked to a case");
  }
  if (Status bad = CheckId("case_id", case_id)) return *bad;
  c.case_id = std::string(case_id);
  c.linked_on = today;
  return Next(std::move(c), ComplaintState::kLinked);
}

Result<Complaint> AnswerComplaint(Complaint c, std::string_view reply, Date today) {
  const bool declined =
      c.state == ComplaintState::kTriaged && c.outcome == TriageOutcome::kDeclined;
  if (c.state != ComplaintState::kLinked && !declined) {
    return Refuse(c, "§2.4 a complaint is answered once declined or linked to a case");
  }
  auto checked = CheckText("reply", reply, kMaxReply);
  if (!checked.ok()) return checked.error();
  c.reply = std::move(*checked);
  c.answered_on = today;
  return Next(std::move(c), ComplaintState::kAnswered);
}

Date AnswerDeadline(const Complaint& c, std::int32_t answer_days) {
  return c.received_on + std::chrono::days{answer_days};
}

std::vector<OverdueComplaint> OverdueComplaints(const std::vector<Complaint>& complaints,
                                                Date as_of, std::int32_t answer_days) {
  std::vector<OverdueComplaint> out;
  for (const Complaint& c : complaints) {
    if (c.received_on > as_of) continue;
    if (c.answered_on && *c.answered_on <= as_of) continue;
    const Date deadline = AnswerDeadline(c, answer_days);
    if (as_of > deadline) out.push_back({c.id, deadline, (as_of - deadline).count()});
  }
  return out;
}

}  // namespace socgov::supervision
