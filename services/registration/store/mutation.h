// A command's writes as data: guards checked first, then writes, the outbox append and the
// idempotency record, all in one EVALSHA of the generic "mutate" script (all or nothing). Every
// lifecycle command builds one Mutation from the entities its pure domain function returned, so a
// new transition needs no new Lua.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/outbox/outbox.h"

namespace socgov::registration {

struct Mutation {
  std::string idem_key;  // full key of the idempotency record
  std::string response;  // serialized response stored under it (and returned on replay)
  // Seconds the idempotency record is kept; 0 keeps it (events from other contexts, whose
  // redelivery has no time limit).
  int64_t idem_ttl_seconds = 30 * 24 * 3600;

  // Guards, all checked before any write. `label` names the entity in error messages.
  struct Guard {
    enum class Kind {
      kVersion,   // HGET key version == value, else "version" (missing key: "not_found")
      kAbsent,    // key does not exist, else "exists"
      kNameFree,  // GET key is nil or == value (the caller's own hold), else "name_taken"
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

  std::string outbox_key;
  std::vector<outbox::OutboxEvent> events;
};

// Builds KEYS and ARGV for the mutate script.
void EncodeMutation(const Mutation& m, std::vector<std::string>& keys,
                    std::vector<std::string>& argv);

}  // namespace socgov::registration
