#include "dashboard/store/dashboard_store.h"

#include <set>

namespace socgov::dashboard {

namespace keys {
std::string Cells(const std::string& kpi, const std::string& jurisdiction) {
  return "{dash}:cells:" + kpi + ":" + jurisdiction;
}
std::string Org(const std::string& id) { return "{dash}:org:" + id; }
std::string Stated(const std::string& kpi, const std::string& aggregate_id) {
  return "{dash}:stated:" + kpi + ":" + aggregate_id;
}
}  // namespace keys

void AddChange(store::Mutation& m, const Change& c) {
  if (c.amount == 0) return;
  m.hincrs.push_back(
      {keys::Cells(c.kpi, c.jurisdiction), c.part + "|" + FormatDate(c.day), c.amount});
  m.sadds.push_back({keys::kJurisdictions, c.jurisdiction});
}

std::vector<std::string> DashboardStore::Jurisdictions() {
  auto redis = pool_.Acquire();
  std::vector<std::string> out;
  for (const auto& e : redis->Command({"SMEMBERS", keys::kJurisdictions}).elements)
    out.push_back(e.str);
  return out;
}

Result<Ledger> DashboardStore::Load(const std::vector<std::string>& kpis,
                                    const std::vector<std::string>& jurisdictions) {
  std::vector<std::vector<std::string>> reads;
  std::vector<std::pair<std::string, std::string>> of;
  // Each cell once: a KPI may be asked for itself and as a ratio's part.
  const std::set<std::string> unique_kpis(kpis.begin(), kpis.end());
  const std::set<std::string> unique_jurisdictions(jurisdictions.begin(), jurisdictions.end());
  for (const auto& k : unique_kpis)
    for (const auto& j : unique_jurisdictions) {
      reads.push_back({"HGETALL", keys::Cells(k, j)});
      of.emplace_back(k, j);
    }
  Ledger ledger;
  if (reads.empty()) return ledger;
  auto redis = pool_.Acquire();
  const auto rows = redis->Pipeline(reads);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& el = rows[i].elements;
    for (size_t f = 0; f + 1 < el.size(); f += 2) {
      const std::string& field = el[f].str;
      const auto bar = field.rfind('|');
      const auto day = bar == std::string::npos ? std::nullopt : ParseDate(field.substr(bar + 1));
      if (!day) return Error::Internal("dashboard cell field unreadable: " + field.substr(0, 64));
      if (auto err = ledger.Add({of[i].first, field.substr(0, bar), of[i].second, *day,
                                 std::strtoll(el[f + 1].str.c_str(), nullptr, 10)}))
        return *err;
    }
  }
  return ledger;
}

}  // namespace socgov::dashboard
