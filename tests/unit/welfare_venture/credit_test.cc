#include "welfare_venture/domain/credit.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace socgov::welfare_venture {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace)

CreditFacts Listed(CreditList list, const char* from, std::optional<const char*> until) {
  CreditFacts f;
  f.listings.push_back({list, D(from), until ? std::optional<Date>(D(*until)) : std::nullopt});
  return f;
}

TEST(Credit, Cr10CleanRecordIsEligible) {
  EXPECT_FALSE(CheckCreditLookBack(CreditFacts{}, D("2026-03-01")));
}

TEST(Credit, Cr10AbnormalListingInThePreviousYearRefuses) {
  // Removed on 2025-03-01: the last listed day is 2025-02-28.
  const auto f = Listed(CreditList::kAbnormal, "2024-10-01", "2025-03-01");
  // Exactly a year after the removal the look-back [2025-03-01, 2026-03-01] holds no listed day.
  EXPECT_FALSE(CheckCreditLookBack(f, D("2026-03-01")));
  const auto refused = CheckCreditLookBack(f, D("2026-02-28"));
  ExpectRule(refused, "ABNORMAL", "CR-10");
  EXPECT_NE(MessageOf(refused).find("listed from 2024-10-01 until 2025-03-01"), std::string::npos)
      << MessageOf(refused);
}

TEST(Credit, Cr10StillListedRefusesAndNamesTheListingDay) {
  const auto refused = CheckCreditLookBack(
      Listed(CreditList::kAbnormal, "2026-01-15", std::nullopt), D("2026-03-01"));
  ExpectRule(refused, "ABNORMAL", "CR-10");
  EXPECT_NE(MessageOf(refused).find("2026-01-15 and still listed"), std::string::npos);
}

TEST(Credit, Cr10SeriousListingInThePrevious2YearsRefuses) {
  const auto f = Listed(CreditList::kSerious, "2022-01-10", "2024-03-01");
  EXPECT_FALSE(CheckCreditLookBack(f, D("2026-03-01")));
  ExpectRule(CheckCreditLookBack(f, D("2026-02-28")), "SERIOUS", "CR-10");
  // An ABNORMAL listing that old would no longer count: the look-backs differ by list.
  EXPECT_FALSE(CheckCreditLookBack(Listed(CreditList::kAbnormal, "2022-01-10", "2024-03-01"),
                                   D("2026-02-28")));
}

TEST(Credit, Cr10ListingsAfterTheCheckDayAndEmptyOnesDoNotCount) {
  EXPECT_FALSE(CheckCreditLookBack(Listed(CreditList::kSerious, "2026-03-02", std::nullopt),
                                   D("2026-03-01")));
  // Removed the day it was listed (an error corrected under CR-08).
  EXPECT_FALSE(CheckCreditLookBack(Listed(CreditList::kAbnormal, "2026-01-10", "2026-01-10"),
                                   D("2026-03-01")));
  ExpectInvalid(CheckCreditLookBack(Listed(CreditList::kAbnormal, "2026-01-10", "2026-01-09"),
                                    D("2026-03-01")),
                "listings.until");
}

TEST(Credit, Cr10MajorViolationInThePrevious3YearsRefuses) {
  CreditFacts f;
  f.major_violations = {D("2023-03-01")};
  ExpectRule(CheckCreditLookBack(f, D("2026-03-01")), "VIOLATION", "CR-10");
  EXPECT_NE(MessageOf(CheckCreditLookBack(f, D("2026-03-01"))).find("2023-03-01"),
            std::string::npos);
  EXPECT_FALSE(CheckCreditLookBack(f, D("2026-03-02")));
}

TEST(Credit, Vc07ClawbackBarsTheGranteeForThreeYears) {
  CreditFacts f;
  f.clawbacks = {D("2024-05-10")};
  EXPECT_EQ(BarEndsOn(D("2024-05-10")), D("2027-05-10"));
  const auto barred = CheckCreditLookBack(f, D("2027-05-09"));
  ExpectRule(barred, "BARRED", "VC-07");
  EXPECT_NE(MessageOf(barred).find("clawed back on 2024-05-10; barred until 2027-05-10"),
            std::string::npos)
      << MessageOf(barred);
  EXPECT_FALSE(CheckCreditLookBack(f, D("2027-05-10")));
  // A clawback dated after the check has not happened yet.
  EXPECT_FALSE(CheckCreditLookBack(f, D("2024-05-09")));
}

TEST(Credit, Cr10LookBackFromALeapDay) {
  // 2028-02-29 − 1 year = 2027-02-28 (clamped): a listing removed that day no longer counts.
  EXPECT_FALSE(CheckCreditLookBack(Listed(CreditList::kAbnormal, "2026-06-01", "2027-02-28"),
                                   D("2028-02-29")));
  ExpectRule(CheckCreditLookBack(Listed(CreditList::kAbnormal, "2026-06-01", "2027-03-01"),
                                 D("2028-02-29")),
             "ABNORMAL", "CR-10");
}

TEST(Credit, Cr10SeriousIsReportedBeforeAbnormal) {
  CreditFacts f = Listed(CreditList::kAbnormal, "2025-06-01", std::nullopt);
  f.listings.push_back({CreditList::kSerious, D("2025-09-01"), std::nullopt});
  ExpectRule(CheckCreditLookBack(f, D("2026-03-01")), "SERIOUS", "CR-10");
}

}  // namespace
}  // namespace socgov::welfare_venture
