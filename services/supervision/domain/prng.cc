#include "supervision/domain/prng.h"

#include "supervision/domain/fnv.h"

namespace socgov::supervision {

std::uint64_t SplitMix64::Next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t SplitMix64::Below(std::uint64_t bound) {
  // (2^64 - bound) % bound == 2^64 % bound, computed without 128-bit arithmetic.
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    const std::uint64_t r = Next();
    if (r >= threshold) return r % bound;
  }
}

std::uint64_t SeedFromString(std::string_view seed) { return Fnv1a64(seed); }

}  // namespace socgov::supervision
