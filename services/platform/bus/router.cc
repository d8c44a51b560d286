#include "platform/bus/router.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <nlohmann/json.hpp>

#include "platform/auth/scope.h"
#include "platform/metrics/metrics.h"
#include "platform/outbox/outbox.h"
#include "platform/util/clock.h"

namespace socgov::bus {
namespace {

// Reads, in one script, what a route decides on: whether the ce-id was applied, the aggregate's
// gate version, and each state key's value whatever its type. Read-only, so safe to repeat.
// KEYS: inbox, gate, state keys... Reply: {inbox_exists, gate_version|'', {type, value}...}
constexpr const char* kReadScript = R"lua(
local out = {redis.call('EXISTS', KEYS[1]), redis.call('HGET', KEYS[2], 'version') or ''}
for i = 3, #KEYS do
  local t = redis.call('TYPE', KEYS[i]).ok
  if t == 'hash' then
    out[#out + 1] = {'hash', redis.call('HGETALL', KEYS[i])}
  elseif t == 'string' then
    out[#out + 1] = {'string', {redis.call('GET', KEYS[i])}}
  else
    out[#out + 1] = {t, {}}
  end
end
return out
)lua";

constexpr size_t kMaxHeader = 256;

bool Token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? s.npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

// Header values in reasons are capped: a forged event must not write a megabyte into a log line.
std::string Cap(std::string_view s) {
  return s.size() <= 64 ? std::string(s) : std::string(s.substr(0, 64)) + "…";
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "mismatch: ..." → "mismatch"; the loop's dead-letter sink only gets the reason.
std::string KindOf(const std::string& reason) {
  for (const char* k : {"mismatch", "rejected", "gap"})
    if (reason.rfind(std::string(k) + ":", 0) == 0) return k;
  return "failed";
}

}  // namespace

Result<Event> ParseEnvelope(const Delivery& d) {
  Event e;
  e.delivery = &d;
  e.id = d.Header("ce-id");
  e.type = d.Header("ce-type");
  e.aggregate_id = d.Header("ce-subject");
  e.jurisdiction = d.Header("ce-jurisdiction");
  const std::string source = d.Header("ce-source");
  const std::string sequence = d.Header("ce-sequence");
  auto bad = [](const std::string& why) { return Error::InvalidArgument("envelope", why); };
  if (e.id.empty() || e.id.size() > 64) return bad("ce-id missing or longer than 64");
  if (e.aggregate_id.empty() || e.aggregate_id.size() > kMaxHeader)
    return bad("ce-subject missing or too long");
  // ce-type: cn.socgov.<context>.<aggregate>.<event>.v1
  const auto t = Split(e.type, '.');
  if (e.type.size() > kMaxHeader || t.size() != 6 || t[0] != "cn" || t[1] != "socgov" ||
      !Token(t[2]) || !Token(t[3]) || !Token(t[4]) || t[5] != "v1")
    return bad("ce-type \"" + Cap(e.type) + "\" is not cn.socgov.<context>.<aggregate>.<event>.v1");
  e.context = t[2];
  e.aggregate = t[3];
  e.name = t[4];
  if (sequence.empty() || sequence.size() > 18 ||
      !std::all_of(sequence.begin(), sequence.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return bad("ce-sequence \"" + Cap(sequence) + "\" is not a positive integer");
  e.sequence = std::stoll(sequence);
  if (e.sequence <= 0) return bad("ce-sequence must be positive");
  if (!auth::IsValidJurisdictionCode(e.jurisdiction))
    return bad("ce-jurisdiction \"" + Cap(e.jurisdiction) + "\" is not a 6-digit code");
  // ce-source: /socgov/<authority>/<service>, the service being the context that owns the type.
  const auto src = Split(source, '/');
  if (src.size() != 4 || !src[0].empty() || src[1] != "socgov" ||
      !auth::IsValidJurisdictionCode(src[2]))
    return bad("ce-source \"" + Cap(source) + "\" is not /socgov/<jurisdiction>/<service>");
  std::string service(src[3]);
  std::replace(service.begin(), service.end(), '-', '_');
  if (service != e.context)
    return bad("ce-source service \"" + Cap(src[3]) + "\" does not own ce-type context \"" +
               e.context + "\"");
  e.authority = std::string(src[2]);
  if (!auth::JurisdictionCovers(e.authority, e.jurisdiction))
    return bad("ce-source authority " + e.authority + " does not cover ce-jurisdiction " +
               e.jurisdiction);
  // The subject is a function of the jurisdiction and the type: nothing else may be spelled in it.
  const std::string subject = outbox::Subject(e.jurisdiction, e.context, e.aggregate, e.name);
  if (d.subject != subject)
    return bad("subject \"" + Cap(d.subject) + "\" disagrees with ce-type and ce-jurisdiction (" +
               subject + ")");
  if (!d.stream.empty() && d.stream != Upper(e.context))
    return bad("stream " + Cap(d.stream) + " does not carry context " + e.context);
  return e;
}

struct Router::RouteState {
  Route route;
  std::unique_ptr<ConsumerLoop> loop;
  std::atomic<uint64_t> applied{0}, duplicate{0}, skipped{0}, held{0}, dead_lettered{0};
};

Router::Counts Router::counts(const std::string& route) {
  RouteState* r = Find(route);
  if (r == nullptr) return {};
  return {r->applied.load(), r->duplicate.load(), r->skipped.load(), r->held.load(),
          r->dead_lettered.load()};
}

Router::Router(std::string tag, std::string jurisdiction, store::RedisPool& pool, Connection& conn,
               metrics::Metrics* metrics, const log::Logger& logger)
    : tag_(std::move(tag)),
      jurisdiction_(std::move(jurisdiction)),
      pool_(pool),
      conn_(conn),
      metrics_(metrics),
      logger_(logger) {
  scripts_.Add("route-read", kReadScript);
  scripts_.Add("mutate", store::MutateScript());
}

Router::~Router() { Stop(); }

void Router::Add(Route route) {
  std::lock_guard lock(mu_);
  auto state = std::make_unique<RouteState>();
  state->route = std::move(route);
  routes_.push_back(std::move(state));
}

Router::RouteState* Router::Find(const std::string& name) {
  std::lock_guard lock(mu_);
  for (auto& r : routes_)
    if (r->route.name == name) return r.get();
  return nullptr;
}

std::vector<Router::RouteState*> Router::Snapshot() {
  std::lock_guard lock(mu_);
  std::vector<RouteState*> out;
  for (auto& r : routes_) out.push_back(r.get());
  return out;
}

// Tick and Stop run on the runner's thread only (one after the other), so a route's loop pointer
// needs no lock; the lock guards the list, and is never held while a loop is joined (a loop may
// be inside Handle, which looks its route up).
std::string Router::Tick() {
  std::string reason;
  auto note = [&reason](const std::string& why) {
    if (reason.empty()) reason = why;
  };
  for (RouteState* r : Snapshot()) {
    if (r->loop) {
      if (!r->loop->subscribed()) note("consumer " + r->route.name + " not subscribed");
      continue;
    }
    // A stream that does not exist is a context not deployed here yet: not a readiness problem.
    if (!conn_.connected() || !StreamExists(conn_, r->route.consumer.stream)) continue;
    if (const Status st = EnsureConsumer(conn_, r->route.consumer)) {
      note("consumer " + r->route.name + ": " + st->message);
      continue;
    }
    const std::string name = r->route.name;
    r->loop = std::make_unique<ConsumerLoop>(
        conn_, r->route.consumer, [this, name](const Delivery& d) { return Handle(name, d); },
        [this, name, r](const Delivery& d, const std::string& why) {
          const bool stored = StoreDeadLetter(name, d, why, KindOf(why), 1).has_value();
          if (stored) ++r->dead_lettered;
          return stored;
        },
        metrics_, logger_);
    r->loop->Start();
    logger_.Info("consuming", {{"route", name},
                               {"stream", r->route.consumer.stream},
                               {"durable", r->route.consumer.durable}});
    if (!r->loop->subscribed()) note("consumer " + name + " starting");
  }
  return reason;
}

void Router::Stop() {
  for (RouteState* r : Snapshot())
    if (r->loop) r->loop->Stop();
}

std::string Router::InboxKey(const std::string& route, const std::string& event_id) const {
  return tag_ + ":inbox:" + route + ":" + event_id;
}

std::string Router::GateKey(const std::string& route, const Event& e) const {
  return tag_ + ":gate:" + route + ":" + e.aggregate + ":" + e.aggregate_id;
}

ApplyResult Router::Handle(const std::string& route, const Delivery& d) {
  RouteState* r = Find(route);
  if (r == nullptr) return {Outcome::kReject, "failed: no route " + route};
  int64_t gap_from = -1;
  ApplyResult result;
  try {
    result = Process(*r, d, &gap_from);
  } catch (const store::RedisUnavailable& e) {
    result = {Outcome::kRetry, std::string("redis unavailable: ") + e.what()};
  } catch (const std::exception& e) {
    // A handler bug will not heal by retrying; keep the event with the reason instead.
    result = {Outcome::kReject, std::string("failed: handler threw: ") + e.what()};
  }
  if (result.outcome == Outcome::kApplied && gap_from >= 0) {
    // Applied after the hold: the versions in between never came. Recorded for an operator.
    StoreDeadLetter(route, d,
                    "gap: applied version " + d.Header("ce-sequence") + " after version " +
                        std::to_string(gap_from) + " (the versions between never arrived)",
                    "gap", 1);
    if (metrics_ != nullptr) metrics_->IncConsumer(route, "gap");
  }
  switch (result.outcome) {
    case Outcome::kApplied:
      ++r->applied;
      break;
    case Outcome::kDuplicate:
      ++r->duplicate;
      break;
    case Outcome::kSkipped:
      ++r->skipped;
      break;
    case Outcome::kHold:
      ++r->held;
      break;
    default:
      break;
  }
  return result;
}

ApplyResult Router::Process(RouteState& rs, const Delivery& d, int64_t* gap_from) {
  const Route& route = rs.route;
  auto env = ParseEnvelope(d);
  if (!env.ok()) return {Outcome::kReject, "mismatch: " + env.error().message};
  const Event& e = *env;
  if (!route.owner.empty() && e.context != route.owner)
    return {Outcome::kReject, "mismatch: route " + route.name + " takes events of " + route.owner +
                                  ", not " + e.context};
  if (!auth::JurisdictionCovers(jurisdiction_, e.jurisdiction))
    return {Outcome::kReject, "mismatch: jurisdiction " + e.jurisdiction +
                                  " is outside this deployment (" + jurisdiction_ + ")"};
  if (route.payload_jurisdiction) {
    auto payload = route.payload_jurisdiction(e);
    if (!payload.ok())
      return {Outcome::kReject, "mismatch: payload unreadable: " + payload.error().message};
    if (*payload && **payload != e.jurisdiction)
      return {Outcome::kReject, "mismatch: payload jurisdiction " + Cap(**payload) +
                                    " disagrees with ce-jurisdiction " + e.jurisdiction};
  }
  const std::string inbox = InboxKey(route.name, e.id);
  const std::string gate = GateKey(route.name, e);
  for (int attempt = 0; attempt < std::max(route.conflict_attempts, 1); ++attempt) {
    std::vector<std::string> keys = {inbox, gate};
    if (route.state_keys)
      for (auto& k : route.state_keys(e)) keys.push_back(std::move(k));
    store::Value read;
    {
      auto redis = pool_.Acquire();
      read = scripts_.Eval(*redis, "route-read", keys, {});
    }
    if (read.is_error() || read.elements.size() < 2)
      return {Outcome::kRetry, "route read: " + read.str};
    if (read.elements[0].integer == 1) return {Outcome::kDuplicate, ""};
    AggregateState state;
    const std::string& applied = read.elements[1].str;
    state.applied_version = applied.empty() ? 0 : std::stoll(applied);
    for (size_t i = 2; i < read.elements.size(); ++i) {
      const auto& pair = read.elements[i];
      std::vector<std::string> values;
      if (pair.elements.size() == 2)
        for (const auto& v : pair.elements[1].elements) values.push_back(v.str);
      state.exists.push_back(pair.elements.size() == 2 && pair.elements[0].str != "none");
      state.values.push_back(std::move(values));
    }
    if (route.gate != Gate::kNone && e.sequence <= state.applied_version)
      return {Outcome::kSkipped, "stale: version " + std::to_string(e.sequence) + " after " +
                                     std::to_string(state.applied_version)};
    if (route.gate == Gate::kStrict && e.sequence > state.applied_version + 1) {
      if (static_cast<int64_t>(d.num_delivered) <= route.gap_holds)
        return {Outcome::kHold,
                "gap: version " + std::to_string(e.sequence) + " after " +
                    std::to_string(state.applied_version),
                route.gap_delay_ms};
      *gap_from = state.applied_version;
    }
    Decision decision = route.handler(e, state);
    switch (decision.kind) {
      case Decision::Kind::kRetry:
        return {Outcome::kRetry, decision.reason};
      case Decision::Kind::kReject:
        return {Outcome::kReject, "rejected: " + decision.reason};
      case Decision::Kind::kIgnore:
        decision.writes = {};
        break;
      case Decision::Kind::kApply:
        break;
    }
    store::Mutation& m = decision.writes;
    m.idem_key = inbox;
    m.response = "1";
    m.idem_ttl_seconds = route.inbox_ttl_seconds;
    if (route.gate != Gate::kNone) {
      using Kind = store::Mutation::Guard::Kind;
      if (state.applied_version == 0)
        m.guards.push_back({Kind::kAbsent, gate, "", "gate"});
      else
        m.guards.push_back({Kind::kVersion, gate, applied, "gate"});
      m.hashes.push_back({gate, {"version", std::to_string(e.sequence)}});
    }
    std::vector<std::string> mkeys, margv;
    store::EncodeMutation(m, mkeys, margv);
    store::Value v;
    {
      auto redis = pool_.Acquire();
      v = scripts_.Eval(*redis, "mutate", mkeys, margv);
    }
    if (v.is_error()) return {Outcome::kReject, "failed: apply script: " + v.str};
    const std::string tag = v.elements.empty() ? "" : v.elements[0].str;
    if (tag == "ok")
      return decision.kind == Decision::Kind::kIgnore
                 ? ApplyResult{Outcome::kSkipped, "ignored: " + decision.reason}
                 : ApplyResult{Outcome::kApplied, ""};
    if (tag == "dup") return {Outcome::kDuplicate, ""};
    // A handler's guard labelled "duplicate" found the event already applied by its own record
    // (e.g. audit's permanent ce-id index, which outlives the inbox's TTL).
    if (v.elements.size() > 3 && v.elements[3].str == "duplicate") return {Outcome::kDuplicate, ""};
    // A guard lost a race (another replica applied the aggregate's event, or the handler's own
    // compare-and-set target moved): read again and decide again.
  }
  // Contention heals: held and retried with backoff rather than dead-lettered.
  return {Outcome::kRetry,
          "writes kept conflicting after " + std::to_string(route.conflict_attempts) + " attempts"};
}

std::optional<std::string> Router::StoreDeadLetter(const std::string& route, const Delivery& d,
                                                   const std::string& reason,
                                                   const std::string& kind,
                                                   int64_t attempts) noexcept {
  try {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [k, v] : d.headers) headers[k] = v;
    auto redis = pool_.Acquire();
    // Never capped: a dead letter leaves only by a re-drive or an operator.
    store::Value v =
        redis->Command({"XADD",
                        DeadLetterKey(),
                        "*",
                        "route",
                        route,
                        "reason",
                        reason,
                        "kind",
                        kind,
                        "stream",
                        d.stream,
                        "stream_seq",
                        std::to_string(d.stream_sequence),
                        "subject",
                        d.subject,
                        "delivered",
                        std::to_string(d.num_delivered),
                        "attempts",
                        std::to_string(attempts),
                        "dead_at",
                        FormatRfc3339(std::chrono::system_clock::now()),
                        "headers",
                        headers.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                        "data",
                        d.data});
    if (v.type != store::Value::Type::kString) return std::nullopt;
    if (metrics_ != nullptr && kind != "gap") metrics_->IncConsumer(route, "dead_lettered");
    return v.str;
  } catch (...) {
    return std::nullopt;
  }
}

namespace {

DeadLetter DecodeDeadLetter(const store::Value& entry) {
  DeadLetter dl;
  dl.entry_id = entry.elements[0].str;
  const auto& f = entry.elements[1].elements;
  for (size_t i = 0; i + 1 < f.size(); i += 2) {
    const std::string& k = f[i].str;
    const std::string& v = f[i + 1].str;
    if (k == "route") dl.route = v;
    if (k == "reason") dl.reason = v;
    if (k == "kind") dl.kind = v;
    if (k == "stream") dl.stream = v;
    if (k == "stream_seq") dl.stream_sequence = std::strtoull(v.c_str(), nullptr, 10);
    if (k == "subject") dl.subject = v;
    if (k == "delivered") dl.delivered = std::strtoll(v.c_str(), nullptr, 10);
    if (k == "attempts") dl.attempts = std::strtoll(v.c_str(), nullptr, 10);
    if (k == "dead_at") dl.dead_at = v;
    if (k == "data") dl.data = v;
    if (k == "headers") {
      auto h = nlohmann::json::parse(v, nullptr, false);
      if (h.is_object())
        for (auto it = h.begin(); it != h.end(); ++it)
          if (it.value().is_string()) dl.headers[it.key()] = it.value().get<std::string>();
    }
  }
  return dl;
}

}  // namespace

std::vector<DeadLetter> Router::ListDeadLetters(const std::string& after_id, size_t limit) {
  auto redis = pool_.Acquire();
  store::Value v =
      redis->Command({"XRANGE", DeadLetterKey(), after_id.empty() ? "-" : "(" + after_id, "+",
                      "COUNT", std::to_string(std::max<size_t>(limit, 1))});
  if (v.is_error()) throw store::RedisUnavailable("XRANGE dlq: " + v.str);
  std::vector<DeadLetter> out;
  for (const auto& entry : v.elements)
    if (entry.elements.size() == 2) out.push_back(DecodeDeadLetter(entry));
  return out;
}

Result<Router::Redrive> Router::RedriveDeadLetter(const std::string& entry_id) {
  std::vector<DeadLetter> found;
  {
    auto redis = pool_.Acquire();
    store::Value v = redis->Command({"XRANGE", DeadLetterKey(), entry_id, entry_id});
    if (v.is_error()) return Error::InvalidArgument("id", "not a dead-letter id");
    for (const auto& entry : v.elements)
      if (entry.elements.size() == 2) found.push_back(DecodeDeadLetter(entry));
  }
  if (found.empty()) return Error::NotFound("dead letter " + Cap(entry_id) + " not found");
  const DeadLetter& dl = found.front();
  if (Find(dl.route) == nullptr)
    return Error::FailedPrecondition("dead letter " + entry_id + " belongs to route " + dl.route +
                                     ", which this service no longer has");
  Delivery d;
  d.subject = dl.subject;
  d.headers = dl.headers;
  d.data = dl.data;
  d.stream = dl.stream;
  d.stream_sequence = dl.stream_sequence;
  // An operator's re-drive is past any gap hold: it applies now or is dead-lettered again.
  d.num_delivered = static_cast<uint64_t>(std::max<int64_t>(dl.delivered, 1000));
  const ApplyResult r = Handle(dl.route, d);
  d.num_delivered = static_cast<uint64_t>(dl.delivered);
  Redrive out;
  switch (r.outcome) {
    case Outcome::kApplied:
      out = {true, "applied", "", ""};
      break;
    case Outcome::kDuplicate:
      out = {false, "duplicate", "already applied", ""};
      break;
    case Outcome::kSkipped:
      out = {false, "stale", r.reason, ""};
      break;
    case Outcome::kHold:
    case Outcome::kRetry:
      // Nothing decided: the record stays as it is.
      return Redrive{false, "retry", r.reason, ""};
    case Outcome::kReject:
      out = {false, "dead_lettered", r.reason, ""};
      if (auto id = StoreDeadLetter(dl.route, d, r.reason, KindOf(r.reason), dl.attempts + 1))
        out.new_entry_id = *id;
      else
        return Error::Unavailable("dead letter could not be stored again; the record stays");
      break;
  }
  auto redis = pool_.Acquire();
  redis->Command({"XDEL", DeadLetterKey(), entry_id});
  if (metrics_ != nullptr && out.applied) metrics_->IncConsumer(dl.route, "redriven");
  return out;
}

}  // namespace socgov::bus
