// Consumes supervision's case.decided events (stream SUPERVISION) as a route of the kit's router
// and applies their suspension and revocation to the organizations registered here. Adapter only:
// the decision is Registry's.
#pragma once

#include <string>

#include "platform/bus/router.h"
#include "registration/app/registry.h"

namespace socgov::registration {

// The router route: durable `durable`, case.decided of `jurisdiction`, events owned by
// supervision, a monotonic gate per case (a case's other events are not consumed here).
bus::Route PenaltyRoute(Registry& registry, const std::string& jurisdiction,
                        const std::string& durable);

// Supervision's campaign.filing_removed events: low-activity community filings it removed in a
// campaign, removed here (durable `durable`, a monotonic gate per campaign).
bus::Route FilingRemovalRoute(Registry& registry, const std::string& jurisdiction,
                              const std::string& durable);

// socgov.v1.<city>.<district|_>.supervision.case.decided for a deployment's jurisdiction.
std::string CaseDecidedSubject(const std::string& jurisdiction);

}  // namespace socgov::registration
