#include "platform/util/clock.h"

#include <cstdio>

namespace socgov {
namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::milliseconds;

// Reads exactly `n` ASCII digits at `pos`; no sign or whitespace, unlike strtol/from_chars.
bool ReadDigits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

int64_t UnixMillis(TimePoint t) {
  // floor, not duration_cast: pre-1970 instants must round towards the past so that formatting and
  // UnixMillis agree on which millisecond an instant belongs to.
  return floor<milliseconds>(t.time_since_epoch()).count();
}

TimePoint FromUnixMillis(int64_t ms) {
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(milliseconds(ms)));
}

std::string FormatRfc3339(TimePoint t) {
  const auto ms = floor<milliseconds>(t);
  const auto day = floor<days>(ms);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss hms(ms - day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                static_cast<int>(hms.subseconds().count()));
  return buf;
}

std::optional<TimePoint> ParseRfc3339(std::string_view s) {
  int year, month, day, hour, minute, second;
  if (!ReadDigits(s, 0, 4, &year) || s.size() < 19 || s[4] != '-' || !ReadDigits(s, 5, 2, &month) ||
      s[7] != '-' || !ReadDigits(s, 8, 2, &day) || (s[10] != 'T' && s[10] != 't') ||
      !ReadDigits(s, 11, 2, &hour) || s[13] != ':' || !ReadDigits(s, 14, 2, &minute) ||
      s[16] != ':' || !ReadDigits(s, 17, 2, &second)) {
    return std::nullopt;
  }
  // Leap seconds (":60") are rejected: system_clock has no representation for them, and silently
  // folding one into the next second would make two distinct inputs compare equal.
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(year),
                                        std::chrono::month(static_cast<unsigned>(month)),
                                        std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;

  size_t pos = 19;
  int64_t millis = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    const size_t start = pos;
    int64_t scale = 100;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      // Digits beyond milliseconds are truncated: every timestamp we store has ms precision.
      millis += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }

  int offset_minutes = 0;
  if (pos >= s.size()) return std::nullopt;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    const int sign = s[pos] == '-' ? -1 : 1;
    int oh, om;
    if (!ReadDigits(s, pos + 1, 2, &oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !ReadDigits(s, pos + 4, 2, &om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_minutes = sign * (oh * 60 + om);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;

  const auto local = std::chrono::sys_days(ymd) + std::chrono::hours(hour) +
                     std::chrono::minutes(minute) + std::chrono::seconds(second) +
                     milliseconds(millis);
  // The offset says how far local time is ahead of UTC, so UTC = local - offset.
  const milliseconds utc = (local - std::chrono::minutes(offset_minutes)).time_since_epoch();
  // system_clock counts nanoseconds in libstdc++ (years 1677..2262); a year outside that would
  // silently wrap around, so it is rejected instead.
  constexpr auto kMin = std::chrono::duration_cast<milliseconds>(TimePoint::duration::min());
  constexpr auto kMax = std::chrono::duration_cast<milliseconds>(TimePoint::duration::max());
  if (utc <= kMin || utc >= kMax) return std::nullopt;
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(utc));
}

}  // namespace socgov
