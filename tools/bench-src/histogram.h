// Log-linear latency histogram (the HdrHistogram layout, written small): values in nanoseconds,
// 3 significant digits. Values below 2048 ns have their own counter; above, each power of two is
// split into 1024 equal sub-buckets, so a recorded value is off by at most 1/1024 (< 0.1 %).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace socgov::bench {

class Histogram {
 public:
  Histogram();
  void Record(int64_t ns);
  void Merge(const Histogram& other);
  uint64_t count() const { return count_; }
  int64_t min() const { return count_ == 0 ? 0 : min_; }
  int64_t max() const { return max_; }
  double mean() const { return count_ == 0 ? 0.0 : static_cast<double>(sum_) / count_; }
  // The smallest recorded-equivalent value v such that `percent` % of values are <= v (the
  // highest value of the sub-bucket, as HdrHistogram reports). 0 when empty.
  int64_t Percentile(double percent) const;

  // Exposed for tests: the counter index of a value and the highest value that maps to it.
  static size_t IndexOf(int64_t ns);
  static int64_t HighestEquivalent(size_t index);

 private:
  std::vector<uint64_t> counts_;
  uint64_t count_ = 0;
  int64_t min_ = 0;
  int64_t max_ = 0;
  __int128 sum_ = 0;
};

}  // namespace socgov::bench
