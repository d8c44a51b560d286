// Party building's Redis key schema. All keys share the hash tag {pb}, so each command is one run
// of the platform's mutate script (state + indexes + idempotency record + outbox, all or nothing).
// Entities are hashes {version, jurisdiction, json}: `version` is what the mutate script's
// version guard reads, `json` the domain value (codec.cc; enums as their numbers — append-only).
//
//   {pb}:org:<id>                 HASH  a party organization (StoredOrg)
//   {pb}:orgs                     ZSET  party organization ids, score = serial
//   {pb}:branch:<id>              HASH  a temporary branch (StoredBranch)
//   {pb}:branches                 ZSET  temporary branch ids, score = serial
//   {pb}:branches:of:<host>       ZSET  temporary branches hosted by a social organization
//   {pb}:member:<id number>       HASH  a member record: the only place the full ID number is kept
//   {pb}:members                  SET   the ID numbers with a member record (counts)
//   {pb}:decision:<id>            HASH  a major matter (PB-12); {pb}:decisions ZSET by serial
//   {pb}:instructor:<id>          HASH  an instructor; {pb}:instructors ZSET by serial
//   {pb}:meeting:<id>             HASH  a meeting; {pb}:meetings ZSET by serial,
//   {pb}:meetings:of:<party org>  ZSET  its meetings, score = serial
//   {pb}:activity:<id>            HASH  an activity; {pb}:activities ZSET by serial
//   {pb}:evaluation:<org>:<year>  HASH  an evaluation; {pb}:evaluations ZSET "<org>:<year>"
//   {pb}:award:<id>               HASH  an award; {pb}:awards ZSET by serial,
//   {pb}:award:of:<kind>:<recipient>:<year>  STRING the award's id (one each)
//   {pb}:formal:<org>             STRING formal members working in a social organization, spent
//                                 with a counter guard so RequiredMissing's count is exact
//   {pb}:serial:<kind>            STRING counters behind party organization and branch ids
//   {pb}:idem:<rpc>:<request_id>  STRING first response (30 days)
//   {pb}:dir:*                    the organization directory (platform/directory)
//   {pb}:inbox:*, {pb}:gate:*, {pb}:dlq  the kit router's records
//   {pb}:outbox                   STREAM outbox entries (platform/outbox)
#pragma once

// Layer rule, enforced by the build (services/party_building/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_API)
#error "party_building/store is visible only from the store and app layers"
#endif

#include <cstdint>
#include <string>
#include <vector>

#include "party_building/domain/major_decision.h"
#include "party_building/domain/member.h"
#include "party_building/domain/party_organization.h"
#include "party_building/domain/records.h"
#include "party_building/domain/temporary_branch.h"
#include "platform/store/command.h"
#include "platform/store/command_store.h"
#include "platform/store/mutation.h"
#include "platform/store/redis.h"
#include "platform/util/error.h"

namespace socgov::party_building {

inline constexpr const char* kOutboxKey = "{pb}:outbox";
using store::CommandOutcome;
using store::Mutation;

// A party organization as stored: the domain value with its jurisdiction and version.
struct StoredOrg {
  PartyOrganization org;
  std::string jurisdiction;
  std::int64_t version = 1;
};
// A temporary branch as stored.
struct StoredBranch {
  TemporaryBranch branch;
  std::string jurisdiction;
  std::int64_t version = 1;
};
// A member record as stored (the full ID number: this store only).
struct StoredMember {
  PartyMember member;
  std::string works_at_org_id;
  std::string jurisdiction;
  std::int64_t version = 1;
};

// The records of a party organization's life as stored: the domain value with its jurisdiction
// and version.
template <typename T>
struct Stored {
  T value;
  std::string jurisdiction;
  std::int64_t version = 1;
};
using StoredDecision = Stored<MajorDecision>;
using StoredInstructor = Stored<Instructor>;
using StoredMeeting = Stored<MeetingRecord>;
using StoredActivity = Stored<Activity>;
using StoredEvaluation = Stored<Evaluation>;
using StoredAward = Stored<Award>;

namespace keys {
std::string Org(const std::string& id);
std::string Branch(const std::string& id);
std::string BranchesOf(const std::string& host);
std::string Member(const std::string& id_number);
std::string Formal(const std::string& org);
std::string Serial(const std::string& kind);
std::string Idem(const std::string& rpc, const std::string& request_id);
inline constexpr const char* kOrgs = "{pb}:orgs";
inline constexpr const char* kBranches = "{pb}:branches";
std::string Decision(const std::string& id);
std::string Instructor(const std::string& id);
std::string Meeting(const std::string& id);
std::string MeetingsOf(const std::string& party_org);
std::string Activity(const std::string& id);
// `org_year` is "<party org>:<year>".
std::string Evaluation(const std::string& org_year);
std::string Award(const std::string& id);
std::string AwardOf(int kind, const std::string& recipient, int year);
inline constexpr const char* kMembers = "{pb}:members";
inline constexpr const char* kDecisions = "{pb}:decisions";
inline constexpr const char* kInstructors = "{pb}:instructors";
inline constexpr const char* kMeetings = "{pb}:meetings";
inline constexpr const char* kActivities = "{pb}:activities";
inline constexpr const char* kEvaluations = "{pb}:evaluations";
inline constexpr const char* kAwards = "{pb}:awards";
}  // namespace keys

// The hash fields of an entity (version, jurisdiction, json) and back. A decoder answers
// INTERNAL naming the entity for a record it cannot read.
std::vector<std::string> EncodeOrg(const StoredOrg& o);
Result<StoredOrg> DecodeOrg(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeBranch(const StoredBranch& b);
Result<StoredBranch> DecodeBranch(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeMember(const StoredMember& m);
Result<StoredMember> DecodeMember(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeDecision(const StoredDecision& d);
Result<StoredDecision> DecodeDecision(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeInstructor(const StoredInstructor& i);
Result<StoredInstructor> DecodeInstructor(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeMeeting(const StoredMeeting& m);
Result<StoredMeeting> DecodeMeeting(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeActivity(const StoredActivity& a);
Result<StoredActivity> DecodeActivity(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeEvaluation(const StoredEvaluation& e);
Result<StoredEvaluation> DecodeEvaluation(const std::vector<std::string>& flat_hash);
std::vector<std::string> EncodeAward(const StoredAward& a);
Result<StoredAward> DecodeAward(const std::vector<std::string>& flat_hash);

class PartyBuildingStore : public store::CommandStore {
 public:
  explicit PartyBuildingStore(store::RedisPool& pool) : CommandStore(pool, keys::Idem) {}
  // The key names platform/store/entity_command.h commits with.
  static std::string IdemKey(const std::string& rpc, const std::string& request_id) {
    return keys::Idem(rpc, request_id);
  }
  static std::string SerialKey(const std::string& kind) { return keys::Serial(kind); }
  static constexpr const char* kOutbox = kOutboxKey;
  // Every party organization, in proposal order.
  Result<std::vector<StoredOrg>> AllOrgs();
  // Every temporary branch, in application order.
  Result<std::vector<StoredBranch>> AllBranches();
  // Every member record (the summary's counts).
  Result<std::vector<StoredMember>> AllMembers();
  Result<std::vector<StoredDecision>> AllDecisions();
  Result<std::vector<StoredInstructor>> AllInstructors();
  Result<std::vector<StoredActivity>> AllActivities();
  Result<std::vector<StoredEvaluation>> AllEvaluations();
  Result<std::vector<StoredAward>> AllAwards();
  // The meetings of one party organization, in the order recorded.
  Result<std::vector<StoredMeeting>> MeetingsOf(const std::string& party_org_id);
};

}  // namespace socgov::party_building
