// Redis layout of the audit chain. Every key carries the hash tag {aud} so the append script can
// touch all of them in one EVALSHA (and the layout survives a move to Redis Cluster).
//
//   {aud}:head                 STRING "<seq> <hash>" of the last record; absent = "0 <64 zeros>"
//   {aud}:rec:<seq>            HASH   seq event_id event_type source aggregate_id jurisdiction
//   actor
//                                     occurred_at recorded_at stream payload_json prev_hash hash
//                                     (written once, never modified)
//   {aud}:events               HASH   ce-id → seq; the dedup record (a redelivery adds nothing)
//   {aud}:idx:agg:<aggregate>  ZSET   score = member = seq, records of that aggregate id
//   {aud}:idx:type:<ce-type>   ZSET   score = member = seq, records of that event type
//   {aud}:idx:actor:<subject>  ZSET   score = member = seq, records by that actor
//                                     (an index is not written when its value is empty)
//   {aud}:dlq                  STREAM dead letters (the service kit's router schema)
//
// Appending is optimistic: the recorder reads the head (with the router's dedup check), computes
// the next hash, and the writes (AppendWrites, one mutate script) apply only when the head is still
// the one the hash was computed from and the ce-id is not yet recorded. Record, head, dedup entry
// and indexes change together.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "audit/domain/chain.h"
#include "platform/store/mutation.h"
#include "platform/store/redis.h"

namespace socgov::audit {

// Redis answered with an error, or stored data does not have the documented shape. Unlike
// store::RedisUnavailable this is not expected to heal by reconnecting.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Head {
  int64_t seq = 0;
  std::string hash = std::string(kGenesisHash);
};

struct StoredRecord {
  RecordFields fields;
  std::string prev_hash;
  std::string hash;
};

std::string HeadKey();
std::string RecordKey(int64_t seq);
std::string EventsKey();
std::string AggregateIndexKey(std::string_view aggregate_id);
std::string TypeIndexKey(std::string_view event_type);
std::string ActorIndexKey(std::string_view actor);

// "<seq> <hash>" as stored at the head key (nullopt: absent = genesis). Throws StoreError when
// malformed.
Head ParseHeadText(const std::optional<std::string>& text);
// The writes that append `fields` (seq = expected.seq + 1) after `expected` with `hash`, guarded
// so that they apply only on that head and only once per ce-id (label "duplicate").
store::Mutation AppendWrites(const RecordFields& fields, const Head& expected,
                             std::string_view hash);

// Every method leases its own connection, so one AuditStore serves all consumer loops and gRPC
// workers at once. Methods throw store::RedisUnavailable when Redis cannot be reached and
// StoreError on an error reply or malformed stored data.
class AuditStore {
 public:
  explicit AuditStore(store::RedisPool& pool);
  AuditStore(const AuditStore&) = delete;
  AuditStore& operator=(const AuditStore&) = delete;

  // Its read scripts; the service kit loads them before anything serves.
  const store::ScriptRegistry& scripts() const { return scripts_; }

  Head ReadHead();

  std::optional<StoredRecord> LoadRecord(int64_t seq);
  // The head, whether a record exists just beyond it, and how many event ids the dedup index
  // holds, read in one script so that appends cannot slip between them.
  struct Tail {
    Head head;
    bool record_after_head = false;
    int64_t recorded_event_ids = 0;
  };
  Tail ReadTail();
  // One pipelined HGETALL per seq; nullopt where a record is absent. Same order as `seqs`.
  std::vector<std::optional<StoredRecord>> LoadRecords(const std::vector<int64_t>& seqs);
  // Seqs greater than after_seq, ascending, at most `limit`: from the index ZSET `index_key`, or
  // when index_key is empty, every seq up to head_seq.
  std::vector<int64_t> Candidates(const std::string& index_key, int64_t after_seq, int64_t limit,
                                  int64_t head_seq);

 private:
  store::RedisPool& pool_;
  store::ScriptRegistry scripts_;
};

}  // namespace socgov::audit
