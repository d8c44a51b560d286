// The dashboard's Redis key schema (issue 12). Every projection is a running sum per (KPI,
// jurisdiction), one hash field per part and day, incremented in the same script as the router's
// inbox and version gate records, so a redelivered or replayed event changes nothing.
//
//   {dash}:cells:<kpi>:<jurisdiction>  HASH  "<part>|<YYYY-MM-DD>" → the day's net change
//   {dash}:jurisdictions               SET   jurisdictions with any figure
//   {dash}:org:<id>                    HASH  part (KIND/STATUS) and jurisdiction of an organization
//   {dash}:stated:<kpi>:<aggregate>    STRING what an aggregate last stated outright (restated
//   KPIs) {dash}:inbox:*, {dash}:gate:*, {dash}:dlq  the kit router's records
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_API)
#error "dashboard/store is visible only from the store and app layers"
#endif

#include <string>
#include <vector>

#include "dashboard/domain/ledger.h"
#include "platform/store/mutation.h"
#include "platform/store/redis.h"

namespace socgov::dashboard {

namespace keys {
std::string Cells(const std::string& kpi, const std::string& jurisdiction);
std::string Org(const std::string& id);
std::string Stated(const std::string& kpi, const std::string& aggregate_id);
inline constexpr const char* kJurisdictions = "{dash}:jurisdictions";
}  // namespace keys

// Adds `c` to `m` as an increment of its cell (and its jurisdiction to the set).
void AddChange(store::Mutation& m, const Change& c);

class DashboardStore {
 public:
  explicit DashboardStore(store::RedisPool& pool) : pool_(pool) {}
  // Every jurisdiction with a figure.
  std::vector<std::string> Jurisdictions();
  // The cells of `kpis` in `jurisdictions` (each cell once, however often named), as a ledger
  // (one pipelined round trip).
  Result<Ledger> Load(const std::vector<std::string>& kpis,
                      const std::vector<std::string>& jurisdictions);

 private:
  store::RedisPool& pool_;
};

}  // namespace socgov::dashboard
