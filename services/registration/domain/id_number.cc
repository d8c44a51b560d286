#include "registration/domain/id_number.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <string>

namespace socgov::registration {
namespace {

// 2^(17-i) mod 11 (domain.md §4.2).
constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckDigits = "10X98765432";
// Earlier dates do not occur for living persons; it also rejects typos such as "0949".
constexpr int kMinBirthYear = 1900;

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ParseInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

std::string Yyyymmdd(const std::chrono::year_month_day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

}  // namespace

std::optional<char> IdCheckDigit(std::string_view first17) {
  if (first17.size() != kWeights.size() || !AllDigits(first17)) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < kWeights.size(); ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheckDigits[sum % 11];
}

Result<IdNumberInfo> ParseIdNumber(std::string_view field, std::string_view id, TimePoint today) {
  std::string normalized;
  if (id.size() == 15) {
    // Legacy numbers (before 1999) omit the century, which was always 19, and the check digit.
    if (!AllDigits(id)) {
      return Error::InvalidArgument(field, "a 15-character ID number must contain only digits");
    }
    normalized = std::string(id.substr(0, 6)) + "19" + std::string(id.substr(6));
    normalized += *IdCheckDigit(normalized);
  } else if (id.size() == 18) {
    if (!AllDigits(id.substr(0, 17))) {
      return Error::InvalidArgument(field, "the first 17 characters must be digits");
    }
    char check = id[17];
    if (check == 'x') check = 'X';  // Both cases are in circulation; store one form.
    if (!(check == 'X' || (check >= '0' && check <= '9'))) {
      return Error::InvalidArgument(field, "the last character must be a digit or X");
    }
    normalized = std::string(id.substr(0, 17)) + check;
    const char expected = *IdCheckDigit(id.substr(0, 17));
    if (check != expected) {
      return Error::InvalidArgument(
          field, std::string("check digit is ") + check + ", expected " + expected);
    }
  } else {
    return Error::InvalidArgument(
        field,
        "must be 18 characters (or a legacy 15-digit number), got " + std::to_string(id.size()));
  }

  IdNumberInfo info;
  info.birth_year = ParseInt(std::string_view(normalized).substr(6, 4));
  info.birth_month = ParseInt(std::string_view(normalized).substr(10, 2));
  info.birth_day = ParseInt(std::string_view(normalized).substr(12, 2));
  const std::string birth = normalized.substr(6, 8);

  namespace chrono = std::chrono;
  const chrono::year_month_day date{chrono::year(info.birth_year),
                                    chrono::month(static_cast<unsigned>(info.birth_month)),
                                    chrono::day(static_cast<unsigned>(info.birth_day))};
  if (!date.ok()) {
    return Error::InvalidArgument(field, "birth date " + birth + " is not a real date");
  }
  if (info.birth_year < kMinBirthYear) {
    return Error::InvalidArgument(field, "birth date " + birth + " is before 1900");
  }
  // A person's ID number carries the birth date as a civil date; UTC decides "today" so the
  // answer does not depend on the server's time zone.
  const chrono::year_month_day now{chrono::floor<chrono::days>(today)};
  if (chrono::sys_days(date) > chrono::sys_days(now)) {
    return Error::InvalidArgument(field,
                                  "birth date " + birth + " is after today " + Yyyymmdd(now));
  }

  info.male = (normalized[16] - '0') % 2 == 1;
  info.normalized = std::move(normalized);
  return info;
}

}  // namespace socgov::registration
