// Citizen ID numbers (公民身份号码, GB 11643-1999, ISO 7064 MOD 11-2), per domain.md §4.2 and
// REG-22.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "platform/util/clock.h"
#include "platform/util/error.h"

namespace socgov::registration {

struct IdNumberInfo {
  std::string normalized;  // 18 characters, check 'X' upper-case
  int birth_year = 0, birth_month = 0, birth_day = 0;
  bool male = false;  // 17th digit odd
};

// Check digit for the first 17 digits; nullopt when they are not all digits.
std::optional<char> IdCheckDigit(std::string_view first17);
// Accepts 18 characters (lower-case x allowed) and legacy 15-digit numbers (converted by inserting
// "19" and appending the check digit). Errors (kInvalidArgument naming `field`): wrong length,
// non-digits, bad check digit, impossible birth date, birth date after `today`.
Result<IdNumberInfo> ParseIdNumber(std::string_view field, std::string_view id, TimePoint today);

}  // namespace socgov::registration
