// socgov-registration: wiring only. Config → logger/metrics → Redis (scripts) → NATS (stream) →
// outbox relay → gRPC. Serves readiness only when Redis and NATS answer and the stream exists.
#include <iostream>

#include "platform/auth/scope.h"
#include "platform/bus/nats.h"
#include "platform/config/config.h"
#include "platform/grpcx/server.h"
#include "platform/log/log.h"
#include "platform/metrics/metrics.h"
#include "platform/outbox/relay.h"
#include "platform/store/redis.h"
#include "registration/api/penalty_consumer.h"
#include "registration/api/registration_handler.h"
#include "registration/app/registry.h"
#include "registration/store/registration_store.h"

namespace {

using socgov::config::Option;

const std::vector<Option>& Options() {
  static const std::vector<Option> kOptions = {
      {"grpc-listen", "127.0.0.1:50051", "gRPC listen address"},
      {"metrics-listen", "127.0.0.1:9151", "Prometheus /metrics listen address"},
      {"jurisdiction", "", "6-digit code of this deployment's registration authority", true},
      {"redis-host", "127.0.0.1", "Redis host"},
      {"redis-port", "6379", "Redis port"},
      {"redis-password", "", "Redis AUTH password; pass it as SOCGOV_REDIS_PASSWORD, not a flag"},
      {"redis-pool-size", "16", "Redis connections for RPC handlers"},
      {"nats-url", "nats://127.0.0.1:4222", "NATS server URL"},
      {"token-key-file", "", "file holding the HMAC key that signs bearer tokens", true},
      {"relay-consumer", "relay-1", "outbox relay consumer name (stable per replica)"},
      {"outbox-retention-ms", "120000",
       "published outbox entries kept for re-publishing (> 60000)"},
      {"drain-ms", "500", "readiness NOT_SERVING this long before the listener closes"},
      {"register-foundations", "auto",
       "REG-11: whether this authority registers foundations (auto: only provincial codes)"},
      {"founding-months", "6", "REG-04: months from preparation approval to the founding meeting"},
      {"preparation-extension-months", "0",
       "REG-05: months of the one preparation extension (Hubei: 3; 0 = none)"},
      {"lapse-name-block-months", "0",
       "REG-05: months a lapsed preparation's name stays blocked (Hubei: 12; 0 = none)"},
      {"joint-review-required", "true",
       "REG-20: establishment, re-election and legal-representative changes need a passed "
       "joint review"},
      {"review-departments", "社会工作部,纪委监委,组织部,统战部,公安局,人民法院,人民检察院",
       "departments consulted in a joint review (comma separated)"},
      {"review-answer-days", "10", "days a department has to answer in a joint review"},
      {"penalty-durable", "registration-penalties",
       "durable consumer of supervision's case.decided events"},
  };
  return kOptions;
}

std::string StreamSubject(const std::string& jurisdiction) {
  const std::string district = socgov::auth::IsCountyLevel(jurisdiction) ? jurisdiction : "_";
  return "socgov.v1." + socgov::auth::CityOf(jurisdiction) + "." + district + ".registration.>";
}

int Run(int argc, char** argv) {
  namespace sg = socgov;
  sg::grpcx::BlockShutdownSignals();
  sg::config::Config cfg;
  std::string jurisdiction, grpc_listen, metrics_listen, key_file, nats_url, consumer;
  sg::store::RedisOptions redis_options;
  int64_t retention_ms = 0, pool_size = 0, drain_ms = 0;
  sg::registration::RegistrySettings settings;
  std::string penalty_durable;
  try {
    cfg = sg::config::Config::Load(Options(), argc, argv);
    if (cfg.help_requested()) {
      std::cout << cfg.Usage("socgov-registration");
      return 0;
    }
    jurisdiction = cfg.GetJurisdiction("jurisdiction");
    grpc_listen = cfg.GetHostPort("grpc-listen");
    metrics_listen = cfg.GetHostPort("metrics-listen");
    key_file = cfg.Get("token-key-file");
    nats_url = cfg.Get("nats-url");
    consumer = cfg.Get("relay-consumer");
    redis_options.host = cfg.Get("redis-host");
    redis_options.port = static_cast<int>(cfg.GetInt("redis-port", 1, 65535));
    redis_options.password = cfg.Get("redis-password");
    pool_size = cfg.GetInt("redis-pool-size", 1, 256);
    retention_ms = cfg.GetInt("outbox-retention-ms", 61000, 3600000);
    drain_ms = cfg.GetInt("drain-ms", 0, 60000);
    settings.authority_code = jurisdiction;
    const std::string foundations = cfg.Get("register-foundations");
    settings.foundations_registrable = foundations == "auto" ? jurisdiction.ends_with("0000")
                                                             : cfg.GetBool("register-foundations");
    settings.founding_months = static_cast<int>(cfg.GetInt("founding-months", 1, 24));
    settings.preparation_extension_months =
        static_cast<int>(cfg.GetInt("preparation-extension-months", 0, 12));
    settings.lapse_name_block_months =
        static_cast<int>(cfg.GetInt("lapse-name-block-months", 0, 60));
    settings.joint_review_required = cfg.GetBool("joint-review-required");
    settings.review_departments = cfg.GetList("review-departments");
    if (settings.review_departments.empty())
      throw sg::config::ConfigError("review-departments: at least one department");
    settings.review_answer_days = static_cast<int>(cfg.GetInt("review-answer-days", 1, 60));
    penalty_durable = cfg.Get("penalty-durable");
  } catch (const sg::config::ConfigError& e) {
    std::cerr << "socgov-registration: " << e.what() << "\n";
    return 2;
  }

  sg::log::Logger logger("registration", jurisdiction);
  auto verifier = sg::auth::TokenVerifier::FromKeyFile(key_file);
  if (!verifier.ok()) {
    logger.Error("cannot read token key", {{"error", verifier.error().message}});
    return 2;
  }
  sg::metrics::Metrics metrics("registration");
  int metrics_port = 0;
  try {
    metrics_port = metrics.Serve(metrics_listen);
  } catch (const std::exception& e) {
    logger.Error("cannot serve metrics", {{"address", metrics_listen}, {"error", e.what()}});
    return 1;
  }

  sg::store::RedisPool pool(redis_options, static_cast<size_t>(pool_size));
  sg::registration::RegistrationStore store(pool);
  // Serve nothing until Redis answers and the scripts load (a broken script must stop the start).
  for (int attempt = 0;; ++attempt) {
    try {
      auto redis = pool.Acquire();
      store.scripts().LoadAll(*redis);
      break;
    } catch (const sg::store::RedisUnavailable& e) {
      if (attempt % 10 == 0) logger.Warn("waiting for redis", {{"error", e.what()}});
    } catch (const std::exception& e) {
      logger.Error("cannot load scripts", {{"error", e.what()}});
      return 1;
    }
    if (sg::grpcx::WaitForShutdownSignal(500) != 0) return 0;
  }

  auto conn = sg::bus::Connection::Connect({nats_url, "socgov-registration"});
  if (!conn.ok()) {
    logger.Error("cannot create nats connection", {{"error", conn.error().message}});
    return 1;
  }
  sg::bus::StreamSpec stream{"REGISTRATION", {StreamSubject(jurisdiction)}};
  stream.duplicate_window_ms = retention_ms * 2;

  sg::outbox::RelayOptions relay_options;
  relay_options.stream_key = sg::registration::kOutboxKey;
  relay_options.consumer = consumer;
  relay_options.retention_ms = retention_ms;
  relay_options.stream = stream;
  sg::outbox::Relay relay(relay_options, redis_options, **conn, &metrics, logger);
  relay.Start();

  sg::SystemClock clock;
  sg::registration::Registry registry(store, settings, clock);
  sg::registration::PenaltyConsumer penalties(**conn, registry, penalty_durable, jurisdiction,
                                              &metrics, logger);
  sg::registration::RegistrationHandler handler(registry, *verifier, clock, logger);
  sg::grpcx::HostOptions host_options;
  host_options.listen = grpc_listen;
  host_options.drain_ms = static_cast<int>(drain_ms);
  host_options.max_threads = static_cast<int>(pool_size) + 8;
  sg::grpcx::ServiceHost host(host_options, &metrics, logger);
  host.AddService(&handler);
  const int port = host.Start();
  if (port == 0) return 1;
  logger.Info("listening", {{"grpc_port", std::to_string(port)},
                            {"metrics_port", std::to_string(metrics_port)},
                            {"stream_subject", stream.subjects[0]}});

  // REG-04: lapse preparations past their founding deadline, at start and then hourly.
  const sg::auth::Principal sweeper{"registration.sweeper", {"registrar"}, jurisdiction, 0};
  auto next_sweep = std::chrono::steady_clock::now();
  while (true) {
    if (std::chrono::steady_clock::now() >= next_sweep) {
      try {
        auto lapsed = registry.LapsePreparations(sweeper);
        if (lapsed.ok() && lapsed->application_ids_size() > 0)
          logger.Info("preparations lapsed",
                      {{"count", std::to_string(lapsed->application_ids_size())}});
        next_sweep = std::chrono::steady_clock::now() + std::chrono::hours(1);
      } catch (const sg::store::RedisUnavailable& e) {
        next_sweep = std::chrono::steady_clock::now() + std::chrono::minutes(1);
      }
    }
    // The relay provisions the stream; readiness reports whether it is there now.
    const bool stream_ready = (*conn)->connected() && sg::bus::StreamExists(**conn, stream.name);
    bool redis_ok = false;
    {
      auto redis = pool.Acquire();
      redis_ok = redis->Ping();
    }
    host.SetReady(redis_ok && (*conn)->connected() && stream_ready);
    // Supervision may be deployed after registration: consume its decisions once they exist.
    penalties.StartWhenStreamExists();
    if (int sig = sg::grpcx::WaitForShutdownSignal(1000); sig != 0) {
      logger.Info("shutting down", {{"signal", std::to_string(sig)}});
      break;
    }
  }
  host.Shutdown();
  penalties.Stop();
  relay.Stop(3000);
  (*conn)->Flush(2000);
  logger.Info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
