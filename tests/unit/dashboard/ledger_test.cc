// The projection arithmetic (issue 12 item 2): stocks as of a day, flows in a period, ratios from
// summed numerators and denominators, district → city roll-up by summing disjoint parts, restated
// counts, and the same figures whatever order the changes arrived in.
#include "dashboard/domain/ledger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace socgov::dashboard {
namespace {

Date D(const char* s) { return *ParseDate(s); }

constexpr const char* kJimei = "350211";
constexpr const char* kSiming = "350203";
constexpr const char* kXiamen = "350200";

TEST(Ledger, AStockIsEveryChangeUpToTheDayAFlowOnlyThoseWithinThePeriod) {
  Ledger l;
  ASSERT_FALSE(l.Add({"reg.registrations", "", kJimei, D("2025-01-10"), 1}));
  ASSERT_FALSE(l.Add({"reg.registrations", "", kJimei, D("2025-06-30"), 1}));
  ASSERT_FALSE(l.Add({"reg.registrations", "", kJimei, D("2026-01-02"), 1}));
  EXPECT_EQ(l.Flow("reg.registrations", std::nullopt, {kJimei}, D("2025-01-01"), D("2025-12-31")),
            2);
  EXPECT_EQ(l.Flow("reg.registrations", std::nullopt, {kJimei}, D("2025-06-30"), D("2025-06-30")),
            1);
  EXPECT_EQ(l.Stock("reg.registrations", std::nullopt, {kJimei}, D("2025-12-31")), 2);
  EXPECT_EQ(l.Stock("reg.registrations", std::nullopt, {kJimei}, D("2024-12-31")), 0);
}

TEST(Ledger, OrganizationsMoveBetweenKindStatusPartsAndTheTotalFollows) {
  Ledger l;
  for (const auto& c : StatusMoved(kJimei, D("2025-01-10"), "", "SOCIAL_GROUP/ACTIVE"))
    ASSERT_FALSE(l.Add(c));
  for (const auto& c : StatusMoved(kJimei, D("2025-01-11"), "", "SOCIAL_GROUP/ACTIVE"))
    ASSERT_FALSE(l.Add(c));
  for (const auto& c :
       StatusMoved(kJimei, D("2025-05-01"), "SOCIAL_GROUP/ACTIVE", "SOCIAL_GROUP/REVOKED"))
    ASSERT_FALSE(l.Add(c));
  EXPECT_TRUE(StatusMoved(kJimei, D("2025-05-01"), "A/B", "A/B").empty());
  EXPECT_EQ(l.Stock("org.count", std::string("SOCIAL_GROUP/ACTIVE"), {kJimei}, D("2025-04-30")), 2);
  EXPECT_EQ(l.Stock("org.count", std::string("SOCIAL_GROUP/ACTIVE"), {kJimei}, D("2025-05-01")), 1);
  EXPECT_EQ(l.Stock("org.count", std::string("SOCIAL_GROUP/REVOKED"), {kJimei}, D("2025-05-01")),
            1);
  EXPECT_EQ(l.Stock("org.count", std::nullopt, {kJimei}, D("2025-12-31")), 2);
  EXPECT_EQ(l.Parts("org.count", {kJimei}),
            (std::vector<std::string>{"SOCIAL_GROUP/ACTIVE", "SOCIAL_GROUP/REVOKED"}));
}

TEST(Ledger, ARestatedCountChangesByTheDifferenceFromTheAggregatesLastStatement) {
  // coverage.changed states the numerator outright: 3, then 5, then 4.
  Ledger l;
  ASSERT_FALSE(l.Add(Restated("pb.covered", "", kJimei, D("2025-03-01"), std::nullopt, 3)));
  ASSERT_FALSE(l.Add(Restated("pb.covered", "", kJimei, D("2025-04-01"), 3, 5)));
  ASSERT_FALSE(l.Add(Restated("pb.covered", "", kJimei, D("2025-05-01"), 5, 4)));
  EXPECT_EQ(l.Stock("pb.covered", std::nullopt, {kJimei}, D("2025-03-31")), 3);
  EXPECT_EQ(l.Stock("pb.covered", std::nullopt, {kJimei}, D("2025-04-30")), 5);
  EXPECT_EQ(l.Stock("pb.covered", std::nullopt, {kJimei}, D("2025-12-31")), 4);
}

TEST(Ledger, ACitysRateIsItsDistrictsSummedNeverTheMeanOfTheirRates) {
  Ledger l;
  // Jimei 23 of 23 covered (100 %), Siming 10 of 1000 (1 %): the city is 33 / 1023 = 3.23 %, not
  // the mean 50.5 %.
  ASSERT_FALSE(l.Add({"pb.covered", "", kJimei, D("2025-12-01"), 23}));
  ASSERT_FALSE(l.Add({"pb.in_scope", "", kJimei, D("2025-12-01"), 23}));
  ASSERT_FALSE(l.Add({"pb.covered", "", kSiming, D("2025-12-01"), 10}));
  ASSERT_FALSE(l.Add({"pb.in_scope", "", kSiming, D("2025-12-01"), 1000}));
  ASSERT_FALSE(l.Add({"pb.in_scope", "", kXiamen, D("2025-12-01"), 0}));
  const Ratio city = l.StockRatio("pb.covered", "pb.in_scope", std::nullopt,
                                  {kXiamen, kJimei, kSiming}, D("2025-12-31"));
  EXPECT_EQ(city, (Ratio{33, 1023}));
  EXPECT_EQ(BasisPoints(city), 323);
  EXPECT_EQ(BasisPoints(
                l.StockRatio("pb.covered", "pb.in_scope", std::nullopt, {kJimei}, D("2025-12-31"))),
            10000);
  EXPECT_EQ(BasisPoints(Ratio{0, 0}), std::nullopt);
  // Jimei's 2025 annual reports: 91.86 % is a numerator and a denominator (e.g. 158 of 172).
  EXPECT_EQ(BasisPoints(Ratio{158, 172}), 9186);
}

TEST(Ledger, TheSameChangesInAnyOrderGiveTheSameFigures) {
  std::vector<Change> changes;
  std::mt19937 rng(20251231);
  for (int i = 0; i < 500; ++i) {
    const char* j = (i % 3 == 0) ? kSiming : kJimei;
    changes.push_back({i % 2 ? "reg.changes" : "org.count", i % 5 ? "SOCIAL_GROUP/ACTIVE" : "", j,
                       D("2025-01-01") + std::chrono::days(i % 365),
                       static_cast<std::int64_t>(rng() % 7) - 3});
  }
  Ledger a;
  for (const auto& c : changes) ASSERT_FALSE(a.Add(c));
  for (int seed = 0; seed < 20; ++seed) {
    auto shuffled = changes;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
    Ledger b;
    for (const auto& c : shuffled) ASSERT_FALSE(b.Add(c));
    EXPECT_EQ(a.Net(), b.Net()) << "seed " << seed;
  }
}

TEST(Ledger, AChangeWithoutAKpiOrAJurisdictionIsRefusedNamingTheField) {
  Ledger l;
  auto err = l.Add({"", "", kJimei, D("2025-01-01"), 1});
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->message.find("kpi"), std::string::npos);
  err = l.Add({"reg.changes", "", "", D("2025-01-01"), 1});
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->message.find("jurisdiction"), std::string::npos);
  EXPECT_TRUE(l.Net().empty());
}

}  // namespace
}  // namespace socgov::dashboard
