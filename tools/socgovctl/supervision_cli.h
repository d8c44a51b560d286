// Plumbing of the "socgovctl sup" commands (supervision_*.cc): the SupervisionService stub and its
// unary calls, enum flags spelled as the proto value names without their prefix, repeatable and
// fen flags, and the versions a write names when --version is not given.
#pragma once

#include <google/protobuf/generated_enum_reflection.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli.h"
#include "commands.h"
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

// Help of an enum flag: its choices, and " (required)".
std::string Choices(const google::protobuf::EnumDescriptor* descriptor, bool required);
// A boolean option that may be given bare (list it among the command's switches too).
config::Option Switch(const std::string& name, const std::string& what);

// ---- flags ------------------------------------------------------------------------------------

// "ABNORMAL" for CREDIT_LIST_ABNORMAL: the value name without the prefix its UNSPECIFIED value
// carries, case-insensitive, '-' standing for '_'. UNSPECIFIED itself is not a choice.
// ConfigError naming `label` and listing the choices otherwise.
int ParseEnumName(const google::protobuf::EnumDescriptor& descriptor, std::string_view label,
                  const std::string& value);
// "ABNORMAL | SERIOUS".
std::string EnumChoices(const google::protobuf::EnumDescriptor& descriptor);

template <typename Enum>
Enum ParseEnum(std::string_view label, const std::string& value) {
  return static_cast<Enum>(
      ParseEnumName(*google::protobuf::GetEnumDescriptor<Enum>(), label, value));
}

// The enum named by --name; the UNSPECIFIED value (0) when the flag is empty and not required.
template <typename Enum>
Enum EnumFlag(const config::Config& flags, const std::string& name, bool required) {
  const std::string& value = required ? Required(flags, name) : flags.Get(name);
  if (value.empty()) return static_cast<Enum>(0);
  return ParseEnum<Enum>("--" + name, value);
}

// The values of a repeatable flag (kRepeatSeparator), each also split at commas when
// `split_commas`; empty items are dropped.
std::vector<std::string> RepeatedFlag(const config::Config& flags, const std::string& name,
                                      bool split_commas);

// An amount in integer fen; 0 when empty. `allow_negative` for net assets.
int64_t FenAmountFlag(const config::Config& flags, const std::string& name,
                      bool allow_negative = false);
// --year, required: 1949..9999.
int32_t YearFlag(const config::Config& flags);
// A boolean that must be given: "--passed" (true) or "--passed=false".
bool RequiredBool(const config::Config& flags, const std::string& name);
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
