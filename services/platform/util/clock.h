// Time as a dependency: domain code receives "now" as a value, services receive a Clock, tests
// inject a fixed one. RFC 3339 helpers live here because every event and record carries such
// timestamps.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace socgov {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint t) : t_(t) {}
  TimePoint Now() const override { return t_; }
  void Set(TimePoint t) { t_ = t; }

 private:
  TimePoint t_;
};

int64_t UnixMillis(TimePoint t);
TimePoint FromUnixMillis(int64_t ms);
// "2026-11-27T23:13:19.123Z" (UTC, millisecond precision).
std::string FormatRfc3339(TimePoint t);
// Accepts "YYYY-MM-DDTHH:MM:SS[.fff]Z" and numeric offsets "+08:00"; nullopt when malformed.
std::optional<TimePoint> ParseRfc3339(std::string_view s);

}  // namespace socgov
