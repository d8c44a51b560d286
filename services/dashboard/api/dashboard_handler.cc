#include "dashboard/api/dashboard_handler.h"

#include "platform/grpcx/serve.h"

namespace socgov::dashboard {
namespace {

// Figures are counts, never records: every role of a jurisdiction reads them (the jurisdiction
// rule still applies).
#define READ_ROLES                                                                        \
  {                                                                                       \
    "viewer", "clerk", "registrar", "inspector", "enforcement_officer", "rating_officer", \
        "party_work_officer", "venture_officer", "expert", "auditor", "admin", "public"   \
  }

}  // namespace

grpc::Status DashboardHandler::ListKpis(grpc::ServerContext* ctx, const v1::ListKpisRequest* req,
                                        v1::ListKpisResponse* resp) {
  return grpcx::Serve(
      *ctx, verifier_, clock_, logger_, READ_ROLES, resp,
      [&](const auth::Principal& who) { return figures_.ListKpis(who, *req); },
      std::source_location::current());
}

grpc::Status DashboardHandler::GetSnapshot(grpc::ServerContext* ctx,
                                           const v1::GetSnapshotRequest* req, v1::Snapshot* resp) {
  return grpcx::Serve(
      *ctx, verifier_, clock_, logger_, READ_ROLES, resp,
      [&](const auth::Principal& who) { return figures_.GetSnapshot(who, *req); },
      std::source_location::current());
}

grpc::Status DashboardHandler::GetSeries(grpc::ServerContext* ctx, const v1::GetSeriesRequest* req,
                                         v1::Series* resp) {
  return grpcx::Serve(
      *ctx, verifier_, clock_, logger_, READ_ROLES, resp,
      [&](const auth::Principal& who) { return figures_.GetSeries(who, *req); },
      std::source_location::current());
}

}  // namespace socgov::dashboard
