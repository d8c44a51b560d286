#include "welfare_venture/domain/disclosure.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace socgov::welfare_venture {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace)

VentureProject Contracted(const std::string& id, Fen grant) {
  return *SignContract(AwardedProject(grant, Category::kElderly, id), StandardContract(grant));
}

TEST(Disclosure, Vc11RowsForTheYearsFundedProjects) {
  VentureProject done = *PayTranche(Contracted("prj-b", 300'000 * kYuan), D("2026-04-20"));
  done = *StartImplementation(done, D("2026-05-01"));
  done = *RecordMidterm(done, OnTimeMidterm(), MidtermFailure::kSuspend, D("2026-09-10"));
  VentureProject signed_only = Contracted("prj-a", 200'000 * kYuan);
  VentureProject not_contracted = AwardedProject(100'000 * kYuan, Category::kElderly, "prj-c");
  VentureProject last_year = Contracted("prj-d", 100'000 * kYuan);
  last_year.year = 2025;
  const std::vector<Activity> activities = {
      {"a1", "prj-b", D("2026-06-01"), "town hall", 40, 20, {"v1"}},
      {"a2", "prj-b", D("2026-07-01"), "town hall", 60, 30, {"v1", "v2"}},
      {"a3", "prj-d", D("2026-07-01"), "school", 99, 9, {}}};
  const auto rows =
      BuildDisclosure(2026, {done, signed_only, not_contracted, last_year}, activities);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  const DisclosureRow& a = (*rows)[0];
  EXPECT_EQ(a.project_id, "prj-a");
  EXPECT_EQ(a.amount_fen, 200'000 * kYuan);
  EXPECT_EQ(a.disbursed_fen, 0);
  EXPECT_EQ(a.execution, "CONTRACTED");
  EXPECT_EQ(a.midterm, "PENDING");
  EXPECT_EQ(a.activities, 0);
  const DisclosureRow& b = (*rows)[1];
  EXPECT_EQ(b.project_id, "prj-b");
  EXPECT_EQ(b.name, App().title);
  EXPECT_EQ(b.content, App().summary);
  EXPECT_EQ(b.category, "ELDERLY");
  EXPECT_EQ(b.period_from, D("2026-05-01"));
  EXPECT_EQ(b.period_until, D("2026-12-31"));
  EXPECT_EQ(b.amount_fen, 300'000 * kYuan);
  EXPECT_EQ(b.disbursed_fen, 150'000 * kYuan);
  EXPECT_EQ(b.execution, "MIDTERM_PASSED");
  EXPECT_EQ(b.midterm, "PASSED");
  EXPECT_EQ(b.final_result, "PENDING");
  EXPECT_EQ(b.activities, 2);
  EXPECT_EQ(b.people_served, 100);
  EXPECT_EQ(b.volunteer_hours, 50);
}

TEST(Disclosure, Vc11ReturnedFundsAndFailuresAreDisclosed) {
  MidtermSubmission late = OnTimeMidterm();
  late.activity_records_on = D("2026-09-05");
  VentureProject p = *PayTranche(Contracted("prj-1", 300'000 * kYuan), D("2026-04-20"));
  p = *StartImplementation(p, D("2026-05-01"));
  p = *RecordMidterm(p, late, MidtermFailure::kTerminate, D("2026-09-10"));
  p = *ClawBack(p, 120'000 * kYuan, D("2026-09-30"));
  const auto rows = BuildDisclosure(2026, {p}, {});
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].execution, "TERMINATED");
  EXPECT_EQ((*rows)[0].midterm, "FAILED");
  EXPECT_EQ((*rows)[0].returned_fen, 120'000 * kYuan);
  ExpectInvalid(BuildDisclosure(1999, {p}, {}), "year");
  EXPECT_TRUE(BuildDisclosure(2027, {p}, {})->empty());
}

}  // namespace
}  // namespace socgov::welfare_venture
