#include "dashboard/app/projector.h"

#include <optional>

#include "dashboard/domain/ledger.h"
#include "dashboard/store/dashboard_store.h"
#include "platform/auth/scope.h"
#include "platform/directory/snapshot.h"
#include "platform/util/clock.h"
#include "socgov/party_building/v1/events.pb.h"

namespace socgov::dashboard {
namespace {

namespace rv1 = ::socgov::registration::v1;

std::string StripPrefix(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0 ? s.substr(prefix.size()) : s;
}

// The day a fact happened: its ce-time in China; nullopt when unreadable.
std::optional<Date> DayOf(const bus::Event& e) {
  const auto t = ParseRfc3339(e.delivery->Header("ce-time"));
  if (!t) return std::nullopt;
  return ChinaDate(*t);
}

std::string Field(const std::vector<std::string>& flat, const std::string& name) {
  for (size_t i = 0; i + 1 < flat.size(); i += 2)
    if (flat[i] == name) return flat[i + 1];
  return "";
}

// The subject filter of `context`'s `tail` events within the deployment's tree.
std::string Filter(const std::string& jurisdiction, const std::string& context,
                   const std::string& tail) {
  const std::string city = auth::CityOf(jurisdiction);
  const std::string district = auth::IsCountyLevel(jurisdiction) ? jurisdiction : "*";
  const std::string city_token = jurisdiction.ends_with("0000") ? "*" : city;
  return "socgov.v1." + city_token + "." + district + "." + context + "." + tail;
}

bus::Decision Organization(const bus::Event& e, const bus::AggregateState& state) {
  auto snapshot = directory::OrganizationSnapshot(e);
  if (!snapshot.ok()) return bus::Decision::Reject(snapshot.error().message);
  if (!*snapshot) return bus::Decision::Ignore(e.name + " moves no figure");
  const auto day = DayOf(e);
  if (!day) return bus::Decision::Reject("ce-time: not RFC 3339");
  const rv1::Organization& o = **snapshot;
  const std::string kind = StripPrefix(rv1::OrgType_Name(o.profile().org_type()), "ORG_TYPE_");
  const std::string part = kind + "/" + StripPrefix(rv1::OrgStatus_Name(o.status()), "ORG_STATUS_");
  const std::string jurisdiction = o.profile().jurisdiction();
  const auto& before = state.values.empty() ? std::vector<std::string>() : state.values[0];
  const std::string old_part = Field(before, "part");
  const std::string old_jurisdiction = Field(before, "jurisdiction");
  std::vector<Change> changes;
  if (!old_part.empty() && old_jurisdiction != jurisdiction) {
    // Moved between jurisdictions (a change of registration authority): out of one, into another.
    changes.push_back({"org.count", old_part, old_jurisdiction, *day, -1});
    changes.push_back({"org.count", part, jurisdiction, *day, +1});
  } else {
    changes = StatusMoved(jurisdiction, *day, old_part, part);
  }
  const char* flow = e.name == "registered"  ? "reg.registrations"
                     : e.name == "filed"     ? "reg.filings"
                     : e.name == "changed"   ? "reg.changes"
                     : e.name == "cancelled" ? "reg.cancellations"
                     : e.name == "revoked"   ? "reg.revocations"
                                             : nullptr;
  if (flow)
    changes.push_back(
        {flow, std::string(flow) == "reg.registrations" ? kind : "", jurisdiction, *day, 1});
  store::Mutation m;
  for (const auto& c : changes) AddChange(m, c);
  m.hashes.push_back({keys::Org(o.id()), {"part", part, "jurisdiction", jurisdiction}});
  return bus::Decision::Apply(std::move(m));
}

bus::Decision Coverage(const bus::Event& e, const bus::AggregateState& state) {
  if (e.aggregate != "coverage" || e.name != "changed")
    return bus::Decision::Ignore(e.aggregate + "." + e.name + " moves no coverage figure");
  party_building::v1::CoverageChanged c;
  if (!c.ParseFromString(e.data())) return bus::Decision::Reject("data: not a CoverageChanged");
  const auto day = DayOf(e);
  if (!day) return bus::Decision::Reject("ce-time: not RFC 3339");
  const auto& before = state.values.empty() ? std::vector<std::string>() : state.values[0];
  auto previous = [&](const char* name) -> std::optional<std::int64_t> {
    const std::string v = Field(before, name);
    if (v.empty()) return std::nullopt;
    return std::strtoll(v.c_str(), nullptr, 10);
  };
  store::Mutation m;
  AddChange(m, Restated("pb.covered", "", c.jurisdiction(), *day, previous("covered"),
                        c.organization_numerator()));
  AddChange(m, Restated("pb.reached", "", c.jurisdiction(), *day, previous("reached"),
                        c.work_numerator()));
  AddChange(m, Restated("pb.in_scope", "", c.jurisdiction(), *day, previous("in_scope"),
                        c.organization_denominator()));
  m.hashes.push_back({keys::Stated("pb", c.jurisdiction()),
                      {"covered", std::to_string(c.organization_numerator()), "reached",
                       std::to_string(c.work_numerator()), "in_scope",
                       std::to_string(c.organization_denominator())}});
  return bus::Decision::Apply(std::move(m));
}

}  // namespace

bus::Route CountRoute(const std::string& name, const std::string& stream,
                      const std::string& context, const std::string& durable,
                      const std::string& jurisdiction, std::vector<CountedEvent> counted) {
  bus::Route r;
  r.name = name;
  r.consumer = {.stream = stream,
                .durable = durable,
                .filter_subject = Filter(jurisdiction, context, ">"),
                .max_deliver = 0,
                .ack_wait_ms = 30'000};
  r.owner = context;
  // A subset of each aggregate's events: later versions only, jumps are fine.
  r.gate = bus::Gate::kMonotonic;
  r.handler = [counted = std::move(counted)](const bus::Event& e, const bus::AggregateState&) {
    const std::string type = e.aggregate + "." + e.name;
    for (const auto& c : counted) {
      if (c.event != type) continue;
      const auto day = DayOf(e);
      if (!day) return bus::Decision::Reject("ce-time: not RFC 3339");
      store::Mutation m;
      AddChange(m, {c.kpi, "", e.jurisdiction, *day, 1});
      return bus::Decision::Apply(std::move(m));
    }
    return bus::Decision::Ignore(type + " is not counted");
  };
  return r;
}

std::vector<CountedEvent> SupervisionCounts() {
  return {{"inspection.recorded", "sup.inspections_done"},
          {"complaint.received", "sup.complaints"},
          {"illegal_org.banned", "sup.illegal_banned"},
          {"campaign.item_added", "sup.campaign_found"},
          {"campaign.item_rectified", "sup.campaign_rectified"},
          {"campaign.filing_removed", "sup.filings_removed"}};
}

bus::Route OrganizationRoute(const std::string& durable, const std::string& jurisdiction) {
  bus::Route r;
  r.name = "organizations";
  r.consumer = {.stream = "REGISTRATION",
                .durable = durable,
                .filter_subject = Filter(jurisdiction, "registration", "organization.>"),
                .max_deliver = 0,
                .ack_wait_ms = 30'000};
  r.owner = "registration";
  r.gate = bus::Gate::kStrict;
  r.state_keys = [](const bus::Event& e) {
    return std::vector<std::string>{keys::Org(e.aggregate_id)};
  };
  r.payload_jurisdiction = [](const bus::Event& e) -> Result<std::optional<std::string>> {
    auto snapshot = directory::OrganizationSnapshot(e);
    if (!snapshot.ok()) return snapshot.error();
    if (!*snapshot) return std::optional<std::string>();
    return std::optional<std::string>((*snapshot)->profile().jurisdiction());
  };
  r.handler = Organization;
  return r;
}

bus::Route CoverageRoute(const std::string& durable, const std::string& jurisdiction) {
  bus::Route r;
  r.name = "coverage";
  r.consumer = {.stream = "PARTY_BUILDING",
                .durable = durable,
                .filter_subject = Filter(jurisdiction, "party_building", "coverage.>"),
                .max_deliver = 0,
                .ack_wait_ms = 30'000};
  r.owner = "party_building";
  r.gate = bus::Gate::kStrict;
  r.state_keys = [](const bus::Event& e) {
    return std::vector<std::string>{keys::Stated("pb", e.aggregate_id)};
  };
  r.payload_jurisdiction = [](const bus::Event& e) -> Result<std::optional<std::string>> {
    if (e.aggregate != "coverage") return std::optional<std::string>();
    party_building::v1::CoverageChanged c;
    if (!c.ParseFromString(e.data())) return Error::InvalidArgument("data", "not CoverageChanged");
    return std::optional<std::string>(c.jurisdiction());
  };
  r.handler = Coverage;
  return r;
}

}  // namespace socgov::dashboard
