// FNV-1a 64: a tiny, fully specified hash, so a digest computed here can be recomputed by anyone
// (the public, an auditor's script) from the published ids without our code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace socgov::supervision {

inline constexpr std::uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

// Continues an FNV-1a 64 hash over the bytes of `bytes`.
std::uint64_t Fnv1a64(std::string_view bytes, std::uint64_t hash = kFnvOffsetBasis);

// 16 lowercase hex digits, most significant first.
std::string Hex64(std::uint64_t v);

// The published digest of a sampling population: FNV-1a 64 over the ids sorted bytewise and
// de-duplicated, each followed by '\n' (the terminator keeps {"ab","c"} apart from {"a","bc"}).
// Independent of input order, so the bureau and a checker agree however they listed the ids.
std::string PopulationHash(std::vector<std::string> ids);

}  // namespace socgov::supervision
