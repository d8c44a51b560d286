// Recording use case: one delivered event becomes one chain record, exactly once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "audit/domain/chain.h"
#include "audit/store/audit_store.h"
#include "platform/bus/consumer.h"
#include "platform/bus/nats.h"
#include "platform/log/log.h"
#include "platform/util/clock.h"

namespace socgov::audit {

// The reason a delivery can never be recorded (missing ce-id or ce-type), or nullopt.
std::optional<std::string> RejectReason(const bus::Delivery& delivery);

// The event body as JSON (proto field names) when ce-dataschema names a message linked into this
// binary and the bytes parse as it; otherwise {"undecoded_base64":"..."}, so an event from a
// context this build does not know is still recorded, not lost. ID numbers are not masked here.
// `decoded` (optional) tells which of the two happened.
std::string PayloadJson(std::string_view dataschema, std::string_view data,
                        bool* decoded = nullptr);

std::string Base64Encode(std::string_view bytes);

// The record fields of a delivery, with seq 0 (the chain position is assigned when appending).
// Free-text fields (aggregate id, actor, payload) have personal ID numbers masked.
RecordFields FieldsFromDelivery(const bus::Delivery& delivery, std::string recorded_at,
                                bool* payload_decoded = nullptr);

// Query values must go through the same masking as recorded values, or an index lookup would
// miss records whose value was masked.
std::string MaskForRecord(std::string_view text);

class Recorder {
 public:
  Recorder(AuditStore& store, const Clock& clock, const log::Logger& logger);

  // kApplied when a record was appended, kDuplicate when the ce-id already has one, kReject for a
  // delivery without ce-id/ce-type, kRetry when Redis is unreachable or the head stayed contended.
  // Never throws (the consumer loop calls it).
  bus::ApplyResult Apply(const bus::Delivery& delivery);

 private:
  AuditStore& store_;
  const Clock& clock_;
  const log::Logger& logger_;
};

}  // namespace socgov::audit
