#include "platform/util/uuid.h"

#include <array>
#include <cstdint>
#include <random>

namespace socgov {
namespace {

// 12 bits of rand_a hold a counter (RFC 9562 §6.2, method 1). A fresh millisecond seeds it
// randomly in the lower half so at least 2048 ids fit into one millisecond before it rolls over.
constexpr uint32_t kCounterBits = 12;
constexpr uint32_t kCounterMax = (1u << kCounterBits) - 1;
constexpr uint32_t kCounterSeedMask = (1u << (kCounterBits - 1)) - 1;
constexpr uint64_t kTimestampMask = (uint64_t{1} << 48) - 1;
// A clock (or an injected time) that goes back further than this is taken at its word instead of
// being clamped to the last timestamp; smaller steps back keep ids monotonic.
constexpr int64_t kMaxBackwardStepMs = 10'000;

// Per-thread generator state. It is mutable state outside any object, which the codebase otherwise
// avoids, but ids are minted deep inside domain/app code that should not have to thread a generator
// through every call; thread_local needs no lock on the hot path and is never shared across
// threads.
struct Generator {
  std::mt19937_64 engine;
  int64_t last_ms = -1;
  uint32_t counter = 0;

  Generator() {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
    engine.seed(seq);
  }
};

Generator& ThreadGenerator() {
  thread_local Generator g;
  return g;
}

}  // namespace

std::string NewUuidV7(TimePoint now) {
  Generator& g = ThreadGenerator();
  int64_t ms = UnixMillis(now);
  if (ms < 0) ms = 0;

  if (ms > g.last_ms || ms < g.last_ms - kMaxBackwardStepMs) {
    g.last_ms = ms;
    g.counter = static_cast<uint32_t>(g.engine()) & kCounterSeedMask;
  } else if (g.counter < kCounterMax) {
    ++g.counter;
  } else {
    // Counter exhausted: borrow the next millisecond rather than break ordering (RFC 9562 §6.2).
    ++g.last_ms;
    g.counter = static_cast<uint32_t>(g.engine()) & kCounterSeedMask;
  }

  const uint64_t ts = static_cast<uint64_t>(g.last_ms) & kTimestampMask;
  const uint64_t rand_b = g.engine();

  std::array<uint8_t, 16> b{};
  for (int i = 0; i < 6; ++i) b[i] = static_cast<uint8_t>(ts >> (40 - 8 * i));
  b[6] = static_cast<uint8_t>(0x70 | ((g.counter >> 8) & 0x0F));
  b[7] = static_cast<uint8_t>(g.counter & 0xFF);
  b[8] = static_cast<uint8_t>(0x80 | ((rand_b >> 56) & 0x3F));
  for (int i = 9; i < 16; ++i) b[i] = static_cast<uint8_t>(rand_b >> (8 * (15 - i)));

  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0x0F]);
  }
  return out;
}

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

}  // namespace socgov
