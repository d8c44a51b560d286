// Redis with requirepass (deploy/k8s/base/redis): the adapter authenticates on every (re)connect,
// and a wrong password is UNAVAILABLE (retried), never a crash.
#include <gtest/gtest.h>

#include "platform/store/redis.h"
#include "support/servers.h"

namespace socgov::testing {
namespace {

TEST(StoreAuth, AuthenticatesOnConnectAndAfterReconnect) {
  TempDir dir;
  RedisServer server(dir.path());
  {
    store::Redis admin({"127.0.0.1", server.port()});
    ASSERT_EQ(admin.Command({"CONFIG", "SET", "requirepass", "s3cret"}).type,
              store::Value::Type::kStatus);
  }
  store::RedisOptions options{"127.0.0.1", server.port()};
  options.password = "s3cret";
  store::Redis redis(options);
  EXPECT_TRUE(redis.Ping());
  redis.Command({"SET", "k", "v"});
  const auto id = redis.Command({"CLIENT", "ID"}).integer;
  store::Redis killer(options);
  EXPECT_EQ(killer.Command({"CLIENT", "KILL", "ID", std::to_string(id)}).integer, 1);
  EXPECT_EQ(redis.Command({"GET", "k"}).str, "v");  // reconnected and authenticated again

  options.password = "wrong";
  store::Redis wrong(options);
  EXPECT_THROW(wrong.Command({"GET", "k"}), store::RedisUnavailable);
  EXPECT_FALSE(wrong.Ping());
  store::Redis none({"127.0.0.1", server.port()});
  EXPECT_TRUE(none.Command({"GET", "k"}).is_error());  // NOAUTH is a reply
}

}  // namespace
}  // namespace socgov::testing
