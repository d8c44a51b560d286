// The wall clock moved to a chosen day (10:00 China time), so a test can stand years later while
// servers and tokens keep real time's pace. Services take it as their kit clock.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "platform/util/clock.h"
#include "platform/util/dates.h"

namespace socgov::testing {

class MovableClock final : public Clock {
 public:
  TimePoint Now() const override {
    return std::chrono::system_clock::now() + std::chrono::milliseconds(offset_ms_.load());
  }
  void SetDay(const std::string& day) {
    const auto d = *ParseDate(day);
    const TimePoint target = TimePoint(d.time_since_epoch()) + std::chrono::hours(2);
    offset_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                     target - std::chrono::system_clock::now())
                     .count();
  }

 private:
  std::atomic<int64_t> offset_ms_{0};
};

}  // namespace socgov::testing
