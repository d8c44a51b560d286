#include "supervision/domain/credit_query.h"

#include <gtest/gtest.h>

#include <string>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

CreditRecord AbnormalFromJuneToSeptember2026() {
  auto r = ApplyEvent({}, CreditEvent{CreditEventKind::kAnnualReportMissed, D("2026-06-01")});
  return *RemoveAbnormal(*r, D("2026-09-01"), true);
}

TEST(WasListed, OverlapOfClosedListing) {
  const auto r = AbnormalFromJuneToSeptember2026();
  EXPECT_TRUE(*WasListed(r, CreditList::kAbnormal, D("2026-01-01"), D("2026-06-01")));
  EXPECT_TRUE(*WasListed(r, CreditList::kAbnormal, D("2026-08-31"), D("2026-12-31")));
  EXPECT_FALSE(*WasListed(r, CreditList::kAbnormal, D("2026-09-01"), D("2026-12-31")));
  EXPECT_FALSE(*WasListed(r, CreditList::kAbnormal, D("2026-01-01"), D("2026-05-31")));
  EXPECT_FALSE(*WasListed(r, CreditList::kSerious, D("2026-01-01"), D("2026-12-31")));
}

TEST(WasListed, OpenListingCountsAndTimeIsApplied) {
  const auto r = ApplyEvent({}, CreditEvent{CreditEventKind::kAnnualReportMissed, D("2026-06-01")});
  EXPECT_TRUE(*WasListed(*r, CreditList::kAbnormal, D("2027-01-01"), D("2027-01-02")));
  // CR-06(1): two years on, the record has moved to the SERIOUS list without a further event.
  EXPECT_FALSE(*WasListed(*r, CreditList::kSerious, D("2028-05-01"), D("2028-05-31")));
  EXPECT_TRUE(*WasListed(*r, CreditList::kSerious, D("2028-05-01"), D("2028-06-01")));
  EXPECT_EQ(ListOn(*r, D("2028-06-01")), CreditList::kSerious);
}

TEST(WasListed, ReversedPeriodNamesTo) {
  const auto bad = WasListed({}, CreditList::kAbnormal, D("2026-02-01"), D("2026-01-01"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.rfind("to:", 0), 0u) << bad.error().message;
}

TEST(CreditQuery, Cr09ListedOrganizationExcluded) {
  const auto r = AbnormalFromJuneToSeptember2026();
  const Status s = CheckNotListed(r, D("2026-07-01"), "government purchase");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(s->message.rfind("state ABNORMAL: CR-09", 0), 0u) << s->message;
  EXPECT_FALSE(CheckNotListed(r, D("2026-09-01"), "government purchase"));
}

TEST(CreditQuery, Cr10VentureLookBackOneYearAbnormal) {
  const auto r = AbnormalFromJuneToSeptember2026();  // last listed day 2026-08-31
  const Status s = CheckVentureEligible(r, D("2027-08-31"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->message.rfind("state ABNORMAL: CR-10", 0), 0u) << s->message;
  EXPECT_FALSE(CheckVentureEligible(r, D("2027-09-01")));
}

TEST(CreditQuery, Cr10VentureLookBackTwoYearsSerious) {
  auto r = ApplyEvent({}, CreditEvent{CreditEventKind::kRevocation, D("2026-01-01")});
  const auto removed = RemoveSerious(*r, D("2026-03-01"), true, false);
  ASSERT_TRUE(removed.ok());
  const Status s = CheckVentureEligible(*removed, D("2028-02-28"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->message.rfind("state SERIOUS: CR-10", 0), 0u) << s->message;
  EXPECT_FALSE(CheckVentureEligible(*removed, D("2028-03-01")));
}

}  // namespace
}  // namespace socgov::supervision
