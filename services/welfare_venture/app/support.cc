#include "welfare_venture/app/support.h"

#include "platform/outbox/event.h"

namespace socgov::welfare_venture {

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
  return outbox::MakeEvent(body, {kContext, "welfare-venture", authority},
                           {aggregate, event, aggregate_id, version, jurisdiction, actor}, now);
}

Result<std::optional<Date>> OptionalDate(const char* field, const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  auto d = ParseDateField(field, text);
  if (!d.ok()) return d.error();
  return std::optional<Date>(*d);
}

std::string DateText(const std::optional<Date>& d) { return d ? FormatDate(*d) : std::string(); }

Result<Category> CategoryOf(const char* field, int v) {
  if (v < 1 || v > 5)
    return Error::InvalidArgument(field,
                                  "required: ELDERLY, DISABLED, CHILDREN_YOUTH, RELIEF or "
                                  "OTHER");
  return static_cast<Category>(v - 1);
}

Result<Panel> PanelOf(const char* field, int v) {
  if (v < 1 || v > 3) return Error::InvalidArgument(field, "required: EXPERT, PUBLIC or DEFENCE");
  return static_cast<Panel>(v - 1);
}

Result<TrancheGate> GateOf(const char* field, int v) {
  if (v < 1 || v > 3) return Error::InvalidArgument(field, "required: CONTRACT, MIDTERM or FINAL");
  return static_cast<TrancheGate>(v - 1);
}

Status CheckText(const char* field, const std::string& text, size_t max, bool required) {
  if (required && text.empty()) return Error::InvalidArgument(field, "is required");
  if (text.size() > max)
    return Error::InvalidArgument(field, "is longer than " + std::to_string(max) + " bytes");
  return std::nullopt;
}

}  // namespace socgov::welfare_venture
