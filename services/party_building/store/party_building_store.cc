#include "party_building/store/party_building_store.h"

namespace socgov::party_building {

namespace keys {
std::string Org(const std::string& id) { return "{pb}:org:" + id; }
std::string Branch(const std::string& id) { return "{pb}:branch:" + id; }
std::string BranchesOf(const std::string& host) { return "{pb}:branches:of:" + host; }
std::string Member(const std::string& id_number) { return "{pb}:member:" + id_number; }
std::string Formal(const std::string& org) { return "{pb}:formal:" + org; }
std::string Serial(const std::string& kind) { return "{pb}:serial:" + kind; }
std::string Decision(const std::string& id) { return "{pb}:decision:" + id; }
std::string Instructor(const std::string& id) { return "{pb}:instructor:" + id; }
std::string Meeting(const std::string& id) { return "{pb}:meeting:" + id; }
std::string MeetingsOf(const std::string& party_org) { return "{pb}:meetings:of:" + party_org; }
std::string Activity(const std::string& id) { return "{pb}:activity:" + id; }
std::string Evaluation(const std::string& org_year) { return "{pb}:evaluation:" + org_year; }
std::string Award(const std::string& id) { return "{pb}:award:" + id; }
std::string AwardOf(int kind, const std::string& recipient, int year) {
  return "{pb}:award:of:" + std::to_string(kind) + ":" + recipient + ":" + std::to_string(year);
}
std::string Idem(const std::string& rpc, const std::string& request_id) {
  return "{pb}:idem:" + rpc + ":" + request_id;
}
}  // namespace keys

namespace {

template <typename T, typename Decode>
Result<std::vector<T>> All(store::RedisPool& pool, const char* index,
                           std::string (*key_of)(const std::string&), Decode decode,
                           const char* list = "ZRANGE") {
  auto redis = pool.Acquire();
  store::Value ids = std::string_view(list) == "SMEMBERS"
                         ? redis->Command({"SMEMBERS", index})
                         : redis->Command({"ZRANGE", index, "0", "-1"});
  std::vector<std::vector<std::string>> reads;
  for (const auto& id : ids.elements) reads.push_back({"HGETALL", key_of(id.str)});
  std::vector<T> out;
  if (reads.empty()) return out;
  for (const auto& row : redis->Pipeline(reads)) {
    const auto hash = store::FlatHash(row);
    if (hash.empty()) continue;
    auto v = decode(hash);
    if (!v.ok()) return v.error();
    out.push_back(std::move(*v));
  }
  return out;
}

}  // namespace

Result<std::vector<StoredOrg>> PartyBuildingStore::AllOrgs() {
  return All<StoredOrg>(pool(), keys::kOrgs, keys::Org, DecodeOrg);
}

Result<std::vector<StoredBranch>> PartyBuildingStore::AllBranches() {
  return All<StoredBranch>(pool(), keys::kBranches, keys::Branch, DecodeBranch);
}

Result<std::vector<StoredMember>> PartyBuildingStore::AllMembers() {
  return All<StoredMember>(pool(), keys::kMembers, keys::Member, DecodeMember, "SMEMBERS");
}
Result<std::vector<StoredDecision>> PartyBuildingStore::AllDecisions() {
  return All<StoredDecision>(pool(), keys::kDecisions, keys::Decision, DecodeDecision);
}
Result<std::vector<StoredInstructor>> PartyBuildingStore::AllInstructors() {
  return All<StoredInstructor>(pool(), keys::kInstructors, keys::Instructor, DecodeInstructor);
}
Result<std::vector<StoredActivity>> PartyBuildingStore::AllActivities() {
  return All<StoredActivity>(pool(), keys::kActivities, keys::Activity, DecodeActivity);
}
Result<std::vector<StoredEvaluation>> PartyBuildingStore::AllEvaluations() {
  return All<StoredEvaluation>(pool(), keys::kEvaluations, keys::Evaluation, DecodeEvaluation);
}
Result<std::vector<StoredAward>> PartyBuildingStore::AllAwards() {
  return All<StoredAward>(pool(), keys::kAwards, keys::Award, DecodeAward);
}
Result<std::vector<StoredMeeting>> PartyBuildingStore::MeetingsOf(const std::string& party_org_id) {
  const std::string index = keys::MeetingsOf(party_org_id);
  return All<StoredMeeting>(pool(), index.c_str(), keys::Meeting, DecodeMeeting);
}

}  // namespace socgov::party_building
