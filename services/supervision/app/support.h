// What supervision's use cases share: request checks, the jurisdiction rule, events, and the
// credit side effect many commands carry (a listable event recorded in the same mutation, with the
// list changes it makes published as facts).
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "supervision/app is not visible from the domain and store layers"
#endif

#include <google/protobuf/message.h>

#include <string>
#include <vector>

#include "platform/auth/access.h"
#include "platform/auth/token.h"
#include "platform/outbox/outbox.h"
#include "platform/store/command.h"
#include "platform/util/dates.h"
#include "platform/util/error.h"
#include "socgov/common/v1/common.pb.h"
#include "supervision/domain/credit_account.h"
#include "supervision/store/supervision_store.h"

namespace socgov::supervision {

using store::Answer;
using store::CheckedReplay;

inline constexpr const char* kContext = "supervision";

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

// The credit account read with a command (HGETALL reply): the stored account, or a new one.
Result<CreditAccount> AccountOf(const store::Value& row, const std::string& organization_id,
                                const std::string& jurisdiction);

// Adds to `m` the recording of `event` on `account` (read at its version): the guard, the
// account, the list indexes and the events of the list changes. Returns the account after.
Result<CreditAccount> AddCreditEvent(Mutation& m, const CreditAccount& account,
                                     const CreditEvent& event, const std::string& source,
                                     const auth::Principal& who, const std::string& authority,
                                     TimePoint now);
// Adds the commit of `after` (changed from `before`): guard, account, indexes, change events.
// Returns `after` at the version it is stored with (one version per published change).
CreditAccount AddCreditWrite(Mutation& m, const CreditAccount& before, const CreditAccount& after,
                             const std::string& cause, const auth::Principal& who,
                             const std::string& authority, TimePoint now);

}  // namespace socgov::supervision
