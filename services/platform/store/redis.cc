#include "platform/store/redis.h"

#include <hiredis/hiredis.h>
#include <sys/time.h>

#include <chrono>
#include <memory>
#include <utility>

namespace socgov::store {
namespace {

struct ReplyDeleter {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using ReplyPtr = std::unique_ptr<redisReply, ReplyDeleter>;

Value Convert(const redisReply* r) {
  Value v;
  switch (r->type) {
    case REDIS_REPLY_STRING:
      v.type = Value::Type::kString;
      v.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_STATUS:
      v.type = Value::Type::kStatus;
      v.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_ERROR:
      v.type = Value::Type::kError;
      v.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_INTEGER:
      v.type = Value::Type::kInteger;
      v.integer = r->integer;
      break;
    case REDIS_REPLY_ARRAY:
      v.type = Value::Type::kArray;
      v.elements.reserve(r->elements);
      for (size_t i = 0; i < r->elements; ++i) v.elements.push_back(Convert(r->element[i]));
      break;
    default:
      v.type = Value::Type::kNil;
  }
  return v;
}

timeval ToTimeval(int ms) {
  return timeval{ms / 1000, static_cast<suseconds_t>((ms % 1000) * 1000)};
}

void AppendArgv(redisContext* ctx, const std::vector<std::string>& argv) {
  std::vector<const char*> ptrs;
  std::vector<size_t> lens;
  ptrs.reserve(argv.size());
  lens.reserve(argv.size());
  for (const auto& a : argv) {
    ptrs.push_back(a.data());
    lens.push_back(a.size());
  }
  redisAppendCommandArgv(ctx, static_cast<int>(argv.size()), ptrs.data(), lens.data());
}

}  // namespace

std::string Value::AsString() const {
  if (type == Type::kInteger) return std::to_string(integer);
  return str;
}

Redis::Redis(RedisOptions options) : options_(std::move(options)) {}

Redis::~Redis() { Disconnect(); }

void Redis::Disconnect() {
  if (ctx_ != nullptr) {
    redisFree(ctx_);
    ctx_ = nullptr;
  }
}

void Redis::EnsureConnected() {
  if (ctx_ != nullptr && ctx_->err == 0) return;
  Disconnect();
  redisContext* c = redisConnectWithTimeout(options_.host.c_str(), options_.port,
                                            ToTimeval(options_.connect_timeout_ms));
  if (c == nullptr) throw RedisUnavailable("redis: cannot allocate context");
  if (c->err != 0) {
    std::string msg =
        "redis " + options_.host + ":" + std::to_string(options_.port) + ": " + c->errstr;
    redisFree(c);
    throw RedisUnavailable(msg);
  }
  redisSetTimeout(c, ToTimeval(options_.command_timeout_ms));
  redisEnableKeepAlive(c);
  if (!options_.password.empty()) {
    auto* reply = static_cast<redisReply*>(redisCommand(c, "AUTH %s", options_.password.c_str()));
    const bool ok = reply != nullptr && reply->type == REDIS_REPLY_STATUS;
    std::string error = reply == nullptr                   ? std::string(c->errstr)
                        : reply->type == REDIS_REPLY_ERROR ? std::string(reply->str, reply->len)
                                                           : std::string();
    if (reply != nullptr) freeReplyObject(reply);
    if (!ok) {
      redisFree(c);
      // Unavailable rather than fatal: a rotated password reaches the pod before Redis restarts.
      throw RedisUnavailable("redis " + options_.host + ":" + std::to_string(options_.port) +
                             ": AUTH failed: " + error);
    }
  }
  ctx_ = c;
}

std::vector<Value> Redis::Pipeline(const std::vector<std::vector<std::string>>& commands) {
  // A broken connection is retried once on a fresh one, so a Redis restart costs no failed call.
  // Commands may therefore run twice; every writer here tolerates that: command scripts are guarded
  // by request ids or compare-and-set, XACK and SET are idempotent, an INCR only leaves a gap, and
  // the relay re-reads its pending list after any failure (an XREADGROUP ">" that ran twice).
  for (int attempt = 0;; ++attempt) {
    EnsureConnected();
    ++round_trips_;
    for (const auto& c : commands) AppendArgv(ctx_, c);
    std::vector<Value> out;
    out.reserve(commands.size());
    bool broken = false;
    for (size_t i = 0; i < commands.size(); ++i) {
      void* raw = nullptr;
      if (redisGetReply(ctx_, &raw) != REDIS_OK || raw == nullptr) {
        broken = true;
        break;
      }
      ReplyPtr reply(static_cast<redisReply*>(raw));
      out.push_back(Convert(reply.get()));
    }
    if (!broken) return out;
    std::string err = ctx_->errstr;
    Disconnect();
    if (attempt >= 1) throw RedisUnavailable("redis: " + err);
  }
}

Value Redis::Command(const std::vector<std::string>& argv) {
  return std::move(Pipeline({argv}).front());
}

Value Redis::CommandWithTimeout(const std::vector<std::string>& argv, int timeout_ms) {
  EnsureConnected();
  redisSetTimeout(ctx_, ToTimeval(timeout_ms));
  Value v;
  try {
    v = Command(argv);
  } catch (...) {
    if (ctx_ != nullptr) redisSetTimeout(ctx_, ToTimeval(options_.command_timeout_ms));
    throw;
  }
  if (ctx_ != nullptr) redisSetTimeout(ctx_, ToTimeval(options_.command_timeout_ms));
  return v;
}

bool Redis::Ping() {
  try {
    Value v = Command({"PING"});
    return v.type == Value::Type::kStatus && v.str == "PONG";
  } catch (const RedisUnavailable&) {
    return false;
  }
}

RedisPool::RedisPool(RedisOptions options, size_t max_size)
    : options_(std::move(options)), max_size_(max_size == 0 ? 1 : max_size) {}

RedisPool::Lease::~Lease() {
  if (pool_ != nullptr && conn_) pool_->Release(std::move(conn_));
}

RedisPool::Lease RedisPool::Acquire() {
  std::unique_lock lock(mu_);
  if (!cv_.wait_for(lock, std::chrono::milliseconds(options_.pool_wait_ms),
                    [&] { return !idle_.empty() || created_ < max_size_; }))
    throw RedisUnavailable("redis pool: no connection free within " +
                           std::to_string(options_.pool_wait_ms) + " ms");
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(conn));
  }
  ++created_;
  return Lease(this, std::make_unique<Redis>(options_));
}

void RedisPool::Release(std::unique_ptr<Redis> conn) {
  {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(conn));
  }
  cv_.notify_one();
}

}  // namespace socgov::store
