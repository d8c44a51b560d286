#include "audit/store/audit_store.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <utility>

namespace socgov::audit {
namespace {

constexpr std::string_view kRecordKeyPrefix = "{aud}:rec:";
constexpr std::string_view kTailScript = "audit_tail";
// KEYS: head, events. ARGV: record key prefix. The record key is derived here (same hash tag)
// because the seq beyond the head is only known inside the script.
constexpr std::string_view kTailLua = R"lua(
local head = redis.call('GET', KEYS[1])
local seq = 0
if head then seq = tonumber(string.match(head, '^(%d+)')) or 0 end
return {head, redis.call('EXISTS', ARGV[1] .. (seq + 1)), redis.call('HLEN', KEYS[2])}
)lua";

std::optional<int64_t> ParseSeq(std::string_view s) {
  int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty() || v < 0) return std::nullopt;
  return v;
}

void ThrowIfError(const store::Value& v, std::string_view what) {
  if (v.is_error()) throw StoreError(std::string(what) + ": " + v.str);
}

std::string FormatHead(const Head& head) { return std::to_string(head.seq) + " " + head.hash; }

Head ParseHead(const store::Value& v) {
  if (v.is_nil()) return Head{};
  ThrowIfError(v, "GET head");
  const std::string s = v.AsString();
  const size_t space = s.find(' ');
  if (space != std::string::npos) {
    const auto seq = ParseSeq(std::string_view(s).substr(0, space));
    const std::string hash = s.substr(space + 1);
    if (seq && IsHashHex(hash)) return Head{*seq, hash};
  }
  throw StoreError("malformed audit head \"" + s + "\"");
}

// Record content is returned as stored, even when damaged: judging it is the verifier's job.
std::optional<StoredRecord> ParseRecord(const store::Value& v) {
  ThrowIfError(v, "HGETALL record");
  if (v.type != store::Value::Type::kArray) throw StoreError("HGETALL record: not an array");
  if (v.elements.empty()) return std::nullopt;
  std::map<std::string, std::string, std::less<>> m;
  for (size_t i = 0; i + 1 < v.elements.size(); i += 2) {
    m[v.elements[i].AsString()] = v.elements[i + 1].AsString();
  }
  auto get = [&m](std::string_view name) {
    const auto it = m.find(name);
    return it == m.end() ? std::string() : it->second;
  };
  StoredRecord r;
  // -1 cannot be a chain position, so a damaged seq field shows up as a broken link.
  r.fields.seq = ParseSeq(get("seq")).value_or(-1);
  r.fields.event_id = get("event_id");
  r.fields.event_type = get("event_type");
  r.fields.source = get("source");
  r.fields.aggregate_id = get("aggregate_id");
  r.fields.jurisdiction = get("jurisdiction");
  r.fields.actor = get("actor");
  r.fields.occurred_at = get("occurred_at");
  r.fields.recorded_at = get("recorded_at");
  r.fields.stream = get("stream");
  r.fields.payload_json = get("payload_json");
  r.prev_hash = get("prev_hash");
  r.hash = get("hash");
  return r;
}

}  // namespace

std::string HeadKey() { return "{aud}:head"; }
std::string RecordKey(int64_t seq) { return std::string(kRecordKeyPrefix) + std::to_string(seq); }
std::string EventsKey() { return "{aud}:events"; }
std::string AggregateIndexKey(std::string_view aggregate_id) {
  return "{aud}:idx:agg:" + std::string(aggregate_id);
}
std::string TypeIndexKey(std::string_view event_type) {
  return "{aud}:idx:type:" + std::string(event_type);
}
std::string ActorIndexKey(std::string_view actor) {
  return "{aud}:idx:actor:" + std::string(actor);
}

AuditStore::AuditStore(store::RedisPool& pool) : pool_(pool) {
  scripts_.Add(std::string(kTailScript), std::string(kTailLua));
}

Head AuditStore::ReadHead() {
  auto redis = pool_.Acquire();
  return ParseHead(redis->Command({"GET", HeadKey()}));
}

Head ParseHeadText(const std::optional<std::string>& text) {
  if (!text) return Head{};
  store::Value v;
  v.type = store::Value::Type::kString;
  v.str = *text;
  return ParseHead(v);
}

store::Mutation AppendWrites(const RecordFields& f, const Head& expected, std::string_view hash) {
  if (f.seq != expected.seq + 1) {
    throw std::invalid_argument("AppendWrites: seq " + std::to_string(f.seq) +
                                " does not follow head " + std::to_string(expected.seq));
  }
  using Kind = store::Mutation::Guard::Kind;
  const std::string seq = std::to_string(f.seq);
  store::Mutation m;
  // The ce-id index is audit's permanent dedup (the router's inbox expires); then the head must be
  // the one the hash was computed from (genesis: still absent), and no record may sit beyond it.
  m.guards.push_back({Kind::kFieldAbsent, EventsKey(), f.event_id, "duplicate"});
  m.guards.push_back({Kind::kNameFree, HeadKey(),
                      expected.seq == 0 ? std::string() : FormatHead(expected), "head"});
  m.guards.push_back({Kind::kAbsent, RecordKey(f.seq), "", "record " + seq});
  m.hashes.push_back({RecordKey(f.seq), {"seq",          seq,
                                         "event_id",     f.event_id,
                                         "event_type",   f.event_type,
                                         "source",       f.source,
                                         "aggregate_id", f.aggregate_id,
                                         "jurisdiction", f.jurisdiction,
                                         "actor",        f.actor,
                                         "occurred_at",  f.occurred_at,
                                         "recorded_at",  f.recorded_at,
                                         "stream",       f.stream,
                                         "payload_json", f.payload_json,
                                         "prev_hash",    expected.hash,
                                         "hash",         std::string(hash)}});
  m.hashes.push_back({EventsKey(), {f.event_id, seq}});
  m.sets.push_back({HeadKey(), seq + " " + std::string(hash), 0});
  if (!f.aggregate_id.empty()) m.zops.push_back({AggregateIndexKey(f.aggregate_id), seq, seq});
  if (!f.event_type.empty()) m.zops.push_back({TypeIndexKey(f.event_type), seq, seq});
  if (!f.actor.empty()) m.zops.push_back({ActorIndexKey(f.actor), seq, seq});
  return m;
}

std::optional<StoredRecord> AuditStore::LoadRecord(int64_t seq) {
  auto redis = pool_.Acquire();
  return ParseRecord(redis->Command({"HGETALL", RecordKey(seq)}));
}

AuditStore::Tail AuditStore::ReadTail() {
  auto redis = pool_.Acquire();
  const store::Value v =
      scripts_.Eval(*redis, kTailScript, {HeadKey(), EventsKey()}, {std::string(kRecordKeyPrefix)});
  ThrowIfError(v, "tail script");
  if (v.type != store::Value::Type::kArray || v.elements.size() != 3)
    throw StoreError("tail script: unexpected reply");
  Tail t;
  t.head = ParseHead(v.elements[0]);
  t.record_after_head = v.elements[1].integer == 1;
  t.recorded_event_ids = v.elements[2].integer;
  return t;
}

std::vector<std::optional<StoredRecord>> AuditStore::LoadRecords(const std::vector<int64_t>& seqs) {
  std::vector<std::optional<StoredRecord>> out;
  if (seqs.empty()) return out;
  std::vector<std::vector<std::string>> commands;
  commands.reserve(seqs.size());
  for (int64_t seq : seqs) commands.push_back({"HGETALL", RecordKey(seq)});
  auto redis = pool_.Acquire();
  const auto replies = redis->Pipeline(commands);
  if (replies.size() != seqs.size()) throw StoreError("pipeline: reply count mismatch");
  out.reserve(replies.size());
  for (const auto& reply : replies) out.push_back(ParseRecord(reply));
  return out;
}

std::vector<int64_t> AuditStore::Candidates(const std::string& index_key, int64_t after_seq,
                                            int64_t limit, int64_t head_seq) {
  std::vector<int64_t> out;
  if (limit <= 0) return out;
  if (index_key.empty()) {
    // Seqs are dense from 1 to the head, so "all" needs no round trip.
    const int64_t last = std::min(head_seq, after_seq + limit);
    for (int64_t s = after_seq + 1; s <= last; ++s) out.push_back(s);
    return out;
  }
  auto redis = pool_.Acquire();
  const store::Value v =
      redis->Command({"ZRANGEBYSCORE", index_key, "(" + std::to_string(after_seq), "+inf", "LIMIT",
                      "0", std::to_string(limit)});
  ThrowIfError(v, "ZRANGEBYSCORE");
  out.reserve(v.elements.size());
  for (const auto& e : v.elements) {
    const auto seq = ParseSeq(e.AsString());
    if (!seq)
      throw StoreError("index " + index_key + ": malformed member \"" + e.AsString() + "\"");
    out.push_back(*seq);
  }
  return out;
}

}  // namespace socgov::audit
