#include "supervision/domain/party_credit.h"

#include <gtest/gtest.h>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

CreditRecord Apply(CreditRecord r, const CreditEvent& e) {
  auto next = ApplyEvent(std::move(r), e);
  EXPECT_TRUE(next.ok()) << next.error().message;
  return next.ok() ? *next : CreditRecord{};
}

CreditRecord ListedForMissingParty(const char* on) {
  return Apply({}, PartyOrganizationMissingEvent({}, D(on)));
}

TEST(PartyCredit, Pb11Cr01bMissingPartyOrganizationListsAbnormal) {
  const auto r = ListedForMissingParty("2026-12-01");
  const Listing* open = OpenListing(r);
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->list, CreditList::kAbnormal);
  EXPECT_EQ(open->reason, "CR-01(b)");
  EXPECT_EQ(open->listed_on, D("2026-12-01"));
  EXPECT_TRUE(open->needs_rectification);  // CR-05: not removed by the 6 months alone
}

TEST(PartyCredit, Cr01bLateFactIsRecordedOnTheRecordsLatestDateNotBeforeIt) {
  const auto r = Apply({}, CreditEvent{CreditEventKind::kAnnualReportMissed, D("2027-06-01")});
  const auto e = PartyOrganizationMissingEvent(r, D("2027-05-20"));
  EXPECT_EQ(e.kind, CreditEventKind::kPartyOrganizationMissing);
  EXPECT_EQ(e.on, D("2027-06-01"));
  EXPECT_EQ(PartyOrganizationMissingEvent(r, D("2027-07-01")).on, D("2027-07-01"));
}

TEST(PartyCredit, Cr05Cr01bListingRemovedWhenAPartyOrganizationIsApproved) {
  const auto after =
      RemoveRectifiedPartyListing(ListedForMissingParty("2026-12-01"), D("2027-01-15"));
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(OpenListing(*after), nullptr);
  ASSERT_EQ(after->listings.size(), 1u);
  EXPECT_EQ(after->listings[0].removed_on, D("2027-01-15"));
  EXPECT_NE(after->listings[0].removal_reason.find("CR-05"), std::string::npos);
  EXPECT_NE(after->listings[0].removal_reason.find("CR-01(b)"), std::string::npos);
}

TEST(PartyCredit, Cr05ApprovalDatedBeforeTheListingRemovesOnTheListingDay) {
  const auto after =
      RemoveRectifiedPartyListing(ListedForMissingParty("2026-12-01"), D("2026-11-30"));
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->listings[0].removed_on, D("2026-12-01"));
}

TEST(PartyCredit, Cr04ListingExtendedByAnotherKindIsLeftForTheRegistry) {
  auto r = ListedForMissingParty("2026-12-01");
  r = Apply(std::move(r), CreditEvent{CreditEventKind::kAnnualReportMissed, D("2027-06-01")});
  EXPECT_FALSE(RemoveRectifiedPartyListing(r, D("2027-07-01")).has_value());
}

TEST(PartyCredit, Cr05OnlyCr01bListingsAreRemovedByAPartyOrganization) {
  EXPECT_FALSE(RemoveRectifiedPartyListing({}, D("2027-01-01")).has_value());  // NORMAL
  const auto other = Apply({}, CreditEvent{CreditEventKind::kAnnualReportMissed, D("2026-06-01")});
  EXPECT_FALSE(RemoveRectifiedPartyListing(other, D("2026-07-01")).has_value());
  // Already removed: nothing more (a redelivered approval changes nothing).
  const auto removed =
      RemoveRectifiedPartyListing(ListedForMissingParty("2026-12-01"), D("2027-01-15"));
  ASSERT_TRUE(removed.has_value());
  EXPECT_FALSE(RemoveRectifiedPartyListing(*removed, D("2027-01-16")).has_value());
}

TEST(PartyCredit, Cr04SecondMissingFactWhileListedRestartsTheClockAndStillRemoves) {
  auto r = ListedForMissingParty("2026-12-01");
  r = Apply(std::move(r), PartyOrganizationMissingEvent(r, D("2027-03-01")));
  ASSERT_EQ(r.listings.size(), 1u);
  EXPECT_EQ(OpenListing(r)->clock_from, D("2027-03-01"));
  EXPECT_TRUE(RemoveRectifiedPartyListing(r, D("2027-04-01")).has_value());
}

TEST(PartyCredit, Cr06TwoYearsListedEscalatesAndIsNoLongerRemovedByAPartyOrganization) {
  const auto r = ListedForMissingParty("2026-12-01");
  EXPECT_FALSE(RemoveRectifiedPartyListing(r, D("2028-12-02")).has_value());
}

}  // namespace
}  // namespace socgov::supervision
