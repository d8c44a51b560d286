// socgovctl dlq: the dead letters of any service that consumes events (the kit's
// DeadLetterService), listed and re-driven.
#include <grpcpp/grpcpp.h>

#include "cli.h"
#include "commands.h"
#include "socgov/platform/v1/dead_letters.grpc.pb.h"

namespace socgov::ctl {
namespace {

namespace dlqpb = ::socgov::platform::v1;
using config::Config;
using config::ConfigError;

// --addr wins; otherwise the named service's address from the global flags.
std::string DeadLetterAddr(const Context& ctx, const Config& flags) {
  if (!flags.Get("addr").empty()) return flags.Get("addr");
  const std::string& service = flags.Get("service");
  if (service == "registration") return ctx.registration_addr;
  if (service == "audit") return ctx.audit_addr;
  throw ConfigError("--service must be registration or audit (or give --addr host:port)");
}

std::unique_ptr<dlqpb::DeadLetterService::Stub> Stub(const Context& ctx, const Config& flags) {
  return dlqpb::DeadLetterService::NewStub(Dial(DeadLetterAddr(ctx, flags)));
}

}  // namespace

int DlqList(const Context& ctx, const Config& flags) {
  dlqpb::ListDeadLettersRequest request;
  request.set_page_size(static_cast<int32_t>(flags.GetInt("page-size", 0, 500)));
  request.set_page_token(flags.Get("page-token"));
  request.set_route(flags.Get("route"));
  dlqpb::ListDeadLettersResponse response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = Stub(ctx, flags)->ListDeadLetters(&call, request, &response);
  if (!status.ok()) return ReportRpcError(ctx, status);
  PrintJson(ctx, response);
  return kExitOk;
}

int DlqRetry(const Context& ctx, const Config& flags) {
  dlqpb::RetryDeadLetterRequest request;
  request.set_id(flags.Get("id"));
  if (request.id().empty()) throw ConfigError("--id is required");
  dlqpb::RetryDeadLetterResponse response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = Stub(ctx, flags)->RetryDeadLetter(&call, request, &response);
  if (!status.ok()) return ReportRpcError(ctx, status);
  PrintJson(ctx, response);
  // Scripts re-driving a batch can tell an event that still does not apply.
  return response.applied() || response.outcome() == "duplicate" ? kExitOk : kExitDeadLetter;
}

}  // namespace socgov::ctl
