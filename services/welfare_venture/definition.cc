#include "welfare_venture/definition.h"

#include "platform/directory/directory.h"
#include "welfare_venture/api/credit_consumer.h"
#include "welfare_venture/api/welfare_venture_handler.h"
#include "welfare_venture/app/venture.h"
#include "welfare_venture/store/welfare_venture_store.h"

namespace socgov::welfare_venture {
namespace {

void Wire(service::Kit& kit) {
  auto& store = kit.Make<WelfareVentureStore>(kit.redis());
  kit.LoadScripts(store.scripts());
  kit.Publish({kOutboxKey, "WELFARE_VENTURE", "welfare_venture"});
  // Facts about organizations: registration's events, kept under {wv}:dir:*.
  auto& directory = directory::EmbedDirectory(kit);
  auto& venture = kit.Make<Venture>(store, directory, kit.clock(), kit.jurisdiction());
  // CR-10's look-back: supervision's credit listings with their dates, from its events.
  kit.Consume(CreditRoute(venture, kit.jurisdiction(), kit.name() + "-credit"));
  kit.Serve(kit.Make<WelfareVentureHandler>(venture, kit.verifier(), kit.clock(), kit.logger()));
}

}  // namespace

service::Definition ServiceDefinition() {
  return {.name = "welfare-venture",
          .key_tag = "{wv}",
          .grpc_listen = "127.0.0.1:50054",
          .metrics_listen = "127.0.0.1:9154",
          .options = {},
          .wire = Wire};
}

}  // namespace socgov::welfare_venture
