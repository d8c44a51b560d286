// The pure parts of `socgovctl demo supervision`: the draw's ratio, the picks from a sorted pool,
// the scaling to a smaller register and the day arithmetic of its deadlines.
#include "supervision_demo.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace socgov::ctl::demo_sup {
namespace {

std::vector<std::string> Ids(int n) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) ids.push_back("id" + std::to_string(100 + i));
  return ids;
}

TEST(SupervisionDemoTest, RatioGivesJimeisTwentyEightDrawsFromTheDemoRegister) {
  const int ratio = RatioPermille(282, 28);
  EXPECT_EQ(SampleSize(282, ratio), 28);
  EXPECT_EQ(ratio, 99);  // the largest that still draws 28: 100 ‰ would draw 29
  EXPECT_EQ(SampleSize(282, ratio + 1), 29);
}

TEST(SupervisionDemoTest, RatioStaysWithinTheCountyMinimumAndTheWhole) {
  EXPECT_EQ(RatioPermille(5000, 28), 30);  // 3 % of 5000 is 150: the minimum is the closest
  EXPECT_EQ(RatioPermille(10, 28), 1000);  // all 10 is the closest to 28
  EXPECT_EQ(SampleSize(50, RatioPermille(50, 28)), 28);
}

TEST(SupervisionDemoTest, TakeSpreadPicksEvenlyAndRemovesThePicks) {
  std::vector<std::string> pool = Ids(10);
  const auto taken = TakeSpread(pool, 3);
  EXPECT_EQ(taken, (std::vector<std::string>{"id100", "id103", "id106"}));
  ASSERT_EQ(pool.size(), 7u);
  for (const auto& id : taken) EXPECT_EQ(std::count(pool.begin(), pool.end(), id), 0);
  const auto rest = TakeSpread(pool, 20);
  EXPECT_EQ(rest.size(), 7u);
  EXPECT_TRUE(pool.empty());
  EXPECT_TRUE(TakeSpread(pool, 3).empty());
}

TEST(SupervisionDemoTest, TakeSpreadIsTheSameForTheSamePool) {
  std::vector<std::string> a = Ids(282), b = Ids(282);
  EXPECT_EQ(TakeSpread(a, 31), TakeSpread(b, 31));
  EXPECT_EQ(TakeSpread(a, 90), TakeSpread(b, 90));
  const std::set<std::string> distinct(a.begin(), a.end());
  EXPECT_EQ(distinct.size(), 282u - 31 - 90);
}

TEST(SupervisionDemoTest, ScaledKeepsJimeisFiguresWhenTheyFit) {
  EXPECT_EQ(Scaled(31, 254, 172), 31);
  EXPECT_EQ(Scaled(31, 86, 172), 15);
  EXPECT_EQ(Scaled(246, 0, 606), 0);
}

TEST(SupervisionDemoTest, PlusDaysCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(PlusDays("2026-12-02", 30), "2027-01-01");
  EXPECT_EQ(PlusDays("2028-02-28", 1), "2028-02-29");
  EXPECT_EQ(PlusDays("2027-02-28", 1), "2027-03-01");
  EXPECT_EQ(PlusDays("2026-12-02", 0), "2026-12-02");
}

}  // namespace
}  // namespace socgov::ctl::demo_sup
