// The audit chain: every recorded event is one record whose hash covers the previous record's hash,
// so changing, removing or reordering any stored record breaks every later link.
//
// Stable record format (changing it invalidates every stored chain; bump the tag instead):
//
//   CanonicalBytes = "socgov.audit.v1\n"
//                    then, for each field in this order,
//                      seq, event_id, event_type, source, aggregate_id, jurisdiction, actor,
//                      occurred_at, recorded_at, stream, payload_json
//                    a 4-byte big-endian unsigned length followed by the field's bytes
//                    (seq as its decimal text without sign or leading zeros, e.g. "42").
//   hash           = lowercase hex SHA-256( 32 raw bytes of the previous hash ‖ CanonicalBytes )
//   previous hash of record 1 = kGenesisHash (64 '0').
//
// Length prefixes make the encoding injective: no two different records share canonical bytes, even
// when a field contains the text of a neighbouring one. Pure code: no I/O, no clock.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace socgov::audit {

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
inline constexpr std::string_view kCanonicalTag = "socgov.audit.v1\n";

struct RecordFields {
  int64_t seq = 0;           // position in the chain, from 1
  std::string event_id;      // ce-id
  std::string event_type;    // ce-type
  std::string source;        // ce-source
  std::string aggregate_id;  // ce-subject
  std::string jurisdiction;  // ce-jurisdiction
  std::string actor;         // ce-actor
  std::string occurred_at;   // ce-time (as received)
  std::string recorded_at;   // RFC 3339, when audit recorded it
  std::string stream;        // JetStream stream the event came from
  std::string payload_json;  // event body as JSON, ID numbers masked

  bool operator==(const RecordFields&) const = default;
};

// The stable byte encoding above.
std::string CanonicalBytes(const RecordFields& fields);

// True for exactly 64 lowercase hex digits (the only form the chain stores).
bool IsHashHex(std::string_view hash);

// Lowercase hex SHA-256(raw prev ‖ CanonicalBytes(fields)). Returns "" when prev_hash_hex is not
// IsHashHex, so a corrupt stored link can never compare equal to a computed one.
std::string ChainHash(std::string_view prev_hash_hex, const RecordFields& fields);

struct VerifyResult {
  bool ok = true;
  int64_t records_checked = 0;                        // including the broken one, when there is one
  int64_t first_broken_seq = 0;                       // 0 when ok
  std::string problem;                                // empty when ok
  std::string head_hash = std::string(kGenesisHash);  // of the last record that verified
};

// Verifies a chain fed one record at a time in seq order, so callers can page through any length
// with bounded memory. The first failure wins; later input is ignored.
class ChainVerifier {
 public:
  // The next stored record with the links it was stored with. Fails when seq is not the previous
  // seq + 1 (starting at 1), when stored_prev_hash is not the previous record's hash, or when
  // stored_hash does not recompute from the fields.
  void Add(const RecordFields& fields, std::string_view stored_prev_hash,
           std::string_view stored_hash);
  // The record `seq` should exist (it is at or below the head) but is absent.
  void AddMissing(int64_t seq);
  // After the last record: the stored head must name the last record checked, otherwise records
  // were truncated or the head was moved.
  void CheckHead(int64_t head_seq, std::string_view head_hash);
  // After CheckHead, with the head as it is now (read atomically with the other two facts; appends
  // may have moved it on during the walk): it must not have moved back, nothing may lie beyond it
  // (a deleted or rewound head would hide the records after it), and the dedup index must count
  // exactly the chained events.
  void CheckTail(int64_t walked_head_seq, int64_t current_head_seq, bool record_after_current_head,
                 int64_t recorded_event_ids);

  bool broken() const { return !result_.ok; }
  const VerifyResult& Result() const { return result_; }

 private:
  void Fail(int64_t seq, std::string problem);

  int64_t last_seq_ = 0;
  VerifyResult result_;
};

}  // namespace socgov::audit
