#include "party_building/api/host_consumer.h"

#include "platform/auth/scope.h"
#include "socgov/registration/v1/events.pb.h"

namespace socgov::party_building {

bus::Route HostEndedRoute(PartyWork& work, const std::string& jurisdiction,
                          const std::string& durable) {
  bus::Route r;
  r.name = "host-ends";
  const std::string city = auth::CityOf(jurisdiction);
  const std::string district = auth::IsCountyLevel(jurisdiction) ? jurisdiction : "*";
  const std::string city_token = jurisdiction.ends_with("0000") ? "*" : city;
  r.consumer = {
      .stream = "REGISTRATION",
      .durable = durable,
      .filter_subject = "socgov.v1." + city_token + "." + district + ".registration.organization.>",
      .max_deliver = 10,
      .ack_wait_ms = 30'000};
  r.owner = "registration";
  // Only two event names of the organization's stream reach the handler's effect: the gate
  // skips an older version, jumps are fine.
  r.gate = bus::Gate::kMonotonic;
  r.inbox_ttl_seconds = 0;  // a cancellation's redelivery has no time limit
  r.payload_jurisdiction = [](const bus::Event& e) -> Result<std::optional<std::string>> {
    registration::v1::OrganizationStatusChanged c;
    if (e.name != "cancelled" && e.name != "revoked") return std::optional<std::string>();
    if (!c.ParseFromString(e.data()))
      return Error::InvalidArgument("data",
                                    "not a socgov.registration.v1.OrganizationStatusChanged");
    return std::optional<std::string>(c.organization().profile().jurisdiction());
  };
  r.handler = [&work](const bus::Event& e, const bus::AggregateState&) {
    if (e.name != "cancelled" && e.name != "revoked")
      return bus::Decision::Ignore("not an end of the organization");
    auto writes =
        work.DecideHostEnded(e.id, e.aggregate_id,
                             e.name == "cancelled" ? HostStatus::kCancelled : HostStatus::kRevoked);
    if (writes.ok())
      return *writes ? bus::Decision::Apply(std::move(**writes))
                     : bus::Decision::Ignore("no temporary branch to dissolve");
    if (writes.error().code == ErrorCode::kUnavailable)
      return bus::Decision::Retry(writes.error().message);
    return bus::Decision::Reject(writes.error().message);
  };
  return r;
}

}  // namespace socgov::party_building
