// Rounds: planning (VC-01/02/04/05/06) and the stage transitions (VC-02).
#include "platform/auth/scope.h"
#include "socgov/welfare_venture/v1/events.pb.h"
#include "welfare_venture/app/events.h"
#include "welfare_venture/app/support.h"
#include "welfare_venture/app/to_proto.h"
#include "welfare_venture/app/venture.h"

namespace socgov::welfare_venture {

namespace ev = ::socgov::welfare_venture::v1;

ev::RoundChanged RoundEvent(const StoredRound& s, Date on, const auth::Principal& who,
                            std::initializer_list<const char*> rules) {
  ev::RoundChanged b;
  b.set_round_id(s.round.id);
  b.set_jurisdiction(s.round.jurisdiction);
  b.set_year(s.round.year);
  b.set_state(int(s.round.state) + 1);
  b.set_on(FormatDate(on));
  b.set_total_fen(s.round.budget.total_fen);
  b.set_project_grants_fen(s.round.budget.project_grants_fen);
  const auto& plan = s.awards ? s.awards : s.shortlist;
  if (plan) {
    b.set_awarded_fen(plan->awarded_fen);
    b.set_awarded_count(static_cast<int>(plan->awards.size()));
  }
  SetActor(who, b.mutable_actor());
  for (const char* r : rules) b.add_rule_ids(r);
  return b;
}

namespace {

constexpr const char* kRoundKind = "round";

Result<Window> WindowOf(const char* opens_field, const std::string& opens, const char* closes_field,
                        const std::string& closes) {
  auto o = ParseDateField(opens_field, opens);
  if (!o.ok()) return o.error();
  auto c = ParseDateField(closes_field, closes);
  if (!c.ok()) return c.error();
  return Window{*o, *c};
}

Result<ScoringScheme> SchemeOf(const v1::ScoringScheme& p) {
  if (p.criteria().empty()) {
    ScoringScheme s = DefaultScheme();
    if (p.pass_mark_centi() != 0) s.pass_mark_centi = p.pass_mark_centi();
    return s;
  }
  ScoringScheme s;
  s.scale_max = p.scale_max() == 0 ? 100 : p.scale_max();
  for (const auto& c : p.criteria()) {
    auto panel = PanelOf("scheme.criteria.panel", c.panel());
    if (!panel.ok()) return panel.error();
    s.criteria.push_back({c.id(), *panel, c.weight_permille()});
  }
  s.matching_bonus_max = p.matching_bonus_max();
  s.special_bonus_min = p.special_bonus_min();
  s.special_bonus_max = p.special_bonus_max();
  s.pass_mark_centi = p.pass_mark_centi();
  return s;
}

}  // namespace

Result<v1::Round> Venture::CreateRound(const auth::Principal& who,
                                       const v1::CreateRoundRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  const TimePoint now = clock_.Now();
  auto planned_on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!planned_on.ok()) return planned_on.error();
  const Date today = *planned_on;
  VentureRound r;
  r.id = "draft";
  r.year = req.year();
  if (r.year < 2000 || r.year > 2199) return Error::InvalidArgument("year", "must be 2000..2199");
  r.jurisdiction = req.jurisdiction().empty() ? who.jurisdiction : req.jurisdiction();
  if (auto err = ValidateId("jurisdiction", r.jurisdiction)) return *err;
  if (auto err = CheckText("organiser", req.organiser(), 200)) return *err;
  if (auto err = CheckText("contractor", req.contractor(), 200, false)) return *err;
  r.organiser = req.organiser();
  r.contractor = req.contractor();
  if (req.fund_source() < 0 || req.fund_source() > 3)
    return Error::InvalidArgument("fund_source", "unknown");
  r.fund_source = static_cast<FundSource>(int(req.fund_source()));
  r.budget = {req.budget().total_fen(), req.budget().project_grants_fen(),
              req.budget().operator_fee_fen(), req.budget().evaluation_fee_fen()};
  for (int c : req.categories()) {
    auto cat = CategoryOf("categories", c);
    if (!cat.ok()) return cat.error();
    r.categories.push_back(*cat);
  }
  if (req.grant_rules().max_grant_fen() != 0)
    r.grant_rules.max_grant_fen = req.grant_rules().max_grant_fen();
  if (req.grant_rules().max_grant_percent_of_budget() != 0)
    r.grant_rules.max_grant_percent_of_budget = req.grant_rules().max_grant_percent_of_budget();
  if (req.grant_rules().has_max_personnel_percent_of_grant())
    r.grant_rules.max_personnel_percent_of_grant =
        req.grant_rules().max_personnel_percent_of_grant();
  auto survey = WindowOf("needs_survey_opens", req.needs_survey_opens(), "needs_survey_closes",
                         req.needs_survey_closes());
  if (!survey.ok()) return survey.error();
  auto call = WindowOf("call_opens", req.call_opens(), "call_closes", req.call_closes());
  if (!call.ok()) return call.error();
  r.schedule.needs_survey = *survey;
  r.schedule.call = *call;
  if (req.publicity_days() < 0 || req.publicity_days() > 60)
    return Error::InvalidArgument("publicity_days", "must be 0..60 (0: 7)");
  if (req.publicity_days() != 0) r.schedule.publicity_days = req.publicity_days();
  auto scheme = SchemeOf(req.scheme());
  if (!scheme.ok()) return scheme.error();
  r.scheme = *scheme;
  // VC-01, the budget adding up, VC-02/04/05/06, before anything is spent (an id's serial too).
  auto planned = PlanRound(r);
  if (!planned.ok()) return planned.error();
  planned->state_since = today;
  if (auto err = CheckWrite(who, r.jurisdiction)) return *err;
  return CreateEntity<StoredRound, v1::Round>(
      store_, who, "CreateRound", req.request_id(), authority_, kRoundKind, "WR", keys::Round,
      keys::kRounds,
      [&](const std::string& id, Mutation& m) -> Result<StoredRound> {
        StoredRound s;
        s.round = *planned;
        s.round.id = id;
        m.events.push_back(
            MakeEvent(RoundEvent(s, today, who, {"VC-01", "VC-02", "VC-04", "VC-06"}), authority_,
                      kRoundKind, "planned", id, 1, s.round.jurisdiction, who.subject, now));
        return s;
      },
      EncodeRound, [](const StoredRound& s) { return ToProto(s); });
}

Result<v1::Round> Venture::AdvanceRound(const auth::Principal& who,
                                        const v1::AdvanceRoundRequest& req) {
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  using Move = Result<VentureRound> (*)(VentureRound, Date);
  Move move = nullptr;
  const char* event = "";
  switch (req.to()) {
    case v1::ROUND_STATE_NEEDS_SURVEY:
      move = &OpenNeedsSurvey, event = "needs_survey_opened";
      break;
    case v1::ROUND_STATE_CALL_OPEN:
      move = &OpenCall, event = "call_opened";
      break;
    case v1::ROUND_STATE_CALL_CLOSED:
      move = &CloseCall, event = "call_closed";
      break;
    case v1::ROUND_STATE_SCREENING:
      move = &StartScreening, event = "screening_started";
      break;
    case v1::ROUND_STATE_EXPERT_REVIEW:
      move = &StartExpertReview, event = "review_started";
      break;
    case v1::ROUND_STATE_CLOSED:
      move = &CloseRound, event = "closed";
      break;
    default:
      return Error::InvalidArgument(
          "to",
          "NEEDS_SURVEY, CALL_OPEN, CALL_CLOSED, SCREENING, EXPERT_REVIEW or CLOSED "
          "(publicity: PublishShortlist; awards: ConfirmAwards)");
  }
  return UpdateEntity<StoredRound, v1::Round>(
      store_, who, "AdvanceRound", req.request_id(), kRoundKind, req.round_id(), req.version(),
      keys::Round, DecodeRound, EncodeRound, [](const StoredRound& s) { return s.jurisdiction(); },
      [](const StoredRound& s) { return ToProto(s); }, {},
      [&](const StoredRound& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredRound> {
        auto r = move(before.round, *on);
        if (!r.ok()) return r.error();
        StoredRound after = before;
        after.round = *r;
        after.version = before.version + 1;
        m.events.push_back(MakeEvent(RoundEvent(after, *on, who, {"VC-02"}), authority_, kRoundKind,
                                     event, after.round.id, after.version, after.jurisdiction(),
                                     who.subject, now));
        return after;
      });
}

Result<v1::Round> Venture::GetRound(const auth::Principal& who, const v1::GetRoundRequest& req) {
  if (auto err = ValidateId("round_id", req.round_id())) return *err;
  auto s = store_.GetRound(req.round_id());
  if (!s.ok()) return s.error();
  if (!*s) return Error::NotFound("round " + req.round_id() + " not found");
  if (auto err = CheckRead(who, (*s)->jurisdiction())) return *err;
  return ToProto(**s);
}

Result<v1::ListRoundsResponse> Venture::ListRounds(const auth::Principal& who,
                                                   const v1::ListRoundsRequest& req) {
  const std::string jur = req.jurisdiction().empty() ? who.jurisdiction : req.jurisdiction();
  if (auto err = CheckRead(who, jur)) return *err;
  auto all = store_.AllRounds();
  if (!all.ok()) return all.error();
  v1::ListRoundsResponse out;
  for (const auto& s : *all)
    if (auth::JurisdictionCovers(jur, s.jurisdiction())) *out.add_rounds() = ToProto(s);
  return out;
}

}  // namespace socgov::welfare_venture
