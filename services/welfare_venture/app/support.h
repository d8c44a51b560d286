// What the welfare-venture use cases share (as party building's app/support.h): request checks,
// the jurisdiction rule, the entity command shapes, events and the enum mappings.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "welfare_venture/app is not visible from the domain and store layers"
#endif

#include <google/protobuf/message.h>

#include <optional>
#include <string>
#include <vector>

#include "platform/auth/access.h"
#include "platform/auth/token.h"
#include "platform/outbox/outbox.h"
#include "platform/store/command.h"
#include "platform/store/entity_command.h"
#include "platform/util/dates.h"
#include "platform/util/error.h"
#include "socgov/common/v1/common.pb.h"
#include "socgov/welfare_venture/v1/welfare_venture.pb.h"
#include "welfare_venture/store/welfare_venture_store.h"

namespace socgov::welfare_venture {

inline constexpr const char* kContext = "welfare_venture";

using auth::CheckRead;
using auth::CheckWrite;
using socgov::DayOrToday;
using store::CreateEntity;
using store::UpdateEntity;
using store::ValidateId;
using store::ValidateRequestId;

void SetActor(const auth::Principal& who, ::socgov::common::v1::Actor* out);

outbox::OutboxEvent MakeEvent(const google::protobuf::Message& body, const std::string& authority,
                              const std::string& aggregate, const std::string& event,
                              const std::string& aggregate_id, std::int64_t version,
                              const std::string& jurisdiction, const std::string& actor,
                              TimePoint now);

// A day field that may be empty (nullopt); kInvalidArgument naming it when malformed.
Result<std::optional<Date>> OptionalDate(const char* field, const std::string& text);
std::string DateText(const std::optional<Date>& d);

// Proto enum ↔ domain enum (proto = domain + 1). kInvalidArgument naming `field` when unset or
// unknown.
Result<Category> CategoryOf(const char* field, int proto_value);
Result<Panel> PanelOf(const char* field, int proto_value);
Result<TrancheGate> GateOf(const char* field, int proto_value);

// A text field: required (unless `optional`), at most `max` bytes; the message names the field
// and the limit, never the text.
Status CheckText(const char* field, const std::string& text, size_t max, bool required = true);

}  // namespace socgov::welfare_venture
