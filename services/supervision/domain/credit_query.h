// Questions asked of a credit record (domain.md §3.4): was the organization on a list during a
// period, and the eligibility checks built on that (CR-09, CR-10). The record is first brought up
// to the period's end (AdvanceTo), so a listing that time alone has escalated or removed counts.
#pragma once

#include <optional>
#include <string_view>

#include "platform/util/error.h"
#include "supervision/domain/credit_listing.h"
#include "supervision/domain/dates.h"

namespace socgov::supervision {

// Whether the organization was on `list` on any day of [from, to] (both inclusive). A listing
// covers [listed_on, removed_on): the removal day is already off the list. kInvalidArgument naming
// `to` when it is before `from`.
Result<bool> WasListed(const CreditRecord& record, CreditList list, Date from, Date to);

// The list the organization is on at `day`, if any.
std::optional<CreditList> ListOn(const CreditRecord& record, Date day);

// CR-09: listed organizations are excluded from venture funding, purchases, subsidies, rating,
// awards and tax-exemption applications. kFailedPrecondition "state ABNORMAL|SERIOUS: CR-09 ..."
// naming `benefit`.
Status CheckNotListed(const CreditRecord& record, Date today, std::string_view benefit);

// CR-10 (Guangzhou venture eligibility): no ABNORMAL listing in the previous year and no SERIOUS
// listing in the previous 2 years, up to `today`. The third condition (no major violation in 3
// years) is not a credit-list fact and is left to the caller.
Status CheckVentureEligible(const CreditRecord& record, Date today);

}  // namespace socgov::supervision
