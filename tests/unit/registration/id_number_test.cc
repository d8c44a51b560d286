// GB 11643 citizen ID numbers (domain.md §4.2, REG-22).
#include "registration/domain/id_number.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace socgov::registration {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_days;
using namespace std::chrono_literals;

constexpr std::string_view kField = "legal_representative_id_number";

// Noon UTC, far from a date boundary.
const TimePoint kToday = sys_days{2026y / std::chrono::November / 27} + hours(12);

// A number with a correct check digit, so a test can isolate the rule it is about.
std::string WithCheck(const std::string& first17) { return first17 + *IdCheckDigit(first17); }

std::string ErrorMessage(std::string_view id, TimePoint today = kToday) {
  Result<IdNumberInfo> r = ParseIdNumber(kField, id, today);
  if (r.ok()) return "(accepted)";
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  return r.error().message;
}

TEST(IdNumber, REG22_WorkedExample11010519491231002XPasses) {
  EXPECT_EQ(IdCheckDigit("11010519491231002"), 'X');
  Result<IdNumberInfo> r = ParseIdNumber(kField, "11010519491231002X", kToday);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->normalized, "11010519491231002X");
  EXPECT_EQ(r->birth_year, 1949);
  EXPECT_EQ(r->birth_month, 12);
  EXPECT_EQ(r->birth_day, 31);
  EXPECT_FALSE(r->male);  // 17th digit 2 is even
}

TEST(IdNumber, REG22_LowerCaseXIsAcceptedAndStoredUpperCase) {
  Result<IdNumberInfo> r = ParseIdNumber(kField, "11010519491231002x", kToday);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->normalized, "11010519491231002X");
}

TEST(IdNumber, REG22_WrongCheckDigitFails) {
  EXPECT_EQ(ErrorMessage("110105194912310021"),
            "legal_representative_id_number: check digit is 1, expected X");
  EXPECT_EQ(ErrorMessage("11010519491231002Y"),
            "legal_representative_id_number: the last character must be a digit or X");
}

TEST(IdNumber, REG22_SexFromSeventeenthDigit) {
  Result<IdNumberInfo> r = ParseIdNumber(kField, WithCheck("11010519800101001"), kToday);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->male);
}

TEST(IdNumber, REG22_ImpossibleBirthDatesFail) {
  EXPECT_EQ(ErrorMessage(WithCheck("11010520000230001")),
            "legal_representative_id_number: birth date 20000230 is not a real date");
  EXPECT_EQ(ErrorMessage(WithCheck("11010519990229001")),
            "legal_representative_id_number: birth date 19990229 is not a real date");
  EXPECT_NE(ErrorMessage(WithCheck("11010519000229001")), "(accepted)");  // 1900 is not leap
  EXPECT_NE(ErrorMessage(WithCheck("11010519801301001")), "(accepted)");  // month 13
  EXPECT_NE(ErrorMessage(WithCheck("11010519800001001")), "(accepted)");  // month 0
  EXPECT_NE(ErrorMessage(WithCheck("11010519800100001")), "(accepted)");  // day 0
  EXPECT_NE(ErrorMessage(WithCheck("11010519800431001")), "(accepted)");  // April 31
}

TEST(IdNumber, REG22_LeapDaysInLeapYearsPass) {
  EXPECT_TRUE(ParseIdNumber(kField, WithCheck("11010520000229001"), kToday).ok());  // ÷400
  EXPECT_TRUE(ParseIdNumber(kField, WithCheck("11010519960229001"), kToday).ok());
}

TEST(IdNumber, REG22_BirthBefore1900Fails) {
  EXPECT_EQ(ErrorMessage(WithCheck("11010518991231001")),
            "legal_representative_id_number: birth date 18991231 is before 1900");
  EXPECT_TRUE(ParseIdNumber(kField, WithCheck("11010519000101001"), kToday).ok());
}

TEST(IdNumber, REG22_FutureBirthDateFails) {
  EXPECT_EQ(ErrorMessage(WithCheck("11010520261128001")),
            "legal_representative_id_number: birth date 20261128 is after today 20261127");
  EXPECT_TRUE(ParseIdNumber(kField, WithCheck("11010520261127001"), kToday).ok());
}

TEST(IdNumber, REG22_TodayIsTheUtcCivilDate) {
  const TimePoint late = sys_days{2026y / std::chrono::November / 27} + hours(23) + minutes(59);
  const TimePoint next = sys_days{2026y / std::chrono::November / 28};
  EXPECT_NE(ErrorMessage(WithCheck("11010520261128001"), late), "(accepted)");
  EXPECT_TRUE(ParseIdNumber(kField, WithCheck("11010520261128001"), next).ok());
}

TEST(IdNumber, REG22_Legacy15DigitNumberIsConverted) {
  Result<IdNumberInfo> r = ParseIdNumber(kField, "110105491231002", kToday);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->normalized, "11010519491231002X");
  EXPECT_EQ(r->birth_year, 1949);

  EXPECT_NE(ErrorMessage("11010549123100X"), "(accepted)");  // no check digit in 15-digit form
  EXPECT_NE(ErrorMessage("110105490230002"), "(accepted)");  // 1949-02-30
}

TEST(IdNumber, REG22_WrongLengthOrCharactersFail) {
  EXPECT_EQ(ErrorMessage(""),
            "legal_representative_id_number: must be 18 characters (or a legacy 15-digit "
            "number), got 0");
  EXPECT_NE(ErrorMessage("11010519491231002"), "(accepted)");    // 17
  EXPECT_NE(ErrorMessage("11010519491231002XX"), "(accepted)");  // 19
  EXPECT_EQ(ErrorMessage("1101051949123100AX"),
            "legal_representative_id_number: the first 17 characters must be digits");
  EXPECT_NE(ErrorMessage("11010519491231 02X"), "(accepted)");
}

TEST(IdNumber, CheckDigitNeedsSeventeenDigits) {
  EXPECT_FALSE(IdCheckDigit("1101051949123100").has_value());
  EXPECT_FALSE(IdCheckDigit("110105194912310022").has_value());
  EXPECT_FALSE(IdCheckDigit("1101051949123100A").has_value());
  // The last weight is 2, so the last digit alone selects Y and shows the map's order.
  EXPECT_EQ(IdCheckDigit("00000000000000000"), '1');  // Y = 0
  EXPECT_EQ(IdCheckDigit("00000000000000006"), '0');  // Y = 12 mod 11 = 1
  EXPECT_EQ(IdCheckDigit("00000000000000001"), 'X');  // Y = 2
}

}  // namespace
}  // namespace socgov::registration
