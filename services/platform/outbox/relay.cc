#include "platform/outbox/relay.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <utility>

#include "platform/metrics/metrics.h"
#include "platform/util/uuid.h"

namespace socgov::outbox {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kBatch = 100;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Stream ids are "<ms>-<seq>"; compare numerically.
std::pair<uint64_t, uint64_t> ParseId(const std::string& id) {
  unsigned long long ms = 0, seq = 0;
  std::sscanf(id.c_str(), "%llu-%llu", &ms, &seq);
  return {ms, seq};
}

bool DecodeEntry(const store::Value& entry, std::string& id, OutboxEvent& e) {
  if (entry.type != store::Value::Type::kArray || entry.elements.size() < 2) return false;
  id = entry.elements[0].str;
  const auto& fields = entry.elements[1].elements;
  if (fields.empty()) return false;  // deleted (trimmed) entry still in the PEL
  for (size_t i = 0; i + 1 < fields.size(); i += 2) {
    const std::string& k = fields[i].str;
    const std::string& v = fields[i + 1].str;
    if (k == "id")
      e.id = v;
    else if (k == "type")
      e.type = v;
    else if (k == "source")
      e.source = v;
    else if (k == "subject")
      e.subject = v;
    else if (k == "time")
      e.time = v;
    else if (k == "dataschema")
      e.dataschema = v;
    else if (k == "sequence")
      e.sequence = std::strtoll(v.c_str(), nullptr, 10);
    else if (k == "jurisdiction")
      e.jurisdiction = v;
    else if (k == "actor")
      e.actor = v;
    else if (k == "nats_subject")
      e.nats_subject = v;
    else if (k == "data")
      e.data = v;
  }
  return !e.id.empty() && !e.nats_subject.empty();
}

// XREADGROUP / XRANGE reply → list of entries.
const std::vector<store::Value>* Entries(const store::Value& v) {
  if (v.type != store::Value::Type::kArray || v.elements.empty()) return nullptr;
  const auto& stream = v.elements[0];
  if (stream.type != store::Value::Type::kArray || stream.elements.size() < 2) return nullptr;
  return &stream.elements[1].elements;
}

}  // namespace

Relay::Relay(RelayOptions options, store::RedisOptions redis, bus::Connection& nats,
             metrics::Metrics* metrics, const log::Logger& logger)
    : options_(std::move(options)),
      redis_options_(std::move(redis)),
      nats_(nats),
      metrics_(metrics),
      logger_(logger) {
  // Drops entries whose window has passed from both retention sets, atomically.
  scripts_.Add("expire", R"lua(
local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
for i = 1, #old do redis.call('ZREM', KEYS[2], old[i]) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
return #old
)lua");
  // The publishing lease: taken when free, renewed by its holder, never taken from a live one.
  scripts_.Add("lease", R"lua(
local cur = redis.call('GET', KEYS[1])
if cur == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not cur then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 2
end
return 0
)lua");
  scripts_.Add("release", R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
)lua");
  lease_token_ = options_.consumer + ":" + NewUuidV7(std::chrono::system_clock::now());
}

bool Relay::HoldLease(store::Redis& redis) {
  store::Value v = scripts_.Eval(redis, "lease", {LeaseKey()},
                                 {lease_token_, std::to_string(options_.lease_ttl_ms)});
  if (v.is_error()) throw store::RedisUnavailable("relay lease: " + v.str);
  const bool held = v.integer > 0;
  if (held) lease_renewed_ = Clock::now();
  if (held != active_.load()) {
    active_ = held;
    if (held)
      logger_.Info("relay active", {{"consumer", options_.consumer}});
    else
      logger_.Warn("relay lease lost; standing by", {{"consumer", options_.consumer}});
  }
  if (v.integer == 2) {
    // Taken over (first start, or a replica that stopped renewing): whatever the previous holder
    // had read but not published is ours now, and must go out before anything newer.
    ClaimOrphans(redis, "0");
  }
  return held;
}

void Relay::ReleaseLease(store::Redis& redis) {
  try {
    scripts_.Eval(redis, "release", {LeaseKey()}, {lease_token_});
  } catch (const store::RedisUnavailable&) {
    // It expires by itself.
  }
  active_ = false;
}

Relay::~Relay() { Stop(0); }

void Relay::Start() {
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this] { Run(); });
}

void Relay::Stop(int flush_timeout_ms) {
  flush_deadline_ms_ = NowMs() + flush_timeout_ms;
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

bool Relay::PublishEntry(store::Redis& redis, const store::Value& entry, bool ack) {
  std::string id;
  OutboxEvent e;
  if (!DecodeEntry(entry, id, e)) {
    // Nothing to publish (trimmed or malformed): drop it from the pending list so it cannot block.
    if (ack && !id.empty()) redis.Command({"XACK", options_.stream_key, options_.group, id});
    return true;
  }
  // While disconnected a publish would only wait for its timeout: fail fast, the entry stays.
  if (!nats_.connected()) return false;
  auto r = bus::Publish(nats_, e, options_.publish_timeout_ms);
  if (!r.ok()) {
    if (metrics_ != nullptr) metrics_->IncRelayPublishError();
    return false;
  }
  // The publish time starts the entry's retention window (not its XADD time: an entry published
  // late, after an outage, must still be kept for the full window). Recorded and acked together.
  std::vector<std::vector<std::string>> cmds = {
      {"MULTI"},
      {"ZADD", PublishedKey(), std::to_string(NowMs()), id},
      {"ZADD", PublishedIdsKey(), std::to_string(ParseId(id).first), id}};
  if (ack) cmds.push_back({"XACK", options_.stream_key, options_.group, id});
  cmds.push_back({"EXEC"});
  const auto replies = redis.Pipeline(cmds);
  if (replies.back().type != store::Value::Type::kArray)
    throw store::RedisUnavailable("recording publish of " + id + ": " + replies.back().str);
  if (metrics_ != nullptr) metrics_->IncRelayPublished();
  return true;
}

void Relay::Pause(int ms) {
  // Sleeps at least one step even when stopping, so a failing flush cannot spin.
  int waited = 0;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    waited += 20;
  } while (waited < ms && !stop_);
}

bool Relay::ClaimOrphans(store::Redis& redis, const char* min_idle_ms) {
  store::Value v = redis.Command({"XAUTOCLAIM", options_.stream_key, options_.group,
                                  options_.consumer, min_idle_ms, "0-0", "COUNT", "100", "JUSTID"});
  return v.type == store::Value::Type::kArray && v.elements.size() >= 2 &&
         !v.elements[1].elements.empty();
}

bool Relay::EnsureStream() {
  if (options_.stream.name.empty()) return true;
  auto err = bus::EnsureStream(nats_, options_.stream);
  if (err)
    logger_.Warn("stream not provisioned yet",
                 {{"stream", options_.stream.name}, {"error", err->message}});
  return !err.has_value();
}

bool Relay::RepublishWindow(store::Redis& redis) {
  // nats-server 2.9 fsyncs every 60 s: after it restarts, the tail it acknowledged may be gone.
  // Re-send what was published within the window; JetStream dedup drops what it still has.
  // The ids are taken first: re-publishing re-scores them, which would shift any paging.
  store::Value ids = redis.Command(
      {"ZRANGEBYSCORE", PublishedKey(), std::to_string(NowMs() - options_.retention_ms), "+inf"});
  std::vector<std::string> window;
  for (const auto& id : ids.elements) window.push_back(id.str);
  std::sort(window.begin(), window.end(),
            [](const std::string& a, const std::string& b) { return ParseId(a) < ParseId(b); });
  uint64_t count = 0;
  for (size_t first = 0; first < window.size() && !stop_; first += kBatch) {
    std::vector<std::vector<std::string>> reads;
    for (size_t i = first; i < std::min(window.size(), first + kBatch); ++i)
      reads.push_back({"XRANGE", options_.stream_key, window[i], window[i]});
    for (const auto& range : redis.Pipeline(reads)) {
      if (range.elements.empty()) continue;  // trimmed meanwhile
      if (!PublishEntry(redis, range.elements[0], false)) {
        logger_.Warn("re-publish interrupted; will retry");
        return false;
      }
      ++count;
    }
  }
  republished_ += count;
  logger_.Info("re-published the retained outbox window", {{"entries", std::to_string(count)}});
  return true;
}

Relay::GroupState Relay::ReadGroupState(store::Redis& redis) {
  const auto replies = redis.Pipeline({{"XPENDING", options_.stream_key, options_.group},
                                       {"XINFO", "GROUPS", options_.stream_key}});
  GroupState state;
  const store::Value& pending = replies[0];
  if (pending.type == store::Value::Type::kArray && pending.elements.size() >= 2 &&
      pending.elements[0].integer > 0) {
    state.pending = pending.elements[0].integer;
    state.oldest_pending = ParseId(pending.elements[1].str);
  }
  for (const auto& g : replies[1].elements) {
    std::string name, last_delivered;
    long long lag = 0;
    for (size_t i = 0; i + 1 < g.elements.size(); i += 2) {
      if (g.elements[i].str == "name") name = g.elements[i + 1].str;
      if (g.elements[i].str == "last-delivered-id") last_delivered = g.elements[i + 1].str;
      if (g.elements[i].str == "lag") lag = g.elements[i + 1].integer;
    }
    if (name != options_.group) continue;
    state.last_delivered = last_delivered;
    state.lag = lag;
  }
  return state;
}

void Relay::Trim(store::Redis& redis, const GroupState& group) {
  // Keep every entry that is unpublished (pending or not yet delivered) or was published within
  // the window; what is older than all of those can go.
  scripts_.Eval(redis, "expire", {PublishedKey(), PublishedIdsKey()},
                {std::to_string(NowMs() - options_.retention_ms)});
  if (!group.last_delivered) return;  // no group yet: nothing was ever delivered
  std::pair<uint64_t, uint64_t> bound = ParseId(*group.last_delivered);
  if (group.oldest_pending) bound = std::min(bound, *group.oldest_pending);
  // The smallest id still inside its window (scored by the id's milliseconds; ties within one
  // millisecond are kept whole by using sequence 0).
  store::Value oldest = redis.Command({"ZRANGE", PublishedIdsKey(), "0", "0"});
  if (!oldest.elements.empty())
    bound = std::min(bound, std::make_pair(ParseId(oldest.elements[0].str).first, uint64_t{0}));
  char id[64];
  std::snprintf(id, sizeof id, "%llu-%llu", static_cast<unsigned long long>(bound.first),
                static_cast<unsigned long long>(bound.second));
  redis.Command({"XTRIM", options_.stream_key, "MINID", id});
}

void Relay::UpdateGauges(store::Redis& redis, const GroupState& group) {
  if (metrics_ == nullptr) return;
  double oldest_ms = group.oldest_pending ? static_cast<double>(group.oldest_pending->first) : 0;
  if (group.lag > 0 && group.last_delivered) {
    // The oldest entry the group has not read yet.
    store::Value next = redis.Command(
        {"XRANGE", options_.stream_key, "(" + *group.last_delivered, "+", "COUNT", "1"});
    if (!next.elements.empty()) {
      const double ms = static_cast<double>(ParseId(next.elements[0].elements[0].str).first);
      if (oldest_ms == 0 || ms < oldest_ms) oldest_ms = ms;
    }
  }
  const double age = oldest_ms == 0 ? 0 : (static_cast<double>(NowMs()) - oldest_ms) / 1000.0;
  metrics_->SetOutbox(static_cast<double>(group.pending + std::max(group.lag, 0LL)),
                      age < 0 ? 0 : age);
}

void Relay::Run() {
  store::Redis redis(redis_options_);
  bool group_ready = false;
  bool backlog = true;  // start with our own pending entries (e.g. after a crash)
  uint64_t seen_reconnects = nats_.reconnects();
  bool stream_ready = false;
  // Also at start: after a power cut both nats-server and this service restart, and nats-server
  // may have lost a tail it had acknowledged while the relay sees no "reconnect".
  bool republish_pending = true;
  auto next_housekeeping = Clock::now();
  int backoff_ms = 100;
  int errors_logged = 0;
  auto failed = [&](const std::string& what) {
    backlog = true;  // whatever was read may be pending unpublished: re-read our pending list
    if (errors_logged++ % 50 == 0) logger_.Warn(what);
    Pause(backoff_ms);
    backoff_ms = std::min(backoff_ms * 2, 2000);
  };
  auto next_lease = Clock::now();
  const auto lease_period = std::chrono::milliseconds(options_.lease_ttl_ms / 3);
  while (true) {
    if (stop_ && (NowMs() >= flush_deadline_ms_ || !nats_.connected() || !active_)) break;
    try {
      if (!group_ready) {
        store::Value v = redis.Command(
            {"XGROUP", "CREATE", options_.stream_key, options_.group, "0", "MKSTREAM"});
        if (v.is_error() && v.str.find("BUSYGROUP") == std::string::npos)
          throw store::RedisUnavailable("XGROUP CREATE: " + v.str);
        group_ready = true;
      }
      if (Clock::now() >= next_lease) {
        const bool was_active = active_;
        HoldLease(redis);
        next_lease = Clock::now() + lease_period;
        if (active_ && !was_active) {
          backlog = true;            // start from what the group has pending
          republish_pending = true;  // the previous holder may not have refilled a lost tail
        }
      }
      if (!active_) {
        // A standby replica: another relay publishes; take over as soon as its lease is released
        // or lapses (checked twice a second: one EVALSHA).
        if (stop_) break;
        const int wait = static_cast<int>(std::min<int64_t>(500, options_.lease_ttl_ms / 4));
        next_lease = Clock::now() + std::chrono::milliseconds(wait);
        Pause(wait);
        continue;
      }
      const uint64_t reconnects = nats_.reconnects();
      if (reconnects != seen_reconnects) {
        seen_reconnects = reconnects;
        stream_ready = false;
        republish_pending = true;
        backlog = true;
      }
      if (!stream_ready && nats_.connected()) stream_ready = EnsureStream();
      if (republish_pending && stream_ready && nats_.connected())
        republish_pending = !RepublishWindow(redis);
      if (Clock::now() >= next_housekeeping) {
        if (ClaimOrphans(redis)) backlog = true;
        const GroupState group = ReadGroupState(redis);
        // Entries read but not acked (a publish that failed, or a read whose reply was lost and
        // resent) wait in our pending list; pick them up from there.
        if (group.pending > 0) backlog = true;
        Trim(redis, group);
        UpdateGauges(redis, group);
        next_housekeeping = Clock::now() + std::chrono::seconds(2);
      }
      std::vector<std::string> cmd = {"XREADGROUP",      "GROUP", options_.group,
                                      options_.consumer, "COUNT", std::to_string(kBatch)};
      if (!backlog && !stop_) {
        cmd.push_back("BLOCK");
        cmd.push_back(std::to_string(options_.block_ms));
      }
      cmd.insert(cmd.end(), {"STREAMS", options_.stream_key, backlog ? "0" : ">"});
      store::Value v = redis.CommandWithTimeout(cmd, options_.block_ms + 5000);
      if (v.is_error()) {
        // NOGROUP: the outbox key was lost (failover, FLUSHALL); recreate the group.
        if (v.str.find("NOGROUP") != std::string::npos) group_ready = false;
        failed("relay read failed: " + v.str);
        continue;
      }
      const auto* entries = Entries(v);
      if (entries == nullptr || entries->empty()) {
        if (backlog) {
          backlog = false;
          continue;
        }
        if (stop_) break;  // flushed everything
        continue;
      }
      bool ok = true, lease_lost = false;
      for (const auto& entry : *entries) {
        // A batch must not outlive the lease: renew it halfway through its TTL, and stop the
        // batch if another relay holds it now (the rest stays pending for the new holder).
        if (Clock::now() - lease_renewed_ > std::chrono::milliseconds(options_.lease_ttl_ms / 2) &&
            !HoldLease(redis)) {
          lease_lost = true;
          break;
        }
        if (!PublishEntry(redis, entry, true)) {
          ok = false;
          break;
        }
        ++published_;
      }
      if (lease_lost) {
        backlog = true;
        continue;
      }
      if (!ok) {
        failed("relay publish failed; events stay in the outbox");
        continue;
      }
      backoff_ms = 100;
      errors_logged = 0;
    } catch (const store::RedisUnavailable& e) {
      failed(std::string("relay cannot reach redis: ") + e.what());
    }
  }
  if (active_) ReleaseLease(redis);
}

}  // namespace socgov::outbox
