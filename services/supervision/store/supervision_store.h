// Supervision's Redis key schema. All keys share the hash tag {sup}, so each command is one run of
// the platform's mutate script (state + indexes + idempotency record + outbox, all or nothing).
// Entities are hashes {version, jurisdiction, json}: `version` is what the mutate script's
// version guard reads, `json` the domain value (codec.cc; enums as their numbers — append-only).
//
//   {sup}:ar:<year>:<org>                   HASH  one organization's annual report of a year
//   {sup}:ar:year:<jurisdiction>:<year>     HASH  the report year (cohort, cut-off)
//   {sup}:ar:count:<jur>:<year>:<what>      STRING exact counters (submitted, concluded), spent
//                                           with a counter guard so an event's count is exact
//   {sup}:ar:state:<year>:<STATE>           ZSET  reports of a year per state (member org id)
//   {sup}:ar:due                            ZSET  "<year>:<org>" of OPEN reports, score = the
//                                           registry deadline (days since 1970-01-01)
//   {sup}:ar:nonpass:<org>                  STRING year of the last non-pass conclusion (AR-08)
//   {sup}:credit:<org>                      HASH  the organization's credit account
//   {sup}:credit:list:<ABNORMAL|SERIOUS>    ZSET  organizations on the list now (score 0)
//   {sup}:plan:<id>                         HASH  a sampling plan
//   {sup}:plans                             ZSET  plan ids, score = serial
//   {sup}:plan:serial                       STRING counter behind plan ids
//   {sup}:case:<id>                         HASH  an enforcement case
//   {sup}:cases                             ZSET  case ids, score = serial
//   {sup}:complaint:<id>                    HASH  a complaint (without its reporter)
//   {sup}:complaint:<id>:reporter           HASH  the reporter, kept apart: only enforcement
//                                           officers of the jurisdiction read it
//   {sup}:complaints                        ZSET  complaint ids, score = serial
//   {sup}:illegal:<id>                      HASH  an illegal organization
//   {sup}:illegals                          ZSET  their ids, score = serial
//   {sup}:campaign:<id>                     HASH  a campaign with its items
//   {sup}:campaigns                         ZSET  campaign ids, score = serial
//   {sup}:rating:round:<id>                 HASH  a rating round
//   {sup}:rating:<id>                       HASH  an evaluation (id = <round>-<organization>)
//   {sup}:ratings                           ZSET  evaluation ids, score = application day
//   {sup}:ratings:of:<org>                  ZSET  an organization's evaluations, same score
//   {sup}:serial:<kind>                     STRING counters behind case, complaint, illegal
//                                           organization and campaign ids
//   {sup}:idem:<rpc>:<request_id>           STRING first response (30 days)
//   {sup}:dir:*                             the organization directory (platform/directory)
//   {sup}:inbox:*, {sup}:gate:*, {sup}:dlq  the kit router's records
//   {sup}:outbox                            STREAM outbox entries (platform/outbox)
#pragma once

// Layer rule, enforced by the build (services/supervision/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_API)
#error "supervision/store is visible only from the store and app layers"
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
#include "supervision/domain/campaign.h"
#include "supervision/domain/complaint.h"
#include "supervision/domain/credit_account.h"
#include "supervision/domain/enforcement_case.h"
#include "supervision/domain/illegal_org.h"
#include "supervision/domain/rating.h"
#include "supervision/domain/report_lifecycle.h"
#include "supervision/domain/sampling_plan.h"

namespace socgov::supervision {

inline constexpr const char* kOutboxKey = "{sup}:outbox";
using store::CommandOutcome;
using store::Mutation;

// The report year of one jurisdiction.
struct ReportYear {
  std::string jurisdiction;
  int year = 0;
  std::int64_t cohort_size = 0;
  Date opened_on{};
  Date cohort_cutoff{};
  std::int64_t version = 0;
};

namespace keys {
std::string Report(int year, const std::string& org);
std::string Year(const std::string& jurisdiction, int year);
std::string YearCount(const std::string& jurisdiction, int year, const std::string& what);
std::string ReportState(int year, supervision::ReportState s);
std::string NonPass(const std::string& org);
std::string Credit(const std::string& org);
std::string CreditList(supervision::CreditList list);
std::string Plan(const std::string& id);
std::string Idem(const std::string& rpc, const std::string& request_id);
std::string DueMember(int year, const std::string& org);
std::string Case(const std::string& id);
std::string Complaint(const std::string& id);
std::string Reporter(const std::string& complaint_id);
std::string Illegal(const std::string& id);
std::string Campaign(const std::string& id);
std::string Serial(const std::string& kind);
std::string RatingRound(const std::string& id);
std::string Rating(const std::string& id);
std::string RatingsOf(const std::string& org);
inline constexpr const char* kRatings = "{sup}:ratings";
inline constexpr const char* kCases = "{sup}:cases";
inline constexpr const char* kComplaints = "{sup}:complaints";
inline constexpr const char* kIllegals = "{sup}:illegals";
inline constexpr const char* kCampaigns = "{sup}:campaigns";
inline constexpr const char* kDue = "{sup}:ar:due";
inline constexpr const char* kPlans = "{sup}:plans";
inline constexpr const char* kPlanSerial = "{sup}:plan:serial";
}  // namespace keys

// The hash fields of an entity (version, jurisdiction, json) and back. A decoder answers
// INTERNAL naming the entity for a record it cannot read.
std::vector<std::string> EncodeReport(const AnnualReport& r);
Result<AnnualReport> DecodeReport(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeYear(const ReportYear& y);
Result<ReportYear> DecodeYear(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeCredit(const CreditAccount& a);
Result<CreditAccount> DecodeCredit(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodePlan(const SamplingPlan& p);
Result<SamplingPlan> DecodePlan(const std::vector<std::string>& flat_hash);

std::vector<std::string> EncodeCase(const supervision::Case& c);
Result<supervision::Case> DecodeCase(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeComplaint(const supervision::Complaint& c);
Result<supervision::Complaint> DecodeComplaint(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeReporter(const supervision::Reporter& r);
Result<supervision::Reporter> DecodeReporter(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeIllegalOrg(const IllegalOrg& o);
Result<IllegalOrg> DecodeIllegalOrg(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeCampaign(const supervision::Campaign& c);
Result<supervision::Campaign> DecodeCampaign(const std::vector<std::string>& flat_hash);

// An evaluation as stored: the domain value with its id, version and the name it was rated under.
struct StoredRating {
  std::string id;
  std::string organization_name;
  Evaluation evaluation;
  std::int64_t version = 1;
};
// A round as stored.
struct StoredRound {
  Round round;
  std::int64_t version = 1;
};
std::vector<std::string> EncodeRound(const StoredRound& r);
Result<StoredRound> DecodeRound(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeRating(const StoredRating& r);
Result<StoredRating> DecodeRating(const std::vector<std::string>& flat_hash);

class SupervisionStore : public store::CommandStore {
 public:
  explicit SupervisionStore(store::RedisPool& pool) : CommandStore(pool, keys::Idem) {}
  // The key names platform/store/entity_command.h commits with.
  static std::string IdemKey(const std::string& rpc, const std::string& request_id) {
    return keys::Idem(rpc, request_id);
  }
  static std::string SerialKey(const std::string& kind) { return keys::Serial(kind); }
  static constexpr const char* kOutbox = kOutboxKey;
};

}  // namespace socgov::supervision
