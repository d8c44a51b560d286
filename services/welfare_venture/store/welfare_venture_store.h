// The welfare-venture service's Redis key schema. All keys share the hash tag {wv}, so each
// command is one run of the platform's mutate script (state + indexes + idempotency record +
// outbox, all or nothing). Entities are hashes {version, jurisdiction, json}: `version` is what the
// mutate script's version guard reads, `json` the domain value (codec.cc; enums as their numbers —
// append-only).
//
//   {wv}:round:<id>               HASH  a round with its shortlist, objections and awards
//   {wv}:rounds                   ZSET  round ids, score = serial
//   {wv}:app:<id>                 HASH  an application with its review
//   {wv}:apps                     ZSET  every application id, score = serial
//   {wv}:apps:of:<round>          ZSET  a round's applications, score = serial
//   {wv}:expert:<id>              HASH  a review expert
//   {wv}:experts                  ZSET  expert ids
//   {wv}:project:<id>             HASH  a funded project
//   {wv}:projects                 ZSET  project ids, score = award order
//   {wv}:activity:<id>            HASH  an activity report
//   {wv}:activities:of:<project>  ZSET  a project's activities, score = serial
//   {wv}:credit:<org>             HASH  supervision's credit listings of an organization, as its
//                                 credit.* events told (the eligibility read model)
//   {wv}:clawbacks:<org>          ZSET  days a grant of the organization was clawed back (VC-07)
//   {wv}:serial:<kind>            STRING counters behind ids and the totals' sequences
//   {wv}:idem:<rpc>:<request_id>  STRING first response (30 days)
//   {wv}:dir:*                    the organization directory (platform/directory)
//   {wv}:inbox:*, {wv}:gate:*, {wv}:dlq  the kit router's records
//   {wv}:outbox                   STREAM outbox entries (platform/outbox)
#pragma once

// Layer rule, enforced by the build (services/welfare_venture/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_API)
#error "welfare_venture/store is visible only from the store and app layers"
#endif

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/store/command.h"
#include "platform/store/command_store.h"
#include "platform/store/mutation.h"
#include "platform/store/redis.h"
#include "platform/util/error.h"
#include "welfare_venture/domain/credit.h"
#include "welfare_venture/domain/outcome.h"
#include "welfare_venture/domain/project.h"
#include "welfare_venture/domain/review.h"
#include "welfare_venture/domain/round.h"

namespace socgov::welfare_venture {

inline constexpr const char* kOutboxKey = "{wv}:outbox";
using store::CommandOutcome;
using store::Mutation;

// A round as stored: the domain value, what publicity and the awards produced, and its version.
struct StoredRound {
  VentureRound round;
  std::optional<AwardPlan> shortlist;
  std::vector<Objection> objections;
  std::optional<AwardPlan> awards;
  std::int64_t version = 1;
  const std::string& jurisdiction() const { return round.jurisdiction; }
};

// An application as stored, with the applicant's VC-03 declarations and its review.
struct StoredApplication {
  VentureApplication app;
  ApplicationReview review;
  bool has_premises = false;
  bool has_staff = false;
  bool has_qualifications = false;
  std::string jurisdiction;  // the round's
  std::int64_t version = 1;
};

struct StoredExpert {
  Expert expert;
  std::string name;
  std::string jurisdiction;
  std::int64_t version = 1;
};

struct StoredProject {
  VentureProject project;
  std::int64_t version = 1;
  const std::string& jurisdiction() const { return project.jurisdiction; }
};

struct StoredActivity {
  Activity activity;
  std::string jurisdiction;
  std::int64_t version = 1;
};

// The credit read model of one organization: listing periods from supervision's events. `version`
// counts the events applied (guarded, so two deliveries never interleave).
struct StoredCredit {
  std::vector<ListingPeriod> listings;
  std::int64_t version = 0;
};

namespace keys {
std::string Round(const std::string& id);
std::string App(const std::string& id);
std::string AppsOf(const std::string& round);
std::string Expert(const std::string& id);
std::string Project(const std::string& id);
std::string Activity(const std::string& id);
std::string ActivitiesOf(const std::string& project);
std::string Credit(const std::string& org);
std::string Clawbacks(const std::string& org);
std::string Serial(const std::string& kind);
std::string Idem(const std::string& rpc, const std::string& request_id);
inline constexpr const char* kRounds = "{wv}:rounds";
inline constexpr const char* kApps = "{wv}:apps";
inline constexpr const char* kExperts = "{wv}:experts";
inline constexpr const char* kProjects = "{wv}:projects";
}  // namespace keys

// The hash fields of an entity (version, jurisdiction, json) and back. A decoder answers INTERNAL
// naming the entity for a record it cannot read.
std::vector<std::string> EncodeRound(const StoredRound& r);
Result<StoredRound> DecodeRound(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeApplication(const StoredApplication& a);
Result<StoredApplication> DecodeApplication(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeExpert(const StoredExpert& e);
Result<StoredExpert> DecodeExpert(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeProject(const StoredProject& p);
Result<StoredProject> DecodeProject(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeActivity(const StoredActivity& a);
Result<StoredActivity> DecodeActivity(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeCredit(const StoredCredit& c);
// An empty hash is an organization never listed (version 0).
Result<StoredCredit> DecodeCredit(const std::vector<std::string>& flat_hash);

class WelfareVentureStore : public store::CommandStore {
 public:
  explicit WelfareVentureStore(store::RedisPool& pool) : CommandStore(pool, keys::Idem) {}
  // The key names platform/store/entity_command.h commits with.
  static std::string IdemKey(const std::string& rpc, const std::string& request_id) {
    return keys::Idem(rpc, request_id);
  }
  static std::string SerialKey(const std::string& kind) { return keys::Serial(kind); }
  static constexpr const char* kOutbox = kOutboxKey;

  Result<std::optional<StoredRound>> GetRound(const std::string& id);
  Result<std::optional<StoredApplication>> GetApplication(const std::string& id);
  Result<std::optional<StoredExpert>> GetExpert(const std::string& id);
  Result<std::optional<StoredProject>> GetProject(const std::string& id);
  // Every round, in creation order.
  Result<std::vector<StoredRound>> AllRounds();
  // A round's applications, in submission order.
  Result<std::vector<StoredApplication>> ApplicationsOf(const std::string& round_id);
  // Every project, in award order.
  Result<std::vector<StoredProject>> AllProjects();
  // A project's activities, in report order.
  Result<std::vector<StoredActivity>> ActivitiesOf(const std::string& project_id);
  // The credit read model and the clawback days of an organization.
  Result<StoredCredit> GetCredit(const std::string& org_id);
  std::vector<Date> ClawbacksOf(const std::string& org_id);
};

}  // namespace socgov::welfare_venture
