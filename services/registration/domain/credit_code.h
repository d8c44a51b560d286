// Unified social credit code (统一社会信用代码, GB 32100-2015) and its organization-code body
// (GB 11714-1997), per domain.md §4.1. Pure functions, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/util/error.h"
#include "registration/domain/types.h"

namespace socgov::registration {

// The 31 characters of GB 32100 (no I O S V Z), values 0..30.
inline constexpr std::string_view kCreditCodeCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Check character (position 18) for the first 17 characters; nullopt when any is outside the
// charset.
std::optional<char> CreditCodeCheckChar(std::string_view first17);
// Shape (18 chars from the charset, digits at 3–8) and the position-18 check.
bool IsValidCreditCode(std::string_view code);
// GB 11714 check character for an 8-character body (A=10 … Z=35); nullopt on other characters.
std::optional<char> OrgCodeCheckChar(std::string_view body8);
// Validation used on input fields: kInvalidArgument naming `field` with the reason.
Status ValidateCreditCode(std::string_view field, std::string_view code);

// Serials 1..999999 map to bodies "MJ000001".."MJ999999" (MJ: the prefix civil-affairs registries
// use), each followed by its GB 11714 check. Code = '5' + type digit + authority + body + check.
inline constexpr uint64_t kMaxCreditCodeSerial = 999'999;
Result<std::string> MakeCreditCode(OrgKind kind, std::string_view authority_code, uint64_t serial);

}  // namespace socgov::registration
