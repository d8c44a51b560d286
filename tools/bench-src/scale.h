// P5 (benchmarks.md): a national-scale data set. Organizations in the national mix (41.5 % social
// groups, 57.4 % social service organizations, 1 % foundations, the rest social service) spread
// over ~2 900 county-level registration authorities with a Zipf(1.0) skew, and an event stream.
//
// Bulk path: organizations are loaded through registration's own use cases and store
// (Registry::Submit, Approve and, for social groups, the preparation step ApplyEstablishment: the
// code behind the gRPC handlers) from in-process
// threads, without the gRPC transport. The keys, Lua scripts, idempotency records and outbox
// events are therefore those of the real write path by construction; the relay of the running
// service publishes the events as usual. A registration authority only registers for itself, so
// each district gets its own Registry (authority = district) and a registrar principal of it.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "registration/domain/types.h"

namespace socgov::bench {

// County-level codes (province prefixes of the 31 mainland provincial units, synthetic city and
// district numbers), ordered by weight: the first is the most populous.
std::vector<std::string> NationalDistricts();

// Deterministic sample: organization i → (district, kind); Zipf(1.0) over the districts.
class NationalMix {
 public:
  explicit NationalMix(uint64_t seed);
  const std::string& District(std::mt19937_64& rng) const;
  registration::OrgKind Kind(uint64_t i) const;  // exact proportions over any prefix of 1000
  const std::vector<std::string>& districts() const { return districts_; }

 private:
  std::vector<std::string> districts_;
  std::vector<double> cdf_;
};

// A valid profile of `kind` registered by `district`, named uniquely by `unique`.
registration::Profile ScaleProfile(registration::OrgKind kind, const std::string& district,
                                   const std::string& unique);

struct LoadResult {
  uint64_t loaded = 0;
  uint64_t failed = 0;
  std::string first_error;
  double seconds = 0;
  std::vector<std::string> org_ids;  // credit codes of the loaded organizations
  std::vector<std::string> org_districts;
};

// Loads `count` organizations into the Redis at `redis_port` with `threads` threads; all of
// `only_kind` when set, else the national mix.
LoadResult LoadOrganizations(int redis_port, uint64_t count, int threads, const std::string& tag,
                             std::optional<registration::OrgKind> only_kind = std::nullopt);

}  // namespace socgov::bench
