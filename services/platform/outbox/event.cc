#include "platform/outbox/event.h"

#include "platform/util/uuid.h"

namespace socgov::outbox {

OutboxEvent MakeEvent(const google::protobuf::Message& body, const EventSource& source,
                      const EventFacts& facts, TimePoint now) {
  OutboxEvent e;
  e.id = NewUuidV7(now);
  e.type = CeType(source.context, facts.aggregate, facts.event);
  e.source = "/socgov/" + source.authority + "/" + source.service;
  e.subject = facts.aggregate_id;
  e.time = FormatRfc3339(now);
  e.dataschema = body.GetDescriptor()->full_name();
  e.sequence = facts.version;
  e.jurisdiction = facts.jurisdiction;
  e.actor = facts.actor;
  e.nats_subject = Subject(facts.jurisdiction, source.context, facts.aggregate, facts.event);
  body.SerializeToString(&e.data);
  return e;
}

}  // namespace socgov::outbox
