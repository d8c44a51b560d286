#include "platform/util/dates.h"

namespace socgov {

using namespace std::chrono;

std::optional<Date> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t pos, size_t len) -> int {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 1900 || y > 2199 || m < 1 || d < 1) return std::nullopt;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::string FormatDate(Date d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

Date ChinaDate(TimePoint t) { return floor<days>(t + hours{8}); }

Date AddMonths(Date d, int months) {
  const year_month_day ymd{d};
  const year_month ym = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const day last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return sys_days{year_month_day{ym.year(), ym.month(), std::min(ymd.day(), last)}};
}

Date AddYears(Date d, int years) { return AddMonths(d, 12 * years); }

int AgeOn(Date birth, Date on) {
  const year_month_day b{birth}, o{on};
  int age = static_cast<int>(o.year()) - static_cast<int>(b.year());
  if (month_day{o.month(), o.day()} < month_day{b.month(), b.day()}) --age;
  return age;
}

Result<Date> ParseDateField(std::string_view field, std::string_view text) {
  if (auto d = ParseDate(text)) return *d;
  if (text.empty()) return Error::InvalidArgument(field, "required (a date YYYY-MM-DD)");
  return Error::InvalidArgument(
      field, "must be a real date YYYY-MM-DD, got \"" + std::string(text.substr(0, 40)) + "\"");
}

Result<Date> DayOrToday(std::string_view field, std::string_view text, Date today) {
  if (text.empty()) return today;
  auto d = ParseDateField(field, text);
  if (!d.ok()) return d.error();
  if (*d > today) return Error::InvalidArgument(field, "must not be in the future");
  return *d;
}

}  // namespace socgov
