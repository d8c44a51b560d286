// The hiredis adapter against a real redis-server: binary safety, pipelines, reconnect after a
// restart, NOSCRIPT recovery, UNAVAILABLE when Redis is gone, and the exclusive pool.
#include <gtest/gtest.h>

#include <thread>

#include "platform/store/redis.h"
#include "support/servers.h"

namespace socgov::testing {
namespace {

TEST(Store, BinarySafeValuesPipelinesAndReplyTypes) {
  TempDir dir;
  RedisServer server(dir.path());
  store::Redis redis({"127.0.0.1", server.port()});
  const std::string binary("a\0b\r\n\xff", 6);
  EXPECT_EQ(redis.Command({"SET", "k", binary}).type, store::Value::Type::kStatus);
  EXPECT_EQ(redis.Command({"GET", "k"}).str, binary);
  auto replies =
      redis.Pipeline({{"INCR", "n"}, {"INCR", "n"}, {"GET", "missing"}, {"LPUSH", "k", "x"}});
  ASSERT_EQ(replies.size(), 4u);
  EXPECT_EQ(replies[1].integer, 2);
  EXPECT_TRUE(replies[2].is_nil());
  EXPECT_TRUE(replies[3].is_error());  // WRONGTYPE is a reply, not an exception
}

TEST(Store, ReconnectsAfterRedisRestartsAndReportsUnavailableWhileItIsDown) {
  TempDir dir;
  RedisServer server(dir.path());
  store::Redis redis({"127.0.0.1", server.port()});
  ASSERT_TRUE(redis.Ping());
  redis.Command({"SET", "durable", "yes"});
  server.Stop();
  EXPECT_THROW(redis.Command({"GET", "durable"}), store::RedisUnavailable);
  EXPECT_FALSE(redis.Ping());
  server.Start();
  EXPECT_EQ(redis.Command({"GET", "durable"}).str, "yes");  // AOF kept it; the client reconnected
}

TEST(Store, ScriptsAreReloadedAfterTheScriptCacheIsLost) {
  TempDir dir;
  RedisServer server(dir.path());
  store::Redis redis({"127.0.0.1", server.port()});
  store::ScriptRegistry scripts;
  scripts.Add("double", "return tonumber(ARGV[1]) * 2");
  scripts.LoadAll(redis);
  EXPECT_EQ(scripts.Eval(redis, "double", {}, {"21"}).integer, 42);
  redis.Command({"SCRIPT", "FLUSH"});  // as after a Redis restart
  EXPECT_EQ(scripts.Eval(redis, "double", {}, {"4"}).integer, 8);
  store::ScriptRegistry broken;
  broken.Add("broken", "return (");
  EXPECT_THROW(broken.LoadAll(redis), std::runtime_error);  // a bad script stops the start
}

TEST(Store, PoolHandsEachConnectionToOneHolderAtATime) {
  TempDir dir;
  RedisServer server(dir.path());
  store::RedisPool pool({"127.0.0.1", server.port()}, 2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        auto lease = pool.Acquire();
        lease->Command({"INCR", "counter"});
      }
    });
  for (auto& t : threads) t.join();
  auto lease = pool.Acquire();
  EXPECT_EQ(lease->Command({"GET", "counter"}).str, "800");
  // Four threads shared two connections: the pool never grew past its size.
  const std::string info = lease->Command({"INFO", "clients"}).str;
  EXPECT_NE(info.find("connected_clients:2\r\n"), std::string::npos) << info;
}

}  // namespace
}  // namespace socgov::testing
