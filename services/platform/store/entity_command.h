// The two shapes of a command on an entity with an id and a version, shared by the services:
// create one under a fresh serial id (`<authority>-<prefix><serial>`), and change one the caller
// read at a version. Both read once, decide with the service's pure domain, and commit one mutation
// carrying the idempotency record and the events the decision adds. `Store` is the service's store:
// ReadForCommand, Mutate and Increment, and the static IdemKey(rpc, key), SerialKey(kind) and
// kOutbox that name its keys.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/auth/access.h"
#include "platform/store/command.h"

namespace socgov::store {

inline std::string EntityAnswered(const std::string& what, const std::string& id,
                                  std::int64_t version) {
  return what + " " + id + " (version " + std::to_string(version) + ")";
}

// Creates an entity: `make(id, m)` builds it from a new id (`<authority>-<prefix><serial>`)
// and adds its events to `m`; the entity is stored at `key_of(id)` and indexed in `index`.
template <typename Entity, typename Response, typename Store, typename Make, typename Encode,
          typename ToProto>
Result<Response> CreateEntity(Store& store, const auth::Principal& who, const char* rpc,
                              const std::string& request_id, const std::string& authority,
                              const std::string& kind, const std::string& prefix,
                              std::string (*key_of)(const std::string&), const char* index,
                              Make make, Encode encode, ToProto to_proto) {
  if (auto err = ValidateRequestId(request_id)) return *err;
  const std::string idem = IdempotencyKey(who.subject, request_id);
  auto read = store.ReadForCommand(rpc, idem, {});
  if (read.prior) return Replay<Response>(*read.prior);
  auto serial = store.Increment(Store::SerialKey(kind));
  if (!serial.ok()) return serial.error();
  const std::string id = authority + "-" + prefix + std::to_string(*serial);
  Mutation m;
  m.idem_key = Store::IdemKey(rpc, idem);
  m.outbox_key = Store::kOutbox;
  Result<Entity> entity = make(id, m);
  if (!entity.ok()) return entity.error();
  m.guards.insert(m.guards.begin(),
                  {Mutation::Guard::Kind::kAbsent, key_of(id), "", kind + " " + id});
  m.hashes.insert(m.hashes.begin(), {key_of(id), encode(*entity)});
  m.zops.push_back({index, id, std::to_string(*serial)});
  const Response response = to_proto(*entity);
  m.response = response.SerializeAsString();
  return Answer(store.Mutate(m, kind + " " + id), response);
}

// Changes the entity at `key_of(id)` read at `version`: `decide(before, extra_rows, m)` returns it
// after and adds events and further writes to `m`. NOT_FOUND, PERMISSION_DENIED (the entity's
// jurisdiction), a replay of the same request, ABORTED for a stale version.
template <typename Entity, typename Response, typename Store, typename Decode, typename Encode,
          typename JurisdictionOf, typename ToProto, typename Decide>
Result<Response> UpdateEntity(Store& store, const auth::Principal& who, const char* rpc,
                              const std::string& request_id, const std::string& kind,
                              const std::string& id, std::int64_t version,
                              std::string (*key_of)(const std::string&), Decode decode,
                              Encode encode, JurisdictionOf jurisdiction_of, ToProto to_proto,
                              std::vector<std::vector<std::string>> extra, Decide decide) {
  if (auto err = ValidateRequestId(request_id)) return *err;
  if (auto err = ValidateId((kind + "_id").c_str(), id)) return *err;
  const std::string idem = IdempotencyKey(who.subject, request_id);
  const std::string key = key_of(id);
  extra.insert(extra.begin(), {"HGETALL", key});
  auto read = store.ReadForCommand(rpc, idem, extra);
  const auto hash = store::FlatHash(read.rows[0]);
  if (hash.empty()) return Error::NotFound(kind + " " + id + " not found");
  Result<Entity> before = decode(hash);
  if (!before.ok()) return before.error();
  if (auto err = auth::CheckWrite(who, jurisdiction_of(*before))) return *err;
  const std::string target = EntityAnswered(kind, id, version + 1);
  auto target_of = [&kind](const Response& r) { return EntityAnswered(kind, r.id(), r.version()); };
  if (auto replay = CheckedReplay<Response>(read.prior, target, target_of)) return *replay;
  if (version != before->version)
    return Error::Aborted(kind + " version " + std::to_string(version) + " is stale (current " +
                          std::to_string(before->version) + ")");
  Mutation m;
  m.idem_key = Store::IdemKey(rpc, idem);
  m.outbox_key = Store::kOutbox;
  const std::vector<store::Value> rows(read.rows.begin() + 1, read.rows.end());
  Result<Entity> after = decide(*before, rows, m);
  if (!after.ok()) return after.error();
  m.guards.insert(m.guards.begin(), {Mutation::Guard::Kind::kVersion, key,
                                     std::to_string(before->version), kind + " " + id});
  m.hashes.insert(m.hashes.begin(), {key, encode(*after)});
  const Response response = to_proto(*after);
  m.response = response.SerializeAsString();
  return Answer(store.Mutate(m, kind + " " + id), response, target, target_of);
}

}  // namespace socgov::store
