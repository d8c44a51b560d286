#include "supervision/domain/report_lifecycle.h"

namespace socgov::supervision {
namespace {

constexpr size_t kMaxText = 20'000;

Error WrongState(const AnnualReport& r, const std::string& what) {
  return Error::FailedPrecondition("state " + std::string(ReportStateName(r.state)) + ": " + what);
}

Status CheckText(const std::string& field, const std::string& text) {
  if (text.size() > kMaxText)
    return Error::InvalidArgument(field, "at most " + std::to_string(kMaxText) + " bytes");
  return std::nullopt;
}

}  // namespace

std::string_view ReportStateName(ReportState s) {
  switch (s) {
    case ReportState::kOpen:
      return "OPEN";
    case ReportState::kSubmitted:
      return "SUBMITTED";
    case ReportState::kSupervisorReviewed:
      return "SUPERVISOR_REVIEWED";
    case ReportState::kConcluded:
      return "CONCLUDED";
    case ReportState::kOverdue:
      return "OVERDUE";
  }
  return "UNKNOWN";
}

AnnualReport OpenReport(const std::string& organization_id, const std::string& name,
                        const std::string& jurisdiction, const ReportingOrg& org, int year,
                        bool rectification_required) {
  AnnualReport r;
  r.organization_id = organization_id;
  r.organization_name = name;
  r.jurisdiction = jurisdiction;
  r.year = year;
  r.mode = ModeFor(org);
  r.deadlines = DeadlinesFor(org, year);
  r.rectification_required = rectification_required;
  r.version = 1;
  return r;
}

Status ValidateSections(const ReportSections& s) {
  const std::pair<const char*, const std::string*> texts[] = {
      {"sections.compliance", &s.compliance},
      {"sections.registration_changes", &s.registration_changes},
      {"sections.activities", &s.activities},
      {"sections.people", &s.people},
      {"sections.party_building_report", &s.party_building_report}};
  for (const auto& [field, text] : texts)
    if (auto err = CheckText(field, *text)) return err;
  if (s.activity_count < 0)
    return Error::InvalidArgument("sections.activity_count", "must not be negative");
  if (s.staff_fulltime < 0)
    return Error::InvalidArgument("sections.staff_fulltime", "must not be negative");
  const auto& f = s.finances;
  const std::pair<const char*, std::int64_t> amounts[] = {
      {"sections.finances.assets_fen", f.assets_fen},
      {"sections.finances.liabilities_fen", f.liabilities_fen},
      {"sections.finances.income_fen", f.income_fen},
      {"sections.finances.expenses_fen", f.expenses_fen},
      {"sections.finances.donations_received_fen", f.donations_received_fen},
      {"sections.finances.donations_given_fen", f.donations_given_fen}};
  for (const auto& [field, v] : amounts)
    if (v < 0) return Error::InvalidArgument(field, "must not be negative (integer fen)");
  if (f.assets_fen - f.liabilities_fen != f.net_assets_fen)
    return Error::InvalidArgument("sections.finances.net_assets_fen",
                                  "must equal assets_fen - liabilities_fen");
  return std::nullopt;
}

Result<AnnualReport> SubmitReport(AnnualReport r, ReportSections sections,
                                  std::string rectification_report, Date received_on, Date today) {
  if (r.state != ReportState::kOpen && r.state != ReportState::kOverdue)
    return WrongState(r, "AR-01 the report of " + std::to_string(r.year) + " was already received");
  if (auto err = ValidateSections(sections)) return *err;
  if (auto err = CheckText("rectification_report", rectification_report)) return *err;
  if (received_on > today)
    return Error::InvalidArgument("submitted_on", "must not be in the future");
  if (received_on <= Date{std::chrono::year{r.year} / 12 / 31})
    return Error::InvalidArgument("submitted_on", "must be after the year reported on");
  if (auto err =
          CheckSubmission({r.rectification_required, false, !rectification_report.empty()})) {
    // CheckSubmission speaks of the submission step; the refusal names the report's own state.
    constexpr std::string_view kStep = "state SUBMITTED: ";
    std::string_view what = err->message;
    if (what.starts_with(kStep)) what.remove_prefix(kStep.size());
    return WrongState(r, std::string(what));
  }
  r.sections = std::move(sections);
  r.rectification_report = std::move(rectification_report);
  r.submitted_on = received_on;
  r.late = received_on > r.deadlines.registry;
  r.state = ReportState::kSubmitted;
  ++r.version;
  return r;
}

Result<AnnualReport> ReviewReport(AnnualReport r, bool passed, std::string opinion,
                                  const std::string& actor, Date today) {
  if (r.state != ReportState::kSubmitted)
    return WrongState(r, "AR-01 only a submitted report is reviewed by the supervisory unit");
  if (!r.deadlines.supervisory_unit)
    return WrongState(r, "AR-02 this report goes straight to the registry (no supervisory unit)");
  if (opinion.empty()) return Error::InvalidArgument("opinion", "required");
  if (auto err = CheckText("opinion", opinion)) return *err;
  r.supervisory_review = SupervisoryReview{passed, std::move(opinion), today, actor};
  r.state = ReportState::kSupervisorReviewed;
  ++r.version;
  return r;
}

Result<AnnualReport> ConcludeReport(AnnualReport r, const std::vector<Finding>& findings,
                                    Date today) {
  const bool straight = !r.deadlines.supervisory_unit.has_value();
  if (!(r.state == ReportState::kSupervisorReviewed ||
        (straight && r.state == ReportState::kSubmitted)))
    return WrongState(r, straight ? "AR-06 only a submitted report is concluded"
                                  : "AR-01 the supervisory unit reviews the report first");
  auto result = Conclude(findings);
  if (result.conclusion == Conclusion::kPass && r.supervisory_review &&
      !r.supervisory_review->passed)
    return Error::InvalidArgument(
        "findings", "AR-06 the supervisory unit did not pass the report: name the findings");
  r.conclusion = std::move(result);
  r.concluded_on = today;
  r.state = ReportState::kConcluded;
  ++r.version;
  return r;
}

std::optional<OverdueOutcome> MarkOverdue(AnnualReport r, Date today) {
  if (r.state != ReportState::kOpen) return std::nullopt;
  auto event = OverdueCreditEvent(r.deadlines, std::nullopt, today);
  if (!event) return std::nullopt;
  r.state = ReportState::kOverdue;
  ++r.version;
  return OverdueOutcome{std::move(r), *event};
}

}  // namespace socgov::supervision
