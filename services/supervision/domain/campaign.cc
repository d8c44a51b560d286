#include "supervision/domain/campaign.h"

#include <algorithm>
#include <utility>

#include "supervision/domain/text.h"

namespace socgov::supervision {
namespace {

constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxProblem = 500;

CampaignItem* Find(Campaign& c, std::string_view item_id) {
  auto it = std::find_if(c.items.begin(), c.items.end(),
                         [&](const CampaignItem& i) { return i.id == item_id; });
  return it == c.items.end() ? nullptr : &*it;
}

// The index of the OPEN item to resolve (an index, not a pointer: the campaign is moved on), or
// the error that names why not.
Result<std::size_t> OpenItem(Campaign& c, std::string_view item_id) {
  CampaignItem* item = Find(c, item_id);
  if (item == nullptr) return Error::NotFound("item_id: no such item in the campaign");
  if (item->state != CampaignItemState::kOpen) {
    return Error::FailedPrecondition("state " + std::string(CampaignItemStateName(item->state)) +
                                     ": ZB-02 an item has one outcome; this one is resolved");
  }
  return static_cast<std::size_t>(item - c.items.data());
}

Campaign Resolve(Campaign c, std::size_t index, CampaignItemState state, Date on) {
  c.items[index].state = state;
  c.items[index].resolved_on = on;
  ++c.version;
  return c;
}

}  // namespace

std::string_view CampaignItemStateName(CampaignItemState s) {
  switch (s) {
    case CampaignItemState::kOpen:
      return "OPEN";
    case CampaignItemState::kRectified:
      return "RECTIFIED";
    case CampaignItemState::kEscalated:
      return "ESCALATED";
    case CampaignItemState::kRemoved:
      return "REMOVED";
    case CampaignItemState::kCancelledVoluntarily:
      return "CANCELLED_VOLUNTARILY";
  }
  return "UNKNOWN";
}

Result<Campaign> StartCampaign(const CampaignInput& in, Date today) {
  if (Status bad = CheckId("id", in.id)) return *bad;
  auto name = CheckText("name", in.name, kMaxName);
  if (!name.ok()) return name.error();
  if (Status bad = CheckId("jurisdiction", in.jurisdiction)) return *bad;
  Campaign c;
  c.id = in.id;
  c.name = std::move(*name);
  c.kind = in.kind;
  c.jurisdiction = in.jurisdiction;
  c.started_on = today;
  return c;
}

Result<Campaign> AddItem(Campaign c, const CampaignItemInput& in, Date today) {
  if (Status bad = CheckId("id", in.id)) return *bad;
  if (Find(c, in.id) != nullptr) return Error::InvalidArgument("id", "is repeated");
  if (Status bad = CheckId("organization_id", in.organization_id)) return *bad;
  const bool open_already = std::any_of(c.items.begin(), c.items.end(), [&](const CampaignItem& i) {
    return i.organization_id == in.organization_id && i.state == CampaignItemState::kOpen;
  });
  if (open_already) {
    return Error::InvalidArgument("organization_id", "already has an open item in the campaign");
  }
  auto problem = CheckText("problem", in.problem, kMaxProblem);
  if (!problem.ok()) return problem.error();
  if (in.found_on < c.started_on) {
    return Error::InvalidArgument("found_on", "must not be before the campaign started");
  }
  if (in.found_on > today) return Error::InvalidArgument("found_on", "must not be after today");
  if (in.rectification_deadline < in.found_on) {
    return Error::InvalidArgument("rectification_deadline", "must not be before found_on");
  }
  CampaignItem item;
  item.id = in.id;
  item.organization_id = in.organization_id;
  item.problem = std::move(*problem);
  item.found_on = in.found_on;
  item.rectification_deadline = in.rectification_deadline;
  c.items.push_back(std::move(item));
  ++c.version;
  return c;
}

Result<Campaign> RectifyItem(Campaign c, std::string_view item_id, Date rectified_on, Date today) {
  auto item = OpenItem(c, item_id);
  if (!item.ok()) return item.error();
  if (rectified_on > today)
    return Error::InvalidArgument("rectified_on", "must not be after today");
  if (rectified_on < c.items[*item].found_on) {
    return Error::InvalidArgument("rectified_on", "must not be before the problem was found");
  }
  return Resolve(std::move(c), *item, CampaignItemState::kRectified, rectified_on);
}

Result<Campaign> EscalateItem(Campaign c, std::string_view item_id, std::string_view case_id,
                              Date today) {
  auto item = OpenItem(c, item_id);
  if (!item.ok()) return item.error();
  if (Status bad = CheckId("case_id", case_id)) return *bad;
  c.items[*item].case_id = std::string(case_id);
  return Resolve(std::move(c), *item, CampaignItemState::kEscalated, today);
}

Result<Campaign> RemoveFiling(Campaign c, std::string_view item_id, Date today) {
  auto item = OpenItem(c, item_id);
  if (!item.ok()) return item.error();
  if (c.kind != CampaignKind::kLowActivityCommunity) {
    return Error::FailedPrecondition(
        "state OPEN: §3.8 only a low-activity community filing is removed; others are "
        "rectified, escalated or cancelled");
  }
  return Resolve(std::move(c), *item, CampaignItemState::kRemoved, today);
}

Result<Campaign> RecordVoluntaryCancellation(Campaign c, std::string_view item_id, Date today) {
  auto item = OpenItem(c, item_id);
  if (!item.ok()) return item.error();
  return Resolve(std::move(c), *item, CampaignItemState::kCancelledVoluntarily, today);
}

CampaignCounts CountCampaign(const Campaign& c, Date as_of) {
  CampaignCounts n;
  for (const CampaignItem& item : c.items) {
    if (item.found_on > as_of) continue;
    ++n.found;
    const bool resolved = item.resolved_on && *item.resolved_on <= as_of;
    if (!resolved) {
      ++n.open;
      if (item.rectification_deadline < as_of) ++n.overdue;
      continue;
    }
    switch (item.state) {
      case CampaignItemState::kRectified:
        ++n.rectified;
        break;
      case CampaignItemState::kEscalated:
        ++n.escalated;
        break;
      case CampaignItemState::kRemoved:
        ++n.removed;
        break;
      case CampaignItemState::kCancelledVoluntarily:
        ++n.cancelled_voluntarily;
        break;
      case CampaignItemState::kOpen:
        break;
    }
  }
  return n;
}

}  // namespace socgov::supervision
