#include "supervision/domain/detection.h"

#include <gtest/gtest.h>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

ZombieFacts Active(const char* id) {
  ZombieFacts f;
  f.organization_id = id;
  f.certificate_issued_on = D("2018-03-01");
  f.activities = {D("2018-06-01"), D("2025-11-20")};
  return f;
}

std::vector<std::string> Rules(const Candidate& c) {
  std::vector<std::string> rules;
  for (const auto& r : c.reasons) rules.push_back(r.rule);
  return rules;
}

TEST(Detection, Zb01ActiveOrganizationIsNoCandidate) {
  const auto r = ScanZombies({Active("org-1")}, {D("2026-06-01"), D("2024-01-01")});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(Detection, Zb01aTwoConsecutiveMissedReports) {
  auto gap = Active("org-gap");
  gap.missed_report_years = {2021, 2023};  // not consecutive
  auto two = Active("org-two");
  two.missed_report_years = {2024, 2023};
  auto not_due = Active("org-not-due");
  not_due.missed_report_years = {2025, 2026};  // 2026's report is due in 2027
  const auto r = ScanZombies({gap, two, not_due}, {D("2026-06-01"), std::nullopt});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].organization_id, "org-two");
  EXPECT_EQ((*r)[0].reasons,
            (std::vector<Reason>{{"ZB-01(a)", "annual reports of 2023 and 2024 not filed"}}));
}

TEST(Detection, Zb01bNoActivityWithinOneYearOfCertificateBoundary) {
  ZombieFacts idle;
  idle.organization_id = "org-idle";
  idle.certificate_issued_on = D("2025-03-10");
  idle.activities = {D("2026-03-11")};  // one day too late
  ZombieFacts just = idle;
  just.organization_id = "org-just";
  just.activities = {D("2026-03-10")};  // the last day of the first year
  // The first year ends 2026-03-10: not judged on that day, judged the day after.
  auto r = ScanZombies({idle, just}, {D("2026-03-10"), std::nullopt});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
  r = ScanZombies({idle, just}, {D("2026-03-11"), std::nullopt});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].organization_id, "org-idle");
  EXPECT_EQ(Rules((*r)[0]), (std::vector<std::string>{"ZB-01(b)"}));
}

TEST(Detection, Zb01cNoActivitySinceCutOff) {
  auto quiet = Active("org-quiet");
  quiet.activities = {D("2018-06-01"), D("2023-12-31")};
  auto late_cert = Active("org-new");
  late_cert.certificate_issued_on = D("2024-06-01");
  late_cert.activities = {D("2024-08-01")};  // certified after the cut-off: not judged by (c)
  auto future = Active("org-future");
  future.activities = {D("2018-06-01"), D("2023-01-01"), D("2027-01-01")};  // 2027: ignored
  const auto r = ScanZombies({quiet, late_cert, future}, {D("2026-06-01"), D("2024-01-01")});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].organization_id, "org-future");
  EXPECT_EQ((*r)[1].organization_id, "org-quiet");
  EXPECT_EQ((*r)[1].reasons, (std::vector<Reason>{{"ZB-01(c)", "no activity since 2024-01-01"}}));
}

TEST(Detection, Zb01dUnreachableAndAllReasonsSortedById) {
  auto b = Active("b");
  b.domicile_unreachable = true;
  auto a = Active("a");
  a.legal_rep_unreachable = true;
  a.missed_report_years = {2023, 2024};
  a.activities.clear();
  const auto r = ScanZombies({b, Active("c"), a}, {D("2026-06-01"), D("2024-01-01")});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].organization_id, "a");
  EXPECT_EQ(Rules((*r)[0]),
            (std::vector<std::string>{"ZB-01(a)", "ZB-01(b)", "ZB-01(c)", "ZB-01(d)"}));
  EXPECT_EQ((*r)[0].reasons[3].text, "unreachable through the legal representative");
  EXPECT_EQ((*r)[1].reasons,
            (std::vector<Reason>{{"ZB-01(d)", "unreachable through the domicile"}}));
}

TEST(Detection, Zb01ScanIsDeterministicWhateverTheInputOrder) {
  auto x = Active("x");
  x.domicile_unreachable = true;
  auto y = Active("y");
  y.missed_report_years = {2022, 2023};
  const ZombieScan scan{D("2026-06-01"), std::nullopt};
  EXPECT_EQ(*ScanZombies({x, y}, scan), *ScanZombies({y, x}, scan));
}

TEST(Detection, Zb01BadInputNamesTheField) {
  auto r = ScanZombies({Active("a"), Active("a")}, {D("2026-06-01"), std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "organizations[1].organization_id: repeated");
  r = ScanZombies({Active("")}, {D("2026-06-01"), std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "organizations[0].organization_id: required");
  r = ScanZombies({}, {D("2026-06-01"), D("2026-06-02")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("scan.activity_cutoff:", 0), 0u);
}

TEST(Detection, Zb02CertificateRevocationOnlyForCharities) {
  EXPECT_FALSE(CheckZombieOutcome(ZombieOutcome::kCertificateRevocation, true));
  const auto bad = CheckZombieOutcome(ZombieOutcome::kCertificateRevocation, false);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad->message.rfind("outcome: ZB-02", 0), 0u);
  for (auto o : {ZombieOutcome::kRevocation, ZombieOutcome::kGuidedCancellation,
                 ZombieOutcome::kRectificationOrder}) {
    EXPECT_FALSE(CheckZombieOutcome(o, false));
    EXPECT_FALSE(CheckZombieOutcome(o, true));
  }
  EXPECT_EQ(ZombieOutcomeName(ZombieOutcome::kGuidedCancellation), "引导注销");
}

CouncilTerm Term(const char* id, const char* start, const char* end,
                 std::optional<const char*> extension = std::nullopt) {
  CouncilTerm t{id, D(start), D(end), std::nullopt};
  if (extension) t.extension_until = D(*extension);
  return t;
}

TEST(Detection, Te01TermLengthFourToFiveYears) {
  EXPECT_FALSE(CheckTermLength(Term("a", "2021-06-01", "2025-06-01")));
  EXPECT_FALSE(CheckTermLength(Term("a", "2021-06-01", "2026-06-01")));
  const auto short_term = CheckTermLength(Term("a", "2021-06-01", "2025-05-31"));
  ASSERT_TRUE(short_term);
  EXPECT_EQ(short_term->message, "term_end: TE-01 a council term is 4 to 5 years");
  EXPECT_TRUE(CheckTermLength(Term("a", "2021-06-01", "2026-06-02")));
  EXPECT_TRUE(CheckTermLength(Term("a", "2021-06-01", "2021-06-01")));
}

TEST(Detection, Te01ExtensionExactlyOneYearIsAllowed) {
  EXPECT_FALSE(CheckExtension(Term("a", "2020-06-30", "2025-06-30")));
  EXPECT_FALSE(CheckExtension(Term("a", "2020-06-30", "2025-06-30", "2026-06-30")));
  const auto over = CheckExtension(Term("a", "2020-06-30", "2025-06-30", "2026-07-01"));
  ASSERT_TRUE(over);
  EXPECT_EQ(over->message, "extension_until: TE-01 postponement is at most 1 year");
  EXPECT_TRUE(CheckExtension(Term("a", "2020-06-30", "2025-06-30", "2025-06-30")));
}

TEST(Detection, Te02OverdueAfterTermEndPlusExtension) {
  const std::vector<CouncilTerm> terms{
      Term("late", "2020-06-30", "2025-06-30"),
      Term("extended", "2020-06-30", "2025-06-30", "2026-06-30"),
      Term("current", "2023-01-01", "2027-12-31"),
  };
  auto r = ScanOverdueReelections(terms, D("2026-06-30"));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].organization_id, "late");
  EXPECT_EQ((*r)[0].reasons,
            (std::vector<Reason>{{"TE-02", "re-election overdue: term ended 2025-06-30"}}));
  r = ScanOverdueReelections(terms, D("2026-07-01"));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].organization_id, "extended");
  EXPECT_EQ((*r)[0].reasons[0].text, "re-election overdue: postponed to 2026-06-30");
  EXPECT_EQ((*r)[1].organization_id, "late");
  // The day the term ends is still within it.
  r = ScanOverdueReelections({Term("late", "2020-06-30", "2025-06-30")}, D("2025-06-30"));
  EXPECT_TRUE(r->empty());
}

TEST(Detection, Te02ScanRefusesAnExtensionBeyondOneYear) {
  const auto r = ScanOverdueReelections(
      {Term("a", "2020-06-30", "2025-06-30"), Term("b", "2020-06-30", "2025-06-30", "2026-07-01")},
      D("2026-01-01"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "terms[1].extension_until: TE-01 postponement is at most 1 year");
}

TEST(Detection, CommunityFilingInactiveForTwelveMonthsByDefault) {
  const std::vector<CommunityFilingFacts> filings{
      {"quiet", D("2020-01-01"), {D("2025-05-31")}},
      {"edge", D("2020-01-01"), {D("2025-06-02")}},  // the first day of the window
      {"new", D("2025-07-01"), {}},                  // filed less than 12 months ago
      {"never", D("2025-06-01"), {}},                // filed exactly 12 months ago
  };
  const auto r = ScanInactiveCommunityFilings(filings, D("2026-06-01"));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].organization_id, "never");
  EXPECT_EQ((*r)[1].organization_id, "quiet");
  EXPECT_EQ((*r)[1].reasons[0],
            (Reason{"ZB-01(c)", "community filing: no activity recorded in the last 12 months"}));
}

TEST(Detection, CommunityFilingMonthsIsAParameter) {
  const std::vector<CommunityFilingFacts> filings{{"a", D("2020-01-01"), {D("2026-01-15")}}};
  EXPECT_TRUE(ScanInactiveCommunityFilings(filings, D("2026-06-01"))->empty());
  EXPECT_EQ(ScanInactiveCommunityFilings(filings, D("2026-06-01"), 3)->size(), 1u);
  const auto bad = ScanInactiveCommunityFilings(filings, D("2026-06-01"), 0);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.rfind("months:", 0), 0u);
}

}  // namespace
}  // namespace socgov::supervision
