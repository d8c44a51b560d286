// What party building's use cases share (as supervision's app/support.h): request checks, the
// jurisdiction rule, events.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "party_building/app is not visible from the domain and store layers"
#endif

#include <google/protobuf/message.h>

#include <string>
#include <vector>

#include "party_building/store/party_building_store.h"
#include "platform/auth/access.h"
#include "platform/auth/token.h"
#include "platform/outbox/outbox.h"
#include "platform/store/command.h"
#include "platform/util/dates.h"
#include "platform/util/error.h"
#include "socgov/common/v1/common.pb.h"

namespace socgov::party_building {

using store::Answer;
using store::CheckedReplay;

inline constexpr const char* kContext = "party_building";

using auth::CheckRead;
using auth::CheckWrite;
using store::ValidateRequestId;
// The caller's idempotency key of a request id.
inline std::string IdemOf(const auth::Principal& who, const std::string& request_id) {
  return store::IdempotencyKey(who.subject, request_id);
}
using socgov::DayOrToday;
using store::ValidateId;
void SetActor(const auth::Principal& who, ::socgov::common::v1::Actor* out);

outbox::OutboxEvent MakeEvent(const google::protobuf::Message& body, const std::string& authority,
                              const std::string& aggregate, const std::string& event,
                              const std::string& aggregate_id, std::int64_t version,
                              const std::string& jurisdiction, const std::string& actor,
                              TimePoint now);

}  // namespace socgov::party_building
