// A command's writes as data: guards checked first, then writes, the outbox append and the
// idempotency record, all in one EVALSHA of the generic "mutate" script (all or nothing,
// architecture.md §4). A service builds one Mutation from the entities its pure domain functions
// returned, so a new command needs no new Lua. Every key is declared in KEYS (never built in Lua),
// so a service that keeps all its keys under one hash tag ({reg}, {sup}, ...) stays valid under
// Redis Cluster rules. The platform knows no service's keys: callers pass full key names.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "platform/outbox/outbox.h"
#include "platform/store/redis.h"
#include "platform/util/error.h"

namespace socgov::store {

struct Mutation {
  std::string idem_key;  // full key of the idempotency record
  std::string response;  // serialized response stored under it (and returned on replay)
  // Seconds the idempotency record is kept; 0 keeps it (events from other contexts, whose
  // redelivery has no time limit).
  int64_t idem_ttl_seconds = 30 * 24 * 3600;

  // Guards, all checked before any write, in this order (the first that refuses answers, so a
  // counter whose value other guards' keys derive from comes first). `label` names the entity in
  // error messages.
  struct Guard {
    enum class Kind {
      kVersion,   // HGET key version == value, else "version" (missing key: "not_found")
      kAbsent,    // key does not exist, else "exists"
      kNameFree,  // GET key is nil or == value (the caller's own hold), else "name_taken"
      // GET key (nil = 0) == value, else "counter"; once every guard passed, key becomes
      // value + 1. A counter read before deciding (a serial) is spent only by the commit that
      // used it, so the read and the increment need no extra round trip.
      kCounter,
      // HEXISTS key value == 0 (value names a field), else "exists": a permanent per-item record
      // such as audit's ce-id index.
      kFieldAbsent,
    } kind;
    std::string key;
    std::string value;
    std::string label;
  };
  std::vector<Guard> guards;

  struct HashWrite {
    std::string key;
    std::vector<std::string> fields;  // field, value, field, value, ...
  };
  std::vector<HashWrite> hashes;  // HSET (whole entity: every field is always written)
  struct Set {
    std::string key, value;
    int64_t expire_at_ms = 0;  // 0: no expiry
  };
  std::vector<Set> sets;
  struct DelIf {
    std::string key, value;  // DEL key when GET key == value
  };
  std::vector<DelIf> dels_if;
  struct ZOp {
    std::string key;
    std::string member;
    std::string score;  // empty: ZREM, else ZADD with this score
  };
  std::vector<ZOp> zops;
  struct SAdd {
    std::string key, member;
  };
  std::vector<SAdd> sadds;
  // HINCRBY key field amount: a projection's running sum, applied exactly once because the
  // router's inbox and version gate commit in the same script.
  struct HIncr {
    std::string key, field;
    int64_t amount = 0;
  };
  std::vector<HIncr> hincrs;

  std::string outbox_key;
  std::vector<outbox::OutboxEvent> events;
};

// Builds KEYS and ARGV for the mutate script: KEYS[1] is the idempotency record, ARGV starts with
// the response and its TTL, then one op per guard and write (see MutateScript for the layout).
void EncodeMutation(const Mutation& m, std::vector<std::string>& keys,
                    std::vector<std::string>& argv);

// The Lua source of the generic mutate script (embeds the outbox append), and the name RunMutation
// calls it by: a service adds it to its registry with AddMutateScript.
inline constexpr const char* kMutateScript = "mutate";
std::string MutateScript();
void AddMutateScript(ScriptRegistry& scripts);

// What a command's commit did.
struct CommandOutcome {
  enum class Kind { kApplied, kReplayed } kind = Kind::kApplied;
  std::string replayed_response;  // kReplayed: the serialized response of the first call
};

// A guard that refused, as the script reported it: `kind` is "version", "not_found", "exists",
// "name_taken" or "counter"; `detail` the value found (current version, name holder, counter);
// `label` the guard's label.
struct Refusal {
  std::string kind, detail, label;
};
// A service's own wording for some refusals (e.g. a rule ID for a name conflict); nullopt keeps
// the platform's.
using RefusalWording = std::function<std::optional<Error>(const Refusal&)>;

// The platform's wording: version → ABORTED, not_found → NOT_FOUND, exists/name_taken →
// ALREADY_EXISTS, counter → ABORTED (a concurrent command spent the counter: run again).
Error DescribeRefusal(const Refusal& r);
// The words of a counter refusal, and whether an error is one: the command read a counter a
// concurrent command spent, so running it again (a bounded number of times) can succeed, unlike a
// stale version, which the client must read again.
inline constexpr const char* kCounterConflict = "counter changed by a concurrent command";
bool IsCounterConflict(const Error& e);

// Interprets a mutate script reply: {'ok'} | {'dup', first_response} | {'err', kind, detail,
// label}. `what` names the command in errors that carry no label.
Result<CommandOutcome> InterpretMutationReply(const Value& reply, const std::string& what,
                                              const RefusalWording& wording = nullptr);

// Runs `m` in one EVALSHA. Throws RedisUnavailable when Redis cannot be reached.
Result<CommandOutcome> RunMutation(Redis& redis, const ScriptRegistry& scripts, const Mutation& m,
                                   const std::string& what,
                                   const RefusalWording& wording = nullptr);

}  // namespace socgov::store
