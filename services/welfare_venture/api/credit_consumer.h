// The route on SUPERVISION that keeps this service's copy of the credit listings (credit.listed |
// escalated | removed | restarted), through the kit's router (inbox dedup, version gate, dead
// letters), as registration's penalty route consumes case.decided. Eligibility (CR-10) reads the
// copy; supervision's store is never read.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE) || defined(SOCGOV_LAYER_APP)
#error "welfare_venture/api is visible only from the api layer and the service definition"
#endif

#include <string>

#include "platform/bus/router.h"
#include "welfare_venture/app/venture.h"

namespace socgov::welfare_venture {

// Route "credit", durable `durable`, on supervision's credit events of the deployment's
// jurisdiction tree.
bus::Route CreditRoute(Venture& venture, const std::string& jurisdiction,
                       const std::string& durable);

}  // namespace socgov::welfare_venture
