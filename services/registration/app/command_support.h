// Small helpers every registration use case shares (idempotency keys, replays, actors).
#pragma once

#include <string>

#include "platform/auth/token.h"
#include "platform/util/error.h"
#include "registration/domain/types.h"
#include "registration/store/registration_store.h"

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

// "<id> (version N)": the entity and version a stored response answered, so that a request id
// reused for another transition of the same entity is not taken for a replay.
inline std::string Answered(const std::string& id, int64_t version) {
  return id + " (version " + std::to_string(version) + ")";
}

// A stored response answers only the request it was made for: the same request id reused for
// another target is a client error, not a replay.
inline Status CheckSameTarget(const std::string& replayed_id, const std::string& requested_id) {
  if (replayed_id == requested_id) return std::nullopt;
  return Error::InvalidArgument("request_id", "already used by this caller for " + replayed_id);
}

// What a command read about its target: a replay of its request id (checked to answer the same
// target), or the target's stored hash (empty when it does not exist).
template <typename Response>
struct TargetRead {
  std::optional<Result<Response>> replay;
  std::vector<std::string> entity;
};

// A stored response of (rpc, idem), checked to answer `target_id`; nullopt when the request id is
// new. `target_of` extracts from a stored response the id it answered for.
template <typename Response, typename TargetOf>
std::optional<Result<Response>> CheckedReplay(const std::optional<std::string>& prior,
                                              const std::string& target_id, TargetOf target_of) {
  if (!prior) return std::nullopt;
  auto replay = Replay<Response>(*prior);
  if (replay.ok())
    if (auto err = CheckSameTarget(target_of(*replay), target_id)) return Result<Response>(*err);
  return replay;
}

template <typename Response, typename TargetOf>
std::optional<Result<Response>> PriorReplay(RegistrationStore& store, const char* rpc,
                                            const std::string& idem, const std::string& target_id,
                                            TargetOf target_of) {
  return CheckedReplay<Response>(store.PriorResponse(rpc, idem), target_id, target_of);
}

// One round trip: the stored response of (rpc, idem) and the hash at `entity_key`. `target_of`
// extracts from a stored response the id it answered for, compared with `target_id`.
template <typename Response, typename TargetOf>
TargetRead<Response> ReadTarget(RegistrationStore& store, const char* rpc, const std::string& idem,
                                const std::string& entity_key, const std::string& target_id,
                                TargetOf target_of) {
  auto read = store.ReadForCommand(rpc, idem, entity_key);
  return {CheckedReplay<Response>(read.prior, target_id, target_of), std::move(read.entity)};
}

// Runs the mutation; answers `response`, or the first response when the request id raced with
// an identical request.
template <typename Response>
Result<Response> Commit(RegistrationStore& store, const Mutation& m, const std::string& what,
                        Response response) {
  auto out = store.Mutate(m, what);
  if (!out.ok()) return out.error();
  if (out->kind == CommandOutcome::Kind::kReplayed) return Replay<Response>(out->replayed_response);
  return response;
}

}  // namespace socgov::registration
