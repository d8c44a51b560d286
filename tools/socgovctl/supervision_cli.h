// Plumbing of the "socgovctl sup" commands (supervision_*.cc): the SupervisionService stub and its
// unary calls, fen, year and page flags (enum and repeatable flags: enum_flags.h), and the versions
// a write names when --version is not given.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli.h"
#include "commands.h"
#include "enum_flags.h"
#include "platform/config/config.h"
#include "socgov/supervision/v1/supervision_service.grpc.pb.h"

namespace socgov::ctl {

namespace suppb = ::socgov::supervision::v1;
using SupStub = suppb::SupervisionService::Stub;

template <typename Request, typename Response>
using SupMethod = grpc::Status (SupStub::*)(grpc::ClientContext*, const Request&, Response*);

std::unique_ptr<SupStub> SupervisionStub(const Context& ctx);

// One unary supervision RPC; throws RpcFailure when it fails.
template <typename Request, typename Response>
Response SupCall(const Context& ctx, SupStub& stub, SupMethod<Request, Response> method,
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
int SupCallAndPrint(const Context& ctx, SupMethod<Request, Response> method,
                    const Request& request) {
  PrintJson(ctx, SupCall(ctx, *SupervisionStub(ctx), method, request));
  return kExitOk;
}

// ---- options every sup command shares ---------------------------------------------------------

inline const config::Option kSupVersion{"version", "",
                                        "version the caller saw (default: the current one)"};
inline const config::Option kSupRequestId{"request-id", "",
                                          "idempotency key (default: a new UUIDv7)"};
inline const config::Option kSupPageSize{"page-size", "0", "page size (0: server default)"};
inline const config::Option kSupPageToken{"page-token", "", "token from a previous page"};

// ---- flags ------------------------------------------------------------------------------------

// An amount in integer fen; 0 when empty. `allow_negative` for net assets.
int64_t FenAmountFlag(const config::Config& flags, const std::string& name,
                      bool allow_negative = false);
// --year, required: 1949..9999.
int32_t YearFlag(const config::Config& flags);
common::v1::PageRequest PageFlags(const config::Config& flags);

// ---- versions ---------------------------------------------------------------------------------

// --version when given; otherwise the current version, read first (as reg's commands do: an
// operator acting on what is there now gives up the conflict check on purpose).
int64_t ReportVersion(const Context& ctx, SupStub& stub, const config::Config& flags,
                      const std::string& organization_id, int32_t year);
int64_t CreditVersion(const Context& ctx, SupStub& stub, const config::Config& flags,
                      const std::string& organization_id);
int64_t PlanVersion(const Context& ctx, SupStub& stub, const config::Config& flags,
                    const std::string& plan_id);
int64_t CaseVersion(const Context& ctx, SupStub& stub, const config::Config& flags,
                    const std::string& case_id);
int64_t ComplaintVersion(const Context& ctx, SupStub& stub, const config::Config& flags,
                         const std::string& complaint_id);
// There is no GetIllegalOrg: the version is found in ListIllegalOrgs.
int64_t IllegalOrgVersion(const Context& ctx, SupStub& stub, const config::Config& flags,
                          const std::string& illegal_org_id);
int64_t CampaignVersion(const Context& ctx, SupStub& stub, const config::Config& flags,
                        const std::string& campaign_id);

// ---- the command tables of the sup group, in usage order ------------------------------------

std::vector<Command> SupReportCommands();     // years, reports, sweep, credit
std::vector<Command> SupPlanCommands();       // sampling plans and sup redraw
std::vector<Command> SupCaseCommands();       // cases and the ActOnCase steps
std::vector<Command> SupComplaintCommands();  // complaints, illegal orgs, campaigns, detect

}  // namespace socgov::ctl
