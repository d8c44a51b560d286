#include "dashboard/definition.h"

#include "dashboard/api/dashboard_handler.h"
#include "dashboard/app/figures.h"
#include "dashboard/app/projector.h"
#include "dashboard/store/dashboard_store.h"

namespace socgov::dashboard {
namespace {

void Wire(service::Kit& kit) {
  auto& store = kit.Make<DashboardStore>(kit.redis());
  // Consume-only: no outbox. A stream that does not exist yet is picked up when it appears.
  kit.Consume(OrganizationRoute(kit.name() + "-organizations", kit.jurisdiction()));
  kit.Consume(CoverageRoute(kit.name() + "-coverage", kit.jurisdiction()));
  kit.Consume(CountRoute("supervision-counts", "SUPERVISION", "supervision",
                         kit.name() + "-supervision-counts", kit.jurisdiction(),
                         SupervisionCounts()));
  auto& figures = kit.Make<Figures>(store, kit.clock());
  kit.Serve(kit.Make<DashboardHandler>(figures, kit.verifier(), kit.clock(), kit.logger()));
}

}  // namespace

service::Definition ServiceDefinition() {
  return {.name = "dashboard",
          .key_tag = "{dash}",
          .grpc_listen = "127.0.0.1:50062",
          .metrics_listen = "127.0.0.1:9162",
          .options = {},
          .wire = Wire};
}

}  // namespace socgov::dashboard
