#include "party_building_cli.h"

#include <fstream>
#include <utility>

namespace socgov::ctl {
namespace {

using config::Config;

template <typename GetRequest, typename Entity>
int64_t VersionOf(const Context& ctx, PbStub& stub, const Config& flags,
                  PbMethod<GetRequest, Entity> get, const GetRequest& request) {
  if (auto given = OptionalInt(flags, "version", 0, kInt64Max)) return *given;
  return PbCall(ctx, stub, get, request).version();
}

}  // namespace

std::unique_ptr<PbStub> PartyBuildingStub(const Context& ctx) {
  return pbpb::PartyBuildingService::NewStub(Dial(ctx.party_building_addr));
}

std::vector<config::Option> ApproverOptions() {
  return {{"approver", "", "id of the approving (higher) party organization (required)"},
          Switch("may-approve-establishment", "the approver may approve establishments (PB-05)"),
          Switch("may-approve-probationary-members",
                 "the approver may approve probationary members (PB-07)")};
}

pbpb::Approver ApproverFlags(const Config& flags) {
  pbpb::Approver approver;
  approver.set_party_org_id(Required(flags, "approver"));
  approver.set_may_approve_establishment(flags.GetBool("may-approve-establishment"));
  approver.set_may_approve_probationary_members(flags.GetBool("may-approve-probationary-members"));
  return approver;
}

int32_t CountFlag(const Config& flags, const std::string& name) {
  if (flags.Get(name).empty()) return 0;
  return Int32Flag(flags, name);
}

std::vector<config::Option> LeadershipOptions() {
  return {
      {"secretary", "", "person id of the secretary (required)"},
      {"deputy", "", "person id of the deputy secretary"},
      {"committee", "",
       "committee member (person id), repeatable or comma-separated; with 7+ formal members "
       "at least 3 including the secretary, none below (PB-04)"},
      Switch("secretary-is-org-head", "一肩挑: the secretary is also the organization's head"),
      {"cross-appointed", "0", "双向进入、交叉任职: people holding a party and a management post"},
      {"term-start", "", "first day of the term, YYYY-MM-DD (required)"},
      {"term-end", "", "last day of the term, YYYY-MM-DD (required)"}};
}

pbpb::Leadership LeadershipFlags(const Config& flags) {
  pbpb::Leadership leadership;
  leadership.set_secretary_person_id(Required(flags, "secretary"));
  leadership.set_deputy_secretary_person_id(flags.Get("deputy"));
  for (const std::string& person : RepeatedFlag(flags, "committee", true)) {
    leadership.add_committee(person);
  }
  leadership.set_secretary_is_org_head(flags.GetBool("secretary-is-org-head"));
  leadership.set_cross_appointed(CountFlag(flags, "cross-appointed"));
  return leadership;
}

std::string IdNumberFlag(const Config& flags, const std::string& name) {
  const std::string& given = flags.Get(name);
  const std::string& file = flags.Get(name + "-file");
  if (given.empty() == file.empty()) {
    throw config::ConfigError("give one of --" + name + " or --" + name + "-file");
  }
  if (!given.empty()) return given;
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line)) {
    throw config::ConfigError("--" + name + "-file: cannot read a line from " + file);
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

int64_t PartyOrgVersion(const Context& ctx, PbStub& stub, const Config& flags,
                        const std::string& party_org_id) {
  pbpb::GetPartyOrganizationRequest request;
  request.set_party_org_id(party_org_id);
  return VersionOf(ctx, stub, flags, &PbStub::GetPartyOrganization, request);
}

int64_t BranchVersion(const Context& ctx, PbStub& stub, const Config& flags,
                      const std::string& branch_id) {
  pbpb::GetTemporaryBranchRequest request;
  request.set_branch_id(branch_id);
  return VersionOf(ctx, stub, flags, &PbStub::GetTemporaryBranch, request);
}

int64_t DecisionVersion(const Context& ctx, PbStub& stub, const Config& flags,
                        const std::string& decision_id) {
  pbpb::GetMajorDecisionRequest request;
  request.set_decision_id(decision_id);
  return VersionOf(ctx, stub, flags, &PbStub::GetMajorDecision, request);
}

std::vector<Command> PartyBuildingCommands() {
  std::vector<Command> all = PbOrganizationCommands();
  for (auto part : {PbBranchCommands(), PbLifeCommands(), PbDecisionCommands()}) {
    all.insert(all.end(), std::make_move_iterator(part.begin()),
               std::make_move_iterator(part.end()));
  }
  return all;
}

}  // namespace socgov::ctl
