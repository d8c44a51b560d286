#include "party_building/definition.h"

#include "party_building/api/host_consumer.h"
#include "party_building/api/party_building_handler.h"
#include "party_building/app/party_work.h"
#include "party_building/store/party_building_store.h"
#include "platform/directory/directory.h"

namespace socgov::party_building {
namespace {

using namespace std::chrono_literals;

void Wire(service::Kit& kit) {
  auto& store = kit.Make<PartyBuildingStore>(kit.redis());
  kit.LoadScripts(store.scripts());
  kit.Publish({kOutboxKey, "PARTY_BUILDING", "party_building"});
  // Facts about organizations: registration's events, kept under {pb}:dir:*.
  auto& directory = directory::EmbedDirectory(kit);
  const int escalation_days = static_cast<int>(kit.config().GetInt("escalation-days", 1, 90));
  auto& work =
      kit.Make<PartyWork>(store, directory, kit.clock(), kit.jurisdiction(), escalation_days);
  // PB-06/07: a host cancelled or revoked dissolves its temporary branches.
  kit.Consume(HostEndedRoute(work, kit.jurisdiction(), kit.name() + "-host-ends"));
  kit.Serve(kit.Make<PartyBuildingHandler>(work, kit.verifier(), kit.clock(), kit.logger()));
  // PB-07: a council term that ended dissolves its temporary branches, at start and then hourly.
  kit.Every("sweep", 1h, [&work, &logger = kit.logger()] {
    auto done = work.SweepTerms();
    if (!done.ok()) {
      logger.Warn("sweep failed", {{"error", done.error().message}});
      return;
    }
    if (*done > 0) logger.Info("sweep", {{"branches_dissolved", std::to_string(*done)}});
  });
}

}  // namespace

service::Definition ServiceDefinition() {
  return {.name = "party-building",
          .key_tag = "{pb}",
          .grpc_listen = "127.0.0.1:50053",
          .metrics_listen = "127.0.0.1:9153",
          .options = {{"escalation-days", "10",
                       "PB-12: days within which a party organization escalates its "
                       "disagreement on a major matter to the higher organization"}},
          .wire = Wire};
}

}  // namespace socgov::party_building
