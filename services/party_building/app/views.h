// What party building's use cases share about the stored entities: which count, which
// organizations are in scope, and their API form.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "party_building/app is not visible from the domain and store layers"
#endif

#include <string>

#include "party_building/store/party_building_store.h"
#include "platform/directory/directory.h"
#include "socgov/party_building/v1/party_building_service.pb.h"

namespace socgov::party_building {

// Established, active or in a term election: what coverage and the counts include.
bool Counts(PartyOrgState s);
// Organizations in scope of PB-08: registered (not COMMUNITY filings) and not ended.
bool InScope(const directory::Entry& e);
// YYYY-MM-DD, or "" for an unset day.
std::string DateText(Date d);
v1::PartyOrganization ToProto(const StoredOrg& s);
// A request's leadership (PB-04 is the domain's) and term: kInvalidArgument naming the field.
Result<Leadership> LeadershipFrom(const v1::Leadership& l);
Result<Term> TermFrom(const std::string& start, const std::string& end);

}  // namespace socgov::party_building
