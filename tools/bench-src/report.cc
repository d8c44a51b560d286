#include "report.h"

#include <cstdio>

namespace socgov::bench {
namespace {

double Us(int64_t ns) { return static_cast<double>(ns) / 1000.0; }

std::string Num(const nlohmann::json& v) {
  if (!v.is_number()) return v.is_string() ? v.get<std::string>() : "–";
  char buf[32];
  const double d = v.get<double>();
  std::snprintf(buf, sizeof buf, d >= 100 ? "%.0f" : (d >= 10 ? "%.1f" : "%.2f"), d);
  return buf;
}

}  // namespace

nlohmann::json LatencyJson(const Histogram& h) {
  return {{"count", h.count()},
          {"p50_us", Us(h.Percentile(50))},
          {"p99_us", Us(h.Percentile(99))},
          {"p999_us", Us(h.Percentile(99.9))},
          {"max_us", Us(h.max())},
          {"mean_us", h.mean() / 1000.0}};
}

nlohmann::json StepJson(const StepStats& s) {
  nlohmann::json j = {{"offered_rps", s.offered_rps},
                      {"achieved_rps", s.achieved_rps},
                      {"seconds", s.schedule_s},
                      {"planned", s.planned},
                      {"ok", s.ok},
                      {"failed", s.failed},
                      {"sustained", s.Sustained()},
                      {"latency", LatencyJson(s.latency)}};
  if (!s.errors.empty()) j["errors"] = s.errors;
  return j;
}

nlohmann::json RatioRow(const std::string& metric, double value, double baseline, double ratio,
                        const std::string& target, bool met, const std::string& note) {
  return {{"metric", metric}, {"value", value}, {"baseline", baseline}, {"ratio", ratio},
          {"target", target}, {"met", met},     {"note", note}};
}

nlohmann::json UnavailableRow(const std::string& metric, const std::string& target,
                              const std::string& why) {
  return {{"metric", metric}, {"value", nullptr}, {"baseline", nullptr}, {"ratio", nullptr},
          {"target", target}, {"met", nullptr},   {"note", why}};
}

std::string RatioTable(const nlohmann::json& rows) {
  std::string out =
      "| metric | value | baseline | ratio | target | met |\n|---|---|---|---|---|---|\n";
  for (const auto& r : rows) {
    const std::string met = r["met"].is_null() ? "n/a" : (r["met"].get<bool>() ? "met" : "NOT met");
    out += "| " + r["metric"].get<std::string>() + " | " + Num(r["value"]) + " | " +
           Num(r["baseline"]) + " | " + Num(r["ratio"]) + " | " + r["target"].get<std::string>() +
           " | " + met + " |\n";
  }
  return out;
}

}  // namespace socgov::bench
