// Registration's Redis key schema and commands. All keys share the hash tag {reg} so each command
// is one Lua script (state + indexes + idempotency record + outbox events, all or nothing).
//
//   {reg}:app:<id>                  HASH   application fields (see registration_store.cc)
//   {reg}:org:<credit code>         HASH   organization fields
//   {reg}:name:<authority>:<name>   STRING "app:<id>" while applied for, "org:<code>" once
//   registered {reg}:idem:<rpc>:<request_id>   STRING serialized first response (expires after 30
//   days) {reg}:uscc:serial               STRING counter behind credit-code bodies (never reused)
//   {reg}:orgs                      ZSET   all organizations, score = credit-code serial
//   {reg}:orgs:type:<KIND>          ZSET   same, per kind
//   {reg}:orgs:status:<STATUS>      ZSET   same, per status
//   {reg}:outbox                    STREAM outbox entries (platform/outbox)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/outbox/outbox.h"
#include "platform/store/redis.h"
#include "platform/util/error.h"
#include "registration/domain/types.h"

namespace socgov::registration {

inline constexpr const char* kOutboxKey = "{reg}:outbox";

// What a command script did.
struct CommandOutcome {
  enum class Kind { kApplied, kReplayed } kind = Kind::kApplied;
  std::string replayed_response;  // kReplayed: the serialized response of the first call
};

struct OrgFilter {
  OrgKind kind = OrgKind::kUnspecified;
  OrgStatus status = OrgStatus::kUnspecified;
  std::string jurisdiction;  // only organizations within this code (auth::JurisdictionCovers)
};

class RegistrationStore {
 public:
  explicit RegistrationStore(store::RedisPool& pool);
  store::ScriptRegistry& scripts() { return scripts_; }

  // nullopt when the request id was not used yet for this RPC.
  std::optional<std::string> PriorResponse(const std::string& rpc, const std::string& request_id);
  std::optional<Application> LoadApplication(const std::string& id);
  std::optional<Organization> LoadOrganization(const std::string& id);
  uint64_t NextCreditCodeSerial();

  Result<CommandOutcome> Submit(const std::string& request_id, const Application& app,
                                const std::vector<outbox::OutboxEvent>& events,
                                const std::string& response);
  Result<CommandOutcome> Approve(const std::string& request_id, int64_t expected_version,
                                 const Application& app, const Organization& org, uint64_t serial,
                                 const std::vector<outbox::OutboxEvent>& events,
                                 const std::string& response);
  Result<CommandOutcome> Reject(const std::string& request_id, int64_t expected_version,
                                const Application& app,
                                const std::vector<outbox::OutboxEvent>& events,
                                const std::string& response);

  // Organizations after `after_serial` in registration order; returns (serial, org) pairs.
  std::vector<std::pair<uint64_t, Organization>> ListOrganizations(const OrgFilter& filter,
                                                                   uint64_t after_serial,
                                                                   size_t limit);

 private:
  store::RedisPool& pool_;
  store::ScriptRegistry scripts_;
};

// Exposed for tests: the hash encoding of the entities.
std::vector<std::string> EncodeApplication(const Application& a);
Application DecodeApplication(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeOrganization(const Organization& o);
Organization DecodeOrganization(const std::vector<std::string>& flat_hash);

}  // namespace socgov::registration
