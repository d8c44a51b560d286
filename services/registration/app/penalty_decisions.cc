// Suspension and revocation driven by supervision's penalty decisions (case.decided events):
// registration owns the organization's status, supervision owns the case.
#include "registration/app/command_support.h"
#include "registration/app/registry.h"
#include "registration/app/to_proto.h"
#include "registration/domain/lifecycle.h"
#include "registration/store/registration_store.h"
#include "socgov/registration/v1/events.pb.h"
#include "socgov/supervision/v1/events.pb.h"

namespace socgov::registration {
namespace {

namespace sv = ::socgov::supervision::v1;

// Revocation outranks suspension when one decision carries both.
PenaltyInput EffectOf(const sv::CaseDecided& d) {
  PenaltyInput in;
  in.case_id = d.case_id();
  in.case_no = d.case_no();
  for (const auto& p : d.penalties()) {
    switch (p.type()) {
      case sv::PENALTY_TYPE_REVOCATION:
        in.effect = PenaltyEffect::kRevoke;
        in.basis = p.basis();
        break;
      case sv::PENALTY_TYPE_CERTIFICATE_REVOCATION:
        if (in.effect != PenaltyEffect::kRevoke) {
          in.effect = PenaltyEffect::kRevokeCertificate;
          in.basis = p.basis();
        }
        break;
      case sv::PENALTY_TYPE_SUSPENSION:
        if (in.effect == PenaltyEffect::kNone) {
          in.effect = PenaltyEffect::kSuspend;
          in.suspend_until = p.suspend_until();
          in.basis = p.basis();
        }
        break;
      default:
        break;
    }
  }
  return in;
}

const char* EventName(PenaltyEffect e) {
  switch (e) {
    case PenaltyEffect::kSuspend:
      return "suspended";
    case PenaltyEffect::kRevoke:
      return "revoked";
    case PenaltyEffect::kRevokeCertificate:
      return "certificate_revoked";
    case PenaltyEffect::kNone:
      break;
  }
  return "";
}

}  // namespace

Result<std::optional<Mutation>> Registry::DecidePenalty(const std::string& event_id,
                                                        const std::string& case_decided_bytes) {
  if (event_id.empty()) return Error::InvalidArgument("ce-id", "missing");
  sv::CaseDecided decision;
  if (!decision.ParseFromString(case_decided_bytes))
    return Error::InvalidArgument("data", "not a socgov.supervision.v1.CaseDecided");
  if (decision.organization_id().empty())
    return Error::InvalidArgument("organization_id", "missing");
  if (decision.case_id().empty()) return Error::InvalidArgument("case_id", "missing");
  const PenaltyInput in = EffectOf(decision);
  if (in.effect == PenaltyEffect::kNone) return std::optional<Mutation>();

  auth::Principal actor{decision.actor().subject(),
                        {decision.actor().roles().begin(), decision.actor().roles().end()},
                        decision.actor().jurisdiction()};
  if (actor.subject.empty()) actor.subject = "supervision";
  std::vector<std::string> rules(decision.rule_ids().begin(), decision.rule_ids().end());
  if (in.effect != PenaltyEffect::kSuspend) rules.push_back("REG-19");

  auto org = store_.LoadOrganization(decision.organization_id());
  if (!org.ok() && org.error().code == ErrorCode::kNotFound)
    return Error::NotFound("organization " + decision.organization_id() +
                           " is not registered here");
  if (!org.ok()) return org.error();
  if (org->profile.jurisdiction != decision.jurisdiction())
    return Error::FailedPrecondition("organization " + org->id + " belongs to " +
                                     org->profile.jurisdiction + ", the decision names " +
                                     decision.jurisdiction() + " (ENF-01)");
  // The decision already applied (its inbox record gone, e.g. a durable replayed from the
  // start): nothing to do.
  if (org->penalty_case_id == in.case_id) return std::optional<Mutation>();
  const TimePoint now = clock_.Now();
  auto after = ApplyPenalty(*org, in, now);
  if (!after.ok()) return after.error();
  // The router adds the inbox record and the case's version gate; a clerk's command that moved
  // the organization meanwhile fails the version guard and the router decides again.
  Mutation m;
  AddOrgWrite(m, *org, *after);
  m.outbox_key = kOutboxKey;
  m.events = StatusEvent(actor, EventName(in.effect), *org, *after, rules, now, event_id);
  // A change waiting for approval cannot be approved any more: close it, and free the name it
  // held.
  if (!org->pending_change_id.empty())
    if (auto change = store_.LoadChange(org->pending_change_id); change.ok())
      if (auto closed =
              CloseChange(*change,
                          std::string("closed: the organization was ") + EventName(in.effect) +
                              " by penalty case " + (in.case_no.empty() ? in.case_id : in.case_no),
                          ToActor(actor), now)) {
        m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Change(change->id),
                            std::to_string(change->version), "change " + change->id});
        m.hashes.push_back({keys::Change(change->id), EncodeChange(*closed)});
        if (change->changes.name)
          m.dels_if.push_back({keys::Name(org->profile.jurisdiction, *change->changes.name),
                               "change:" + change->id});
        v1::ChangeRejected body;
        *body.mutable_change() = ToProto(*closed);
        ToProto(ToActor(actor), body.mutable_actor());
        body.set_organization_version(after->version);
        m.events.push_back(Event(body, "organization", "change_rejected", org->id, after->version,
                                 org->profile.jurisdiction, actor.subject, now));
      }
  return std::optional<Mutation>(std::move(m));
}

Result<std::optional<Mutation>> Registry::DecideFilingRemoval(const std::string& event_id,
                                                              const std::string& campaign_bytes) {
  if (event_id.empty()) return Error::InvalidArgument("ce-id", "missing");
  sv::CampaignChanged item;
  if (!item.ParseFromString(campaign_bytes))
    return Error::InvalidArgument("data", "not a socgov.supervision.v1.CampaignChanged");
  if (item.organization_id().empty()) return Error::InvalidArgument("organization_id", "missing");
  auto org = store_.LoadOrganization(item.organization_id());
  if (!org.ok() && org.error().code == ErrorCode::kNotFound)
    return Error::NotFound("organization " + item.organization_id() + " is not filed here");
  if (!org.ok()) return org.error();
  if (org->profile.jurisdiction != item.jurisdiction())
    return Error::FailedPrecondition("filing " + org->id + " belongs to " +
                                     org->profile.jurisdiction + ", the campaign names " +
                                     item.jurisdiction());
  // Removed already (by a clerk, or this event applied before its inbox record was dropped).
  if (org->status == OrgStatus::kFilingRemoved) return std::optional<Mutation>();
  auth::Principal actor{item.actor().subject(),
                        {item.actor().roles().begin(), item.actor().roles().end()},
                        item.actor().jurisdiction()};
  if (actor.subject.empty()) actor.subject = "supervision";
  const TimePoint now = clock_.Now();
  const std::string reason = "low activity: supervision campaign " + item.name().substr(0, 200) +
                             " item " + item.item_id();
  auto after = registration::RemoveFiling(*org, org->version, reason, now);
  if (!after.ok()) return after.error();
  Mutation m;
  AddOrgWrite(m, *org, *after);
  m.outbox_key = kOutboxKey;
  v1::FilingRemoved body;
  *body.mutable_organization() = ToProto(*after);
  ToProto(ToActor(actor), body.mutable_actor());
  body.set_reason(after->status_reason);
  m.events = {Event(body, "organization", "filing_removed", after->id, after->version,
                    after->profile.jurisdiction, actor.subject, now)};
  return std::optional<Mutation>(std::move(m));
}

}  // namespace socgov::registration
