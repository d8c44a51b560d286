// The dashboard's queries (issue 12 item 3): the catalogue, a jurisdiction's snapshot as of a day
// and one KPI's series, computed from the stored running sums. A city's figures are the sums of
// its own and its districts' parts, never averages.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "dashboard/app is not visible from the domain and store layers"
#endif

#include "platform/auth/token.h"
#include "platform/util/clock.h"
#include "platform/util/error.h"
#include "socgov/dashboard/v1/dashboard_service.pb.h"

namespace socgov::dashboard {

class DashboardStore;

class Figures {
 public:
  Figures(DashboardStore& store, const Clock& clock) : store_(store), clock_(clock) {}
  Result<v1::ListKpisResponse> ListKpis(const auth::Principal& who, const v1::ListKpisRequest& req);
  Result<v1::Snapshot> GetSnapshot(const auth::Principal& who, const v1::GetSnapshotRequest& req);
  Result<v1::Series> GetSeries(const auth::Principal& who, const v1::GetSeriesRequest& req);

 private:
  DashboardStore& store_;
  const Clock& clock_;
};

}  // namespace socgov::dashboard
