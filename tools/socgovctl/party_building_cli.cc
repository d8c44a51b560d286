#include "party_building_cli.h"

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

std::vector<Command> PartyBuildingCommands() {
  std::vector<Command> all = PbOrganizationCommands();
  for (Command& command : PbBranchCommands()) all.push_back(std::move(command));
  return all;
}

}  // namespace socgov::ctl
