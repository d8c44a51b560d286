// Error and Result types shared by domain code and adapters. Domain code must not depend on gRPC,
// so errors carry a transport-neutral code that grpcx maps onto grpc::StatusCode.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace socgov {

enum class ErrorCode {
  kInvalidArgument,
  kFailedPrecondition,
  kNotFound,
  kAlreadyExists,
  kPermissionDenied,
  kUnauthenticated,
  kAborted,
  kUnavailable,
  kInternal,
};

struct Error {
  ErrorCode code;
  std::string
      message;  // "field: reason" for kInvalidArgument, "state ...: RULE-ID ..." for preconditions

  static Error InvalidArgument(std::string_view field, std::string_view reason) {
    return {ErrorCode::kInvalidArgument, std::string(field) + ": " + std::string(reason)};
  }
  static Error FailedPrecondition(std::string m) {
    return {ErrorCode::kFailedPrecondition, std::move(m)};
  }
  static Error NotFound(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
  static Error AlreadyExists(std::string m) { return {ErrorCode::kAlreadyExists, std::move(m)}; }
  static Error PermissionDenied(std::string m) {
    return {ErrorCode::kPermissionDenied, std::move(m)};
  }
  static Error Unauthenticated(std::string m) {
    return {ErrorCode::kUnauthenticated, std::move(m)};
  }
  static Error Aborted(std::string m) { return {ErrorCode::kAborted, std::move(m)}; }
  static Error Unavailable(std::string m) { return {ErrorCode::kUnavailable, std::move(m)}; }
  static Error Internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }
};

// A value or an Error; a minimal stand-in for std::expected (C++23).
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &std::get<T>(v_); }
  const T* operator->() const { return &std::get<T>(v_); }
  T& operator*() & { return std::get<T>(v_); }
  const T& operator*() const& { return std::get<T>(v_); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result of an operation with no value: an empty optional means success.
using Status = std::optional<Error>;

}  // namespace socgov
