// CR-01(b) / PB-11 from party building's facts: an organization that should have a party
// organization (PB-01: ≥ 3 formal party members) and has none goes on the ABNORMAL list; the
// party organization's approval is the rectification that removes it (CR-05).
//
// Why removal is automatic here, unlike RemoveAbnormal's "on application": CR-05 removes an
// ABNORMAL listing once the obligation is fulfilled and verified. For CR-01(b) the obligation is
// the party organization, and its approval by the higher party organization (PB-05), published by
// party building, is that verification — there is nothing left for the registry to check. Only a
// listing that rests on CR-01(b) alone is removed this way: when other listable events extended it
// (CR-04), the registry decides its removal on application as for any other listing.
#pragma once

#include <optional>

#include "supervision/domain/credit_listing.h"

namespace socgov::supervision {

// The CR-01(b) event of an organization found without its required party organization on
// `found_on`. A record already holding later dates gets the event on its latest date: a fact
// arriving late must not be recorded before what is already there (ApplyEvent refuses that).
CreditEvent PartyOrganizationMissingEvent(const CreditRecord& record, Date found_on);

// CR-05 for CR-01(b): the record after a party organization covering the organization was
// approved on `approved_on` (taken as the record's latest date when earlier). nullopt when there
// is nothing to remove this way: no open ABNORMAL listing, a listing made for another reason, or
// one that another kind of listable event extended (CR-04).
std::optional<CreditRecord> RemoveRectifiedPartyListing(CreditRecord record, Date approved_on);

}  // namespace socgov::supervision
