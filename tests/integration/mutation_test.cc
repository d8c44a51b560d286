// The platform's generic mutate script on a real redis-server: all or nothing, replays, the
// counter guard (read with the target, spent only by the commit), and keys under one hash tag.
#include "platform/store/mutation.h"

#include <gtest/gtest.h>

#include "platform/store/command.h"
#include "support/servers.h"

namespace socgov::testing {
namespace {

using Kind = store::Mutation::Guard::Kind;

class MutationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<RedisServer>(dir_.path());
    redis_ = std::make_unique<store::Redis>(store::RedisOptions{"127.0.0.1", server_->port()});
    store::AddMutateScript(scripts_);
    scripts_.LoadAll(*redis_);
  }
  Result<store::CommandOutcome> Run(const store::Mutation& m) {
    return store::RunMutation(*redis_, scripts_, m, "test command");
  }
  std::string Get(const std::string& key) { return redis_->Command({"GET", key}).str; }

  TempDir dir_;
  std::unique_ptr<RedisServer> server_;
  std::unique_ptr<store::Redis> redis_;
  store::ScriptRegistry scripts_;
};

store::Mutation Counted(const std::string& idem, const std::string& expected) {
  store::Mutation m;
  m.idem_key = "{t}:idem:" + idem;
  m.response = "response of " + idem;
  m.guards = {{Kind::kCounter, "{t}:serial", expected, "serial"}};
  m.hashes = {{"{t}:entity:" + idem, {"serial", std::to_string(std::stoi(expected) + 1)}}};
  return m;
}

TEST_F(MutationTest, CounterGuardSpendsTheSerialReadAndRefusesAStaleOne) {
  // A missing counter reads as 0.
  ASSERT_TRUE(Run(Counted("a", "0")).ok());
  EXPECT_EQ(Get("{t}:serial"), "1");
  // A second command that read 0 too lost the race: nothing of it is written.
  auto stale = Run(Counted("b", "0"));
  ASSERT_FALSE(stale.ok());
  EXPECT_TRUE(store::IsCounterConflict(stale.error())) << stale.error().message;
  EXPECT_EQ(Get("{t}:serial"), "1");
  EXPECT_EQ(redis_->Command({"EXISTS", "{t}:entity:b"}).integer, 0);
  EXPECT_EQ(redis_->Command({"EXISTS", "{t}:idem:b"}).integer, 0);
  // Read again, it commits.
  ASSERT_TRUE(Run(Counted("b", "1")).ok());
  EXPECT_EQ(Get("{t}:serial"), "2");
}

TEST_F(MutationTest, AFailedGuardWritesNothingAndAReplayReturnsTheFirstResponse) {
  store::Mutation m = Counted("c", "0");
  m.guards.push_back({Kind::kAbsent, "{t}:taken", "", "thing"});
  redis_->Command({"SET", "{t}:taken", "1"});
  auto refused = Run(m);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(refused.error().message, "thing exists");
  // The counter guard passed before the absent guard failed: it must not have moved.
  EXPECT_TRUE(redis_->Command({"GET", "{t}:serial"}).is_nil());

  redis_->Command({"DEL", "{t}:taken"});
  auto first = Run(m);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->kind, store::CommandOutcome::Kind::kApplied);
  auto again = Run(m);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->kind, store::CommandOutcome::Kind::kReplayed);
  EXPECT_EQ(again->replayed_response, "response of c");
  EXPECT_EQ(Get("{t}:serial"), "1");  // the replay spent nothing
}

TEST_F(MutationTest, OneReadRoundTripReturnsTheReplayAndTheReads) {
  redis_->Command({"HSET", "{t}:entity", "version", "3"});
  redis_->Command({"SET", "{t}:idem:seen", "first"});
  auto read = store::ReadForCommand(*redis_, "{t}:idem:seen",
                                    {{"HGETALL", "{t}:entity"}, {"GET", "{t}:serial"}});
  ASSERT_TRUE(read.prior.has_value());
  EXPECT_EQ(*read.prior, "first");
  ASSERT_EQ(read.rows.size(), 2u);
  EXPECT_EQ(store::FlatHash(read.rows[0]), (std::vector<std::string>{"version", "3"}));
  EXPECT_TRUE(read.rows[1].is_nil());
}

TEST_F(MutationTest, HashIncrementsAddUpAndAreAllOrNothingWithTheGuards) {
  store::Mutation m = Counted("inc-1", "0");
  m.hincrs = {{"{t}:sums", "a", 5}, {"{t}:sums", "b", -2}};
  ASSERT_TRUE(Run(m).ok());
  store::Mutation again = Counted("inc-2", "1");
  again.hincrs = {{"{t}:sums", "a", 3}};
  ASSERT_TRUE(Run(again).ok());
  EXPECT_EQ(redis_->Command({"HGET", "{t}:sums", "a"}).str, "8");
  EXPECT_EQ(redis_->Command({"HGET", "{t}:sums", "b"}).str, "-2");
  // A refused guard adds nothing.
  store::Mutation stale = Counted("inc-3", "0");
  stale.hincrs = {{"{t}:sums", "a", 100}};
  ASSERT_FALSE(Run(stale).ok());
  EXPECT_EQ(redis_->Command({"HGET", "{t}:sums", "a"}).str, "8");
}

}  // namespace
}  // namespace socgov::testing
