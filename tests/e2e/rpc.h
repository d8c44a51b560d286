// What the end-to-end tests share: a unary call with a bearer token, and whether a durable has
// nothing pending and nothing unacknowledged (consumer state, never a pause).
#pragma once

#include <grpcpp/grpcpp.h>
#include <nats/nats.h>

#include <chrono>
#include <string>

#include "platform/bus/nats.h"

namespace socgov::testing {

template <typename Stub, typename Req, typename Resp, typename Fn>
grpc::Status Rpc(Stub& stub, Fn fn, const Req& req, Resp* resp, const std::string& token) {
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + token);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return (stub.*fn)(&ctx, req, resp);
}

inline bool Settled(bus::Connection& conn, const std::string& stream, const std::string& durable) {
  jsConsumerInfo* ci = nullptr;
  if (js_GetConsumerInfo(&ci, conn.js(), stream.c_str(), durable.c_str(), nullptr, nullptr) !=
      NATS_OK)
    return false;
  const bool settled = ci->NumPending == 0 && ci->NumAckPending == 0;
  jsConsumerInfo_Destroy(ci);
  return settled;
}

}  // namespace socgov::testing
