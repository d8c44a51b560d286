// Plumbing of the "socgovctl pb" commands (party_building_*.cc): the PartyBuildingService stub and
// its unary calls, the options the commands share, and the versions a write names when --version
// is not given. Enum and repeatable flags: enum_flags.h.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "commands.h"
#include "enum_flags.h"
#include "platform/config/config.h"
#include "socgov/party_building/v1/party_building_service.grpc.pb.h"

namespace socgov::ctl {

namespace pbpb = ::socgov::party_building::v1;
using PbStub = pbpb::PartyBuildingService::Stub;

template <typename Request, typename Response>
using PbMethod = grpc::Status (PbStub::*)(grpc::ClientContext*, const Request&, Response*);

std::unique_ptr<PbStub> PartyBuildingStub(const Context& ctx);

// One unary party-building RPC; throws RpcFailure when it fails.
template <typename Request, typename Response>
Response PbCall(const Context& ctx, PbStub& stub, PbMethod<Request, Response> method,
                const Request& request) {
  Response response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = (stub.*method)(&call, request, &response);
  if (!status.ok()) throw RpcFailure(status);
  return response;
}

// Calls on a fresh stub and prints the response as JSON.
template <typename Request, typename Response>
int PbCallAndPrint(const Context& ctx, PbMethod<Request, Response> method, const Request& request) {
  PrintJson(ctx, PbCall(ctx, *PartyBuildingStub(ctx), method, request));
  return kExitOk;
}

// ---- options every pb command shares ----------------------------------------------------------

inline const config::Option kPbVersion{"version", "",
                                       "version the caller saw (default: the current one)"};
inline const config::Option kPbRequestId{"request-id", "",
                                         "idempotency key (default: a new UUIDv7)"};
inline const config::Option kPbPartyOrg{"party-org", "", "party organization id (required)"};
inline const config::Option kPbBranch{"branch", "", "temporary branch id (required)"};
// --approver and its authority (PB-05, PB-07): data the service checks, never assumed.
std::vector<config::Option> ApproverOptions();
inline const std::vector<std::string_view> kPbApproverSwitches = {
    "may-approve-establishment", "may-approve-probationary-members"};
pbpb::Approver ApproverFlags(const config::Config& flags);
// A count flag (members): 0..kInt32Max, 0 when empty.
int32_t CountFlag(const config::Config& flags, const std::string& name);
// --secretary, --deputy, --committee, --secretary-is-org-head, --cross-appointed, --term-start and
// --term-end: a leadership taking office for a term (PB-04), at activation or a term election.
std::vector<config::Option> LeadershipOptions();
inline const std::vector<std::string_view> kPbLeadershipSwitches = {"secretary-is-org-head"};
pbpb::Leadership LeadershipFlags(const config::Config& flags);
// --<name>, or the first line of --<name>-file: a file keeps an ID number out of ps and shell
// history. Exactly one of them; the service checks the number (GB 11643) and never echoes it.
std::string IdNumberFlag(const config::Config& flags, const std::string& name);

// ---- versions ---------------------------------------------------------------------------------

// --version when given; otherwise the current version, read first (as sup's commands do).
int64_t PartyOrgVersion(const Context& ctx, PbStub& stub, const config::Config& flags,
                        const std::string& party_org_id);
int64_t BranchVersion(const Context& ctx, PbStub& stub, const config::Config& flags,
                      const std::string& branch_id);
int64_t DecisionVersion(const Context& ctx, PbStub& stub, const config::Config& flags,
                        const std::string& decision_id);

// ---- the command tables of the pb group, in usage order -------------------------------------

std::vector<Command> PbOrganizationCommands();  // party organizations, members, coverage
std::vector<Command> PbBranchCommands();        // temporary branches (PB-06/07)
std::vector<Command> PbLifeCommands();      // elections, meetings, instructors, activities, awards
std::vector<Command> PbDecisionCommands();  // major-decision participation (PB-12)

}  // namespace socgov::ctl
