// socgovctl's "pb" commands and `demo party-building` against the real services in-process:
// registration and party building on real redis-server and nats-server -js, the commands driven
// through RunCommand with a Context over string streams (as main does, without a process). The
// service's rules themselves are party_building_test.cc's; here: the flags reach the RPCs, --output
// id, versions read when --version is not given, refusals as exit 1 naming the rule, and the demo's
// figures (9 party organizations covering 23 organizations, a filed temporary branch), the same on
// a re-run.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "party_building/definition.h"
#include "party_building_demo.h"
#include "registration_fixture.h"

namespace socgov::testing {
namespace {

using ctl::Command;
using ctl::Context;
using std::chrono::seconds;

constexpr const char* kCommittee = "JM-SOC-COMMITTEE";

struct CtlRun {
  int exit_code;
  std::string out;
  std::string err;
};

class PartyBuildingCliTest : public RegistrationFixture {
 protected:
  void SetUp() override {
    RegistrationFixture::SetUp();
    if (HasFatalFailure()) return;
    pb_ = std::make_unique<InProcessService>(party_building::ServiceDefinition(), dir_.path(),
                                             *redis_, *nats_, kTestKey,
                                             std::map<std::string, std::string>{});
    ASSERT_TRUE(pb_->Start());
  }
  void TearDown() override {
    if (pb_) pb_->Stop();
    RegistrationFixture::TearDown();
  }

  CtlRun Ctl(const std::string& group, const std::string& name,
             const std::vector<std::string>& args, const std::string& token) {
    const Command* command = ctl::FindCommand(group, name);
    EXPECT_NE(command, nullptr) << group << " " << name;
    if (command == nullptr) return {-1, "", ""};
    std::ostringstream out;
    std::ostringstream err;
    const Context ctx{.registration_addr = service_->addr(),
                      .supervision_addr = "127.0.0.1:1",
                      .audit_addr = "127.0.0.1:1",
                      .party_building_addr = pb_->addr(),
                      .timeout = std::chrono::milliseconds(10000),
                      .token = token,
                      .out = out,
                      .err = err};
    const int code = ctl::RunCommand(*command, ctx, args);
    return {code, out.str(), err.str()};
  }
  CtlRun Pb(const std::string& name, const std::vector<std::string>& args,
            const std::string& role = "party_work_officer") {
    return Ctl("pb", name, args, Token(role));
  }

  // Registered in registration and known to party building's directory (its events).
  std::vector<std::string> RegisterOrgs(const std::vector<std::string>& names) {
    std::vector<std::string> ids;
    for (size_t i = 0; i < names.size(); ++i) {
      rv1::SubmitApplicationResponse s;
      auto st = Submit(SocialServiceRequest(names[i], "cli-" + std::to_string(i)), &s);
      EXPECT_TRUE(st.ok()) << st.error_message();
      rv1::ApproveApplicationResponse a;
      st = Approve(s.application().id(), 1, "cli-approve-" + std::to_string(i), &a);
      EXPECT_TRUE(st.ok()) << st.error_message();
      ids.push_back(a.organization().id());
    }
    EXPECT_TRUE(WaitFor(
        [&] {
          for (const auto& id : ids)
            if (RedisInt({"EXISTS", "{pb}:dir:org:" + id}) != 1) return false;
          return true;
        },
        seconds(30)))
        << pb_->log();
    return ids;
  }

  std::unique_ptr<InProcessService> pb_;
};

TEST_F(PartyBuildingCliTest, Pb01Pb05CommandsDriveTheServiceAndExitAsSupDoes) {
  const auto orgs =
      RegisterOrgs({"厦门市集美区命令行一号服务中心", "厦门市集美区命令行二号服务中心"});
  ASSERT_EQ(orgs.size(), 2u);

  // PB-01 refused by the service: exit 1, the rule named, nothing printed on stdout.
  CtlRun run = Pb("propose", {"--type", "branch", "--org", orgs[0], "--parent", kCommittee,
                              "--formal-members", "2", "--request-id", "cli-p0"});
  EXPECT_EQ(run.exit_code, ctl::kExitFailure);
  EXPECT_NE(run.err.find("FAILED_PRECONDITION"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("PB-01"), std::string::npos) << run.err;
  EXPECT_TRUE(run.out.empty());

  // --output id prints the id alone; the same request id answers the same organization.
  const std::vector<std::string> propose = {
      "--type",           "BRANCH", "--org",        orgs[0],  "--parent", kCommittee,
      "--formal-members", "3",      "--request-id", "cli-p1", "--output", "id"};
  run = Pb("propose", propose);
  ASSERT_EQ(run.exit_code, ctl::kExitOk) << run.err;
  const std::string id = run.out.substr(0, run.out.find('\n'));
  EXPECT_FALSE(id.empty());
  EXPECT_EQ(Pb("propose", propose).out, run.out);

  // PB-05: without the authority refused; with it approved, the version read by the command.
  run = Pb("approve", {"--party-org", id, "--approver", kCommittee});
  EXPECT_EQ(run.exit_code, ctl::kExitFailure);
  EXPECT_NE(run.err.find("PB-05"), std::string::npos) << run.err;
  run = Pb("approve", {"--party-org", id, "--approver", kCommittee, "--may-approve-establishment"});
  ASSERT_EQ(run.exit_code, ctl::kExitOk) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["state"], "PARTY_ORG_STATE_ESTABLISHED");
  // A stale --version is the service's conflict, not a usage error.
  run = Pb("activate", {"--party-org", id, "--secretary", "P-1", "--term-start", "2026-01-01",
                        "--term-end", "2028-12-31", "--version", "1"});
  EXPECT_EQ(run.exit_code, ctl::kExitFailure);
  run = Pb("activate", {"--party-org", id, "--secretary", "P-1", "--secretary-is-org-head",
                        "--term-start", "2026-01-01", "--term-end", "2028-12-31"});
  ASSERT_EQ(run.exit_code, ctl::kExitOk) << run.err;
  auto po = nlohmann::json::parse(run.out);
  EXPECT_EQ(po["state"], "PARTY_ORG_STATE_ACTIVE");
  EXPECT_EQ(po["leadership"]["secretary_is_org_head"], true);

  // The ID number from a file (kept out of ps), masked in the answer.
  const std::string id_number = ctl::demo_pb::IdNumber(7);
  const std::string file = dir_.path() + "/id-number";
  std::ofstream(file) << id_number << "\n";
  run = Pb("add-member", {"--id-number-file", file, "--kind", "formal", "--party-org", id,
                          "--works-at", orgs[0], "--transferred-in"});
  ASSERT_EQ(run.exit_code, ctl::kExitOk) << run.err;
  EXPECT_EQ(run.out.find(id_number), std::string::npos) << run.out;
  EXPECT_EQ(nlohmann::json::parse(run.out)["membership_transferred_in"], true);

  // Viewers read the coverage (PB-08), not the records.
  run = Pb("coverage", {}, "viewer");
  ASSERT_EQ(run.exit_code, ctl::kExitOk) << run.err;
  const auto coverage = nlohmann::json::parse(run.out);
  EXPECT_EQ(coverage["organization"]["numerator"], "1");  // int64 in proto JSON: a string
  EXPECT_EQ(coverage["organization"]["denominator"], "2");
  run = Pb("party-org", {"--party-org", id}, "viewer");
  EXPECT_EQ(run.exit_code, ctl::kExitFailure);
  EXPECT_NE(run.err.find("PERMISSION_DENIED"), std::string::npos) << run.err;
  run = Pb("party-orgs", {"--jurisdiction", kJimei});
  ASSERT_EQ(run.exit_code, ctl::kExitOk) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["party_organizations"].size(), 1u);
}

TEST_F(PartyBuildingCliTest, Pb06Pb07TemporaryBranchCommands) {
  const auto host = RegisterOrgs({"厦门市集美区命令行理事会服务中心"}).front();
  rv1::GetOrganizationRequest get;
  get.set_organization_id(host);
  rv1::Organization org;
  ASSERT_TRUE(
      Call(&rv1::RegistrationService::Stub::GetOrganization, get, &org, Token("viewer")).ok());
  CtlRun run =
      Ctl("reg", "record-council-term",
          {"--id", host, "--start", "2025-01-01", "--end", "2029-12-31"}, Token("registrar"));
  ASSERT_EQ(run.exit_code, ctl::kExitOk) << run.err;
  const std::vector<std::string> apply = {"--host-org",
                                          host,
                                          "--parent",
                                          kCommittee,
                                          "--formal-members-not-transferred",
                                          "3",
                                          "--application-doc-no",
                                          "集社党申〔2026〕9号",
                                          "--request-id",
                                          "cli-tb",
                                          "--output",
                                          "id"};
  ASSERT_TRUE(
      WaitFor([&] { return (run = Pb("apply-temporary", apply)).exit_code == 0; }, seconds(30)))
      << run.err;
  const std::string branch = run.out.substr(0, run.out.find('\n'));
  // PB-07: an approver without authority over probationary members is refused.
  run = Pb("approve-temporary",
           {"--branch", branch, "--approver", kCommittee, "--may-approve-establishment",
            "--approval-doc-no", "批1", "--secretary", "P-9"});
  EXPECT_EQ(run.exit_code, ctl::kExitFailure);
  EXPECT_NE(run.err.find("PB-07"), std::string::npos) << run.err;
  run = Pb("approve-temporary",
           {"--branch", branch, "--approver", kCommittee, "--may-approve-probationary-members",
            "--approval-doc-no", "批1", "--secretary", "P-9"});
  ASSERT_EQ(run.exit_code, ctl::kExitOk) << run.err;
  run = Pb("file-temporary", {"--branch", branch, "--filing-doc-no", "备1"});
  ASSERT_EQ(run.exit_code, ctl::kExitOk) << run.err;
  run = Pb("temporary-branch", {"--branch", branch});
  ASSERT_EQ(run.exit_code, ctl::kExitOk) << run.err;
  const auto tb = nlohmann::json::parse(run.out);
  EXPECT_EQ(tb["state"], "PARTY_ORG_STATE_ACTIVE");
  EXPECT_EQ(tb["term_end"], "2029-12-31");  // PB-07: the council's term
  EXPECT_EQ(tb["records"]["filing_doc_no"], "备1");
  // PB-06: educating is allowed, a term election refused.
  EXPECT_EQ(Pb("branch-action", {"--branch", branch, "--action", "educate"}).exit_code, 0);
  run = Pb("branch-action", {"--branch", branch, "--action", "hold-term-election"});
  EXPECT_EQ(run.exit_code, ctl::kExitFailure);
  EXPECT_NE(run.err.find("PB-06"), std::string::npos) << run.err;
}

// The demo over a small register with 和欣 among it: 9 party organizations (5 branches, 4 joint)
// covering 23, every charter with the clause, a filed temporary branch; a re-run resumes and prints
// the same figures.
TEST_F(PartyBuildingCliTest, DemoPartyBuildingJimeiFiguresAndResumes) {
  std::vector<std::string> names = {"厦门市集美区和欣社会工作服务中心"};
  for (int i = 1; i <= 27; ++i)
    names.push_back("厦门市集美区党建演示" + std::to_string(i) + "号服务中心");
  RegisterOrgs(names);
  const std::string tokens = dir_.path() + "/tokens";
  std::filesystem::create_directories(tokens);
  for (const char* role : {"party_work_officer", "registrar", "viewer"})
    std::ofstream(tokens + "/" + role + ".jwt") << Token(role) << "\n";

  const CtlRun first = Ctl("demo", "party-building", {"--tokens-dir", tokens}, "");
  ASSERT_EQ(first.exit_code, ctl::kExitOk) << first.err << pb_->log();
  const std::string& s = first.out;
  EXPECT_NE(s.find("party organizations: 9 (5 党支部, 4 联合党支部), 9 ACTIVE"), std::string::npos)
      << s;
  EXPECT_NE(s.find("covering 23 organizations"), std::string::npos) << s;
  EXPECT_NE(s.find("和欣社工党支部 (厦门市集美区和欣社会工作服务中心): 7 formal members, a branch "
                   "committee of 3"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("PARTY_ORG_STATE_ACTIVE; applied 集社党申〔2026〕1号"), std::string::npos) << s;
  EXPECT_NE(s.find("PB-06"), std::string::npos) << s;
  EXPECT_NE(s.find("charters with the party-building clause (PB-09): 23 of 23"), std::string::npos)
      << s;
  // 28 registered: 23 covered by party organizations, the host reached by its temporary branch.
  EXPECT_NE(s.find("organization 23/28"), std::string::npos) << s;
  EXPECT_NE(s.find("work 24/28"), std::string::npos) << s;
  EXPECT_NE(s.find("required but missing (PB-01) 0"), std::string::npos) << s;
  // The year's party life (Jimei): 9 instructors, 22 activities under 2 brands, the evaluations,
  // 和欣 先进基层党组织 and 4 党员之星, one major matter closed (PB-12).
  EXPECT_NE(s.find("9 instructors (党建指导员) sent down"), std::string::npos) << s;
  EXPECT_NE(s.find("22 activities with"), std::string::npos) << s;
  EXPECT_NE(s.find("under 2 brands (和方程, 双融双促)"), std::string::npos) << s;
  EXPECT_NE(s.find("evaluations: 9 (6 rated 六个好); awards: 1 先进基层党组织 (和欣社工党支部), 4 "
                   "党员之星"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("DECISION_STATE_CLOSED), 0 escalated"), std::string::npos) << s;
  EXPECT_NE(s.find("40 formal and 4 probationary members, 11 transferred in"), std::string::npos)
      << s;
  EXPECT_NE(s.find("charter clause (PB-09) 24/28"), std::string::npos) << s;

  const CtlRun again = Ctl("demo", "party-building", {"--tokens-dir", tokens}, "");
  ASSERT_EQ(again.exit_code, ctl::kExitOk) << again.err;
  const auto body = [](const std::string& text) { return text.substr(text.find('\n')); };
  EXPECT_EQ(body(again.out), body(first.out));
}

}  // namespace
}  // namespace socgov::testing
