#include "histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace socgov::bench {
namespace {

constexpr int kSubBits = 11;  // 2048 linear counters: 3 significant digits
constexpr int64_t kSubCount = int64_t{1} << kSubBits;
constexpr int64_t kHalf = kSubCount / 2;
constexpr int kMaxBits = 42;  // ≈ 73 minutes in ns; larger values are clamped
constexpr size_t kCounters = kSubCount + (kMaxBits - kSubBits) * kHalf;
constexpr int64_t kMaxValue = (int64_t{1} << kMaxBits) - 1;

}  // namespace

Histogram::Histogram() : counts_(kCounters, 0) {}

size_t Histogram::IndexOf(int64_t ns) {
  ns = std::clamp<int64_t>(ns, 0, kMaxValue);
  if (ns < kSubCount) return static_cast<size_t>(ns);
  const int msb = 63 - std::countl_zero(static_cast<uint64_t>(ns));
  const int shift = msb - (kSubBits - 1);  // ns >> shift lies in [kHalf, kSubCount)
  return static_cast<size_t>(kSubCount + (shift - 1) * kHalf + ((ns >> shift) - kHalf));
}

int64_t Histogram::HighestEquivalent(size_t index) {
  if (index < static_cast<size_t>(kSubCount)) return static_cast<int64_t>(index);
  const int64_t rel = static_cast<int64_t>(index) - kSubCount;
  const int shift = static_cast<int>(rel / kHalf) + 1;
  const int64_t sub = rel % kHalf + kHalf;
  return ((sub + 1) << shift) - 1;
}

void Histogram::Record(int64_t ns) {
  if (ns < 0) ns = 0;
  ++counts_[IndexOf(ns)];
  min_ = count_ == 0 ? ns : std::min(min_, ns);
  max_ = std::max(max_, ns);
  sum_ += ns;
  ++count_;
}

void Histogram::Merge(const Histogram& other) {
  if (other.count_ == 0) return;
  for (size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  min_ = count_ == 0 ? other.min_ : std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  sum_ += other.sum_;
  count_ += other.count_;
}

int64_t Histogram::Percentile(double percent) const {
  if (count_ == 0) return 0;
  const double p = std::clamp(percent, 0.0, 100.0);
  const uint64_t want = std::max<uint64_t>(
      1, static_cast<uint64_t>(std::ceil(p / 100.0 * static_cast<double>(count_))));
  uint64_t seen = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= want) return std::min(HighestEquivalent(i), max_);
  }
  return max_;
}

}  // namespace socgov::bench
