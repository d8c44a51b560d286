#include "supervision/domain/draw.h"

#include <algorithm>
#include <utility>

#include "supervision/domain/fnv.h"
#include "supervision/domain/prng.h"

namespace socgov::supervision {
namespace {

// Sorts the ids so the draw depends on the set, not the order it was listed in; a repeated id
// would give one organization (or inspector) two chances, so it is refused rather than merged.
Status SortUnique(std::string_view field, std::vector<std::string>& ids) {
  std::sort(ids.begin(), ids.end());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].empty()) return Error::InvalidArgument(field, "ids must not be empty");
    if (i > 0 && ids[i] == ids[i - 1]) {
      return Error::InvalidArgument(field, "id " + ids[i] + " is listed twice");
    }
  }
  return std::nullopt;
}

// Moves k uniformly chosen elements to the front of v, in draw order (partial Fisher–Yates).
void ShuffleFront(std::vector<std::string>& v, std::size_t k, SplitMix64& rng) {
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t j = i + static_cast<std::size_t>(rng.Below(v.size() - i));
    std::swap(v[i], v[j]);
  }
}

}  // namespace

std::size_t SampleSize(std::size_t population, std::int32_t ratio_permille) {
  if (population == 0 || ratio_permille <= 0) return 0;
  const std::size_t ratio = static_cast<std::size_t>(std::min(ratio_permille, 1000));
  const std::size_t n = (population * ratio + 999) / 1000;
  return std::max<std::size_t>(n, 1);
}

Result<DrawResult> Draw(std::uint64_t seed, std::vector<std::string> population,
                        std::vector<std::string> inspector_pool, const DrawPlan& plan) {
  if (auto e = ValidateDrawPlan(plan)) return *e;
  if (auto e = SortUnique("population", population)) return *e;
  if (auto e = SortUnique("inspector_pool", inspector_pool)) return *e;
  const std::size_t sample = SampleSize(population.size(), plan.ratio_permille);
  const auto per_check = static_cast<std::size_t>(plan.inspectors_per_check);
  if (sample > 0 && inspector_pool.size() < per_check) {
    return Error::InvalidArgument("inspector_pool",
                                  "has " + std::to_string(inspector_pool.size()) +
                                      " distinct inspectors, fewer than inspectors_per_check " +
                                      std::to_string(per_check));
  }

  DrawResult result;
  result.population_hash = PopulationHash(population);
  SplitMix64 rng(seed);
  // Organizations first, then inspectors check by check: one stream, consumed in a fixed order.
  ShuffleFront(population, sample, rng);
  result.checks.reserve(sample);
  for (std::size_t i = 0; i < sample; ++i) {
    // Each check shuffles the pool from its sorted order, so check i's inspectors do not depend
    // on how the previous check happened to leave the vector.
    std::vector<std::string> pool = inspector_pool;
    ShuffleFront(pool, per_check, rng);
    pool.resize(per_check);
    result.checks.push_back(Check{std::move(population[i]), std::move(pool)});
  }
  return result;
}

Result<DrawResult> Draw(std::string_view seed, std::vector<std::string> population,
                        std::vector<std::string> inspector_pool, const DrawPlan& plan) {
  return Draw(SeedFromString(seed), std::move(population), std::move(inspector_pool), plan);
}

}  // namespace socgov::supervision
