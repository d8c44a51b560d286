// The dashboard's projections (issue 12 item 2): each route's handler turns an event into the
// changes of the KPIs it feeds (dashboard/domain/ledger.h) and commits them as running sums with
// the router's inbox and version gate, so a redelivered or replayed event changes nothing.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "dashboard/app is not visible from the domain and store layers"
#endif

#include <string>
#include <vector>

#include "platform/bus/router.h"

namespace socgov::dashboard {

// Registration's organization events: org.count by kind/status, and the flows (registrations,
// filings, changes, cancellations, revocations). `durable` names its consumer; `jurisdiction`
// is the deployment's (a city also reads its districts').
bus::Route OrganizationRoute(const std::string& durable, const std::string& jurisdiction);

// Party building's coverage.changed: the covered, reached and in-scope counts each jurisdiction
// states outright, as changes from what it stated before.
bus::Route CoverageRoute(const std::string& durable, const std::string& jurisdiction);

// A flow KPI that counts one event type ("<aggregate>.<event>"), one per event, in the event's
// jurisdiction on its day.
struct CountedEvent {
  std::string event;
  std::string kpi;
};
// Counts `counted` among `context`'s events on `stream` (events of other types are ignored).
bus::Route CountRoute(const std::string& name, const std::string& stream,
                      const std::string& context, const std::string& durable,
                      const std::string& jurisdiction, std::vector<CountedEvent> counted);
// The event types each context's count route counts (supervision's flows).
std::vector<CountedEvent> SupervisionCounts();

}  // namespace socgov::dashboard
