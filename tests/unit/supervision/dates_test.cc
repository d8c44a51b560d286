#include "supervision/domain/dates.h"

#include <gtest/gtest.h>

namespace socgov::supervision {
namespace {

TEST(Dates, ParseStrictAndRoundTrip) {
  ASSERT_TRUE(ParseDate("2026-03-31"));
  EXPECT_EQ(FormatDate(*ParseDate("2026-03-31")), "2026-03-31");
  EXPECT_TRUE(ParseDate("2028-02-29"));
  EXPECT_FALSE(ParseDate("2026-02-29"));
  EXPECT_FALSE(ParseDate("2026-3-31"));
  EXPECT_FALSE(ParseDate("2026/03/31"));
  EXPECT_FALSE(ParseDate("1899-12-31"));
  EXPECT_FALSE(ParseDate("2026-13-01"));
}

TEST(Dates, AddMonthsAndYearsClampToMonthEnd) {
  EXPECT_EQ(FormatDate(AddMonths(*ParseDate("2026-08-31"), 6)), "2027-02-28");
  EXPECT_EQ(FormatDate(AddYears(*ParseDate("2028-02-29"), 1)), "2029-02-28");
  EXPECT_EQ(FormatDate(AddYears(*ParseDate("2026-05-10"), -3)), "2023-05-10");
  EXPECT_EQ(FormatDate(AddMonths(*ParseDate("2026-01-15"), 12)), "2027-01-15");
}

}  // namespace
}  // namespace socgov::supervision
