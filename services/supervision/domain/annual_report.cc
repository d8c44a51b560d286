#include "supervision/domain/annual_report.h"

namespace socgov::supervision {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

Date Ymd(int y, unsigned m, unsigned d) { return Date{year_month_day{year{y}, month{m}, day{d}}}; }

bool FailsOutright(Finding f) {
  switch (f) {
    case Finding::kCertificateOrSealLentOrAltered:
    case Finding::kActingOutsideScope:
    case Finding::kRefusedInspection:
    case Finding::kRequiredRegistrationsNotDone:
    case Finding::kProfitMaking:
    case Finding::kEmbezzlement:
      return true;
    default:
      return false;
  }
}

std::string_view FindingName(Finding f) {
  switch (f) {
    case Finding::kMeetingsNotPerCharter:
      return "meetings not held per the charter";
    case Finding::kLeadershipTermOverdue:
      return "leadership re-election overdue or over age/term";
    case Finding::kBranchWithoutDemocraticProcedure:
      return "branch set up without democratic procedure";
    case Finding::kIrregularFinance:
      return "irregular finance";
    case Finding::kIllegalAwards:
      return "illegal appraisal or awards";
    case Finding::kNotAcceptingSupervision:
      return "not accepting supervision";
    case Finding::kCertificateOrSealLentOrAltered:
      return "certificate or seal lent or altered";
    case Finding::kActingOutsideScope:
      return "acting outside the registered scope";
    case Finding::kRefusedInspection:
      return "refused inspection";
    case Finding::kRequiredRegistrationsNotDone:
      return "required registrations not done";
    case Finding::kProfitMaking:
      return "profit-making";
    case Finding::kEmbezzlement:
      return "embezzlement";
  }
  return "unknown finding";
}

}  // namespace

Result<bool> InCohort(const ReportingOrg& org, int report_year, const CohortRule& rule) {
  const year_month_day cutoff{year{report_year}, month{rule.cutoff_month}, day{rule.cutoff_day}};
  if (!cutoff.ok())
    return Error::InvalidArgument("cohort_rule", "cut-off is not a day of the year");
  return org.registered_on <= Date{cutoff};
}

ReportMode ModeFor(const ReportingOrg& org) {
  return org.charity ? ReportMode::kReport : ReportMode::kInspection;
}

ReportDeadlines DeadlinesFor(const ReportingOrg& org, int report_year) {
  const int due_year = report_year + 1;
  if (org.kind == OrgKind::kFoundation) return {std::nullopt, Ymd(due_year, 3, 31)};
  if (org.direct_registration) return {std::nullopt, Ymd(due_year, 5, 31)};
  return {Ymd(due_year, 3, 31), Ymd(due_year, 5, 31)};
}

Date FoundationPublicationDeadline(Date approved_on) { return approved_on + std::chrono::days{30}; }

Status CheckSubmission(const Submission& s) {
  if ((s.prior_non_pass || s.has_rectification_notice) && !s.rectification_report_attached) {
    return Error::FailedPrecondition(
        std::string("state SUBMITTED: AR-08 a rectification report is required after ") +
        (s.prior_non_pass ? "a prior non-pass" : "a rectification notice"));
  }
  return std::nullopt;
}

std::optional<CreditEvent> OverdueCreditEvent(const ReportDeadlines& deadlines,
                                              std::optional<Date> submitted_to_registry,
                                              Date today) {
  if (today <= deadlines.registry) return std::nullopt;
  if (submitted_to_registry && *submitted_to_registry <= deadlines.registry) return std::nullopt;
  return CreditEvent{CreditEventKind::kAnnualReportMissed,
                     deadlines.registry + std::chrono::days{1}, 0, false};
}

std::string_view ConclusionName(Conclusion c) {
  switch (c) {
    case Conclusion::kPass:
      return "合格";
    case Conclusion::kBasicPass:
      return "基本合格";
    case Conclusion::kFail:
      return "不合格";
  }
  return "unknown";
}

ConclusionResult Conclude(const std::vector<Finding>& findings) {
  ConclusionResult result;
  for (Finding f : findings) {
    const Conclusion level = FailsOutright(f) ? Conclusion::kFail : Conclusion::kBasicPass;
    if (level == Conclusion::kFail || result.conclusion == Conclusion::kPass) {
      result.conclusion = level;
    }
    result.reasons.push_back("AR-07 " + std::string(ConclusionName(level)) + ": " +
                             std::string(FindingName(f)));
  }
  return result;
}

Result<std::int32_t> CompletionRateBasisPoints(std::int64_t submitted, std::int64_t cohort) {
  if (cohort <= 0) return Error::InvalidArgument("cohort", "must be positive");
  if (submitted < 0) return Error::InvalidArgument("submitted", "must not be negative");
  if (submitted > cohort) return Error::InvalidArgument("submitted", "must not exceed the cohort");
  return static_cast<std::int32_t>((submitted * 20000 + cohort) / (2 * cohort));
}

}  // namespace socgov::supervision
