#include "supervision/domain/rating.h"

#include <algorithm>
#include <set>

namespace socgov::supervision {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

Date Ymd(int y, unsigned m, unsigned d) { return Date{year_month_day{year{y}, month{m}, day{d}}}; }

Error WrongState(EvaluationState s, std::string_view rule_and_text) {
  return Error::FailedPrecondition("state " + std::string(EvaluationStateName(s)) + ": " +
                                   std::string(rule_and_text));
}

bool InForce(EvaluationState s) {
  return s == EvaluationState::kFinal || s == EvaluationState::kDowngraded;
}

// Scores the evaluation and grades it with the round's thresholds.
Status Score(Evaluation& e, const DimensionScores& scores) {
  auto total = TotalScore(scores, e.round.maxima);
  if (!total) return total.error();
  e.scores = scores;
  e.total_score = *total;
  e.grade = GradeFor(*total, e.round.thresholds);
  return std::nullopt;
}

Date SeniorityAsOf(const Round& round) {
  return round.seniority_as_of.value_or(Ymd(round.year - 1, 12, 31));
}

}  // namespace

Status ValidateRound(const Round& r) {
  if (r.id.empty()) return Error::InvalidArgument("round.id", "required");
  if (r.year < 2000 || r.year > 2199) {
    return Error::InvalidArgument("round.year", "must be 2000..2199");
  }
  if (r.jurisdiction.size() != 6 || !std::all_of(r.jurisdiction.begin(), r.jurisdiction.end(),
                                                 [](char c) { return c >= '0' && c <= '9'; })) {
    return Error::InvalidArgument("round.jurisdiction", "must be a 6-digit division code");
  }
  if (r.applications_close < r.applications_open) {
    return Error::InvalidArgument("round.applications_close", "must not be before the opening");
  }
  // The settings' own messages name "maxima..." / "thresholds..."; here they are the round's.
  for (Status bad : {ValidateMaxima(r.maxima), ValidateThresholds(r.thresholds)}) {
    if (bad) return Error{bad->code, "round." + bad->message};
  }
  return std::nullopt;
}

Eligibility AssessEligibility(const Round& round, const EligibilityFacts& f, Date applied_on) {
  const bool rev2026 = round.revision == RulesRevision::k2026;
  Eligibility out;

  // RT-02 / RT-04: the basis for applying at all.
  if (!f.prior) {
    const Date as_of = SeniorityAsOf(round);
    if (AddYears(f.registered_on, 2) > as_of) {
      out.reasons.push_back({"RT-02", "not registered 2 full years by " + FormatDate(as_of)});
    }
  } else if (applied_on <= f.prior->valid_to) {
    const PriorRating& p = *f.prior;
    if (rev2026) {
      const Date four_years = AddYears(p.valid_from, 4);
      if (applied_on < four_years) {
        out.re_evaluation = true;
        out.simplified_on_site = applied_on < AddYears(p.valid_from, 2);
      } else {
        out.reasons.push_back({"RT-04",
                               "re-evaluation only in the first 4 years of validity, "
                               "which ended " +
                                   FormatDate(four_years - std::chrono::days{1})});
      }
    } else if (round.local_upgrade_after_two_years && AddYears(p.announced_on, 2) <= applied_on) {
      out.re_evaluation = true;
    } else {
      out.reasons.push_back({"RT-02", "current rating valid until " + FormatDate(p.valid_to)});
    }
  }

  // RT-03 exclusions, as RT-04 narrows them.
  if (!f.took_part_in_last_annual_inspection) {
    out.reasons.push_back({"RT-03", "did not take part in last year's annual inspection"});
  }
  if (!rev2026) {
    if (f.conclusion_last_year == Conclusion::kFail) {
      out.reasons.push_back({"RT-03", "last year's annual inspection 不合格"});
    } else if (f.conclusion_last_year == Conclusion::kBasicPass &&
               f.conclusion_year_before == Conclusion::kBasicPass) {
      out.reasons.push_back({"RT-03", "annual inspection 基本合格 two years running"});
    }
  }
  if (f.penalized_last_year && !(rev2026 && f.penalties_last_year_minor_only)) {
    out.reasons.push_back({"RT-03", "administrative penalty last year"});
  }
  if (f.penalty_unexecuted) {
    out.reasons.push_back({"RT-03", "administrative penalty not yet executed"});
  }
  if (!rev2026 && f.under_investigation) {
    out.reasons.push_back({"RT-03", "under investigation"});
  }
  if (f.credit_list) {
    out.reasons.push_back(
        {"RT-03", "on the " + std::string(CreditListName(*f.credit_list)) + " list"});
  }
  return out;
}

std::string_view EvaluationStateName(EvaluationState s) {
  switch (s) {
    case EvaluationState::kApplied:
      return "APPLIED";
    case EvaluationState::kEligibilityCheck:
      return "ELIGIBILITY_CHECK";
    case EvaluationState::kIneligible:
      return "INELIGIBLE";
    case EvaluationState::kSelfAssessment:
      return "SELF_ASSESSMENT";
    case EvaluationState::kOnSite:
      return "ON_SITE";
    case EvaluationState::kPrelimScore:
      return "PRELIM_SCORE";
    case EvaluationState::kCommitteeDecision:
      return "COMMITTEE_DECISION";
    case EvaluationState::kPublicity:
      return "PUBLICITY";
    case EvaluationState::kAppealed:
      return "APPEALED";
    case EvaluationState::kReReviewed:
      return "RE_REVIEWED";
    case EvaluationState::kFinal:
      return "FINAL";
    case EvaluationState::kDowngraded:
      return "DOWNGRADED";
    case EvaluationState::kCancelled:
      return "CANCELLED";
    case EvaluationState::kExpired:
      return "EXPIRED";
    case EvaluationState::kReEvaluated:
      return "RE_EVALUATED";
  }
  return "UNKNOWN";
}

Result<Evaluation> Apply(const Round& round, const ApplyInput& in, Date today) {
  if (auto bad = ValidateRound(round)) return *bad;
  if (in.organization_id.empty()) return Error::InvalidArgument("organization_id", "required");
  if (today < round.applications_open || today > round.applications_close) {
    return Error::FailedPrecondition("state ANNOUNCED_ROUND: RT-02 applications are accepted " +
                                     FormatDate(round.applications_open) + " to " +
                                     FormatDate(round.applications_close));
  }
  Evaluation e;
  e.organization_id = in.organization_id;
  e.org_kind = in.org_kind;
  e.round = round;
  e.state = EvaluationState::kApplied;
  e.applied_on = today;
  return e;
}

Result<Evaluation> BeginEligibilityCheck(Evaluation e, const BeginEligibilityCheckInput&,
                                         Date /*today*/) {
  if (e.state != EvaluationState::kApplied) {
    return WrongState(e.state, "RT-02 eligibility is checked on a new application");
  }
  e.state = EvaluationState::kEligibilityCheck;
  return e;
}

Result<Evaluation> DecideEligibility(Evaluation e, const DecideEligibilityInput& in,
                                     Date /*today*/) {
  if (e.state != EvaluationState::kEligibilityCheck) {
    return WrongState(e.state, "RT-02 eligibility is decided during the eligibility check");
  }
  Eligibility verdict = AssessEligibility(e.round, in.facts, e.applied_on);
  e.re_evaluation = verdict.re_evaluation;
  e.simplified_on_site = verdict.simplified_on_site;
  e.ineligibility = std::move(verdict.reasons);
  e.state =
      e.ineligibility.empty() ? EvaluationState::kSelfAssessment : EvaluationState::kIneligible;
  return e;
}

Result<Evaluation> SubmitSelfAssessment(Evaluation e, const SelfAssessmentInput& in,
                                        Date /*today*/) {
  if (e.state != EvaluationState::kSelfAssessment) {
    return WrongState(e.state, "RT-07 a self-assessment follows the eligibility check");
  }
  if (auto total = TotalScore(in.scores, e.round.maxima); !total) return total.error();
  e.self_assessment = in.scores;
  e.state = EvaluationState::kOnSite;
  return e;
}

Result<Evaluation> RecordPreliminaryScore(Evaluation e, const PreliminaryScoreInput& in,
                                          Date /*today*/) {
  if (e.state != EvaluationState::kOnSite) {
    return WrongState(e.state, "RT-07 preliminary scores come from the on-site review");
  }
  if (auto bad = Score(e, in.scores)) return *bad;
  e.state = EvaluationState::kPrelimScore;
  return e;
}

Result<Evaluation> DecideByCommittee(Evaluation e, const CommitteeDecisionInput& in,
                                     Date /*today*/) {
  if (e.state != EvaluationState::kPrelimScore) {
    return WrongState(e.state, "RT-06 the committee grades a preliminary score");
  }
  if (in.revised_scores) {
    if (auto bad = Score(e, *in.revised_scores)) return *bad;
  }
  e.state = EvaluationState::kCommitteeDecision;
  return e;
}

Result<Evaluation> StartPublicity(Evaluation e, const PublicityInput& in, Date today) {
  if (e.state != EvaluationState::kCommitteeDecision) {
    return WrongState(e.state, "RT-08 publicity follows the committee's decision");
  }
  if (in.until < today) return Error::InvalidArgument("until", "must not be before today");
  e.publicity_from = today;
  e.publicity_until = in.until;
  e.state = EvaluationState::kPublicity;
  return e;
}

Result<Evaluation> AppealRating(Evaluation e, const RatingAppealInput&, Date today) {
  if (e.state != EvaluationState::kPublicity) {
    return WrongState(e.state, "RT-08 an appeal is possible only during publicity");
  }
  if (today < *e.publicity_from || today > *e.publicity_until) {
    return WrongState(e.state, "RT-08 publicity runs " + FormatDate(*e.publicity_from) + " to " +
                                   FormatDate(*e.publicity_until));
  }
  e.appealed_on = today;
  e.state = EvaluationState::kAppealed;
  return e;
}

Date AppealReviewDeadline(Date appealed_on) {
  return appealed_on + std::chrono::days{kAppealReviewDays};
}

std::optional<Date> PendingAppealDeadline(const Evaluation& e) {
  if (e.state != EvaluationState::kAppealed || !e.appealed_on) return std::nullopt;
  return AppealReviewDeadline(*e.appealed_on);
}

bool AppealReviewOverdue(const Evaluation& e, Date today) {
  const auto deadline = PendingAppealDeadline(e);
  return deadline && today > *deadline;
}

ReviewBody ReviewBodyFor(RulesRevision revision) {
  return revision == RulesRevision::k2026 ? ReviewBody::kEvaluationCommittee
                                          : ReviewBody::kReviewCommittee;
}

Result<Evaluation> ReReview(Evaluation e, const ReReviewInput& in, Date /*today*/) {
  if (e.state != EvaluationState::kAppealed) {
    return WrongState(e.state, "RT-08 only an appealed result is re-reviewed");
  }
  const bool rev2026 = e.round.revision == RulesRevision::k2026;
  if (in.body != ReviewBodyFor(e.round.revision)) {
    return Error::InvalidArgument(
        "body", rev2026 ? "RT-08 2026: the review committee is abolished; the evaluation "
                          "committee re-reviews"
                        : "RT-08 2010: the review committee (复核委员会) re-reviews");
  }
  if (!rev2026) {
    if (in.votes_cast <= 0) return Error::InvalidArgument("votes_cast", "must be positive");
    if (in.votes_for < 0 || in.votes_for > in.votes_cast) {
      return Error::InvalidArgument("votes_for", "must be 0..votes_cast");
    }
    if (2 * in.votes_for <= in.votes_cast) {
      return WrongState(e.state, "RT-08 the review decision needs a majority of the votes cast");
    }
  }
  if (in.revised_scores) {
    if (auto bad = Score(e, *in.revised_scores)) return *bad;
  }
  e.state = EvaluationState::kReReviewed;
  return e;
}

Result<Evaluation> Announce(Evaluation e, const AnnounceInput&, Date today) {
  if (e.state == EvaluationState::kPublicity) {
    if (today <= *e.publicity_until) {
      return WrongState(e.state, "RT-08 publicity runs until " + FormatDate(*e.publicity_until));
    }
  } else if (e.state != EvaluationState::kReReviewed) {
    return WrongState(e.state, "RT-08 a result is announced after publicity or re-review");
  }
  const Validity v = ValidityFor(e.round.revision, today);
  e.announced_on = today;
  e.valid_from = v.from;
  e.valid_to = v.to;
  e.state = EvaluationState::kFinal;
  return e;
}

bool InValidity(const Evaluation& e, Date d) {
  return InForce(e.state) && e.valid_from && e.valid_to && *e.valid_from <= d && d <= *e.valid_to;
}

std::optional<Reason> DowngradeTrigger(const GradeEvent& ev) {
  switch (ev.kind) {
    case GradeEventKind::kAnnualConclusion:
      if (ev.conclusion == Conclusion::kFail) return Reason{"RT-09", "annual inspection 不合格"};
      if (ev.conclusion == Conclusion::kBasicPass &&
          ev.previous_conclusion == Conclusion::kBasicPass) {
        return Reason{"RT-09", "annual inspection 基本合格 two years running"};
      }
      return std::nullopt;
    case GradeEventKind::kAdministrativePenalty:
      return Reason{"RT-09", "administrative penalty"};
    case GradeEventKind::kCreditListed:
    case GradeEventKind::kComplaintSubstantiated:
      return std::nullopt;
  }
  return std::nullopt;
}

bool TriggersCheckEvaluation(const GradeEvent& ev) {
  if (ev.kind == GradeEventKind::kAnnualConclusion) return ev.conclusion != Conclusion::kPass;
  return true;
}

Result<Evaluation> Downgrade(Evaluation e, const DowngradeInput& in, Date today) {
  if (!InForce(e.state)) return WrongState(e.state, "RT-09 only a grade in force is lowered");
  if (in.event.on > today) return Error::InvalidArgument("event.on", "must not be after today");
  const auto trigger = DowngradeTrigger(in.event);
  if (!trigger) return Error::InvalidArgument("event", "RT-09 this event does not lower a grade");
  if (!InValidity(e, in.event.on)) {
    return WrongState(e.state, "RT-09 the event is outside the validity " +
                                   FormatDate(*e.valid_from) + " to " + FormatDate(*e.valid_to));
  }
  if (*e.grade == Grade::k1A) {
    return WrongState(e.state, "RT-09 1A is the lowest grade; cancel the rating instead");
  }
  const Grade from = *e.grade;
  e.grade = static_cast<Grade>(static_cast<int>(from) - 1);
  e.adjustments.push_back({trigger->rule, trigger->text + ": " + std::string(GradeName(from)) +
                                              " → " + std::string(GradeName(*e.grade))});
  e.state = EvaluationState::kDowngraded;
  return e;
}

Result<Evaluation> RecordFollowUp(Evaluation e, const FollowUpInput& in, Date today) {
  if (!InForce(e.state)) {
    return WrongState(e.state, "RT-10 follow-up evaluations concern a grade in force");
  }
  if (in.in_force != RulesRevision::k2026) {
    return WrongState(e.state, "RT-10 tracking and check evaluations come with the 2026 revision");
  }
  if (!InValidity(e, today)) {
    return WrongState(e.state, "RT-10 the rating is not within its validity");
  }
  auto total = TotalScore(in.scores, e.round.maxima);
  if (!total) return total.error();
  const Grade found = GradeFor(*total, e.round.thresholds);
  const std::string what = std::string(in.kind == FollowUpKind::kTracking ? "tracking" : "check") +
                           " evaluation scored " + std::to_string(*total) + ": ";
  if (found < *e.grade) {
    e.adjustments.push_back(
        {"RT-10", what + std::string(GradeName(*e.grade)) + " → " + std::string(GradeName(found))});
    e.grade = found;
    e.state = EvaluationState::kDowngraded;
  } else {
    e.adjustments.push_back({"RT-10", what + std::string(GradeName(*e.grade)) + " confirmed"});
  }
  return e;
}

std::vector<std::string> TrackingPopulation(const std::vector<Evaluation>& evaluations,
                                            Date as_of) {
  std::set<std::string> ids;
  for (const Evaluation& e : evaluations) {
    if (InValidity(e, as_of) && e.grade && *e.grade >= Grade::k4A) ids.insert(e.organization_id);
  }
  return {ids.begin(), ids.end()};
}

Result<Evaluation> Cancel(Evaluation e, const CancelInput& in, Date /*today*/) {
  if (!InForce(e.state)) return WrongState(e.state, "RT-09 only a grade in force is cancelled");
  switch (in.reason) {
    case CancelReason::kSeriousViolation:
      e.adjustments.push_back({"RT-09", "cancelled: serious violation"});
      break;
    case CancelReason::kCreditListed:
      e.adjustments.push_back({"CR-09", "cancelled: on a credit list"});
      break;
    case CancelReason::kOrganizationTerminated:
      e.adjustments.push_back({"RT-09", "cancelled: the organization was revoked or deregistered"});
      break;
  }
  e.state = EvaluationState::kCancelled;
  return e;
}

Result<Evaluation> Expire(Evaluation e, const ExpireInput&, Date today) {
  if (!InForce(e.state)) return WrongState(e.state, "RT-05 only a grade in force expires");
  if (today <= *e.valid_to) {
    return WrongState(e.state, "RT-05 valid until " + FormatDate(*e.valid_to));
  }
  e.state = EvaluationState::kExpired;
  return e;
}

Result<Evaluation> Supersede(Evaluation e, const SupersedeInput& in, Date today) {
  if (!InForce(e.state)) {
    return WrongState(e.state, "RT-04 only a grade in force is replaced by a re-evaluation");
  }
  if (in.successor_round_id.empty()) {
    return Error::InvalidArgument("successor_round_id", "required");
  }
  if (in.successor_announced_on < *e.announced_on || in.successor_announced_on > today) {
    return Error::InvalidArgument("successor_announced_on",
                                  "must be between this announcement and today");
  }
  e.adjustments.push_back(
      {"RT-04", "replaced by the re-evaluation of round " + in.successor_round_id.substr(0, 64)});
  e.state = EvaluationState::kReEvaluated;
  return e;
}

std::optional<PublishedRating> PublishedFact(const Evaluation& e) {
  if (!e.announced_on || !e.grade) return std::nullopt;
  return PublishedRating{e.organization_id,
                         e.round.jurisdiction,
                         e.round.id,
                         *e.grade,
                         e.total_score,
                         *e.announced_on,
                         {*e.valid_from, *e.valid_to},
                         e.state,
                         InForce(e.state) && GetsCertificateAndPlaque(*e.grade)};
}

}  // namespace socgov::supervision
