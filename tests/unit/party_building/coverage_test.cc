#include "party_building/domain/coverage.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace socgov::party_building {
namespace {

std::string Org(int i) { return "xl-org-" + std::to_string(i); }
std::string Outside(int i) { return "banner-org-" + std::to_string(i); }

CoverageLink Link(std::string id, std::vector<std::string> covered) {
  return CoverageLink{std::move(id), std::move(covered)};
}

std::vector<std::string> Scope(int n) {
  std::vector<std::string> s;
  for (int i = 0; i < n; ++i) s.push_back(Org(i));
  return s;
}

// Xilingol's league level (seed: 117 party organizations cover 175 of 232 organizations). The
// report gives only the totals; this mix of types is one that reaches them with every
// many-to-many case in it: joint branches of up to 5 units, organizations under two party
// organizations, links to banner-level organizations outside the league's scope.
std::vector<CoverageLink> XilingolLinks() {
  std::vector<CoverageLink> links;
  for (int i = 0; i < 60; ++i) links.push_back(Link("branch-" + std::to_string(i), {Org(i)}));
  for (int i = 0; i < 34; ++i) {
    links.push_back(Link("temporary-" + std::to_string(i), {Org(60 + i)}));
  }
  // General branches and the committee sit over organizations that already have a branch.
  links.push_back(Link("general-0", {Org(0)}));
  links.push_back(Link("general-1", {Org(1)}));
  links.push_back(Link("committee", {Org(2), Outside(0)}));
  // 16 joint branches of 5 units each: Org(94)..Org(173).
  for (int j = 0; j < 16; ++j) {
    std::vector<std::string> units;
    for (int k = 0; k < 5; ++k) units.push_back(Org(94 + 5 * j + k));
    links.push_back(Link("joint-" + std::to_string(j), units));
  }
  links.push_back(Link("joint-16", {Org(174), Org(3), Outside(1), Outside(2)}));
  links.push_back(Link("joint-17", {Org(10), Org(11), Outside(3)}));
  links.push_back(Link("joint-18", {Org(174), Org(100)}));
  links.push_back(Link("joint-19", {Outside(4), Outside(5), Outside(6)}));
  return links;
}

TEST(Coverage, Pb08XilingolLeagueLevel117OrgsCover175Of232) {
  const auto links = XilingolLinks();
  ASSERT_EQ(links.size(), 117u);
  std::size_t max_units = 0, link_count = 0;
  std::set<std::string> distinct;
  for (const auto& l : links) {
    max_units = std::max(max_units, l.covered_org_ids.size());
    link_count += l.covered_org_ids.size();
    distinct.insert(l.covered_org_ids.begin(), l.covered_org_ids.end());
  }
  EXPECT_EQ(max_units, 5u);                // PB-02's limit, reached
  EXPECT_GT(link_count, distinct.size());  // some organizations covered twice

  const auto c = ComputeCoverage({Scope(232), links, {}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->organization, (Ratio{175, 232}));
  EXPECT_EQ(BasisPoints(c->organization), 7543);  // 75.43 %
  EXPECT_EQ(c->work, c->organization);            // no instructors yet
}

TEST(Coverage, Pb08WorkCoverageAddsInstructorReachedOrganizations) {
  // Ten uncovered organizations reached by instructors, one already covered (counts once), one
  // outside the scope (does not count).
  std::vector<std::string> reached{Org(5), Outside(9)};
  for (int i = 175; i < 185; ++i) reached.push_back(Org(i));
  const auto c = ComputeCoverage({Scope(232), XilingolLinks(), reached});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->organization, (Ratio{175, 232}));
  EXPECT_EQ(c->work, (Ratio{185, 232}));
  EXPECT_EQ(BasisPoints(c->work), 7974);
}

TEST(Coverage, Pb08OrganizationCoveredTwiceCountsOnceAndOutsideScopeNotAtAll) {
  const auto c = ComputeCoverage(
      {{"a", "b", "c"}, {Link("joint", {"a", "b", "x"}), Link("committee", {"a"})}, {}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->organization, (Ratio{2, 3}));
  EXPECT_EQ(BasisPoints(c->organization), 6667);
}

TEST(Coverage, Pb08JimeiAll23Covered) {
  std::vector<CoverageLink> links;
  for (int i = 0; i < 23; ++i) links.push_back(Link("jm-" + std::to_string(i), {Org(i)}));
  const auto c = ComputeCoverage({Scope(23), links, {}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(BasisPoints(c->organization), 10000);
}

TEST(Coverage, Pb08BasisPointsRoundHalfUpAndNoRateForEmptyScope) {
  EXPECT_EQ(BasisPoints({1, 20000}), 1);  // 0.5 bp
  EXPECT_EQ(BasisPoints({3, 80000}), 0);  // 0.375 bp
  EXPECT_EQ(BasisPoints({1, 3}), 3333);
  EXPECT_EQ(BasisPoints({0, 5}), 0);
  EXPECT_EQ(BasisPoints({0, 0}), std::nullopt);
  const auto empty = ComputeCoverage({});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(BasisPoints(empty->organization), std::nullopt);
}

TEST(Coverage, Pb08RollUpSumsNumeratorsAndDenominatorsNeverAveragesRates) {
  const Coverage small{{1, 10}, {2, 10}};          // 10 %
  const Coverage large{{900, 1000}, {950, 1000}};  // 90 %
  const Coverage city = RollUp({small, large});
  EXPECT_EQ(city.organization, (Ratio{901, 1010}));
  EXPECT_EQ(city.work, (Ratio{952, 1010}));
  EXPECT_EQ(BasisPoints(city.organization), 8921);  // not the average 5000
  EXPECT_EQ(RollUp({}), Coverage{});
}

TEST(Coverage, Pb08RefusesScopeListingAnOrganizationTwiceOrAnEmptyId) {
  const auto twice = ComputeCoverage({{"a", "b", "a"}, {}, {}});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(twice.error().message.rfind("orgs_in_scope:", 0), 0u);
  const auto empty = ComputeCoverage({{"a", ""}, {}, {}});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message.rfind("orgs_in_scope:", 0), 0u);
}

TEST(Coverage, Pb01Pb11RequiredButMissingListsOrgsWithThreeFormalMembersAndNoPartyOrg) {
  const std::vector<OrgPartyFacts> orgs{
      {"two", 2},      // below PB-01: an instructor or a joint branch, not a trigger
      {"three", 3},    // PB-01 boundary, uncovered → trigger
      {"covered", 9},  // has a branch
      {"joint", 4},    // under a joint branch: covered
      {"twelve", 12},  // uncovered → trigger
  };
  const std::vector<CoverageLink> links{Link("b", {"covered"}), Link("j", {"joint", "x"})};
  EXPECT_EQ(RequiredButMissing(orgs, links), (std::vector<std::string>{"three", "twelve"}));
  auto all = links;
  all.push_back(Link("new-joint", {"three", "twelve"}));
  EXPECT_TRUE(RequiredButMissing(orgs, all).empty());
}

}  // namespace
}  // namespace socgov::party_building
