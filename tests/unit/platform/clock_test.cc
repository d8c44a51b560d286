#include "platform/util/clock.h"

#include <gtest/gtest.h>

#include <chrono>

namespace socgov {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

constexpr int64_t kSample = 1795821199123;  // 2026-11-27T23:13:19.123Z

TEST(ClockTest, UnixMillisRoundTrip) {
  EXPECT_EQ(UnixMillis(FromUnixMillis(kSample)), kSample);
  EXPECT_EQ(UnixMillis(FromUnixMillis(0)), 0);
  EXPECT_EQ(UnixMillis(FromUnixMillis(-1)), -1);
}

TEST(ClockTest, UnixMillisFloorsSubMillisecondParts) {
  const TimePoint t = FromUnixMillis(kSample) + std::chrono::microseconds(999);
  EXPECT_EQ(UnixMillis(t), kSample);
  const TimePoint before_epoch = TimePoint() - std::chrono::microseconds(1);
  EXPECT_EQ(UnixMillis(before_epoch), -1);
}

TEST(ClockTest, FormatsUtcWithThreeFractionDigits) {
  EXPECT_EQ(FormatRfc3339(FromUnixMillis(kSample)), "2026-11-27T23:13:19.123Z");
  EXPECT_EQ(FormatRfc3339(FromUnixMillis(0)), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatRfc3339(FromUnixMillis(1709208000000 + 7)), "2024-02-29T12:00:00.007Z");
  EXPECT_EQ(FormatRfc3339(FromUnixMillis(-1)), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(FormatRfc3339(FromUnixMillis(-14182940000)), "1969-07-20T20:17:40.000Z");
}

TEST(ClockTest, ParsesZuluAndFractions) {
  EXPECT_EQ(ParseRfc3339("2026-11-27T23:13:19.123Z"), FromUnixMillis(kSample));
  EXPECT_EQ(ParseRfc3339("2026-11-27T23:13:19Z"), FromUnixMillis(kSample - 123));
  EXPECT_EQ(ParseRfc3339("2026-11-27T23:13:19.1Z"), FromUnixMillis(kSample - 23));
  // Digits beyond milliseconds are truncated, not rounded.
  EXPECT_EQ(ParseRfc3339("2026-11-27T23:13:19.123999999Z"), FromUnixMillis(kSample));
  EXPECT_EQ(ParseRfc3339("2026-11-27t23:13:19.123z"), FromUnixMillis(kSample));
}

TEST(ClockTest, RejectsYearsOutsideTheClockRange) {
  // system_clock would wrap around rather than represent these.
  EXPECT_FALSE(ParseRfc3339("9999-12-31T23:59:59Z").has_value());
  EXPECT_FALSE(ParseRfc3339("0001-01-01T00:00:00Z").has_value());
  EXPECT_TRUE(ParseRfc3339("2199-12-31T23:59:59.999Z").has_value());
}

TEST(ClockTest, ParsesNumericOffsets) {
  EXPECT_EQ(ParseRfc3339("2026-11-28T07:13:19.123+08:00"), FromUnixMillis(kSample));
  EXPECT_EQ(ParseRfc3339("2026-11-27T17:43:19.123-05:30"), FromUnixMillis(kSample));
  EXPECT_EQ(ParseRfc3339("2026-11-27T23:13:19.123+00:00"), FromUnixMillis(kSample));
  EXPECT_EQ(ParseRfc3339("2026-11-27T23:13:19.123-00:00"), FromUnixMillis(kSample));
}

TEST(ClockTest, AcceptsLeapDayOnlyInLeapYears) {
  EXPECT_TRUE(ParseRfc3339("2024-02-29T00:00:00Z").has_value());
  EXPECT_TRUE(ParseRfc3339("2000-02-29T00:00:00Z").has_value());
  EXPECT_FALSE(ParseRfc3339("2025-02-29T00:00:00Z").has_value());
  EXPECT_FALSE(ParseRfc3339("1900-02-29T00:00:00Z").has_value());
}

TEST(ClockTest, RejectsMalformedInput) {
  for (const char* bad : {
           "",
           "2026-11-27",
           "2026-11-27T23:13:19",        // no zone
           "2026-11-27 23:13:19Z",       // space instead of T
           "2026-11-27T23:13:19.Z",      // empty fraction
           "2026-11-27T23:13:19.12aZ",   // junk in fraction
           "2026-13-01T00:00:00Z",       // month
           "2026-00-01T00:00:00Z",       // month
           "2026-04-31T00:00:00Z",       // day
           "2026-04-00T00:00:00Z",       // day
           "2026-04-01T24:00:00Z",       // hour
           "2026-04-01T23:60:00Z",       // minute
           "2026-04-01T23:59:60Z",       // leap second
           "2026-4-01T00:00:00Z",        // short field
           "+026-04-01T00:00:00Z",       // sign in year
           "2026-04-01T00:00:00+0800",   // offset without colon
           "2026-04-01T00:00:00+08",     // truncated offset
           "2026-04-01T00:00:00+24:00",  // offset hour
           "2026-04-01T00:00:00+08:60",  // offset minute
           "2026-04-01T00:00:00Zjunk",   // trailing text
           "2026-04-01T00:00:00Z ",      // trailing space
           " 2026-04-01T00:00:00Z",      // leading space
       }) {
    EXPECT_FALSE(ParseRfc3339(bad).has_value()) << bad;
  }
}

TEST(ClockTest, FormatThenParseRoundTrips) {
  for (int64_t ms : {int64_t{0}, int64_t{1}, kSample, int64_t{951782400000},  // 2000-02-29
                     int64_t{4102444799999}, int64_t{-14182940000}, int64_t{7258118399999}}) {
    const TimePoint t = FromUnixMillis(ms);
    const auto parsed = ParseRfc3339(FormatRfc3339(t));
    ASSERT_TRUE(parsed.has_value()) << ms;
    EXPECT_EQ(*parsed, t) << FormatRfc3339(t);
  }
}

TEST(ClockTest, FixedClockIsInjectable) {
  FixedClock clock(FromUnixMillis(kSample));
  const Clock& c = clock;
  EXPECT_EQ(UnixMillis(c.Now()), kSample);
  clock.Set(clock.Now() + hours(1));
  EXPECT_EQ(UnixMillis(c.Now()), kSample + 3600 * 1000);
  EXPECT_EQ(UnixMillis(clock.Now() + milliseconds(1)), kSample + 3600 * 1000 + 1);
}

}  // namespace
}  // namespace socgov
