// Major-decision participation (PB-12, Fushun's guideline): the matter registered, the party
// organization's opinion, escalation of a disagreement, follow-up of execution. Each step is one
// read, the domain's transition and one commit with its event.
#include <algorithm>

#include "party_building/app/entity_command.h"
#include "party_building/app/party_work.h"
#include "party_building/app/support.h"
#include "party_building/app/views.h"
#include "party_building/domain/major_decision.h"
#include "platform/auth/scope.h"
#include "platform/directory/directory.h"
#include "platform/util/text.h"
#include "socgov/party_building/v1/events.pb.h"

namespace socgov::party_building {
namespace {

namespace ev = ::socgov::party_building::v1;
constexpr const char* kKind = "decision";

std::string DecisionJurisdiction(const StoredDecision& s) { return s.jurisdiction; }

std::string_view DeviationStatusName(DeviationStatus s) {
  switch (s) {
    case DeviationStatus::kOpen:
      return "OPEN";
    case DeviationStatus::kCorrected:
      return "CORRECTED";
    case DeviationStatus::kEscalated:
      return "ESCALATED";
  }
  return "OPEN";
}

v1::MajorDecision ToProto(const StoredDecision& s, Date today) {
  const MajorDecision& d = s.value;
  v1::MajorDecision p;
  p.set_id(d.id);
  p.set_organization_id(d.org_id);
  p.set_party_org_id(d.party_org_id);
  p.set_jurisdiction(s.jurisdiction);
  p.set_category(static_cast<v1::MatterCategory>(int(d.category) + 1));
  p.set_major(d.major);
  p.set_title(d.title);
  p.set_decision_meeting_on(DateText(d.decision_meeting_on));
  p.set_state(static_cast<v1::DecisionState>(int(d.state) + 1));
  if (d.opinion) {
    auto* o = p.mutable_opinion();
    o->set_form(static_cast<v1::ParticipationForm>(int(d.opinion->form) + 1));
    auto* c = o->mutable_checklist();
    c->set_follows_party_line(d.opinion->checklist.follows_party_line);
    c->set_lawful(d.opinion->checklist.lawful);
    c->set_within_charter(d.opinion->checklist.within_charter);
    c->set_ideologically_sound(d.opinion->checklist.ideologically_sound);
    c->set_serves_members_and_public(d.opinion->checklist.serves_members_and_public);
    c->set_sound_development(d.opinion->checklist.sound_development);
    o->set_agree(d.opinion->agree);
    o->set_reason(d.opinion->reason);
    o->set_on(DateText(d.opinion->on));
  }
  if (d.escalation_due_by) p.set_escalation_due_by(FormatDate(*d.escalation_due_by));
  p.set_escalated_to(d.escalated_to);
  if (d.escalated_on) p.set_escalated_on(FormatDate(*d.escalated_on));
  p.set_escalated_late(d.escalated_late);
  p.set_escalation_overdue(EscalationOverdue(d, today));
  if (d.execution_started_on) p.set_execution_started_on(FormatDate(*d.execution_started_on));
  for (const auto& dev : d.deviations) {
    auto* x = p.add_deviations();
    x->set_description(dev.description);
    x->set_recorded_on(DateText(dev.recorded_on));
    x->set_status(std::string(DeviationStatusName(dev.status)));
    if (dev.resolved_on) x->set_resolved_on(FormatDate(*dev.resolved_on));
  }
  if (d.closed_on) p.set_closed_on(FormatDate(*d.closed_on));
  p.set_version(s.version);
  return p;
}

ev::MajorDecisionChanged DecisionEvent(const StoredDecision& s, Date on,
                                       const auth::Principal& who) {
  const MajorDecision& d = s.value;
  ev::MajorDecisionChanged b;
  b.set_decision_id(d.id);
  b.set_organization_id(d.org_id);
  b.set_party_org_id(d.party_org_id);
  b.set_jurisdiction(s.jurisdiction);
  b.set_category(int(d.category) + 1);
  b.set_major(d.major);
  b.set_state(int(d.state) + 1);
  if (d.opinion) {
    b.set_form(int(d.opinion->form) + 1);
    b.set_agreed(d.opinion->agree);
  }
  b.set_escalated_to(d.escalated_to);
  b.set_escalated_late(d.escalated_late);
  b.set_open_deviations(static_cast<std::int32_t>(
      std::count_if(d.deviations.begin(), d.deviations.end(),
                    [](const Deviation& x) { return x.status == DeviationStatus::kOpen; })));
  b.set_on(FormatDate(on));
  SetActor(who, b.mutable_actor());
  b.add_rule_ids("PB-12");
  return b;
}

// One step of a matter: `step(before)` is the domain's transition; the event is `event`.
template <typename Step>
Result<v1::MajorDecision> Advance(PartyBuildingStore& store, const Clock& clock,
                                  const std::string& authority, const auth::Principal& who,
                                  const char* rpc, const std::string& request_id,
                                  const std::string& id, std::int64_t version, const char* event,
                                  Date on, Step step) {
  const TimePoint now = clock.Now();
  const Date today = ChinaDate(now);
  return UpdateEntity<StoredDecision, v1::MajorDecision>(
      store, who, rpc, request_id, kKind, id, version, keys::Decision, DecodeDecision,
      EncodeDecision, DecisionJurisdiction,
      [today](const StoredDecision& s) { return ToProto(s, today); }, {},
      [&](const StoredDecision& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredDecision> {
        Result<MajorDecision> d = step(before.value);
        if (!d.ok()) return d.error();
        StoredDecision after{*d, before.jurisdiction, before.version + 1};
        m.events.push_back(MakeEvent(DecisionEvent(after, on, who), authority, "major_decision",
                                     event, after.value.id, after.version, after.jurisdiction,
                                     who.subject, now));
        return after;
      });
}

}  // namespace

Result<v1::MajorDecision> PartyWork::RegisterDecision(const auth::Principal& who,
                                                      const v1::RegisterMajorDecisionRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  if (req.category() <= v1::MATTER_CATEGORY_UNSPECIFIED ||
      req.category() > v1::MATTER_CATEGORY_OTHER)
    return Error::InvalidArgument("category", "required: one of the six categories (PB-12)");
  auto title = CheckText("title", req.title(), 200);
  if (!title.ok()) return title.error();
  auto meeting = ParseDateField("decision_meeting_on", req.decision_meeting_on());
  if (!meeting.ok()) return meeting.error();
  if (auto err = ValidateId("organization_id", req.organization_id())) return *err;
  auto entry = directory_.Get(req.organization_id());
  if (!entry)
    return Error::InvalidArgument("organization_id",
                                  "organization " + req.organization_id() + " is not registered");
  auto org = LiveOrg("party_org_id", req.party_org_id());
  if (!org.ok()) return org.error();
  if (std::find(org->org.covered_org_ids.begin(), org->org.covered_org_ids.end(), entry->id) ==
      org->org.covered_org_ids.end())
    return Error::FailedPrecondition("state " + std::string(PartyOrgStateName(org->org.state)) +
                                     ": PB-12 party organization " + org->org.id +
                                     " does not cover organization " + entry->id);
  if (auto err = CheckWrite(who, entry->jurisdiction)) return *err;
  MajorDecision draft;
  draft.id = "draft";
  draft.org_id = entry->id;
  draft.party_org_id = org->org.id;
  draft.category = static_cast<MatterCategory>(int(req.category()) - 1);
  draft.major = req.major();
  draft.title = *title;
  draft.decision_meeting_on = *meeting;
  auto checked = RegisterMatter(draft);
  if (!checked.ok()) return checked.error();
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  return CreateEntity<StoredDecision, v1::MajorDecision>(
      store_, who, "RegisterMajorDecision", req.request_id(), authority_, kKind, "MD",
      keys::Decision, keys::kDecisions,
      [&](const std::string& id, Mutation& m) -> Result<StoredDecision> {
        StoredDecision s{*checked, entry->jurisdiction, 1};
        s.value.id = id;
        m.events.push_back(MakeEvent(DecisionEvent(s, today, who), authority_, "major_decision",
                                     "registered", id, 1, entry->jurisdiction, who.subject, now));
        return s;
      },
      EncodeDecision, [today](const StoredDecision& s) { return ToProto(s, today); });
}

Result<v1::MajorDecision> PartyWork::RecordOpinion(const auth::Principal& who,
                                                   const v1::RecordDecisionOpinionRequest& req) {
  const auto& o = req.opinion();
  if (o.form() <= v1::PARTICIPATION_FORM_UNSPECIFIED ||
      o.form() > v1::PARTICIPATION_FORM_COUNTERSIGN)
    return Error::InvalidArgument("opinion.form",
                                  "required: PRE_MEETING_STUDY, ATTEND_MEETING or COUNTERSIGN");
  auto reason = CheckText("opinion.reason", o.reason(), 500, /*required=*/false);
  if (!reason.ok()) return reason.error();
  auto on = DayOrToday("opinion.on", o.on(), ChinaDate(clock_.Now()));
  if (!on.ok()) return on.error();
  Opinion opinion;
  opinion.form = static_cast<ParticipationForm>(int(o.form()) - 1);
  const auto& c = o.checklist();
  opinion.checklist = {c.follows_party_line(),
                       c.lawful(),
                       c.within_charter(),
                       c.ideologically_sound(),
                       c.serves_members_and_public(),
                       c.sound_development()};
  opinion.agree = o.agree();
  opinion.reason = *reason;
  opinion.on = *on;
  return Advance(store_, clock_, authority_, who, "RecordDecisionOpinion", req.request_id(),
                 req.decision_id(), req.version(), "opinion_recorded", *on, [&](MajorDecision d) {
                   return party_building::RecordOpinion(std::move(d), opinion, escalation_days_);
                 });
}

Result<v1::MajorDecision> PartyWork::EscalateDecision(const auth::Principal& who,
                                                      const v1::EscalateMajorDecisionRequest& req) {
  if (auto err = ValidateId("higher_party_org_id", req.higher_party_org_id())) return *err;
  auto on = DayOrToday("on", req.on(), ChinaDate(clock_.Now()));
  if (!on.ok()) return on.error();
  if (auto err = ValidateId("decision_id", req.decision_id())) return *err;
  // PB-12: "the higher party organization" — the party organization's parent or an ancestor.
  const auto hash =
      store::FlatHash(store_.Read({{"HGETALL", keys::Decision(req.decision_id())}})[0]);
  std::vector<std::string> chain;
  if (!hash.empty()) {
    auto d = DecodeDecision(hash);
    if (!d.ok()) return d.error();
    const auto org_hash =
        store::FlatHash(store_.Read({{"HGETALL", keys::Org(d->value.party_org_id)}})[0]);
    if (!org_hash.empty()) {
      auto org = DecodeOrg(org_hash);
      if (!org.ok()) return org.error();
      chain = HigherChain(org->org.parent_id);
    }
  }
  if (!chain.empty() &&
      std::find(chain.begin(), chain.end(), req.higher_party_org_id()) == chain.end())
    return Error::InvalidArgument("higher_party_org_id",
                                  "not a higher organization of the party organization (PB-12)");
  return Advance(store_, clock_, authority_, who, "EscalateMajorDecision", req.request_id(),
                 req.decision_id(), req.version(), "escalated", *on, [&](MajorDecision d) {
                   return party_building::Escalate(std::move(d), req.higher_party_org_id(), *on);
                 });
}

Result<v1::MajorDecision> PartyWork::ResolveEscalation(
    const auth::Principal& who, const v1::ResolveDecisionEscalationRequest& req) {
  auto on = DayOrToday("on", req.on(), ChinaDate(clock_.Now()));
  if (!on.ok()) return on.error();
  return Advance(
      store_, clock_, authority_, who, "ResolveDecisionEscalation", req.request_id(),
      req.decision_id(), req.version(), "escalation_resolved", *on, [&](MajorDecision d) {
        return party_building::ResolveEscalation(std::move(d), req.objection_upheld(), *on);
      });
}

Result<v1::MajorDecision> PartyWork::StartExecution(const auth::Principal& who,
                                                    const v1::StartDecisionExecutionRequest& req) {
  auto on = DayOrToday("on", req.on(), ChinaDate(clock_.Now()));
  if (!on.ok()) return on.error();
  return Advance(store_, clock_, authority_, who, "StartDecisionExecution", req.request_id(),
                 req.decision_id(), req.version(), "execution_started", *on, [&](MajorDecision d) {
                   return party_building::StartExecution(std::move(d), *on);
                 });
}

Result<v1::MajorDecision> PartyWork::RecordDeviation(
    const auth::Principal& who, const v1::RecordDecisionDeviationRequest& req) {
  auto description = CheckText("description", req.description(), 500);
  if (!description.ok()) return description.error();
  auto on = DayOrToday("on", req.on(), ChinaDate(clock_.Now()));
  if (!on.ok()) return on.error();
  return Advance(store_, clock_, authority_, who, "RecordDecisionDeviation", req.request_id(),
                 req.decision_id(), req.version(), "deviation_recorded", *on, [&](MajorDecision d) {
                   return party_building::RecordDeviation(std::move(d), *description, *on);
                 });
}

Result<v1::MajorDecision> PartyWork::ResolveDeviation(
    const auth::Principal& who, const v1::ResolveDecisionDeviationRequest& req) {
  if (req.index() < 0) return Error::InvalidArgument("index", "must not be negative");
  auto on = DayOrToday("on", req.on(), ChinaDate(clock_.Now()));
  if (!on.ok()) return on.error();
  return Advance(store_, clock_, authority_, who, "ResolveDecisionDeviation", req.request_id(),
                 req.decision_id(), req.version(), "deviation_resolved", *on, [&](MajorDecision d) {
                   return party_building::ResolveDeviation(
                       std::move(d), static_cast<std::size_t>(req.index()), req.corrected(), *on);
                 });
}

Result<v1::MajorDecision> PartyWork::CloseDecision(const auth::Principal& who,
                                                   const v1::CloseMajorDecisionRequest& req) {
  auto on = DayOrToday("on", req.on(), ChinaDate(clock_.Now()));
  if (!on.ok()) return on.error();
  return Advance(store_, clock_, authority_, who, "CloseMajorDecision", req.request_id(),
                 req.decision_id(), req.version(), "closed", *on,
                 [&](MajorDecision d) { return party_building::CloseFollowUp(std::move(d), *on); });
}

Result<v1::MajorDecision> PartyWork::GetDecision(const auth::Principal& who,
                                                 const v1::GetMajorDecisionRequest& req) {
  if (auto err = ValidateId("decision_id", req.decision_id())) return *err;
  const auto hash =
      store::FlatHash(store_.Read({{"HGETALL", keys::Decision(req.decision_id())}})[0]);
  if (hash.empty()) return Error::NotFound("decision " + req.decision_id() + " not found");
  auto s = DecodeDecision(hash);
  if (!s.ok()) return s.error();
  if (auto err = CheckRead(who, s->jurisdiction)) return *err;
  return ToProto(*s, ChinaDate(clock_.Now()));
}

Result<v1::ListMajorDecisionsResponse> PartyWork::ListDecisions(
    const auth::Principal& who, const v1::ListMajorDecisionsRequest& req) {
  const std::string jur = req.jurisdiction().empty() ? who.jurisdiction : req.jurisdiction();
  if (auto err = CheckRead(who, jur)) return *err;
  if (req.limit() < 0) return Error::InvalidArgument("limit", "must not be negative");
  if (!req.organization_id().empty())
    if (auto err = ValidateId("organization_id", req.organization_id())) return *err;
  const int limit = req.limit() == 0 ? 500 : std::min(req.limit(), 500);
  auto all = store_.AllDecisions();
  if (!all.ok()) return all.error();
  const Date today = ChinaDate(clock_.Now());
  v1::ListMajorDecisionsResponse out;
  for (const auto& s : *all)
    if (auth::JurisdictionCovers(jur, s.jurisdiction) &&
        (req.organization_id().empty() || s.value.org_id == req.organization_id()) &&
        out.decisions_size() < limit)
      *out.add_decisions() = ToProto(s, today);
  return out;
}

}  // namespace socgov::party_building
