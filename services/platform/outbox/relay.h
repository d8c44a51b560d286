// The outbox relay: reads the service's outbox stream with a Redis consumer group (blocking read,
// no polling sleep), publishes each entry to JetStream with Nats-Msg-Id = ce-id, and XACKs it on
// the PubAck. Published entries are kept for retention_ms (longer than nats-server's 60 s unsynced
// interval) and re-published when the relay sees nats-server restart, so a JetStream tail lost in a
// crash is refilled; duplicates are absorbed by JetStream dedup and idempotent consumers.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "platform/bus/nats.h"
#include "platform/log/log.h"
#include "platform/store/redis.h"

namespace socgov::metrics {
class Metrics;
}

namespace socgov::outbox {

struct RelayOptions {
  std::string stream_key;  // e.g. {reg}:outbox
  // The JetStream stream the entries go to. The relay provisions it at start and again after every
  // reconnect, so a nats-server that lost its store gets the stream back before the re-publish.
  // Left without a name, provisioning is someone else's job.
  bus::StreamSpec stream;
  std::string group = "relay";
  std::string consumer = "relay-1";
  int64_t retention_ms = 120'000;  // > 60 s nats-server fsync interval
  int publish_timeout_ms = 5000;
  int block_ms = 1000;
  // Only one relay of a service publishes at a time (replicas share the outbox): the holder of a
  // Redis lease, renewed well inside its TTL. Per-aggregate event order on JetStream rests on it.
  int64_t lease_ttl_ms = 10'000;
};

class Relay {
 public:
  Relay(RelayOptions options, store::RedisOptions redis, bus::Connection& nats,
        metrics::Metrics* metrics, const log::Logger& logger);
  ~Relay();
  Relay(const Relay&) = delete;
  Relay& operator=(const Relay&) = delete;

  void Start();
  // Publishes what is pending (bounded by timeout_ms), then stops.
  void Stop(int flush_timeout_ms = 3000);
  uint64_t published() const { return published_.load(); }
  uint64_t republished() const { return republished_.load(); }
  // Whether this relay holds the publishing lease now.
  bool active() const { return active_.load(); }

 private:
  void Run();
  bool PublishEntry(store::Redis& redis, const store::Value& entry, bool ack);
  std::string PublishedKey() const { return options_.stream_key + ":published"; }
  std::string PublishedIdsKey() const { return options_.stream_key + ":published-ids"; }
  std::string LeaseKey() const { return options_.stream_key + ":relay-lease"; }
  // Takes or renews the lease; true while this relay holds it.
  bool HoldLease(store::Redis& redis);
  void ReleaseLease(store::Redis& redis);
  void Pause(int ms);
  // False when interrupted (nats went away again); the caller retries.
  bool RepublishWindow(store::Redis& redis);
  bool EnsureStream();
  // The relay group's state, read once per housekeeping pass (one pipelined round trip).
  struct GroupState {
    long long pending = 0;                                        // read, not yet acked
    std::optional<std::pair<uint64_t, uint64_t>> oldest_pending;  // smallest pending id
    std::optional<std::string> last_delivered;                    // absent before the group exists
    long long lag = 0;                                            // not yet read by the group
  };
  GroupState ReadGroupState(store::Redis& redis);
  void Trim(store::Redis& redis, const GroupState& group);
  // Takes over entries another relay consumer (a removed replica) left pending; true if any.
  bool ClaimOrphans(store::Redis& redis, const char* min_idle_ms = "60000");
  void UpdateGauges(store::Redis& redis, const GroupState& group);

  RelayOptions options_;
  store::ScriptRegistry scripts_;
  store::RedisOptions redis_options_;
  bus::Connection& nats_;
  metrics::Metrics* metrics_;
  const log::Logger& logger_;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> flush_deadline_ms_{0};
  std::atomic<uint64_t> published_{0}, republished_{0};
  std::atomic<bool> active_{false};
  std::string lease_token_;  // unique per relay instance
  std::chrono::steady_clock::time_point lease_renewed_{};
  std::thread thread_;
};

}  // namespace socgov::outbox
