#include "welfare_venture/api/credit_consumer.h"

#include "platform/auth/scope.h"
#include "socgov/supervision/v1/events.pb.h"

namespace socgov::welfare_venture {
namespace {

namespace sv1 = ::socgov::supervision::v1;

template <typename Message>
Result<std::optional<std::string>> JurisdictionOf(const bus::Event& e) {
  Message m;
  if (!m.ParseFromString(e.data()))
    return Error::InvalidArgument("data", "not a " + Message::descriptor()->full_name());
  return std::optional<std::string>(m.jurisdiction());
}

// The jurisdiction each credit event's payload names (ce-jurisdiction must agree).
Result<std::optional<std::string>> PayloadJurisdiction(const bus::Event& e) {
  if (e.name == "listed") return JurisdictionOf<sv1::CreditListed>(e);
  if (e.name == "escalated") return JurisdictionOf<sv1::CreditEscalated>(e);
  if (e.name == "removed") return JurisdictionOf<sv1::CreditRemoved>(e);
  if (e.name == "restarted") return JurisdictionOf<sv1::CreditClockRestarted>(e);
  return std::optional<std::string>();
}

}  // namespace

bus::Route CreditRoute(Venture& venture, const std::string& jurisdiction,
                       const std::string& durable) {
  bus::Route r;
  r.name = "credit";
  const std::string city = auth::CityOf(jurisdiction);
  const std::string district = auth::IsCountyLevel(jurisdiction) ? jurisdiction : "*";
  const std::string city_token = jurisdiction.ends_with("0000") ? "*" : city;
  r.consumer = {
      .stream = "SUPERVISION",
      .durable = durable,
      .filter_subject = "socgov.v1." + city_token + "." + district + ".supervision.credit.>",
      .max_deliver = 10,
      .ack_wait_ms = 30'000};
  r.owner = "supervision";
  // The credit account's versions: each event is one change, in order; an older one is skipped.
  r.gate = bus::Gate::kMonotonic;
  r.inbox_ttl_seconds = 0;  // a listing's redelivery has no time limit
  r.state_keys = [](const bus::Event& e) {
    return std::vector<std::string>{Venture::CreditStateKey(e.aggregate_id)};
  };
  r.payload_jurisdiction = PayloadJurisdiction;
  r.handler = [&venture](const bus::Event& e, const bus::AggregateState& state) {
    if (e.aggregate != "credit") return bus::Decision::Ignore("not a credit event");
    const std::vector<std::string> hash =
        state.values.empty() ? std::vector<std::string>() : state.values[0];
    auto writes = venture.DecideCreditEvent(e.name, e.aggregate_id, e.data(), hash);
    if (writes.ok())
      return *writes ? bus::Decision::Apply(std::move(**writes))
                     : bus::Decision::Ignore("no change to the listing periods");
    if (writes.error().code == ErrorCode::kUnavailable)
      return bus::Decision::Retry(writes.error().message);
    return bus::Decision::Reject(writes.error().message);
  };
  return r;
}

}  // namespace socgov::welfare_venture
