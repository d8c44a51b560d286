#include "supervision/domain/working_days.h"

#include <gtest/gtest.h>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

// The 2025 National Day + Mid-Autumn notice: Oct 1-8 off, Sun Sep 28 and Sat Oct 11 worked.
constexpr const char* kGoldenWeek2025 =
    "# 2025 国庆节、中秋节\n"
    "2025-09-28 work\n"
    "2025-10-01 off\n"
    "2025-10-02 off\n"
    "2025-10-03 off\n"
    "2025-10-04 off\n"
    "2025-10-05 off\n"
    "2025-10-06 off\n"
    "2025-10-07 off\n"
    "2025-10-08 off\n"
    "\n"
    "2025-10-11   work\r\n";

WorkingCalendar GoldenWeek() { return *ParseWorkingCalendar(kGoldenWeek2025); }

TEST(WorkingDays, WeekendsAreOffWithoutACalendar) {
  const WorkingCalendar none;
  EXPECT_TRUE(IsWorkingDay(D("2025-06-06"), none));   // Friday
  EXPECT_FALSE(IsWorkingDay(D("2025-06-07"), none));  // Saturday
  EXPECT_FALSE(IsWorkingDay(D("2025-06-08"), none));  // Sunday
  EXPECT_EQ(AddWorkingDays(D("2025-06-06"), 1, none), D("2025-06-09"));
  EXPECT_EQ(AddWorkingDays(D("2025-06-06"), 5, none), D("2025-06-13"));
  EXPECT_EQ(AddWorkingDays(D("2025-06-07"), 1, none), D("2025-06-09"));
  EXPECT_EQ(AddWorkingDays(D("2025-06-06"), 0, none), D("2025-06-06"));
  EXPECT_EQ(AddWorkingDays(D("2025-06-09"), -1, none), D("2025-06-06"));
}

TEST(WorkingDays, HolidaysSpanningAWeekendAndMakeUpDays) {
  const auto c = GoldenWeek();
  EXPECT_TRUE(IsWorkingDay(D("2025-09-28"), c));   // Sunday worked
  EXPECT_FALSE(IsWorkingDay(D("2025-10-06"), c));  // Monday off
  EXPECT_FALSE(IsWorkingDay(D("2025-10-04"), c));  // Saturday inside the holiday
  EXPECT_TRUE(IsWorkingDay(D("2025-10-11"), c));   // Saturday worked
  EXPECT_FALSE(IsWorkingDay(D("2025-10-12"), c));  // Sunday, not listed
  // Tue Sep 30 → Thu Oct 9 is the first working day after the holiday.
  EXPECT_EQ(AddWorkingDays(D("2025-09-30"), 1, c), D("2025-10-09"));
  EXPECT_EQ(AddWorkingDays(D("2025-10-09"), -1, c), D("2025-09-30"));
  // Sat Sep 27 → Sun Sep 28 is worked.
  EXPECT_EQ(AddWorkingDays(D("2025-09-27"), 1, c), D("2025-09-28"));
}

TEST(WorkingDays, BetweenIsTheInverseOfAdd) {
  const auto c = GoldenWeek();
  EXPECT_EQ(WorkingDaysBetween(D("2025-09-30"), D("2025-10-08"), c), 0);
  EXPECT_EQ(WorkingDaysBetween(D("2025-09-26"), D("2025-10-14"), c), 8);
  EXPECT_EQ(WorkingDaysBetween(D("2025-10-14"), D("2025-09-26"), c), -8);
  EXPECT_EQ(WorkingDaysBetween(D("2025-10-01"), D("2025-10-01"), c), 0);
  for (int n = -12; n <= 12; ++n) {
    EXPECT_EQ(WorkingDaysBetween(D("2025-09-24"), AddWorkingDays(D("2025-09-24"), n, c), c), n);
  }
}

TEST(WorkingDays, Cr05RemovalWithinFiveWorkingDaysAcrossTheGoldenWeek) {
  const auto c = GoldenWeek();
  // Oct 9, 10, 11 (Sat, worked), 13, 14.
  EXPECT_EQ(Cr05RemovalDeadline(D("2025-09-30"), c), D("2025-10-14"));
  // Sun Sep 28 (worked), 29, 30, Oct 9, 10.
  EXPECT_EQ(Cr05RemovalDeadline(D("2025-09-26"), c), D("2025-10-10"));
  EXPECT_EQ(Cr05RemovalDeadline(D("2025-06-06"), WorkingCalendar{}), D("2025-06-13"));
}

TEST(WorkingDays, Cr08EntryWithinFiveWorkingDays) {
  const auto c = GoldenWeek();
  EXPECT_EQ(Cr08EntryDeadline(D("2025-10-08"), c), D("2025-10-14"));
  EXPECT_EQ(Cr08EntryDeadline(D("2025-06-09"), WorkingCalendar{}), D("2025-06-16"));
}

TEST(WorkingDays, ParseErrorsNameTheLine) {
  struct Case {
    const char* text;
    const char* prefix;
  };
  for (const auto& [text, prefix] : {
           Case{"2025-10-01 off\n2025-13-01 off\n", "line 2: not a real date"},
           Case{"2025-10-01\n", "line 1: expected"},
           Case{"# c\n\n2025-10-01 holiday\n", "line 3: kind must be"},
           Case{"2025-10-01 off\n2025-10-01 work\n", "line 2: date listed twice"},
           Case{"2025-10-09 work\n", "line 1: a make-up working day must be a weekend"},
       }) {
    const auto r = ParseWorkingCalendar(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message.rfind(prefix, 0), 0u) << r.error().message;
  }
}

TEST(WorkingDays, ParseAcceptsAnEmptyCalendar) {
  const auto r = ParseWorkingCalendar("");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->holidays.empty());
  EXPECT_TRUE(r->makeup_workdays.empty());
  EXPECT_EQ(GoldenWeek().holidays.size(), 8u);
  EXPECT_EQ(GoldenWeek().makeup_workdays.size(), 2u);
}

}  // namespace
}  // namespace socgov::supervision
