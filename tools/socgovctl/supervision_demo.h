// The pure parts of `socgovctl demo supervision` (supervision_demo.cc), exposed for the unit tests:
// how the draw's ratio is chosen, how organizations are picked from a sorted pool, day arithmetic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace socgov::ctl::demo_sup {

// The service's sample size: ceil(population × ratio ‰).
int64_t SampleSize(int64_t population, int ratio_permille);
// The county-level ratio (30‰ .. 1000‰) whose draw is closest to `target`; of equals the largest.
int RatioPermille(int64_t population, int target);
// `count` ids spread evenly over `pool` (so that kinds mix), removed from it; all when fewer.
std::vector<std::string> TakeSpread(std::vector<std::string>& pool, int count);
// `n` of a figure needing `need` organizations when only `have` are there (rounded down).
int Scaled(int n, size_t have, int need);
// YYYY-MM-DD plus `days`.
std::string PlusDays(const std::string& day, int days);

}  // namespace socgov::ctl::demo_sup
