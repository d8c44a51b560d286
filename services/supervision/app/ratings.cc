// Rating evaluation (等级评估, domain.md §3.5, RT-01..11). Eligibility (RT-02/03/04) is judged from
// what supervision itself records — the directory's registration date, earlier evaluations,
// annual-report conclusions, cases and credit listings — so an applicant cannot talk its way past
// an exclusion, and every ineligibility names its rule.
#include "platform/directory/directory.h"
#include "socgov/supervision/v1/events.pb.h"
#include "supervision/app/case_support.h"
#include "supervision/app/entity_command.h"
#include "supervision/app/to_proto.h"

namespace socgov::supervision {
namespace {

namespace ev = ::socgov::supervision::v1;
using Act = v1::ActOnRatingRequest;

DimensionScores FromProto(const v1::DimensionScores& p) {
  return {p.basic_conditions(), p.internal_governance(), p.performance(), p.social_evaluation(),
          p.bonus()};
}
v1::DimensionScores ToProto(const DimensionScores& d) {
  v1::DimensionScores p;
  p.set_basic_conditions(d.basic_conditions);
  p.set_internal_governance(d.internal_governance);
  p.set_performance(d.performance);
  p.set_social_evaluation(d.social_evaluation);
  p.set_bonus(d.bonus);
  return p;
}

std::string Day(const std::optional<Date>& d) { return d ? FormatDate(*d) : std::string(); }

v1::RatingRound ToProto(const StoredRound& s) {
  v1::RatingRound p;
  p.set_id(s.round.id);
  p.set_year(s.round.year);
  p.set_jurisdiction(s.round.jurisdiction);
  p.set_applications_open(FormatDate(s.round.applications_open));
  p.set_applications_close(FormatDate(s.round.applications_close));
  p.set_rules(s.round.revision == RulesRevision::k2010 ? v1::RATING_RULES_2010
                                                       : v1::RATING_RULES_2026);
  *p.mutable_maxima() = ToProto(s.round.maxima);
  auto* t = p.mutable_thresholds();
  t->set_five_a(s.round.thresholds.five_a);
  t->set_four_a(s.round.thresholds.four_a);
  t->set_three_a(s.round.thresholds.three_a);
  t->set_two_a(s.round.thresholds.two_a);
  p.set_version(s.version);
  return p;
}

v1::RatingEvaluation ToProto(const StoredRating& s) {
  const Evaluation& e = s.evaluation;
  v1::RatingEvaluation p;
  p.set_id(s.id);
  p.set_round_id(e.round.id);
  p.set_organization_id(e.organization_id);
  p.set_organization_name(s.organization_name);
  p.set_jurisdiction(e.round.jurisdiction);
  p.set_state(static_cast<v1::RatingState>(static_cast<int>(e.state) + 1));
  p.set_applied_on(FormatDate(e.applied_on));
  for (const auto& r : e.ineligibility) p.add_ineligibility(r.rule + ": " + r.text);
  p.set_re_evaluation(e.re_evaluation);
  if (e.scores) *p.mutable_scores() = ToProto(*e.scores);
  p.set_total_score(e.total_score);
  if (e.grade) {
    p.set_grade(std::string(GradeName(*e.grade)));
    p.set_certificate_and_plaque(GetsCertificateAndPlaque(*e.grade));
  }
  p.set_publicity_until(Day(e.publicity_until));
  p.set_announced_on(Day(e.announced_on));
  p.set_valid_from(Day(e.valid_from));
  p.set_valid_to(Day(e.valid_to));
  for (const auto& r : e.adjustments) p.add_adjustments(r.rule + ": " + r.text);
  p.set_version(s.version);
  return p;
}

ev::RatingChanged Changed(const StoredRating& s, const std::string& step, Date on,
                          const auth::Principal& who, std::vector<std::string> rules) {
  const Evaluation& e = s.evaluation;
  ev::RatingChanged b;
  b.set_evaluation_id(s.id);
  b.set_round_id(e.round.id);
  b.set_organization_id(e.organization_id);
  b.set_jurisdiction(e.round.jurisdiction);
  b.set_step(step);
  b.set_state(std::string(EvaluationStateName(e.state)));
  if (e.grade) b.set_grade(std::string(GradeName(*e.grade)));
  b.set_total_score(e.total_score);
  b.set_valid_from(Day(e.valid_from));
  b.set_valid_to(Day(e.valid_to));
  b.set_on(FormatDate(on));
  SetActor(who, b.mutable_actor());
  for (auto& r : rules) b.add_rule_ids(r);
  return b;
}

OrgKind KindOf(const std::string& kind) {
  if (kind == "FOUNDATION") return OrgKind::kFoundation;
  if (kind == "SOCIAL_SERVICE") return OrgKind::kPrivateNonEnterprise;
  return OrgKind::kSocialGroup;
}

std::optional<Conclusion> ConclusionOf(const store::Value& v) {
  if (v.is_nil()) return std::nullopt;
  auto r = DecodeReport({"json", v.AsString()});
  if (!r.ok() || !r->conclusion) return std::nullopt;
  return r->conclusion->conclusion;
}

}  // namespace

Result<v1::RatingRound> Supervisor::OpenRatingRound(const auth::Principal& who,
                                                    const v1::OpenRatingRoundRequest& in) {
  if (auto err = CheckWrite(who, settings_.authority)) return *err;
  auto open = ParseDateField("applications_open", in.applications_open());
  if (!open.ok()) return open.error();
  auto close = ParseDateField("applications_close", in.applications_close());
  if (!close.ok()) return close.error();
  Round round;
  round.year = in.year();
  round.jurisdiction = settings_.authority;
  round.applications_open = *open;
  round.applications_close = *close;
  round.revision =
      in.rules() == v1::RATING_RULES_UNSPECIFIED
          ? RevisionInForce(*open)
          : (in.rules() == v1::RATING_RULES_2010 ? RulesRevision::k2010 : RulesRevision::k2026);
  round.maxima = FromProto(in.maxima());
  round.thresholds = settings_.rating_thresholds;
  if (in.has_thresholds())
    round.thresholds = {in.thresholds().five_a(), in.thresholds().four_a(),
                        in.thresholds().three_a(), in.thresholds().two_a()};
  round.id = "probe";
  if (auto err = ValidateRound(round)) return *err;
  return CreateEntity<StoredRound, v1::RatingRound>(
      store_, who, "OpenRatingRound", in.request_id(), settings_.authority, "rating_round", "R",
      keys::RatingRound, "{sup}:rating:rounds",
      [&](const std::string& id, Mutation&) -> Result<StoredRound> {
        round.id = id;
        return StoredRound{round, 1};
      },
      EncodeRound, [](const StoredRound& r) { return ToProto(r); });
}

Result<v1::RatingEvaluation> Supervisor::ApplyForRating(const auth::Principal& who,
                                                        const v1::ApplyForRatingRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (auto err = ValidateRequestId(in.request_id())) return *err;
  if (auto err = ValidateId("round_id", in.round_id())) return *err;
  if (auto err = ValidateId("organization_id", in.organization_id())) return *err;
  const auto rows = store_.Read({{"HGETALL", keys::RatingRound(in.round_id())}});
  if (store::FlatHash(rows[0]).empty())
    return Error::NotFound("rating round " + in.round_id() + " not found");
  auto round = DecodeRound(store::FlatHash(rows[0]));
  if (!round.ok()) return round.error();
  auto entry = directory_.Get(in.organization_id());
  if (!entry)
    return Error::NotFound("organization " + in.organization_id() + " is not registered here");
  if (auto err = CheckWrite(who, entry->jurisdiction)) return *err;
  auto e = Apply(round->round, {entry->id, KindOf(entry->kind)}, today);
  if (!e.ok()) return e.error();
  StoredRating s{in.round_id() + "-" + entry->id, entry->name, *e, 1};
  constexpr const char* kRpc = "ApplyForRating";
  const std::string idem = IdemOf(who, in.request_id());
  auto read = store_.ReadForCommand(kRpc, idem, {});
  if (read.prior) return store::Replay<v1::RatingEvaluation>(*read.prior);
  Mutation m;
  m.idem_key = keys::Idem(kRpc, idem);
  m.outbox_key = kOutboxKey;
  m.guards.push_back({Mutation::Guard::Kind::kAbsent, keys::Rating(s.id), "",
                      "evaluation " + s.id + " (one application per round)"});
  m.hashes.push_back({keys::Rating(s.id), EncodeRating(s)});
  const std::string score = std::to_string(today.time_since_epoch().count());
  m.zops.push_back({keys::kRatings, s.id, score});
  m.zops.push_back({keys::RatingsOf(entry->id), s.id, score});
  m.events.push_back(MakeEvent(Changed(s, "applied", today, who, {"RT-02"}), settings_.authority,
                               "rating", "applied", s.id, s.version, entry->jurisdiction,
                               who.subject, now));
  const v1::RatingEvaluation response = ToProto(s);
  m.response = response.SerializeAsString();
  return Answer(store_.Mutate(m, "evaluation " + s.id), response);
}

Result<v1::RatingEvaluation> Supervisor::ActOnRating(const auth::Principal& who,
                                                     const v1::ActOnRatingRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  // Eligibility facts come from supervision's own records; read them first (a change meanwhile
  // to a report or case of the organization is the next check's to see).
  EligibilityFacts facts;
  if (in.action_case() == Act::kCheckEligibility) {
    const auto rows = store_.Read({{"HGETALL", keys::Rating(in.evaluation_id())}});
    auto s = DecodeRating(store::FlatHash(rows[0]));
    if (store::FlatHash(rows[0]).empty())
      return Error::NotFound("rating " + in.evaluation_id() + " not found");
    if (!s.ok()) return s.error();
    const std::string org = s->evaluation.organization_id;
    const int year = static_cast<int>(std::chrono::year_month_day{today}.year());
    if (auto entry = directory_.Get(org))
      if (auto d = ParseDate(entry->registered_on)) facts.registered_on = *d;
    const auto more = store_.Read({{"HGET", keys::Report(year - 1, org), "json"},
                                   {"HGET", keys::Report(year - 2, org), "json"},
                                   {"HGET", keys::Credit(org), "json"},
                                   {"ZRANGE", keys::RatingsOf(org), "0", "-1"}});
    if (!more[0].is_nil()) {
      auto r = DecodeReport({"json", more[0].AsString()});
      facts.took_part_in_last_annual_inspection = r.ok() && r->submitted_on.has_value();
    }
    facts.conclusion_last_year = ConclusionOf(more[0]);
    facts.conclusion_year_before = ConclusionOf(more[1]);
    if (!more[2].is_nil())
      if (auto a = DecodeCredit({"json", more[2].AsString()}); a.ok())
        if (const Listing* l = OpenListing(AdvanceTo(a->record, today)))
          facts.credit_list = l->list;
    for (const auto& id : more[3].elements) {
      if (id.str == s->id) continue;
      const auto prior_rows = store_.Read({{"HGETALL", keys::Rating(id.str)}});
      auto prior = DecodeRating(store::FlatHash(prior_rows[0]));
      if (!prior.ok()) continue;
      const auto& pe = prior->evaluation;
      if (pe.grade && pe.announced_on && pe.valid_from && pe.valid_to &&
          pe.state != EvaluationState::kCancelled &&
          (!facts.prior || facts.prior->announced_on < *pe.announced_on))
        facts.prior = PriorRating{*pe.grade, *pe.announced_on, *pe.valid_from, *pe.valid_to};
    }
    auto cases = AllCases(store_);
    if (!cases.ok()) return cases.error();
    bool only_minor = true;
    for (const auto& c : *cases) {
      if (c.target.organization_id != org) continue;
      const bool investigating = c.state == CaseState::kFiled ||
                                 c.state == CaseState::kInvestigating ||
                                 c.state == CaseState::kNoticeSent ||
                                 c.state == CaseState::kHearing || c.state == CaseState::kReview;
      facts.under_investigation = facts.under_investigation || investigating;
      if (!c.decision || c.decision->penalties.empty()) continue;
      if (c.state == CaseState::kDecided || c.state == CaseState::kServed ||
          c.state == CaseState::kExecuting)
        facts.penalty_unexecuted = true;
      if (static_cast<int>(std::chrono::year_month_day{c.decision->decided_on}.year()) ==
          year - 1) {
        facts.penalized_last_year = true;
        for (const auto& p : c.decision->penalties)
          only_minor = only_minor && p.type == PenaltyType::kWarning;
      }
    }
    facts.penalties_last_year_minor_only = facts.penalized_last_year && only_minor;
  }
  return UpdateEntity<StoredRating, v1::RatingEvaluation>(
      store_, who, "ActOnRating", in.request_id(), "rating", in.evaluation_id(), in.version(),
      keys::Rating, DecodeRating, EncodeRating,
      [](const StoredRating& r) -> const std::string& { return r.evaluation.round.jurisdiction; },
      [](const StoredRating& r) { return ToProto(r); }, {},
      [&](const StoredRating& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredRating> {
        const Evaluation& e = before.evaluation;
        Result<Evaluation> after = Error::InvalidArgument("action", "required: one step");
        std::string step;
        std::vector<std::string> rules;
        switch (in.action_case()) {
          case Act::kCheckEligibility: {
            auto checking = BeginEligibilityCheck(e, {}, today);
            if (!checking.ok()) return checking.error();
            after = DecideEligibility(*checking, {facts}, today);
            step = "eligibility_decided";
            rules = {"RT-02", "RT-03", "RT-04"};
            break;
          }
          case Act::kSelfAssessment:
            after = SubmitSelfAssessment(e, {FromProto(in.self_assessment().scores())}, today);
            step = "self_assessed";
            rules = {"RT-07"};
            break;
          case Act::kPreliminaryScore:
            after = RecordPreliminaryScore(e, {FromProto(in.preliminary_score().scores())}, today);
            step = "scored";
            rules = {"RT-06", "RT-07"};
            break;
          case Act::kCommitteeDecision: {
            CommitteeDecisionInput d;
            if (in.committee_decision().has_revised_scores())
              d.revised_scores = FromProto(in.committee_decision().revised_scores());
            after = DecideByCommittee(e, d, today);
            step = "committee_decided";
            rules = {"RT-06"};
            break;
          }
          case Act::kStartPublicity: {
            auto until = ParseDateField("start_publicity.until", in.start_publicity().until());
            if (!until.ok()) return until.error();
            after = StartPublicity(e, {*until}, today);
            step = "publicity_started";
            rules = {"RT-08"};
            break;
          }
          case Act::kAppeal:
            after = AppealRating(e, {}, today);
            step = "appealed";
            rules = {"RT-08"};
            break;
          case Act::kReReview: {
            ReReviewInput r{ReviewBodyFor(e.round.revision), in.re_review().votes_for(),
                            in.re_review().votes_cast(), std::nullopt};
            if (in.re_review().has_revised_scores())
              r.revised_scores = FromProto(in.re_review().revised_scores());
            after = ReReview(e, r, today);
            step = "re_reviewed";
            rules = {"RT-08"};
            break;
          }
          case Act::kAnnounce:
            after = Announce(e, {}, today);
            step = "announced";
            rules = {"RT-01", "RT-05", "RT-11"};
            break;
          case Act::kDowngrade: {
            const auto& d = in.downgrade();
            static const std::pair<const char*, GradeEventKind> kinds[] = {
                {"ANNUAL_CONCLUSION", GradeEventKind::kAnnualConclusion},
                {"ADMINISTRATIVE_PENALTY", GradeEventKind::kAdministrativePenalty},
                {"CREDIT_LISTED", GradeEventKind::kCreditListed},
                {"COMPLAINT_SUBSTANTIATED", GradeEventKind::kComplaintSubstantiated}};
            GradeEvent g;
            bool known = false;
            for (const auto& [name, kind] : kinds)
              if (d.event() == name) {
                g.kind = kind;
                known = true;
              }
            if (!known)
              return Error::InvalidArgument("downgrade.event",
                                            "ANNUAL_CONCLUSION, ADMINISTRATIVE_PENALTY, "
                                            "CREDIT_LISTED or COMPLAINT_SUBSTANTIATED");
            auto on = DayOrToday("downgrade.on", d.on(), today);
            if (!on.ok()) return on.error();
            g.on = *on;
            if (d.conclusion() != v1::CONCLUSION_UNSPECIFIED)
              g.conclusion = FromProtoEnum<Conclusion>(d.conclusion());
            if (d.previous_conclusion() != v1::CONCLUSION_UNSPECIFIED)
              g.previous_conclusion = FromProtoEnum<Conclusion>(d.previous_conclusion());
            after = Downgrade(e, {g}, today);
            step = "downgraded";
            rules = {"RT-09"};
            break;
          }
          case Act::kFollowUp:
            after = RecordFollowUp(
                e,
                {in.follow_up().check() ? FollowUpKind::kCheck : FollowUpKind::kTracking,
                 RevisionInForce(today), FromProto(in.follow_up().scores())},
                today);
            step = "followed_up";
            rules = {"RT-10"};
            break;
          case Act::kCancel: {
            static const std::pair<const char*, CancelReason> reasons[] = {
                {"SERIOUS_VIOLATION", CancelReason::kSeriousViolation},
                {"CREDIT_LISTED", CancelReason::kCreditListed},
                {"ORGANIZATION_TERMINATED", CancelReason::kOrganizationTerminated}};
            std::optional<CancelReason> reason;
            for (const auto& [name, r] : reasons)
              if (in.cancel().reason() == name) reason = r;
            if (!reason)
              return Error::InvalidArgument(
                  "cancel.reason", "SERIOUS_VIOLATION, CREDIT_LISTED or ORGANIZATION_TERMINATED");
            after = Cancel(e, {*reason}, today);
            step = "cancelled";
            rules = {"RT-09", "CR-09"};
            break;
          }
          case Act::kExpire:
            after = Expire(e, {}, today);
            step = "expired";
            rules = {"RT-05"};
            break;
          case Act::ACTION_NOT_SET:
            break;
        }
        if (!after.ok()) return after.error();
        StoredRating s = before;
        s.evaluation = std::move(after).value();
        ++s.version;
        m.events.push_back(MakeEvent(Changed(s, step, today, who, rules), settings_.authority,
                                     "rating", step, s.id, s.version,
                                     s.evaluation.round.jurisdiction, who.subject, now));
        return s;
      });
}

Result<v1::RatingEvaluation> Supervisor::GetRating(const auth::Principal& who,
                                                   const v1::GetRatingRequest& in) {
  if (auto err = ValidateId("evaluation_id", in.evaluation_id())) return *err;
  const auto rows = store_.Read({{"HGETALL", keys::Rating(in.evaluation_id())}});
  if (store::FlatHash(rows[0]).empty())
    return Error::NotFound("rating " + in.evaluation_id() + " not found");
  auto s = DecodeRating(store::FlatHash(rows[0]));
  if (!s.ok()) return s.error();
  if (auto err = CheckRead(who, s->evaluation.round.jurisdiction)) return *err;
  return ToProto(*s);
}

Result<v1::ListRatingsResponse> Supervisor::ListRatings(const auth::Principal& who,
                                                        const v1::ListRatingsRequest& in) {
  if (auto err = CheckRead(who, settings_.authority)) return *err;
  const Date today = ChinaDate(clock_.Now());
  const auto ids = store_.Read({{"ZRANGE", keys::kRatings, "0", "-1"}});
  std::vector<std::vector<std::string>> reads;
  for (const auto& id : ids[0].elements) reads.push_back({"HGETALL", keys::Rating(id.str)});
  v1::ListRatingsResponse out;
  for (const auto& row : store_.Read(reads)) {
    auto s = DecodeRating(store::FlatHash(row));
    if (!s.ok()) return s.error();
    if (!in.round_id().empty() && s->evaluation.round.id != in.round_id()) continue;
    if (in.in_force_only() && !InValidity(s->evaluation, today)) continue;
    if (CheckRead(who, s->evaluation.round.jurisdiction)) continue;
    *out.add_evaluations() = ToProto(*s);
  }
  return out;
}

}  // namespace socgov::supervision
