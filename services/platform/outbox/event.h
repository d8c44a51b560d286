// Builds the outbox entry of a domain event with the CloudEvents fields of architecture.md §3, so
// every service makes its events the same way: ce-id a UUIDv7 made now, ce-type
// cn.socgov.<context>.<aggregate>.<event>.v1, ce-source /socgov/<authority>/<service>, ce-subject
// the aggregate id, ce-sequence its version, ce-dataschema the message's full name. Its own
// target (socgov_events) because it needs protobuf, which the bus library does not.
#pragma once

#include <google/protobuf/message.h>

#include <cstdint>
#include <string>

#include "platform/outbox/outbox.h"
#include "platform/util/clock.h"

namespace socgov::outbox {

// Who emits: the service and the registration authority (deployment) it runs for.
struct EventSource {
  std::string context;    // "registration": the subject's and ce-type's context token
  std::string service;    // "registration": the last segment of ce-source
  std::string authority;  // 6-digit code of the deployment: ce-source's middle segment
};

// One event of an aggregate.
struct EventFacts {
  std::string aggregate;     // "application"
  std::string event;         // "approved" (past tense)
  std::string aggregate_id;  // ce-subject
  int64_t version = 0;       // ce-sequence: the aggregate's version after the change
  std::string jurisdiction;  // owner of the aggregate (subject tokens, ce-jurisdiction)
  std::string actor;         // token subject of who caused it
};

OutboxEvent MakeEvent(const google::protobuf::Message& body, const EventSource& source,
                      const EventFacts& facts, TimePoint now);

}  // namespace socgov::outbox
