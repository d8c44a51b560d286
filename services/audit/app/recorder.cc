#include "audit/app/recorder.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>
#include <openssl/evp.h>

#include <cctype>
#include <memory>
#include <utility>

#include "platform/auth/scope.h"
#include "socgov/party_building/v1/events.pb.h"
#include "socgov/registration/v1/events.pb.h"
#include "socgov/supervision/v1/events.pb.h"
#include "socgov/welfare_venture/v1/events.pb.h"

namespace socgov::audit {
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

Recorder::Recorder(const Clock& clock, const log::Logger& logger) : clock_(clock), logger_(logger) {
  // Payloads are decoded through the generated pool, which only knows messages whose generated
  // code is linked in; touching one message per events file keeps the linker from dropping it.
  (void)socgov::registration::v1::OrganizationRegistered::descriptor();
  (void)socgov::supervision::v1::CaseProgressed::descriptor();
  (void)socgov::party_building::v1::PartyOrgChanged::descriptor();
  (void)socgov::welfare_venture::v1::RoundChanged::descriptor();
}

bus::Route Recorder::MakeRoute(const std::string& stream, const std::string& durable) const {
  std::string context = stream;
  for (char& c : context) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bus::Route r;
  r.name = "record-" + context;
  r.consumer = {.stream = stream,
                .durable = durable,
                .filter_subject = "",
                .max_deliver = 0,
                .ack_wait_ms = 30'000};
  r.owner = context;
  r.gate = bus::Gate::kNone;
  r.state_keys = [](const bus::Event&) { return std::vector<std::string>{HeadKey()}; };
  r.handler = [this](const bus::Event& e, const bus::AggregateState& s) { return Decide(e, s); };
  // Many streams append to one chain: a lost race for the head is normal, re-decided.
  r.conflict_attempts = 20;
  return r;
}

bus::Decision Recorder::Decide(const bus::Event& event, const bus::AggregateState& state) const {
  const bus::Delivery& delivery = *event.delivery;
  std::optional<std::string> head_text;
  if (!state.exists.empty() && state.exists[0] && !state.values[0].empty())
    head_text = state.values[0][0];
  Head head;
  try {
    head = ParseHeadText(head_text);
  } catch (const StoreError& e) {
    // A damaged head is not this event's fault: hold it (the lag and the log show it) rather
    // than dead-letter a valid event.
    logger_.Error("audit head unreadable", {{"event_id", event.id}, {"error", e.what()}});
    return bus::Decision::Retry(e.what());
  }
  bool decoded = false;
  RecordFields fields = FieldsFromDelivery(delivery, FormatRfc3339(clock_.Now()), &decoded);
  fields.seq = head.seq + 1;
  if (!decoded) {
    // Recorded anyway (as base64): the chain must hold every event, readable or not.
    logger_.Warn("event payload not decoded",
                 {{"event_id", fields.event_id}, {"dataschema", delivery.Header("ce-dataschema")}});
  }
  return bus::Decision::Apply(AppendWrites(fields, head, ChainHash(head.hash, fields)));
}

}  // namespace socgov::audit
