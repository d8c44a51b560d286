// Experts with conflict-of-interest recusal, score sheets, ranking, the shortlist's publicity with
// objections, and the awards in rank order within the budget (VC-02, VC-04, VC-06, CR-10).
#include <algorithm>
#include <map>
#include <set>

#include "socgov/welfare_venture/v1/events.pb.h"
#include "welfare_venture/app/events.h"
#include "welfare_venture/app/support.h"
#include "welfare_venture/app/to_proto.h"
#include "welfare_venture/app/venture.h"

namespace socgov::welfare_venture {

namespace ev = ::socgov::welfare_venture::v1;

namespace {

constexpr const char* kAppKind = "application";
constexpr const char* kRoundKind = "round";

std::string AppJurisdiction(const StoredApplication& s) { return s.jurisdiction; }
v1::Application AppProto(const StoredApplication& s) { return ToProto(s); }
std::string RoundJurisdiction(const StoredRound& s) { return s.jurisdiction(); }
v1::Round RoundProto(const StoredRound& s) { return ToProto(s); }

bool HasRole(const auth::Principal& who, std::string_view role) {
  return std::find(who.roles.begin(), who.roles.end(), role) != who.roles.end();
}

// A project's id from its application's: <jurisdiction>-WA<n> → <jurisdiction>-WP<n>, so a retried
// confirmation names the same projects.
std::string ProjectIdOf(const std::string& app_id) {
  const auto at = app_id.rfind("-WA");
  if (at == std::string::npos) return app_id + "-P";
  return app_id.substr(0, at) + "-WP" + app_id.substr(at + 3);
}

std::string SerialOf(const std::string& id) {
  const auto at = id.find_last_not_of("0123456789");
  return at == std::string::npos || at + 1 >= id.size() ? "0" : id.substr(at + 1);
}

void GuardApp(Mutation& m, const StoredApplication& a) {
  m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::App(a.app.id),
                      std::to_string(a.version), "application " + a.app.id});
}

}  // namespace

Result<std::vector<Candidate>> Venture::CandidatesOf(const StoredRound& round,
                                                     const std::vector<StoredApplication>& apps,
                                                     std::vector<Skipped>* unranked) {
  std::vector<Candidate> out;
  for (const auto& a : apps) {
    if (a.app.state != ApplicationState::kScreenedIn &&
        a.app.state != ApplicationState::kShortlisted)
      continue;
    auto score = AggregateScore(round.round, a.review);
    if (!score.ok()) {
      unranked->push_back({a.app.id, 0, score.error().message});
      continue;
    }
    auto facts = FactsOf(a.app.org_id, a.has_premises, a.has_staff, a.has_qualifications);
    if (!facts.ok()) return facts.error();
    out.push_back({a.app, *facts, *score});
  }
  return out;
}

Result<v1::Expert> Venture::RegisterExpert(const auth::Principal& who,
                                           const v1::RegisterExpertRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  if (auto err = ValidateId("expert_id", req.expert_id())) return *err;
  if (auto err = CheckText("name", req.name(), 100)) return *err;
  if (req.linked_organization_ids_size() > 100)
    return Error::InvalidArgument("linked_organization_ids", "more than 100");
  StoredExpert s;
  s.expert.id = req.expert_id();
  for (const auto& o : req.linked_organization_ids()) {
    if (auto err = ValidateId("linked_organization_ids", o)) return *err;
    s.expert.linked_org_ids.push_back(o);
  }
  s.name = req.name();
  s.jurisdiction = who.jurisdiction;
  if (auto err = CheckWrite(who, s.jurisdiction)) return *err;
  const TimePoint now = clock_.Now();
  const std::string idem = store::IdempotencyKey(who.subject, req.request_id());
  auto read = store_.ReadForCommand("RegisterExpert", idem, {});
  if (read.prior) return store::Replay<v1::Expert>(*read.prior);
  Mutation m;
  m.idem_key = keys::Idem("RegisterExpert", idem);
  m.outbox_key = kOutboxKey;
  m.guards.push_back(
      {Mutation::Guard::Kind::kAbsent, keys::Expert(s.expert.id), "", "expert " + s.expert.id});
  m.hashes.push_back({keys::Expert(s.expert.id), EncodeExpert(s)});
  m.zops.push_back({keys::kExperts, s.expert.id, "0"});
  ev::ExpertRegistered b;
  b.set_expert_id(s.expert.id);
  b.set_jurisdiction(s.jurisdiction);
  for (const auto& o : s.expert.linked_org_ids) b.add_linked_organization_ids(o);
  SetActor(who, b.mutable_actor());
  m.events.push_back(MakeEvent(b, authority_, "expert", "registered", s.expert.id, 1,
                               s.jurisdiction, who.subject, now));
  const v1::Expert response = ToProto(s);
  m.response = response.SerializeAsString();
  return store::Answer(store_.Mutate(m, "expert " + s.expert.id), response);
}

Result<v1::Application> Venture::AssignExpert(const auth::Principal& who,
                                              const v1::AssignExpertRequest& req) {
  if (auto err = ValidateId("expert_id", req.expert_id())) return *err;
  const TimePoint now = clock_.Now();
  return UpdateEntity<StoredApplication, v1::Application>(
      store_, who, "AssignExpert", req.request_id(), kAppKind, req.application_id(), req.version(),
      keys::App, DecodeApplication, EncodeApplication, AppJurisdiction, AppProto,
      {{"HGETALL", keys::Expert(req.expert_id())}},
      [&](const StoredApplication& before, const std::vector<store::Value>& rows,
          Mutation& m) -> Result<StoredApplication> {
        const auto hash = store::FlatHash(rows[0]);
        if (hash.empty()) return Error::NotFound("expert " + req.expert_id() + " not found");
        auto expert = DecodeExpert(hash);
        if (!expert.ok()) return expert.error();
        auto round = store_.GetRound(before.app.round_id);
        if (!round.ok()) return round.error();
        if (!*round) return Error::NotFound("round " + before.app.round_id + " not found");
        // VC-06: an expert linked to the applicant is recused; no expert twice.
        auto review = welfare_venture::AssignExpert((*round)->round, before.review, expert->expert);
        if (!review.ok()) return review.error();
        StoredApplication after = before;
        after.review = *review;
        after.version = before.version + 1;
        m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Expert(req.expert_id()),
                            std::to_string(expert->version), "expert " + req.expert_id()});
        m.events.push_back(
            MakeEvent(AppEvent(after, ChinaDate(now), "expert " + req.expert_id(), who, {"VC-06"}),
                      authority_, kAppKind, "expert_assigned", after.app.id, after.version,
                      after.jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::Application> Venture::RecordScoreSheet(const auth::Principal& who,
                                                  const v1::RecordScoreSheetRequest& req) {
  auto panel = PanelOf("sheet.panel", req.sheet().panel());
  if (!panel.ok()) return panel.error();
  const bool officer = HasRole(who, "venture_officer") || HasRole(who, "admin");
  ScoreSheet sheet;
  sheet.panel = *panel;
  if (officer) {
    // Expert and defence sheets come from the experts themselves; the officer records the
    // public judges'.
    if (*panel != Panel::kPublic)
      return Error::PermissionDenied(
          "VC-06 expert and defence sheets are recorded by the assigned expert itself");
    if (auto err = ValidateId("sheet.judge_id", req.sheet().judge_id())) return *err;
    sheet.judge_id = req.sheet().judge_id();
  } else {
    if (*panel == Panel::kPublic)
      return Error::PermissionDenied("VC-06 public judges' sheets are recorded by the officer");
    sheet.judge_id = who.subject;  // an expert scores as itself, whatever the request says
  }
  if (req.sheet().scores_size() > kMaxCriteria)
    return Error::InvalidArgument("sheet.scores", "more criteria than any scheme has");
  for (const auto& s : req.sheet().scores()) sheet.scores.push_back({s.criterion_id(), s.points()});
  const TimePoint now = clock_.Now();
  return UpdateEntity<StoredApplication, v1::Application>(
      store_, who, "RecordScoreSheet", req.request_id(), kAppKind, req.application_id(),
      req.version(), keys::App, DecodeApplication, EncodeApplication, AppJurisdiction, AppProto, {},
      [&](const StoredApplication& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredApplication> {
        auto round = store_.GetRound(before.app.round_id);
        if (!round.ok()) return round.error();
        if (!*round) return Error::NotFound("round " + before.app.round_id + " not found");
        auto review = RecordSheet((*round)->round, before.review, sheet);
        if (!review.ok()) return review.error();
        StoredApplication after = before;
        after.review = *review;
        after.version = before.version + 1;
        m.events.push_back(
            MakeEvent(AppEvent(after, ChinaDate(now),
                               std::string(PanelName(sheet.panel)) + " sheet", who, {"VC-06"}),
                      authority_, kAppKind, "scored", after.app.id, after.version,
                      after.jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::Application> Venture::SetBonuses(const auth::Principal& who,
                                            const v1::SetBonusesRequest& req) {
  const TimePoint now = clock_.Now();
  return UpdateEntity<StoredApplication, v1::Application>(
      store_, who, "SetBonuses", req.request_id(), kAppKind, req.application_id(), req.version(),
      keys::App, DecodeApplication, EncodeApplication, AppJurisdiction, AppProto, {},
      [&](const StoredApplication& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredApplication> {
        auto round = store_.GetRound(before.app.round_id);
        if (!round.ok()) return round.error();
        if (!*round) return Error::NotFound("round " + before.app.round_id + " not found");
        auto review = welfare_venture::SetBonuses((*round)->round, before.review,
                                                  req.matching_bonus(), req.special_bonus());
        if (!review.ok()) return review.error();
        StoredApplication after = before;
        after.review = *review;
        after.version = before.version + 1;
        m.events.push_back(MakeEvent(AppEvent(after, ChinaDate(now), "", who, {"VC-06"}),
                                     authority_, kAppKind, "bonuses_set", after.app.id,
                                     after.version, after.jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::Ranking> Venture::GetRanking(const auth::Principal& who,
                                        const v1::GetRankingRequest& req) {
  if (auto err = ValidateId("round_id", req.round_id())) return *err;
  auto on = DayOrToday("on", req.on(), ChinaDate(clock_.Now()));
  if (!on.ok()) return on.error();
  auto round = store_.GetRound(req.round_id());
  if (!round.ok()) return round.error();
  if (!*round) return Error::NotFound("round " + req.round_id() + " not found");
  if (auto err = CheckRead(who, (*round)->jurisdiction())) return *err;
  auto apps = store_.ApplicationsOf(req.round_id());
  if (!apps.ok()) return apps.error();
  std::vector<Skipped> unranked;
  auto candidates = CandidatesOf(**round, *apps, &unranked);
  if (!candidates.ok()) return candidates.error();
  auto plan = PlanAwards((*round)->round, *candidates, *on);
  if (!plan.ok()) return plan.error();
  v1::Ranking out;
  out.set_round_id(req.round_id());
  ToProto(*plan, out.mutable_plan());
  for (const auto& u : unranked) {
    auto* l = out.add_unranked();
    l->set_application_id(u.application_id);
    l->set_reason(u.reason);
  }
  return out;
}

Result<v1::Round> Venture::PublishShortlist(const auth::Principal& who,
                                            const v1::PublishShortlistRequest& req) {
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  return UpdateEntity<StoredRound, v1::Round>(
      store_, who, "PublishShortlist", req.request_id(), kRoundKind, req.round_id(), req.version(),
      keys::Round, DecodeRound, EncodeRound, RoundJurisdiction, RoundProto, {},
      [&](const StoredRound& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredRound> {
        auto apps = store_.ApplicationsOf(before.round.id);
        if (!apps.ok()) return apps.error();
        std::vector<Skipped> unranked;
        auto candidates = CandidatesOf(before, *apps, &unranked);
        if (!candidates.ok()) return candidates.error();
        if (!unranked.empty())
          return Error::FailedPrecondition(
              "state " + std::string(RoundStateName(before.round.state)) + ": application " +
              unranked.front().application_id + " is not fully scored (" +
              unranked.front().reason.substr(0, 200) + ")");
        // VC-04: in rank order within the project-grants budget; CR-10 re-checked on the day.
        auto plan = PlanAwards(before.round, *candidates, *on);
        if (!plan.ok()) return plan.error();
        if (plan->awarded_fen > before.round.budget.project_grants_fen)
          return Error::Internal("VC-04 a plan over the budget");  // PlanAwards never does this
        auto r = StartPublicity(before.round, *on);
        if (!r.ok()) return r.error();
        StoredRound after = before;
        after.round = *r;
        after.shortlist = *plan;
        after.version = before.version + 1;
        std::set<std::string> listed;
        for (const auto& a : plan->awards) listed.insert(a.application_id);
        for (const auto& a : *apps) {
          if (a.app.state != ApplicationState::kScreenedIn) continue;
          GuardApp(m, a);  // the ranking read them: none may change before the commit
          if (!listed.count(a.app.id)) continue;
          StoredApplication s = a;
          s.app.state = ApplicationState::kShortlisted;
          s.version = a.version + 1;
          m.hashes.push_back({keys::App(s.app.id), EncodeApplication(s)});
          m.events.push_back(MakeEvent(AppEvent(s, *on, "", who, {"VC-04", "VC-06"}), authority_,
                                       kAppKind, "shortlisted", s.app.id, s.version, s.jurisdiction,
                                       who.subject, now));
        }
        m.events.push_back(MakeEvent(RoundEvent(after, *on, who, {"VC-02", "VC-04", "VC-06"}),
                                     authority_, kRoundKind, "shortlist_published", after.round.id,
                                     after.version, after.jurisdiction(), who.subject, now));
        return after;
      });
}

Result<v1::Round> Venture::FileObjection(const auth::Principal& who,
                                         const v1::FileObjectionRequest& req) {
  if (auto err = ValidateId("application_id", req.application_id())) return *err;
  if (auto err = CheckText("grounds", req.grounds(), 2000)) return *err;
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  return UpdateEntity<StoredRound, v1::Round>(
      store_, who, "FileObjection", req.request_id(), kRoundKind, req.round_id(), req.version(),
      keys::Round, DecodeRound, EncodeRound, RoundJurisdiction, RoundProto, {},
      [&](const StoredRound& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredRound> {
        if (!before.shortlist)
          return Error::FailedPrecondition("state " +
                                           std::string(RoundStateName(before.round.state)) +
                                           ": VC-02 no shortlist has been published");
        Objection o;
        o.id = "O" + std::to_string(before.objections.size() + 1);
        o.application_id = req.application_id();
        o.grounds = req.grounds();
        auto filed = welfare_venture::FileObjection(before.round, *before.shortlist, o, *on);
        if (!filed.ok()) return filed.error();
        StoredRound after = before;
        after.objections.push_back(*filed);
        after.version = before.version + 1;
        m.events.push_back(MakeEvent(RoundEvent(after, *on, who, {"VC-02"}), authority_, kRoundKind,
                                     "objection_filed", after.round.id, after.version,
                                     after.jurisdiction(), who.subject, now));
        return after;
      });
}

Result<v1::Round> Venture::ResolveObjection(const auth::Principal& who,
                                            const v1::ResolveObjectionRequest& req) {
  if (auto err = ValidateId("objection_id", req.objection_id())) return *err;
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  return UpdateEntity<StoredRound, v1::Round>(
      store_, who, "ResolveObjection", req.request_id(), kRoundKind, req.round_id(), req.version(),
      keys::Round, DecodeRound, EncodeRound, RoundJurisdiction, RoundProto, {},
      [&](const StoredRound& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredRound> {
        StoredRound after = before;
        auto it = std::find_if(after.objections.begin(), after.objections.end(),
                               [&](const Objection& o) { return o.id == req.objection_id(); });
        if (it == after.objections.end())
          return Error::NotFound("objection " + req.objection_id() + " not found");
        auto resolved = welfare_venture::ResolveObjection(*it, req.upheld(), *on);
        if (!resolved.ok()) return resolved.error();
        *it = *resolved;
        after.version = before.version + 1;
        m.events.push_back(MakeEvent(RoundEvent(after, *on, who, {"VC-02"}), authority_, kRoundKind,
                                     "objection_resolved", after.round.id, after.version,
                                     after.jurisdiction(), who.subject, now));
        return after;
      });
}

Result<v1::Round> Venture::ConfirmAwards(const auth::Principal& who,
                                         const v1::ConfirmAwardsRequest& req) {
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  return UpdateEntity<StoredRound, v1::Round>(
      store_, who, "ConfirmAwards", req.request_id(), kRoundKind, req.round_id(), req.version(),
      keys::Round, DecodeRound, EncodeRound, RoundJurisdiction, RoundProto, {},
      [&](const StoredRound& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredRound> {
        if (!before.shortlist)
          return Error::FailedPrecondition("state " +
                                           std::string(RoundStateName(before.round.state)) +
                                           ": VC-02 no shortlist has been published");
        auto apps = store_.ApplicationsOf(before.round.id);
        if (!apps.ok()) return apps.error();
        // The applicants' facts as of the award day: a listing since the shortlist removes them.
        std::vector<Candidate> current;
        std::set<std::string> shortlisted;
        for (const auto& a : before.shortlist->awards) shortlisted.insert(a.application_id);
        for (const auto& a : *apps) {
          if (!shortlisted.count(a.app.id)) continue;
          auto facts = FactsOf(a.app.org_id, a.has_premises, a.has_staff, a.has_qualifications);
          if (!facts.ok()) return facts.error();
          current.push_back({a.app, *facts, 0});
        }
        auto awards = welfare_venture::ConfirmAwards(before.round, *before.shortlist, current,
                                                     before.objections, *on);
        if (!awards.ok()) return awards.error();
        auto r = MarkAwarded(before.round, *on, OpenObjections(before.objections));
        if (!r.ok()) return r.error();
        StoredRound after = before;
        after.round = *r;
        after.awards = *awards;
        after.version = before.version + 1;
        std::map<std::string, const AwardLine*> line_of;
        for (const auto& l : awards->awards) line_of[l.application_id] = &l;
        std::map<std::string, std::string> why_not;
        for (const auto& s : awards->skipped) why_not[s.application_id] = s.reason;
        for (const auto& a : *apps) {
          if (a.app.state != ApplicationState::kScreenedIn &&
              a.app.state != ApplicationState::kShortlisted)
            continue;
          GuardApp(m, a);
          StoredApplication s = a;
          s.version = a.version + 1;
          auto line = line_of.find(a.app.id);
          if (line == line_of.end()) {
            s.app.state = ApplicationState::kNotAwarded;
            const std::string note =
                why_not.count(a.app.id) ? why_not[a.app.id] : "VC-04 not on the shortlist";
            m.hashes.push_back({keys::App(s.app.id), EncodeApplication(s)});
            m.events.push_back(MakeEvent(AppEvent(s, *on, note, who, {"VC-02", "VC-03", "CR-10"}),
                                         authority_, kAppKind, "not_awarded", s.app.id, s.version,
                                         s.jurisdiction, who.subject, now));
            continue;
          }
          s.app.state = ApplicationState::kAwarded;
          m.hashes.push_back({keys::App(s.app.id), EncodeApplication(s)});
          m.events.push_back(MakeEvent(AppEvent(s, *on, "", who, {"VC-02", "VC-04"}), authority_,
                                       kAppKind, "awarded", s.app.id, s.version, s.jurisdiction,
                                       who.subject, now));
          auto project = OpenProject(after.round, *line->second, s.app, ProjectIdOf(s.app.id));
          if (!project.ok()) return project.error();
          const StoredProject p{*project, 1};
          m.guards.push_back({Mutation::Guard::Kind::kAbsent, keys::Project(p.project.id), "",
                              "project " + p.project.id});
          m.hashes.push_back({keys::Project(p.project.id), EncodeProject(p)});
          m.zops.push_back({keys::kProjects, p.project.id, SerialOf(s.app.id)});
          m.events.push_back(MakeEvent(ProjectEvent(p, *on, "", who, {"VC-02", "VC-07"}),
                                       authority_, "project", "opened", p.project.id, 1,
                                       p.jurisdiction(), who.subject, now));
        }
        m.events.push_back(MakeEvent(RoundEvent(after, *on, who, {"VC-02", "VC-03", "VC-04"}),
                                     authority_, kRoundKind, "awarded", after.round.id,
                                     after.version, after.jurisdiction(), who.subject, now));
        return after;
      });
}

}  // namespace socgov::welfare_venture
