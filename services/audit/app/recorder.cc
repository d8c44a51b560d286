#include "audit/app/recorder.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>
#include <openssl/evp.h>

#include <exception>
#include <memory>
#include <utility>

#include "platform/auth/scope.h"
#include "socgov/registration/v1/events.pb.h"

namespace socgov::audit {
namespace {

// Each attempt loses only to another append that succeeded, so ten in a row means heavy
// contention; the message is redelivered later rather than holding the consumer.
constexpr int kMaxAppendAttempts = 10;

}  // namespace

std::optional<std::string> RejectReason(const bus::Delivery& delivery) {
  if (delivery.Header("ce-id").empty()) return "missing header ce-id";
  if (delivery.Header("ce-type").empty()) return "missing header ce-type";
  return std::nullopt;
}

std::string Base64Encode(std::string_view bytes) {
  // OpenSSL's encoder (standard alphabet, padded, no line breaks) rather than a hand-written one.
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string PayloadJson(std::string_view dataschema, std::string_view data, bool* decoded) {
  if (decoded != nullptr) *decoded = false;
  const auto* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(
          std::string(dataschema));
  if (descriptor != nullptr) {
    const google::protobuf::Message* prototype =
        google::protobuf::MessageFactory::generated_factory()->GetPrototype(descriptor);
    if (prototype != nullptr) {
      std::unique_ptr<google::protobuf::Message> message(prototype->New());
      google::protobuf::util::JsonPrintOptions options;
      options.preserve_proto_field_names = true;
      std::string json;
      if (message->ParseFromArray(data.data(), static_cast<int>(data.size())) &&
          google::protobuf::util::MessageToJsonString(*message, &json, options).ok()) {
        if (decoded != nullptr) *decoded = true;
        return json;
      }
    }
  }
  // Base64 has no characters that need JSON escaping.
  return "{\"undecoded_base64\":\"" + Base64Encode(data) + "\"}";
}

std::string MaskForRecord(std::string_view text) { return auth::MaskIdNumbersInText(text); }

RecordFields FieldsFromDelivery(const bus::Delivery& d, std::string recorded_at,
                                bool* payload_decoded) {
  RecordFields f;
  f.event_id = d.Header("ce-id");
  f.event_type = d.Header("ce-type");
  f.source = d.Header("ce-source");
  f.aggregate_id = MaskForRecord(d.Header("ce-subject"));
  f.jurisdiction = d.Header("ce-jurisdiction");
  f.actor = MaskForRecord(d.Header("ce-actor"));
  f.occurred_at = d.Header("ce-time");
  f.recorded_at = std::move(recorded_at);
  f.stream = d.stream;
  f.payload_json = MaskForRecord(PayloadJson(d.Header("ce-dataschema"), d.data, payload_decoded));
  return f;
}

Recorder::Recorder(AuditStore& store, const Clock& clock, const log::Logger& logger)
    : store_(store), clock_(clock), logger_(logger) {
  // Payloads are decoded through the generated pool, which only knows messages whose generated
  // code is linked in; touching one keeps the linker from dropping the registration events.
  (void)socgov::registration::v1::OrganizationRegistered::descriptor();
}

bus::ApplyResult Recorder::Apply(const bus::Delivery& delivery) {
  try {
    if (auto reason = RejectReason(delivery)) {
      logger_.Warn("event rejected", {{"event_id", delivery.Header("ce-id")},
                                      {"stream", delivery.stream},
                                      {"subject", delivery.subject},
                                      {"reason", *reason}});
      return {bus::Outcome::kReject, *reason};
    }
    bool decoded = false;
    RecordFields fields = FieldsFromDelivery(delivery, FormatRfc3339(clock_.Now()), &decoded);
    for (int attempt = 0; attempt < kMaxAppendAttempts; ++attempt) {
      const HeadAndDedup state = store_.ReadHeadAndDedup(fields.event_id);
      if (state.recorded) return {bus::Outcome::kDuplicate, ""};
      fields.seq = state.head.seq + 1;
      const std::string hash = ChainHash(state.head.hash, fields);
      switch (store_.Append(fields, state.head, hash)) {
        case AppendOutcome::kAppended:
          if (!decoded) {
            // Recorded anyway (as base64): the chain must hold every event, readable or not.
            logger_.Warn(
                "event payload not decoded",
                {{"event_id", fields.event_id}, {"dataschema", delivery.Header("ce-dataschema")}});
          }
          return {bus::Outcome::kApplied, ""};
        case AppendOutcome::kDuplicate:
          return {bus::Outcome::kDuplicate, ""};
        case AppendOutcome::kConflict:
          break;  // another writer moved the head between our read and our append
      }
    }
    logger_.Warn("audit head contended",
                 {{"event_id", fields.event_id}, {"attempts", std::to_string(kMaxAppendAttempts)}});
    return {bus::Outcome::kRetry, "audit chain head contended"};
  } catch (const store::RedisUnavailable& e) {
    return {bus::Outcome::kRetry, std::string("redis unavailable: ") + e.what()};
  } catch (const std::exception& e) {
    // A Redis error reply or a damaged head: not this message's fault, so the consumer loop holds
    // it and retries (the stream waits; the error log and the lag metric show it) rather than
    // dead-lettering a valid event.
    logger_.Error("audit append failed",
                  {{"event_id", delivery.Header("ce-id")}, {"error", e.what()}});
    return {bus::Outcome::kRetry, e.what()};
  }
}

}  // namespace socgov::audit
