// Expert review, ranking and award (VC-02 评审 → 审批, VC-06 scoring, VC-04 the budget).
// Experts are assigned per application with conflict-of-interest recusal; judges fill score
// sheets on the round's scale; the scheme aggregates them exactly; candidates are ranked and
// awarded in rank order within the project-grants budget; the shortlist is published and
// objections resolved before the awards are confirmed, eligibility re-checked on that day.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/util/error.h"
#include "welfare_venture/domain/application.h"
#include "welfare_venture/domain/round.h"
#include "welfare_venture/domain/scoring.h"

namespace socgov::welfare_venture {

struct Expert {
  std::string id;
  // Organizations the expert works for, sits on the board of, advises or is otherwise tied to.
  std::vector<std::string> linked_org_ids;
};

struct CriterionScore {
  std::string criterion_id;
  int points = 0;
};

struct ScoreSheet {
  std::string judge_id;
  Panel panel = Panel::kExpert;
  std::vector<CriterionScore> scores;  // every criterion of the panel, once
};

struct ApplicationReview {
  std::string application_id;
  std::string org_id;
  std::vector<std::string> expert_ids;  // assigned; they score the EXPERT and DEFENCE panels
  std::vector<ScoreSheet> sheets;
  int matching_bonus = 0;  // whole points
  int special_bonus = 0;
};

// Keeps AggregateScore's arithmetic inside int64 (see review.cc).
inline constexpr int kMaxSheetsPerPanel = 300;

// SCREENING or EXPERT_REVIEW. kFailedPrecondition "state X: VC-06 ..." for an expert linked to the
// applicant (recusal); kInvalidArgument naming expert_id when empty or already assigned.
Result<ApplicationReview> AssignExpert(const VentureRound& round, ApplicationReview review,
                                       const Expert& expert);

// EXPERT_REVIEW. Expert and defence sheets only from assigned experts (kFailedPrecondition
// VC-06), one sheet per judge and panel, every criterion of the panel once within 0..scale_max
// (kInvalidArgument naming judge_id or scores).
Result<ApplicationReview> RecordSheet(const VentureRound& round, ApplicationReview review,
                                      ScoreSheet sheet);

// VC-06 bonuses: matching 0..matching_bonus_max; special 0 or within [min, max].
Result<ApplicationReview> SetBonuses(const VentureRound& round, ApplicationReview review,
                                     int matching_bonus, int special_bonus);

// The total in 0.01 points: the weighted 100-point score plus the bonuses. Each criterion counts
// as the mean of its panel's sheets; the weighted sum of the means is computed exactly over a
// common denominator and rounded half up once, to 0.01 point. kFailedPrecondition VC-06 while an
// assigned expert has not scored or a panel in the scheme has no sheet.
Result<std::int64_t> AggregateScore(const VentureRound& round, const ApplicationReview& review);

// An application in the running, with its applicant's facts as of the decision.
struct Candidate {
  VentureApplication application;
  ApplicantFacts applicant;
  std::int64_t score_centi = 0;
};

// Indices of `candidates` best first: higher score, then earlier submission, then smaller
// application id, so equal scores never depend on input order.
std::vector<std::size_t> RankOrder(const std::vector<Candidate>& candidates);

struct AwardLine {
  std::string application_id;
  std::string org_id;
  int rank = 0;  // 1-based position in RankOrder
  std::int64_t score_centi = 0;
  Fen grant_fen = 0;
};

struct Skipped {
  std::string application_id;
  int rank = 0;
  std::string reason;  // the rule and why
};

struct AwardPlan {
  std::vector<AwardLine> awards;  // in rank order
  std::vector<Skipped> skipped;
  Fen awarded_fen = 0;
  Fen remaining_fen = 0;  // of the project-grants budget
};

// The shortlist (EXPERT_REVIEW). Walks the ranking and awards each candidate its requested grant
// while it fits in what is left of budget.project_grants_fen. A candidate that does not fit is
// skipped and the walk goes on: a lower-ranked, smaller project then uses money that would
// otherwise lie idle, and every awarded candidate still outranks every skipped one that would
// have fitted. Skipped too: not SCREENED_IN, below the scheme's pass mark, or ineligible on `on`
// (VC-03/CR-10/VC-07/VC-04). kInvalidArgument naming candidates for a repeated application, or
// the field of a candidate's malformed facts.
Result<AwardPlan> PlanAwards(const VentureRound& round, const std::vector<Candidate>& candidates,
                             Date on);

enum class ObjectionStatus { kOpen, kUpheld, kDismissed };

struct Objection {
  std::string id;
  std::string application_id;
  std::string grounds;
  Date filed_on{};
  ObjectionStatus status = ObjectionStatus::kOpen;
  std::optional<Date> resolved_on;
};

// During the publicity period (SHORTLIST_PUBLICITY, publicity_from..publicity_until), against a
// shortlisted application. kFailedPrecondition VC-02 outside; kInvalidArgument naming the field.
Result<Objection> FileObjection(const VentureRound& round, const AwardPlan& shortlist,
                                Objection objection, Date on);
Result<Objection> ResolveObjection(Objection objection, bool upheld, Date on);
int OpenObjections(const std::vector<Objection>& objections);

// The awards, after publicity with every objection resolved: the shortlist less those whose
// objection was upheld and those no longer eligible on `on` (`current` holds the applicants'
// facts as of `on`). Freed money is not passed down the ranking: a replacement would not have
// been published. kFailedPrecondition "state X: VC-04 ..." for a shortlist over the budget.
Result<AwardPlan> ConfirmAwards(const VentureRound& round, const AwardPlan& shortlist,
                                const std::vector<Candidate>& current,
                                const std::vector<Objection>& objections, Date on);

}  // namespace socgov::welfare_venture
