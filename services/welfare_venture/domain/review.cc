#include "welfare_venture/domain/review.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>

namespace socgov::welfare_venture {
namespace {

Error Precondition(const VentureRound& r, std::string_view rule_and_reason) {
  return Error::FailedPrecondition("state " + std::string(RoundStateName(r.state)) + ": " +
                                   std::string(rule_and_reason));
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

Status CheckSheet(const ScoringScheme& scheme, const ScoreSheet& sheet) {
  std::set<std::string> expected;
  for (const auto& c : scheme.criteria) {
    if (c.panel == sheet.panel) expected.insert(c.id);
  }
  if (expected.empty()) {
    return Error::InvalidArgument("panel", "has no criteria in this round's scheme");
  }
  std::set<std::string> seen;
  for (const auto& s : sheet.scores) {
    if (expected.count(s.criterion_id) == 0) {
      return Error::InvalidArgument("scores", "name a criterion not on this panel");
    }
    if (!seen.insert(s.criterion_id).second) {
      return Error::InvalidArgument("scores", "score a criterion twice");
    }
    if (s.points < 0 || s.points > scheme.scale_max) {
      return Error::InvalidArgument("scores.points",
                                    "VC-06 must be within 0.." + std::to_string(scheme.scale_max));
    }
  }
  if (seen.size() != expected.size()) {
    return Error::InvalidArgument("scores", "must score every criterion of the panel");
  }
  return std::nullopt;
}

}  // namespace

Result<ApplicationReview> AssignExpert(const VentureRound& r, ApplicationReview review,
                                       const Expert& expert) {
  if (r.state != RoundState::kScreening && r.state != RoundState::kExpertReview) {
    return Precondition(r, "VC-02 experts are assigned during screening or review");
  }
  if (expert.id.empty()) return Error::InvalidArgument("expert_id", "is required");
  if (Contains(review.expert_ids, expert.id)) {
    return Error::InvalidArgument("expert_id", "is already assigned to this application");
  }
  if (Contains(expert.linked_org_ids, review.org_id)) {
    return Precondition(r, "VC-06 an expert linked to the applicant recuses from its review");
  }
  review.expert_ids.push_back(expert.id);
  return review;
}

Result<ApplicationReview> RecordSheet(const VentureRound& r, ApplicationReview review,
                                      ScoreSheet sheet) {
  if (r.state != RoundState::kExpertReview) {
    return Precondition(r, "VC-02 scores are recorded during expert review");
  }
  if (sheet.judge_id.empty()) return Error::InvalidArgument("judge_id", "is required");
  if (sheet.panel != Panel::kPublic && !Contains(review.expert_ids, sheet.judge_id)) {
    return Precondition(r, "VC-06 only an expert assigned to the application scores it");
  }
  int on_panel = 0;
  for (const auto& s : review.sheets) {
    if (s.panel != sheet.panel) continue;
    ++on_panel;
    if (s.judge_id == sheet.judge_id) {
      return Error::InvalidArgument("judge_id", "has already scored this panel");
    }
  }
  if (on_panel >= kMaxSheetsPerPanel) {
    return Error::InvalidArgument("judge_id", "the panel has the most sheets accepted");
  }
  if (auto bad = CheckSheet(r.scheme, sheet)) return *bad;
  review.sheets.push_back(std::move(sheet));
  return review;
}

Result<ApplicationReview> SetBonuses(const VentureRound& r, ApplicationReview review, int matching,
                                     int special) {
  if (r.state != RoundState::kExpertReview) {
    return Precondition(r, "VC-02 bonuses are set during expert review");
  }
  if (matching < 0 || matching > r.scheme.matching_bonus_max) {
    return Error::InvalidArgument(
        "matching_bonus", "VC-06 must be within 0.." + std::to_string(r.scheme.matching_bonus_max));
  }
  if (special != 0 &&
      (special < r.scheme.special_bonus_min || special > r.scheme.special_bonus_max)) {
    return Error::InvalidArgument(
        "special_bonus", "VC-06 must be 0 or within " + std::to_string(r.scheme.special_bonus_min) +
                             ".." + std::to_string(r.scheme.special_bonus_max));
  }
  review.matching_bonus = matching;
  review.special_bonus = special;
  return review;
}

Result<std::int64_t> AggregateScore(const VentureRound& r, const ApplicationReview& review) {
  const ScoringScheme& scheme = r.scheme;
  // Sheets per panel and, per criterion, the sum of its points over its panel's sheets.
  std::map<Panel, std::int64_t> sheets;
  std::map<std::string, std::int64_t> sums;
  std::set<std::string> expert_scored;
  for (const auto& s : review.sheets) {
    ++sheets[s.panel];
    if (s.panel == Panel::kExpert) expert_scored.insert(s.judge_id);
    for (const auto& c : s.scores) sums[c.criterion_id] += c.points;
  }
  std::set<Panel> used;
  for (const auto& c : scheme.criteria) used.insert(c.panel);
  if (used.count(Panel::kExpert)) {
    if (review.expert_ids.empty()) return Precondition(r, "VC-06 no expert is assigned");
    std::size_t missing = 0;
    for (const auto& e : review.expert_ids) missing += expert_scored.count(e) == 0 ? 1 : 0;
    if (missing > 0) {
      return Precondition(r, "VC-06 " + std::to_string(missing) + " of " +
                                 std::to_string(review.expert_ids.size()) +
                                 " assigned experts have not scored");
    }
  }
  // Common denominator: the product of the used panels' sheet counts (≤ 300³), times the scale.
  std::int64_t d = 1;
  for (Panel p : used) {
    if (sheets[p] == 0) {
      return Precondition(r, "VC-06 no " + std::string(PanelName(p)) + " score sheet yet");
    }
    d *= sheets[p];
  }
  // centi = Σ w·(S/n)·100/scale·100/1000 = Σ w·S·10·(d/n) / (d·scale). With w ≤ 1000,
  // S ≤ 100·300, d/n ≤ 300², 20 criteria, the numerator stays below 6e17.
  std::int64_t numerator = 0;
  for (const auto& c : scheme.criteria) {
    numerator +=
        static_cast<std::int64_t>(c.weight_permille) * sums[c.id] * 10 * (d / sheets[c.panel]);
  }
  const std::int64_t denominator = d * scheme.scale_max;
  const std::int64_t weighted = (2 * numerator + denominator) / (2 * denominator);
  return weighted + 100 * static_cast<std::int64_t>(review.matching_bonus + review.special_bonus);
}

std::vector<std::size_t> RankOrder(const std::vector<Candidate>& c) {
  std::vector<std::size_t> order(c.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = c[a];
    const auto& y = c[b];
    if (x.score_centi != y.score_centi) return x.score_centi > y.score_centi;
    if (x.application.submitted_on != y.application.submitted_on) {
      return x.application.submitted_on < y.application.submitted_on;
    }
    return x.application.id < y.application.id;
  });
  return order;
}

Result<AwardPlan> PlanAwards(const VentureRound& r, const std::vector<Candidate>& candidates,
                             Date on) {
  if (r.state != RoundState::kExpertReview) {
    return Precondition(r, "VC-02 the shortlist is drawn up at the end of expert review");
  }
  std::set<std::string> ids;
  for (const auto& c : candidates) {
    if (!ids.insert(c.application.id).second) {
      return Error::InvalidArgument("candidates", "repeat an application");
    }
    if (c.score_centi < 0) return Error::InvalidArgument("score_centi", "must not be negative");
  }
  AwardPlan plan;
  plan.remaining_fen = r.budget.project_grants_fen;
  const auto order = RankOrder(candidates);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Candidate& c = candidates[order[i]];
    const int rank = static_cast<int>(i) + 1;
    auto skip = [&](std::string reason) {
      plan.skipped.push_back({c.application.id, rank, std::move(reason)});
    };
    if (c.application.state != ApplicationState::kScreenedIn) {
      skip("state " + std::string(ApplicationStateName(c.application.state)) +
           ": VC-02 only a screened-in application is awarded");
      continue;
    }
    if (c.score_centi < r.scheme.pass_mark_centi) {
      skip("VC-06 below the round's pass mark");
      continue;
    }
    if (auto bad = CheckEligibility(r, c.applicant, c.application, on)) {
      if (bad->code != ErrorCode::kFailedPrecondition) return *bad;  // bad input, not a refusal
      skip(bad->message);  // "state X: RULE ..." with the dated fact
      continue;
    }
    const Fen grant = c.application.requested_grant_fen;
    if (grant > plan.remaining_fen) {
      skip("VC-04 the grant does not fit in the " + FormatYuan(plan.remaining_fen) + " left");
      continue;
    }
    plan.remaining_fen -= grant;
    plan.awarded_fen += grant;
    plan.awards.push_back({c.application.id, c.application.org_id, rank, c.score_centi, grant});
  }
  return plan;
}

Result<Objection> FileObjection(const VentureRound& r, const AwardPlan& shortlist, Objection o,
                                Date on) {
  if (r.state != RoundState::kShortlistPublicity || on < *r.publicity_from ||
      on > *r.publicity_until) {
    return Precondition(r, "VC-02 objections are filed during the shortlist's publicity");
  }
  if (o.id.empty()) return Error::InvalidArgument("id", "is required");
  if (o.grounds.empty()) return Error::InvalidArgument("grounds", "is required");
  const bool listed =
      std::any_of(shortlist.awards.begin(), shortlist.awards.end(),
                  [&](const AwardLine& a) { return a.application_id == o.application_id; });
  if (!listed) return Error::InvalidArgument("application_id", "is not on the shortlist");
  o.filed_on = on;
  o.status = ObjectionStatus::kOpen;
  o.resolved_on.reset();
  return o;
}

Result<Objection> ResolveObjection(Objection o, bool upheld, Date on) {
  if (o.status != ObjectionStatus::kOpen) {
    return Error::FailedPrecondition("state RESOLVED: VC-02 the objection is already resolved");
  }
  if (on < o.filed_on) return Error::InvalidArgument("on", "is before the objection");
  o.status = upheld ? ObjectionStatus::kUpheld : ObjectionStatus::kDismissed;
  o.resolved_on = on;
  return o;
}

int OpenObjections(const std::vector<Objection>& objections) {
  return static_cast<int>(std::count_if(objections.begin(), objections.end(), [](const auto& o) {
    return o.status == ObjectionStatus::kOpen;
  }));
}

Result<AwardPlan> ConfirmAwards(const VentureRound& r, const AwardPlan& shortlist,
                                const std::vector<Candidate>& current,
                                const std::vector<Objection>& objections, Date on) {
  if (r.state != RoundState::kShortlistPublicity) {
    return Precondition(r, "VC-02 awards are confirmed after the shortlist's publicity");
  }
  if (on <= *r.publicity_until) {
    return Precondition(r,
                        "VC-02 the shortlist is public through " + FormatDate(*r.publicity_until));
  }
  if (const int open = OpenObjections(objections); open > 0) {
    return Precondition(r, "VC-02 " + std::to_string(open) + " objection(s) are unresolved");
  }
  Fen shortlisted = 0;
  for (const auto& a : shortlist.awards) {
    if (a.grant_fen < 0 || a.grant_fen > r.budget.project_grants_fen) {
      return Precondition(r, "VC-04 an award is outside the project-grants budget");
    }
    shortlisted += a.grant_fen;
  }
  if (shortlisted > r.budget.project_grants_fen) {
    return Precondition(r, "VC-04 awards never exceed the project-grants budget of " +
                               FormatYuan(r.budget.project_grants_fen));
  }
  std::map<std::string, const Candidate*> by_id;
  for (const auto& c : current) by_id[c.application.id] = &c;
  AwardPlan plan;
  plan.remaining_fen = r.budget.project_grants_fen;
  for (const auto& a : shortlist.awards) {
    auto skip = [&](std::string reason) {
      plan.skipped.push_back({a.application_id, a.rank, std::move(reason)});
    };
    const bool upheld = std::any_of(objections.begin(), objections.end(), [&](const auto& o) {
      return o.application_id == a.application_id && o.status == ObjectionStatus::kUpheld;
    });
    if (upheld) {
      skip("VC-02 an objection to the shortlisting was upheld");
      continue;
    }
    auto it = by_id.find(a.application_id);
    if (it == by_id.end()) {
      skip("VC-03 the applicant's facts on the award day are missing");
      continue;
    }
    const Candidate& c = *it->second;
    if (c.application.state == ApplicationState::kWithdrawn) {
      skip("state WITHDRAWN: VC-02 the application was withdrawn");
      continue;
    }
    if (auto bad = CheckEligibility(r, c.applicant, c.application, on)) {
      if (bad->code != ErrorCode::kFailedPrecondition) return *bad;  // bad input, not a refusal
      skip(bad->message);  // "state X: RULE ..." with the dated fact
      continue;
    }
    plan.remaining_fen -= a.grant_fen;
    plan.awarded_fen += a.grant_fen;
    plan.awards.push_back(a);
  }
  return plan;
}

}  // namespace socgov::welfare_venture
