// CR-01(b) / PB-11: party building's facts on the credit lists (domain/party_credit.h). Decided
// for the router's route on PARTY_BUILDING (api/party_consumer.h), which adds the inbox record and
// the version gate to the same commit; the list changes are published as the usual credit events.
#include "supervision/domain/party_credit.h"

#include <algorithm>
#include <set>

#include "socgov/party_building/v1/events.pb.h"
#include "socgov/party_building/v1/party_building_service.pb.h"
#include "supervision/app/supervisor.h"
#include "supervision/app/support.h"

namespace socgov::supervision {
namespace {

namespace pb = ::socgov::party_building::v1;

// States in which a party organization covers its organizations (party building's PB-08 count).
bool Covers(int state) {
  return state == pb::PARTY_ORG_STATE_ESTABLISHED || state == pb::PARTY_ORG_STATE_ACTIVE ||
         state == pb::PARTY_ORG_STATE_TERM_ELECTION;
}

auth::Principal ActorOf(const ::socgov::common::v1::Actor& a, const std::string& jurisdiction) {
  if (a.subject().empty()) return {"party-building", {}, jurisdiction, 0};
  return {a.subject(), {a.roles().begin(), a.roles().end()}, a.jurisdiction(), 0};
}

}  // namespace

Result<std::optional<Mutation>> Supervisor::DecidePartyOrganizationMissing(
    const std::string& event_id, const std::string& data) {
  if (event_id.empty()) return Error::InvalidArgument("ce-id", "missing");
  pb::RequiredMissing fact;
  if (!fact.ParseFromString(data))
    return Error::InvalidArgument("data", "not a socgov.party_building.v1.RequiredMissing");
  const std::string& org = fact.organization_id();
  if (auto err = ValidateId("organization_id", org)) return *err;
  auto found = ParseDateField("found_on", fact.found_on());
  if (!found.ok()) return found.error();
  const auto rows = store_.Read({{"HGETALL", keys::Credit(org)}});
  auto before = AccountOf(rows[0], org, fact.jurisdiction());
  if (!before.ok()) return before.error();
  if (before->jurisdiction != fact.jurisdiction())
    return Error::FailedPrecondition("organization " + org + " belongs to " + before->jurisdiction +
                                     ", the event names " + fact.jurisdiction());
  // The source names the event: one already recorded (its inbox record gone, e.g. a durable
  // replayed from the start) changes nothing.
  const std::string source = "PB-11: party_building party_org.required_missing " + event_id;
  if (std::find(before->sources.begin(), before->sources.end(), source) != before->sources.end())
    return std::optional<Mutation>();
  Mutation m;
  auto after =
      AddCreditEvent(m, *before, PartyOrganizationMissingEvent(before->record, *found), source,
                     ActorOf({}, fact.jurisdiction()), settings_.authority, clock_.Now());
  if (!after.ok()) return after.error();
  m.outbox_key = kOutboxKey;
  return std::optional<Mutation>(std::move(m));
}

Result<std::optional<Mutation>> Supervisor::DecidePartyOrganizationCovering(
    const std::string& event_id, const std::string& data) {
  if (event_id.empty()) return Error::InvalidArgument("ce-id", "missing");
  pb::PartyOrgChanged fact;
  if (!fact.ParseFromString(data))
    return Error::InvalidArgument("data", "not a socgov.party_building.v1.PartyOrgChanged");
  if (!Covers(fact.state()) || fact.covered_organization_ids().empty())
    return std::optional<Mutation>();
  auto on = ParseDateField("on", fact.on());
  if (!on.ok()) return on.error();
  const std::set<std::string> orgs(fact.covered_organization_ids().begin(),
                                   fact.covered_organization_ids().end());
  std::vector<std::vector<std::string>> reads;
  for (const auto& org : orgs) {
    if (auto err = ValidateId("covered_organization_ids", org)) return *err;
    reads.push_back({"HGETALL", keys::Credit(org)});
  }
  const auto rows = store_.Read(reads);
  const auth::Principal actor = ActorOf(fact.actor(), fact.jurisdiction());
  const std::string cause =
      "PB-05: party organization " + fact.party_org_id() + " covers it (" + event_id + ")";
  const TimePoint now = clock_.Now();
  Mutation m;
  size_t i = 0;
  for (const auto& org : orgs) {
    const auto& row = rows[i++];
    if (store::FlatHash(row).empty()) continue;  // never listed
    auto before = AccountOf(row, org, "");
    if (!before.ok()) return before.error();
    auto record = RemoveRectifiedPartyListing(before->record, *on);
    if (!record) continue;
    CreditAccount after = *before;
    after.record = std::move(*record);
    AddCreditWrite(m, *before, after, cause, actor, settings_.authority, now);
  }
  if (m.hashes.empty()) return std::optional<Mutation>();
  m.outbox_key = kOutboxKey;
  return std::optional<Mutation>(std::move(m));
}

}  // namespace socgov::supervision
