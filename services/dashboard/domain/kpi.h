// The dashboard's KPI catalogue (issue 12 item 1): every figure it shows, defined once — its
// meaning, the events it is built from, its unit and how it adds up. The README's table and the
// API's ListKpis are rendered from this table; nothing else defines a KPI.
#pragma once

#include <string_view>
#include <vector>

namespace socgov::dashboard {

// How a figure adds up across days and jurisdictions.
enum class KpiKind {
  kCount,  // a number of things (organizations, matters, people)
  kSum,    // a sum of amounts (fen, hours)
  kRatio,  // numerator ÷ denominator, each a count KPI of this table: never an average of rates
};

// Whether a figure is a level or a flow.
enum class KpiTime {
  kStock,  // a level as of a day: the sum of every change up to and including it
  kFlow,   // what happened in a period: the sum of the changes within it
};

struct KpiDef {
  std::string_view id;       // "org.count", stable: API, URLs and stored keys use it
  std::string_view context;  // the service whose events feed it
  std::string_view name_zh;  // 社会组织总数
  std::string_view name_en;  // Social organizations
  KpiKind kind = KpiKind::kCount;
  KpiTime time = KpiTime::kFlow;
  std::string_view unit;         // organizations, matters, people, fen, hours, ...
  std::string_view dimension;    // what its parts are keyed by ("kind/status", "grade"); "" none
  std::string_view numerator;    // kRatio: a count KPI's id
  std::string_view denominator;  // kRatio: a count KPI's id
  std::string_view definition;   // one sentence: what is counted and when
  std::vector<std::string_view> sources;  // event types "<context>.<aggregate>.<event>"
};

// The whole catalogue, in display order.
const std::vector<KpiDef>& Catalogue();
// The KPI with this id; nullptr when there is none.
const KpiDef* FindKpi(std::string_view id);

}  // namespace socgov::dashboard
