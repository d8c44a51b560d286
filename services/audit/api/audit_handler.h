// gRPC AuditService (roles auditor, admin): request validation and proto mapping, plus the two read
// use cases as free functions so integration tests can drive them without a server.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/domain/chain.h"
#include "audit/store/audit_store.h"
#include "platform/auth/token.h"
#include "platform/util/clock.h"
#include "platform/util/error.h"
#include "socgov/audit/v1/audit_service.grpc.pb.h"
#include "socgov/audit/v1/audit_service.pb.h"

namespace socgov::audit {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;
// A page stops after this many candidates even when not full, so a filter that matches little in a
// long chain costs a bounded amount per call; the client continues from next_page_token.
inline constexpr int64_t kMaxScannedPerPage = 5000;
inline constexpr int64_t kVerifyBatch = 500;

struct RecordQuery {
  // Empty = any. aggregate_id and actor are masked the way recorded values are.
  std::string aggregate_id;
  std::string event_type;
  std::string actor;
  std::optional<TimePoint> occurred_from;  // inclusive
  std::optional<TimePoint> occurred_to;    // exclusive
  int page_size = kDefaultPageSize;
  int64_t after_seq = 0;  // from page_token
};

// INVALID_ARGUMENT naming the field: page.page_size, page.page_token, occurred_from, occurred_to.
Result<RecordQuery> ParseListRequest(const v1::ListAuditRecordsRequest& request);

struct RecordPage {
  std::vector<StoredRecord> records;
  std::string next_page_token;  // empty when there is nothing after this page
};

// Records matching `query` within the principal's jurisdiction, oldest first. Throws what
// AuditStore throws.
RecordPage QueryRecords(AuditStore& store, const RecordQuery& query,
                        std::string_view principal_jurisdiction);

// Recomputes the chain from record 1 to the head. `cancelled` is polled between batches; when it
// returns true, nullopt. Throws what AuditStore throws.
std::optional<VerifyResult> VerifyStoredChain(AuditStore& store,
                                              const std::function<bool()>& cancelled);

void ToProto(const StoredRecord& record, v1::AuditRecord* out);

class AuditHandler final : public v1::AuditService::Service {
 public:
  AuditHandler(AuditStore& store, const auth::TokenVerifier& verifier, const Clock& clock);

  grpc::Status ListAuditRecords(grpc::ServerContext* context,
                                const v1::ListAuditRecordsRequest* request,
                                v1::ListAuditRecordsResponse* response) override;
  grpc::Status VerifyChain(grpc::ServerContext* context, const v1::VerifyChainRequest* request,
                           v1::VerifyChainResponse* response) override;

 private:
  AuditStore& store_;
  const auth::TokenVerifier& verifier_;
  const Clock& clock_;
};

}  // namespace socgov::audit
