#include "supervision/domain/campaign.h"

#include <gtest/gtest.h>

#include <string>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

const Date kStart = D("2026-03-01");

Campaign Must(Result<Campaign> r) {
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? std::move(r).value() : Campaign{};
}

Campaign Started(CampaignKind kind = CampaignKind::kZombieCleanup) {
  return Must(StartCampaign({"cmpg-1", "2026年僵尸型社会组织专项整治", kind, "350211"}, kStart));
}

CampaignItemInput Item(std::string id, std::string org, const char* found = "2026-03-05",
                       const char* deadline = "2026-04-05") {
  return CampaignItemInput{std::move(id), std::move(org), "连续两年未参加年检", D(found),
                           D(deadline)};
}

Campaign WithItems(int n, CampaignKind kind = CampaignKind::kZombieCleanup) {
  Campaign c = Started(kind);
  for (int i = 0; i < n; ++i) {
    c = Must(AddItem(std::move(c), Item("item-" + std::to_string(i), "org-" + std::to_string(i)),
                     D("2026-03-05")));
  }
  return c;
}

template <typename T>
void ExpectError(const Result<T>& r, ErrorCode code, const std::string& prefix,
                 const std::string& part = "") {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, code) << r.error().message;
  EXPECT_TRUE(StartsWith(r.error().message, prefix)) << r.error().message;
  EXPECT_TRUE(Contains(r.error().message, part)) << r.error().message;
}

TEST(Campaign, Zb01ItemsAreOpenWithADeadline) {
  const Campaign c = WithItems(2);
  EXPECT_EQ(c.items.size(), 2u);
  EXPECT_EQ(c.items[0].state, CampaignItemState::kOpen);
  EXPECT_EQ(c.items[0].rectification_deadline, D("2026-04-05"));
  EXPECT_EQ(c.version, 3);
  EXPECT_EQ(c.started_on, kStart);
}

TEST(Campaign, Zb01ItemInputValidated) {
  const Campaign c = WithItems(1);
  const Date today = D("2026-03-10");
  ExpectError(AddItem(c, Item("item-0", "org-9"), today), ErrorCode::kInvalidArgument,
              "id:", "repeated");
  ExpectError(AddItem(c, Item("item-9", "org-0"), today), ErrorCode::kInvalidArgument,
              "organization_id:", "already has an open item");
  ExpectError(AddItem(c, Item("item-9", "org-9", "2026-02-28"), today), ErrorCode::kInvalidArgument,
              "found_on:", "before the campaign");
  ExpectError(AddItem(c, Item("item-9", "org-9", "2026-03-11"), today), ErrorCode::kInvalidArgument,
              "found_on:", "after today");
  ExpectError(AddItem(c, Item("item-9", "org-9", "2026-03-05", "2026-03-04"), today),
              ErrorCode::kInvalidArgument, "rectification_deadline:");
  // A deadline on the day found is allowed (an immediate order).
  EXPECT_TRUE(AddItem(c, Item("item-9", "org-9", "2026-03-05", "2026-03-05"), today).ok());
  CampaignItemInput no_problem = Item("item-9", "org-9");
  no_problem.problem = "";
  ExpectError(AddItem(c, no_problem, today), ErrorCode::kInvalidArgument, "problem:", "required");
  ExpectError(StartCampaign({"cmpg-2", "", CampaignKind::kOther, "350211"}, kStart),
              ErrorCode::kInvalidArgument, "name:");
}

TEST(Campaign, Zb02AnOrganizationResolvedCanBeFoundAgain) {
  Campaign c = Must(RectifyItem(WithItems(1), "item-0", D("2026-03-20"), D("2026-03-20")));
  EXPECT_TRUE(
      AddItem(c, Item("item-1", "org-0", "2026-03-25", "2026-04-25"), D("2026-03-25")).ok());
}

TEST(Campaign, Zb02EachOutcomeOnceAndOnlyFromOpen) {
  Campaign c = WithItems(4);
  const Date t = D("2026-03-20");
  c = Must(RectifyItem(std::move(c), "item-0", D("2026-03-18"), t));
  c = Must(EscalateItem(std::move(c), "item-1", "case-31", t));
  c = Must(RecordVoluntaryCancellation(std::move(c), "item-2", t));
  EXPECT_EQ(c.items[0].state, CampaignItemState::kRectified);
  EXPECT_EQ(*c.items[0].resolved_on, D("2026-03-18"));
  EXPECT_EQ(c.items[1].state, CampaignItemState::kEscalated);
  EXPECT_EQ(c.items[1].case_id, "case-31");
  EXPECT_EQ(c.items[2].state, CampaignItemState::kCancelledVoluntarily);
  ExpectError(RectifyItem(c, "item-1", t, t), ErrorCode::kFailedPrecondition,
              "state ESCALATED: ", "ZB-02");
  ExpectError(EscalateItem(c, "item-0", "case-32", t), ErrorCode::kFailedPrecondition,
              "state RECTIFIED: ", "ZB-02");
  ExpectError(RecordVoluntaryCancellation(c, "item-2", t), ErrorCode::kFailedPrecondition,
              "state CANCELLED_VOLUNTARILY: ", "ZB-02");
  ExpectError(RemoveFiling(c, "item-0", t), ErrorCode::kFailedPrecondition, "state RECTIFIED: ");
  ExpectError(RectifyItem(c, "item-404", t, t), ErrorCode::kNotFound, "item_id:");
  ExpectError(EscalateItem(c, "item-3", "", t), ErrorCode::kInvalidArgument, "case_id:");
  ExpectError(RectifyItem(c, "item-3", D("2026-03-04"), t), ErrorCode::kInvalidArgument,
              "rectified_on:", "before the problem was found");
  ExpectError(RectifyItem(c, "item-3", D("2026-03-21"), t), ErrorCode::kInvalidArgument,
              "rectified_on:", "after today");
}

TEST(Campaign, Sec38RemovalOnlyForLowActivityCommunityFilings) {
  const Date t = D("2026-03-20");
  ExpectError(RemoveFiling(WithItems(1), "item-0", t), ErrorCode::kFailedPrecondition,
              "state OPEN: ", "low-activity community");
  const Campaign removed =
      Must(RemoveFiling(WithItems(1, CampaignKind::kLowActivityCommunity), "item-0", t));
  EXPECT_EQ(removed.items[0].state, CampaignItemState::kRemoved);
  EXPECT_EQ(CountCampaign(removed, t).removed, 1);
}

TEST(Campaign, Zb02JimeiThirtyOneHandledTwentyNinePenaltiesTwoVoluntary) {
  Campaign c = WithItems(31);
  const Date t = D("2026-06-30");
  for (int i = 0; i < 29; ++i) {
    const std::string n = std::to_string(i);
    c = Must(EscalateItem(std::move(c), "item-" + n, "case-" + n, t));
  }
  c = Must(RecordVoluntaryCancellation(std::move(c), "item-29", t));
  c = Must(RecordVoluntaryCancellation(std::move(c), "item-30", t));
  const CampaignCounts n = CountCampaign(c, t);
  EXPECT_EQ(n, (CampaignCounts{31, 0, 0, 29, 0, 2, 0}));
  EXPECT_EQ(n.Handled(), (Fraction{31, 31}));
  EXPECT_EQ(n.Rectified(), (Fraction{0, 31}));
}

TEST(Campaign, Zb02CountsAsOfDIncludingOverdueOnTheDeadlineBoundary) {
  // Found 03-05 with deadline 04-05; item-1 found later, 03-15 (deadline 04-15).
  Campaign c = WithItems(1);
  c = Must(
      AddItem(std::move(c), Item("item-1", "org-1", "2026-03-15", "2026-04-15"), D("2026-03-15")));
  c = Must(RectifyItem(std::move(c), "item-1", D("2026-04-20"), D("2026-04-20")));  // late
  EXPECT_EQ(CountCampaign(c, D("2026-03-10")), (CampaignCounts{1, 1, 0, 0, 0, 0, 0}));
  // On the deadline an item is not yet overdue; the day after it is.
  EXPECT_EQ(CountCampaign(c, D("2026-04-05")).overdue, 0);
  EXPECT_EQ(CountCampaign(c, D("2026-04-06")).overdue, 1);
  // item-1 was open and overdue on 04-16 though rectified since: the past is recomputed as it was.
  EXPECT_EQ(CountCampaign(c, D("2026-04-16")), (CampaignCounts{2, 2, 0, 0, 0, 0, 2}));
  const CampaignCounts later = CountCampaign(c, D("2026-04-20"));
  EXPECT_EQ(later, (CampaignCounts{2, 1, 1, 0, 0, 0, 1}));
  EXPECT_EQ(later.Rectified(), (Fraction{1, 2}));
  EXPECT_EQ(later.Handled(), (Fraction{1, 2}));
  // Before anything was found: zero over zero, which the dashboard shows as "no items".
  EXPECT_EQ(CountCampaign(c, D("2026-03-01")).Handled(), (Fraction{0, 0}));
}

}  // namespace
}  // namespace socgov::supervision
