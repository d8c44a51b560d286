// What registration's use cases share beyond the platform's command kit
// (platform/store/command.h): the actor of a principal and the read of a command's target.
#pragma once

// Layer rule, enforced by the build (services/registration/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "registration/app is not visible from the domain and store layers"
#endif

#include <string>

#include "platform/auth/token.h"
#include "platform/store/command.h"
#include "platform/util/error.h"
#include "registration/domain/types.h"
#include "registration/store/registration_store.h"

namespace socgov::registration {

using store::Answer;
using store::Answered;
using store::CheckedReplay;
using store::Replay;

inline Actor ToActor(const auth::Principal& p) { return Actor{p.subject, p.roles, p.jurisdiction}; }

// The caller's idempotency key of a request id (platform/store/command.h).
inline std::string IdempotencyKey(const auth::Principal& who, const std::string& request_id) {
  return store::IdempotencyKey(who.subject, request_id);
}

// What a command read about its target: a replay of its request id (checked to answer the same
// target), the target's stored hash (empty when it does not exist) and the replies of the extra
// reads, all in one round trip.
template <typename Response>
struct TargetRead {
  std::optional<Result<Response>> replay;
  std::vector<std::string> entity;
  std::vector<store::Value> extra;
};

// One round trip: the stored response of (rpc, idem), the hash at `entity_key` and `extra` reads.
// `target_of` extracts from a stored response the id it answered for, compared with `target_id`.
template <typename Response, typename TargetOf>
TargetRead<Response> ReadTarget(RegistrationStore& store, const char* rpc, const std::string& idem,
                                const std::string& entity_key, const std::string& target_id,
                                TargetOf target_of,
                                std::vector<std::vector<std::string>> extra = {}) {
  extra.insert(extra.begin(), {"HGETALL", entity_key});
  auto read = store.ReadForCommand(rpc, idem, extra);
  TargetRead<Response> out{
      CheckedReplay<Response>(read.prior, target_id, target_of), store::FlatHash(read.rows[0]), {}};
  out.extra.assign(std::make_move_iterator(read.rows.begin() + 1),
                   std::make_move_iterator(read.rows.end()));
  return out;
}

// The serial a counter read (GET, nil = 0) names, and the one a commit that spends it uses.
struct SerialRead {
  std::string current;  // as read, for the counter guard
  uint64_t next = 0;    // current + 1
};
Result<SerialRead> ParseSerial(const store::Value& v);

// Runs a serial-spending command `attempt(reserved)`: first with the serial read in the command's
// own read round trip (reserved = nullopt; its commit guards the counter). When a concurrent
// command spent that serial, once more with a serial reserved by INCR (reserved set, no counter
// guard): one round trip more under contention, never an ABORTED, and a commit that then fails
// leaves a gap in the serials, never a duplicate.
template <typename Attempt>
auto WithSerial(RegistrationStore& store, Attempt attempt)
    -> decltype(attempt(std::optional<uint64_t>())) {
  auto r = attempt(std::optional<uint64_t>());
  if (r.ok() || !store::IsCounterConflict(r.error())) return r;
  return attempt(std::optional<uint64_t>(store.ReserveSerial()));
}

}  // namespace socgov::registration
