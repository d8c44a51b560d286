#include "platform/auth/token.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace socgov::auth {
namespace {

using nlohmann::json;

const std::string kKey = "0123456789abcdef0123456789abcdef-test-key";
constexpr int64_t kNowMs = 1795821199123;  // 2026-11-27T23:13:19.123Z
constexpr int64_t kNowS = kNowMs / 1000;

TimePoint Now() { return FromUnixMillis(kNowMs); }

Principal Alice() {
  Principal p;
  p.subject = "alice";
  p.roles = {"registrar", "reviewer"};
  p.jurisdiction = "350211";
  p.expires_at = kNowS + 3600;
  return p;
}

// Independent helpers (not the code under test) to forge tokens with arbitrary parts.
std::string B64Url(const std::string& in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  int bits = 0;
  uint32_t acc = 0;
  for (unsigned char c : in) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(acc >> bits) & 63]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(acc << (6 - bits)) & 63]);
  return out;
}

std::string Sign(const std::string& key, const std::string& input) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &len);
  return B64Url(std::string(reinterpret_cast<char*>(mac), len));
}

std::string Forge(const json& header, const json& claims, const std::string& key = kKey) {
  const std::string input = B64Url(header.dump()) + "." + B64Url(claims.dump());
  return input + "." + Sign(key, input);
}

json GoodClaims() {
  return {{"sub", "alice"},
          {"roles", {"registrar"}},
          {"jur", "350211"},
          {"exp", kNowS + 60},
          {"iat", kNowS}};
}

const json kHs256 = {{"alg", "HS256"}, {"typ", "JWT"}};

// Expects Unauthenticated and returns the reason.
std::string RejectReason(const std::string& token, TimePoint now = Now()) {
  const auto r = TokenVerifier(kKey).Verify(token, now);
  if (r.ok()) {
    ADD_FAILURE() << "accepted " << token;
    return "";
  }
  EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated) << r.error().message;
  EXPECT_FALSE(r.error().message.empty());
  return r.error().message;
}

TEST(TokenTest, MintThenVerifyRoundTrips) {
  const std::string token = MintToken(kKey, Alice(), Now());
  const auto r = TokenVerifier(kKey).Verify(token, Now());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->subject, "alice");
  EXPECT_EQ(r->roles, (std::vector<std::string>{"registrar", "reviewer"}));
  EXPECT_EQ(r->jurisdiction, "350211");
  EXPECT_EQ(r->expires_at, kNowS + 3600);
}

TEST(TokenTest, MintedTokenIsACompactHs256Jwt) {
  const std::string token = MintToken(kKey, Alice(), Now());
  EXPECT_EQ(token.find('='), std::string::npos);
  EXPECT_EQ(token.find('+'), std::string::npos);
  EXPECT_EQ(token.find('/'), std::string::npos);
  const size_t dot1 = token.find('.');
  const size_t dot2 = token.find('.', dot1 + 1);
  ASSERT_NE(dot2, std::string::npos);
  EXPECT_EQ(token.substr(0, dot1), B64Url(R"({"alg":"HS256","typ":"JWT"})"));
  // Signature recomputed independently over "<header>.<payload>".
  EXPECT_EQ(token.substr(dot2 + 1), Sign(kKey, token.substr(0, dot2)));
  EXPECT_EQ(token.substr(dot2 + 1).size(), 43u);  // 32 bytes, unpadded
}

TEST(TokenTest, ForgedTokenWithTheRightKeyVerifies) {
  EXPECT_TRUE(TokenVerifier(kKey).Verify(Forge(kHs256, GoodClaims()), Now()).ok());
}

TEST(TokenTest, TamperedPayloadIsRejected) {
  const std::string token = MintToken(kKey, Alice(), Now());
  const size_t dot1 = token.find('.');
  const size_t dot2 = token.find('.', dot1 + 1);
  json claims = GoodClaims();
  claims["roles"] = {"admin"};
  const std::string tampered =
      token.substr(0, dot1 + 1) + B64Url(claims.dump()) + token.substr(dot2);
  EXPECT_NE(RejectReason(tampered).find("signature"), std::string::npos);
}

TEST(TokenTest, WrongKeyIsRejected) {
  const std::string token = MintToken("another-key-another-key-another-key", Alice(), Now());
  EXPECT_NE(RejectReason(token).find("signature"), std::string::npos);
}

TEST(TokenTest, ExpiryIsExclusive) {
  Principal p = Alice();
  p.expires_at = kNowS;
  EXPECT_NE(RejectReason(MintToken(kKey, p, Now())).find("expired"), std::string::npos);
  p.expires_at = kNowS - 100;
  EXPECT_NE(RejectReason(MintToken(kKey, p, Now())).find("expired"), std::string::npos);
  p.expires_at = kNowS + 1;
  EXPECT_TRUE(TokenVerifier(kKey).Verify(MintToken(kKey, p, Now()), Now()).ok());
}

TEST(TokenTest, AlgNoneIsRejected) {
  const json none = {{"alg", "none"}, {"typ", "JWT"}};
  const std::string unsigned_token = B64Url(none.dump()) + "." + B64Url(GoodClaims().dump()) + ".";
  EXPECT_NE(RejectReason(unsigned_token).find("alg"), std::string::npos);
  // Even a correct HMAC does not make a foreign alg acceptable.
  EXPECT_NE(RejectReason(Forge(none, GoodClaims())).find("alg"), std::string::npos);
  EXPECT_NE(RejectReason(Forge({{"alg", "HS512"}}, GoodClaims())).find("alg"), std::string::npos);
  EXPECT_NE(RejectReason(Forge({{"typ", "JWT"}}, GoodClaims())).find("alg"), std::string::npos);
}

TEST(TokenTest, GarbageIsRejected) {
  const std::string good = MintToken(kKey, Alice(), Now());
  for (const std::string& bad :
       {std::string(""), std::string("abc"), std::string("a.b"), std::string("a.b.c.d"),
        std::string(".."), good + ".x", "!!!." + good.substr(good.find('.') + 1), good + "=",
        good.substr(0, good.size() - 1) + "*"}) {
    RejectReason(bad);
  }
  EXPECT_NE(RejectReason("a.b").find("three"), std::string::npos);
  EXPECT_NE(RejectReason("!!!.e30.sig").find("base64"), std::string::npos);
  // Valid base64url, but not JSON.
  EXPECT_NE(RejectReason(B64Url("not json") + ".e30.x").find("JSON"), std::string::npos);
}

TEST(TokenTest, MissingOrInvalidClaimsAreRejected) {
  struct Case {
    const char* claim;
    json value;  // null → removed
    const char* reason;
  };
  const std::vector<Case> cases = {
      {"sub", nullptr, "sub"},     {"sub", "", "sub"},          {"sub", 42, "sub"},
      {"roles", nullptr, "roles"}, {"roles", "admin", "roles"}, {"roles", {1, 2}, "roles"},
      {"jur", nullptr, "jur"},     {"jur", "3502", "jur"},      {"jur", "35021a", "jur"},
      {"jur", 350211, "jur"},      {"exp", nullptr, "exp"},     {"exp", "soon", "exp"},
  };
  for (const Case& c : cases) {
    json claims = GoodClaims();
    if (c.value.is_null()) {
      claims.erase(c.claim);
    } else {
      claims[c.claim] = c.value;
    }
    EXPECT_NE(RejectReason(Forge(kHs256, claims)).find(c.reason), std::string::npos)
        << claims.dump();
  }
  EXPECT_FALSE(TokenVerifier(kKey).Verify(Forge(kHs256, json::array()), Now()).ok());
}

TEST(TokenTest, EmptyKeyVerifierRejectsEverything) {
  const auto r = TokenVerifier("").Verify(Forge(kHs256, GoodClaims(), ""), Now());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/socgov_key_XXXXXX";
    const int fd = ::mkstemp(tmpl);
    ASSERT_GE(fd, 0);
    ::close(fd);
    path_ = tmpl;
  }
  void TearDown() override { std::remove(path_.c_str()); }
  void Write(const std::string& content) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << content;
  }
  std::string path_;
};

TEST_F(KeyFileTest, ReadsKeyAndStripsTrailingNewline) {
  Write(kKey + "\n");
  const auto v = TokenVerifier::FromKeyFile(path_);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(v->key(), kKey);
  EXPECT_TRUE(v->Verify(MintToken(kKey, Alice(), Now()), Now()).ok());
}

TEST_F(KeyFileTest, ShortKeyIsAnInternalError) {
  Write(std::string(31, 'k') + "\r\n  \n");
  const auto v = TokenVerifier::FromKeyFile(path_);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, ErrorCode::kInternal);
  EXPECT_NE(v.error().message.find("32"), std::string::npos);
  Write(std::string(32, 'k'));
  EXPECT_TRUE(TokenVerifier::FromKeyFile(path_).ok());
}

TEST_F(KeyFileTest, MissingFileIsAnInternalError) {
  const auto v = TokenVerifier::FromKeyFile(path_ + ".missing");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, ErrorCode::kInternal);
}

TEST(PrincipalTest, Roles) {
  const Principal p = Alice();
  EXPECT_TRUE(p.HasRole("registrar"));
  EXPECT_FALSE(p.HasRole("admin"));
  EXPECT_FALSE(p.HasRole("registr"));
  EXPECT_TRUE(p.HasAnyRole({"admin", "reviewer"}));
  EXPECT_FALSE(p.HasAnyRole({"admin", "auditor"}));
  EXPECT_FALSE(p.HasAnyRole({}));
}

}  // namespace
}  // namespace socgov::auth
