#include "welfare_venture/domain/round.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>

namespace socgov::welfare_venture {
namespace {

Error Precondition(RoundState state, std::string_view rule_and_reason) {
  return Error::FailedPrecondition("state " + std::string(RoundStateName(state)) + ": " +
                                   std::string(rule_and_reason));
}

std::string Span(const Window& w) { return FormatDate(w.opens) + ".." + FormatDate(w.closes); }

bool Within(const Window& w, Date d) { return d >= w.opens && d <= w.closes; }

Status CheckBudget(const RoundBudget& b) {
  if (auto bad = CheckAmount("budget.total_fen", b.total_fen)) return bad;
  if (auto bad = CheckAmount("budget.project_grants_fen", b.project_grants_fen)) return bad;
  if (auto bad = CheckAmount("budget.operator_fee_fen", b.operator_fee_fen)) return bad;
  if (auto bad = CheckAmount("budget.evaluation_fee_fen", b.evaluation_fee_fen)) return bad;
  if (b.project_grants_fen == 0) {
    return Error::InvalidArgument("budget.project_grants_fen", "must be positive");
  }
  // Each part is ≤ kMaxFen, so the sum cannot overflow.
  const Fen parts = b.project_grants_fen + b.operator_fee_fen + b.evaluation_fee_fen;
  if (parts != b.total_fen) {
    return Error::InvalidArgument(
        "budget.total_fen", "must equal project grants + operator fee + evaluation fee (off by " +
                                std::to_string(b.total_fen - parts) + " fen)");
  }
  return std::nullopt;
}

Status CheckRules(const GrantRules& g, const RoundBudget& b) {
  if (g.max_grant_fen <= 0 || g.max_grant_fen > b.project_grants_fen) {
    return Error::InvalidArgument("grant_rules.max_grant_fen",
                                  "VC-04 must be positive and within the project grants");
  }
  if (g.max_grant_percent_of_budget < 1 || g.max_grant_percent_of_budget > 100) {
    return Error::InvalidArgument("grant_rules.max_grant_percent_of_budget",
                                  "VC-04 must be within 1..100");
  }
  if (g.max_personnel_percent_of_grant &&
      (*g.max_personnel_percent_of_grant < 0 || *g.max_personnel_percent_of_grant > 100)) {
    return Error::InvalidArgument("grant_rules.max_personnel_percent_of_grant",
                                  "VC-05 must be within 0..100");
  }
  return std::nullopt;
}

Status CheckSchedule(const RoundSchedule& s) {
  if (s.needs_survey.closes < s.needs_survey.opens) {
    return Error::InvalidArgument("schedule.needs_survey", "closes before it opens");
  }
  if (s.call.closes < s.call.opens) {
    return Error::InvalidArgument("schedule.call", "closes before it opens");
  }
  if (s.call.opens <= s.needs_survey.closes) {
    return Error::InvalidArgument("schedule.call",
                                  "VC-02 the call opens after the needs survey has closed");
  }
  if (s.publicity_days < 1 || s.publicity_days > 60) {
    return Error::InvalidArgument("schedule.publicity_days", "must be within 1..60");
  }
  return std::nullopt;
}

// The shared shape of every transition: the expected state, then time moving forward.
Status CheckTransition(const VentureRound& r, RoundState from, Date on) {
  if (r.state != from) {
    return Precondition(
        r.state, "VC-02 stages run in order; this step needs " + std::string(RoundStateName(from)));
  }
  if (on < r.state_since) {
    return Error::InvalidArgument("on", "is before the round's last transition");
  }
  return std::nullopt;
}

VentureRound Moved(VentureRound r, RoundState to, Date on) {
  r.state = to;
  r.state_since = on;
  return r;
}

}  // namespace

std::string_view CategoryName(Category c) {
  switch (c) {
    case Category::kElderly:
      return "ELDERLY";
    case Category::kDisabled:
      return "DISABLED";
    case Category::kChildrenYouth:
      return "CHILDREN_YOUTH";
    case Category::kRelief:
      return "RELIEF";
    case Category::kOther:
      return "OTHER";
  }
  return "UNKNOWN";
}

std::string_view RoundStateName(RoundState s) {
  switch (s) {
    case RoundState::kPlanned:
      return "PLANNED";
    case RoundState::kNeedsSurvey:
      return "NEEDS_SURVEY";
    case RoundState::kCallOpen:
      return "CALL_OPEN";
    case RoundState::kCallClosed:
      return "CALL_CLOSED";
    case RoundState::kScreening:
      return "SCREENING";
    case RoundState::kExpertReview:
      return "EXPERT_REVIEW";
    case RoundState::kShortlistPublicity:
      return "SHORTLIST_PUBLICITY";
    case RoundState::kAwarded:
      return "AWARDED";
    case RoundState::kClosed:
      return "CLOSED";
  }
  return "UNKNOWN";
}

Result<VentureRound> PlanRound(VentureRound r) {
  if (r.id.empty()) return Error::InvalidArgument("id", "is required");
  if (r.year < 2000 || r.year > 2199) return Error::InvalidArgument("year", "must be 2000..2199");
  if (r.jurisdiction.empty()) return Error::InvalidArgument("jurisdiction", "is required");
  if (r.fund_source == FundSource::kUnspecified) {
    return Error::InvalidArgument("fund_source", "is required");
  }
  if (r.fund_source != FundSource::kWelfareLottery) {
    return Precondition(RoundState::kPlanned,
                        "VC-01 venture rounds are paid from the welfare-lottery fund (福彩公益金)");
  }
  if (auto bad = CheckBudget(r.budget)) return *bad;
  if (r.categories.empty()) {
    return Error::InvalidArgument("categories", "VC-01 at least one category");
  }
  if (std::set<Category>(r.categories.begin(), r.categories.end()).size() != r.categories.size()) {
    return Error::InvalidArgument("categories", "must not repeat");
  }
  if (auto bad = CheckRules(r.grant_rules, r.budget)) return *bad;
  if (auto bad = CheckSchedule(r.schedule)) return *bad;
  if (auto bad = ValidateScheme(r.scheme)) return *bad;
  r.state = RoundState::kPlanned;
  r.state_since = Date{};
  r.publicity_from.reset();
  r.publicity_until.reset();
  r.awarded_on.reset();
  r.closed_on.reset();
  return r;
}

Status CheckGrantRules(const GrantRules& g, Fen budget, Fen grant, Fen personnel) {
  if (auto bad = CheckAmount("budget_fen", budget)) return bad;
  if (auto bad = CheckAmount("requested_grant_fen", grant)) return bad;
  if (auto bad = CheckAmount("personnel_cost_fen", personnel)) return bad;
  if (budget == 0) return Error::InvalidArgument("budget_fen", "must be positive");
  if (grant == 0) return Error::InvalidArgument("requested_grant_fen", "must be positive");
  if (personnel > grant) {
    return Error::InvalidArgument("personnel_cost_fen", "must not exceed the grant");
  }
  if (!WithinPercent(grant, budget, g.max_grant_percent_of_budget)) {
    return Error::FailedPrecondition("VC-04 a grant is at most " +
                                     std::to_string(g.max_grant_percent_of_budget) +
                                     " % of the project budget");
  }
  if (grant > g.max_grant_fen) {
    return Error::FailedPrecondition("VC-04 a grant is at most " + FormatYuan(g.max_grant_fen));
  }
  if (g.max_personnel_percent_of_grant &&
      !WithinPercent(personnel, grant, *g.max_personnel_percent_of_grant)) {
    return Error::FailedPrecondition("VC-05 personnel costs are at most " +
                                     std::to_string(*g.max_personnel_percent_of_grant) +
                                     " % of the grant");
  }
  return std::nullopt;
}

bool OffersCategory(const VentureRound& r, Category c) {
  return std::find(r.categories.begin(), r.categories.end(), c) != r.categories.end();
}

Result<VentureRound> OpenNeedsSurvey(VentureRound r, Date on) {
  if (auto bad = CheckTransition(r, RoundState::kPlanned, on)) return *bad;
  if (!Within(r.schedule.needs_survey, on)) {
    return Precondition(r.state, "VC-02 the needs survey runs " + Span(r.schedule.needs_survey));
  }
  return Moved(std::move(r), RoundState::kNeedsSurvey, on);
}

Result<VentureRound> OpenCall(VentureRound r, Date on) {
  if (auto bad = CheckTransition(r, RoundState::kNeedsSurvey, on)) return *bad;
  if (!Within(r.schedule.call, on)) {
    return Precondition(r.state, "VC-02 the call runs " + Span(r.schedule.call));
  }
  return Moved(std::move(r), RoundState::kCallOpen, on);
}

Result<VentureRound> CloseCall(VentureRound r, Date on) {
  if (auto bad = CheckTransition(r, RoundState::kCallOpen, on)) return *bad;
  if (on <= r.schedule.call.closes) {
    return Precondition(r.state,
                        "VC-02 the call stays open through " + FormatDate(r.schedule.call.closes));
  }
  return Moved(std::move(r), RoundState::kCallClosed, on);
}

Result<VentureRound> StartScreening(VentureRound r, Date on) {
  if (auto bad = CheckTransition(r, RoundState::kCallClosed, on)) return *bad;
  return Moved(std::move(r), RoundState::kScreening, on);
}

Result<VentureRound> StartExpertReview(VentureRound r, Date on) {
  if (auto bad = CheckTransition(r, RoundState::kScreening, on)) return *bad;
  return Moved(std::move(r), RoundState::kExpertReview, on);
}

Result<VentureRound> StartPublicity(VentureRound r, Date on) {
  if (auto bad = CheckTransition(r, RoundState::kExpertReview, on)) return *bad;
  r.publicity_from = on;
  r.publicity_until = on + std::chrono::days{r.schedule.publicity_days - 1};
  return Moved(std::move(r), RoundState::kShortlistPublicity, on);
}

Result<VentureRound> MarkAwarded(VentureRound r, Date on, int open_objections) {
  if (auto bad = CheckTransition(r, RoundState::kShortlistPublicity, on)) return *bad;
  if (on <= *r.publicity_until) {
    return Precondition(r.state,
                        "VC-02 the shortlist is public through " + FormatDate(*r.publicity_until));
  }
  if (open_objections > 0) {
    return Precondition(r.state, "VC-02 " + std::to_string(open_objections) +
                                     " objection(s) to the shortlist are unresolved");
  }
  r.awarded_on = on;
  return Moved(std::move(r), RoundState::kAwarded, on);
}

Result<VentureRound> CloseRound(VentureRound r, Date on) {
  if (auto bad = CheckTransition(r, RoundState::kAwarded, on)) return *bad;
  r.closed_on = on;
  return Moved(std::move(r), RoundState::kClosed, on);
}

bool AcceptsApplications(const VentureRound& r, Date day) {
  return r.state == RoundState::kCallOpen && Within(r.schedule.call, day);
}

}  // namespace socgov::welfare_venture
