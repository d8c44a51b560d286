#include "registration/domain/credit_code.h"

#include <array>
#include <string>

namespace socgov::registration {
namespace {

constexpr size_t kCodeLength = 18;
constexpr size_t kBodyLength = 8;
constexpr int kModulus = 31;

// 3^(i-1) mod 31 for positions 1..17 (domain.md §4.1); spelled out so a reader can compare them
// with the standard's table.
constexpr std::array<int, 17> kCreditCodeWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                    29, 25, 13, 8,  24, 10, 30, 28};
constexpr std::array<int, kBodyLength> kOrgCodeWeights = {3, 7, 9, 10, 5, 8, 4, 2};

// Value 0..30 in the GB 32100 charset, or -1.
int CharsetValue(char c) {
  const size_t pos = kCreditCodeCharset.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// GB 11714 values the full alphabet (A=10 … Z=35), unlike GB 32100's 31-character set; using the
// 31-set here gives wrong results for bodies with letters.
int OrgCodeValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

char TypeDigit(OrgKind kind) {
  switch (kind) {
    case OrgKind::kSocialGroup:
      return '1';
    case OrgKind::kSocialService:
      return '2';
    case OrgKind::kFoundation:
      return '3';
    case OrgKind::kUnspecified:
      break;
  }
  return '\0';
}

}  // namespace

std::optional<char> CreditCodeCheckChar(std::string_view first17) {
  if (first17.size() != kCreditCodeWeights.size()) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < first17.size(); ++i) {
    const int v = CharsetValue(first17[i]);
    if (v < 0) return std::nullopt;
    sum += v * kCreditCodeWeights[i];
  }
  // The standard writes 31 - (s mod 31) and then maps 31 to 0.
  return kCreditCodeCharset[(kModulus - sum % kModulus) % kModulus];
}

bool IsValidCreditCode(std::string_view code) {
  return !ValidateCreditCode("credit_code", code).has_value();
}

std::optional<char> OrgCodeCheckChar(std::string_view body8) {
  if (body8.size() != kBodyLength) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < kBodyLength; ++i) {
    const int v = OrgCodeValue(body8[i]);
    if (v < 0) return std::nullopt;
    sum += v * kOrgCodeWeights[i];
  }
  const int c = 11 - sum % 11;
  if (c == 10) return 'X';
  if (c == 11) return '0';
  return static_cast<char>('0' + c);
}

Status ValidateCreditCode(std::string_view field, std::string_view code) {
  if (code.size() != kCodeLength) {
    return Error::InvalidArgument(field,
                                  "must be 18 characters, got " + std::to_string(code.size()));
  }
  for (size_t i = 0; i < code.size(); ++i) {
    const std::string position = std::to_string(i + 1);
    if (CharsetValue(code[i]) < 0) {
      return Error::InvalidArgument(field, "character at position " + position +
                                               " is not in the GB 32100 character set "
                                               "(digits and upper-case letters except I O S V Z)");
    }
    // Positions 3–8 are a GB/T 2260 division code.
    if (i >= 2 && i < 8 && !IsDigit(code[i])) {
      return Error::InvalidArgument(field, "position " + position + " must be a digit");
    }
  }
  const char expected = *CreditCodeCheckChar(code.substr(0, kCodeLength - 1));
  if (code.back() != expected) {
    return Error::InvalidArgument(
        field, std::string("check character is ") + code.back() + ", expected " + expected);
  }
  return std::nullopt;
}

Result<std::string> MakeCreditCode(OrgKind kind, std::string_view authority_code, uint64_t serial) {
  const char type_digit = TypeDigit(kind);
  if (type_digit == '\0') {
    return Error::InvalidArgument("kind", "must be SOCIAL_GROUP, SOCIAL_SERVICE or FOUNDATION");
  }
  bool authority_ok = authority_code.size() == 6;
  for (char c : authority_code) authority_ok = authority_ok && IsDigit(c);
  if (!authority_ok) {
    return Error::InvalidArgument("authority_code", "must be a 6-digit GB/T 2260 code");
  }
  if (serial == 0 || serial > kMaxCreditCodeSerial) {
    return Error::InvalidArgument("serial", "must be between 1 and " +
                                                std::to_string(kMaxCreditCodeSerial) + ", got " +
                                                std::to_string(serial));
  }

  std::string digits = std::to_string(serial);
  std::string body = "MJ" + std::string(6 - digits.size(), '0') + digits;
  // Always a digit or 'X', both in the GB 32100 charset, so the full code check below is defined.
  const char body_check = *OrgCodeCheckChar(body);

  std::string code;
  code.reserve(kCodeLength);
  code += '5';  // 民政 (civil affairs) registers every kind this service handles.
  code += type_digit;
  code.append(authority_code);
  code += body;
  code += body_check;
  code += *CreditCodeCheckChar(code);
  return code;
}

}  // namespace socgov::registration
