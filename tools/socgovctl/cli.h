// Plumbing every socgovctl command shares: flag helpers, enum spellings, JSON output and unary
// RPCs that throw RpcFailure (RunCommand turns it into "error: <CODE>: <message>" and exit 1).
#pragma once

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "platform/config/config.h"
#include "socgov/registration/v1/registration_service.grpc.pb.h"

namespace socgov::ctl {

namespace regpb = ::socgov::registration::v1;
using RegStub = regpb::RegistrationService::Stub;

inline constexpr int64_t kInt32Max = 2147483647;
inline constexpr int64_t kInt64Max = 9223372036854775807;

// A failed RPC; `what` is "<CODE>: <message>", the form socgovctl prints.
class RpcFailure : public std::runtime_error {
 public:
  explicit RpcFailure(const grpc::Status& status);
  grpc::StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  grpc::StatusCode code_;
  std::string message_;
};

// ---- flags ---------------------------------------------------------------------------------

// Not Option::required: its message points at an environment variable, and command flags are never
// read from the environment.
const std::string& Required(const config::Config& flags, const std::string& name);
std::optional<int64_t> OptionalInt(const config::Config& flags, const std::string& name,
                                   int64_t min, int64_t max);
int32_t Int32Flag(const config::Config& flags, const std::string& name);
// Returns true for "--output id"; anything but json/id is a usage error.
bool WantsIdOutput(const config::Config& flags);
// --request-id, or a new UUIDv7.
std::string RequestId(const config::Config& flags);
// --funds-yuan style amount → fen; ConfigError naming the flag when malformed.
int64_t FenFlag(const config::Config& flags, const std::string& name);
// A YYYY-MM-DD flag, checked locally so a typo is a usage error instead of a round trip.
const std::string& DateFlag(const config::Config& flags, const std::string& name, bool required);
bool IsDate(std::string_view text);
// Today in China Standard Time (UTC+8), the calendar every registry deadline uses.
std::string ChinaToday();
// The China date (YYYY-MM-DD) of an RFC 3339 instant; empty when malformed.
std::string ChinaDateOf(std::string_view rfc3339);

// The --type, --status and --jurisdiction filters of list, search and export.
regpb::ListOrganizationsRequest ListFilters(const config::Config& flags);

// ---- enum spellings (flags and import files) -------------------------------------------------

// `label` names the flag or field in the error, e.g. "--type".
regpb::OrgType ParseOrgType(std::string_view label, const std::string& value);
regpb::OrgStatus ParseOrgStatus(const std::string& value, std::string_view label = "--status");
regpb::FoundationKind ParseFoundationKind(const std::string& value,
                                          std::string_view label = "--foundation-kind");
regpb::SocialServiceForm ParseSocialServiceForm(const std::string& value,
                                                std::string_view label = "--social-service-form");
regpb::CommunityForm ParseCommunityForm(const std::string& value,
                                        std::string_view label = "--community-form");
regpb::ApplicationStage ParseStage(const std::string& value, std::string_view label = "--stage");
regpb::ReviewTrigger ParseReviewTrigger(const std::string& value,
                                        std::string_view label = "--trigger");
regpb::Opinion ParseOpinion(const std::string& value, std::string_view label = "--opinion");
regpb::DissolutionGround ParseDissolutionGround(const std::string& value,
                                                std::string_view label = "--ground");

// ---- output and RPCs -----------------------------------------------------------------------

std::string ToJson(const google::protobuf::Message& message);
void PrintJson(const Context& ctx, const google::protobuf::Message& message);
int ReportRpcError(const Context& ctx, const grpc::Status& status);

std::shared_ptr<grpc::Channel> Dial(const std::string& addr);
// Each RPC gets its own deadline, so a command making two calls may take up to twice --timeout-ms.
void PrepareCall(const Context& ctx, grpc::ClientContext* call);
std::unique_ptr<RegStub> RegistrationStub(const Context& ctx);

template <typename Request, typename Response>
using RegMethod = grpc::Status (RegStub::*)(grpc::ClientContext*, const Request&, Response*);

// One unary registration RPC; throws RpcFailure when it fails.
template <typename Request, typename Response>
Response Call(const Context& ctx, RegStub& stub, RegMethod<Request, Response> method,
              const Request& request) {
  Response response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = (stub.*method)(&call, request, &response);
  if (!status.ok()) throw RpcFailure(status);
  return response;
}

// Decisions name the version the caller saw; without --version the current one is read, which
// gives up the conflict check on purpose (an operator acting on what is there now).
int64_t ApplicationVersion(const Context& ctx, RegStub& stub, const config::Config& flags,
                           const std::string& application_id);
int64_t OrganizationVersion(const Context& ctx, RegStub& stub, const config::Config& flags,
                            const std::string& organization_id);
int64_t ChangeVersion(const Context& ctx, RegStub& stub, const config::Config& flags,
                      const std::string& change_id);
int64_t ReviewVersion(const Context& ctx, RegStub& stub, const config::Config& flags,
                      const std::string& review_id);

// Prints `message` as JSON, or `id` alone for --output id.
int PrintResult(const Context& ctx, bool id_output, const std::string& id,
                const google::protobuf::Message& message);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace socgov::ctl
