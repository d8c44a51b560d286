// Campaigns (专项整治, issue 10 scope 5; outcomes per domain.md §3.8 ZB-02): a named campaign
// and its items, one per problem found at an organization, each
//
//   OPEN → RECTIFIED(on) | ESCALATED(case id) | REMOVED (low-activity community filings only)
//        | CANCELLED_VOLUNTARILY (guided 注销, ZB-02)
//
// and exact counts for the dashboard: integers and numerator/denominator pairs, never a
// percentage, all "as of" a day passed in so that a past day's figures can be recomputed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/dates.h"

namespace socgov::supervision {

enum class CampaignKind {
  kZombieCleanup,         // 僵尸型社会组织专项整治 (ZB-01 candidates)
  kOverdueReelection,     // 逾期未换届 (TE-02)
  kCharitySector,         // 慈善领域突出问题
  kLowActivityCommunity,  // 活动不活跃的社区社会组织 (filings removed)
  kOther,
};
enum class CampaignItemState { kOpen, kRectified, kEscalated, kRemoved, kCancelledVoluntarily };
std::string_view CampaignItemStateName(CampaignItemState s);  // "OPEN", "RECTIFIED", ...

struct CampaignItem {
  std::string id;
  std::string organization_id;
  std::string problem;
  Date found_on{};
  Date rectification_deadline{};
  CampaignItemState state = CampaignItemState::kOpen;
  std::optional<Date> resolved_on;  // the day it left OPEN
  std::string case_id;              // ESCALATED
};

struct Campaign {
  std::string id;
  std::string name;
  CampaignKind kind = CampaignKind::kOther;
  std::string jurisdiction;
  Date started_on{};
  std::vector<CampaignItem> items;  // in the order found
  std::int64_t version = 1;
};

struct CampaignInput {
  std::string id;
  std::string name;
  CampaignKind kind = CampaignKind::kOther;
  std::string jurisdiction;
};
// A campaign started today, with no items, at version 1.
Result<Campaign> StartCampaign(const CampaignInput& in, Date today);

struct CampaignItemInput {
  std::string id;
  std::string organization_id;
  std::string problem;
  Date found_on{};
  Date rectification_deadline{};
};
// Adds an OPEN item. kInvalidArgument: a repeated item id; an organization that already has an
// OPEN item in this campaign; found_on before the campaign or after today; a deadline before
// found_on; problem missing or too long.
Result<Campaign> AddItem(Campaign c, const CampaignItemInput& in, Date today);

// OPEN → RECTIFIED on `rectified_on` (found_on..today); a late rectification is still one.
Result<Campaign> RectifyItem(Campaign c, std::string_view item_id, Date rectified_on, Date today);
// OPEN → ESCALATED to the enforcement case `case_id` (ZB-02 撤销登记 / 吊销 go through a case).
Result<Campaign> EscalateItem(Campaign c, std::string_view item_id, std::string_view case_id,
                              Date today);
// OPEN → REMOVED: only in a kLowActivityCommunity campaign, whose items are community filings.
Result<Campaign> RemoveFiling(Campaign c, std::string_view item_id, Date today);
// OPEN → CANCELLED_VOLUNTARILY (ZB-02 guided 注销): registration's cancellation, not a penalty.
Result<Campaign> RecordVoluntaryCancellation(Campaign c, std::string_view item_id, Date today);
// For each of the above: kNotFound "item_id ..." for an unknown item; kFailedPrecondition
// "state RECTIFIED: ZB-02 ..." for an item no longer OPEN.

struct Fraction {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  bool operator==(const Fraction&) const = default;
};

struct CampaignCounts {
  std::int64_t found = 0;  // items found on or before the day
  std::int64_t open = 0;
  std::int64_t rectified = 0;
  std::int64_t escalated = 0;
  std::int64_t removed = 0;
  std::int64_t cancelled_voluntarily = 0;
  std::int64_t overdue = 0;  // open, with the rectification deadline before the day
  bool operator==(const CampaignCounts&) const = default;

  Fraction Handled() const { return {found - open, found}; }  // ZB-02 "handled"
  Fraction Rectified() const { return {rectified, found}; }
};
// The counts as they stood at the end of `as_of`: an item resolved after it is still open.
CampaignCounts CountCampaign(const Campaign& c, Date as_of);

}  // namespace socgov::supervision
