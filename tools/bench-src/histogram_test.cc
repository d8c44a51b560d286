// The histogram keeps 3 significant digits over the whole range and reports HdrHistogram-style
// percentiles.
#include "histogram.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace socgov::bench {
namespace {

TEST(Histogram, SmallValuesAreExact) {
  for (int64_t v : {0, 1, 7, 1000, 2047}) {
    EXPECT_EQ(Histogram::HighestEquivalent(Histogram::IndexOf(v)), v);
  }
}

TEST(Histogram, LargeValuesKeepThreeSignificantDigits) {
  for (int64_t v = 2048; v < int64_t{1} << 40; v = v * 3 + 17) {
    const int64_t hi = Histogram::HighestEquivalent(Histogram::IndexOf(v));
    EXPECT_GE(hi, v);
    EXPECT_LE(static_cast<double>(hi - v) / static_cast<double>(v), 1.0 / 1024) << v;
  }
}

TEST(Histogram, IndicesAreMonotonic) {
  size_t last = 0;
  for (int64_t v = 0; v < 5'000'000; v += 97) {
    const size_t i = Histogram::IndexOf(v);
    EXPECT_GE(i, last);
    last = i;
  }
}

TEST(Histogram, Percentiles) {
  Histogram h;
  for (int64_t v = 1; v <= 1000; ++v) h.Record(v * 1000);  // 1 µs .. 1 ms
  EXPECT_EQ(h.count(), 1000u);
  EXPECT_NEAR(h.Percentile(50), 500'000, 500);
  EXPECT_NEAR(h.Percentile(99), 990'000, 1000);
  EXPECT_EQ(h.Percentile(100), 1'000'000);
  EXPECT_EQ(h.min(), 1000);
  EXPECT_NEAR(h.mean(), 500'500, 1);
}

TEST(Histogram, MergeAddsCounts) {
  Histogram a, b;
  a.Record(10);
  b.Record(5'000'000);
  b.Record(20);
  a.Merge(b);
  EXPECT_EQ(a.count(), 3u);
  EXPECT_EQ(a.min(), 10);
  EXPECT_EQ(a.max(), 5'000'000);
  EXPECT_EQ(a.Percentile(50), 20);
}

TEST(Histogram, EmptyIsZero) {
  Histogram h;
  EXPECT_EQ(h.Percentile(99), 0);
  EXPECT_EQ(h.max(), 0);
}

}  // namespace
}  // namespace socgov::bench
