#include "welfare_venture/domain/round.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace socgov::welfare_venture {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace)

TEST(Round, Vc01RoundIsPaidFromTheWelfareLotteryFund) {
  VentureRound r = RoundInput();
  r.fund_source = FundSource::kGeneralBudget;
  ExpectRule(PlanRound(r), "PLANNED", "VC-01");
  r.fund_source = FundSource::kDonation;
  ExpectRule(PlanRound(r), "PLANNED", "VC-01");
  r.fund_source = FundSource::kUnspecified;
  ExpectInvalid(PlanRound(r), "fund_source");
  const auto ok = PlanRound(RoundInput());
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->state, RoundState::kPlanned);
}

TEST(Round, Vc01CategoriesAreGivenOnce) {
  VentureRound r = RoundInput();
  r.categories.clear();
  ExpectInvalid(PlanRound(r), "categories");
  r.categories = {Category::kElderly, Category::kRelief, Category::kElderly};
  ExpectInvalid(PlanRound(r), "categories");
  EXPECT_TRUE(OffersCategory(PlannedRound(), Category::kDisabled));
  EXPECT_FALSE(OffersCategory(PlannedRound(), Category::kRelief));
}

TEST(Round, Vc01BudgetAddsUpToTheFen) {
  VentureRound r = RoundInput();
  r.budget.total_fen += 1;
  ExpectInvalid(PlanRound(r), "budget.total_fen");
  EXPECT_NE(MessageOf(PlanRound(r)).find("off by 1 fen"), std::string::npos);
  r.budget.total_fen -= 2;
  ExpectInvalid(PlanRound(r), "budget.total_fen");
  EXPECT_NE(MessageOf(PlanRound(r)).find("off by -1 fen"), std::string::npos);
  r.budget.total_fen += 1;
  EXPECT_TRUE(PlanRound(r).ok());
}

TEST(Round, Vc01NegativeOrZeroAmountsAreRefused) {
  VentureRound r = RoundInput();
  r.budget.operator_fee_fen = -1;
  r.budget.project_grants_fen += 1;
  ExpectInvalid(PlanRound(r), "budget.operator_fee_fen");
  r = RoundInput();
  r.budget = {100, 0, 60, 40};
  ExpectInvalid(PlanRound(r), "budget.project_grants_fen");
  r = RoundInput();
  r.budget.total_fen = kMaxFen + 1;
  ExpectInvalid(PlanRound(r), "budget.total_fen");
}

TEST(Round, Vc04DefaultsAreSixtyPercentAndFiveHundredThousandYuan) {
  const GrantRules g;
  EXPECT_EQ(g.max_grant_percent_of_budget, 60);
  EXPECT_EQ(g.max_grant_fen, 50'000'000);
  EXPECT_FALSE(g.max_personnel_percent_of_grant.has_value());
}

TEST(Round, Vc04GrantOfExactlySixtyPercentIsAccepted) {
  const GrantRules g;
  EXPECT_FALSE(CheckGrantRules(g, 500'000 * kYuan, 300'000 * kYuan, 0));
  // One fen over 60 %: 300,000.01 of 500,000.
  const auto over = CheckGrantRules(g, 500'000 * kYuan, 300'000 * kYuan + 1, 0);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->message.rfind("VC-04", 0), 0u) << over->message;
  // 60 % of an odd fen amount is not whole: 3 of 5 fen is fine, 4 of 6 is not (66.7 %).
  EXPECT_FALSE(CheckGrantRules(g, 5, 3, 0));
  EXPECT_TRUE(CheckGrantRules(g, 6, 4, 0));
}

TEST(Round, Vc04GrantOfExactlyFiveHundredThousandYuanIsAccepted) {
  const GrantRules g;
  EXPECT_FALSE(CheckGrantRules(g, 1'000'000 * kYuan, 50'000'000, 0));
  const auto over = CheckGrantRules(g, 1'000'000 * kYuan, 50'000'001, 0);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(over->message.find("¥500000.00"), std::string::npos) << over->message;
}

TEST(Round, Vc04BadAmountsAreInvalidNotRules) {
  const GrantRules g;
  ExpectInvalid(CheckGrantRules(g, 0, 0, 0), "budget_fen");
  ExpectInvalid(CheckGrantRules(g, 100, 0, 0), "requested_grant_fen");
  ExpectInvalid(CheckGrantRules(g, 100, -5, 0), "requested_grant_fen");
  ExpectInvalid(CheckGrantRules(g, 100, 50, 51), "personnel_cost_fen");
}

TEST(Round, Vc04RoundCapMustBePositiveAndWithinTheGrants) {
  VentureRound r = RoundInput();
  r.grant_rules.max_grant_fen = 0;
  ExpectInvalid(PlanRound(r), "grant_rules.max_grant_fen");
  r.grant_rules.max_grant_fen = r.budget.project_grants_fen + 1;
  ExpectInvalid(PlanRound(r), "grant_rules.max_grant_fen");
  r = RoundInput();
  r.grant_rules.max_grant_percent_of_budget = 101;
  ExpectInvalid(PlanRound(r), "grant_rules.max_grant_percent_of_budget");
  // Guangzhou's cap before 2019 was ¥300,000: a stricter round is accepted.
  r = RoundInput();
  r.grant_rules.max_grant_fen = 300'000 * kYuan;
  EXPECT_TRUE(PlanRound(r).ok());
}

TEST(Round, Vc05PersonnelShareIsEnforcedOnlyWhenConfigured) {
  GrantRules g;
  EXPECT_FALSE(CheckGrantRules(g, 1000, 600, 600));
  g.max_personnel_percent_of_grant = 30;
  EXPECT_FALSE(CheckGrantRules(g, 1000, 600, 180));
  const auto over = CheckGrantRules(g, 1000, 600, 181);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->message.rfind("VC-05", 0), 0u) << over->message;
  VentureRound r = RoundInput();
  r.grant_rules.max_personnel_percent_of_grant = 120;
  ExpectInvalid(PlanRound(r), "grant_rules.max_personnel_percent_of_grant");
}

TEST(Round, Vc02CallOpensAfterTheNeedsSurveyCloses) {
  VentureRound r = RoundInput();
  r.schedule.call.opens = r.schedule.needs_survey.closes;
  ExpectInvalid(PlanRound(r), "schedule.call");
  r = RoundInput();
  r.schedule.needs_survey.closes = D("2026-01-01");
  ExpectInvalid(PlanRound(r), "schedule.needs_survey");
  r = RoundInput();
  r.schedule.call.closes = D("2026-02-09");
  ExpectInvalid(PlanRound(r), "schedule.call");
  r = RoundInput();
  r.schedule.publicity_days = 0;
  ExpectInvalid(PlanRound(r), "schedule.publicity_days");
}

TEST(Round, Vc02StagesRunInOrderWithinTheirWindows) {
  VentureRound r = PlannedRound();
  ExpectRule(OpenCall(r, D("2026-02-10")), "PLANNED", "VC-02");
  ExpectRule(OpenNeedsSurvey(r, D("2026-01-04")), "PLANNED", "VC-02");
  r = *OpenNeedsSurvey(r, D("2026-01-31"));
  EXPECT_EQ(r.state, RoundState::kNeedsSurvey);
  ExpectRule(OpenCall(r, D("2026-02-09")), "NEEDS_SURVEY", "VC-02");
  ExpectRule(OpenCall(r, D("2026-03-11")), "NEEDS_SURVEY", "VC-02");
  r = *OpenCall(r, D("2026-02-10"));
  EXPECT_TRUE(AcceptsApplications(r, D("2026-03-10")));
  EXPECT_FALSE(AcceptsApplications(r, D("2026-03-11")));
  // The call stays open through its last day.
  ExpectRule(CloseCall(r, D("2026-03-10")), "CALL_OPEN", "VC-02");
  r = *CloseCall(r, D("2026-03-11"));
  EXPECT_FALSE(AcceptsApplications(r, D("2026-03-05")));
  ExpectRule(StartExpertReview(r, D("2026-03-12")), "CALL_CLOSED", "VC-02");
  r = *StartScreening(r, D("2026-03-12"));
  r = *StartExpertReview(r, D("2026-03-20"));
  r = *StartPublicity(r, D("2026-04-01"));
  EXPECT_EQ(r.publicity_from, D("2026-04-01"));
  EXPECT_EQ(r.publicity_until, D("2026-04-07"));
  ExpectRule(MarkAwarded(r, D("2026-04-07"), 0), "SHORTLIST_PUBLICITY", "VC-02");
  ExpectRule(MarkAwarded(r, D("2026-04-08"), 2), "SHORTLIST_PUBLICITY", "VC-02");
  r = *MarkAwarded(r, D("2026-04-08"), 0);
  EXPECT_EQ(r.state, RoundState::kAwarded);
  ExpectRule(StartPublicity(r, D("2026-04-09")), "AWARDED", "VC-02");
  r = *CloseRound(r, D("2027-01-31"));
  EXPECT_EQ(r.state, RoundState::kClosed);
  EXPECT_EQ(r.closed_on, D("2027-01-31"));
}

TEST(Round, Vc02TransitionsNeverGoBackInTime) {
  VentureRound r = Advance(PlannedRound(), RoundState::kScreening);
  ExpectInvalid(StartExpertReview(r, D("2026-03-01")), "on");
}

TEST(Round, Vc06SchemeWeightsSumToExactly1000Permille) {
  EXPECT_FALSE(ValidateScheme(DefaultScheme()));
  VentureRound r = RoundInput();
  r.scheme.criteria[0].weight_permille -= 1;
  ExpectInvalid(PlanRound(r), "scheme.criteria.weight_permille");
  r.scheme.criteria[0].weight_permille += 2;
  ExpectInvalid(PlanRound(r), "scheme.criteria.weight_permille");
  r = RoundInput();
  r.scheme.criteria = {{"all", Panel::kExpert, 1000}};
  EXPECT_TRUE(PlanRound(r).ok());
  r.scheme.criteria = {{"a", Panel::kExpert, 500}, {"a", Panel::kPublic, 500}};
  ExpectInvalid(PlanRound(r), "scheme.criteria.id");
  r.scheme.criteria = {{"a", Panel::kExpert, 1000}, {"b", Panel::kPublic, 0}};
  ExpectInvalid(PlanRound(r), "scheme.criteria.weight_permille");
  r.scheme.criteria.clear();
  ExpectInvalid(PlanRound(r), "scheme.criteria");
}

TEST(Round, Vc06BonusesWithinZhongshansBounds) {
  ScoringScheme s = DefaultScheme();
  EXPECT_EQ(s.matching_bonus_max, 50);
  EXPECT_EQ(s.special_bonus_min, 5);
  EXPECT_EQ(s.special_bonus_max, 20);
  s.matching_bonus_max = 51;
  ExpectInvalid(ValidateScheme(s), "scheme.matching_bonus_max");
  s = DefaultScheme();
  s.special_bonus_min = 4;
  ExpectInvalid(ValidateScheme(s), "scheme.special_bonus");
  s.special_bonus_min = 5;
  s.special_bonus_max = 21;
  ExpectInvalid(ValidateScheme(s), "scheme.special_bonus");
  s.special_bonus_min = 12;
  s.special_bonus_max = 10;
  ExpectInvalid(ValidateScheme(s), "scheme.special_bonus");
  s.special_bonus_min = s.special_bonus_max = 0;  // a round without a special bonus
  EXPECT_FALSE(ValidateScheme(s));
  s.scale_max = 0;
  ExpectInvalid(ValidateScheme(s), "scheme.scale_max");
  s.scale_max = 101;
  ExpectInvalid(ValidateScheme(s), "scheme.scale_max");
}

}  // namespace
}  // namespace socgov::welfare_venture
