// The draw's random source, written out here rather than taken from <random>: the standard fixes
// mt19937's raw output but not what its distributions make of it, and a published draw must come
// out the same on every machine and library version, so that anyone can re-run it from the seed.
#pragma once

#include <cstdint>
#include <string_view>

namespace socgov::supervision {

// SplitMix64 (Steele, Lea, Flood 2014): one 64-bit state word, every seed (0 included) is fine.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();
  // Uniform in [0, bound) without modulo bias: values below 2^64 mod bound are rejected, so every
  // residue has the same number of preimages. bound must be > 0.
  std::uint64_t Below(std::uint64_t bound);

 private:
  std::uint64_t state_;
};

// A textual seed (e.g. the number drawn in public, or a notarised phrase) as a 64-bit seed:
// FNV-1a 64 of its bytes.
std::uint64_t SeedFromString(std::string_view seed);

}  // namespace socgov::supervision
