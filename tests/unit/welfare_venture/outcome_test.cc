#include "welfare_venture/domain/outcome.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "fixtures.h"

namespace socgov::welfare_venture {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace)

VentureProject Running(const std::string& id, Category category, Fen grant = 100'000 * kYuan) {
  VentureProject p = AwardedProject(grant, category, id);
  p = *SignContract(p, StandardContract(grant));
  p = *PayTranche(p, D("2026-04-20"));
  return *StartImplementation(p, D("2026-05-01"));
}

Activity Act(const std::string& id, const std::string& project_id, std::int64_t people,
             std::int64_t hours, std::vector<std::string> volunteers = {}) {
  return Activity{id,     project_id, D("2026-06-15"),      "Zhaoyang community centre",
                  people, hours,      std::move(volunteers)};
}

TEST(Outcome, Vc08ActivitiesOnlyForFundedProjectsStillRunning) {
  ExpectRule(ReportActivity(AwardedProject(), Act("a", "prj-1", 10, 5)), "AWARDED", "VC-08");
  const VentureProject contracted =
      *SignContract(AwardedProject(), StandardContract(300'000 * kYuan));
  ExpectRule(ReportActivity(contracted, Act("a", "prj-1", 10, 5)), "CONTRACTED", "VC-08");
  const VentureProject paid = *PayTranche(contracted, D("2026-04-20"));
  EXPECT_TRUE(ReportActivity(paid, Act("a", "prj-1", 10, 5)).ok());
  EXPECT_TRUE(ReportActivity(InProgress(), Act("a", "prj-1", 10, 5)).ok());
  MidtermSubmission missing = OnTimeMidterm();
  missing.self_assessment_on.reset();
  const VentureProject terminated =
      *RecordMidterm(InProgress(), missing, MidtermFailure::kTerminate, D("2026-09-10"));
  ExpectRule(ReportActivity(terminated, Act("a", "prj-1", 10, 5)), "TERMINATED", "VC-08");
  const VentureProject suspended =
      *RecordMidterm(InProgress(), missing, MidtermFailure::kSuspend, D("2026-09-10"));
  ExpectRule(ReportActivity(suspended, Act("a", "prj-1", 10, 5)), "SUSPENDED", "VC-08");
  const VentureProject archived = *Archive(terminated, D("2026-10-01"));
  ExpectRule(ReportActivity(archived, Act("a", "prj-1", 10, 5)), "ARCHIVED", "VC-08");
}

TEST(Outcome, Vc08BadActivityReportsNameTheField) {
  const VentureProject p = InProgress();
  Activity a = Act("a", "prj-1", 10, 5);
  a.on = D("2026-04-30");
  ExpectInvalid(ReportActivity(p, a), "on");
  a.on = D("2027-01-01");
  ExpectInvalid(ReportActivity(p, a), "on");
  a.on = D("2026-12-31");
  EXPECT_TRUE(ReportActivity(p, a).ok());
  ExpectInvalid(ReportActivity(p, Act("a", "prj-1", -1, 5)), "people_served");
  ExpectInvalid(ReportActivity(p, Act("a", "prj-1", 1, -5)), "volunteer_hours");
  ExpectInvalid(ReportActivity(p, Act("a", "prj-1", 1, 5, {"v1", "v1"})), "volunteer_ids");
  ExpectInvalid(ReportActivity(p, Act("a", "prj-1", 1, 5, {""})), "volunteer_ids");
  ExpectInvalid(ReportActivity(p, Act("", "prj-1", 1, 5)), "id");
  ExpectInvalid(ReportActivity(p, Act("a", "prj-2", 1, 5)), "project_id");
  a = Act("a", "prj-1", 1, 5);
  a.place.clear();
  ExpectInvalid(ReportActivity(p, a), "place");
}

TEST(Outcome, Vc11TotalsAreExactSumsPerProjectRoundCategoryAndJurisdiction) {
  std::vector<VentureProject> projects = {Running("p1", Category::kElderly),
                                          Running("p2", Category::kElderly),
                                          Running("p3", Category::kDisabled)};
  projects[2].jurisdiction = "321202";
  const std::vector<Activity> activities = {
      Act("a1", "p1", 30, 12, {"v1", "v2"}), Act("a2", "p1", 7, 3, {"v2"}),
      Act("a3", "p2", 11, 5, {"v2", "v3"}), Act("a4", "p3", 1, 1, {})};
  const auto by_project = *TotalsBy(projects, activities, GroupBy::kProject);
  ASSERT_EQ(by_project.size(), 3u);
  EXPECT_EQ(by_project[0].key, "p1");
  EXPECT_EQ(by_project[0].totals, (OutcomeTotals{1, 2, 37, 15, 3, 2}));
  const auto by_category = *TotalsBy(projects, activities, GroupBy::kCategory);
  ASSERT_EQ(by_category.size(), 2u);
  EXPECT_EQ(by_category[0].key, "DISABLED");
  EXPECT_EQ(by_category[1].key, "ELDERLY");
  EXPECT_EQ(by_category[1].totals, (OutcomeTotals{2, 3, 48, 20, 5, 3}));
  const auto by_round = *TotalsBy(projects, activities, GroupBy::kRound);
  ASSERT_EQ(by_round.size(), 1u);
  EXPECT_EQ(by_round[0].totals, (OutcomeTotals{3, 4, 49, 21, 5, 3}));
  const auto by_jurisdiction = *TotalsBy(projects, activities, GroupBy::kJurisdiction);
  ASSERT_EQ(by_jurisdiction.size(), 2u);
  EXPECT_EQ(by_jurisdiction[0].key, "321202");
  EXPECT_EQ(by_jurisdiction[0].totals, (OutcomeTotals{1, 1, 1, 1, 0, 0}));
  // A project without activities still counts as a project.
  projects.push_back(Running("p4", Category::kChildrenYouth));
  EXPECT_EQ(TotalsOf(projects, activities)->projects, 4);
}

TEST(Outcome, Vc11TotalsRefuseUnknownProjectsAndRepeats) {
  const std::vector<VentureProject> projects = {Running("p1", Category::kElderly)};
  ExpectInvalid(TotalsBy(projects, {Act("a1", "p9", 1, 1)}, GroupBy::kProject), "activities");
  ExpectInvalid(
      TotalsBy(projects, {Act("a1", "p1", 1, 1), Act("a1", "p1", 1, 1)}, GroupBy::kProject),
      "activities");
  ExpectInvalid(TotalsBy({projects[0], projects[0]}, {}, GroupBy::kRound), "projects");
}

// What the seed reports of Xinghua: 5 venture projects on the elderly, children and the
// disabled, about 50 activities, more than 4,000 people served, a volunteer team of 90 with more
// than 16,000 hours. The split across projects is invented; the totals are the report's.
TEST(Outcome, Vc11XinghuasFiveProjectsFiftyActivitiesNinetyVolunteers) {
  const std::vector<VentureProject> projects = {Running("xh-elderly-1", Category::kElderly),
                                                Running("xh-elderly-2", Category::kElderly),
                                                Running("xh-children-1", Category::kChildrenYouth),
                                                Running("xh-children-2", Category::kChildrenYouth),
                                                Running("xh-disabled-1", Category::kDisabled)};
  std::vector<Activity> activities;
  for (int k = 0; k < 50; ++k) {
    const VentureProject& p = projects[k % 5];
    std::vector<std::string> team;
    for (int j = 0; j < 18; ++j) team.push_back("vol-" + std::to_string((k * 18 + j) % 90));
    Activity a = Act("xh-act-" + std::to_string(k), p.id, 83, 324, std::move(team));
    a.on = D("2026-05-01") + std::chrono::days{k * 4};
    const auto reported = ReportActivity(p, a);
    ASSERT_TRUE(reported.ok()) << reported.error().message;
    activities.push_back(*reported);
  }
  const OutcomeTotals all = *TotalsOf(projects, activities);
  EXPECT_EQ(all.projects, 5);
  EXPECT_EQ(all.activities, 50);
  EXPECT_EQ(all.people_served, 4150);
  EXPECT_GT(all.people_served, 4000);
  EXPECT_EQ(all.distinct_volunteers, 90);
  EXPECT_EQ(all.volunteer_hours, 16200);
  EXPECT_GT(all.volunteer_hours, 16000);
  EXPECT_EQ(all.volunteer_turnouts, 900);
  const auto by_category = *TotalsBy(projects, activities, GroupBy::kCategory);
  ASSERT_EQ(by_category.size(), 3u);
  std::int64_t people = 0, hours = 0, turnouts = 0;
  for (const auto& g : by_category) {
    people += g.totals.people_served;
    hours += g.totals.volunteer_hours;
    turnouts += g.totals.volunteer_turnouts;
  }
  // Category totals add back up to the whole; distinct volunteers are not summed.
  EXPECT_EQ(people, all.people_served);
  EXPECT_EQ(hours, all.volunteer_hours);
  EXPECT_EQ(turnouts, all.volunteer_turnouts);
}

}  // namespace
}  // namespace socgov::welfare_venture
