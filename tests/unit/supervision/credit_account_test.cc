#include "supervision/domain/credit_account.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace socgov::supervision {
namespace {

using Kind = CreditChange::Kind;

Date D(const char* s) { return *ParseDate(s); }

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

CreditEvent Ev(CreditEventKind kind, const char* on, std::int64_t fine_fen = 0) {
  return CreditEvent{kind, D(on), fine_fen, false};
}

CreditRecord Apply(CreditRecord r, const CreditEvent& e) {
  auto next = ApplyEvent(std::move(r), e);
  EXPECT_TRUE(next.ok()) << next.error().message;
  return next.ok() ? *next : CreditRecord{};
}

std::vector<Kind> Kinds(const std::vector<CreditChange>& changes) {
  std::vector<Kind> out;
  for (const auto& c : changes) out.push_back(c.kind);
  return out;
}

// Listed ABNORMAL for the 2025 report missed (CR-01(a)).
CreditRecord Abnormal(const char* on = "2026-06-01") {
  return Apply({}, Ev(CreditEventKind::kAnnualReportMissed, on));
}

CreditAccount Account(CreditRecord record = Abnormal()) {
  CreditAccount a;
  a.organization_id = "org-1";
  a.jurisdiction = "jimei";
  a.record = std::move(record);
  a.sources.assign(a.record.events.size(), "annual report 2025");
  a.version = 3;
  return a;
}

Objection Obj(const char* filed_on = "2026-06-10", bool upheld = true) {
  return Objection{D(filed_on), "已于 5 月 20 日报送年报", "核实已报送", "登记管理机关", upheld};
}

void ExpectInvalid(const Result<CreditAccount>& r, const std::string& field) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(StartsWith(r.error().message, field + ":")) << r.error().message;
}

TEST(CreditAccount, Cr01NewListingIsListed) {
  const auto after = Abnormal();
  const auto changes = ChangesBetween({}, after);
  ASSERT_EQ(Kinds(changes), std::vector<Kind>{Kind::kListed});
  EXPECT_EQ(changes[0].listing.list, CreditList::kAbnormal);
  EXPECT_EQ(changes[0].listing.reason, "CR-01(a)");
  EXPECT_EQ(changes[0].listing.listed_on, D("2026-06-01"));
  EXPECT_FALSE(changes[0].previous);
}

TEST(CreditAccount, Cr01NothingChangedIsNoChange) {
  const auto r = Abnormal();
  EXPECT_TRUE(ChangesBetween(r, r).empty());
  EXPECT_TRUE(ChangesBetween({}, {}).empty());
  // An event spared by CR-03 lists nothing.
  CreditEvent spared = Ev(CreditEventKind::kAnnualReportMissed, "2026-06-01");
  spared.no_direct_responsibility = true;
  EXPECT_TRUE(ChangesBetween({}, Apply({}, spared)).empty());
}

TEST(CreditAccount, Cr04NewEventWhileListedIsRestarted) {
  const auto before = Abnormal();
  const auto after = Apply(before, Ev(CreditEventKind::kPartyOrganizationMissing, "2026-09-01"));
  const auto changes = ChangesBetween(before, after);
  ASSERT_EQ(Kinds(changes), std::vector<Kind>{Kind::kRestarted});
  EXPECT_EQ(changes[0].listing.clock_from, D("2026-09-01"));
  EXPECT_EQ(changes[0].listing.listed_on, D("2026-06-01"));
}

TEST(CreditAccount, Cr06Situation1EscalationIsOneEscalatedAndNoRemoved) {
  const auto before = Abnormal("2024-06-01");
  const auto after = AdvanceTo(before, D("2026-06-15"));
  ASSERT_EQ(after.listings.size(), 2u);
  ASSERT_TRUE(after.listings[0].removed_on);
  EXPECT_EQ(*after.listings[0].removed_on, after.listings[1].listed_on);  // closed the day it opens
  const auto changes = ChangesBetween(before, after);
  ASSERT_EQ(Kinds(changes), std::vector<Kind>{Kind::kEscalated});
  EXPECT_EQ(changes[0].listing.list, CreditList::kSerious);
  EXPECT_EQ(changes[0].listing.reason, "CR-06(1)");
  EXPECT_EQ(changes[0].listing.listed_on, D("2026-06-01"));
  ASSERT_TRUE(changes[0].previous);
  EXPECT_EQ(changes[0].previous->list, CreditList::kAbnormal);
  EXPECT_EQ(changes[0].previous->reason, "CR-01(a)");
}

TEST(CreditAccount, Cr06Situation4DirectTriggerWhileAbnormalIsEscalated) {
  const auto before = Abnormal();
  const auto after = Apply(before, Ev(CreditEventKind::kFine, "2026-07-01", kSeriousFineFen));
  const auto changes = ChangesBetween(before, after);
  ASSERT_EQ(Kinds(changes), std::vector<Kind>{Kind::kEscalated});
  EXPECT_EQ(changes[0].listing.reason, "CR-06(4)");
  ASSERT_TRUE(changes[0].previous);
  EXPECT_EQ(changes[0].previous->list, CreditList::kAbnormal);
}

TEST(CreditAccount, Cr06Situation4ListedAndEscalatedWithinOneStepIsNoRemoved) {
  const auto after = Apply(Abnormal(), Ev(CreditEventKind::kFine, "2026-07-01", kSeriousFineFen));
  const auto changes = ChangesBetween({}, after);
  ASSERT_EQ(Kinds(changes), (std::vector<Kind>{Kind::kListed, Kind::kEscalated}));
  EXPECT_EQ(changes[0].listing.list, CreditList::kAbnormal);
  EXPECT_EQ(changes[1].listing.list, CreditList::kSerious);
}

TEST(CreditAccount, Cr05RemovalIsRemoved) {
  const auto before = Abnormal();
  auto after = RemoveAbnormal(before, D("2026-08-01"), true);
  ASSERT_TRUE(after.ok()) << after.error().message;
  const auto changes = ChangesBetween(before, *after);
  ASSERT_EQ(Kinds(changes), std::vector<Kind>{Kind::kRemoved});
  EXPECT_EQ(changes[0].listing.list, CreditList::kAbnormal);
  ASSERT_TRUE(changes[0].listing.removed_on);
  EXPECT_EQ(*changes[0].listing.removed_on, D("2026-08-01"));
}

TEST(CreditAccount, Cr07SeriousRemovalIsRemoved) {
  const auto before = Apply({}, Ev(CreditEventKind::kSuspension, "2024-01-10"));
  auto after = RemoveSerious(before, D("2026-02-01"), false, false);
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_EQ(Kinds(ChangesBetween(before, *after)), std::vector<Kind>{Kind::kRemoved});
}

TEST(CreditAccount, Cr05ListedAndRemovedWithinOneStep) {
  // A warning leaves nothing to rectify: removed 6 months after its clock (CR-05).
  const auto after =
      AdvanceTo(Apply({}, Ev(CreditEventKind::kWarning, "2026-01-10")), D("2026-08-01"));
  ASSERT_EQ(after.listings.size(), 1u);
  const auto changes = ChangesBetween({}, after);
  ASSERT_EQ(Kinds(changes), (std::vector<Kind>{Kind::kListed, Kind::kRemoved}));
  EXPECT_EQ(changes[0].listing.listed_on, D("2026-01-10"));
  EXPECT_EQ(*changes[1].listing.removed_on, D("2026-07-10"));
}

TEST(CreditAccount, Cr05RemovedThenListedAgainWithinOneStep) {
  const auto before = Apply({}, Ev(CreditEventKind::kWarning, "2026-01-10"));
  const auto after = Apply(before, Ev(CreditEventKind::kAnnualReportMissed, "2026-08-01"));
  const auto changes = ChangesBetween(before, after);
  ASSERT_EQ(Kinds(changes), (std::vector<Kind>{Kind::kRemoved, Kind::kListed}));
  EXPECT_EQ(changes[0].listing.reason, "CR-01(e)");
  EXPECT_EQ(changes[1].listing.reason, "CR-01(a)");
}

TEST(CreditAccount, Cr01RecordEventAppendsTheSourceAndBumpsTheVersion) {
  CreditAccount a;
  a.organization_id = "org-1";
  auto first =
      RecordEvent(a, Ev(CreditEventKind::kAnnualReportMissed, "2026-06-01"), "annual report 2025");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->version, 1);
  EXPECT_EQ(first->sources, std::vector<std::string>{"annual report 2025"});
  ASSERT_EQ(first->record.events.size(), 1u);
  ASSERT_NE(OpenListing(first->record), nullptr);

  auto second = RecordEvent(*first, Ev(CreditEventKind::kRectificationOverdue, "2026-07-01"),
                            "sampling plan plan-2026-1");
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->version, 2);
  EXPECT_EQ(second->sources,
            (std::vector<std::string>{"annual report 2025", "sampling plan plan-2026-1"}));
  EXPECT_EQ(second->record.events.size(), second->sources.size());
  EXPECT_EQ(OpenListing(second->record)->clock_from, D("2026-07-01"));  // CR-04
}

TEST(CreditAccount, Cr01RecordEventRefusesABadEvent) {
  const auto a = Account();
  ExpectInvalid(RecordEvent(a, Ev(CreditEventKind::kFine, "2026-07-01", 0), "penalty"),
                "event.fine_fen");
  ExpectInvalid(RecordEvent(a, Ev(CreditEventKind::kWarning, "2026-05-01"), "penalty"), "event.on");
}

TEST(CreditAccount, Cr08UpheldObjectionRemovesTheOpenListingOnTheDay) {
  const auto before = Account();
  auto a = DecideObjection(before, Obj(), D("2026-06-20"));
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->version, before.version + 1);
  ASSERT_EQ(a->objections.size(), 1u);
  EXPECT_TRUE(a->objections[0].upheld);
  EXPECT_EQ(a->objections[0].filed_on, D("2026-06-10"));
  EXPECT_EQ(OpenListing(a->record), nullptr);
  const Listing& l = a->record.listings.back();
  ASSERT_TRUE(l.removed_on);
  EXPECT_EQ(*l.removed_on, D("2026-06-20"));
  EXPECT_TRUE(StartsWith(l.removal_reason, "CR-08")) << l.removal_reason;
  EXPECT_EQ(Kinds(ChangesBetween(before.record, a->record)), std::vector<Kind>{Kind::kRemoved});
}

TEST(CreditAccount, Cr08ObjectionNotUpheldKeepsTheListing) {
  const auto before = Account();
  auto a = DecideObjection(before, Obj("2026-06-10", /*upheld=*/false), D("2026-06-20"));
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->version, before.version + 1);
  ASSERT_EQ(a->objections.size(), 1u);
  EXPECT_FALSE(a->objections[0].upheld);
  ASSERT_NE(OpenListing(a->record), nullptr);
  EXPECT_TRUE(ChangesBetween(before.record, a->record).empty());
}

TEST(CreditAccount, Cr08ObjectionNeedsGroundsAndAnswerOfBoundedLength) {
  auto o = Obj();
  o.grounds = "";
  ExpectInvalid(DecideObjection(Account(), o, D("2026-06-20")), "grounds");
  o = Obj();
  o.answer = "";
  ExpectInvalid(DecideObjection(Account(), o, D("2026-06-20")), "answer");
  o = Obj();
  o.grounds = std::string(4001, 'g');
  ExpectInvalid(DecideObjection(Account(), o, D("2026-06-20")), "grounds");
  o = Obj();
  o.answer = std::string(4001, 'a');
  ExpectInvalid(DecideObjection(Account(), o, D("2026-06-20")), "answer");
  o.answer = std::string(4000, 'a');
  EXPECT_TRUE(DecideObjection(Account(), o, D("2026-06-20")).ok());
}

TEST(CreditAccount, Cr08ObjectionFiledBetweenTheListingAndToday) {
  ExpectInvalid(DecideObjection(Account(), Obj("2026-06-21"), D("2026-06-20")), "filed_on");
  ExpectInvalid(DecideObjection(Account(), Obj("2026-05-31"), D("2026-06-20")), "filed_on");
  EXPECT_TRUE(DecideObjection(Account(), Obj("2026-06-01"), D("2026-06-20")).ok());
  EXPECT_TRUE(DecideObjection(Account(), Obj("2026-06-20"), D("2026-06-20")).ok());
}

TEST(CreditAccount, Cr08NoOpenListingIsAFailedPrecondition) {
  for (const auto& record :
       {CreditRecord{}, *RemoveAbnormal(Abnormal(), D("2026-07-01"), /*obligations=*/true)}) {
    auto a = DecideObjection(Account(record), Obj("2026-07-02"), D("2026-07-05"));
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_TRUE(StartsWith(a.error().message, "state NORMAL: CR-08")) << a.error().message;
  }
}

}  // namespace
}  // namespace socgov::supervision
