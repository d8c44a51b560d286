// Rating evaluation (等级评估, domain.md §2.4 RatingEvaluation, §3.5 RT-01..11). A round is
// announced with its settings; each organization's evaluation is a value that moves through the
// §3.5 states by one pure function per command, `Result<Evaluation> X(Evaluation, const XInput&,
// Date today)`. A command in the wrong state fails with kFailedPrecondition "state ON_SITE: RT-08
// ..." (the state and the rule); bad input with kInvalidArgument "field: reason".
//
// Two rule sets exist: 民政部令39号 (2010) and its revision in force from 2026-03-01 (RT-04). Which
// one a round follows is a setting of the round, not derived from the date, because rounds
// announced under the old rules finish under them.
//
// RT-11: a rating is credit information ("other information", 信用办法 Art 7) and is public.
// PublishedFact is what callers publish (the rating.announced / downgraded / cancelled / expired
// events, and the credit-information page); nothing before FINAL is a published fact.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/annual_report.h"
#include "supervision/domain/credit_listing.h"
#include "supervision/domain/dates.h"
#include "supervision/domain/rating_scale.h"
#include "supervision/domain/reason.h"

namespace socgov::supervision {

// ---- Round ----

struct Round {
  std::string id;
  int year = 0;
  std::string jurisdiction;  // GB/T 2260 code of the registry running the round
  Date applications_open{};
  Date applications_close{};  // inclusive
  RulesRevision revision = RulesRevision::k2026;
  DimensionScores maxima;
  GradeThresholds thresholds;
  // RT-02: "登记满两个年度" is counted up to this day; nullopt = Dec 31 of the year before the
  // round (the common reading in local notices, e.g. Longquanyi 2025:
  // "截至2024年12月31日...满2年").
  std::optional<Date> seniority_as_of;
  // RT-02 (local, e.g. Chanhe): a rated organization may apply to upgrade 2 years after its
  // last evaluation. Only under the 2010 rules; the 2026 revision has re-evaluation (RT-04).
  bool local_upgrade_after_two_years = false;
};
// kInvalidArgument naming "round.<field>".
Status ValidateRound(const Round& round);

// ---- Eligibility (RT-02, RT-03, RT-04) ----

struct PriorRating {
  Grade grade = Grade::k1A;
  Date announced_on{};
  Date valid_from{};
  Date valid_to{};
};

// Facts as of the application; "last year" is the year before the round's.
struct EligibilityFacts {
  Date registered_on{};
  std::optional<PriorRating> prior;  // the latest rating not cancelled; nullopt = never rated
  bool took_part_in_last_annual_inspection = true;  // 年检 or 年报
  std::optional<Conclusion> conclusion_last_year;
  std::optional<Conclusion> conclusion_year_before;
  bool penalized_last_year = false;
  bool penalties_last_year_minor_only = false;  // RT-04 drops minor penalties as exclusions
  bool penalty_unexecuted = false;
  bool under_investigation = false;
  std::optional<CreditList> credit_list;  // currently on ABNORMAL or SERIOUS
};

struct Eligibility {
  std::vector<Reason> reasons;      // empty = eligible; RT-02 / RT-03 / RT-04 each
  bool re_evaluation = false;       // applying while a rating is still valid (RT-02 local, RT-04)
  bool simplified_on_site = false;  // RT-04: re-evaluation within the first 2 years of validity
};

// RT-02: registered 2 full years by seniority_as_of and never rated; or the rating expired; or
// (2010, local) rated at least 2 years ago and applying to upgrade; (2026, RT-04) re-evaluation
// in the first 4 years of validity. RT-03 exclusions: no annual inspection last year; last year
// 不合格 or 基本合格 two years running; a penalty last year or one not executed; under
// investigation; on a credit list. RT-04 (2026) drops 不合格 / 2×基本合格, investigation and
// minor penalties; an unexecuted penalty still excludes.
Eligibility AssessEligibility(const Round& round, const EligibilityFacts& facts, Date applied_on);

// ---- Evaluation ----

enum class EvaluationState {
  kApplied,
  kEligibilityCheck,
  kIneligible,  // terminal
  kSelfAssessment,
  kOnSite,
  kPrelimScore,
  kCommitteeDecision,
  kPublicity,
  kAppealed,
  kReReviewed,
  kFinal,        // announced, the grade in force (VALID within valid_from..valid_to)
  kDowngraded,   // in force at a lower grade (RT-09, RT-10)
  kCancelled,    // terminal
  kExpired,      // terminal (RT-05)
  kReEvaluated,  // terminal: replaced by a later evaluation (RT-04)
};
std::string_view EvaluationStateName(EvaluationState s);  // "ON_SITE"

struct Evaluation {
  std::string organization_id;
  OrgKind org_kind = OrgKind::kSocialGroup;
  Round round;  // the settings the evaluation is judged by, fixed at application
  EvaluationState state = EvaluationState::kApplied;
  Date applied_on{};
  bool re_evaluation = false;
  bool simplified_on_site = false;
  std::vector<Reason> ineligibility;
  std::optional<DimensionScores> self_assessment;
  std::optional<DimensionScores> scores;  // preliminary, then as decided
  int total_score = 0;
  std::optional<Grade> grade;
  std::optional<Date> publicity_from;
  std::optional<Date> publicity_until;  // inclusive
  std::optional<Date> appealed_on;
  std::optional<Date> announced_on;
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;     // inclusive
  std::vector<Reason> adjustments;  // downgrades, follow-ups, cancellation, in order
};

struct ApplyInput {
  std::string organization_id;
  OrgKind org_kind = OrgKind::kSocialGroup;
};
// Creates the evaluation in APPLIED. kInvalidArgument for a bad round (ValidateRound) or an
// empty organization_id; kFailedPrecondition "state ANNOUNCED_ROUND: ..." outside the window.
Result<Evaluation> Apply(const Round& round, const ApplyInput& in, Date today);

struct BeginEligibilityCheckInput {};
// APPLIED → ELIGIBILITY_CHECK.
Result<Evaluation> BeginEligibilityCheck(Evaluation e, const BeginEligibilityCheckInput& in,
                                         Date today);

struct DecideEligibilityInput {
  EligibilityFacts facts;
};
// ELIGIBILITY_CHECK → INELIGIBLE (with the reasons) | SELF_ASSESSMENT.
Result<Evaluation> DecideEligibility(Evaluation e, const DecideEligibilityInput& in, Date today);

struct SelfAssessmentInput {
  DimensionScores scores;
};
// SELF_ASSESSMENT → ON_SITE; the scores are validated against the round's maxima (RT-07).
Result<Evaluation> SubmitSelfAssessment(Evaluation e, const SelfAssessmentInput& in, Date today);

struct PreliminaryScoreInput {
  DimensionScores scores;  // the expert group's, after the on-site review
};
// ON_SITE → PRELIM_SCORE (RT-07).
Result<Evaluation> RecordPreliminaryScore(Evaluation e, const PreliminaryScoreInput& in,
                                          Date today);

struct CommitteeDecisionInput {
  std::optional<DimensionScores> revised_scores;  // nullopt = the preliminary scores stand
};
// PRELIM_SCORE → COMMITTEE_DECISION: the evaluation committee fixes the grade (RT-06).
Result<Evaluation> DecideByCommittee(Evaluation e, const CommitteeDecisionInput& in, Date today);

struct PublicityInput {
  Date until{};  // the last day of publicity (公示)
};
// COMMITTEE_DECISION → PUBLICITY from today to `until`.
Result<Evaluation> StartPublicity(Evaluation e, const PublicityInput& in, Date today);

struct RatingAppealInput {};
// RT-08: PUBLICITY → APPEALED, only while publicity lasts.
Result<Evaluation> AppealRating(Evaluation e, const RatingAppealInput& in, Date today);

// RT-08: the review decision is notified in writing within 15 days of the appeal.
inline constexpr int kAppealReviewDays = 15;
Date AppealReviewDeadline(Date appealed_on);
// The deadline of a pending appeal; nullopt when no appeal is pending.
std::optional<Date> PendingAppealDeadline(const Evaluation& e);
bool AppealReviewOverdue(const Evaluation& e, Date today);

// RT-08: who re-reviews. 2010: the 复核委员会, by majority vote; 2026: that committee is
// abolished and the 评估委员会 re-reviews.
enum class ReviewBody { kReviewCommittee, kEvaluationCommittee };
ReviewBody ReviewBodyFor(RulesRevision revision);

struct ReReviewInput {
  ReviewBody body = ReviewBody::kEvaluationCommittee;
  int votes_for = 0;                              // 2010: for the decision
  int votes_cast = 0;                             // 2010: members voting
  std::optional<DimensionScores> revised_scores;  // nullopt = the grade is upheld
};
// RT-08: APPEALED → RE_REVIEWED. kInvalidArgument naming body when it is not the revision's;
// 2010: kFailedPrecondition without a majority of the votes cast. A late decision is still
// recorded (the deadline binds the registry, AppealReviewOverdue reports it).
Result<Evaluation> ReReview(Evaluation e, const ReReviewInput& in, Date today);

struct AnnounceInput {};
// PUBLICITY (once over, no appeal) | RE_REVIEWED → FINAL: announced today, validity per RT-05.
Result<Evaluation> Announce(Evaluation e, const AnnounceInput& in, Date today);

// The grade is in force (FINAL or DOWNGRADED) and `d` is within its validity.
bool InValidity(const Evaluation& e, Date d);

// ---- After the announcement: RT-09 downgrade, RT-10 tracking/check, cancellation, expiry ----

enum class GradeEventKind {
  kAnnualConclusion,       // a 年检 conclusion (AR-06)
  kAdministrativePenalty,  // any penalty decided (ENF-14)
  kCreditListed,           // CR-01 / CR-06 listing
  kComplaintSubstantiated,
};
struct GradeEvent {
  GradeEventKind kind = GradeEventKind::kAnnualConclusion;
  Date on{};
  Conclusion conclusion = Conclusion::kPass;      // kAnnualConclusion: this year's
  std::optional<Conclusion> previous_conclusion;  // kAnnualConclusion: the year before's
};
// RT-09: 不合格, 基本合格 two years running, or an administrative penalty lower the grade; the
// reason, or nullopt when the event does not.
std::optional<Reason> DowngradeTrigger(const GradeEvent& event);
// RT-10: events affecting the grade trigger a check evaluation: the RT-09 triggers, any
// non-pass conclusion, a credit listing, a substantiated complaint.
bool TriggersCheckEvaluation(const GradeEvent& event);

struct DowngradeInput {
  GradeEvent event;
};
// RT-09: FINAL | DOWNGRADED → DOWNGRADED, one grade down, for an event within the validity.
// kInvalidArgument naming event when it does not trigger RT-09 or is after today;
// kFailedPrecondition outside the validity or at 1A (cancel instead).
Result<Evaluation> Downgrade(Evaluation e, const DowngradeInput& in, Date today);

enum class FollowUpKind { kTracking, kCheck };  // 跟踪评估 (sampled 4A+), 核查评估 (event)
struct FollowUpInput {
  FollowUpKind kind = FollowUpKind::kCheck;
  RulesRevision in_force = RulesRevision::k2026;  // the registry's rules today
  DimensionScores scores;
};
// RT-10 (2026 only): the grade is adjusted to the follow-up's score, downward only (a higher
// grade needs a re-evaluation, RT-04): FINAL | DOWNGRADED → the same or DOWNGRADED.
Result<Evaluation> RecordFollowUp(Evaluation e, const FollowUpInput& in, Date today);

// RT-10: the organizations a tracking evaluation samples from: in force at 4A or 5A on as_of.
// Sorted, unique; the draw itself is draw.h's.
std::vector<std::string> TrackingPopulation(const std::vector<Evaluation>& evaluations, Date as_of);

enum class CancelReason {
  kSeriousViolation,        // RT-09 情节严重 (e.g. fraudulent materials, misused certificate)
  kCreditListed,            // CR-09
  kOrganizationTerminated,  // revoked or deregistered: nothing left to rate
};
struct CancelInput {
  CancelReason reason = CancelReason::kSeriousViolation;
};
// FINAL | DOWNGRADED → CANCELLED.
Result<Evaluation> Cancel(Evaluation e, const CancelInput& in, Date today);

struct ExpireInput {};
// RT-05: FINAL | DOWNGRADED → EXPIRED once today is after valid_to.
Result<Evaluation> Expire(Evaluation e, const ExpireInput& in, Date today);

struct SupersedeInput {
  std::string successor_round_id;
  Date successor_announced_on{};
};
// RT-04: FINAL | DOWNGRADED → RE_EVALUATED when a re-evaluation of the same organization is
// announced. kInvalidArgument naming the field when empty, before this announcement or after
// today.
Result<Evaluation> Supersede(Evaluation e, const SupersedeInput& in, Date today);

// RT-11: what is published about a rating once announced; nullopt before FINAL.
struct PublishedRating {
  std::string organization_id;
  std::string jurisdiction;
  std::string round_id;
  Grade grade = Grade::k1A;
  int total_score = 0;
  Date announced_on{};
  Validity validity;
  EvaluationState state = EvaluationState::kFinal;
  bool certificate_and_plaque = false;
};
std::optional<PublishedRating> PublishedFact(const Evaluation& e);

}  // namespace socgov::supervision
