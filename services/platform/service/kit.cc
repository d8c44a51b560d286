#include "platform/service/kit.h"

#include <signal.h>

#include <condition_variable>
#include <iostream>

#include "platform/auth/scope.h"
#include "platform/auth/token.h"
#include "platform/bus/nats.h"
#include "platform/bus/router.h"
#include "platform/grpcx/server.h"
#include "platform/metrics/metrics.h"
#include "platform/service/components.h"
#include "platform/service/dead_letter_service.h"
#include "platform/store/redis.h"

namespace socgov::service {
namespace {

using namespace std::chrono_literals;

// Shutdown signals are blocked (BlockShutdownSignals), so one sent while we still wait for Redis
// stays pending; looking at the pending set lets start-up give up instead of ignoring SIGTERM.
bool ShutdownSignalPending() {
  sigset_t pending;
  sigemptyset(&pending);
  if (sigpending(&pending) != 0) return false;
  return sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGINT) == 1;
}

// The settings of the shared options, read and validated in one place.
struct Common {
  std::string grpc_listen, metrics_listen, jurisdiction, nats_url, token_key_file;
  store::RedisOptions redis;
  size_t pool_size = 16;
  int drain_ms = 500;
  int shutdown_deadline_ms = 5000;
  int grpc_threads = 24;
};

Common ReadCommon(const config::Config& cfg) {
  Common c;
  c.grpc_listen = cfg.GetHostPort("grpc-listen");
  c.metrics_listen = cfg.GetHostPort("metrics-listen");
  c.jurisdiction = cfg.GetJurisdiction("jurisdiction");
  c.redis.host = cfg.Get("redis-host");
  if (c.redis.host.empty()) throw config::ConfigError("redis-host: must not be empty");
  c.redis.port = static_cast<int>(cfg.GetInt("redis-port", 1, 65535));
  c.redis.password = cfg.Get("redis-password");
  c.redis.pool_wait_ms = static_cast<int>(cfg.GetInt("redis-pool-wait-ms", 1, 60000));
  c.pool_size = static_cast<size_t>(cfg.GetInt("redis-pool-size", 1, 256));
  c.nats_url = cfg.Get("nats-url");
  if (c.nats_url.empty()) throw config::ConfigError("nats-url: must not be empty");
  c.token_key_file = cfg.Get("token-key-file");
  c.drain_ms = static_cast<int>(cfg.GetInt("drain-ms", 0, 60000));
  c.shutdown_deadline_ms = static_cast<int>(cfg.GetInt("shutdown-deadline-ms", 0, 600000));
  c.grpc_threads = static_cast<int>(cfg.GetInt("grpc-threads", 2, 1024));
  return c;
}

}  // namespace

std::vector<config::Option> CommonOptions(const Definition& d) {
  return {
      {"grpc-listen", d.grpc_listen, "gRPC listen address host:port (port 0 picks one)"},
      {"metrics-listen", d.metrics_listen, "Prometheus /metrics listen address host:port"},
      {"jurisdiction", "", "6-digit GB/T 2260 code of this deployment", true},
      {"redis-host", "127.0.0.1", "Redis host"},
      {"redis-port", "6379", "Redis port"},
      {"redis-password", "", "Redis AUTH password; pass it as SOCGOV_REDIS_PASSWORD, not a flag"},
      {"redis-pool-size", "16", "Redis connections shared by RPC handlers and consumers"},
      {"redis-pool-wait-ms", "2000",
       "how long a request waits for a free Redis connection before UNAVAILABLE"},
      {"nats-url", "nats://127.0.0.1:4222", "NATS server URL"},
      {"token-key-file", "", "file holding the HMAC key that verifies bearer tokens", true},
      {"drain-ms", "500", "readiness NOT_SERVING this long before the listener closes"},
      {"shutdown-deadline-ms", "5000", "in-flight RPCs get this long to finish at shutdown"},
      {"grpc-threads", "24", "maximum gRPC worker threads"},
      {"relay-consumer", "relay-1", "outbox relay consumer name (stable per replica)"},
      {"outbox-retention-ms", "120000",
       "published outbox entries kept for re-publishing after a nats-server restart (> 60000)"},
      {"consumer-max-deliver", "10",
       "deliveries of one event before an unfinished one is dead-lettered (1..100)"},
  };
}

Kit::Kit(Key) {}
// Owned objects go before the platform objects they were built on (reverse order of creation).
Kit::~Kit() {
  components_.clear();
  while (!owned_.empty()) owned_.pop_back();
}

void Kit::LoadScripts(const store::ScriptRegistry& scripts) { scripts_.push_back(&scripts); }

void Kit::Publish(const OutboxSpec& outbox) {
  const std::string district = auth::IsCountyLevel(jurisdiction_) ? jurisdiction_ : "_";
  outbox::RelayOptions o;
  o.stream_key = outbox.key;
  o.consumer = config_.Get("relay-consumer");
  if (o.consumer.empty()) throw config::ConfigError("relay-consumer: must not be empty");
  o.retention_ms = config_.GetInt("outbox-retention-ms", 61000, 3600000);
  o.stream = {
      outbox.stream,
      {"socgov.v1." + auth::CityOf(jurisdiction_) + "." + district + "." + outbox.context + ".>"},
      o.retention_ms * 2};
  auto relay = std::make_unique<RelayComponent>(std::move(o), pool_->options(), *nats_,
                                                metrics_.get(), *logger_);
  relay_ = &relay->relay();
  Add(std::move(relay));
}

bus::Router& Kit::router() {
  if (!router_) {
    router_ = std::make_unique<bus::Router>(tag_, jurisdiction_, *pool_, *nats_, metrics_.get(),
                                            *logger_);
    scripts_.push_back(&router_->scripts());
    Add(std::make_unique<RouterComponent>(*router_));
  }
  return *router_;
}

void Kit::Consume(bus::Route route) {
  if (route.consumer.max_deliver == 0)
    route.consumer.max_deliver = static_cast<int>(config_.GetInt("consumer-max-deliver", 1, 100));
  router().Add(std::move(route));
}

void Kit::Every(std::string name, std::chrono::milliseconds period, std::function<void()> task,
                std::chrono::milliseconds retry) {
  Add(std::make_unique<TaskComponent>(std::move(name), period, std::move(task), retry, *logger_));
}

void Kit::Serve(grpc::Service& service) { services_.push_back(&service); }

void Kit::Add(std::unique_ptr<Component> component) { components_.push_back(std::move(component)); }

Runner::Runner(Definition definition) : definition_(std::move(definition)) {}

Runner::~Runner() { Stop(); }

std::string Runner::not_ready_reason() const {
  std::lock_guard lock(reason_mu_);
  return reason_;
}

int Runner::Start(int argc, const char* const* argv, const std::map<std::string, std::string>* env,
                  std::function<bool()> stop_requested) {
  if (!stop_requested) stop_requested = [] { return false; };
  kit_ = std::make_unique<Kit>(Kit::Key{});
  Kit& kit = *kit_;
  kit.name_ = definition_.name;
  kit.tag_ = definition_.key_tag;
  Common common;
  try {
    auto options = CommonOptions(definition_);
    options.insert(options.end(), definition_.options.begin(), definition_.options.end());
    kit.config_ = config::Config::Load(options, argc, argv, env);
    if (kit.config_.help_requested()) {
      usage_ = kit.config_.Usage("socgov-" + definition_.name);
      help_ = true;
      return 0;
    }
    if (!kit.config_.positional().empty())
      throw config::ConfigError("unexpected argument \"" + kit.config_.positional()[0] + "\"");
    common = ReadCommon(kit.config_);
  } catch (const config::ConfigError& e) {
    error_ = e.what();
    return 2;
  }
  kit.jurisdiction_ = common.jurisdiction;
  kit.logger_ = std::make_unique<log::Logger>(definition_.name, common.jurisdiction, log_stream_);
  const log::Logger& logger = *kit.logger_;
  auto verifier = auth::TokenVerifier::FromKeyFile(common.token_key_file);
  if (!verifier.ok()) {
    error_ = "token-key-file: " + verifier.error().message;
    return 2;
  }
  kit.verifier_ = std::make_unique<auth::TokenVerifier>(std::move(verifier).value());
  kit.clock_ = clock_ != nullptr ? clock_ : &system_clock_;
  kit.metrics_ = std::make_unique<metrics::Metrics>(definition_.name);
  try {
    metrics_port_ = kit.metrics_->Serve(common.metrics_listen);
  } catch (const std::exception& e) {
    error_ = "cannot serve metrics on " + common.metrics_listen + ": " + e.what();
    logger.Error("cannot serve metrics", {{"address", common.metrics_listen}, {"error", e.what()}});
    return 1;
  }
  kit.pool_ = std::make_unique<store::RedisPool>(common.redis, common.pool_size);
  auto nats = bus::Connection::Connect({common.nats_url, "socgov-" + definition_.name});
  if (!nats.ok()) {
    error_ = "nats: " + nats.error().message;
    logger.Error("cannot create nats connection", {{"error", nats.error().message}});
    return 1;
  }
  kit.nats_ = std::move(nats).value();

  try {
    definition_.wire(kit);
  } catch (const config::ConfigError& e) {
    error_ = e.what();
    return 2;
  } catch (const std::exception& e) {
    error_ = e.what();
    logger.Error("cannot wire the service", {{"error", e.what()}});
    return 1;
  }

  // Serve nothing until Redis answers and every script loads (a broken script stops the start).
  for (int attempt = 0;; ++attempt) {
    if (stop_requested()) {
      logger.Info("stopped before start");
      return 0;
    }
    try {
      auto redis = kit.pool_->Acquire();
      if (redis->Ping()) {
        for (const auto* scripts : kit.scripts_) scripts->LoadAll(*redis);
        break;
      }
    } catch (const store::RedisUnavailable&) {
      // Went away between PING and SCRIPT LOAD: keep waiting.
    } catch (const std::exception& e) {
      error_ = std::string("cannot load scripts: ") + e.what();
      logger.Error("cannot load scripts", {{"error", e.what()}});
      return 1;
    }
    if (attempt % 20 == 0)  // every 10 s is enough to show we are alive and why we wait
      logger.Warn("waiting for redis",
                  {{"redis", common.redis.host + ":" + std::to_string(common.redis.port)}});
    std::this_thread::sleep_for(500ms);
  }

  try {
    for (auto& c : kit.components_) {
      c->Start();
      ++started_components_;
    }
  } catch (const std::exception& e) {
    error_ = std::string("cannot start: ") + e.what();
    logger.Error("cannot start", {{"error", e.what()}});
    Stop();
    return 1;
  }

  grpcx::HostOptions host_options;
  host_options.listen = common.grpc_listen;
  host_options.drain_ms = common.drain_ms;
  host_options.shutdown_deadline_ms = common.shutdown_deadline_ms;
  host_options.max_threads = common.grpc_threads;
  host_ = std::make_unique<grpcx::ServiceHost>(host_options, kit.metrics_.get(), logger);
  for (auto* s : kit.services_) host_->AddService(s);
  if (kit.router_) {
    auto& dlq = kit.Make<DeadLetterService>(*kit.router_, *kit.verifier_, *kit.clock_);
    host_->AddService(&dlq);
  }
  grpc_port_ = host_->Start();
  if (grpc_port_ == 0) {
    error_ = "cannot listen on " + common.grpc_listen;
    Stop();
    return 1;
  }
  started_ = true;
  logger.Info("listening", {{"grpc_port", std::to_string(grpc_port_)},
                            {"metrics_port", std::to_string(metrics_port_)}});
  const std::string first = Tick();
  host_->SetReady(first.empty());
  {
    std::lock_guard lock(reason_mu_);
    reason_ = first;
  }
  watcher_ = std::jthread([this](std::stop_token stop) { Watch(stop); });
  return 0;
}

std::string Runner::Tick() {
  Kit& kit = *kit_;
  std::string reason;
  auto note = [&reason](const std::string& why) {
    if (reason.empty()) reason = why;
  };
  try {
    auto redis = kit.pool_->Acquire();
    if (!redis->Ping()) note("redis not answering");
  } catch (const std::exception& e) {
    note(std::string("redis: ") + e.what());
  }
  if (!kit.nats_->connected()) note("nats not connected");
  // Every component ticks, ready or not: a tick may also start work (a consumer whose stream
  // appeared).
  for (size_t i = 0; i < started_components_; ++i) {
    try {
      if (std::string why = kit.components_[i]->Tick(); !why.empty()) note(why);
    } catch (const std::exception& e) {
      note(kit.components_[i]->name() + ": " + e.what());
    }
  }
  return reason;
}

void Runner::Watch(std::stop_token stop) {
  std::string last = "starting";
  std::mutex mu;
  std::condition_variable_any cv;
  while (!stop.stop_requested()) {
    const std::string reason = Tick();
    if (stop.stop_requested()) break;
    host_->SetReady(reason.empty());
    {
      std::lock_guard lock(reason_mu_);
      reason_ = reason;
    }
    if (reason != last) {
      if (reason.empty())
        kit_->logger().Info("ready");
      else
        kit_->logger().Warn("not ready", {{"reason", reason}});
      last = reason;
    }
    std::unique_lock lock(mu);
    cv.wait_for(lock, stop, 1s, [] { return false; });
  }
}

void Runner::Stop() {
  if (stopped_ || !kit_) return;
  stopped_ = true;
  // The watcher goes first so it cannot mark the host ready again during the drain.
  if (watcher_.joinable()) {
    watcher_.request_stop();
    watcher_.join();
  }
  if (host_) host_->Shutdown();
  for (size_t i = started_components_; i-- > 0;) kit_->components_[i]->Stop();
  if (kit_->nats_) kit_->nats_->Flush(2000);
  if (started_) kit_->logger().Info("stopped");
}

int Main(int argc, char** argv, Definition definition) {
  grpcx::BlockShutdownSignals();
  const std::string program = "socgov-" + definition.name;
  Runner runner(std::move(definition));
  const int code = runner.Start(argc, argv, nullptr, ShutdownSignalPending);
  if (runner.help_requested()) {
    std::cout << runner.usage();
    return 0;
  }
  if (code != 0) {
    std::cerr << program << ": " << runner.error() << (code == 2 ? " (see --help)" : "") << "\n";
    return code;
  }
  if (!runner.serving()) return 0;  // a signal arrived while waiting for Redis
  const int sig = grpcx::WaitForShutdownSignal();
  runner.kit().logger().Info("shutting down", {{"signal", std::to_string(sig)}});
  runner.Stop();
  return 0;
}

}  // namespace socgov::service
