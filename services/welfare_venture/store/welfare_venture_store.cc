#include "welfare_venture/store/welfare_venture_store.h"

namespace socgov::welfare_venture {

namespace keys {
std::string Round(const std::string& id) { return "{wv}:round:" + id; }
std::string App(const std::string& id) { return "{wv}:app:" + id; }
std::string AppsOf(const std::string& round) { return "{wv}:apps:of:" + round; }
std::string Expert(const std::string& id) { return "{wv}:expert:" + id; }
std::string Project(const std::string& id) { return "{wv}:project:" + id; }
std::string Activity(const std::string& id) { return "{wv}:activity:" + id; }
std::string ActivitiesOf(const std::string& project) { return "{wv}:activities:of:" + project; }
std::string Credit(const std::string& org) { return "{wv}:credit:" + org; }
std::string Clawbacks(const std::string& org) { return "{wv}:clawbacks:" + org; }
std::string Serial(const std::string& kind) { return "{wv}:serial:" + kind; }
std::string Idem(const std::string& rpc, const std::string& request_id) {
  return "{wv}:idem:" + rpc + ":" + request_id;
}
}  // namespace keys

namespace {

template <typename T, typename Decode>
Result<std::optional<T>> One(store::RedisPool& pool, const std::string& key, Decode decode) {
  auto redis = pool.Acquire();
  const auto hash = store::FlatHash(redis->Command({"HGETALL", key}));
  if (hash.empty()) return std::optional<T>();
  auto v = decode(hash);
  if (!v.ok()) return v.error();
  return std::optional<T>(std::move(*v));
}

template <typename T, typename Decode>
Result<std::vector<T>> All(store::RedisPool& pool, const std::string& index,
                           std::string (*key_of)(const std::string&), Decode decode) {
  auto redis = pool.Acquire();
  store::Value ids = redis->Command({"ZRANGE", index, "0", "-1"});
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

Result<std::optional<StoredRound>> WelfareVentureStore::GetRound(const std::string& id) {
  return One<StoredRound>(pool(), keys::Round(id), DecodeRound);
}
Result<std::optional<StoredApplication>> WelfareVentureStore::GetApplication(
    const std::string& id) {
  return One<StoredApplication>(pool(), keys::App(id), DecodeApplication);
}
Result<std::optional<StoredExpert>> WelfareVentureStore::GetExpert(const std::string& id) {
  return One<StoredExpert>(pool(), keys::Expert(id), DecodeExpert);
}
Result<std::optional<StoredProject>> WelfareVentureStore::GetProject(const std::string& id) {
  return One<StoredProject>(pool(), keys::Project(id), DecodeProject);
}
Result<std::vector<StoredRound>> WelfareVentureStore::AllRounds() {
  return All<StoredRound>(pool(), keys::kRounds, keys::Round, DecodeRound);
}
Result<std::vector<StoredApplication>> WelfareVentureStore::ApplicationsOf(
    const std::string& round_id) {
  return All<StoredApplication>(pool(), keys::AppsOf(round_id), keys::App, DecodeApplication);
}
Result<std::vector<StoredProject>> WelfareVentureStore::AllProjects() {
  return All<StoredProject>(pool(), keys::kProjects, keys::Project, DecodeProject);
}
Result<std::vector<StoredActivity>> WelfareVentureStore::ActivitiesOf(
    const std::string& project_id) {
  return All<StoredActivity>(pool(), keys::ActivitiesOf(project_id), keys::Activity,
                             DecodeActivity);
}

Result<StoredCredit> WelfareVentureStore::GetCredit(const std::string& org_id) {
  auto redis = pool().Acquire();
  return DecodeCredit(store::FlatHash(redis->Command({"HGETALL", keys::Credit(org_id)})));
}

std::vector<Date> WelfareVentureStore::ClawbacksOf(const std::string& org_id) {
  auto redis = pool().Acquire();
  std::vector<Date> out;
  for (const auto& m : redis->Command({"ZRANGE", keys::Clawbacks(org_id), "0", "-1"}).elements)
    if (auto d = ParseDate(m.str)) out.push_back(*d);
  return out;
}

}  // namespace socgov::welfare_venture
