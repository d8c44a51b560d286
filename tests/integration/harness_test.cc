// The test harness itself (tests/support/servers.h): real redis-server and nats-server start on
// free loopback ports and restart on the same ports with their data; child processes report exit
// codes and signals the way the service tests rely on.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <hiredis/hiredis.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

#include "support/servers.h"

namespace {

namespace st = socgov::testing;
using std::chrono::milliseconds;
using std::chrono::seconds;

struct RedisFree {
  void operator()(redisContext* c) const { redisFree(c); }
};
struct ReplyFree {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using RedisPtr = std::unique_ptr<redisContext, RedisFree>;
using ReplyPtr = std::unique_ptr<redisReply, ReplyFree>;

RedisPtr Connect(int port) {
  timeval tv{2, 0};
  RedisPtr c(redisConnectWithTimeout("127.0.0.1", port, tv));
  if (!c || c->err != 0) return nullptr;
  redisSetTimeout(c.get(), tv);
  return c;
}

template <typename... Args>
std::string Command(redisContext* c, const char* format, Args... args) {
  ReplyPtr r(static_cast<redisReply*>(redisCommand(c, format, args...)));
  if (!r) return "<io error>";
  if (r->type == REDIS_REPLY_NIL) return "<nil>";
  if (r->str == nullptr) return "<type " + std::to_string(r->type) + ">";
  return std::string(r->str, r->len);
}

// The first line a NATS server sends to a new client ("INFO {...}"), or "" when nothing listens.
std::string NatsGreeting(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return "";
  timeval tv{2, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string line;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    char buf[4096];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n > 0) line.assign(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return line;
}

// One request/reply over the raw NATS text protocol: returns the reply payload, "" on failure.
// Enough to drive the JetStream API ($JS.API.*) without linking a NATS client.
std::string NatsRequest(int port, const std::string& subject, const std::string& payload) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return "";
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string reply;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    const std::string out =
        "CONNECT {\"verbose\":false,\"pedantic\":false}\r\n"
        "SUB _INBOX.harness 1\r\nPUB " +
        subject + " _INBOX.harness " + std::to_string(payload.size()) + "\r\n" + payload +
        "\r\nPING\r\n";
    if (::send(fd, out.data(), out.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(out.size())) {
      std::string in;
      char buf[4096];
      while (true) {
        const size_t msg = in.find("MSG _INBOX.harness ");
        if (msg != std::string::npos) {
          const size_t eol = in.find("\r\n", msg);
          if (eol != std::string::npos) {
            const size_t len_at = in.rfind(' ', eol) + 1;
            const size_t len = std::stoul(in.substr(len_at, eol - len_at));
            if (in.size() >= eol + 2 + len) {
              reply = in.substr(eol + 2, len);
              break;
            }
          }
        }
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        in.append(buf, static_cast<size_t>(n));
      }
    }
  }
  ::close(fd);
  return reply;
}

TEST(HarnessTest, RedisStartsAndAnswersPing) {
  st::TempDir dir;
  st::RedisServer redis(dir.path());
  EXPECT_NE(redis.port(), 6379);
  EXPECT_EQ(redis.host(), "127.0.0.1");

  RedisPtr c = Connect(redis.port());
  ASSERT_TRUE(c);
  EXPECT_EQ(Command(c.get(), "PING"), "PONG");
  ReplyPtr cfg(static_cast<redisReply*>(redisCommand(c.get(), "CONFIG GET appendfsync")));
  ASSERT_TRUE(cfg);
  ASSERT_EQ(cfg->type, REDIS_REPLY_ARRAY);
  ASSERT_EQ(cfg->elements, 2u);
  EXPECT_EQ(std::string(cfg->element[1]->str), "always");
}

TEST(HarnessTest, RedisRestartKeepsPortAndData) {
  st::TempDir dir;
  st::RedisServer redis(dir.path());
  const int port = redis.port();
  {
    RedisPtr c = Connect(port);
    ASSERT_TRUE(c);
    EXPECT_EQ(Command(c.get(), "SET %s %s", "harness:key", "kept"), "OK");
  }
  redis.Stop();
  EXPECT_FALSE(Connect(port));
  redis.Start();
  EXPECT_EQ(redis.port(), port);
  RedisPtr c = Connect(port);
  ASSERT_TRUE(c);
  EXPECT_EQ(Command(c.get(), "GET %s", "harness:key"), "kept");
}

TEST(HarnessTest, NatsStopThenStartReusesPortsAndStore) {
  st::TempDir dir;
  st::NatsServer nats(dir.path());
  const int port = nats.port();
  const int monitor = nats.monitor_port();
  EXPECT_NE(port, 4222);
  EXPECT_NE(port, monitor);
  EXPECT_EQ(nats.url(), "nats://127.0.0.1:" + std::to_string(port));
  EXPECT_EQ(NatsGreeting(port).rfind("INFO ", 0), 0u);
  EXPECT_TRUE(std::filesystem::is_directory(dir.path() + "/nats/jetstream"));

  nats.Stop();
  EXPECT_EQ(NatsGreeting(port), "");

  nats.Start();
  EXPECT_EQ(nats.port(), port);
  EXPECT_EQ(nats.monitor_port(), monitor);
  const std::string info = NatsGreeting(port);
  EXPECT_EQ(info.rfind("INFO ", 0), 0u);
  EXPECT_NE(info.find("\"jetstream\":true"), std::string::npos) << info;
}

TEST(HarnessTest, NatsRestartKeepsJetStreamData) {
  st::TempDir dir;
  st::NatsServer nats(dir.path());
  const std::string created =
      NatsRequest(nats.port(), "$JS.API.STREAM.CREATE.HARNESS",
                  R"({"name":"HARNESS","subjects":["harness.>"],"storage":"file"})");
  ASSERT_NE(created.find("\"name\":\"HARNESS\""), std::string::npos) << created;
  const std::string ack = NatsRequest(nats.port(), "harness.one", "hello");
  ASSERT_NE(ack.find("\"seq\":1"), std::string::npos) << ack;

  nats.Stop();
  nats.Start();
  const std::string info = NatsRequest(nats.port(), "$JS.API.STREAM.INFO.HARNESS", "");
  EXPECT_NE(info.find("\"messages\":1"), std::string::npos) << info;
}

TEST(HarnessTest, TerminateReturnsExitCode) {
  st::TempDir dir;
  st::ChildProcess p({"sh", "-c", "exit 3"}, dir.path() + "/sh.log");
  EXPECT_GT(p.pid(), 0);
  ASSERT_TRUE(st::WaitFor([&p] { return !p.running(); }, seconds(5)));
  EXPECT_EQ(p.Terminate(), 3);
  EXPECT_EQ(p.Terminate(), 3);  // stays reaped
}

TEST(HarnessTest, TerminateReturns128PlusSignal) {
  st::TempDir dir;
  st::ChildProcess p({"sleep", "30"}, dir.path() + "/sleep.log");
  EXPECT_TRUE(p.running());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(p.Terminate(), 128 + 15);
  EXPECT_LT(std::chrono::steady_clock::now() - start, seconds(5));
  EXPECT_FALSE(p.running());
}

TEST(HarnessTest, TerminateFallsBackToSigkill) {
  st::TempDir dir;
  const std::string ready = dir.path() + "/trapped";
  st::ChildProcess p({"sh", "-c", "trap '' TERM; touch \"$READY\"; while :; do sleep 0.05; done"},
                     dir.path() + "/trap.log", {{"READY", ready}});
  ASSERT_TRUE(st::WaitFor([&] { return std::filesystem::exists(ready); }, seconds(5)));
  EXPECT_EQ(p.Terminate(milliseconds(200)), 128 + 9);
}

TEST(HarnessTest, Kill9Reaps) {
  st::TempDir dir;
  st::ChildProcess p({"sleep", "30"}, dir.path() + "/sleep.log");
  p.Kill9();
  EXPECT_FALSE(p.running());
  EXPECT_EQ(p.Terminate(), 128 + 9);
}

TEST(HarnessTest, LogAppendsStdoutAndStderrAndEnvOverrides) {
  st::TempDir dir;
  const std::string log = dir.path() + "/child.log";
  { std::ofstream(log) << "before\n"; }
  st::ChildProcess p({"sh", "-c", "echo \"out:$SOCGOV_HARNESS\"; echo \"err:$HOME\" >&2"}, log,
                     {{"SOCGOV_HARNESS", "one"}, {"HOME", "/nonexistent-home"}});
  ASSERT_TRUE(st::WaitFor([&p] { return !p.running(); }, seconds(5)));
  EXPECT_EQ(p.Terminate(), 0);
  EXPECT_EQ(st::ReadFile(log), "before\nout:one\nerr:/nonexistent-home\n");
}

TEST(HarnessTest, FindProgramSearchesSbinAndNamesThePackage) {
  EXPECT_EQ(st::FindProgram("nats-server").find('/'), 0u);
  try {
    st::FindProgram("socgov-no-such-program");
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("socgov-no-such-program"), std::string::npos);
  }
  EXPECT_THROW(st::ChildProcess({"socgov-no-such-program"}, "/dev/null"), std::runtime_error);
}

TEST(HarnessTest, TempDirIsRemovedRecursively) {
  std::string path;
  {
    st::TempDir dir;
    path = dir.path();
    std::filesystem::create_directories(path + "/a/b");
    std::ofstream(path + "/a/b/f") << "x";
    EXPECT_TRUE(std::filesystem::is_directory(path));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
