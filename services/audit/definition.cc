#include "audit/definition.h"

#include <algorithm>

#include "audit/api/audit_handler.h"
#include "audit/app/recorder.h"
#include "audit/store/audit_store.h"

namespace socgov::audit {
namespace {

// JetStream names may not contain spaces, '.', '*', '>' or path separators; be stricter than that.
void RequireName(const std::string& option, const std::string& value) {
  if (value.empty()) throw config::ConfigError(option + ": must not be empty");
  for (char c : value) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) throw config::ConfigError(option + ": may use only A-Z a-z 0-9 _ -");
  }
}

void Wire(service::Kit& kit) {
  std::vector<std::string> streams;
  for (const std::string& stream : kit.config().GetList("streams")) {
    RequireName("streams", stream);
    if (std::find(streams.begin(), streams.end(), stream) == streams.end())
      streams.push_back(stream);
  }
  if (streams.empty()) throw config::ConfigError("streams: name at least one stream");
  const std::string durable = kit.config().Get("durable");
  RequireName("durable", durable);

  auto& store = kit.Make<AuditStore>(kit.redis());
  kit.LoadScripts(store.scripts());
  const auto& recorder = kit.Make<Recorder>(kit.clock(), kit.logger());
  // A stream that does not exist yet is a context deployed later: consumed once it exists.
  for (const auto& stream : streams) kit.Consume(recorder.MakeRoute(stream, durable));
  kit.Serve(kit.Make<AuditHandler>(store, kit.verifier(), kit.clock()));
}

}  // namespace

service::Definition ServiceDefinition() {
  return {.name = "audit",
          .key_tag = "{aud}",
          .grpc_listen = "127.0.0.1:50061",
          .metrics_listen = "127.0.0.1:9161",
          .options = {{"streams", "REGISTRATION,SUPERVISION,PARTY_BUILDING,WELFARE_VENTURE",
                       "context streams to record, comma separated; a stream that does not exist "
                       "yet is picked up once it does"},
                      {"durable", "audit", "durable consumer name used on every stream"}},
          .wire = Wire};
}

}  // namespace socgov::audit
