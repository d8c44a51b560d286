#include "supervision/domain/dates.h"

#include <cstdio>

namespace socgov::supervision {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;

std::optional<Date> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = 0; i < lengths[p]; ++i) {
      const char c = s[starts[p] + i];
      if (c < '0' || c > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  if (parts[0] < 1900 || parts[0] > 2199) return std::nullopt;
  const year_month_day ymd{year{parts[0]}, month{static_cast<unsigned>(parts[1])},
                           day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

std::string FormatDate(Date d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

Date AddMonths(Date d, int months) {
  const year_month_day ymd{d};
  year_month_day shifted = ymd + std::chrono::months{months};
  if (!shifted.ok()) {
    shifted =
        year_month_day{year_month_day_last{shifted.year(), shifted.month() / std::chrono::last}};
  }
  return Date{shifted};
}

Date AddYears(Date d, int years) { return AddMonths(d, years * 12); }

}  // namespace socgov::supervision
