// The one consumer loop every event consumer uses: a durable pull consumer fetched one message at a
// time (safe on Debian's nats.c 3.4.1, whose multi-message Fetch can overflow the heap), applied
// with an idempotent handler (apply + record ce-id in one Redis step), then acked. Redelivery is
// bounded by MaxDeliver; a message that can never apply is terminated and kept in a dead-letter
// record.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include "platform/bus/nats.h"
#include "platform/log/log.h"

struct __natsMsg;
struct __natsSubscription;

namespace socgov::metrics {
class Metrics;
}

namespace socgov::bus {

enum class Outcome {
  kApplied,    // state changed; ack
  kDuplicate,  // ce-id seen before; ack, nothing changed
  kSkipped,    // nothing to change (an older version, an event the consumer does not keep); ack
  kHold,       // not yet (a version gap): nak with delay_ms, so it comes back after the others
  kRetry,      // transient failure (e.g. Redis down): retried with backoff while held
  kReject,     // can never apply (malformed); dead-letter + term
};

struct ApplyResult {
  Outcome outcome;
  std::string reason;  // for kSkipped / kHold / kRetry / kReject
  int delay_ms = 0;    // kHold: redelivery delay
};

using Handler = std::function<ApplyResult(const Delivery&)>;
// Keeps a message that will not be applied, with the reason; must not throw. Returns false when
// the record could not be stored: the message is then redelivered instead of terminated, so nothing
// is dropped silently.
using DeadLetterSink = std::function<bool(const Delivery&, const std::string& reason)>;

class ConsumerLoop {
 public:
  ConsumerLoop(Connection& conn, ConsumerSpec spec, Handler handler, DeadLetterSink dead_letter,
               metrics::Metrics* metrics, const log::Logger& logger);
  ~ConsumerLoop();  // stops and joins
  ConsumerLoop(const ConsumerLoop&) = delete;
  ConsumerLoop& operator=(const ConsumerLoop&) = delete;

  void Start();
  void Stop();  // finishes the message in hand, then returns
  uint64_t applied() const { return applied_.load(); }
  uint64_t duplicates() const { return duplicates_.load(); }
  uint64_t skipped() const { return skipped_.load(); }
  uint64_t dead_lettered() const { return dead_lettered_.load(); }
  bool subscribed() const { return subscribed_.load(); }

 private:
  void Run();
  void Pause(int ms);
  __natsSubscription* Subscribe();
  ApplyResult Apply(const Delivery& d);
  void Process(__natsMsg* msg);
  // Acks `msg`, retrying a lost or timed-out ack (acks are idempotent) while the connection lasts;
  // an ack given up on is redelivered after AckWait and absorbed by the consumer's dedup.
  void Ack(__natsMsg* msg, const Delivery& d);
  // Whether the durable still exists on the server (after a reconnect: a restarted server may
  // have lost its store); nullopt when the server cannot tell now.
  std::optional<bool> DurableExists();

  Connection& conn_;
  ConsumerSpec spec_;
  Handler handler_;
  DeadLetterSink dead_letter_;
  metrics::Metrics* metrics_;
  const log::Logger& logger_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> subscribed_{false};
  uint64_t errors_logged_ = 0;  // rate-limits warnings; used by the loop thread only
  std::atomic<uint64_t> applied_{0}, duplicates_{0}, skipped_{0}, dead_lettered_{0};
  std::thread thread_;
};

}  // namespace socgov::bus
