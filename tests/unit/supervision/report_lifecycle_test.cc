#include "supervision/domain/report_lifecycle.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

ReportingOrg Org(OrgKind kind = OrgKind::kSocialGroup, bool direct = false) {
  return ReportingOrg{kind, false, direct, D("2020-01-01")};
}

// The 2025 report: supervisory unit by 2026-03-31, registry by 2026-05-31 (AR-01).
AnnualReport Open(const ReportingOrg& org = Org(), bool rectification_required = false) {
  return OpenReport("org-1", "集美区志愿者协会", "jimei", org, 2025, rectification_required);
}

ReportSections Sections() {
  ReportSections s;
  s.compliance = "遵守法律法规";
  s.activities = "开展活动 12 次";
  s.activity_count = 12;
  s.staff_fulltime = 3;
  s.finances.assets_fen = 1'000'000;
  s.finances.liabilities_fen = 300'000;
  s.finances.net_assets_fen = 700'000;
  s.finances.income_fen = 500'000;
  s.finances.expenses_fen = 400'000;
  return s;
}

AnnualReport Submitted(const ReportingOrg& org = Org()) {
  auto r = SubmitReport(Open(org), Sections(), "", D("2026-03-01"), D("2026-03-02"));
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : AnnualReport{};
}

AnnualReport Reviewed(bool passed) {
  auto r = ReviewReport(Submitted(), passed, "同意", "业务主管单位", D("2026-03-20"));
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : AnnualReport{};
}

AnnualReport Concluded() {
  auto r = ConcludeReport(Reviewed(true), {}, D("2026-05-10"));
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : AnnualReport{};
}

void ExpectInvalid(const Result<AnnualReport>& r, const std::string& field) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(StartsWith(r.error().message, field + ":")) << r.error().message;
}

void ExpectWrongState(const Result<AnnualReport>& r, const std::string& state,
                      const std::string& rule) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(StartsWith(r.error().message, "state " + state + ": " + rule)) << r.error().message;
}

Result<AnnualReport> SubmitWith(ReportSections s) {
  return SubmitReport(Open(), std::move(s), "", D("2026-03-01"), D("2026-03-02"));
}

TEST(ReportLifecycle, Ar01OpenReportStartsOpenAtVersionOneWithItsDeadlines) {
  const auto r = Open();
  EXPECT_EQ(r.state, ReportState::kOpen);
  EXPECT_EQ(r.version, 1);
  EXPECT_EQ(r.year, 2025);
  EXPECT_EQ(r.organization_id, "org-1");
  EXPECT_EQ(r.jurisdiction, "jimei");
  EXPECT_EQ(r.mode, ReportMode::kInspection);
  ASSERT_TRUE(r.deadlines.supervisory_unit);
  EXPECT_EQ(*r.deadlines.supervisory_unit, D("2026-03-31"));
  EXPECT_EQ(r.deadlines.registry, D("2026-05-31"));
  EXPECT_FALSE(r.rectification_required);
  EXPECT_EQ(ReportStateName(ReportState::kSupervisorReviewed), "SUPERVISOR_REVIEWED");
}

TEST(ReportLifecycle, Ar04CharityOpensAReport) {
  ReportingOrg org = Org(OrgKind::kFoundation);
  org.charity = true;
  const auto r = Open(org);
  EXPECT_EQ(r.mode, ReportMode::kReport);
  EXPECT_FALSE(r.deadlines.supervisory_unit);
  EXPECT_EQ(r.deadlines.registry, D("2026-03-31"));
}

TEST(ReportLifecycle, Ar01SubmitFromOpenRecordsTheSectionsInTime) {
  auto r = SubmitReport(Open(), Sections(), "", D("2026-03-01"), D("2026-03-02"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->state, ReportState::kSubmitted);
  EXPECT_EQ(r->version, 2);
  ASSERT_TRUE(r->submitted_on);
  EXPECT_EQ(*r->submitted_on, D("2026-03-01"));
  EXPECT_FALSE(r->late);
  EXPECT_EQ(r->sections.activity_count, 12);
  EXPECT_EQ(r->sections.finances.net_assets_fen, 700'000);
}

TEST(ReportLifecycle, Ar01SubmitTwiceIsRefusedInTheReportsState) {
  ExpectWrongState(SubmitReport(Submitted(), Sections(), "", D("2026-03-05"), D("2026-03-05")),
                   "SUBMITTED", "AR-01");
  ExpectWrongState(SubmitReport(Reviewed(true), Sections(), "", D("2026-03-25"), D("2026-03-25")),
                   "SUPERVISOR_REVIEWED", "AR-01");
  ExpectWrongState(SubmitReport(Concluded(), Sections(), "", D("2026-05-20"), D("2026-05-20")),
                   "CONCLUDED", "AR-01");
}

TEST(ReportLifecycle, Ar01SubmitRefusesNetAssetsOtherThanAssetsMinusLiabilities) {
  auto s = Sections();
  s.finances.net_assets_fen = 700'001;
  ExpectInvalid(SubmitWith(s), "sections.finances.net_assets_fen");
  // Net assets alone may be negative, when liabilities exceed assets.
  s.finances.liabilities_fen = 1'200'000;
  s.finances.net_assets_fen = -200'000;
  EXPECT_TRUE(SubmitWith(s).ok());
}

TEST(ReportLifecycle, Ar01SubmitRefusesNegativeAmountsNamingTheField) {
  using F = std::int64_t Finances::*;
  const std::pair<F, const char*> fields[] = {
      {&Finances::assets_fen, "sections.finances.assets_fen"},
      {&Finances::liabilities_fen, "sections.finances.liabilities_fen"},
      {&Finances::income_fen, "sections.finances.income_fen"},
      {&Finances::expenses_fen, "sections.finances.expenses_fen"},
      {&Finances::donations_received_fen, "sections.finances.donations_received_fen"},
      {&Finances::donations_given_fen, "sections.finances.donations_given_fen"}};
  for (const auto& [member, field] : fields) {
    SCOPED_TRACE(field);
    auto s = Sections();
    s.finances.*member = -1;
    // Keep the balance identity so only the sign is wrong.
    s.finances.net_assets_fen = s.finances.assets_fen - s.finances.liabilities_fen;
    ExpectInvalid(SubmitWith(s), field);
  }
}

TEST(ReportLifecycle, Ar01SubmitRefusesNegativeCountsAndOverlongTexts) {
  auto s = Sections();
  s.activity_count = -1;
  ExpectInvalid(SubmitWith(s), "sections.activity_count");
  s = Sections();
  s.staff_fulltime = -1;
  ExpectInvalid(SubmitWith(s), "sections.staff_fulltime");
  s = Sections();
  s.people = std::string(20'001, 'x');
  ExpectInvalid(SubmitWith(s), "sections.people");
  s.people = std::string(20'000, 'x');
  EXPECT_TRUE(SubmitWith(s).ok());
}

TEST(ReportLifecycle, Ar01SubmitRefusesAReceivedDateInTheFuture) {
  ExpectInvalid(SubmitReport(Open(), Sections(), "", D("2026-03-03"), D("2026-03-02")),
                "submitted_on");
  EXPECT_TRUE(SubmitReport(Open(), Sections(), "", D("2026-03-02"), D("2026-03-02")).ok());
}

TEST(ReportLifecycle, Ar01SubmitRefusesAReceivedDateBeforeTheYearEnded) {
  ExpectInvalid(SubmitReport(Open(), Sections(), "", D("2025-12-31"), D("2026-03-02")),
                "submitted_on");
  ExpectInvalid(SubmitReport(Open(), Sections(), "", D("2025-06-30"), D("2026-03-02")),
                "submitted_on");
  EXPECT_TRUE(SubmitReport(Open(), Sections(), "", D("2026-01-01"), D("2026-03-02")).ok());
}

TEST(ReportLifecycle, Ar09SubmissionAfterTheRegistryDeadlineIsLate) {
  auto on_time = SubmitReport(Open(), Sections(), "", D("2026-05-31"), D("2026-06-01"));
  ASSERT_TRUE(on_time.ok()) << on_time.error().message;
  EXPECT_FALSE(on_time->late);
  // After the supervisory unit's deadline but before the registry's: not late.
  auto after_unit = SubmitReport(Open(), Sections(), "", D("2026-04-15"), D("2026-04-15"));
  ASSERT_TRUE(after_unit.ok());
  EXPECT_FALSE(after_unit->late);
  auto late = SubmitReport(Open(), Sections(), "", D("2026-06-01"), D("2026-06-01"));
  ASSERT_TRUE(late.ok()) << late.error().message;
  EXPECT_TRUE(late->late);
  EXPECT_EQ(late->state, ReportState::kSubmitted);
}

TEST(ReportLifecycle, Ar09OverdueReportMayStillBeSubmittedLate) {
  auto overdue = MarkOverdue(Open(), D("2026-06-01"));
  ASSERT_TRUE(overdue);
  auto r = SubmitReport(overdue->report, Sections(), "", D("2026-07-01"), D("2026-07-02"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->state, ReportState::kSubmitted);
  EXPECT_TRUE(r->late);
  EXPECT_EQ(r->version, overdue->report.version + 1);
}

TEST(ReportLifecycle, Ar08RectificationReportRequiredAfterANonPass) {
  const auto open = Open(Org(), /*rectification_required=*/true);
  EXPECT_TRUE(open.rectification_required);
  ExpectWrongState(SubmitReport(open, Sections(), "", D("2026-03-01"), D("2026-03-02")), "OPEN",
                   "AR-08");
  auto overdue = MarkOverdue(open, D("2026-06-01"));
  ASSERT_TRUE(overdue);
  ExpectWrongState(SubmitReport(overdue->report, Sections(), "", D("2026-06-02"), D("2026-06-02")),
                   "OVERDUE", "AR-08");
  auto r = SubmitReport(open, Sections(), "已按通知整改", D("2026-03-01"), D("2026-03-02"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rectification_report, "已按通知整改");
}

TEST(ReportLifecycle, Ar08RectificationReportIsCappedAndOptionalOtherwise) {
  ExpectInvalid(
      SubmitReport(Open(), Sections(), std::string(20'001, 'x'), D("2026-03-01"), D("2026-03-02")),
      "rectification_report");
  auto r = SubmitReport(Open(), Sections(), "自愿附上", D("2026-03-01"), D("2026-03-02"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rectification_report, "自愿附上");
}

TEST(ReportLifecycle, Ar08OnlyAPassDoesNotObligeARectificationReport) {
  EXPECT_FALSE(IsNonPass(ConclusionResult{Conclusion::kPass, {}}));
  EXPECT_TRUE(IsNonPass(ConclusionResult{Conclusion::kBasicPass, {}}));
  EXPECT_TRUE(IsNonPass(ConclusionResult{Conclusion::kFail, {}}));
}

TEST(ReportLifecycle, Ar01SupervisoryUnitReviewsASubmittedReport) {
  auto r = ReviewReport(Submitted(), true, "同意上报", "主管单位张三", D("2026-03-20"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->state, ReportState::kSupervisorReviewed);
  EXPECT_EQ(r->version, 3);
  ASSERT_TRUE(r->supervisory_review);
  EXPECT_TRUE(r->supervisory_review->passed);
  EXPECT_EQ(r->supervisory_review->opinion, "同意上报");
  EXPECT_EQ(r->supervisory_review->actor, "主管单位张三");
  EXPECT_EQ(r->supervisory_review->reviewed_on, D("2026-03-20"));
}

TEST(ReportLifecycle, Ar01ReviewRefusedOutsideSubmitted) {
  ExpectWrongState(ReviewReport(Open(), true, "同意", "u", D("2026-03-20")), "OPEN", "AR-01");
  ExpectWrongState(ReviewReport(Reviewed(true), true, "同意", "u", D("2026-03-21")),
                   "SUPERVISOR_REVIEWED", "AR-01");
  ExpectWrongState(ReviewReport(Concluded(), true, "同意", "u", D("2026-05-21")), "CONCLUDED",
                   "AR-01");
}

TEST(ReportLifecycle, Ar01ReviewNeedsAnOpinionOfBoundedLength) {
  ExpectInvalid(ReviewReport(Submitted(), true, "", "u", D("2026-03-20")), "opinion");
  ExpectInvalid(ReviewReport(Submitted(), false, std::string(20'001, 'x'), "u", D("2026-03-20")),
                "opinion");
}

TEST(ReportLifecycle, Ar02NoSupervisoryReviewForDirectRegistrations) {
  const auto direct = Submitted(Org(OrgKind::kSocialGroup, /*direct=*/true));
  EXPECT_FALSE(direct.deadlines.supervisory_unit);
  ExpectWrongState(ReviewReport(direct, true, "同意", "u", D("2026-03-20")), "SUBMITTED", "AR-02");
}

TEST(ReportLifecycle, Ar03FoundationHasNoSupervisoryReviewAndIsConcludedFromSubmitted) {
  const auto foundation = Submitted(Org(OrgKind::kFoundation));
  ExpectWrongState(ReviewReport(foundation, true, "同意", "u", D("2026-03-20")), "SUBMITTED",
                   "AR-02");
  auto r = ConcludeReport(foundation, {}, D("2026-04-01"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->state, ReportState::kConcluded);
}

TEST(ReportLifecycle, Ar06RegistryConcludesAReviewedReport) {
  auto r = ConcludeReport(Reviewed(true), {}, D("2026-05-10"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->state, ReportState::kConcluded);
  EXPECT_EQ(r->version, 4);
  ASSERT_TRUE(r->conclusion);
  EXPECT_EQ(r->conclusion->conclusion, Conclusion::kPass);
  ASSERT_TRUE(r->concluded_on);
  EXPECT_EQ(*r->concluded_on, D("2026-05-10"));
}

TEST(ReportLifecycle, Ar06DirectRegistrationIsConcludedFromSubmitted) {
  auto r = ConcludeReport(Submitted(Org(OrgKind::kSocialGroup, true)), {}, D("2026-05-10"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->state, ReportState::kConcluded);
  EXPECT_EQ(r->version, 3);
  EXPECT_FALSE(r->supervisory_review);
}

TEST(ReportLifecycle, Ar01ConcludeBeforeTheSupervisoryReviewIsRefused) {
  ExpectWrongState(ConcludeReport(Submitted(), {}, D("2026-05-10")), "SUBMITTED", "AR-01");
  ExpectWrongState(ConcludeReport(Open(), {}, D("2026-05-10")), "OPEN", "AR-01");
}

TEST(ReportLifecycle, Ar06ConcludeRefusedOutsideAConcludableState) {
  ExpectWrongState(ConcludeReport(Open(Org(OrgKind::kSocialGroup, true)), {}, D("2026-05-10")),
                   "OPEN", "AR-06");
  auto overdue = MarkOverdue(Open(Org(OrgKind::kFoundation)), D("2026-04-01"));
  ASSERT_TRUE(overdue);
  ExpectWrongState(ConcludeReport(overdue->report, {}, D("2026-05-10")), "OVERDUE", "AR-06");
  ExpectWrongState(ConcludeReport(Concluded(), {}, D("2026-05-11")), "CONCLUDED", "AR-01");
}

TEST(ReportLifecycle, Ar06ReportTheSupervisoryUnitDidNotPassCannotBeConcludedPass) {
  const auto not_passed = Reviewed(false);
  auto pass = ConcludeReport(not_passed, {}, D("2026-05-10"));
  ExpectInvalid(pass, "findings");
  EXPECT_NE(pass.error().message.find("AR-06"), std::string::npos) << pass.error().message;
  auto basic = ConcludeReport(not_passed, {Finding::kMeetingsNotPerCharter}, D("2026-05-10"));
  ASSERT_TRUE(basic.ok()) << basic.error().message;
  EXPECT_EQ(basic->conclusion->conclusion, Conclusion::kBasicPass);
}

TEST(ReportLifecycle, Ar07ConclusionListsEveryFindingWorstDecides) {
  auto r = ConcludeReport(Reviewed(true), {Finding::kIrregularFinance, Finding::kEmbezzlement},
                          D("2026-05-10"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->conclusion->conclusion, Conclusion::kFail);
  EXPECT_EQ(r->conclusion->reasons.size(), 2u);
  EXPECT_TRUE(IsNonPass(*r->conclusion));
}

TEST(ReportLifecycle, Ar09MarkOverdueAnOpenReportPastTheRegistryDeadline) {
  EXPECT_FALSE(MarkOverdue(Open(), D("2026-05-31")));  // the deadline day itself is in time
  auto o = MarkOverdue(Open(), D("2026-07-15"));
  ASSERT_TRUE(o);
  EXPECT_EQ(o->report.state, ReportState::kOverdue);
  EXPECT_EQ(o->report.version, 2);
  EXPECT_EQ(o->credit_event.kind, CreditEventKind::kAnnualReportMissed);  // CR-01(a)
  EXPECT_EQ(o->credit_event.on, D("2026-06-01"));  // the day after the deadline, not today
  EXPECT_FALSE(o->credit_event.no_direct_responsibility);
}

TEST(ReportLifecycle, Ar09FoundationIsOverdueAfterMarch31) {
  auto o = MarkOverdue(Open(Org(OrgKind::kFoundation)), D("2026-04-01"));
  ASSERT_TRUE(o);
  EXPECT_EQ(o->credit_event.on, D("2026-04-01"));
}

TEST(ReportLifecycle, Ar09MarkOverdueOnlyForOpenReports) {
  const Date after = D("2026-07-15");
  EXPECT_FALSE(MarkOverdue(Submitted(), after));
  EXPECT_FALSE(MarkOverdue(Reviewed(true), after));
  EXPECT_FALSE(MarkOverdue(Concluded(), after));
  auto once = MarkOverdue(Open(), after);
  ASSERT_TRUE(once);
  EXPECT_FALSE(MarkOverdue(once->report, D("2026-08-01")));  // OVERDUE stays, no second event
}

}  // namespace
}  // namespace socgov::supervision
