// The service kit: what every socgov service shares, started once in one order. A service's main.cc
// names its Definition (name, default ports, its own options) and a wire function that builds its
// store, use cases and handlers on the Kit and asks the Kit for the platform components it needs:
//
//   Redis pool (wait + scripts) → NATS → outbox relay → event consumers → periodic tasks → gRPC
//
// Readiness is SERVING only while Redis answers, NATS is connected and every component is ready;
// SIGTERM (or Runner::Stop) takes readiness down, drains, and stops the components in reverse.
// Integration tests start services in-process through the same Runner with an explicit
// environment, so there is no second copy of the wiring.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "platform/config/config.h"
#include "platform/log/log.h"
#include "platform/service/component.h"
#include "platform/util/clock.h"

namespace grpc {
class Service;
}

namespace socgov::store {
class RedisPool;
class ScriptRegistry;
}  // namespace socgov::store
namespace socgov::bus {
class Connection;
class Router;
struct Route;
}  // namespace socgov::bus
namespace socgov::auth {
class TokenVerifier;
}
namespace socgov::metrics {
class Metrics;
}
namespace socgov::grpcx {
class ServiceHost;
}
namespace socgov::outbox {
class Relay;
}

namespace socgov::service {

class Kit;

struct Definition {
  std::string name;                            // "registration": binary socgov-<name>, logs
  std::string key_tag;                         // the service's Redis hash tag, e.g. "{reg}"
  std::string grpc_listen = "127.0.0.1:0";     // default of --grpc-listen
  std::string metrics_listen = "127.0.0.1:0";  // default of --metrics-listen
  std::vector<config::Option> options;         // the service's own settings
  // Builds the service on the kit. Throws config::ConfigError for a bad setting (exit 2) and
  // anything else for a failed start (exit 1).
  std::function<void(Kit&)> wire;
};

// The outbox a service publishes: its Redis stream and the JetStream stream it relays to.
struct OutboxSpec {
  std::string key;      // e.g. "{reg}:outbox"
  std::string stream;   // e.g. "REGISTRATION"
  std::string context;  // e.g. "registration": subjects socgov.v1.<city>.<district|_>.<context>.>
};

class Kit {
 public:
  // Only the Runner makes kits.
  class Key {
    Key() = default;
    friend class Runner;
  };
  explicit Kit(Key);
  ~Kit();
  Kit(const Kit&) = delete;
  Kit& operator=(const Kit&) = delete;

  const config::Config& config() const { return config_; }
  const std::string& jurisdiction() const { return jurisdiction_; }
  const std::string& name() const { return name_; }
  const log::Logger& logger() const { return *logger_; }
  metrics::Metrics& metrics() { return *metrics_; }
  store::RedisPool& redis() { return *pool_; }
  bus::Connection& nats() { return *nats_; }
  const auth::TokenVerifier& verifier() const { return *verifier_; }
  const Clock& clock() const { return *clock_; }
  const std::string& key_tag() const { return tag_; }

  // An object the service owns for its whole run; destroyed after every component stopped, in
  // reverse order of creation.
  template <typename T, typename... Args>
  T& Make(Args&&... args) {
    auto holder = std::make_shared<T>(std::forward<Args>(args)...);
    T& ref = *holder;
    owned_.push_back(std::move(holder));
    return ref;
  }
  // Loaded with SCRIPT LOAD once Redis answers, before anything starts (a broken script stops the
  // start). The registry must outlive the kit (Make it).
  void LoadScripts(const store::ScriptRegistry& scripts);
  // Relays the outbox to JetStream (provisioning the stream); ready once the stream exists.
  void Publish(const OutboxSpec& outbox);
  // Consumes events through the kit's router (inbox dedup, version gate, dead letters, checks).
  void Consume(bus::Route route);
  // The router behind Consume (for dead-letter listing and re-drives).
  bus::Router& router();
  // The relay behind Publish (nullptr without one); for tests and metrics.
  const outbox::Relay* relay() const { return relay_; }
  // Runs `task` every `period` on its own thread, first right after start. A task that throws is
  // logged and tried again after `retry`.
  void Every(std::string name, std::chrono::milliseconds period, std::function<void()> task,
             std::chrono::milliseconds retry = std::chrono::minutes(1));
  // Serves a gRPC service (owned by the caller, e.g. made with Make).
  void Serve(grpc::Service& service);
  // Any other component.
  void Add(std::unique_ptr<Component> component);

 private:
  friend class Runner;

  std::string name_;
  std::string tag_;
  config::Config config_;
  std::string jurisdiction_;
  std::unique_ptr<log::Logger> logger_;
  std::unique_ptr<metrics::Metrics> metrics_;
  std::unique_ptr<auth::TokenVerifier> verifier_;
  std::unique_ptr<store::RedisPool> pool_;
  std::unique_ptr<bus::Connection> nats_;
  std::unique_ptr<bus::Router> router_;
  const outbox::Relay* relay_ = nullptr;
  const Clock* clock_ = nullptr;
  std::vector<const store::ScriptRegistry*> scripts_;
  std::vector<grpc::Service*> services_;
  std::vector<std::unique_ptr<Component>> components_;
  std::vector<std::shared_ptr<void>> owned_;
};

// The options every service shares (listen addresses, jurisdiction, Redis, NATS, token key, drain,
// pool sizes, relay, consumers), with the definition's default ports.
std::vector<config::Option> CommonOptions(const Definition& definition);

class Runner {
 public:
  explicit Runner(Definition definition);
  ~Runner();
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // Parses the configuration (env, overridden by args; `env` null = the process environment),
  // wires the service and starts every component. Waits for Redis until it answers or
  // `stop_requested` returns true. Returns 0 when serving, else the exit code (2 for a bad
  // configuration, 1 for a failed start; 0 with serving() false when stopped while waiting).
  int Start(int argc, const char* const* argv,
            const std::map<std::string, std::string>* env = nullptr,
            std::function<bool()> stop_requested = {});
  bool serving() const { return started_; }
  bool help_requested() const { return help_; }
  const std::string& usage() const { return usage_; }
  // Why Start did not return 0.
  const std::string& error() const { return error_; }
  // Before Start: where log lines go (default stdout) and which clock the service reads.
  void set_log_stream(std::ostream* out) { log_stream_ = out; }
  void set_clock(const Clock* clock) { clock_ = clock; }
  // Readiness → NOT_SERVING, drain, stop components in reverse. Idempotent.
  void Stop();

  int grpc_port() const { return grpc_port_; }
  int metrics_port() const { return metrics_port_; }
  Kit& kit() { return *kit_; }
  // Why the service is not ready ("" when ready), as last computed.
  std::string not_ready_reason() const;

 private:
  void Watch(std::stop_token stop);
  std::string Tick();

  Definition definition_;
  std::ostream* log_stream_ = nullptr;
  const Clock* clock_ = nullptr;
  SystemClock system_clock_;
  std::string usage_, error_;
  bool help_ = false;
  std::unique_ptr<Kit> kit_;
  std::unique_ptr<grpcx::ServiceHost> host_;
  size_t started_components_ = 0;
  int grpc_port_ = 0;
  int metrics_port_ = 0;
  bool started_ = false;
  bool stopped_ = false;
  mutable std::mutex reason_mu_;
  std::string reason_ = "starting";
  std::jthread watcher_;
};

// main() of a service binary: one --help behaviour (usage on stdout, exit 0), configuration errors
// on stderr (exit 2), SIGTERM/SIGINT received synchronously (never in a handler), exit 0 after a
// clean stop.
int Main(int argc, char** argv, Definition definition);

}  // namespace socgov::service
