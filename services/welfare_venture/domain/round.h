// A venture round (公益创投 one year's edition, domain.md §2.6, §3.7):
//   PLANNED → NEEDS_SURVEY → CALL_OPEN → CALL_CLOSED → SCREENING → EXPERT_REVIEW
//           → SHORTLIST_PUBLICITY → AWARDED → CLOSED
// Each transition is a pure function taking the day it happens; the stage order is VC-02's
// (需求征集 → 项目征集 → 评审 → 审批签约), the windows are the round's own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "welfare_venture/domain/dates.h"
#include "welfare_venture/domain/money.h"
#include "welfare_venture/domain/scoring.h"

namespace socgov::welfare_venture {

// VC-01: rounds are paid from the welfare-lottery fund; other sources are named so a misfiled
// round is refused rather than silently accepted.
enum class FundSource { kUnspecified, kWelfareLottery, kGeneralBudget, kDonation };

// VC-01's purposes (扶老、助残、救孤、济困) as Guangzhou's categories.
enum class Category { kElderly, kDisabled, kChildrenYouth, kRelief, kOther };
std::string_view CategoryName(Category c);

// GZ 2023 Art 5: the round's money is the project grants plus the operator's (承办单位) service fee
// plus the performance-evaluation fee, to the fen.
struct RoundBudget {
  Fen total_fen = 0;
  Fen project_grants_fen = 0;
  Fen operator_fee_fen = 0;
  Fen evaluation_fee_fen = 0;
};

// VC-04 (Guangzhou 2019): a grant is at most 60 % of the project's budget (the 6:4 ratio of
// public to own funds) and at most ¥500,000. VC-05: the personnel-cost share of a grant is capped
// too, but no bureau's value is on file, so it is enforced only when a round sets it.
struct GrantRules {
  Fen max_grant_fen = 50'000'000;
  int max_grant_percent_of_budget = 60;
  std::optional<int> max_personnel_percent_of_grant;
};

// Inclusive day windows.
struct Window {
  Date opens{};
  Date closes{};
};

struct RoundSchedule {
  Window needs_survey;     // 需求征集
  Window call;             // 项目征集: applications are accepted on these days
  int publicity_days = 7;  // 公示 of the shortlist, calendar days
};

enum class RoundState {
  kPlanned,
  kNeedsSurvey,
  kCallOpen,
  kCallClosed,
  kScreening,
  kExpertReview,
  kShortlistPublicity,
  kAwarded,
  kClosed,
};
std::string_view RoundStateName(RoundState s);

struct VentureRound {
  std::string id;
  int year = 0;
  std::string jurisdiction;  // division code of the organising bureau
  std::string organiser;     // 社会组织管理局
  std::string contractor;    // 承办单位 chosen by tender
  FundSource fund_source = FundSource::kUnspecified;
  RoundBudget budget;
  std::vector<Category> categories;
  GrantRules grant_rules;
  RoundSchedule schedule;
  ScoringScheme scheme;

  RoundState state = RoundState::kPlanned;
  Date state_since{};  // day of the last transition; transitions never go back in time
  std::optional<Date> publicity_from;
  std::optional<Date> publicity_until;  // last day objections are accepted
  std::optional<Date> awarded_on;
  std::optional<Date> closed_on;
};

// Validates a new round and puts it in PLANNED: VC-01 fund source and categories, the budget
// adding up, VC-04/05 caps within the defaults' bounds, VC-02 windows in stage order, VC-06
// scheme. kInvalidArgument naming the field; kFailedPrecondition "state PLANNED: VC-01 ..." for a
// round not paid from the welfare-lottery fund.
Result<VentureRound> PlanRound(VentureRound round);

// VC-04/05 for one project: kFailedPrecondition naming the rule when the grant is over 60 % of the
// budget, over the cap, or the personnel cost over its share; kInvalidArgument for bad amounts.
Status CheckGrantRules(const GrantRules& rules, Fen project_budget_fen, Fen grant_fen,
                       Fen personnel_cost_fen);

bool OffersCategory(const VentureRound& round, Category c);

// Transitions. Each refuses with kFailedPrecondition "state X: VC-02 ..." out of order or outside
// the window.
Result<VentureRound> OpenNeedsSurvey(VentureRound r, Date on);  // within needs_survey
Result<VentureRound> OpenCall(VentureRound r, Date on);         // within call, after the survey
Result<VentureRound> CloseCall(VentureRound r, Date on);        // after the call's last day
Result<VentureRound> StartScreening(VentureRound r, Date on);
Result<VentureRound> StartExpertReview(VentureRound r, Date on);
// Publishes the shortlist for schedule.publicity_days days starting `on`.
Result<VentureRound> StartPublicity(VentureRound r, Date on);
// After the publicity period, with every objection resolved.
Result<VentureRound> MarkAwarded(VentureRound r, Date on, int open_objections);
Result<VentureRound> CloseRound(VentureRound r, Date on);

// Whether applications are accepted on `day` (CALL_OPEN and inside the call window).
bool AcceptsApplications(const VentureRound& r, Date day);

}  // namespace socgov::welfare_venture
