#include "supervision/domain/annual_report.h"

#include <gtest/gtest.h>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

ReportingOrg Org(OrgKind kind, const char* registered_on) {
  return ReportingOrg{kind, false, false, D(registered_on)};
}

TEST(AnnualReport, Ar01SocialGroupDeadlinesInTheFollowingYear) {
  const auto d = DeadlinesFor(Org(OrgKind::kSocialGroup, "2020-01-01"), 2025);
  ASSERT_TRUE(d.supervisory_unit);
  EXPECT_EQ(*d.supervisory_unit, D("2026-03-31"));
  EXPECT_EQ(d.registry, D("2026-05-31"));
  const auto m = DeadlinesFor(Org(OrgKind::kPrivateNonEnterprise, "2020-01-01"), 2025);
  EXPECT_EQ(*m.supervisory_unit, D("2026-03-31"));
  EXPECT_EQ(m.registry, D("2026-05-31"));
}

TEST(AnnualReport, Ar02DirectRegistrationGoesStraightToTheRegistry) {
  ReportingOrg org = Org(OrgKind::kSocialGroup, "2020-01-01");
  org.direct_registration = true;
  const auto d = DeadlinesFor(org, 2025);
  EXPECT_FALSE(d.supervisory_unit);
  EXPECT_EQ(d.registry, D("2026-05-31"));
}

TEST(AnnualReport, Ar03FoundationsByMarch31AndPublishWithin30Days) {
  const auto d = DeadlinesFor(Org(OrgKind::kFoundation, "2020-01-01"), 2025);
  EXPECT_FALSE(d.supervisory_unit);
  EXPECT_EQ(d.registry, D("2026-03-31"));
  EXPECT_EQ(FoundationPublicationDeadline(D("2026-04-15")), D("2026-05-15"));
}

TEST(AnnualReport, Ar04CharitiesFileAReport) {
  ReportingOrg org = Org(OrgKind::kFoundation, "2020-01-01");
  EXPECT_EQ(ModeFor(org), ReportMode::kInspection);
  org.charity = true;
  EXPECT_EQ(ModeFor(org), ReportMode::kReport);
}

TEST(AnnualReport, Ar05CohortCutOffIsConfigurable) {
  const auto late = Org(OrgKind::kPrivateNonEnterprise, "2025-08-01");
  EXPECT_TRUE(*InCohort(late, 2025, CohortRule{12, 31}));
  EXPECT_FALSE(*InCohort(late, 2025, CohortRule{6, 30}));
  EXPECT_TRUE(*InCohort(Org(OrgKind::kSocialGroup, "2025-06-30"), 2025, CohortRule{6, 30}));
  EXPECT_FALSE(*InCohort(Org(OrgKind::kSocialGroup, "2026-01-01"), 2025, CohortRule{}));
  const auto bad = InCohort(late, 2025, CohortRule{2, 30});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.rfind("cohort_rule:", 0), 0u);
}

TEST(AnnualReport, Ar06NoFindingsIsPass) {
  const auto r = Conclude({});
  EXPECT_EQ(r.conclusion, Conclusion::kPass);
  EXPECT_TRUE(r.reasons.empty());
  EXPECT_EQ(ConclusionName(r.conclusion), "合格");
}

TEST(AnnualReport, Ar07BasicPassFindings) {
  const auto r = Conclude({Finding::kMeetingsNotPerCharter, Finding::kIrregularFinance});
  EXPECT_EQ(r.conclusion, Conclusion::kBasicPass);
  ASSERT_EQ(r.reasons.size(), 2u);
  EXPECT_EQ(r.reasons[0], "AR-07 基本合格: meetings not held per the charter");
}

TEST(AnnualReport, Ar07FailFindingDecidesWhateverTheOrder) {
  for (const auto& findings :
       {std::vector<Finding>{Finding::kEmbezzlement, Finding::kIllegalAwards},
        std::vector<Finding>{Finding::kIllegalAwards, Finding::kEmbezzlement}}) {
    const auto r = Conclude(findings);
    EXPECT_EQ(r.conclusion, Conclusion::kFail);
    EXPECT_EQ(r.reasons.size(), 2u);
  }
}

TEST(AnnualReport, Ar08RectificationReportRequired) {
  EXPECT_FALSE(CheckSubmission({}));
  const Status s = CheckSubmission({true, false, false});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(s->message.rfind("state SUBMITTED: AR-08", 0), 0u) << s->message;
  EXPECT_TRUE(CheckSubmission({false, true, false}));
  EXPECT_FALSE(CheckSubmission({true, true, true}));
}

TEST(AnnualReport, Ar09MissedReportIsACr01aEvent) {
  const auto d = DeadlinesFor(Org(OrgKind::kSocialGroup, "2020-01-01"), 2025);
  EXPECT_FALSE(OverdueCreditEvent(d, std::nullopt, D("2026-05-31")));
  EXPECT_FALSE(OverdueCreditEvent(d, D("2026-05-31"), D("2026-07-01")));
  const auto e = OverdueCreditEvent(d, D("2026-06-02"), D("2026-07-01"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind, CreditEventKind::kAnnualReportMissed);
  EXPECT_EQ(e->on, D("2026-06-01"));
  const auto r = ApplyEvent({}, *e);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(OpenListing(*r)->reason, "CR-01(a)");
}

TEST(AnnualReport, Ar10CompletionRate) {
  EXPECT_EQ(*CompletionRateBasisPoints(9186, 10000), 9186);
  // Jimei's 91.86 % [B] is consistent with, e.g., 79 of a cohort of 86 (91.860 %).
  EXPECT_EQ(*CompletionRateBasisPoints(79, 86), 9186);
  EXPECT_EQ(*CompletionRateBasisPoints(2, 3), 6667);  // 66.666… % rounds up
  EXPECT_EQ(*CompletionRateBasisPoints(0, 5), 0);
  const auto bad = CompletionRateBasisPoints(6, 5);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.rfind("submitted:", 0), 0u);
  EXPECT_FALSE(CompletionRateBasisPoints(0, 0).ok());
}

}  // namespace
}  // namespace socgov::supervision
