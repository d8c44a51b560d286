#include "audit/api/audit_handler.h"

#include <grpcpp/server_context.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <utility>

#include "audit/app/recorder.h"
#include "platform/auth/scope.h"
#include "platform/grpcx/status.h"
#include "platform/store/redis.h"

namespace socgov::audit {
namespace {

// Candidates fetched per round trip while filling a page.
constexpr int64_t kCandidateBatch = 200;

std::optional<int64_t> ParseToken(std::string_view s) {
  int64_t v = 0;
  if (s.empty() || s.size() > 18) return std::nullopt;  // 18 digits cannot overflow int64
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

Result<std::optional<TimePoint>> ParseOptionalTime(std::string_view field, std::string_view s) {
  if (s.empty()) return std::optional<TimePoint>();
  auto t = ParseRfc3339(s);
  if (!t)
    return Error::InvalidArgument(field, "must be an RFC 3339 time, e.g. 2026-01-31T08:00:00Z");
  return std::optional<TimePoint>(*t);
}

bool Matches(const StoredRecord& r, const RecordQuery& q, std::string_view principal_jurisdiction) {
  const RecordFields& f = r.fields;
  if (!q.aggregate_id.empty() && f.aggregate_id != q.aggregate_id) return false;
  if (!q.event_type.empty() && f.event_type != q.event_type) return false;
  if (!q.actor.empty() && f.actor != q.actor) return false;
  if (q.occurred_from || q.occurred_to) {
    // A record whose time cannot be read cannot be shown to lie in the range.
    const auto t = ParseRfc3339(f.occurred_at);
    if (!t) return false;
    if (q.occurred_from && *t < *q.occurred_from) return false;
    if (q.occurred_to && *t >= *q.occurred_to) return false;
  }
  return auth::JurisdictionCovers(principal_jurisdiction, f.jurisdiction);
}

std::string IndexKeyFor(const RecordQuery& q) {
  // Most selective first: an aggregate has few events, a type many, an actor anything in between.
  if (!q.aggregate_id.empty()) return AggregateIndexKey(q.aggregate_id);
  if (!q.event_type.empty()) return TypeIndexKey(q.event_type);
  if (!q.actor.empty()) return ActorIndexKey(q.actor);
  return "";
}

grpc::Status StoreFailure(const std::exception& e) {
  if (dynamic_cast<const store::RedisUnavailable*>(&e) != nullptr) {
    return grpcx::ToGrpcStatus(
        Error::Unavailable("audit store unavailable: " + std::string(e.what())));
  }
  return grpcx::ToGrpcStatus(Error::Internal(std::string("audit store: ") + e.what()));
}

}  // namespace

Result<RecordQuery> ParseListRequest(const v1::ListAuditRecordsRequest& request) {
  RecordQuery q;
  const int32_t page_size = request.page().page_size();
  if (page_size < 0 || page_size > kMaxPageSize) {
    return Error::InvalidArgument("page.page_size", "must be 0..500");
  }
  q.page_size = page_size == 0 ? kDefaultPageSize : page_size;
  if (!request.page().page_token().empty()) {
    const auto after = ParseToken(request.page().page_token());
    if (!after) {
      return Error::InvalidArgument("page.page_token", "not a token from a previous response");
    }
    q.after_seq = *after;
  }
  auto from = ParseOptionalTime("occurred_from", request.occurred_from());
  if (!from) return from.error();
  auto to = ParseOptionalTime("occurred_to", request.occurred_to());
  if (!to) return to.error();
  q.occurred_from = *from;
  q.occurred_to = *to;
  if (q.occurred_from && q.occurred_to && *q.occurred_to < *q.occurred_from) {
    return Error::InvalidArgument("occurred_to", "must not be before occurred_from");
  }
  q.aggregate_id = MaskForRecord(request.aggregate_id());
  q.event_type = request.event_type();
  q.actor = MaskForRecord(request.actor());
  return q;
}

RecordPage QueryRecords(AuditStore& store, const RecordQuery& query,
                        std::string_view principal_jurisdiction) {
  RecordPage page;
  const std::string index_key = IndexKeyFor(query);
  // Only the unindexed scan needs the head (as its upper bound).
  const int64_t head_seq = index_key.empty() ? store.ReadHead().seq : 0;
  int64_t after = query.after_seq;
  int64_t scanned = 0;
  while (true) {
    const int64_t want = std::min(kCandidateBatch, kMaxScannedPerPage - scanned);
    const std::vector<int64_t> seqs = store.Candidates(index_key, after, want, head_seq);
    if (seqs.empty()) return page;
    const bool last_batch = static_cast<int64_t>(seqs.size()) < want;
    auto records = store.LoadRecords(seqs);
    for (size_t i = 0; i < seqs.size(); ++i) {
      ++scanned;
      after = seqs[i];
      if (!records[i] || !Matches(*records[i], query, principal_jurisdiction)) continue;
      page.records.push_back(std::move(*records[i]));
      if (static_cast<int>(page.records.size()) == query.page_size) {
        // No token when this was provably the last candidate, so clients need no empty extra page.
        if (!(last_batch && i + 1 == seqs.size())) page.next_page_token = std::to_string(after);
        return page;
      }
    }
    if (last_batch) return page;
    if (scanned >= kMaxScannedPerPage) {
      page.next_page_token = std::to_string(after);
      return page;
    }
  }
}

std::optional<VerifyResult> VerifyStoredChain(AuditStore& store,
                                              const std::function<bool()>& cancelled) {
  // Records at or below this head are immutable, so appends during the walk do not disturb it.
  const Head head = store.ReadHead();
  ChainVerifier verifier;
  for (int64_t first = 1; first <= head.seq && !verifier.broken(); first += kVerifyBatch) {
    if (cancelled && cancelled()) return std::nullopt;
    std::vector<int64_t> seqs;
    for (int64_t s = first; s <= std::min(head.seq, first + kVerifyBatch - 1); ++s) {
      seqs.push_back(s);
    }
    const auto records = store.LoadRecords(seqs);
    for (size_t i = 0; i < seqs.size() && !verifier.broken(); ++i) {
      if (records[i]) {
        verifier.Add(records[i]->fields, records[i]->prev_hash, records[i]->hash);
      } else {
        verifier.AddMissing(seqs[i]);
      }
    }
  }
  verifier.CheckHead(head.seq, head.hash);
  const AuditStore::Tail tail = store.ReadTail();
  verifier.CheckTail(head.seq, tail.head.seq, tail.record_after_head, tail.recorded_event_ids);
  return verifier.Result();
}

void ToProto(const StoredRecord& r, v1::AuditRecord* out) {
  const RecordFields& f = r.fields;
  out->set_seq(f.seq);
  out->set_event_id(f.event_id);
  out->set_event_type(f.event_type);
  out->set_source(f.source);
  out->set_aggregate_id(f.aggregate_id);
  out->set_jurisdiction(f.jurisdiction);
  out->set_actor(f.actor);
  out->set_occurred_at(f.occurred_at);
  out->set_recorded_at(f.recorded_at);
  out->set_stream(f.stream);
  out->set_payload_json(f.payload_json);
  out->set_prev_hash(r.prev_hash);
  out->set_hash(r.hash);
}

AuditHandler::AuditHandler(AuditStore& store, const auth::TokenVerifier& verifier,
                           const Clock& clock)
    : store_(store), verifier_(verifier), clock_(clock) {}

grpc::Status AuditHandler::ListAuditRecords(grpc::ServerContext* context,
                                            const v1::ListAuditRecordsRequest* request,
                                            v1::ListAuditRecordsResponse* response) {
  const auto principal = grpcx::Authorize(*context, verifier_, clock_.Now(), {"auditor", "admin"});
  if (!principal) return grpcx::ToGrpcStatus(principal.error());
  const auto query = ParseListRequest(*request);
  if (!query) return grpcx::ToGrpcStatus(query.error());
  try {
    const RecordPage page = QueryRecords(store_, *query, principal->jurisdiction);
    for (const auto& record : page.records) ToProto(record, response->add_records());
    response->mutable_page()->set_next_page_token(page.next_page_token);
    return grpc::Status::OK;
  } catch (const std::exception& e) {
    response->Clear();
    return StoreFailure(e);
  }
}

grpc::Status AuditHandler::VerifyChain(grpc::ServerContext* context,
                                       const v1::VerifyChainRequest* /*request*/,
                                       v1::VerifyChainResponse* response) {
  const auto principal = grpcx::Authorize(*context, verifier_, clock_.Now(), {"auditor", "admin"});
  if (!principal) return grpcx::ToGrpcStatus(principal.error());
  try {
    const auto result = VerifyStoredChain(store_, [context] { return context->IsCancelled(); });
    if (!result) return grpc::Status(grpc::StatusCode::CANCELLED, "verification cancelled");
    response->set_ok(result->ok);
    response->set_records_checked(result->records_checked);
    response->set_first_broken_seq(result->first_broken_seq);
    response->set_problem(result->problem);
    response->set_head_hash(result->head_hash);
    return grpc::Status::OK;
  } catch (const std::exception& e) {
    return StoreFailure(e);
  }
}

}  // namespace socgov::audit
