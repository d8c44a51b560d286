// socgov-streams: provisions a deployment's context streams before or next to its services.
// On a city it makes each stream source the same-named stream of every district JetStream domain
// given (the leaf node topology, deploy/README.md); with --reader-durable it adds the durable pull
// consumer a read-only NATS user reads through. Safe to run again (a Kubernetes Job,
// tools/topology).
#include <chrono>
#include <iostream>
#include <thread>

#include "platform/bus/nats.h"
#include "platform/config/config.h"
#include "platform/log/log.h"
#include "streams/provision.h"

namespace {

namespace sg = socgov;
using sg::config::Option;

const std::vector<Option>& Options() {
  static const std::vector<Option> kOptions = {
      {"nats-url", "nats://127.0.0.1:4222", "NATS server URL (user:password@ allowed)"},
      {"jurisdiction", "", "6-digit code of this deployment", true},
      {"contexts", "registration", "contexts whose streams to provision, comma separated"},
      {"source-domains", "",
       "JetStream domains of the districts whose streams this deployment's streams source"},
      {"reader-durable", "", "durable consumer to create on each stream for the read-only user"},
      {"duplicate-window-ms", "240000",
       "dedup window of a stream created here (the services use 2 x outbox retention)"},
      {"wait-seconds", "120", "keep retrying this long while NATS is unreachable"},
  };
  return kOptions;
}

struct Settings {
  std::string nats_url, jurisdiction, reader;
  std::vector<std::string> contexts, sources;
  int64_t duplicate_window_ms = 0, wait_seconds = 0;
};

sg::Status ProvisionAll(sg::bus::Connection& conn, const Settings& s) {
  for (const auto& context : s.contexts) {
    sg::streams::SourcedStreamSpec spec;
    spec.stream.name = sg::streams::StreamName(context);
    spec.stream.subjects = {sg::streams::OwnSubject(s.jurisdiction, context)};
    spec.stream.duplicate_window_ms = s.duplicate_window_ms;
    spec.source_domains = s.sources;
    if (auto err = sg::streams::EnsureSourcedStream(conn, spec)) return err;
    if (!s.reader.empty()) {
      if (auto err = sg::bus::EnsureConsumer(conn, {spec.stream.name, s.reader, ""})) return err;
    }
  }
  return std::nullopt;
}

int Run(int argc, char** argv) {
  Settings s;
  try {
    const auto cfg = sg::config::Config::Load(Options(), argc, argv);
    if (cfg.help_requested()) {
      std::cout << cfg.Usage("socgov-streams");
      return 0;
    }
    s.nats_url = cfg.Get("nats-url");
    s.jurisdiction = cfg.GetJurisdiction("jurisdiction");
    s.contexts = cfg.GetList("contexts");
    s.sources = cfg.GetList("source-domains");
    s.reader = cfg.Get("reader-durable");
    s.duplicate_window_ms = cfg.GetInt("duplicate-window-ms", 1000, 24 * 3600 * 1000);
    s.wait_seconds = cfg.GetInt("wait-seconds", 0, 3600);
    if (s.contexts.empty()) throw sg::config::ConfigError("contexts: must name at least one");
  } catch (const sg::config::ConfigError& e) {
    std::cerr << "socgov-streams: " << e.what() << "\n";
    return 2;
  }
  sg::log::Logger logger("streams", s.jurisdiction);
  auto conn = sg::bus::Connection::Connect({s.nats_url, "socgov-streams"});
  if (!conn.ok()) {
    logger.Error("cannot create nats connection", {{"error", conn.error().message}});
    return 1;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(s.wait_seconds);
  for (int attempt = 0;; ++attempt) {
    sg::Status err = (*conn)->connected()
                         ? ProvisionAll(**conn, s)
                         : sg::Status(sg::Error::Unavailable("not connected to " + s.nats_url));
    if (!err) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      logger.Error("provisioning failed", {{"error", err->message}});
      return 1;
    }
    if (attempt % 10 == 0) logger.Warn("retrying", {{"error", err->message}});
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  std::string sources;
  for (const auto& d : s.sources) sources += (sources.empty() ? "" : ",") + d;
  logger.Info("streams provisioned", {{"contexts", std::to_string(s.contexts.size())},
                                      {"source_domains", sources},
                                      {"reader_durable", s.reader}});
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
