// socgov-audit: records every event of the configured context streams in the audit chain and serves
// AuditService. Wiring only; the logic lives in audit_core.
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "audit/api/audit_handler.h"
#include "audit/app/recorder.h"
#include "audit/store/audit_store.h"
#include "platform/auth/token.h"
#include "platform/bus/consumer.h"
#include "platform/bus/nats.h"
#include "platform/config/config.h"
#include "platform/grpcx/server.h"
#include "platform/log/log.h"
#include "platform/metrics/metrics.h"
#include "platform/store/redis.h"
#include "platform/util/clock.h"

namespace socgov::audit {
namespace {

using namespace std::chrono_literals;

std::vector<config::Option> Options() {
  return {
      {"grpc-listen", "127.0.0.1:50061", "gRPC listen address host:port (port 0 picks one)"},
      {"metrics-listen", "127.0.0.1:9161", "Prometheus /metrics listen address host:port"},
      {"jurisdiction", "", "6-digit GB/T 2260 code of this deployment", true},
      {"redis-host", "127.0.0.1", "Redis host"},
      {"redis-port", "6379", "Redis port"},
      {"redis-password", "", "Redis AUTH password; pass it as SOCGOV_REDIS_PASSWORD, not a flag"},
      {"nats-url", "nats://127.0.0.1:4222", "NATS server URL"},
      {"token-key-file", "", "file holding the bearer token verification key", true},
      {"streams", "REGISTRATION,SUPERVISION,PARTY_BUILDING,WELFARE_VENTURE",
       "context streams to record, comma separated; a stream that does not exist yet is picked up "
       "once it does"},
      {"durable", "audit", "durable consumer name used on every stream"},
      {"max-deliver", "5", "deliveries of one message before it is dead-lettered (1..100)"},
  };
}

struct Settings {
  std::string grpc_listen;
  std::string metrics_listen;
  std::string jurisdiction;
  store::RedisOptions redis;
  std::string nats_url;
  std::string token_key_file;
  std::vector<std::string> streams;
  std::string durable;
  int max_deliver = 5;
};

// JetStream names may not contain spaces, '.', '*', '>' or path separators; be stricter than that.
void RequireName(const std::string& option, const std::string& value) {
  if (value.empty()) throw config::ConfigError(option + ": must not be empty");
  for (char c : value) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) throw config::ConfigError(option + ": \"" + value + "\" may use only A-Z a-z 0-9 _ -");
  }
}

Settings ReadSettings(const config::Config& cfg) {
  Settings s;
  s.grpc_listen = cfg.GetHostPort("grpc-listen");
  s.metrics_listen = cfg.GetHostPort("metrics-listen");
  s.jurisdiction = cfg.GetJurisdiction("jurisdiction");
  s.redis.host = cfg.Get("redis-host");
  if (s.redis.host.empty()) throw config::ConfigError("redis-host: must not be empty");
  s.redis.port = static_cast<int>(cfg.GetInt("redis-port", 1, 65535));
  s.redis.password = cfg.Get("redis-password");
  s.nats_url = cfg.Get("nats-url");
  if (s.nats_url.empty()) throw config::ConfigError("nats-url: must not be empty");
  s.token_key_file = cfg.Get("token-key-file");
  for (const std::string& stream : cfg.GetList("streams")) {
    RequireName("streams", stream);
    if (std::find(s.streams.begin(), s.streams.end(), stream) == s.streams.end()) {
      s.streams.push_back(stream);
    }
  }
  if (s.streams.empty()) throw config::ConfigError("streams: name at least one stream");
  s.durable = cfg.Get("durable");
  RequireName("durable", s.durable);
  s.max_deliver = static_cast<int>(cfg.GetInt("max-deliver", 1, 100));
  return s;
}

// Shutdown signals are blocked (BlockShutdownSignals), so one sent while we still wait for Redis
// stays pending; looking at the pending set lets start-up give up instead of ignoring SIGTERM.
bool ShutdownSignalPending() {
  sigset_t pending;
  sigemptyset(&pending);
  if (sigpending(&pending) != 0) return false;
  return sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGINT) == 1;
}

// Watches the configured streams once a second: a stream that exists gets its durable consumer and
// a consumer loop (so a context deployed later is recorded without a restart), and readiness is
// recomputed. Loops are touched only by the watcher thread until StopWatching() has joined it.
class StreamWatcher {
 public:
  StreamWatcher(const Settings& settings, bus::Connection& conn, AuditStore& store,
                Recorder& recorder, grpcx::ServiceHost& host, metrics::Metrics& metrics,
                const log::Logger& logger)
      : streams_(settings.streams),
        durable_(settings.durable),
        max_deliver_(settings.max_deliver),
        conn_(conn),
        store_(store),
        recorder_(recorder),
        host_(host),
        metrics_(metrics),
        logger_(logger) {}
  ~StreamWatcher() {
    StopWatching();
    StopConsumers();
  }
  StreamWatcher(const StreamWatcher&) = delete;
  StreamWatcher& operator=(const StreamWatcher&) = delete;

  void Start() {
    thread_ = std::jthread([this](std::stop_token stop) { Run(stop); });
  }
  // After this returns readiness is no longer updated and no loop is added.
  void StopWatching() {
    if (thread_.joinable()) {
      thread_.request_stop();
      thread_.join();
    }
  }
  // Each loop finishes the message in hand (apply + ack) before it returns.
  void StopConsumers() {
    for (auto& [stream, loop] : loops_) loop->Stop();
    loops_.clear();
  }

 private:
  void Run(std::stop_token stop) {
    std::string last_reason = "starting";
    while (!stop.stop_requested()) {
      std::string reason;
      try {
        reason = Tick();
      } catch (const std::exception& e) {
        reason = std::string("watcher: ") + e.what();
      }
      host_.SetReady(reason.empty());
      if (reason != last_reason) {
        if (reason.empty()) {
          logger_.Info("ready");
        } else {
          logger_.Warn("not ready", {{"reason", reason}});
        }
        last_reason = reason;
      }
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, stop, 1s, [] { return false; });
    }
  }

  // One pass; returns why the service is not ready, or "" when it is.
  std::string Tick() {
    std::string reason;
    auto note = [&reason](const std::string& why) {
      if (reason.empty()) reason = why;
    };
    if (!store_.Ping()) note("redis not answering");
    const bool nats_up = conn_.connected();
    if (!nats_up) note("nats not connected");
    for (const std::string& stream : streams_) {
      if (const auto it = loops_.find(stream); it != loops_.end()) {
        if (!it->second->subscribed()) note("stream " + stream + ": consumer not subscribed");
        continue;
      }
      // A stream that does not exist is a context not deployed here yet: not a readiness problem.
      if (!nats_up || !bus::StreamExists(conn_, stream)) continue;
      bus::ConsumerSpec spec{.stream = stream,
                             .durable = durable_,
                             .filter_subject = "",
                             .max_deliver = max_deliver_,
                             .ack_wait_ms = 30'000};
      if (const Status st = bus::EnsureConsumer(conn_, spec)) {
        note("stream " + stream + ": " + st->message);
        continue;
      }
      auto loop = std::make_unique<bus::ConsumerLoop>(
          conn_, spec, [this](const bus::Delivery& d) { return recorder_.Apply(d); },
          [this](const bus::Delivery& d, const std::string& why) { return DeadLetter(d, why); },
          &metrics_, logger_);
      loop->Start();
      logger_.Info("consuming stream", {{"stream", stream}, {"durable", durable_}});
      if (!loop->subscribed()) note("stream " + stream + ": consumer starting");
      loops_.emplace(stream, std::move(loop));
    }
    return reason;
  }

  // The consumer loop has already logged the dead letter; only a failed store needs more.
  // False makes the consumer loop redeliver the message later instead of terminating it.
  bool DeadLetter(const bus::Delivery& d, const std::string& why) noexcept {
    try {
      if (store_.AppendDeadLetter(d, why)) return true;
      logger_.Error("dead letter not stored; will be redelivered",
                    {{"event_id", d.Header("ce-id")},
                     {"stream", d.stream},
                     {"subject", d.subject},
                     {"stream_seq", std::to_string(d.stream_sequence)},
                     {"reason", why}});
    } catch (...) {
      // The sink must not throw into the consumer loop.
    }
    return false;
  }

  const std::vector<std::string> streams_;
  const std::string durable_;
  const int max_deliver_;
  bus::Connection& conn_;
  AuditStore& store_;
  Recorder& recorder_;
  grpcx::ServiceHost& host_;
  metrics::Metrics& metrics_;
  const log::Logger& logger_;
  std::map<std::string, std::unique_ptr<bus::ConsumerLoop>> loops_;
  std::mutex mu_;
  std::condition_variable_any cv_;
  std::jthread thread_;
};

// Waits until Redis answers and takes the scripts. False when a shutdown signal arrived first.
bool WaitForRedis(AuditStore& store, const Settings& settings, const log::Logger& logger) {
  for (int attempt = 0;; ++attempt) {
    if (ShutdownSignalPending()) return false;
    try {
      if (store.Ping()) {
        store.LoadScripts();
        return true;
      }
    } catch (const store::RedisUnavailable&) {
      // Went away between PING and SCRIPT LOAD: keep waiting.
    }
    if (attempt % 20 == 0) {  // every 10 s is enough to show we are alive and why we wait
      logger.Warn("waiting for redis",
                  {{"redis", settings.redis.host + ":" + std::to_string(settings.redis.port)}});
    }
    std::this_thread::sleep_for(500ms);
  }
}

int Run(int argc, char** argv) {
  grpcx::BlockShutdownSignals();

  Settings settings;
  try {
    const config::Config cfg = config::Config::Load(Options(), argc, argv);
    if (cfg.help_requested()) {
      std::cerr << cfg.Usage(argv[0]);
      return 2;
    }
    settings = ReadSettings(cfg);
  } catch (const config::ConfigError& e) {
    std::cerr << "socgov-audit: " << e.what() << " (see --help)\n";
    return 2;
  }

  const log::Logger logger("audit", settings.jurisdiction);
  auto verifier = auth::TokenVerifier::FromKeyFile(settings.token_key_file);
  if (!verifier) {
    std::cerr << "socgov-audit: token-key-file: " << verifier.error().message << "\n";
    return 2;
  }

  metrics::Metrics metrics("audit");
  int metrics_port = 0;
  try {
    metrics_port = metrics.Serve(settings.metrics_listen);
  } catch (const std::exception& e) {
    logger.Error("cannot serve metrics",
                 {{"listen", settings.metrics_listen}, {"error", e.what()}});
    return 1;
  }

  const SystemClock clock;
  grpcx::HostOptions host_options;
  host_options.listen = settings.grpc_listen;
  // One connection per gRPC worker plus one per consumer loop and the watcher, so no one waits
  // for a lease.
  store::RedisPool pool(
      settings.redis, static_cast<size_t>(host_options.max_threads) + settings.streams.size() + 2);
  AuditStore store(pool);
  try {
    if (!WaitForRedis(store, settings, logger)) {
      logger.Info("shutdown requested before start");
      return 0;
    }
  } catch (const std::exception& e) {
    logger.Error("cannot load redis scripts", {{"error", e.what()}});
    return 1;
  }

  Recorder recorder(store, clock, logger);
  AuditHandler handler(store, *verifier, clock);

  auto conn =
      bus::Connection::Connect(bus::NatsOptions{.url = settings.nats_url, .name = "socgov-audit"});
  if (!conn) {
    logger.Error("cannot create nats connection", {{"error", conn.error().message}});
    return 1;
  }

  grpcx::ServiceHost host(host_options, &metrics, logger);
  host.AddService(&handler);
  const int port = host.Start();
  if (port == 0) {
    logger.Error("cannot listen", {{"listen", settings.grpc_listen}});
    return 1;
  }
  logger.Info("listening",
              {{"port", std::to_string(port)}, {"metrics_port", std::to_string(metrics_port)}});

  StreamWatcher watcher(settings, **conn, store, recorder, host, metrics, logger);
  watcher.Start();

  const int sig = grpcx::WaitForShutdownSignal();
  logger.Info("shutting down", {{"signal", std::to_string(sig)}});
  // The watcher goes first so it cannot mark the host ready again during the drain.
  watcher.StopWatching();
  host.Shutdown();
  watcher.StopConsumers();
  (*conn)->Flush(2000);
  logger.Info("stopped");
  return 0;
}

}  // namespace
}  // namespace socgov::audit

int main(int argc, char** argv) { return socgov::audit::Run(argc, argv); }
