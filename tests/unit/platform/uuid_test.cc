#include "platform/util/uuid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace socgov {
namespace {

constexpr int64_t kSample = 1795821199123;  // 2026-11-27T23:13:19.123Z

int64_t TimestampOf(const std::string& id) {
  std::string hex = id.substr(0, 8) + id.substr(9, 4);
  return std::stoll(hex, nullptr, 16);
}

// Each check runs on a fresh thread so that the thread-local generator state left by earlier tests
// (which may have advanced its timestamp) cannot influence the outcome.
template <typename F>
void OnFreshThread(F f) {
  std::thread t(f);
  t.join();
}

TEST(UuidTest, HasCanonicalShapeVersionAndVariant) {
  OnFreshThread([] {
    const std::string id = NewUuidV7(FromUnixMillis(kSample));
    ASSERT_EQ(id.size(), 36u);
    EXPECT_TRUE(IsUuid(id));
    EXPECT_EQ(id[14], '7') << id;
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;
    EXPECT_EQ(id, [&] {
      std::string lower = id;
      std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
      return lower;
    }());
    EXPECT_EQ(TimestampOf(id), kSample) << id;
  });
}

TEST(UuidTest, TenThousandIdsInOneMillisecondSortIncreasingly) {
  OnFreshThread([] {
    const TimePoint t = FromUnixMillis(kSample);
    std::vector<std::string> ids;
    ids.reserve(10000);
    for (int i = 0; i < 10000; ++i) ids.push_back(NewUuidV7(t));
    for (size_t i = 1; i < ids.size(); ++i) {
      ASSERT_LT(ids[i - 1], ids[i]) << "at " << i;
    }
    for (const std::string& id : ids) {
      ASSERT_EQ(id[14], '7');
      ASSERT_NE(std::string("89ab").find(id[19]), std::string::npos);
      // Counter overflow borrows later milliseconds, never earlier ones, and only a few of them.
      ASSERT_GE(TimestampOf(id), kSample);
      ASSERT_LT(TimestampOf(id), kSample + 10);
    }
  });
}

TEST(UuidTest, IdsFromTheSystemClockSortIncreasingly) {
  OnFreshThread([] {
    SystemClock clock;
    std::string prev = NewUuidV7(clock.Now());
    for (int i = 0; i < 10000; ++i) {
      std::string next = NewUuidV7(clock.Now());
      ASSERT_LT(prev, next);
      prev = std::move(next);
    }
  });
}

TEST(UuidTest, LaterMillisecondSortsAfter) {
  OnFreshThread([] {
    const std::string a = NewUuidV7(FromUnixMillis(kSample));
    const std::string b = NewUuidV7(FromUnixMillis(kSample + 1));
    EXPECT_LT(a, b);
    EXPECT_EQ(TimestampOf(b), kSample + 1);
  });
}

TEST(UuidTest, LargeBackwardJumpUsesTheGivenTime) {
  OnFreshThread([] {
    NewUuidV7(FromUnixMillis(kSample));
    const std::string old = NewUuidV7(FromUnixMillis(kSample - 86'400'000));
    EXPECT_EQ(TimestampOf(old), kSample - 86'400'000);
  });
}

TEST(UuidTest, ThreadsDoNotCollide) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 5000;
  std::vector<std::vector<std::string>> per_thread(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&per_thread, t] {
      for (int i = 0; i < kPerThread; ++i) {
        per_thread[t].push_back(NewUuidV7(FromUnixMillis(kSample)));
      }
    });
  }
  for (auto& th : threads) th.join();
  std::set<std::string> all;
  for (const auto& ids : per_thread) all.insert(ids.begin(), ids.end());
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
}

TEST(UuidTest, IsUuidChecksShape) {
  EXPECT_TRUE(IsUuid("01937a2b-1c3d-7e4f-8a5b-6c7d8e9f0a1b"));
  EXPECT_TRUE(IsUuid("01937A2B-1C3D-7E4F-8A5B-6C7D8E9F0A1B"));
  EXPECT_FALSE(IsUuid(""));
  EXPECT_FALSE(IsUuid("01937a2b1c3d7e4f8a5b6c7d8e9f0a1b"));
  EXPECT_FALSE(IsUuid("01937a2b-1c3d-7e4f-8a5b-6c7d8e9f0a1"));
  EXPECT_FALSE(IsUuid("01937a2b-1c3d-7e4f-8a5b-6c7d8e9f0a1bb"));
  EXPECT_FALSE(IsUuid("01937a2g-1c3d-7e4f-8a5b-6c7d8e9f0a1b"));
  EXPECT_FALSE(IsUuid("01937a2b-1c3d-7e4f-8a5b_6c7d8e9f0a1b"));
  EXPECT_FALSE(IsUuid("{1937a2b-1c3d-7e4f-8a5b-6c7d8e9f0a1b}"));
}

}  // namespace
}  // namespace socgov
