// Consumes party building's party_org events (stream PARTY_BUILDING) as a route of the kit's
// router: CR-01(b) / PB-11 listings and their CR-05 removal. Adapter only: the decisions are
// Supervisor's (app/party_credit.cc).
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE) || defined(SOCGOV_LAYER_APP)
#error "supervision/api is visible only from the api layer and the service definition"
#endif

#include <string>

#include "platform/bus/router.h"
#include "supervision/app/supervisor.h"

namespace socgov::supervision {

// Route "party-orgs", durable `durable`, on party_org.> of the deployment's jurisdiction tree:
// one route so that a party organization's approval is applied after the required_missing fact
// it answers (stream order). Monotonic gate per aggregate: required_missing per organization,
// PartyOrgChanged per party organization.
bus::Route PartyOrgRoute(Supervisor& supervisor, const std::string& jurisdiction,
                         const std::string& durable);

}  // namespace socgov::supervision
