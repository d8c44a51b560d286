#include "registration/api/penalty_consumer.h"

#include "platform/outbox/outbox.h"
#include "socgov/supervision/v1/events.pb.h"

namespace socgov::registration {

std::string CaseDecidedSubject(const std::string& jurisdiction) {
  return outbox::Subject(jurisdiction, "supervision", "case", "decided");
}

bus::Route PenaltyRoute(Registry& registry, const std::string& jurisdiction,
                        const std::string& durable) {
  bus::Route r;
  r.name = "penalties";
  r.consumer = {.stream = "SUPERVISION",
                .durable = durable,
                .filter_subject = CaseDecidedSubject(jurisdiction),
                .max_deliver = 10,
                .ack_wait_ms = 30'000};
  r.owner = "supervision";
  r.gate = bus::Gate::kMonotonic;
  r.inbox_ttl_seconds = 0;  // a decision's redelivery has no time limit
  r.payload_jurisdiction = [](const bus::Event& e) -> Result<std::optional<std::string>> {
    supervision::v1::CaseDecided d;
    if (!d.ParseFromString(e.data()))
      return Error::InvalidArgument("data", "not a socgov.supervision.v1.CaseDecided");
    return std::optional<std::string>(d.jurisdiction());
  };
  r.handler = [&registry](const bus::Event& e, const bus::AggregateState&) {
    auto writes = registry.DecidePenalty(e.id, e.data());
    if (writes.ok())
      return *writes ? bus::Decision::Apply(std::move(**writes))
                     : bus::Decision::Ignore("no effect on registration");
    if (writes.error().code == ErrorCode::kUnavailable)
      return bus::Decision::Retry(writes.error().message);
    // Not registered here, malformed, or a state the penalty cannot apply to: an operator must
    // look at it (socgovctl dlq list), and may re-drive it once the cause is fixed.
    return bus::Decision::Reject(writes.error().message);
  };
  return r;
}

bus::Route FilingRemovalRoute(Registry& registry, const std::string& jurisdiction,
                              const std::string& durable) {
  bus::Route r;
  r.name = "filing-removals";
  r.consumer = {
      .stream = "SUPERVISION",
      .durable = durable,
      .filter_subject = outbox::Subject(jurisdiction, "supervision", "campaign", "filing_removed"),
      .max_deliver = 10,
      .ack_wait_ms = 30'000};
  r.owner = "supervision";
  r.gate = bus::Gate::kMonotonic;
  r.inbox_ttl_seconds = 0;
  r.payload_jurisdiction = [](const bus::Event& e) -> Result<std::optional<std::string>> {
    supervision::v1::CampaignChanged c;
    if (!c.ParseFromString(e.data()))
      return Error::InvalidArgument("data", "not a socgov.supervision.v1.CampaignChanged");
    return std::optional<std::string>(c.jurisdiction());
  };
  r.handler = [&registry](const bus::Event& e, const bus::AggregateState&) {
    auto writes = registry.DecideFilingRemoval(e.id, e.data());
    if (writes.ok())
      return *writes ? bus::Decision::Apply(std::move(**writes))
                     : bus::Decision::Ignore("filing already removed");
    if (writes.error().code == ErrorCode::kUnavailable)
      return bus::Decision::Retry(writes.error().message);
    return bus::Decision::Reject(writes.error().message);
  };
  return r;
}

}  // namespace socgov::registration
