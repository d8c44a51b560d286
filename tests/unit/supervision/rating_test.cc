#include "supervision/domain/rating.h"

#include <gtest/gtest.h>

#include <functional>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

bool StartsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

Round Chanhe(RulesRevision revision = RulesRevision::k2026) {
  Round r;
  r.id = "2026-chanhe";
  r.year = 2026;
  r.jurisdiction = "410303";
  r.applications_open = D("2026-06-01");
  r.applications_close = D("2026-06-30");
  r.revision = revision;
  r.maxima = {100, 300, 400, 200, 50};
  return r;
}

DimensionScores Scoring(int total) {  // a valid split of `total` (≤ 1000) over the dimensions
  DimensionScores s;
  s.performance = std::min(total, 400);
  total -= s.performance;
  s.internal_governance = std::min(total, 300);
  total -= s.internal_governance;
  s.social_evaluation = std::min(total, 200);
  total -= s.social_evaluation;
  s.basic_conditions = std::min(total, 100);
  return s;
}

EligibilityFacts Seasoned() {
  EligibilityFacts f;
  f.registered_on = D("2015-04-01");
  return f;
}

Evaluation Applied(const Round& round = Chanhe()) {
  return *Apply(round, {"org-1", OrgKind::kSocialGroup}, D("2026-06-10"));
}

Evaluation InPublicity(int score, const Round& round = Chanhe()) {
  auto e = BeginEligibilityCheck(Applied(round), {}, D("2026-06-11"));
  e = DecideEligibility(*e, {Seasoned()}, D("2026-06-12"));
  e = SubmitSelfAssessment(*e, {Scoring(score)}, D("2026-07-01"));
  e = RecordPreliminaryScore(*e, {Scoring(score)}, D("2026-09-01"));
  e = DecideByCommittee(*e, {}, D("2026-10-10"));
  e = StartPublicity(*e, {D("2026-10-20")}, D("2026-10-14"));
  return *e;
}

Evaluation Announced(int score, const char* on = "2026-10-21",
                     RulesRevision revision = RulesRevision::k2026) {
  return *Announce(InPublicity(score, Chanhe(revision)), {}, D(on));
}

TEST(Rating, Rt01FiveGradesAndCertificateFrom3A) {
  EXPECT_EQ(GradeName(Grade::k5A), "5A");
  EXPECT_EQ(GradeName(Grade::k1A), "1A");
  EXPECT_TRUE(GetsCertificateAndPlaque(Grade::k5A));
  EXPECT_TRUE(GetsCertificateAndPlaque(Grade::k3A));
  EXPECT_FALSE(GetsCertificateAndPlaque(Grade::k2A));
  EXPECT_FALSE(GetsCertificateAndPlaque(Grade::k1A));
}

TEST(Rating, Rt02Rt06Rt08FullRoundToAnnouncedGrade) {
  auto e = Applied();
  EXPECT_EQ(e.state, EvaluationState::kApplied);
  e = *BeginEligibilityCheck(e, {}, D("2026-06-11"));
  EXPECT_EQ(e.state, EvaluationState::kEligibilityCheck);
  e = *DecideEligibility(e, {Seasoned()}, D("2026-06-12"));
  EXPECT_EQ(e.state, EvaluationState::kSelfAssessment);
  e = *SubmitSelfAssessment(e, {Scoring(950)}, D("2026-07-01"));
  EXPECT_EQ(e.state, EvaluationState::kOnSite);
  e = *RecordPreliminaryScore(e, {Scoring(905)}, D("2026-09-01"));
  EXPECT_EQ(e.state, EvaluationState::kPrelimScore);
  EXPECT_EQ(e.total_score, 905);
  EXPECT_EQ(e.grade, Grade::k5A);
  e = *DecideByCommittee(e, {Scoring(899)}, D("2026-10-10"));
  EXPECT_EQ(e.state, EvaluationState::kCommitteeDecision);
  EXPECT_EQ(e.grade, Grade::k4A);
  e = *StartPublicity(e, {D("2026-10-20")}, D("2026-10-14"));
  EXPECT_EQ(e.state, EvaluationState::kPublicity);
  e = *Announce(e, {}, D("2026-10-21"));
  EXPECT_EQ(e.state, EvaluationState::kFinal);
  EXPECT_EQ(e.announced_on, D("2026-10-21"));
  EXPECT_EQ(e.valid_from, D("2027-01-01"));
  EXPECT_EQ(e.valid_to, D("2031-12-31"));
}

TEST(Rating, Rt02ApplicationsOnlyInTheRoundWindow) {
  EXPECT_TRUE(Apply(Chanhe(), {"org-1", OrgKind::kSocialGroup}, D("2026-06-01")).ok());
  EXPECT_TRUE(Apply(Chanhe(), {"org-1", OrgKind::kSocialGroup}, D("2026-06-30")).ok());
  const auto late = Apply(Chanhe(), {"org-1", OrgKind::kSocialGroup}, D("2026-07-01"));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(StartsWith(late.error().message, "state ANNOUNCED_ROUND: RT-02"));
  const auto no_org = Apply(Chanhe(), {"", OrgKind::kSocialGroup}, D("2026-06-10"));
  ASSERT_FALSE(no_org.ok());
  EXPECT_EQ(no_org.error().message, "organization_id: required");
}

TEST(Rating, Rt02NeverRatedNeedsTwoFullYearsBySeniorityDay) {
  EligibilityFacts f;
  f.registered_on = D("2023-12-31");
  EXPECT_TRUE(AssessEligibility(Chanhe(), f, D("2026-06-10")).reasons.empty());
  f.registered_on = D("2024-01-01");
  const auto r = AssessEligibility(Chanhe(), f, D("2026-06-10")).reasons;
  EXPECT_EQ(r, (std::vector<Reason>{{"RT-02", "not registered 2 full years by 2025-12-31"}}));
  Round own_day = Chanhe();
  own_day.seniority_as_of = D("2026-06-30");
  f.registered_on = D("2024-06-30");
  EXPECT_TRUE(AssessEligibility(own_day, f, D("2026-06-10")).reasons.empty());
}

TEST(Rating, Rt02IneligibleApplicationStopsWithReasons) {
  auto e = *BeginEligibilityCheck(Applied(), {}, D("2026-06-11"));
  EligibilityFacts f = Seasoned();
  f.took_part_in_last_annual_inspection = false;
  e = *DecideEligibility(e, {f}, D("2026-06-12"));
  EXPECT_EQ(e.state, EvaluationState::kIneligible);
  EXPECT_EQ(e.ineligibility,
            (std::vector<Reason>{{"RT-03", "did not take part in last year's annual inspection"}}));
  const auto again = SubmitSelfAssessment(e, {Scoring(900)}, D("2026-07-01"));
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(StartsWith(again.error().message, "state INELIGIBLE: RT-07"));
}

TEST(Rating, Rt02ExpiredRatingMayApplyAgainValidOneMayNot2010) {
  EligibilityFacts f = Seasoned();
  f.prior = PriorRating{Grade::k3A, D("2021-06-15"), D("2021-06-15"), D("2026-06-15")};
  const Round old = Chanhe(RulesRevision::k2010);
  const auto valid = AssessEligibility(old, f, D("2026-06-15"));
  EXPECT_EQ(valid.reasons,
            (std::vector<Reason>{{"RT-02", "current rating valid until 2026-06-15"}}));
  const auto expired = AssessEligibility(old, f, D("2026-06-16"));
  EXPECT_TRUE(expired.reasons.empty());
  EXPECT_FALSE(expired.re_evaluation);
}

TEST(Rating, Rt02LocalUpgradeTwoYearsAfterTheLastEvaluation2010) {
  Round old = Chanhe(RulesRevision::k2010);
  old.local_upgrade_after_two_years = true;
  EligibilityFacts f = Seasoned();
  f.prior = PriorRating{Grade::k3A, D("2024-06-11"), D("2024-06-11"), D("2029-06-11")};
  EXPECT_FALSE(AssessEligibility(old, f, D("2026-06-10")).reasons.empty());
  const auto two_years = AssessEligibility(old, f, D("2026-06-11"));
  EXPECT_TRUE(two_years.reasons.empty());
  EXPECT_TRUE(two_years.re_evaluation);
  old.local_upgrade_after_two_years = false;
  EXPECT_FALSE(AssessEligibility(old, f, D("2026-06-11")).reasons.empty());
}

TEST(Rating, Rt03OldExclusionsEachWithItsReason) {
  EligibilityFacts f = Seasoned();
  f.took_part_in_last_annual_inspection = false;
  f.conclusion_last_year = Conclusion::kFail;
  f.penalized_last_year = true;
  f.penalties_last_year_minor_only = true;
  f.penalty_unexecuted = true;
  f.under_investigation = true;
  f.credit_list = CreditList::kAbnormal;
  const auto r = AssessEligibility(Chanhe(RulesRevision::k2010), f, D("2026-06-10")).reasons;
  ASSERT_EQ(r.size(), 6u);
  for (const auto& reason : r) EXPECT_EQ(reason.rule, "RT-03");
  EXPECT_EQ(r[1].text, "last year's annual inspection 不合格");
  EXPECT_EQ(r[2].text, "administrative penalty last year");
  EXPECT_EQ(r[4].text, "under investigation");

  EligibilityFacts twice = Seasoned();
  twice.conclusion_last_year = Conclusion::kBasicPass;
  twice.conclusion_year_before = Conclusion::kBasicPass;
  EXPECT_EQ(AssessEligibility(Chanhe(RulesRevision::k2010), twice, D("2026-06-10")).reasons,
            (std::vector<Reason>{{"RT-03", "annual inspection 基本合格 two years running"}}));
  twice.conclusion_year_before = Conclusion::kPass;
  EXPECT_TRUE(
      AssessEligibility(Chanhe(RulesRevision::k2010), twice, D("2026-06-10")).reasons.empty());
}

TEST(Rating, Rt04RevisionDropsFailedInspectionInvestigationAndMinorPenalties) {
  EligibilityFacts f = Seasoned();
  f.conclusion_last_year = Conclusion::kBasicPass;
  f.conclusion_year_before = Conclusion::kBasicPass;
  f.under_investigation = true;
  f.penalized_last_year = true;
  f.penalties_last_year_minor_only = true;
  EXPECT_TRUE(AssessEligibility(Chanhe(), f, D("2026-06-10")).reasons.empty());
  f.conclusion_last_year = Conclusion::kFail;
  EXPECT_TRUE(AssessEligibility(Chanhe(), f, D("2026-06-10")).reasons.empty());
  // Still excluded: a serious penalty, an unexecuted one, a credit listing.
  f.penalties_last_year_minor_only = false;
  f.penalty_unexecuted = true;
  f.credit_list = CreditList::kSerious;
  const auto r = AssessEligibility(Chanhe(), f, D("2026-06-10")).reasons;
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].text, "administrative penalty last year");
  EXPECT_EQ(r[1].text, "administrative penalty not yet executed");
  EXPECT_EQ(r[2].text, "on the SERIOUS list");
  EXPECT_EQ(RevisionInForce(D("2026-02-28")), RulesRevision::k2010);
  EXPECT_EQ(RevisionInForce(D("2026-03-01")), RulesRevision::k2026);
}

TEST(Rating, Rt04ReEvaluationInFirstFourYearsSimplifiedInFirstTwo) {
  EligibilityFacts f = Seasoned();
  f.prior = PriorRating{Grade::k3A, D("2022-11-01"), D("2023-01-01"), D("2027-12-31")};
  auto r = AssessEligibility(Chanhe(), f, D("2024-12-31"));
  EXPECT_TRUE(r.reasons.empty());
  EXPECT_TRUE(r.re_evaluation);
  EXPECT_TRUE(r.simplified_on_site);
  r = AssessEligibility(Chanhe(), f, D("2025-01-01"));
  EXPECT_TRUE(r.re_evaluation);
  EXPECT_FALSE(r.simplified_on_site);
  r = AssessEligibility(Chanhe(), f, D("2026-12-31"));
  EXPECT_TRUE(r.reasons.empty());
  r = AssessEligibility(Chanhe(), f, D("2027-01-01"));
  EXPECT_EQ(r.reasons, (std::vector<Reason>{{"RT-04",
                                             "re-evaluation only in the first 4 years of "
                                             "validity, which ended 2026-12-31"}}));
}

TEST(Rating, Rt04ReEvaluationReplacesTheOldRating) {
  auto old = Announced(820);
  const auto next = Supersede(old, {"2028-chanhe", D("2028-10-20")}, D("2028-10-21"));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->state, EvaluationState::kReEvaluated);
  EXPECT_EQ(next->adjustments.back().rule, "RT-04");
  const auto bad = Supersede(old, {"2028-chanhe", D("2028-10-22")}, D("2028-10-21"));
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(StartsWith(bad.error().message, "successor_announced_on:"));
  const auto twice = Supersede(*next, {"2029-chanhe", D("2029-10-20")}, D("2029-10-21"));
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(StartsWith(twice.error().message, "state RE_EVALUATED: RT-04"));
}

TEST(Rating, Rt05ValidityFromJanuaryFirstAfterAnnouncement2026) {
  EXPECT_EQ(ValidityFor(RulesRevision::k2026, D("2026-12-31")),
            (Validity{D("2027-01-01"), D("2031-12-31")}));
  EXPECT_EQ(ValidityFor(RulesRevision::k2026, D("2026-03-01")),
            (Validity{D("2027-01-01"), D("2031-12-31")}));
  EXPECT_EQ(ValidityFor(RulesRevision::k2026, D("2027-01-01")),
            (Validity{D("2028-01-01"), D("2032-12-31")}));
}

TEST(Rating, Rt05ValidityFiveYearsFromAnnouncement2010) {
  EXPECT_EQ(ValidityFor(RulesRevision::k2010, D("2020-06-15")),
            (Validity{D("2020-06-15"), D("2025-06-15")}));
  // No Feb 29 in 2029: the period ends on the month's last day.
  EXPECT_EQ(ValidityFor(RulesRevision::k2010, D("2024-02-29")),
            (Validity{D("2024-02-29"), D("2029-02-28")}));
  const auto e = Announced(820, "2026-12-01", RulesRevision::k2010);
  EXPECT_EQ(e.valid_from, D("2026-12-01"));
  EXPECT_EQ(e.valid_to, D("2031-12-01"));
}

TEST(Rating, Rt05ExpiresOnlyAfterTheLastDay) {
  const auto e = Announced(820);  // valid 2027-01-01 .. 2031-12-31
  EXPECT_TRUE(InValidity(e, D("2031-12-31")));
  EXPECT_FALSE(InValidity(e, D("2026-12-31")));
  const auto early = Expire(e, {}, D("2031-12-31"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().message, "state FINAL: RT-05 valid until 2031-12-31");
  const auto expired = Expire(e, {}, D("2032-01-01"));
  ASSERT_TRUE(expired.ok());
  EXPECT_EQ(expired->state, EvaluationState::kExpired);
  EXPECT_FALSE(InValidity(*expired, D("2031-12-31")));
  const auto again = Expire(*expired, {}, D("2032-01-02"));
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(StartsWith(again.error().message, "state EXPIRED: RT-05"));
}

TEST(Rating, Rt06ChanheThresholdBoundaries) {
  const GradeThresholds chanhe;
  EXPECT_EQ(GradeFor(1000, chanhe), Grade::k5A);
  EXPECT_EQ(GradeFor(900, chanhe), Grade::k5A);
  EXPECT_EQ(GradeFor(899, chanhe), Grade::k4A);
  EXPECT_EQ(GradeFor(800, chanhe), Grade::k4A);
  EXPECT_EQ(GradeFor(799, chanhe), Grade::k3A);
  EXPECT_EQ(GradeFor(700, chanhe), Grade::k3A);
  EXPECT_EQ(GradeFor(699, chanhe), Grade::k2A);
  EXPECT_EQ(GradeFor(600, chanhe), Grade::k2A);
  EXPECT_EQ(GradeFor(599, chanhe), Grade::k1A);
  EXPECT_EQ(GradeFor(0, chanhe), Grade::k1A);
  EXPECT_EQ(InPublicity(900).grade, Grade::k5A);
  EXPECT_EQ(InPublicity(899).grade, Grade::k4A);
}

TEST(Rating, Rt06ThresholdsArePerJurisdiction) {
  const GradeThresholds anqing{950, 901, 800, 700};
  EXPECT_FALSE(ValidateThresholds(anqing));
  EXPECT_EQ(GradeFor(950, anqing), Grade::k5A);
  EXPECT_EQ(GradeFor(949, anqing), Grade::k4A);
  EXPECT_EQ(GradeFor(901, anqing), Grade::k4A);
  EXPECT_EQ(GradeFor(900, anqing), Grade::k3A);
  Round r = Chanhe();
  r.thresholds = anqing;
  EXPECT_EQ(InPublicity(940, r).grade, Grade::k4A);
}

TEST(Rating, Rt06ThresholdsStrictlyDescendingWithin0To1000) {
  EXPECT_FALSE(ValidateThresholds({}));
  auto bad = ValidateThresholds({900, 900, 700, 600});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->message, "thresholds.four_a: must be below five_a");
  bad = ValidateThresholds({1001, 800, 700, 600});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->message, "thresholds.five_a: must be within 0..1000");
  bad = ValidateThresholds({900, 800, 700, -1});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->message, "thresholds.two_a: must be within 0..1000");
  bad = ValidateThresholds({900, 800, 600, 700});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->message, "thresholds.two_a: must be below three_a");
  Round r = Chanhe();
  r.thresholds = {900, 950, 700, 600};
  const auto refused = Apply(r, {"org-1", OrgKind::kSocialGroup}, D("2026-06-10"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "round.thresholds.four_a: must be below five_a");
}

TEST(Rating, Rt07ScoresWithinEachDimensionsMaximum) {
  const DimensionScores maxima{100, 300, 400, 200, 50};
  EXPECT_EQ(*TotalScore({100, 300, 400, 200, 0}, maxima), 1000);
  EXPECT_EQ(*TotalScore({90, 250, 380, 150, 40}, maxima), 910);
  auto bad = TotalScore({101, 0, 0, 0, 0}, maxima);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "scores.basic_conditions: exceeds the round's maximum of 100");
  bad = TotalScore({0, 0, 0, -1, 0}, maxima);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "scores.social_evaluation: must not be negative");
  bad = TotalScore({100, 300, 400, 190, 11}, maxima);  // 1001 with the bonus
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "scores: total exceeds 1000");
  const auto e = RecordPreliminaryScore(
      *SubmitSelfAssessment(
          *DecideEligibility(*BeginEligibilityCheck(Applied(), {}, D("2026-06-11")), {Seasoned()},
                             D("2026-06-12")),
          {Scoring(700)}, D("2026-07-01")),
      {{0, 301, 0, 0, 0}}, D("2026-09-01"));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(StartsWith(e.error().message, "scores.internal_governance:"));
}

TEST(Rating, Rt07MaximaAreARoundSettingAddingUpTo1000) {
  EXPECT_FALSE(ValidateMaxima({60, 370, 420, 150, 30}));
  auto bad = ValidateMaxima({60, 370, 420, 140, 30});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->message, "maxima: the four content dimensions must add up to 1000");
  bad = ValidateMaxima({-1, 371, 420, 150, 0});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->message, "maxima.basic_conditions: must not be negative");
  Round r = Chanhe();
  r.maxima.bonus = -5;
  EXPECT_EQ(ValidateRound(r)->message, "round.maxima.bonus: must not be negative");
}

TEST(Rating, Rt07PerformanceIsBusinessActivityForPrivateNonEnterprises) {
  EXPECT_EQ(DimensionName(Dimension::kPerformance, OrgKind::kSocialGroup), "工作绩效");
  EXPECT_EQ(DimensionName(Dimension::kPerformance, OrgKind::kFoundation), "工作绩效");
  EXPECT_EQ(DimensionName(Dimension::kPerformance, OrgKind::kPrivateNonEnterprise),
            "业务活动和诚信建设");
  EXPECT_EQ(DimensionName(Dimension::kBonus, OrgKind::kSocialGroup), "附加项");
}

TEST(Rating, Rt08AppealOnlyDuringPublicity) {
  const auto e = InPublicity(820);  // publicity 2026-10-14 .. 2026-10-20
  const auto first_day = AppealRating(e, {}, D("2026-10-14"));
  ASSERT_TRUE(first_day.ok());
  EXPECT_EQ(first_day->state, EvaluationState::kAppealed);
  EXPECT_TRUE(AppealRating(e, {}, D("2026-10-20")).ok());
  const auto late = AppealRating(e, {}, D("2026-10-21"));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().message, "state PUBLICITY: RT-08 publicity runs 2026-10-14 to 2026-10-20");
  const auto on_site =
      AppealRating(*DecideEligibility(*BeginEligibilityCheck(Applied(), {}, D("2026-06-11")),
                                      {Seasoned()}, D("2026-06-12")),
                   {}, D("2026-06-13"));
  ASSERT_FALSE(on_site.ok());
  EXPECT_EQ(on_site.error().message,
            "state SELF_ASSESSMENT: RT-08 an appeal is possible only during publicity");
  const auto twice = AppealRating(*first_day, {}, D("2026-10-15"));
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(StartsWith(twice.error().message, "state APPEALED: RT-08"));
}

TEST(Rating, Rt08ReviewDecisionWithin15Days) {
  const auto e = *AppealRating(InPublicity(820), {}, D("2026-10-16"));
  EXPECT_EQ(AppealReviewDeadline(D("2026-10-16")), D("2026-10-31"));
  EXPECT_EQ(PendingAppealDeadline(e), D("2026-10-31"));
  EXPECT_FALSE(AppealReviewOverdue(e, D("2026-10-31")));
  EXPECT_TRUE(AppealReviewOverdue(e, D("2026-11-01")));
  EXPECT_FALSE(PendingAppealDeadline(InPublicity(820)));
  // Announcing waits for the re-review.
  const auto announce = Announce(e, {}, D("2026-10-25"));
  ASSERT_FALSE(announce.ok());
  EXPECT_TRUE(StartsWith(announce.error().message, "state APPEALED: RT-08"));
  const auto reviewed =
      ReReview(e, {ReviewBody::kEvaluationCommittee, 0, 0, Scoring(905)}, D("2026-10-30"));
  ASSERT_TRUE(reviewed.ok());
  EXPECT_EQ(reviewed->state, EvaluationState::kReReviewed);
  EXPECT_EQ(reviewed->grade, Grade::k5A);
  EXPECT_FALSE(PendingAppealDeadline(*reviewed));
  const auto final_grade = Announce(*reviewed, {}, D("2026-11-02"));
  ASSERT_TRUE(final_grade.ok());
  EXPECT_EQ(final_grade->state, EvaluationState::kFinal);
  EXPECT_EQ(final_grade->total_score, 905);
}

TEST(Rating, Rt08ReviewCommitteeAbolishedIn2026) {
  EXPECT_EQ(ReviewBodyFor(RulesRevision::k2026), ReviewBody::kEvaluationCommittee);
  EXPECT_EQ(ReviewBodyFor(RulesRevision::k2010), ReviewBody::kReviewCommittee);
  const auto e = *AppealRating(InPublicity(820), {}, D("2026-10-16"));
  const auto wrong =
      ReReview(e, {ReviewBody::kReviewCommittee, 3, 5, std::nullopt}, D("2026-10-20"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(
      StartsWith(wrong.error().message, "body: RT-08 2026: the review committee is abolished"));
  const auto upheld =
      ReReview(e, {ReviewBody::kEvaluationCommittee, 0, 0, std::nullopt}, D("2026-10-20"));
  ASSERT_TRUE(upheld.ok());
  EXPECT_EQ(upheld->grade, Grade::k4A);
}

TEST(Rating, Rt08ReviewCommitteeDecidesByMajority2010) {
  const auto e = *AppealRating(InPublicity(820, Chanhe(RulesRevision::k2010)), {}, D("2026-10-16"));
  const auto tie = ReReview(e, {ReviewBody::kReviewCommittee, 2, 4, std::nullopt}, D("2026-10-20"));
  ASSERT_FALSE(tie.ok());
  EXPECT_EQ(tie.error().message,
            "state APPEALED: RT-08 the review decision needs a majority of the votes cast");
  EXPECT_TRUE(
      ReReview(e, {ReviewBody::kReviewCommittee, 3, 5, std::nullopt}, D("2026-10-20")).ok());
  const auto bad_votes =
      ReReview(e, {ReviewBody::kReviewCommittee, 6, 5, std::nullopt}, D("2026-10-20"));
  ASSERT_FALSE(bad_votes.ok());
  EXPECT_TRUE(StartsWith(bad_votes.error().message, "votes_for:"));
  const auto new_body =
      ReReview(e, {ReviewBody::kEvaluationCommittee, 3, 5, std::nullopt}, D("2026-10-20"));
  ASSERT_FALSE(new_body.ok());
  EXPECT_TRUE(StartsWith(new_body.error().message, "body: RT-08 2010"));
}

TEST(Rating, Rt08AnnounceOnlyAfterPublicityEnds) {
  const auto e = InPublicity(820);
  const auto during = Announce(e, {}, D("2026-10-20"));
  ASSERT_FALSE(during.ok());
  EXPECT_EQ(during.error().message, "state PUBLICITY: RT-08 publicity runs until 2026-10-20");
  EXPECT_TRUE(Announce(e, {}, D("2026-10-21")).ok());
  const auto bad_until = StartPublicity(
      *DecideByCommittee(
          *RecordPreliminaryScore(
              *SubmitSelfAssessment(
                  *DecideEligibility(*BeginEligibilityCheck(Applied(), {}, D("2026-06-11")),
                                     {Seasoned()}, D("2026-06-12")),
                  {Scoring(820)}, D("2026-07-01")),
              {Scoring(820)}, D("2026-09-01")),
          {}, D("2026-10-10")),
      {D("2026-10-13")}, D("2026-10-14"));
  ASSERT_FALSE(bad_until.ok());
  EXPECT_EQ(bad_until.error().message, "until: must not be before today");
}

TEST(Rating, Rt09WhichEventsLowerTheGrade) {
  const Date on = D("2028-05-31");
  EXPECT_EQ(
      DowngradeTrigger({GradeEventKind::kAnnualConclusion, on, Conclusion::kFail, std::nullopt}),
      (Reason{"RT-09", "annual inspection 不合格"}));
  EXPECT_TRUE(DowngradeTrigger(
      {GradeEventKind::kAnnualConclusion, on, Conclusion::kBasicPass, Conclusion::kBasicPass}));
  EXPECT_FALSE(DowngradeTrigger(
      {GradeEventKind::kAnnualConclusion, on, Conclusion::kBasicPass, Conclusion::kPass}));
  EXPECT_FALSE(DowngradeTrigger(
      {GradeEventKind::kAnnualConclusion, on, Conclusion::kBasicPass, std::nullopt}));
  EXPECT_FALSE(
      DowngradeTrigger({GradeEventKind::kAnnualConclusion, on, Conclusion::kPass, std::nullopt}));
  EXPECT_TRUE(DowngradeTrigger({GradeEventKind::kAdministrativePenalty, on, {}, std::nullopt}));
  EXPECT_FALSE(DowngradeTrigger({GradeEventKind::kCreditListed, on, {}, std::nullopt}));
  EXPECT_FALSE(DowngradeTrigger({GradeEventKind::kComplaintSubstantiated, on, {}, std::nullopt}));
}

TEST(Rating, Rt09DowngradeOneGradeWithinValidity) {
  const auto e = Announced(905);  // 5A, valid 2027-01-01 .. 2031-12-31
  const GradeEvent penalty{
      GradeEventKind::kAdministrativePenalty, D("2028-03-01"), {}, std::nullopt};
  auto down = Downgrade(e, {penalty}, D("2028-03-02"));
  ASSERT_TRUE(down.ok());
  EXPECT_EQ(down->state, EvaluationState::kDowngraded);
  EXPECT_EQ(down->grade, Grade::k4A);
  EXPECT_EQ(down->adjustments.back(), (Reason{"RT-09", "administrative penalty: 5A → 4A"}));
  down = Downgrade(*down, {penalty}, D("2028-03-02"));
  EXPECT_EQ(down->grade, Grade::k3A);
  // Before validity starts (the rest of the announcement year) and after it ends: refused.
  const GradeEvent early{GradeEventKind::kAdministrativePenalty, D("2026-12-31"), {}, std::nullopt};
  const auto outside = Downgrade(e, {early}, D("2027-01-02"));
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().message,
            "state FINAL: RT-09 the event is outside the validity 2027-01-01 to 2031-12-31");
  const GradeEvent pass{GradeEventKind::kAnnualConclusion, D("2028-05-31"), Conclusion::kPass,
                        std::nullopt};
  const auto no_trigger = Downgrade(e, {pass}, D("2028-06-01"));
  ASSERT_FALSE(no_trigger.ok());
  EXPECT_EQ(no_trigger.error().code, ErrorCode::kInvalidArgument);
  const auto future = Downgrade(e, {penalty}, D("2028-02-28"));
  ASSERT_FALSE(future.ok());
  EXPECT_TRUE(StartsWith(future.error().message, "event.on:"));
}

TEST(Rating, Rt09OneAIsNotLoweredAndWrongStateRefused) {
  const auto e = Announced(500);
  ASSERT_EQ(e.grade, Grade::k1A);
  const GradeEvent penalty{
      GradeEventKind::kAdministrativePenalty, D("2028-03-01"), {}, std::nullopt};
  const auto lowest = Downgrade(e, {penalty}, D("2028-03-02"));
  ASSERT_FALSE(lowest.ok());
  EXPECT_TRUE(StartsWith(lowest.error().message, "state FINAL: RT-09 1A is the lowest grade"));
  const auto in_publicity = Downgrade(InPublicity(905), {penalty}, D("2028-03-02"));
  ASSERT_FALSE(in_publicity.ok());
  EXPECT_EQ(in_publicity.error().message,
            "state PUBLICITY: RT-09 only a grade in force is lowered");
}

TEST(Rating, Rt09Cr09CancelledRatingIsNoLongerInForce) {
  const auto e = Cancel(Announced(905), {CancelReason::kCreditListed}, D("2028-03-02"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->state, EvaluationState::kCancelled);
  EXPECT_EQ(e->adjustments.back().rule, "CR-09");
  EXPECT_FALSE(InValidity(*e, D("2028-03-02")));
  const auto again = Cancel(*e, {CancelReason::kSeriousViolation}, D("2028-03-03"));
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(StartsWith(again.error().message, "state CANCELLED: RT-09"));
}

TEST(Rating, Rt10CheckEvaluationLowersButNeverRaisesTheGrade) {
  const auto e = Announced(905);
  auto checked = RecordFollowUp(e, {FollowUpKind::kCheck, RulesRevision::k2026, Scoring(850)},
                                D("2028-03-02"));
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(checked->state, EvaluationState::kDowngraded);
  EXPECT_EQ(checked->grade, Grade::k4A);
  EXPECT_EQ(checked->adjustments.back(), (Reason{"RT-10", "check evaluation scored 850: 5A → 4A"}));
  checked = RecordFollowUp(*checked, {FollowUpKind::kTracking, RulesRevision::k2026, Scoring(990)},
                           D("2029-03-02"));
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(checked->grade, Grade::k4A);
  EXPECT_EQ(checked->adjustments.back().text, "tracking evaluation scored 990: 4A confirmed");
  const auto old_rules = RecordFollowUp(
      e, {FollowUpKind::kCheck, RulesRevision::k2010, Scoring(850)}, D("2028-03-02"));
  ASSERT_FALSE(old_rules.ok());
  EXPECT_TRUE(StartsWith(old_rules.error().message, "state FINAL: RT-10"));
  const auto bad_scores = RecordFollowUp(
      e, {FollowUpKind::kCheck, RulesRevision::k2026, {0, 0, 401, 0, 0}}, D("2028-03-02"));
  ASSERT_FALSE(bad_scores.ok());
  EXPECT_TRUE(StartsWith(bad_scores.error().message, "scores.performance:"));
}

TEST(Rating, Rt10TriggersOfACheckEvaluation) {
  const Date on = D("2028-05-31");
  EXPECT_TRUE(TriggersCheckEvaluation(
      {GradeEventKind::kAnnualConclusion, on, Conclusion::kBasicPass, std::nullopt}));
  EXPECT_FALSE(TriggersCheckEvaluation(
      {GradeEventKind::kAnnualConclusion, on, Conclusion::kPass, std::nullopt}));
  EXPECT_TRUE(TriggersCheckEvaluation({GradeEventKind::kCreditListed, on, {}, std::nullopt}));
  EXPECT_TRUE(
      TriggersCheckEvaluation({GradeEventKind::kComplaintSubstantiated, on, {}, std::nullopt}));
  EXPECT_TRUE(
      TriggersCheckEvaluation({GradeEventKind::kAdministrativePenalty, on, {}, std::nullopt}));
}

TEST(Rating, Rt10TrackingSamplesFourAAndAboveInForce) {
  auto five = Announced(905);
  five.organization_id = "org-5a";
  auto four = Announced(800);
  four.organization_id = "org-4a";
  auto three = Announced(799);
  three.organization_id = "org-3a";
  auto cancelled = *Cancel(Announced(950), {CancelReason::kSeriousViolation}, D("2027-05-01"));
  cancelled.organization_id = "org-cancelled";
  const std::vector<Evaluation> all{five, three, cancelled, four, five};
  EXPECT_EQ(TrackingPopulation(all, D("2028-01-01")),
            (std::vector<std::string>{"org-4a", "org-5a"}));
  EXPECT_TRUE(TrackingPopulation(all, D("2026-12-31")).empty());  // not yet valid
  EXPECT_TRUE(TrackingPopulation(all, D("2032-01-01")).empty());  // expired
}

TEST(Rating, Rt11PublishedFactOnlyOnceAnnounced) {
  EXPECT_FALSE(PublishedFact(InPublicity(905)));
  const auto fact = PublishedFact(Announced(905));
  ASSERT_TRUE(fact);
  EXPECT_EQ(fact->organization_id, "org-1");
  EXPECT_EQ(fact->jurisdiction, "410303");
  EXPECT_EQ(fact->round_id, "2026-chanhe");
  EXPECT_EQ(fact->grade, Grade::k5A);
  EXPECT_EQ(fact->total_score, 905);
  EXPECT_EQ(fact->announced_on, D("2026-10-21"));
  EXPECT_EQ(fact->validity, (Validity{D("2027-01-01"), D("2031-12-31")}));
  EXPECT_TRUE(fact->certificate_and_plaque);
  const auto expired = PublishedFact(*Expire(Announced(905), {}, D("2032-01-01")));
  ASSERT_TRUE(expired);
  EXPECT_EQ(expired->state, EvaluationState::kExpired);
  EXPECT_FALSE(expired->certificate_and_plaque);
  EXPECT_FALSE(PublishedFact(Announced(650))->certificate_and_plaque);  // 2A
}

// Every command refuses a state it does not start from, naming that state and the rule.
TEST(Rating, Rt02Rt05Rt06Rt07Rt08Rt09Rt10CommandsRefuseTheWrongState) {
  using Command = std::function<Result<Evaluation>(Evaluation)>;
  const Date today = D("2028-01-10");
  const GradeEvent penalty{
      GradeEventKind::kAdministrativePenalty, D("2028-01-09"), {}, std::nullopt};
  struct Case {
    const char* name;
    Command command;
    const char* rule;
  };
  const std::vector<Case> cases{
      {"BeginEligibilityCheck", [&](Evaluation e) { return BeginEligibilityCheck(e, {}, today); },
       "RT-02"},
      {"DecideEligibility", [&](Evaluation e) { return DecideEligibility(e, {Seasoned()}, today); },
       "RT-02"},
      {"SubmitSelfAssessment",
       [&](Evaluation e) { return SubmitSelfAssessment(e, {Scoring(800)}, today); }, "RT-07"},
      {"RecordPreliminaryScore",
       [&](Evaluation e) { return RecordPreliminaryScore(e, {Scoring(800)}, today); }, "RT-07"},
      {"DecideByCommittee", [&](Evaluation e) { return DecideByCommittee(e, {}, today); }, "RT-06"},
      {"StartPublicity", [&](Evaluation e) { return StartPublicity(e, {today}, today); }, "RT-08"},
      {"Appeal", [&](Evaluation e) { return AppealRating(e, {}, today); }, "RT-08"},
      {"ReReview",
       [&](Evaluation e) {
         return ReReview(e, {ReviewBody::kEvaluationCommittee, 0, 0, std::nullopt}, today);
       },
       "RT-08"},
      {"Announce", [&](Evaluation e) { return Announce(e, {}, today); }, "RT-08"},
      {"Downgrade", [&](Evaluation e) { return Downgrade(e, {penalty}, today); }, "RT-09"},
      {"RecordFollowUp",
       [&](Evaluation e) {
         return RecordFollowUp(e, {FollowUpKind::kCheck, RulesRevision::k2026, Scoring(800)},
                               today);
       },
       "RT-10"},
      {"Cancel", [&](Evaluation e) { return Cancel(e, {CancelReason::kCreditListed}, today); },
       "RT-09"},
      {"Expire", [&](Evaluation e) { return Expire(e, {}, today); }, "RT-05"},
      {"Supersede",
       [&](Evaluation e) {
         return Supersede(e, {"next", D("2028-01-01")}, today);
       },
       "RT-04"},
  };
  // ON_SITE is wrong for all but RecordPreliminaryScore; FINAL for all before the announcement.
  Evaluation on_site = *SubmitSelfAssessment(
      *DecideEligibility(*BeginEligibilityCheck(Applied(), {}, D("2026-06-11")), {Seasoned()},
                         D("2026-06-12")),
      {Scoring(800)}, D("2026-07-01"));
  const Evaluation final_grade = Announced(905);
  for (const auto& c : cases) {
    const bool after_announcement =
        std::string_view(c.rule) == "RT-09" || std::string_view(c.rule) == "RT-10" ||
        std::string_view(c.rule) == "RT-05" || std::string_view(c.rule) == "RT-04";
    if (std::string_view(c.name) == "RecordPreliminaryScore") {
      const auto r = c.command(final_grade);
      ASSERT_FALSE(r.ok()) << c.name;
      EXPECT_EQ(r.error().message.rfind(std::string("state FINAL: ") + c.rule, 0), 0u)
          << r.error().message;
      continue;
    }
    const auto r = c.command(on_site);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition) << c.name;
    EXPECT_EQ(r.error().message.rfind(std::string("state ON_SITE: ") + c.rule, 0), 0u)
        << c.name << ": " << r.error().message;
    if (!after_announcement) {
      const auto f = c.command(final_grade);
      ASSERT_FALSE(f.ok()) << c.name;
      EXPECT_EQ(f.error().message.rfind(std::string("state FINAL: ") + c.rule, 0), 0u)
          << c.name << ": " << f.error().message;
    }
  }
}

}  // namespace
}  // namespace socgov::supervision
