// The idempotency side of a command (architecture.md §3: a repeated request_id returns the first
// result and changes nothing), shared by every service: the per-caller key, replays of stored
// responses checked to answer the same target, the command's one read round trip and the answer
// of its commit. Templated on the response type (a protobuf message: ParseFromString).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "platform/store/mutation.h"
#include "platform/store/redis.h"
#include "platform/util/error.h"

namespace socgov::store {

// A request id (idempotency key) as every mutating request carries it: 1 to 128 printable ASCII
// characters without spaces; INVALID_ARGUMENT naming request_id otherwise.
Status ValidateRequestId(const std::string& request_id);

// An entity id as a request field (an organization, case, plan, ...): 1 to 64 printable ASCII
// characters without spaces or ':' (ids are parts of keys); INVALID_ARGUMENT naming `field`.
Status ValidateId(const char* field, const std::string& id);

// Request ids are chosen by clients, so two callers may pick the same one: the idempotency record
// is kept per caller, and a replay is only returned after the caller passed the same checks.
// Length-prefixed so that no (subject, request id) pair can spell another's key.
inline std::string IdempotencyKey(const std::string& subject, const std::string& request_id) {
  return std::to_string(subject.size()) + ":" + subject + ":" + request_id;
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

// A stored response, checked to answer `target_id`; nullopt when the request id is new.
// `target_of` extracts from a stored response the id it answered for.
template <typename Response, typename TargetOf>
std::optional<Result<Response>> CheckedReplay(const std::optional<std::string>& prior,
                                              const std::string& target_id, TargetOf target_of) {
  if (!prior) return std::nullopt;
  auto replay = Replay<Response>(*prior);
  if (replay.ok())
    if (auto err = CheckSameTarget(target_of(*replay), target_id)) return Result<Response>(*err);
  return replay;
}

// What a command reads before deciding, in one round trip: the stored response of its request id
// (a replay) and the replies of `reads` (the entities it decides on, a counter, ...), in order.
struct CommandRead {
  std::optional<std::string> prior;
  std::vector<Value> rows;
};
CommandRead ReadForCommand(Redis& redis, const std::string& idem_key,
                           const std::vector<std::vector<std::string>>& reads);

// A HGETALL reply as field, value, field, value, ... (empty when the key does not exist).
std::vector<std::string> FlatHash(const Value& v);

// The answer of a commit: `response`, or the first response when the request id raced with an
// identical request.
template <typename Response>
Result<Response> Answer(const Result<CommandOutcome>& out, Response response) {
  if (!out.ok()) return out.error();
  if (out->kind == CommandOutcome::Kind::kReplayed) return Replay<Response>(out->replayed_response);
  return response;
}

// As Answer, with a raced first response checked to answer `target_id` (CheckedReplay).
template <typename Response, typename TargetOf>
Result<Response> Answer(const Result<CommandOutcome>& out, Response response,
                        const std::string& target_id, TargetOf target_of) {
  if (!out.ok()) return out.error();
  if (out->kind == CommandOutcome::Kind::kReplayed)
    return *CheckedReplay<Response>(out->replayed_response, target_id, target_of);
  return response;
}

}  // namespace socgov::store
