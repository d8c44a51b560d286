#include "supervision/domain/party_credit.h"

#include <algorithm>
#include <utility>

namespace socgov::supervision {
namespace {

// The latest date in the record (events, listings and removals), or `d` when later.
Date NotBeforeRecord(const CreditRecord& record, Date d) {
  if (!record.events.empty()) d = std::max(d, record.events.back().on);
  if (!record.listings.empty()) {
    d = std::max(d, record.listings.back().listed_on);
    if (record.listings.back().removed_on) d = std::max(d, *record.listings.back().removed_on);
  }
  return d;
}

}  // namespace

CreditEvent PartyOrganizationMissingEvent(const CreditRecord& record, Date found_on) {
  return CreditEvent{CreditEventKind::kPartyOrganizationMissing, NotBeforeRecord(record, found_on),
                     0, false};
}

std::optional<CreditRecord> RemoveRectifiedPartyListing(CreditRecord record, Date approved_on) {
  const Date on = NotBeforeRecord(record, approved_on);
  record = AdvanceTo(std::move(record), on);
  const Listing* open = OpenListing(record);
  if (open == nullptr || open->list != CreditList::kAbnormal || open->reason != "CR-01(b)")
    return std::nullopt;
  // CR-04: every event since the listing was made must be a CR-01(b) one, or the listing also
  // stands for something a party organization does not rectify.
  for (const auto& e : record.events)
    if (e.on >= open->listed_on && e.kind != CreditEventKind::kPartyOrganizationMissing)
      return std::nullopt;
  auto removed = RemoveAbnormal(std::move(record), on, /*obligations_fulfilled=*/true);
  if (!removed.ok()) return std::nullopt;
  removed->listings.back().removal_reason =
      "CR-05: party organization approved, CR-01(b) rectified (PB-11)";
  return std::move(removed).value();
}

}  // namespace socgov::supervision
