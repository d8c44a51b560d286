// hiredis adapter: owned reply values, one connection per user (hiredis contexts are not
// thread-safe), an exclusive pool for gRPC worker threads, and a registry of Lua scripts called
// with EVALSHA.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct redisContext;

namespace socgov::store {

// A reply copied out of hiredis, so no redisReply* outlives the call that produced it.
struct Value {
  enum class Type { kNil, kString, kStatus, kInteger, kArray, kError };
  Type type = Type::kNil;
  std::string str;  // kString, kStatus, kError
  long long integer = 0;
  std::vector<Value> elements;

  bool is_nil() const { return type == Type::kNil; }
  bool is_error() const { return type == Type::kError; }
  // The string of a kString/kStatus reply, or the decimal text of a kInteger one.
  std::string AsString() const;
};

struct RedisOptions {
  std::string host = "127.0.0.1";
  int port = 6379;
  int connect_timeout_ms = 2000;
  int command_timeout_ms = 5000;
  std::string password{};  // AUTH after connecting when not empty (requirepass)
  // How long RedisPool::Acquire waits for a free connection before RedisUnavailable (callers
  // answer UNAVAILABLE instead of queueing without bound behind a stuck Redis).
  int pool_wait_ms = 2000;
};

// Redis unreachable or the connection broke mid-command: callers answer UNAVAILABLE.
class RedisUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Redis {
 public:
  explicit Redis(RedisOptions options);  // connects lazily; never throws
  ~Redis();
  Redis(const Redis&) = delete;
  Redis& operator=(const Redis&) = delete;

  // Binary-safe command. Reconnects once when the connection is broken; throws RedisUnavailable
  // when Redis cannot be reached. Redis errors come back as Value::Type::kError, not exceptions.
  Value Command(const std::vector<std::string>& argv);
  // Sends all commands in one write and reads all replies (one round trip).
  std::vector<Value> Pipeline(const std::vector<std::vector<std::string>>& commands);
  // Like Command but with a custom socket timeout (for blocking reads such as XREADGROUP BLOCK).
  Value CommandWithTimeout(const std::vector<std::string>& argv, int timeout_ms);
  bool Ping();
  const RedisOptions& options() const { return options_; }
  // Writes-then-reads sent on this connection (a pipeline is one): what a command costs, as
  // tests check it (architecture.md §4: one read and one commit per command).
  uint64_t round_trips() const { return round_trips_; }

 private:
  void EnsureConnected();
  void Disconnect();
  RedisOptions options_;
  redisContext* ctx_ = nullptr;
  uint64_t round_trips_ = 0;
};

// Exclusive pool: Lease() hands out one connection at a time per holder, growing up to max_size.
// Acquire throws RedisUnavailable when none is free within options.pool_wait_ms.
class RedisPool {
 public:
  RedisPool(RedisOptions options, size_t max_size);
  class Lease {
   public:
    Lease(RedisPool* pool, std::unique_ptr<Redis> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Redis* operator->() { return conn_.get(); }
    Redis& operator*() { return *conn_; }

   private:
    RedisPool* pool_;
    std::unique_ptr<Redis> conn_;
  };
  Lease Acquire();
  const RedisOptions& options() const { return options_; }

 private:
  void Release(std::unique_ptr<Redis> conn);
  RedisOptions options_;
  size_t max_size_;
  size_t created_ = 0;
  std::vector<std::unique_ptr<Redis>> idle_;
  std::mutex mu_;
  std::condition_variable cv_;
};

// Named Lua scripts. Eval uses EVALSHA and, on NOSCRIPT (e.g. after a Redis restart), loads the
// script with SCRIPT LOAD and retries once.
class ScriptRegistry {
 public:
  void Add(std::string name, std::string source);
  Value Eval(Redis& redis, std::string_view name, const std::vector<std::string>& keys,
             const std::vector<std::string>& args) const;
  // Loads every script now (at start, so a syntax error stops the service before it serves).
  void LoadAll(Redis& redis) const;

 private:
  struct Script {
    std::string name;
    std::string source;
    std::string sha;  // SHA-1 hex computed locally, equal to what SCRIPT LOAD returns
  };
  const Script& Find(std::string_view name) const;
  std::vector<Script> scripts_;
};

}  // namespace socgov::store
