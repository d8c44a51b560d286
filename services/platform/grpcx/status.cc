#include "platform/grpcx/status.h"

#include <grpcpp/server_context.h>

namespace socgov::grpcx {

grpc::Status ToGrpcStatus(const Error& error) {
  grpc::StatusCode code = grpc::StatusCode::INTERNAL;
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
      code = grpc::StatusCode::INVALID_ARGUMENT;
      break;
    case ErrorCode::kFailedPrecondition:
      code = grpc::StatusCode::FAILED_PRECONDITION;
      break;
    case ErrorCode::kNotFound:
      code = grpc::StatusCode::NOT_FOUND;
      break;
    case ErrorCode::kAlreadyExists:
      code = grpc::StatusCode::ALREADY_EXISTS;
      break;
    case ErrorCode::kPermissionDenied:
      code = grpc::StatusCode::PERMISSION_DENIED;
      break;
    case ErrorCode::kUnauthenticated:
      code = grpc::StatusCode::UNAUTHENTICATED;
      break;
    case ErrorCode::kAborted:
      code = grpc::StatusCode::ABORTED;
      break;
    case ErrorCode::kUnavailable:
      code = grpc::StatusCode::UNAVAILABLE;
      break;
    case ErrorCode::kInternal:
      code = grpc::StatusCode::INTERNAL;
      break;
  }
  return grpc::Status(code, error.message);
}

Result<auth::Principal> Authenticate(const grpc::ServerContext& context,
                                     const auth::TokenVerifier& verifier, TimePoint now) {
  const auto& md = context.client_metadata();
  auto it = md.find("authorization");
  if (it == md.end()) return Error::Unauthenticated("missing authorization: Bearer <token>");
  std::string_view value(it->second.data(), it->second.size());
  constexpr std::string_view kPrefix = "Bearer ";
  if (value.size() <= kPrefix.size() || value.substr(0, kPrefix.size()) != kPrefix)
    return Error::Unauthenticated("authorization must be \"Bearer <token>\"");
  return verifier.Verify(value.substr(kPrefix.size()), now);
}

Result<auth::Principal> Authorize(const grpc::ServerContext& context,
                                  const auth::TokenVerifier& verifier, TimePoint now,
                                  std::initializer_list<std::string_view> roles) {
  auto p = Authenticate(context, verifier, now);
  if (!p.ok()) return p;
  if (!p->HasAnyRole(roles)) {
    std::string want;
    for (auto r : roles) want += (want.empty() ? "" : ", ") + std::string(r);
    return Error::PermissionDenied("caller " + p->subject + " lacks a required role (" + want +
                                   ")");
  }
  return p;
}

}  // namespace socgov::grpcx
