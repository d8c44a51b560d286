// The dashboard's projections (issue 12 item 2): each route's handler turns an event into the
// changes of the KPIs it feeds (dashboard/domain/ledger.h) and commits them as running sums with
// the router's inbox and version gate, so a redelivered or replayed event changes nothing.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "dashboard/app is not visible from the domain and store layers"
#endif

#include <string>

#include "platform/bus/router.h"

namespace socgov::dashboard {

// Registration's organization events: org.count by kind/status, and the flows (registrations,
// filings, changes, cancellations, revocations). `durable` names its consumer; `jurisdiction`
// is the deployment's (a city also reads its districts').
bus::Route OrganizationRoute(const std::string& durable, const std::string& jurisdiction);

// Party building's coverage.changed: the covered, reached and in-scope counts each jurisdiction
// states outright, as changes from what it stated before.
bus::Route CoverageRoute(const std::string& durable, const std::string& jurisdiction);

}  // namespace socgov::dashboard
