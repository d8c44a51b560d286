// Annual inspection / annual report (domain.md §3.2, AR-xx): who must report for a year, by when,
// in which mode, and the registry's conclusion. Dates come in as values; the domain reads no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/credit_listing.h"
#include "supervision/domain/dates.h"

namespace socgov::supervision {

enum class OrgKind { kSocialGroup, kPrivateNonEnterprise, kFoundation };  // 社团, 民非, 基金会
enum class ReportMode { kInspection, kReport };                           // 年检, 年报

struct ReportingOrg {
  OrgKind kind = OrgKind::kSocialGroup;
  bool charity = false;  // 慈善组织 (AR-04)
  bool direct_registration =
      false;  // 直接登记 / 脱钩 trade association: no supervisory unit (AR-02)
  Date registered_on{};
};

// AR-05: the cohort of a report year is the organizations registered on or before a configurable
// day of that year: Dec 31 for 社团 (MCA 2021), Jun 30 for 民非 / Jiaxing 社团.
struct CohortRule {
  unsigned cutoff_month = 12;
  unsigned cutoff_day = 31;
};
// kInvalidArgument naming cohort_rule when the cut-off is not a day of `report_year`.
Result<bool> InCohort(const ReportingOrg& org, int report_year, const CohortRule& rule);

// AR-04: charities file a 年报, everyone else goes through the 年检.
ReportMode ModeFor(const ReportingOrg& org);

// The report on year Y is due in Y+1. AR-01: 社团 and 民非 report to the supervisory unit by
// Mar 31 and to the registry by May 31; AR-02: without a supervisory unit, straight to the
// registry (May 31); AR-03: foundations to the registry by Mar 31.
struct ReportDeadlines {
  std::optional<Date> supervisory_unit;  // none when the report goes straight to the registry
  Date registry{};
};
ReportDeadlines DeadlinesFor(const ReportingOrg& org, int report_year);

// AR-03: a foundation publishes its report within 30 days of its approval.
Date FoundationPublicationDeadline(Date approved_on);

// AR-08: an organization with a prior non-pass or a rectification notice attaches a
// rectification report. kFailedPrecondition "state SUBMITTED: AR-08 ..." when it is missing.
struct Submission {
  bool prior_non_pass = false;
  bool has_rectification_notice = false;
  bool rectification_report_attached = false;
};
Status CheckSubmission(const Submission& submission);

// AR-09: a report not at the registry by its deadline is a CR-01(a) credit event, dated the day
// after the deadline. nullopt while the deadline has not passed, or when it was submitted in time.
std::optional<CreditEvent> OverdueCreditEvent(const ReportDeadlines& deadlines,
                                              std::optional<Date> submitted_to_registry,
                                              Date today);

// AR-06/AR-07: the registry's findings and the conclusion they lead to.
enum class Finding {
  // 基本合格 (AR-07, Beijing Art 12–13)
  kMeetingsNotPerCharter,
  kLeadershipTermOverdue,  // 负责人未按期换届 / 超龄超届
  kBranchWithoutDemocraticProcedure,
  kIrregularFinance,
  kIllegalAwards,  // 违规评比表彰
  kNotAcceptingSupervision,
  // 不合格 (AR-07, Beijing Art 14)
  kCertificateOrSealLentOrAltered,
  kActingOutsideScope,
  kRefusedInspection,
  kRequiredRegistrationsNotDone,
  kProfitMaking,
  kEmbezzlement,
};
enum class Conclusion { kPass, kBasicPass, kFail };  // 合格, 基本合格, 不合格
std::string_view ConclusionName(Conclusion c);       // "合格" / "基本合格" / "不合格"

struct ConclusionResult {
  Conclusion conclusion = Conclusion::kPass;
  std::vector<std::string> reasons;  // one per finding, "AR-07 不合格: embezzlement"
};
// The worst finding decides: any 不合格 finding → 不合格, else any 基本合格 finding → 基本合格,
// else 合格. Every finding is listed as a reason, so the notice can say all of them.
ConclusionResult Conclude(const std::vector<Finding>& findings);

// AR-10: the completion rate submitted / cohort in basis points (9186 = 91.86 %), rounded half
// up. kInvalidArgument naming submitted when it exceeds the cohort.
Result<std::int32_t> CompletionRateBasisPoints(std::int64_t submitted, std::int64_t cohort);

}  // namespace socgov::supervision
