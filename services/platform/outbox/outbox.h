// The transactional outbox. A service's command script appends its events to the service's outbox
// stream (XADD) in the same EVALSHA that writes state, so an event exists exactly when its change
// committed. OutboxEvent is the C++ side; kOutboxLua is the Lua side every command script embeds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/util/clock.h"

namespace socgov::outbox {

// One event as written to the outbox and published with CloudEvents headers.
struct OutboxEvent {
  std::string id;            // ce-id, UUIDv7, made when the entry is written
  std::string type;          // ce-type, cn.socgov.<context>.<aggregate>.<event>.v1
  std::string source;        // ce-source, /socgov/<jurisdiction>/<service>
  std::string subject;       // ce-subject, aggregate id
  std::string time;          // ce-time, RFC 3339
  std::string dataschema;    // ce-dataschema, full protobuf message name
  int64_t sequence = 0;      // ce-sequence, aggregate version after the change
  std::string jurisdiction;  // ce-jurisdiction extension: owner of the aggregate
  std::string actor;         // ce-actor extension: token subject of who caused it
  std::string nats_subject;  // socgov.v1.<city6>.<district6|_>.<context>.<aggregate>.<event>
  std::string data;          // serialized protobuf event
};

// Appends the events to ARGV for a command script: a count, then 11 values per event in the
// order of OutboxEvent's fields. The script passes its ARGV offset to outbox_append.
void AppendScriptArgs(const std::vector<OutboxEvent>& events, std::vector<std::string>& argv);

// Field names used in the outbox stream entries (the relay reads them back).
std::vector<std::string> FieldNames();

// Lua: `outbox_append(stream_key, first_argv_index)` XADDs each event; returns the next ARGV index.
// Prepend to every command script that emits events.
extern const char* const kOutboxLua;

// NATS subject for an event: jurisdiction 350211 → socgov.v1.350200.350211.<context>.<agg>.<event>;
// a city or province code uses "_" for the district token.
std::string Subject(const std::string& jurisdiction, const std::string& context,
                    const std::string& aggregate, const std::string& event);
// ce-type: cn.socgov.<context>.<aggregate>.<event>.v1
std::string CeType(const std::string& context, const std::string& aggregate,
                   const std::string& event);

}  // namespace socgov::outbox
