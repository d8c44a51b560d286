// The one place a use case's outcome becomes a gRPC status, shared by every service's handlers:
// authorize the caller for the RPC's roles, run the use case, and map its Result, a store outage
// (UNAVAILABLE, never a crash) or an unexpected exception (INTERNAL, logged once with the method,
// so the client sees no internals). Header-only: a template over the response and the call.
#pragma once

#include <grpcpp/grpcpp.h>

#include <initializer_list>
#include <source_location>
#include <string_view>

#include "platform/grpcx/status.h"
#include "platform/log/log.h"
#include "platform/store/redis.h"
#include "platform/util/clock.h"

namespace socgov::grpcx {

template <typename Resp, typename Call>
grpc::Status Serve(grpc::ServerContext& ctx, const auth::TokenVerifier& verifier,
                   const Clock& clock, const log::Logger& logger,
                   std::initializer_list<std::string_view> roles, Resp* resp, Call&& call,
                   std::source_location rpc) {
  try {
    auto who = Authorize(ctx, verifier, clock.Now(), roles);
    if (!who.ok()) return ToGrpcStatus(who.error());
    auto r = call(*who);
    if (!r.ok()) return ToGrpcStatus(r.error());
    *resp = std::move(r).value();
    return grpc::Status::OK;
  } catch (const store::RedisUnavailable& e) {
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        std::string("store unavailable: ") + e.what());
  } catch (const std::exception& e) {
    logger.Error("unexpected exception in handler",
                 {{"rpc", rpc.function_name()}, {"error", e.what()}});
    return grpc::Status(grpc::StatusCode::INTERNAL, "internal error");
  }
}

}  // namespace socgov::grpcx
