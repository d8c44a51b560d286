#include "party_building/app/support.h"

#include "platform/auth/scope.h"
#include "platform/outbox/event.h"

namespace socgov::party_building {

void SetActor(const auth::Principal& who, ::socgov::common::v1::Actor* out) {
  out->set_subject(who.subject);
  for (const auto& r : who.roles) out->add_roles(r);
  out->set_jurisdiction(who.jurisdiction);
}

outbox::OutboxEvent MakeEvent(const google::protobuf::Message& body, const std::string& authority,
                              const std::string& aggregate, const std::string& event,
                              const std::string& aggregate_id, std::int64_t version,
                              const std::string& jurisdiction, const std::string& actor,
                              TimePoint now) {
  return outbox::MakeEvent(body, {kContext, "party-building", authority},
                           {aggregate, event, aggregate_id, version, jurisdiction, actor}, now);
}

}  // namespace socgov::party_building
