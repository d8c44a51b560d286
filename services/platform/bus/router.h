// The consumer router (Watermill's model): every event consumer of every service is a Route whose
// handler is a pure-ish function (event, aggregate state) → writes. The router does the rest once,
// for all of them:
//   - envelope checks before any handler runs: ce-id/ce-type/ce-source/ce-subject/ce-sequence
//     present; ce-type, the NATS subject and ce-source agree on the context; the event's context
//     owns the route's events; the subject's city/district tokens are the ones ce-jurisdiction
//     implies; the payload's jurisdiction (when the route can read it) equals ce-jurisdiction; and
//     the jurisdiction lies within this deployment. A mismatch is dead-lettered, never applied.
//   - inbox dedup by ce-id and a per-aggregate version gate on ce-sequence, both checked and
//     recorded in the same Redis script as the handler's writes (store::Mutation);
//   - an older version is skipped; a gap (strict gate) is held and redelivered, then applied and
//     recorded as a gap;
//   - transient failures (Redis down) are held and retried; write conflicts are re-decided a
//     bounded number of times; errors that will not heal are dead-lettered;
//   - one dead-letter schema for all services ({tag}:dlq, never capped), listable and re-drivable;
//   - metrics per route: applied, duplicate, stale, gap, dead_lettered, redriven, lag.
//
// Keys (under the service's hash tag, e.g. {reg}):
//   {tag}:inbox:<route>:<ce-id>              STRING "1", expires after inbox_ttl_seconds
//   {tag}:gate:<route>:<aggregate>:<id>      HASH   version = last applied ce-sequence
//   {tag}:dlq                                STREAM dead letters (DeadLetter fields below)
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "platform/bus/consumer.h"
#include "platform/bus/nats.h"
#include "platform/log/log.h"
#include "platform/store/mutation.h"
#include "platform/store/redis.h"
#include "platform/util/error.h"

namespace socgov::metrics {
class Metrics;
}

namespace socgov::bus {

// The checked CloudEvents envelope of a delivery.
struct Event {
  const Delivery* delivery = nullptr;
  std::string id;            // ce-id
  std::string type;          // ce-type, cn.socgov.<context>.<aggregate>.<event>.v1
  std::string context;       // from ce-type
  std::string aggregate;     // from ce-type, e.g. "organization"
  std::string name;          // from ce-type, e.g. "registered"
  std::string aggregate_id;  // ce-subject
  int64_t sequence = 0;      // ce-sequence: the aggregate's version after the change
  std::string jurisdiction;  // ce-jurisdiction: owner of the aggregate
  std::string authority;     // from ce-source /socgov/<authority>/<service>
  const std::string& data() const { return delivery->data; }
};

// Parses and checks the envelope alone (no payload, no deployment scope). Exposed for tests.
Result<Event> ParseEnvelope(const Delivery& delivery);

// What the router read before the handler runs, in the same round trip as the dedup check.
struct AggregateState {
  int64_t applied_version = 0;  // last ce-sequence this route applied for the aggregate (0: none)
  // The values at the route's state keys, in order: a hash as field, value, ...; a string as one
  // element; empty when the key does not exist.
  std::vector<std::vector<std::string>> values;
  std::vector<bool> exists;
};

// A handler's answer.
struct Decision {
  enum class Kind {
    kApply,   // commit `writes` (with the inbox and gate records)
    kIgnore,  // nothing to change (e.g. an event type this projection does not keep); recorded
    kRetry,   // transient (a dependency down): held and retried without limit
    kReject,  // will never apply: dead-lettered with `reason`
  } kind = Kind::kIgnore;
  store::Mutation writes;  // kApply; its guards are checked with the router's
  std::string reason;

  static Decision Apply(store::Mutation m) { return {Kind::kApply, std::move(m), ""}; }
  static Decision Ignore(std::string why = "") { return {Kind::kIgnore, {}, std::move(why)}; }
  static Decision Retry(std::string why) { return {Kind::kRetry, {}, std::move(why)}; }
  static Decision Reject(std::string why) { return {Kind::kReject, {}, std::move(why)}; }
};

enum class Gate {
  kNone,       // every event applies (audit records everything)
  kMonotonic,  // an older or equal version is skipped; jumps are fine (a filtered subset)
  kStrict,     // as kMonotonic, and a gap is held (redelivered) before it applies
};

struct Route {
  std::string name;       // "penalties": keys, metrics, logs
  ConsumerSpec consumer;  // stream, durable, filter, max_deliver, ack_wait
  // Context that publishes the stream's events ("supervision"); empty: any socgov context (audit).
  std::string owner;
  Gate gate = Gate::kStrict;
  // Keys whose values the handler needs, read with the dedup check (may be empty).
  std::function<std::vector<std::string>(const Event&)> state_keys;
  // The jurisdiction the payload names (checked against ce-jurisdiction), or nullopt when the
  // payload names none. Unset: not checked. An Error means the payload cannot be read.
  std::function<Result<std::optional<std::string>>(const Event&)> payload_jurisdiction;
  std::function<Decision(const Event&, const AggregateState&)> handler;
  int64_t inbox_ttl_seconds = 30 * 24 * 3600;
  int gap_holds = 3;           // redeliveries of a gapped event before it applies anyway
  int gap_delay_ms = 1000;     // delay of each gap redelivery
  int conflict_attempts = 10;  // re-decisions when the handler's guards lost a race
};

// One record of {tag}:dlq.
struct DeadLetter {
  std::string entry_id;  // stream id
  std::string route;
  std::string reason;
  std::string kind;  // rejected | mismatch | gap (applied after the hold) | failed
  std::string stream;
  uint64_t stream_sequence = 0;
  std::string subject;
  int64_t delivered = 0;  // deliveries when it was dead-lettered
  int64_t attempts = 1;   // 1 + re-drives that failed again
  std::string dead_at;    // RFC 3339
  std::map<std::string, std::string> headers;
  std::string data;
};

class Router {
 public:
  // `tag` is the service's key hash tag ("{reg}"); `jurisdiction` the deployment's.
  Router(std::string tag, std::string jurisdiction, store::RedisPool& pool, Connection& conn,
         metrics::Metrics* metrics, const log::Logger& logger);
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  void Add(Route route);
  const store::ScriptRegistry& scripts() const { return scripts_; }

  // Starts a consumer loop for every route whose stream exists (a context deployed later is
  // picked up then); returns why a route cannot consume now, or "".
  std::string Tick();
  // Stops every loop after the message in hand.
  void Stop();

  // What a route's consumer did since start (dead_lettered counts what the loop stored).
  struct Counts {
    uint64_t applied = 0, duplicate = 0, skipped = 0, held = 0, dead_lettered = 0;
  };
  Counts counts(const std::string& route);

  // The whole pipeline for one delivery of `route` (what the loop calls). Exposed for tests.
  ApplyResult Handle(const std::string& route, const Delivery& delivery);

  // Dead letters, oldest first, after `after_id` (exclusive; "" = from the start).
  std::vector<DeadLetter> ListDeadLetters(const std::string& after_id, size_t limit);
  // Runs a dead letter through its route again. Applied (or found a duplicate/stale): the record
  // is removed. Failed again: the record is replaced by one with attempts + 1 and the new reason.
  struct Redrive {
    bool applied = false;
    std::string outcome;       // applied | duplicate | stale | dead_lettered | retry
    std::string reason;        // why not applied
    std::string new_entry_id;  // the replacement record, when dead-lettered again
  };
  Result<Redrive> RedriveDeadLetter(const std::string& entry_id);

 private:
  struct RouteState;
  RouteState* Find(const std::string& name);
  std::vector<RouteState*> Snapshot();
  ApplyResult Process(RouteState& r, const Delivery& d, int64_t* gap_from);
  // The new record's id, or nullopt when Redis did not take it.
  std::optional<std::string> StoreDeadLetter(const std::string& route, const Delivery& d,
                                             const std::string& reason, const std::string& kind,
                                             int64_t attempts) noexcept;
  std::string InboxKey(const std::string& route, const std::string& event_id) const;
  std::string GateKey(const std::string& route, const Event& e) const;
  std::string DeadLetterKey() const { return tag_ + ":dlq"; }

  const std::string tag_;
  const std::string jurisdiction_;
  store::RedisPool& pool_;
  Connection& conn_;
  metrics::Metrics* metrics_;
  const log::Logger& logger_;
  store::ScriptRegistry scripts_;
  std::mutex mu_;  // routes_ (added while wiring; looked up by loops and re-drive RPCs)
  std::vector<std::unique_ptr<RouteState>> routes_;
};

}  // namespace socgov::bus
