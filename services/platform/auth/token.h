// Bearer tokens: compact JWS (JWT) signed with HMAC-SHA256 (OpenSSL), claims
// {"sub": subject, "roles": [..], "jur": "350211", "exp": unix seconds, "iat": unix seconds}.
// The key is read from a file (a Kubernetes Secret in deployments, .state/ in tools/dev).
#pragma once

#include <string>
#include <vector>

#include "platform/util/clock.h"
#include "platform/util/error.h"

namespace socgov::auth {

struct Principal {
  std::string subject;
  std::vector<std::string> roles;
  std::string jurisdiction;  // 6-digit GB/T 2260 code
  int64_t expires_at = 0;    // unix seconds

  bool HasRole(std::string_view role) const;
  bool HasAnyRole(std::initializer_list<std::string_view> roles) const;
};

class TokenVerifier {
 public:
  explicit TokenVerifier(std::string key);
  // Reads the whole file as the key; trailing newlines are stripped. Error when missing or < 32
  // bytes.
  static Result<TokenVerifier> FromKeyFile(const std::string& path);
  // kUnauthenticated with a reason on a malformed token, bad signature, expiry or missing claims.
  Result<Principal> Verify(std::string_view token, TimePoint now) const;
  const std::string& key() const { return key_; }

 private:
  std::string key_;
};

std::string MintToken(const std::string& key, const Principal& p, TimePoint now);

}  // namespace socgov::auth
