#include "party_building/app/support.h"

#include "platform/auth/scope.h"
#include "platform/outbox/event.h"

namespace socgov::party_building {

Status ValidateRequestId(const std::string& request_id) {
  if (request_id.empty()) return Error::InvalidArgument("request_id", "required (idempotency key)");
  if (request_id.size() > 128)
    return Error::InvalidArgument("request_id", "longer than 128 characters");
  for (char c : request_id)
    if (c < 0x21 || c > 0x7e)
      return Error::InvalidArgument("request_id", "only printable ASCII without spaces");
  return std::nullopt;
}

Status CheckWrite(const auth::Principal& who, const std::string& jurisdiction) {
  if (who.jurisdiction == jurisdiction) return std::nullopt;
  if (who.HasRole("admin") && auth::JurisdictionCovers(who.jurisdiction, jurisdiction))
    return std::nullopt;
  return Error::PermissionDenied("caller of jurisdiction " + who.jurisdiction +
                                 " may not write records of jurisdiction " + jurisdiction);
}

Status CheckRead(const auth::Principal& who, const std::string& jurisdiction) {
  if (auth::JurisdictionCovers(who.jurisdiction, jurisdiction)) return std::nullopt;
  return Error::PermissionDenied("caller of jurisdiction " + who.jurisdiction +
                                 " may not read records of jurisdiction " + jurisdiction);
}

Result<Date> DayOrToday(const char* field, const std::string& text, Date today) {
  if (text.empty()) return today;
  auto d = ParseDateField(field, text);
  if (!d.ok()) return d.error();
  if (*d > today) return Error::InvalidArgument(field, "must not be in the future");
  return *d;
}

Status ValidateOrgId(const char* field, const std::string& id) {
  if (id.empty()) return Error::InvalidArgument(field, "required");
  if (id.size() > 64) return Error::InvalidArgument(field, "longer than 64 characters");
  for (char c : id)
    if (c < 0x21 || c > 0x7e || c == ':')
      return Error::InvalidArgument(field, "only printable ASCII without spaces or ':'");
  return std::nullopt;
}

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
