// gRPC handlers of DashboardService: authenticate, let every reading role in, call Figures, map
// errors to statuses. No Redis or NATS here.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE) || defined(SOCGOV_LAYER_APP)
#error "dashboard/api is visible only from the api layer and the service definition"
#endif

#include <source_location>

#include "dashboard/app/figures.h"
#include "platform/auth/token.h"
#include "platform/log/log.h"
#include "socgov/dashboard/v1/dashboard_service.grpc.pb.h"

namespace socgov::dashboard {

class DashboardHandler final : public v1::DashboardService::Service {
 public:
  DashboardHandler(Figures& figures, const auth::TokenVerifier& verifier, const Clock& clock,
                   const log::Logger& logger)
      : figures_(figures), verifier_(verifier), clock_(clock), logger_(logger) {}
  grpc::Status ListKpis(grpc::ServerContext* ctx, const v1::ListKpisRequest* req,
                        v1::ListKpisResponse* resp) override;
  grpc::Status GetSnapshot(grpc::ServerContext* ctx, const v1::GetSnapshotRequest* req,
                           v1::Snapshot* resp) override;
  grpc::Status GetSeries(grpc::ServerContext* ctx, const v1::GetSeriesRequest* req,
                         v1::Series* resp) override;

 private:
  Figures& figures_;
  const auth::TokenVerifier& verifier_;
  const Clock& clock_;
  const log::Logger& logger_;
};

}  // namespace socgov::dashboard
