// The phases of one run (benchmarks.md P0–P5), in the order they execute, writing into one JSON
// report. See README "Performance" for what each figure means.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "stack.h"

namespace socgov::bench {

struct RunConfig {
  bool quick = false;
  double step_s = 2.0;        // length of one rate step
  double warmup_s = 0.5;      // before each sweep, at its first rate, not recorded
  int repeats = 3;            // sweeps per metric; the median MST is reported
  double ladder_start = 200;  // first offered rate of every sweep (req/s)
  double ladder_factor = 1.5;
  double quick_rate = 50;           // --quick: the one step of each phase runs at this rate
  double event_step_s = 3.0;        // P4 step length
  uint64_t scale_orgs = 20'000;     // full run: ≈ 2.2 % of the national register
  uint64_t scale_events = 250'000;  // full run: 2.5 % of ~10M
  int fsync_count = 500;
  std::string tag;  // makes names unique per run
};

nlohmann::json RunAllPhases(const RunConfig& cfg, Stack& stack);

}  // namespace socgov::bench
