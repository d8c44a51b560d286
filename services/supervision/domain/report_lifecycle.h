// One organization's annual report on one year, through the states of domain.md §3.2:
// OPEN → SUBMITTED → SUPERVISOR_REVIEWED → CONCLUDED, and OPEN → OVERDUE when the registry deadline
// passes (AR-09; a late report may still be submitted). Each transition is a pure function of the
// report, the input and the day, refusing a wrong state with the state and the rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/annual_report.h"

namespace socgov::supervision {

enum class ReportState { kOpen, kSubmitted, kSupervisorReviewed, kConcluded, kOverdue };
std::string_view ReportStateName(ReportState s);

// The finances section, in integer fen.
struct Finances {
  std::int64_t assets_fen = 0, liabilities_fen = 0, net_assets_fen = 0;
  std::int64_t income_fen = 0, expenses_fen = 0;
  std::int64_t donations_received_fen = 0, donations_given_fen = 0;
};

// The sections of §2.4.
struct ReportSections {
  std::string compliance, registration_changes, activities, people, party_building_report;
  std::int32_t activity_count = 0;
  std::int32_t staff_fulltime = 0;
  Finances finances;
};

struct SupervisoryReview {
  bool passed = false;
  std::string opinion;
  Date reviewed_on{};
  std::string actor;
};

struct AnnualReport {
  std::string organization_id;
  int year = 0;
  std::string jurisdiction;
  std::string organization_name;
  ReportState state = ReportState::kOpen;
  ReportMode mode = ReportMode::kInspection;
  ReportDeadlines deadlines;
  bool rectification_required = false;  // AR-08, fixed when the year is opened
  std::optional<Date> submitted_on;
  bool late = false;
  ReportSections sections;
  std::string rectification_report;
  std::optional<SupervisoryReview> supervisory_review;
  std::optional<ConclusionResult> conclusion;
  std::optional<Date> concluded_on;
  std::int64_t version = 0;
};

// The report a cohort member starts with (state OPEN, version 1).
AnnualReport OpenReport(const std::string& organization_id, const std::string& name,
                        const std::string& jurisdiction, const ReportingOrg& org, int year,
                        bool rectification_required);

// Checks the sections: every amount ≥ 0 except net assets, net assets = assets − liabilities,
// counts ≥ 0, texts capped. kInvalidArgument naming the field (sections.finances.net_assets_fen).
Status ValidateSections(const ReportSections& s);

// Records the report as received on `received_on` (≤ today, after the year ended). From OPEN or
// OVERDUE (late). AR-08: the rectification report is required when rectification_required.
Result<AnnualReport> SubmitReport(AnnualReport r, ReportSections sections,
                                  std::string rectification_report, Date received_on, Date today);

// AR-01: the supervisory unit's review, only for reports that go through one (AR-02/03 go
// straight to the registry). From SUBMITTED.
Result<AnnualReport> ReviewReport(AnnualReport r, bool passed, std::string opinion,
                                  const std::string& actor, Date today);

// AR-06/07: the registry's conclusion. From SUPERVISOR_REVIEWED, or SUBMITTED when the report
// has no supervisory unit; a report the unit did not pass cannot be concluded 合格.
Result<AnnualReport> ConcludeReport(AnnualReport r, const std::vector<Finding>& findings,
                                    Date today);

// AR-09: an OPEN report whose registry deadline is before `today` becomes OVERDUE, with the
// CR-01(a) credit event dated the day after the deadline; nullopt when nothing changes.
struct OverdueOutcome {
  AnnualReport report;
  CreditEvent credit_event;
};
std::optional<OverdueOutcome> MarkOverdue(AnnualReport r, Date today);

// AR-08: a conclusion that obliges the next year's report to carry a rectification report.
inline bool IsNonPass(const ConclusionResult& c) { return c.conclusion != Conclusion::kPass; }

}  // namespace socgov::supervision
