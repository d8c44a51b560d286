// The pure parts of `socgovctl demo party-building` (party_building_demo.cc), exposed for the unit
// tests: how Jimei's 23 organizations are shared among its 9 new party organizations, and the
// demo's members' ID numbers.
#pragma once

#include <string>
#include <vector>

namespace socgov::ctl::demo_pb {

// One party organization the demo sets up: a branch of its own (PB-01: ≥ 3 formal members) or a
// joint branch (PB-02: 2 to 5 organizations, each with fewer than 3 formal members).
struct BranchPlan {
  bool joint = false;
  std::vector<std::string> organizations;  // covered, the first is the "home" one
  int formal = 0;
  int probationary = 0;
};

// Jimei (seed): 9 new branches covering 23 organizations — 5 branches of their own, the first of
// them 和欣社工党支部 with 7 formal members (PB-04: a branch committee), and 4 joint branches of
// 5, 5, 4 and 4. `organizations` are taken in order; fewer than 23 scale the joint branches down
// (a joint branch keeps at least 2, the branches of their own come first).
std::vector<BranchPlan> PlanBranches(const std::vector<std::string>& organizations);

// Where each member of a plan works: a joint branch's members spread over its organizations so
// that none reaches 3 formal members (which would call for a branch of its own, PB-01).
std::vector<std::string> MemberWorkplaces(const BranchPlan& plan);

// The n-th demo member's 18-character ID number: registered in Jimei (350211), born in the
// 1960s..1990s, with its GB 11643 check character.
std::string IdNumber(int n);

}  // namespace socgov::ctl::demo_pb
