#include "platform/auth/token.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "platform/auth/scope.h"

namespace socgov::auth {
namespace {

using nlohmann::json;

constexpr char kB64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr size_t kMinKeyBytes = 32;

std::string Base64UrlEncode(std::string_view in) {
  std::string out;
  out.reserve((in.size() * 4 + 2) / 3);
  size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    const uint32_t v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out.push_back(kB64Url[(v >> 18) & 63]);
    out.push_back(kB64Url[(v >> 12) & 63]);
    out.push_back(kB64Url[(v >> 6) & 63]);
    out.push_back(kB64Url[v & 63]);
  }
  const size_t rest = in.size() - i;
  if (rest > 0) {
    uint32_t v = static_cast<unsigned char>(in[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out.push_back(kB64Url[(v >> 18) & 63]);
    out.push_back(kB64Url[(v >> 12) & 63]);
    if (rest == 2) out.push_back(kB64Url[(v >> 6) & 63]);
  }
  return out;
}

int B64UrlValue(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

// Strict: no padding, no standard-alphabet characters, and unused trailing bits must be zero, so
// each byte string has exactly one accepted encoding (no malleable tokens).
std::optional<std::string> Base64UrlDecode(std::string_view in) {
  if (in.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(in.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    const int v = B64UrlValue(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  if ((acc & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

std::string HmacSha256(std::string_view key, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac.data(), &len);
  return std::string(reinterpret_cast<const char*>(mac.data()), len);
}

int64_t UnixSeconds(TimePoint t) {
  return std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
}

Error Reject(std::string_view reason) {
  return Error::Unauthenticated("token: " + std::string(reason));
}

std::optional<int64_t> IntClaim(const json& claims, const char* name) {
  auto it = claims.find(name);
  if (it == claims.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

}  // namespace

bool Principal::HasRole(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Principal::HasAnyRole(std::initializer_list<std::string_view> wanted) const {
  return std::any_of(wanted.begin(), wanted.end(),
                     [this](std::string_view r) { return HasRole(r); });
}

TokenVerifier::TokenVerifier(std::string key) : key_(std::move(key)) {}

Result<TokenVerifier> TokenVerifier::FromKeyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Internal("auth key file " + path + ": cannot be read");
  std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Error::Internal("auth key file " + path + ": read error");
  // Secrets written by editors or `echo` end in a newline that is not part of the key.
  while (!key.empty() &&
         (key.back() == '\n' || key.back() == '\r' || key.back() == ' ' || key.back() == '\t')) {
    key.pop_back();
  }
  if (key.size() < kMinKeyBytes) {
    return Error::Internal("auth key file " + path + ": key shorter than " +
                           std::to_string(kMinKeyBytes) + " bytes");
  }
  return TokenVerifier(std::move(key));
}

Result<Principal> TokenVerifier::Verify(std::string_view token, TimePoint now) const {
  // An empty key would accept tokens anyone can mint; that is a deployment error, not a bad token.
  if (key_.empty()) return Error::Internal("token verifier has no key");

  const size_t dot1 = token.find('.');
  const size_t dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return Reject("malformed (expected three dot-separated parts)");
  }
  const std::string_view header_b64 = token.substr(0, dot1);
  const std::string_view payload_b64 = token.substr(dot1 + 1, dot2 - dot1 - 1);
  const std::string_view sig_b64 = token.substr(dot2 + 1);

  const auto header_raw = Base64UrlDecode(header_b64);
  if (!header_raw) return Reject("header is not base64url");
  const json header = json::parse(*header_raw, nullptr, /*allow_exceptions=*/false);
  if (!header.is_object()) return Reject("header is not a JSON object");
  // The algorithm is fixed by the verifier, never chosen by the token: this is what stops "none"
  // and algorithm-confusion attacks.
  auto alg = header.find("alg");
  if (alg == header.end() || !alg->is_string() || alg->get<std::string>() != "HS256") {
    return Reject("unsupported alg (only HS256 is accepted)");
  }

  const auto sig = Base64UrlDecode(sig_b64);
  if (!sig) return Reject("signature is not base64url");
  const std::string expected =
      HmacSha256(key_, token.substr(0, dot2));  // signing input: "<header>.<payload>"
  if (sig->size() != expected.size() ||
      CRYPTO_memcmp(sig->data(), expected.data(), expected.size()) != 0) {
    return Reject("bad signature");
  }

  // The payload is parsed only once it is known to be ours.
  const auto payload_raw = Base64UrlDecode(payload_b64);
  if (!payload_raw) return Reject("payload is not base64url");
  const json claims = json::parse(*payload_raw, nullptr, /*allow_exceptions=*/false);
  if (!claims.is_object()) return Reject("payload is not a JSON object");

  const auto exp = IntClaim(claims, "exp");
  if (!exp) return Reject("missing or invalid claim exp");
  const int64_t now_s = UnixSeconds(now);
  if (*exp <= now_s) return Reject("expired");
  if (auto nbf = claims.find("nbf"); nbf != claims.end()) {
    if (!nbf->is_number_integer() || nbf->get<int64_t>() > now_s) return Reject("not yet valid");
  }

  Principal p;
  p.expires_at = *exp;
  auto sub = claims.find("sub");
  if (sub == claims.end() || !sub->is_string() || sub->get<std::string>().empty()) {
    return Reject("missing or invalid claim sub");
  }
  p.subject = sub->get<std::string>();

  auto roles = claims.find("roles");
  if (roles == claims.end() || !roles->is_array()) return Reject("missing or invalid claim roles");
  for (const json& r : *roles) {
    if (!r.is_string() || r.get<std::string>().empty()) return Reject("invalid claim roles");
    p.roles.push_back(r.get<std::string>());
  }

  auto jur = claims.find("jur");
  if (jur == claims.end() || !jur->is_string() ||
      !IsValidJurisdictionCode(jur->get<std::string>())) {
    return Reject("missing or invalid claim jur (expected a 6-digit code)");
  }
  p.jurisdiction = jur->get<std::string>();
  return p;
}

std::string MintToken(const std::string& key, const Principal& p, TimePoint now) {
  // Base64url of {"alg":"HS256","typ":"JWT"}; a constant so minting needs no static initialization.
  constexpr std::string_view kHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
  const json claims = {
      {"sub", p.subject},    {"roles", p.roles},        {"jur", p.jurisdiction},
      {"exp", p.expires_at}, {"iat", UnixSeconds(now)},
  };
  // Replacing invalid UTF-8 (rather than dump()'s default of throwing) keeps minting total.
  std::string signing_input =
      std::string(kHeader) + "." +
      Base64UrlEncode(claims.dump(-1, ' ', false, json::error_handler_t::replace));
  const std::string sig = HmacSha256(key, signing_input);
  return signing_input + "." + Base64UrlEncode(sig);
}

}  // namespace socgov::auth
