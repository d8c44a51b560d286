#include "supervision/domain/fnv.h"

#include <algorithm>

namespace socgov::supervision {

std::uint64_t Fnv1a64(std::string_view bytes, std::uint64_t hash) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

std::string Hex64(std::uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kDigits[v & 0xF];
    v >>= 4;
  }
  return out;
}

std::string PopulationHash(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::uint64_t h = kFnvOffsetBasis;
  for (const auto& id : ids) {
    h = Fnv1a64(id, h);
    h = Fnv1a64("\n", h);
  }
  return Hex64(h);
}

}  // namespace socgov::supervision
