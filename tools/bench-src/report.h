// JSON fragments and the human summary of a run.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "histogram.h"
#include "open_loop.h"

namespace socgov::bench {

// p50/p99/p99.9/max/mean in microseconds, and the count.
nlohmann::json LatencyJson(const Histogram& h);
nlohmann::json StepJson(const StepStats& s);

// One row of the ratio table. `met` is null when the metric could not be measured.
nlohmann::json RatioRow(const std::string& metric, double value, double baseline, double ratio,
                        const std::string& target, bool met, const std::string& note = "");
nlohmann::json UnavailableRow(const std::string& metric, const std::string& target,
                              const std::string& why);

// The table printed at the end (and pasted into the README): metric, value, baseline, ratio,
// target, met.
std::string RatioTable(const nlohmann::json& rows);

}  // namespace socgov::bench
