// The double-random draw itself: which organizations are inspected, and by whom. Reproducible by
// construction: the population and the pool are sorted before drawing, and the randomness comes
// only from the seed through SplitMix64 (prng.h), so the same seed, population and pool give the
// same draw in any input order, on any machine. That is what lets the result be published (一公开)
// with its seed and PopulationHash and checked by anyone.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/draw_plan.h"

namespace socgov::supervision {

struct Check {
  std::string organization_id;
  std::vector<std::string> inspectors;  // distinct, in draw order

  bool operator==(const Check&) const = default;
};

struct DrawResult {
  std::string population_hash;  // PopulationHash of the population drawn from
  std::vector<Check> checks;    // in draw order
};

// ceil(ratio × population), and at least 1 when the population is not empty.
std::size_t SampleSize(std::size_t population, std::int32_t ratio_permille);

// Validates the plan (ValidateDrawPlan), then draws SampleSize organizations by a partial
// Fisher–Yates shuffle of the sorted population, and for each check inspectors_per_check distinct
// inspectors by a partial Fisher–Yates shuffle of the sorted pool (drawn afresh per check).
// kInvalidArgument: population or inspector_pool with an empty or repeated id; inspector_pool
// with fewer distinct inspectors than inspectors_per_check (when there is anything to inspect).
Result<DrawResult> Draw(std::uint64_t seed, std::vector<std::string> population,
                        std::vector<std::string> inspector_pool, const DrawPlan& plan);
// The same with a textual seed, turned into 64 bits by SeedFromString.
Result<DrawResult> Draw(std::string_view seed, std::vector<std::string> population,
                        std::vector<std::string> inspector_pool, const DrawPlan& plan);

}  // namespace socgov::supervision
