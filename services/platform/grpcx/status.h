// Maps socgov::Error onto grpc::Status, and authenticates callers from the bearer token.
// Authentication is a call made first in each handler rather than an interceptor because gRPC 1.51
// server interceptors cannot end a call with a status; the interceptor only logs and measures.
#pragma once

#include <grpcpp/support/status.h>

#include "platform/auth/token.h"
#include "platform/util/error.h"

namespace grpc {
class ServerContext;
}

namespace socgov::grpcx {

grpc::Status ToGrpcStatus(const Error& error);

// Reads "authorization: Bearer <token>"; UNAUTHENTICATED when missing or invalid.
Result<auth::Principal> Authenticate(const grpc::ServerContext& context,
                                     const auth::TokenVerifier& verifier, TimePoint now);

// Authenticate + the principal holds one of `roles` (PERMISSION_DENIED otherwise).
Result<auth::Principal> Authorize(const grpc::ServerContext& context,
                                  const auth::TokenVerifier& verifier, TimePoint now,
                                  std::initializer_list<std::string_view> roles);

}  // namespace socgov::grpcx
