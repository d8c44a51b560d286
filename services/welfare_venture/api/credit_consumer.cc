#include "welfare_venture/api/credit_consumer.h"

#include "platform/auth/scope.h"
#include "socgov/supervision/v1/events.pb.h"

namespace socgov::welfare_venture {
namespace {

namespace sv1 = ::socgov::supervision::v1;

// Every credit event carries organization_id = 1 and jurisdiction = 2.
Result<std::optional<std::string>> PayloadJurisdiction(const bus::Event& e) {
  sv1::CreditRemoved any;  // fields 1 and 2 are the same in all four messages
  if (!any.ParseFromString(e.data()))
    return Error::InvalidArgument("data", "not a socgov.supervision.v1 credit event");
  return std::optional<std::string>(any.jurisdiction());
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
    return std::vector<std::string>{"{wv}:credit:" + e.aggregate_id};
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
