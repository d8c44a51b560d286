// Recording use case: one delivered event becomes one chain record, exactly once. The recorder is
// a route of the service kit's router: the router checks the envelope and dedups by ce-id, the
// recorder turns the event and the chain head into the append's writes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "audit/domain/chain.h"
#include "audit/store/audit_store.h"
#include "platform/bus/router.h"
#include "platform/log/log.h"
#include "platform/util/clock.h"

namespace socgov::audit {

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
  Recorder(const Clock& clock, const log::Logger& logger);

  // The route recording `stream` (events of the context that owns it) with durable `durable`.
  // No version gate: the chain keeps every event, in the order it arrived.
  bus::Route MakeRoute(const std::string& stream, const std::string& durable) const;
  // The append of one event after the head in `state.values[0]` (the head key's string).
  bus::Decision Decide(const bus::Event& event, const bus::AggregateState& state) const;

 private:
  const Clock& clock_;
  const log::Logger& logger_;
};

}  // namespace socgov::audit
