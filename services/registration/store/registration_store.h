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
//                                          (the kit router's schema; {reg}:inbox:*, {reg}:gate:*
//                                          are its dedup and version-gate records)
//   {reg}:outbox                    STREAM outbox entries (platform/outbox)
#pragma once

// Layer rule, enforced by the build (services/registration/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_API)
#error "registration/store is visible only from the store and app layers (api/ goes through app/)"
#endif

#include <optional>
#include <string>
#include <vector>

#include "platform/outbox/outbox.h"
#include "platform/store/command.h"
#include "platform/store/mutation.h"
#include "platform/store/redis.h"
#include "platform/util/error.h"
#include "registration/domain/types.h"

namespace socgov::registration {

inline constexpr const char* kOutboxKey = "{reg}:outbox";

using store::CommandOutcome;
using store::Mutation;

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
// A read for ReadForCommand: the hash of the organization change application `change_id`
// changes (one EVAL of a read-only script, so the change and its organization take one round
// trip).
std::vector<std::string> OrgOfChangeRead(const std::string& change_id);
// A read for ReadForCommand: every review of `subject_id` (decode with DecodeReviews).
std::vector<std::string> ReviewsOfRead(const std::string& subject_id);
inline constexpr const char* kOrgs = "{reg}:orgs";
// The counter behind credit-code bodies and filing numbers: a command reads it with its target and
// commits with a counter guard (Mutation::Guard::Kind::kCounter), so a serial is never spent by a
// command that did not commit.
inline constexpr const char* kSerial = "{reg}:uscc:serial";
inline constexpr const char* kPreparing = "{reg}:apps:preparing";
}  // namespace keys

class RegistrationStore {
 public:
  explicit RegistrationStore(store::RedisPool& pool);
  store::ScriptRegistry& scripts() { return scripts_; }

  // What a command reads before deciding, in one round trip: the stored response of its request
  // id (a replay) and the replies of `reads`, in order.
  store::CommandRead ReadForCommand(const std::string& rpc, const std::string& request_id,
                                    const std::vector<std::vector<std::string>>& reads);
  // The stored entity; NOT_FOUND ("application <id> not found", ...) when missing, INTERNAL when
  // the record cannot be decoded.
  Result<Application> LoadApplication(const std::string& id);
  Result<Organization> LoadOrganization(const std::string& id);
  Result<ChangeApplication> LoadChange(const std::string& id);
  Result<ReviewCase> LoadReview(const std::string& id);
  Result<std::vector<ReviewCase>> ReviewsOf(const std::string& subject_id);
  // The current holder of a name ("app:<id>", "org:<id>", "lapsed:<id>"), if any.
  std::optional<std::string> NameHolder(const std::string& authority, const std::string& name);
  // Serial of an organization in the {reg}:orgs index (its list position).
  std::optional<uint64_t> OrgSerial(const std::string& id);
  // Preparations whose founding deadline (days since epoch) is < before_day.
  std::vector<std::string> PreparationsDueBefore(int64_t before_day, size_t limit);
  // Reserves the next serial of {reg}:uscc:serial (INCR) for a command whose optimistic serial
  // was spent concurrently.
  Result<uint64_t> ReserveSerial();
  // Removes an application from the preparing index (it is not PREP_APPROVED any more).
  void ForgetPreparation(const std::string& id);

  // Files a new application: its hash, the hold on its name (REG-03), the events and the
  // response under `request_id` (the caller's idempotency key), as one mutation.
  Result<CommandOutcome> Submit(const std::string& request_id, const Application& app,
                                const std::vector<outbox::OutboxEvent>& events,
                                const std::string& response);
  // Runs a checked mutation (platform/store/mutation.h); `what` names the command in errors. A
  // name conflict is worded with its holder and REG-03.
  Result<CommandOutcome> Mutate(const Mutation& m, const std::string& what);

  // Organizations after `after_serial` in registration order, as (serial, org) pairs, and the
  // size of the index walked (exact for a kind or status filter alone, else an upper bound).
  struct Page {
    std::vector<std::pair<uint64_t, Organization>> rows;
    int64_t total = 0;
  };
  Result<Page> ListOrganizations(const OrgFilter& filter, uint64_t after_serial, size_t limit);

 private:
  static std::string IndexFor(const OrgFilter& filter);

  store::RedisPool& pool_;
  store::ScriptRegistry scripts_;
};

// Exposed for tests and for building mutations: the hash encoding of the entities. A decoder
// answers INTERNAL, naming the entity and field, for a record it cannot read.
std::vector<std::string> EncodeApplication(const Application& a);
Result<Application> DecodeApplication(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeOrganization(const Organization& o);
Result<Organization> DecodeOrganization(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeChange(const ChangeApplication& c);
Result<ChangeApplication> DecodeChange(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeReview(const ReviewCase& r);
Result<ReviewCase> DecodeReview(const std::vector<std::string>& flat_hash);
// The reply of keys::ReviewsOfRead.
Result<std::vector<ReviewCase>> DecodeReviews(const store::Value& reply);

}  // namespace socgov::registration
