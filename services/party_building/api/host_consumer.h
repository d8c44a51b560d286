// The route on REGISTRATION that dissolves a host's temporary branches when registration cancels
// or revokes the organization (PB-06/07), through the kit's router (inbox dedup, version gate,
// dead letters), as registration's penalty route consumes SUPERVISION.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE) || defined(SOCGOV_LAYER_APP)
#error "party_building/api is visible only from the api layer and the service definition"
#endif

#include <string>

#include "party_building/app/party_work.h"
#include "platform/bus/router.h"

namespace socgov::party_building {

// Route "host-ends", durable `durable`, on organization events of the deployment's jurisdiction
// tree; only organization.cancelled and organization.revoked change anything.
bus::Route HostEndedRoute(PartyWork& work, const std::string& jurisdiction,
                          const std::string& durable);

}  // namespace socgov::party_building
