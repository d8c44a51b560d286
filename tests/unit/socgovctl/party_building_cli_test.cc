// "socgovctl pb ..." without a server, like supervision_cli_test: commands are driven in-process
// through RunCommand with a Context over string streams; usage errors must be caught before any
// RPC (the address refuses connections, so a stray call would show as exit 1), enum flags take the
// proto names without their prefix. Also the pure parts of `demo party-building`: how Jimei's 23
// organizations are shared among its 9 branches (PB-01/02) and its members' ID numbers.
#include "party_building_cli.h"

#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "party_building/domain/member.h"
#include "party_building_demo.h"

namespace socgov::ctl {
namespace {

struct Outcome {
  int exit_code;
  std::string out;
  std::string err;
};

Outcome Pb(const std::string& name, const std::vector<std::string>& args) {
  const Command* command = FindCommand("pb", name);
  EXPECT_NE(command, nullptr) << "pb " << name;
  if (command == nullptr) return {-1, "", ""};
  std::ostringstream out;
  std::ostringstream err;
  const Context ctx{.registration_addr = "127.0.0.1:1",
                    .supervision_addr = "127.0.0.1:1",
                    .audit_addr = "127.0.0.1:1",
                    .party_building_addr = "127.0.0.1:1",
                    .timeout = std::chrono::milliseconds(500),
                    .token = "",
                    .out = out,
                    .err = err};
  const int code = RunCommand(*command, ctx, args);
  return {code, out.str(), err.str()};
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

void ExpectUsageError(const std::string& name, const std::vector<std::string>& args,
                      const std::string& flag) {
  const Outcome run = Pb(name, args);
  EXPECT_EQ(run.exit_code, kExitUsage) << "pb " << name << ": " << run.err;
  EXPECT_NE(FirstLine(run.err).find(flag), std::string::npos)
      << "pb " << name << " should name " << flag << ", said: " << FirstLine(run.err);
  EXPECT_TRUE(run.out.empty());
}

TEST(PbFlags, MissingOrMalformedFlagsAreUsageErrorsNamingTheFlag) {
  ExpectUsageError("propose", {"--org", "X"}, "--type");
  ExpectUsageError("propose", {"--type", "BRANCH"}, "--org");
  ExpectUsageError("propose", {"--type", "BRANCH", "--org", "X", "--formal-members", "-1"},
                   "--formal-members");
  ExpectUsageError("propose", {"--type", "BRANCH", "--org", "X", "--proposed-on", "2026-02-30x"},
                   "--proposed-on");
  ExpectUsageError("propose", {"--type", "BRANCH", "--org", "X", "--output", "yaml"}, "--output");
  ExpectUsageError("approve", {"--party-org", "P"}, "--approver");
  ExpectUsageError("approve", {"--approver", "C"}, "--party-org");
  ExpectUsageError("activate", {"--party-org", "P", "--term-start", "2026-01-01"}, "--secretary");
  ExpectUsageError("activate",
                   {"--party-org", "P", "--secretary", "S", "--term-start", "2026-01-01"},
                   "--term-end");
  ExpectUsageError("dissolve", {"--party-org", "P", "--dissolved-on", "today"}, "--dissolved-on");
  ExpectUsageError("party-org", {}, "--party-org");
  ExpectUsageError("party-orgs", {"--jurisdiction", "3502"}, "--jurisdiction");
  ExpectUsageError("party-orgs", {"--limit", "501"}, "--limit");
  ExpectUsageError("add-member", {"--kind", "FORMAL", "--party-org", "P"}, "--id-number");
  ExpectUsageError("add-member", {"--id-number", "1", "--id-number-file", "f", "--kind", "FORMAL"},
                   "--id-number");
  ExpectUsageError("add-member", {"--id-number", "1", "--party-org", "P"}, "--kind");
  ExpectUsageError("apply-temporary",
                   {"--host-org", "H", "--parent", "C", "--application-doc-no", "1"},
                   "--formal-members-not-transferred");
  ExpectUsageError("approve-temporary", {"--branch", "B", "--approver", "C", "--secretary", "S"},
                   "--approval-doc-no");
  ExpectUsageError("file-temporary", {"--branch", "B"}, "--filing-doc-no");
  ExpectUsageError("branch-action", {"--branch", "B"}, "--action");
  ExpectUsageError("coverage", {"--jurisdiction", "abcdef"}, "--jurisdiction");
}

TEST(PbFlags, EnumsAreTheProtoNamesWithoutPrefix) {
  EXPECT_EQ(ParseEnum<pbpb::PartyOrgType>("--type", "joint-branch"),
            pbpb::PARTY_ORG_TYPE_JOINT_BRANCH);
  EXPECT_EQ(ParseEnum<pbpb::MemberKind>("--kind", "probationary"), pbpb::MEMBER_KIND_PROBATIONARY);
  EXPECT_EQ(ParseEnum<pbpb::BranchAction>("--action", "HOLD_TERM_ELECTION"),
            pbpb::BRANCH_ACTION_HOLD_TERM_ELECTION);
  const Outcome run = Pb("branch-action", {"--branch", "B", "--action", "vote"});
  EXPECT_EQ(run.exit_code, kExitUsage);
  EXPECT_EQ(FirstLine(run.err),
            "socgovctl pb branch-action: --action must be EDUCATE | MANAGE | SUPERVISE | "
            "ADMIT_MEMBER | DISCIPLINE | COLLECT_DUES | HOLD_TERM_ELECTION | "
            "ELECT_CONGRESS_DELEGATES, got \"vote\"");
}

// The commands of the party organizations' life and of major decisions (PB-12, PB-13).
TEST(PbFlags, LifeAndDecisionFlagsAreCheckedLocally) {
  ExpectUsageError("complete-election",
                   {"--party-org", "P", "--present", "4", "--secretary", "S", "--term-start",
                    "2026-01-01", "--term-end", "2028-12-31"},
                   "--eligible");
  ExpectUsageError("record-meeting",
                   {"--party-org", "P", "--kind", "party", "--entitled", "5", "--present", "4",
                    "--subject", "s"},
                   "--kind");
  ExpectUsageError("record-meeting", {"--party-org", "P", "--kind", "resolution", "--subject", "s"},
                   "--entitled");
  ExpectUsageError("appoint-instructor", {"--name", "李明"}, "--org");
  ExpectUsageError("end-instructor", {"--instructor", "I"}, "--version");
  ExpectUsageError("record-activity", {"--title", "t", "--participants", "9"}, "--party-org");
  ExpectUsageError("record-activity", {"--party-org", "P", "--title", "t"}, "--participants");
  ExpectUsageError("record-evaluation",
                   {"--party-org", "P", "--year", "2026", "--evaluated-by", "x"}, "--six-good");
  ExpectUsageError("record-evaluation",
                   {"--party-org", "P", "--year", "1999", "--six-good", "--evaluated-by", "x"},
                   "--year");
  ExpectUsageError("record-award", {"--kind", "STAR_MEMBER", "--year", "2026", "--awarded-by", "x"},
                   "--member-id-number");
  ExpectUsageError("record-award",
                   {"--kind", "ADVANCED_PARTY_ORG", "--year", "2026", "--awarded-by", "x"},
                   "--party-org");
  ExpectUsageError("register-decision",
                   {"--org", "O", "--party-org", "P", "--category", "budget", "--title", "t",
                    "--decision-meeting-on", "2026-05-01"},
                   "--category");
  ExpectUsageError(
      "decision-opinion",
      {"--decision", "D", "--form", "countersign", "--checklist", "lawful,legal", "--agree"},
      "--checklist");
  ExpectUsageError("decision-opinion", {"--decision", "D", "--form", "countersign"}, "--agree");
  ExpectUsageError("resolve-escalation", {"--decision", "D"}, "--objection-upheld");
  ExpectUsageError("resolve-deviation", {"--decision", "D", "--corrected"}, "--index");
  ExpectUsageError("summary", {"--year", "20x6"}, "--year");
}

TEST(PbFlags, ChecklistNamesTheSixWhetherFields) {
  const Outcome run = Pb("decision-opinion", {"--decision", "D", "--form", "countersign",
                                              "--checklist", "nope", "--agree"});
  EXPECT_EQ(run.exit_code, kExitUsage);
  EXPECT_EQ(FirstLine(run.err),
            "socgovctl pb decision-opinion: --checklist must list all | follows-party-line | "
            "lawful | within-charter | ideologically-sound | serves-members-and-public | "
            "sound-development, got \"nope\"");
}

// PB-07: a temporary branch is applied for, never proposed; told before any call.
TEST(PbFlags, Pb07TemporaryBranchIsNotProposed) {
  const Outcome run = Pb("propose", {"--type", "TEMPORARY_BRANCH", "--org", "X"});
  EXPECT_EQ(run.exit_code, kExitUsage);
  EXPECT_NE(FirstLine(run.err).find("pb apply-temporary (PB-07)"), std::string::npos) << run.err;
  EXPECT_EQ(FindCommand("pb", "propose")->options[0].help.find("TEMPORARY"), std::string::npos);
}

// A well-formed command reaches the (refusing) address: exit 1 with the RPC's status, the same
// contract as reg and sup.
TEST(PbFlags, RpcFailureIsExitOne) {
  const Outcome run = Pb("coverage", {"--jurisdiction", "350211"});
  EXPECT_EQ(run.exit_code, kExitFailure);
  EXPECT_TRUE(run.err.starts_with("error: UNAVAILABLE")) << run.err;
}

TEST(PbUsage, EveryCommandHasHelpAndDeclaresItsSwitches) {
  std::set<std::string> names;
  for (const Command& command : Commands()) {
    if (command.group != "pb") continue;
    names.insert(std::string(command.name));
    const auto declared = [&](std::string_view name) {
      for (const config::Option& option : command.options) {
        if (option.name == name) return true;
      }
      return false;
    };
    for (std::string_view name : command.switches) EXPECT_TRUE(declared(name)) << name;
    for (std::string_view name : command.repeatable) EXPECT_TRUE(declared(name)) << name;
    const Outcome run = Pb(std::string(command.name), {"--help"});
    EXPECT_EQ(run.exit_code, kExitOk) << command.name << ": " << run.err;
    EXPECT_TRUE(run.out.starts_with("usage: socgovctl pb " + std::string(command.name)));
  }
  // One command per RPC of PartyBuildingService.
  const auto* service = google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
      "socgov.party_building.v1.PartyBuildingService");
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(static_cast<int>(names.size()), service->method_count());
}

TEST(PbUsage, GlobalUsageNamesThePartyBuildingAddress) {
  EXPECT_NE(GlobalUsage().find("--party-building-addr"), std::string::npos);
  EXPECT_NE(GlobalUsage().find("SOCGOV_PARTY_BUILDING_ADDR (127.0.0.1:50053)"), std::string::npos);
  EXPECT_NE(GlobalUsage().find("pb coverage"), std::string::npos);
  EXPECT_NE(GlobalUsage().find("demo party-building"), std::string::npos);
}

// ---- demo party-building ------------------------------------------------------------------------

std::vector<std::string> Orgs(int n) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) ids.push_back("51350211MJ" + std::to_string(1000 + i));
  return ids;
}

// Jimei: 9 new branches, the 23 organizations all covered once; PB-01 (a branch of its own has 3+
// formal members), PB-02 (a joint branch covers 2..5), PB-04 (和欣, first, has 7: a committee).
TEST(PbDemo, Pb01Pb02JimeiNineBranchesCoverTwentyThree) {
  const auto plans = demo_pb::PlanBranches(Orgs(23));
  ASSERT_EQ(plans.size(), 9u);
  std::set<std::string> covered;
  int own = 0, joint = 0;
  for (const auto& plan : plans) {
    for (const auto& id : plan.organizations) EXPECT_TRUE(covered.insert(id).second) << id;
    EXPECT_GE(plan.formal, 3);
    if (plan.joint) {
      ++joint;
      EXPECT_GE(plan.organizations.size(), 2u);
      EXPECT_LE(plan.organizations.size(), 5u);
      // Each organization of a joint branch has fewer than 3 formal members of its own.
      std::map<std::string, int> formal;
      const auto at = demo_pb::MemberWorkplaces(plan);
      ASSERT_EQ(static_cast<int>(at.size()), plan.formal + plan.probationary);
      for (int i = 0; i < plan.formal; ++i) ++formal[at[static_cast<size_t>(i)]];
      for (const auto& [id, n] : formal) EXPECT_LT(n, 3) << id;
    } else {
      ++own;
      EXPECT_EQ(plan.organizations.size(), 1u);
    }
  }
  EXPECT_EQ(covered.size(), 23u);
  EXPECT_EQ(own, 5);
  EXPECT_EQ(joint, 4);
  EXPECT_EQ(plans.front().organizations.front(), Orgs(1).front());
  EXPECT_GE(plans.front().formal, 7);
}

TEST(PbDemo, Pb02SmallRegisterScalesTheJointBranchesDown) {
  const auto plans = demo_pb::PlanBranches(Orgs(8));
  ASSERT_EQ(plans.size(), 6u);  // 5 of their own, one joint branch of 3
  EXPECT_TRUE(plans.back().joint);
  EXPECT_EQ(plans.back().organizations.size(), 3u);
  EXPECT_EQ(demo_pb::PlanBranches(Orgs(6)).size(), 5u);  // one left over: no joint branch of one
}

TEST(PbDemo, IdNumbersAreValidAndDistinct) {
  std::set<std::string> seen;
  for (int n = 1; n <= 60; ++n) {
    const std::string id = demo_pb::IdNumber(n);
    ASSERT_EQ(id.size(), 18u) << id;
    EXPECT_TRUE(id.starts_with("350211")) << id;
    EXPECT_TRUE(seen.insert(id).second) << id;
    // The service's own check (GB 11643) accepts it.
    EXPECT_EQ(party_building::IdCheckDigit(std::string_view(id).substr(0, 17)), id[17]) << id;
  }
}

}  // namespace
}  // namespace socgov::ctl
