// What registration's use cases share beyond the platform's command kit
// (platform/store/command.h): the actor of a principal, the jurisdiction checks, the one read of
// a command's target and the commit of a command that spends a serial.
#pragma once

// Layer rule, enforced by the build (services/registration/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "registration/app is not visible from the domain and store layers"
#endif

#include <string>

#include "platform/auth/access.h"
#include "platform/auth/token.h"
#include "platform/store/command.h"
#include "platform/util/error.h"
#include "registration/app/commands.h"
#include "registration/domain/types.h"
#include "registration/store/registration_store.h"
#include "socgov/registration/v1/registration_service.pb.h"

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

// Registrars act for their own registration authority; an admin may act anywhere within scope
// (architecture.md §5). Reading needs only a covering jurisdiction.
using auth::CheckRead;
using auth::CheckWrite;

inline const std::string& JurisdictionOf(const Application& a) { return a.profile.jurisdiction; }
inline const std::string& JurisdictionOf(const Organization& o) { return o.profile.jurisdiction; }
inline const std::string& JurisdictionOf(const ChangeApplication& c) { return c.jurisdiction; }
inline const std::string& JurisdictionOf(const ReviewCase& r) { return r.jurisdiction; }

// What a stored response answered, for responses that are the entity itself.
template <typename Response>
std::string AnsweredOf(const Response& r) {
  return Answered(r.id(), r.version());
}

// What a command read about its target in its one read round trip: the entity, the replay of its
// request id (checked to answer the same target) and the replies of the extra reads.
template <typename Entity, typename Response>
struct Target {
  Entity entity;
  std::optional<Result<Response>> replay;
  std::vector<store::Value> extra;
};

// One round trip: the stored response of (rpc, idem), the hash at `key` and `extra` reads.
// NOT_FOUND ("<what> not found") when the hash is missing, the decoder's error for a
// damaged record, PERMISSION_DENIED when `who` may not write its jurisdiction: a replay is only
// returned to a caller who passes the same checks. `target_of` extracts from a stored response
// the id it answered for, compared with `target_id`.
template <typename Response, typename Entity, typename TargetOf>
Result<Target<Entity, Response>> ReadTarget(
    RegistrationStore& store, const auth::Principal& who, const char* rpc, const std::string& idem,
    const std::string& key, const std::string& what,
    Result<Entity> (*decode)(const std::vector<std::string>&), const std::string& target_id,
    TargetOf target_of, std::vector<std::vector<std::string>> extra = {}) {
  extra.insert(extra.begin(), {"HGETALL", key});
  auto read = store.ReadForCommand(rpc, idem, extra);
  const auto hash = store::FlatHash(read.rows[0]);
  if (hash.empty()) return Error::NotFound(what + " not found");
  auto entity = decode(hash);
  if (!entity.ok()) return entity.error();
  if (auto err = CheckWrite(who, JurisdictionOf(*entity))) return *err;
  Target<Entity, Response> out{
      std::move(entity).value(), CheckedReplay<Response>(read.prior, target_id, target_of), {}};
  out.extra.assign(std::make_move_iterator(read.rows.begin() + 1),
                   std::make_move_iterator(read.rows.end()));
  return out;
}

// The application a stored response answered: the response itself, or its `application`.
inline const v1::Application& ApplicationOf(const v1::Application& a) { return a; }
template <typename Response>
const v1::Application& ApplicationOf(const Response& r) {
  return r.application();
}

// What a stored response of an application command answered: the application at the version it
// made (one request id reused for two transitions of an application is not a replay).
inline std::string ApplicationAnswered(const std::string& id, int64_t version) {
  return "application " + Answered(id, version);
}
template <typename Response>
std::string ApplicationAnsweredOf(const Response& r) {
  return ApplicationAnswered(ApplicationOf(r).id(), ApplicationOf(r).version());
}

// ReadTarget for a command on an application, its replay checked with ApplicationAnswered.
template <typename Response>
Result<Target<Application, Response>> ReadApplicationTarget(
    RegistrationStore& store, const auth::Principal& who, const char* rpc, const std::string& idem,
    const app::ApplicationTarget& in, std::vector<std::vector<std::string>> extra = {}) {
  return ReadTarget<Response>(store, who, rpc, idem, keys::App(in.application_id),
                              "application " + in.application_id, DecodeApplication,
                              ApplicationAnswered(in.application_id, in.version + 1),
                              ApplicationAnsweredOf<Response>, std::move(extra));
}

// The serial a command spends: read with its target (the counter guard then checks that no one
// spent it meanwhile), or reserved (INCR: it is this command's alone, so no guard is needed).
struct SerialRead {
  std::string current;  // the counter as read, for the guard; empty when reserved
  uint64_t next = 0;    // the serial to use: current + 1, or the reserved one
  bool reserved = false;
};
Result<SerialRead> ParseSerial(const store::Value& v);
// The counter guard of `serial` (none for a reserved one).
void AddSerialGuard(Mutation& m, const SerialRead& serial, const std::string& label);

// Commits a command that spends a serial: `commit(serial)` builds and runs its mutation with
// AddSerialGuard. The first commit uses the serial read with the target (one read, one commit).
// When a concurrent command spent it first, optimism would lose again under load (many filings at
// once all read the same counter), so the second commit uses a reserved serial: at most one
// more round trip and one more commit, and a serial is lost only when that commit fails for
// another reason.
template <typename Commit>
auto CommitWithSerial(RegistrationStore& store, const store::Value& first_read, Commit commit)
    -> decltype(commit(SerialRead{})) {
  auto serial = ParseSerial(first_read);
  if (!serial.ok()) return serial.error();
  auto first = commit(*serial);
  if (first.ok() || !store::IsCounterConflict(first.error())) return first;
  auto reserved = store.ReserveSerial();
  if (!reserved.ok()) return reserved.error();
  return commit(SerialRead{"", *reserved, true});
}

}  // namespace socgov::registration
