// Registration's Redis key schema and commands. All keys share the hash tag {reg} so each command
// is one Lua script (state + indexes + idempotency record + outbox events, all or nothing).
//
//   {reg}:app:<id>                  HASH   application fields (see registration_store.cc)
//   {reg}:org:<id>                  HASH   organization fields (id = credit code or filing number)
//   {reg}:change:<id>               HASH   change application fields
//   {reg}:review:<id>               HASH   joint review case (nominees/opinions as JSON)
//   {reg}:reviews:of:<subject>      SET    review ids per organization or application
//   {reg}:name:<authority>:<name>   STRING "app:<id>" while applied for, "org:<id>" once
//                                          registered or filed, "lapsed:<id>" while blocked
//                                          (REG-05)
//   {reg}:idem:<rpc>:<request_id>   STRING serialized first response (expires after 30 days)
//   {reg}:uscc:serial               STRING counter behind credit-code bodies and filing numbers
//   {reg}:orgs                      ZSET   all organizations, score = serial
//   {reg}:orgs:type:<KIND>          ZSET   same, per kind
//   {reg}:orgs:status:<STATUS>      ZSET   same, per status
//   {reg}:apps:preparing            ZSET   PREP_APPROVED applications, score = founding deadline
//                                          (days since 1970-01-01)
//   {reg}:dlq                       STREAM events from other contexts that could not be applied
//   {reg}:outbox                    STREAM outbox entries (platform/outbox)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/outbox/outbox.h"
#include "platform/store/redis.h"
#include "platform/util/error.h"
#include "registration/domain/types.h"
#include "registration/store/mutation.h"

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
  std::string jurisdiction;   // only organizations within this code (auth::JurisdictionCovers)
  std::string name_contains;  // UTF-8 fragment
  std::string id;             // exactly this organization
  // Whether `o` passes the kind, status, jurisdiction and name filters (not `id`).
  bool Matches(const Organization& o) const;
};

// A name key's holder ("app:<id>", "org:<id>", "change:<id>", "lapsed:<id>") as clerks read it.
std::string DescribeNameHolder(const std::string& holder);

namespace keys {
std::string App(const std::string& id);
std::string Org(const std::string& id);
std::string Change(const std::string& id);
std::string Review(const std::string& id);
std::string ReviewsOf(const std::string& subject_id);
std::string Name(const std::string& authority, const std::string& name);
std::string Idem(const std::string& rpc, const std::string& request_id);
std::string TypeIndex(OrgKind k);
std::string StatusIndex(OrgStatus s);
inline constexpr const char* kOrgs = "{reg}:orgs";
inline constexpr const char* kPreparing = "{reg}:apps:preparing";
}  // namespace keys

class RegistrationStore {
 public:
  explicit RegistrationStore(store::RedisPool& pool);
  store::ScriptRegistry& scripts() { return scripts_; }

  // nullopt when the request id was not used yet for this RPC.
  std::optional<std::string> PriorResponse(const std::string& rpc, const std::string& request_id);
  // What a command reads before deciding, in one round trip: the stored response of its request
  // id (a replay) and the entity's hash (empty when missing).
  struct CommandRead {
    std::optional<std::string> prior;
    std::vector<std::string> entity;
  };
  CommandRead ReadForCommand(const std::string& rpc, const std::string& request_id,
                             const std::string& entity_key);
  std::optional<Application> LoadApplication(const std::string& id);
  std::optional<Organization> LoadOrganization(const std::string& id);
  std::optional<ChangeApplication> LoadChange(const std::string& id);
  std::optional<ReviewCase> LoadReview(const std::string& id);
  std::vector<ReviewCase> ReviewsOf(const std::string& subject_id);
  // The current holder of a name ("app:<id>", "org:<id>", "lapsed:<id>"), if any.
  std::optional<std::string> NameHolder(const std::string& authority, const std::string& name);
  // Serial of an organization in the {reg}:orgs index (its list position).
  std::optional<uint64_t> OrgSerial(const std::string& id);
  // Preparations whose founding deadline (days since epoch) is < before_day.
  std::vector<std::string> PreparationsDueBefore(int64_t before_day, size_t limit);
  uint64_t NextCreditCodeSerial();
  // Removes an application from the preparing index (it is not PREP_APPROVED any more).
  void ForgetPreparation(const std::string& id);

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
  // Runs a checked mutation (mutation.h); `what` names the command in errors.
  Result<CommandOutcome> Mutate(const Mutation& m, const std::string& what);

  // Organizations after `after_serial` in registration order, as (serial, org) pairs, and the
  // size of the index walked (exact for a kind or status filter alone, else an upper bound).
  struct Page {
    std::vector<std::pair<uint64_t, Organization>> rows;
    int64_t total = 0;
  };
  Page ListOrganizations(const OrgFilter& filter, uint64_t after_serial, size_t limit);
  // Keeps an event that could not be applied, with the reason (capped stream). False on failure.
  bool AppendDeadLetter(const std::string& event_id, const std::string& subject,
                        const std::string& reason, const std::string& data);

 private:
  static std::string IndexFor(const OrgFilter& filter);

  store::RedisPool& pool_;
  store::ScriptRegistry scripts_;
};

// Exposed for tests and for building mutations: the hash encoding of the entities.
std::vector<std::string> EncodeApplication(const Application& a);
Application DecodeApplication(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeOrganization(const Organization& o);
Organization DecodeOrganization(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeChange(const ChangeApplication& c);
ChangeApplication DecodeChange(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeReview(const ReviewCase& r);
ReviewCase DecodeReview(const std::vector<std::string>& flat_hash);

}  // namespace socgov::registration
