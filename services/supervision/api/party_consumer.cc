#include "supervision/api/party_consumer.h"

#include "platform/auth/scope.h"
#include "socgov/party_building/v1/events.pb.h"

namespace socgov::supervision {

bus::Route PartyOrgRoute(Supervisor& supervisor, const std::string& jurisdiction,
                         const std::string& durable) {
  bus::Route r;
  r.name = "party-orgs";
  const std::string city = auth::CityOf(jurisdiction);
  const std::string district = auth::IsCountyLevel(jurisdiction) ? jurisdiction : "*";
  const std::string city_token = jurisdiction.ends_with("0000") ? "*" : city;
  r.consumer = {
      .stream = "PARTY_BUILDING",
      .durable = durable,
      .filter_subject = "socgov.v1." + city_token + "." + district + ".party_building.party_org.>",
      .max_deliver = 10,
      .ack_wait_ms = 30'000};
  r.owner = "party_building";
  // required_missing carries the organization's formal-member count as its version; a party
  // organization's events are all consumed, but jumps are harmless: monotonic.
  r.gate = bus::Gate::kMonotonic;
  r.inbox_ttl_seconds = 0;  // a listing's redelivery has no time limit
  r.payload_jurisdiction = [](const bus::Event& e) -> Result<std::optional<std::string>> {
    if (e.name == "required_missing") {
      party_building::v1::RequiredMissing m;
      if (!m.ParseFromString(e.data()))
        return Error::InvalidArgument("data", "not a socgov.party_building.v1.RequiredMissing");
      return std::optional<std::string>(m.jurisdiction());
    }
    party_building::v1::PartyOrgChanged c;
    if (!c.ParseFromString(e.data()))
      return Error::InvalidArgument("data", "not a socgov.party_building.v1.PartyOrgChanged");
    return std::optional<std::string>(c.jurisdiction());
  };
  r.handler = [&supervisor](const bus::Event& e, const bus::AggregateState&) {
    const bool missing = e.name == "required_missing";
    if (!missing && e.name != "approved" && e.name != "established")
      return bus::Decision::Ignore("no effect on the credit lists");
    auto writes = missing ? supervisor.DecidePartyOrganizationMissing(e.id, e.data())
                          : supervisor.DecidePartyOrganizationCovering(e.id, e.data());
    if (writes.ok())
      return *writes ? bus::Decision::Apply(std::move(**writes))
                     : bus::Decision::Ignore(missing ? "already recorded"
                                                     : "no CR-01(b) listing to remove");
    if (writes.error().code == ErrorCode::kUnavailable)
      return bus::Decision::Retry(writes.error().message);
    // Malformed, or another jurisdiction's organization: an operator looks at it (socgovctl dlq
    // list) and may re-drive it once the cause is fixed.
    return bus::Decision::Reject(writes.error().message);
  };
  return r;
}

}  // namespace socgov::supervision
