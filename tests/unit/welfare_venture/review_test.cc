#include "welfare_venture/domain/review.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "fixtures.h"

namespace socgov::welfare_venture {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace)

const Date kShortlistDay = D("2026-03-25");
const Date kAwardDay = D("2026-04-08");

VentureRound ReviewRound(ScoringScheme scheme = DefaultScheme()) {
  VentureRound r = RoundInput();
  r.scheme = std::move(scheme);
  return Advance(*PlanRound(r), RoundState::kExpertReview);
}

ScoringScheme OneCriterion() {
  ScoringScheme s;
  s.criteria = {{"all", Panel::kExpert, 1000}};
  return s;
}

ApplicationReview Review(const VentureRound& r, int experts) {
  ApplicationReview review{"app-1", "org-1", {}, {}, 0, 0};
  for (int i = 1; i <= experts; ++i) {
    review = *AssignExpert(r, review, Expert{"e" + std::to_string(i), {"org-9"}});
  }
  return review;
}

ScoreSheet Sheet(std::string judge, Panel panel, std::vector<CriterionScore> scores) {
  return ScoreSheet{std::move(judge), panel, std::move(scores)};
}

ScoreSheet ExpertSheet(std::string judge, int need, int design, int capacity) {
  return Sheet(std::move(judge), Panel::kExpert,
               {{"need", need}, {"design", design}, {"capacity", capacity}});
}

Candidate Cand(const std::string& id, std::int64_t score, Fen grant,
               const char* submitted = "2026-02-20") {
  Candidate c;
  c.application = App(id, "org-" + id);
  c.application.budget_fen = grant * 2;
  c.application.self_raised_fen = grant;
  c.application.requested_grant_fen = grant;
  c.application.personnel_cost_fen = 0;
  c.application.state = ApplicationState::kScreenedIn;
  c.application.submitted_on = D(submitted);
  c.applicant = Facts("org-" + id);
  c.score_centi = score;
  return c;
}

std::vector<std::string> AwardedIds(const AwardPlan& plan) {
  std::vector<std::string> ids;
  for (const auto& a : plan.awards) ids.push_back(a.application_id);
  return ids;
}

TEST(Review, Vc06ExpertLinkedToTheApplicantRecuses) {
  const VentureRound r = Advance(PlannedRound(), RoundState::kScreening);
  ApplicationReview review{"app-1", "org-1", {}, {}, 0, 0};
  ExpectRule(AssignExpert(r, review, Expert{"e1", {"org-5", "org-1"}}), "SCREENING", "VC-06");
  review = *AssignExpert(r, review, Expert{"e1", {"org-5"}});
  ExpectInvalid(AssignExpert(r, review, Expert{"e1", {}}), "expert_id");
  ExpectInvalid(AssignExpert(r, review, Expert{"", {}}), "expert_id");
  ExpectRule(AssignExpert(Advance(PlannedRound(), RoundState::kCallOpen), review, Expert{"e2", {}}),
             "CALL_OPEN", "VC-02");
}

TEST(Review, Vc06OnlyAnAssignedExpertScores) {
  const VentureRound r = ReviewRound();
  const ApplicationReview review = Review(r, 2);
  ExpectRule(RecordSheet(r, review, ExpertSheet("e7", 80, 80, 80)), "EXPERT_REVIEW", "VC-06");
  ExpectRule(RecordSheet(r, review, Sheet("e7", Panel::kDefence, {{"defence", 80}})),
             "EXPERT_REVIEW", "VC-06");
  EXPECT_TRUE(RecordSheet(r, review, Sheet("public-1", Panel::kPublic, {{"public", 80}})).ok());
  const auto scored = RecordSheet(r, review, ExpertSheet("e1", 80, 80, 80));
  ASSERT_TRUE(scored.ok());
  ExpectInvalid(RecordSheet(r, *scored, ExpertSheet("e1", 90, 90, 90)), "judge_id");
  ExpectRule(RecordSheet(Advance(PlannedRound(), RoundState::kScreening), review,
                         ExpertSheet("e1", 80, 80, 80)),
             "SCREENING", "VC-02");
}

TEST(Review, Vc06ScoresLieOnTheRoundsScale) {
  const VentureRound r = ReviewRound();
  const ApplicationReview review = Review(r, 1);
  ExpectInvalid(RecordSheet(r, review, ExpertSheet("e1", 101, 80, 80)), "scores.points");
  ExpectInvalid(RecordSheet(r, review, ExpertSheet("e1", -1, 80, 80)), "scores.points");
  EXPECT_TRUE(RecordSheet(r, review, ExpertSheet("e1", 100, 0, 50)).ok());
  ExpectInvalid(RecordSheet(r, review, Sheet("e1", Panel::kExpert, {{"need", 80}})), "scores");
  ExpectInvalid(RecordSheet(r, review,
                            Sheet("e1", Panel::kExpert,
                                  {{"need", 80}, {"design", 80}, {"capacity", 80}, {"public", 8}})),
                "scores");
  ExpectInvalid(
      RecordSheet(r, review,
                  Sheet("e1", Panel::kExpert, {{"need", 80}, {"need", 80}, {"design", 80}})),
      "scores");
  const VentureRound expert_only = ReviewRound(OneCriterion());
  ExpectInvalid(
      RecordSheet(expert_only, Review(expert_only, 1), Sheet("e1", Panel::kExpert, {{"x", 50}})),
      "scores");
  ExpectInvalid(
      RecordSheet(expert_only, Review(expert_only, 1), Sheet("e1", Panel::kDefence, {{"x", 50}})),
      "panel");
}

TEST(Review, Vc06AggregationWeighsEachPanelsMeanExactly) {
  const VentureRound r = ReviewRound();
  ApplicationReview review = Review(r, 3);
  for (const auto& s :
       {ExpertSheet("e1", 80, 90, 70), ExpertSheet("e2", 70, 80, 90), ExpertSheet("e3", 90, 85, 75),
        Sheet("e1", Panel::kDefence, {{"defence", 88}}),
        Sheet("e2", Panel::kDefence, {{"defence", 92}}),
        Sheet("p1", Panel::kPublic, {{"public", 75}}),
        Sheet("p2", Panel::kPublic, {{"public", 80}}),
        Sheet("p3", Panel::kPublic, {{"public", 85}}),
        Sheet("p4", Panel::kPublic, {{"public", 90}})}) {
    review = *RecordSheet(r, review, s);
  }
  // 0.2·80 + 0.25·85 + 0.15·(235/3) + 0.2·90 + 0.2·82.5 = 16 + 21.25 + 11.75 + 18 + 16.5 = 83.50.
  EXPECT_EQ(*AggregateScore(r, review), 8350);
  review = *SetBonuses(r, review, 30, 12);
  EXPECT_EQ(*AggregateScore(r, review), 8350 + 4200);
}

TEST(Review, Vc06AggregationRoundsHalfUpOnce) {
  const VentureRound r = ReviewRound(OneCriterion());
  auto score = [&](std::vector<int> points) {
    ApplicationReview review = Review(r, static_cast<int>(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i) {
      review = *RecordSheet(
          r, review, Sheet("e" + std::to_string(i + 1), Panel::kExpert, {{"all", points[i]}}));
    }
    return *AggregateScore(r, review);
  };
  EXPECT_EQ(score({80, 80, 81}), 8033);  // 80.333…
  EXPECT_EQ(score({80, 81, 81}), 8067);  // 80.666…
  // 641 / 8 = 80.125: exactly half a hundredth, rounded up.
  EXPECT_EQ(score({80, 80, 80, 80, 80, 80, 80, 81}), 8013);
  EXPECT_EQ(score({100}), 10000);
  EXPECT_EQ(score({0, 0}), 0);
}

TEST(Review, Vc06AggregationWaitsForEveryAssignedExpertAndEveryPanel) {
  const VentureRound r = ReviewRound();
  ApplicationReview review = Review(r, 2);
  review = *RecordSheet(r, review, ExpertSheet("e1", 80, 80, 80));
  ExpectRule(AggregateScore(r, review), "EXPERT_REVIEW", "VC-06 1 of 2 assigned experts");
  review = *RecordSheet(r, review, ExpertSheet("e2", 80, 80, 80));
  ExpectRule(AggregateScore(r, review), "EXPERT_REVIEW", "VC-06 no PUBLIC score sheet");
  review = *RecordSheet(r, review, Sheet("p", Panel::kPublic, {{"public", 90}}));
  ExpectRule(AggregateScore(r, review), "EXPERT_REVIEW", "VC-06 no DEFENCE score sheet");
  review = *RecordSheet(r, review, Sheet("e2", Panel::kDefence, {{"defence", 70}}));
  EXPECT_EQ(*AggregateScore(r, review), 6 * 8000 / 10 + 1400 + 1800);
  ExpectRule(AggregateScore(r, ApplicationReview{"a", "o", {}, {}, 0, 0}), "EXPERT_REVIEW",
             "VC-06 no expert is assigned");
}

TEST(Review, Vc06BonusesStayWithinTheScheme) {
  const VentureRound r = ReviewRound();
  const ApplicationReview review = Review(r, 1);
  ExpectInvalid(SetBonuses(r, review, 51, 0), "matching_bonus");
  ExpectInvalid(SetBonuses(r, review, -1, 0), "matching_bonus");
  ExpectInvalid(SetBonuses(r, review, 0, 4), "special_bonus");
  ExpectInvalid(SetBonuses(r, review, 0, 21), "special_bonus");
  EXPECT_TRUE(SetBonuses(r, review, 50, 20).ok());
  EXPECT_TRUE(SetBonuses(r, review, 0, 5).ok());
  EXPECT_TRUE(SetBonuses(r, review, 0, 0).ok());
}

TEST(Review, Vc04RankingBreaksTiesByScoreThenSubmissionThenId) {
  const std::vector<Candidate> c = {Cand("b", 8000, 1, "2026-02-12"),
                                    Cand("a", 8000, 1, "2026-02-12"),
                                    Cand("c", 8000, 1, "2026-02-11"), Cand("d", 8100, 1)};
  EXPECT_EQ(RankOrder(c), (std::vector<std::size_t>{3, 2, 1, 0}));
  std::vector<Candidate> reversed(c.rbegin(), c.rend());
  std::vector<std::string> ids;
  for (auto i : RankOrder(reversed)) ids.push_back(reversed[i].application.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"d", "c", "a", "b"}));
}

TEST(Review, Vc04AwardsNeverExceedTheBudgetSkippingWhatDoesNotFit) {
  // ¥1,800,000 of project grants; ¥500,000 each for the top three, then a ¥400,000 that no longer
  // fits in the ¥300,000 left, then a ¥250,000 that does.
  const VentureRound r = ReviewRound();
  const std::vector<Candidate> c = {
      Cand("p1", 9000, 500'000 * kYuan), Cand("p2", 8900, 500'000 * kYuan),
      Cand("p3", 8800, 500'000 * kYuan), Cand("p4", 8700, 400'000 * kYuan),
      Cand("p5", 8600, 250'000 * kYuan), Cand("p6", 8500, 50'001 * kYuan)};
  const auto plan = PlanAwards(r, c, kShortlistDay);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(AwardedIds(*plan), (std::vector<std::string>{"p1", "p2", "p3", "p5"}));
  EXPECT_EQ(plan->awarded_fen, 1'750'000 * kYuan);
  EXPECT_EQ(plan->remaining_fen, 50'000 * kYuan);
  ASSERT_EQ(plan->skipped.size(), 2u);
  EXPECT_EQ(plan->skipped[0].application_id, "p4");
  EXPECT_EQ(plan->skipped[0].rank, 4);
  EXPECT_EQ(plan->skipped[0].reason.rfind("VC-04", 0), 0u) << plan->skipped[0].reason;
  EXPECT_EQ(plan->skipped[1].application_id, "p6");
  EXPECT_EQ(plan->awards[3].rank, 5);
}

TEST(Review, Vc06PassMarkAndScreeningKeepWeakProjectsOut) {
  ScoringScheme s = DefaultScheme();
  s.pass_mark_centi = 6000;
  const VentureRound r = ReviewRound(s);
  Candidate out = Cand("out", 9500, 100'000 * kYuan);
  out.application.state = ApplicationState::kScreenedOut;
  const auto plan =
      PlanAwards(r, {Cand("low", 5999, 100'000 * kYuan), Cand("mark", 6000, 100'000 * kYuan), out},
                 kShortlistDay);
  EXPECT_EQ(AwardedIds(*plan), (std::vector<std::string>{"mark"}));
  ASSERT_EQ(plan->skipped.size(), 2u);
  EXPECT_EQ(plan->skipped[0].reason.rfind("state SCREENED_OUT: VC-02", 0), 0u);
  EXPECT_EQ(plan->skipped[1].reason.rfind("VC-06", 0), 0u);
}

TEST(Review, Cr10IneligibleCandidateIsSkippedAtTheShortlist) {
  const VentureRound r = ReviewRound();
  Candidate listed = Cand("listed", 9900, 100'000 * kYuan);
  listed.applicant.credit.listings.push_back(
      {CreditList::kSerious, D("2024-06-01"), D("2025-06-01")});
  const auto plan = PlanAwards(r, {listed, Cand("clean", 7000, 100'000 * kYuan)}, kShortlistDay);
  EXPECT_EQ(AwardedIds(*plan), (std::vector<std::string>{"clean"}));
  EXPECT_EQ(plan->skipped[0].reason.rfind("state SERIOUS: CR-10", 0), 0u)
      << plan->skipped[0].reason;
  ExpectInvalid(PlanAwards(r, {listed, listed}, kShortlistDay), "candidates");
  Candidate foreign = Cand("foreign", 8000, 1);
  foreign.application.round_id = "xh-2025";
  ExpectInvalid(PlanAwards(r, {foreign}, kShortlistDay), "round_id");
  ExpectRule(PlanAwards(Advance(PlannedRound(), RoundState::kScreening), {}, kShortlistDay),
             "SCREENING", "VC-02");
}

Objection Obj(std::string id, std::string application_id, std::string grounds = "grounds") {
  Objection o;
  o.id = std::move(id);
  o.application_id = std::move(application_id);
  o.grounds = std::move(grounds);
  return o;
}

struct Published {
  VentureRound round;
  AwardPlan shortlist;
  std::vector<Candidate> candidates;
};

Published Publish() {
  Published p;
  VentureRound r = ReviewRound();
  p.candidates = {Cand("p1", 9000, 500'000 * kYuan), Cand("p2", 8800, 500'000 * kYuan),
                  Cand("p3", 8000, 500'000 * kYuan), Cand("p4", 7000, 500'000 * kYuan)};
  p.shortlist = *PlanAwards(r, p.candidates, kShortlistDay);
  p.round = *StartPublicity(r, D("2026-04-01"));
  return p;
}

TEST(Review, Vc02ObjectionsAreFiledDuringPublicityAgainstTheShortlist) {
  const Published p = Publish();
  const Objection o = Obj("obj-1", "p2", "the premises are rented by another organization");
  ExpectRule(FileObjection(p.round, p.shortlist, o, D("2026-03-31")), "SHORTLIST_PUBLICITY",
             "VC-02");
  ExpectRule(FileObjection(p.round, p.shortlist, o, D("2026-04-08")), "SHORTLIST_PUBLICITY",
             "VC-02");
  const auto filed = FileObjection(p.round, p.shortlist, o, D("2026-04-07"));
  ASSERT_TRUE(filed.ok());
  EXPECT_EQ(filed->status, ObjectionStatus::kOpen);
  Objection bad = o;
  bad.application_id = "p4";  // not shortlisted: over the budget
  ExpectInvalid(FileObjection(p.round, p.shortlist, bad, D("2026-04-02")), "application_id");
  bad = o;
  bad.grounds.clear();
  ExpectInvalid(FileObjection(p.round, p.shortlist, bad, D("2026-04-02")), "grounds");
  const auto resolved = ResolveObjection(*filed, true, D("2026-04-07"));
  ExpectRule(ResolveObjection(*resolved, false, D("2026-04-07")), "RESOLVED", "VC-02");
}

TEST(Review, Vc02UpheldObjectionDropsTheAwardWithoutReplacement) {
  const Published p = Publish();
  Objection o = *FileObjection(p.round, p.shortlist, Obj("obj-1", "p2"), D("2026-04-03"));
  ExpectRule(ConfirmAwards(p.round, p.shortlist, p.candidates, {o}, kAwardDay),
             "SHORTLIST_PUBLICITY", "VC-02 1 objection");
  ExpectRule(ConfirmAwards(p.round, p.shortlist, p.candidates, {}, D("2026-04-07")),
             "SHORTLIST_PUBLICITY", "VC-02");
  o = *ResolveObjection(o, true, D("2026-04-06"));
  EXPECT_EQ(OpenObjections({o}), 0);
  const auto awards = ConfirmAwards(p.round, p.shortlist, p.candidates, {o}, kAwardDay);
  ASSERT_TRUE(awards.ok()) << awards.error().message;
  // p4 stays out although p2's ¥500,000 is free: it was never published.
  EXPECT_EQ(AwardedIds(*awards), (std::vector<std::string>{"p1", "p3"}));
  EXPECT_EQ(awards->remaining_fen, 800'000 * kYuan);
  const Objection dismissed =
      *ResolveObjection(*FileObjection(p.round, p.shortlist, Obj("obj-2", "p1"), D("2026-04-03")),
                        false, D("2026-04-05"));
  EXPECT_EQ(
      ConfirmAwards(p.round, p.shortlist, p.candidates, {dismissed}, kAwardDay)->awards.size(), 3u);
}

TEST(Review, Cr10EligibilityIsCheckedAgainOnTheAwardDay) {
  Published p = Publish();
  // Supervision lists p3 during the publicity; the listing event reaches the credit copy.
  p.candidates[2].applicant.credit.listings.push_back(
      {CreditList::kAbnormal, D("2026-04-02"), std::nullopt});
  // p1's registration is revoked.
  p.candidates[0].applicant.status = OrgStatus::kRevoked;
  p.candidates[0].applicant.status_since = D("2026-04-05");
  const auto awards = ConfirmAwards(p.round, p.shortlist, p.candidates, {}, kAwardDay);
  EXPECT_EQ(AwardedIds(*awards), (std::vector<std::string>{"p2"}));
  ASSERT_EQ(awards->skipped.size(), 2u);
  EXPECT_EQ(awards->skipped[0].reason.rfind("state REVOKED: VC-03", 0), 0u);
  EXPECT_EQ(awards->skipped[1].reason.rfind("state ABNORMAL: CR-10", 0), 0u);
  EXPECT_NE(awards->skipped[1].reason.find("2026-04-02"), std::string::npos);
}

TEST(Review, Vc04ConfirmRefusesAShortlistOverTheBudget) {
  Published p = Publish();
  p.shortlist.awards.push_back({"p4", "org-p4", 4, 7000, 500'000 * kYuan});
  ExpectRule(ConfirmAwards(p.round, p.shortlist, p.candidates, {}, kAwardDay),
             "SHORTLIST_PUBLICITY", "VC-04");
}

// Property: over 1,000 seeded random rounds, PlanAwards and ConfirmAwards never award more than
// the project-grants budget and never award an applicant the generator made ineligible; every
// eligible candidate left out either did not fit in what remained after those ranked above it
// or was screened out or below the pass mark.
struct Generated {
  Candidate candidate;
  bool eligible = true;
};

Generated RandomCandidate(std::mt19937_64& rng, int i) {
  auto between = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  Generated g;
  Candidate& c = g.candidate;
  const std::string id = "app-" + std::to_string(i);
  c.application = App(id, "org-" + std::to_string(i));
  c.applicant = Facts("org-" + std::to_string(i));
  // One draw per statement: the order of draws inside an expression is unspecified.
  Fen grant = between(1, 600'000) * kYuan;
  grant += between(0, 99);
  Fen budget = grant * 100 / between(40, 70);
  budget += between(0, 2);
  c.application.requested_grant_fen = grant;
  c.application.budget_fen = budget;
  c.application.self_raised_fen = budget - grant;
  c.application.personnel_cost_fen = 0;
  g.eligible = grant * 100 <= budget * 60 && grant <= 50'000'000;
  c.application.submitted_on = D("2026-02-10") + std::chrono::days{between(0, 28)};
  c.application.state =
      between(0, 9) == 0 ? ApplicationState::kScreenedOut : ApplicationState::kScreenedIn;
  c.score_centi = 5000 + 100 * between(0, 40);  // coarse, so ties are common
  switch (between(0, 11)) {
    case 0:
      c.applicant.registered = false;
      g.eligible = false;
      break;
    case 1:  // ABNORMAL, removed within the year before the shortlist day
      c.applicant.credit.listings.push_back({CreditList::kAbnormal, D("2025-01-01"),
                                             D("2025-03-26") + std::chrono::days{between(0, 300)}});
      g.eligible = false;
      break;
    case 2:  // ABNORMAL, removed more than a year before: no bar
      c.applicant.credit.listings.push_back({CreditList::kAbnormal, D("2023-01-01"),
                                             D("2025-03-25") - std::chrono::days{between(0, 300)}});
      break;
    case 3:  // SERIOUS within 2 years
      c.applicant.credit.listings.push_back({CreditList::kSerious, D("2023-01-01"),
                                             D("2024-03-26") + std::chrono::days{between(0, 600)}});
      g.eligible = false;
      break;
    case 4:  // clawed back within 3 years
      c.applicant.credit.clawbacks = {D("2023-03-26") + std::chrono::days{between(0, 1000)}};
      g.eligible = false;
      break;
    case 5:
      c.application.service_area = "321202";
      g.eligible = false;
      break;
    case 6:
      c.application.category = Category::kRelief;
      g.eligible = false;
      break;
    default:
      break;
  }
  return g;
}

TEST(Review, Vc04PropertyAwardsNeverExceedTheBudgetNorGoToTheIneligible) {
  const VentureRound base = ReviewRound();
  int awards_seen = 0, skipped_for_budget = 0, ineligible_seen = 0;
  for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL);
    auto between = [&](std::int64_t lo, std::int64_t hi) {
      return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    VentureRound r = base;
    r.budget.project_grants_fen = between(100'000, 3'000'000) * kYuan;
    r.budget.project_grants_fen += between(0, 99);
    r.budget.total_fen =
        r.budget.project_grants_fen + r.budget.operator_fee_fen + r.budget.evaluation_fee_fen;
    r.scheme.pass_mark_centi = between(0, 1) == 0 ? 0 : 6000;
    const int n = static_cast<int>(between(0, 30));
    std::vector<Candidate> candidates;
    std::vector<bool> eligible;
    for (int i = 0; i < n; ++i) {
      Generated g = RandomCandidate(rng, i);
      ASSERT_EQ(!CheckEligibility(r, g.candidate.applicant, g.candidate.application, kShortlistDay),
                g.eligible)
          << "seed " << seed << " candidate " << i;
      ineligible_seen += g.eligible ? 0 : 1;
      candidates.push_back(std::move(g.candidate));
      eligible.push_back(g.eligible);
    }
    const auto plan = PlanAwards(r, candidates, kShortlistDay);
    ASSERT_TRUE(plan.ok()) << "seed " << seed << ": " << plan.error().message;
    ASSERT_LE(plan->awarded_fen, r.budget.project_grants_fen) << "seed " << seed;
    ASSERT_EQ(plan->awarded_fen + plan->remaining_fen, r.budget.project_grants_fen);

    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < candidates.size(); ++i) index[candidates[i].application.id] = i;
    Fen sum = 0;
    std::set<std::string> awarded;
    for (const auto& a : plan->awards) {
      const std::size_t i = index.at(a.application_id);
      ASSERT_TRUE(eligible[i]) << "seed " << seed << " awarded ineligible " << a.application_id;
      ASSERT_EQ(candidates[i].application.state, ApplicationState::kScreenedIn);
      ASSERT_GE(candidates[i].score_centi, r.scheme.pass_mark_centi);
      sum += a.grant_fen;
      awarded.insert(a.application_id);
    }
    ASSERT_EQ(sum, plan->awarded_fen);
    awards_seen += static_cast<int>(plan->awards.size());
    // Every qualifying candidate left out did not fit after those ranked above it.
    const auto order = RankOrder(candidates);
    Fen above = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
      const Candidate& c = candidates[order[k]];
      if (awarded.count(c.application.id)) {
        above += c.application.requested_grant_fen;
        continue;
      }
      if (eligible[order[k]] && c.application.state == ApplicationState::kScreenedIn &&
          c.score_centi >= r.scheme.pass_mark_centi) {
        ASSERT_GT(c.application.requested_grant_fen, r.budget.project_grants_fen - above)
            << "seed " << seed;
        ++skipped_for_budget;
      }
    }

    // Publicity, a few objections upheld and listings landing before the award day.
    VentureRound published = *StartPublicity(r, D("2026-04-01"));
    std::vector<Objection> objections;
    std::set<std::string> dropped;
    for (const auto& a : plan->awards) {
      const auto roll = between(0, 9);
      if (roll == 0) {
        Objection o = *FileObjection(
            published, *plan, Obj("o-" + a.application_id, a.application_id), D("2026-04-03"));
        objections.push_back(*ResolveObjection(o, true, D("2026-04-06")));
        dropped.insert(a.application_id);
      } else if (roll == 1) {
        candidates[index.at(a.application_id)].applicant.credit.listings.push_back(
            {CreditList::kAbnormal, D("2026-04-05"), std::nullopt});
        dropped.insert(a.application_id);
      }
    }
    const auto confirmed = ConfirmAwards(published, *plan, candidates, objections, kAwardDay);
    ASSERT_TRUE(confirmed.ok()) << "seed " << seed << ": " << confirmed.error().message;
    ASSERT_LE(confirmed->awarded_fen, plan->awarded_fen);
    for (const auto& a : confirmed->awards) {
      ASSERT_TRUE(awarded.count(a.application_id)) << "seed " << seed;
      ASSERT_FALSE(dropped.count(a.application_id)) << "seed " << seed;
      const Candidate& c = candidates[index.at(a.application_id)];
      ASSERT_FALSE(CheckEligibility(published, c.applicant, c.application, kAwardDay));
    }
    ASSERT_EQ(confirmed->awards.size() + dropped.size(), plan->awards.size()) << "seed " << seed;
  }
  // The generator reaches every branch.
  EXPECT_GT(awards_seen, 1000);
  EXPECT_GT(skipped_for_budget, 100);
  EXPECT_GT(ineligible_seen, 1000);
}

}  // namespace
}  // namespace socgov::welfare_venture
