#include "supervision/domain/credit_listing.h"

#include <gtest/gtest.h>

#include <string>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

CreditEvent Ev(CreditEventKind kind, const char* on, std::int64_t fine_fen = 0) {
  return CreditEvent{kind, D(on), fine_fen, false};
}

CreditRecord Apply(CreditRecord r, const CreditEvent& e) {
  auto next = ApplyEvent(std::move(r), e);
  EXPECT_TRUE(next.ok()) << next.error().message;
  return next.ok() ? *next : CreditRecord{};
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

TEST(CreditListing, Cr01aMissedAnnualReportListsAbnormal) {
  const auto r = Apply({}, Ev(CreditEventKind::kAnnualReportMissed, "2026-06-01"));
  const Listing* open = OpenListing(r);
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->list, CreditList::kAbnormal);
  EXPECT_EQ(open->reason, "CR-01(a)");
  EXPECT_EQ(open->listed_on, D("2026-06-01"));
}

TEST(CreditListing, Cr01eSmallFineListsAbnormalCr06LargeFineListsSerious) {
  const auto small = Apply({}, Ev(CreditEventKind::kFine, "2026-06-01", kSeriousFineFen - 1));
  EXPECT_EQ(OpenListing(small)->list, CreditList::kAbnormal);
  EXPECT_EQ(OpenListing(small)->reason, "CR-01(e)");
  const auto large = Apply({}, Ev(CreditEventKind::kFine, "2026-06-01", kSeriousFineFen));
  EXPECT_EQ(OpenListing(large)->list, CreditList::kSerious);
  EXPECT_EQ(OpenListing(large)->reason, "CR-06(4)");
}

TEST(CreditListing, Cr02UnreachableNeedsLetters20To60DaysApart) {
  EXPECT_FALSE(*UnreachableByLetters(D("2026-01-01"), D("2026-01-20")));  // 19 days
  EXPECT_TRUE(*UnreachableByLetters(D("2026-01-01"), D("2026-01-21")));   // 20 days
  EXPECT_TRUE(*UnreachableByLetters(D("2026-01-01"), D("2026-03-02")));   // 60 days
  EXPECT_FALSE(*UnreachableByLetters(D("2026-01-01"), D("2026-03-03")));  // 61 days
  const auto bad = UnreachableByLetters(D("2026-01-02"), D("2026-01-01"));
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(StartsWith(bad.error().message, "second_letter:"));
}

TEST(CreditListing, Cr03NoDirectResponsibilityIsNotListed) {
  CreditEvent e = Ev(CreditEventKind::kRectificationOverdue, "2026-06-01");
  e.no_direct_responsibility = true;
  const auto r = Apply({}, e);
  EXPECT_EQ(OpenListing(r), nullptr);
  EXPECT_EQ(r.events.size(), 1u);
}

TEST(CreditListing, Cr04RestartsTheListingPeriod) {
  auto r = Apply({}, Ev(CreditEventKind::kWarning, "2026-01-10"));
  ASSERT_EQ(OpenListing(r)->clock_from, D("2026-01-10"));
  r = Apply(r, Ev(CreditEventKind::kAnnualReportMissed, "2026-06-01"));
  ASSERT_EQ(r.listings.size(), 1u);
  EXPECT_EQ(OpenListing(r)->listed_on, D("2026-01-10"));
  EXPECT_EQ(OpenListing(r)->clock_from, D("2026-06-01"));
}

TEST(CreditListing, Cr05NothingToRectifyRemovedAfterSixMonths) {
  auto r = Apply({}, Ev(CreditEventKind::kWarning, "2026-01-10"));
  EXPECT_NE(OpenListing(AdvanceTo(r, D("2026-07-09"))), nullptr);
  const auto later = AdvanceTo(r, D("2026-07-10"));
  EXPECT_EQ(OpenListing(later), nullptr);
  EXPECT_EQ(*later.listings.back().removed_on, D("2026-07-10"));
}

TEST(CreditListing, Cr05SomethingToRectifyMeansNoAutomaticRemoval) {
  auto r = Apply({}, Ev(CreditEventKind::kWarning, "2026-01-10"));
  r = Apply(r, Ev(CreditEventKind::kUnreachable, "2026-05-01"));
  // The CR-01(f) event leaves something to rectify: the 6 months no longer remove the listing.
  EXPECT_NE(OpenListing(AdvanceTo(r, D("2026-12-31"))), nullptr);
}

TEST(CreditListing, Cr05RemovalOnApplicationNeedsObligationsFulfilled) {
  const auto r = Apply({}, Ev(CreditEventKind::kAnnualReportMissed, "2026-06-01"));
  const auto refused = RemoveAbnormal(r, D("2026-07-01"), false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(StartsWith(refused.error().message, "state ABNORMAL: CR-05"))
      << refused.error().message;
  const auto removed = RemoveAbnormal(r, D("2026-07-01"), true);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(OpenListing(*removed), nullptr);
  EXPECT_EQ(*removed->listings.back().removed_on, D("2026-07-01"));
}

TEST(CreditListing, Cr05RemovalWhenNotListedNamesState) {
  const auto r = RemoveAbnormal({}, D("2026-07-01"), true);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(StartsWith(r.error().message, "state NORMAL: CR-05")) << r.error().message;
}

TEST(CreditListing, Cr06EscalatesToSeriousAfterTwoYearsAbnormal) {
  auto r = Apply({}, Ev(CreditEventKind::kAnnualReportMissed, "2026-06-01"));
  // A later event restarts the removal clock but not the escalation clock.
  r = Apply(r, Ev(CreditEventKind::kPartyOrganizationMissing, "2027-06-01"));
  EXPECT_EQ(OpenListing(AdvanceTo(r, D("2028-05-31")))->list, CreditList::kAbnormal);
  const auto later = AdvanceTo(r, D("2028-06-01"));
  ASSERT_EQ(later.listings.size(), 2u);
  EXPECT_EQ(*later.listings[0].removed_on, D("2028-06-01"));
  EXPECT_EQ(OpenListing(later)->list, CreditList::kSerious);
  EXPECT_EQ(OpenListing(later)->reason, "CR-06(1)");
  EXPECT_EQ(OpenListing(later)->listed_on, D("2028-06-01"));
}

TEST(CreditListing, Cr06SecondMinorPenaltyWithinThreeYearsIsSerious) {
  auto r = Apply({}, Ev(CreditEventKind::kWarning, "2024-03-01"));
  r = *RemoveAbnormal(r, D("2024-05-01"), true);
  r = Apply(r, Ev(CreditEventKind::kFine, "2027-03-01", 100'000));
  EXPECT_EQ(OpenListing(r)->list, CreditList::kSerious);
  EXPECT_EQ(OpenListing(r)->reason, "CR-06(5)");
}

TEST(CreditListing, Cr06MinorPenaltiesMoreThanThreeYearsApartStayAbnormal) {
  auto r = Apply({}, Ev(CreditEventKind::kWarning, "2024-03-01"));
  r = *RemoveAbnormal(r, D("2024-05-01"), true);
  r = Apply(r, Ev(CreditEventKind::kWarning, "2027-03-02"));
  EXPECT_EQ(OpenListing(r)->list, CreditList::kAbnormal);
  EXPECT_EQ(OpenListing(r)->reason, "CR-01(e)");
}

TEST(CreditListing, Cr06DirectTriggerMovesAbnormalToSerious) {
  auto r = Apply({}, Ev(CreditEventKind::kAnnualReportMissed, "2026-06-01"));
  r = Apply(r, Ev(CreditEventKind::kSuspension, "2026-09-01"));
  ASSERT_EQ(r.listings.size(), 2u);
  EXPECT_EQ(*r.listings[0].removed_on, D("2026-09-01"));
  EXPECT_EQ(OpenListing(r)->list, CreditList::kSerious);
  EXPECT_EQ(OpenListing(r)->reason, "CR-06(3)");
}

TEST(CreditListing, Cr07SeriousRemovedAfterTwoCleanYears) {
  auto r = Apply({}, Ev(CreditEventKind::kSuspension, "2026-01-01"));
  r = Apply(r, Ev(CreditEventKind::kAnnualReportMissed, "2026-06-01"));  // CR-04 restart
  const auto early = RemoveSerious(r, D("2028-01-01"), false, false);
  ASSERT_FALSE(early.ok());
  EXPECT_TRUE(StartsWith(early.error().message, "state SERIOUS: CR-07")) << early.error().message;
  const auto removed = RemoveSerious(r, D("2028-06-01"), false, false);
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  EXPECT_EQ(OpenListing(*removed), nullptr);
}

TEST(CreditListing, Cr07RevokedOrganizationRemovedOnlyAfterDeregistration) {
  const auto r = Apply({}, Ev(CreditEventKind::kRevocation, "2026-01-01"));
  const auto refused = RemoveSerious(r, D("2030-01-01"), false, true);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("CR-07"), std::string::npos);
  const auto removed = RemoveSerious(r, D("2026-03-01"), true, false);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(OpenListing(*removed), nullptr);
}

TEST(CreditListing, Cr07EscalatedListingNeedsOriginalRectification) {
  auto r = Apply({}, Ev(CreditEventKind::kAnnualReportMissed, "2026-06-01"));
  // Escalated on 2028-06-01 (CR-06(1)); two clean years later it may end, with the report filed.
  const auto refused = RemoveSerious(r, D("2030-06-01"), false, false);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("CR-06(1)"), std::string::npos);
  EXPECT_TRUE(RemoveSerious(r, D("2030-06-01"), false, true).ok());
}

TEST(CreditListing, EventBeforeRecordIsRefusedNamingTheField) {
  const auto r = Apply({}, Ev(CreditEventKind::kAnnualReportMissed, "2026-06-01"));
  const auto bad = ApplyEvent(r, Ev(CreditEventKind::kWarning, "2026-05-01"));
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(StartsWith(bad.error().message, "event.on:")) << bad.error().message;
  const auto fine = ApplyEvent({}, Ev(CreditEventKind::kFine, "2026-05-01", 0));
  ASSERT_FALSE(fine.ok());
  EXPECT_TRUE(StartsWith(fine.error().message, "event.fine_fen:")) << fine.error().message;
}

}  // namespace
}  // namespace socgov::supervision
