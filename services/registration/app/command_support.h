// Small helpers every registration use case shares (idempotency keys, replays, actors).
#pragma once

#include <string>

#include "platform/auth/token.h"
#include "platform/util/error.h"
#include "registration/domain/types.h"

namespace socgov::registration {

inline Actor ToActor(const auth::Principal& p) { return Actor{p.subject, p.roles, p.jurisdiction}; }

// Request ids are chosen by clients, so two callers may pick the same one: the idempotency record
// is kept per caller, and a replay is only returned after the caller passed the same checks.
// Length-prefixed so that no (subject, request id) pair can spell another's key.
inline std::string IdempotencyKey(const auth::Principal& who, const std::string& request_id) {
  return std::to_string(who.subject.size()) + ":" + who.subject + ":" + request_id;
}

template <typename Response>
Result<Response> Replay(const std::string& bytes) {
  Response r;
  if (!r.ParseFromString(bytes))
    return Error::Internal("stored response for request id is unreadable");
  return r;
}

// A stored response answers only the request it was made for: the same request id reused for
// another target is a client error, not a replay.
inline Status CheckSameTarget(const std::string& replayed_id, const std::string& requested_id) {
  if (replayed_id == requested_id) return std::nullopt;
  return Error::InvalidArgument("request_id", "already used by this caller for " + replayed_id);
}

}  // namespace socgov::registration
