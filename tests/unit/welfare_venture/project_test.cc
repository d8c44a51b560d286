#include "welfare_venture/domain/project.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace socgov::welfare_venture {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace)

constexpr Fen kGrant = 300'000 * kYuan;

VentureProject MidtermPassed() {
  return *RecordMidterm(InProgress(), OnTimeMidterm(), MidtermFailure::kSuspend, D("2026-09-10"));
}

// Mid-term passed, tranche 2 paid, spending vouchered, final report in on `report_on`.
VentureProject ReadyForFinal(const char* report_on = "2027-01-15") {
  VentureProject p = *PayTranche(MidtermPassed(), D("2026-09-15"));
  return *SubmitFinalReport(p, D(report_on));
}

FinancialCheck Check(const char* on, Fen reported, Fen vouchered, bool ledger = true) {
  FinancialCheck c;
  c.on = D(on);
  c.checker_id = "audit-firm-1";
  c.reported_expense_fen = reported;
  c.vouchered_expense_fen = vouchered;
  c.separate_ledger = ledger;
  return c;
}

TEST(Project, Vc02ProjectOpensFromTheRoundsAward) {
  const VentureProject p = AwardedProject();
  EXPECT_EQ(p.state, ProjectState::kAwarded);
  EXPECT_EQ(p.grant_fen, kGrant);
  EXPECT_EQ(p.year, 2026);
  EXPECT_EQ(p.jurisdiction, kXinghua);
  const VentureRound publicity = Advance(PlannedRound(), RoundState::kShortlistPublicity);
  const AwardLine line{"app-1", "org-1", 1, 9000, kGrant};
  ExpectRule(OpenProject(publicity, line, App(), "prj"), "SHORTLIST_PUBLICITY", "VC-02");
  const VentureRound awarded = Advance(PlannedRound(), RoundState::kAwarded);
  ExpectInvalid(OpenProject(awarded, line, App("app-2"), "prj"), "award");
  ExpectInvalid(OpenProject(awarded, line, App(), ""), "id");
}

TEST(Project, Vc07TranchesSumExactlyToTheGrant) {
  const VentureProject p = AwardedProject();
  Contract c = StandardContract(kGrant);
  c.tranches.back().amount_fen += 1;
  ExpectInvalid(SignContract(p, c), "tranches");
  EXPECT_NE(MessageOf(SignContract(p, c)).find("off by 1 fen"), std::string::npos);
  c.tranches.back().amount_fen -= 2;
  ExpectInvalid(SignContract(p, c), "tranches");
  c.tranches.back().amount_fen += 1;
  const auto signed_ = SignContract(p, c);
  ASSERT_TRUE(signed_.ok()) << signed_.error().message;
  EXPECT_EQ(signed_->state, ProjectState::kContracted);
  ExpectRule(SignContract(*signed_, c), "CONTRACTED", "VC-02");
}

TEST(Project, Vc07FirstTrancheAloneFollowsTheContractAndGatesRunInOrder) {
  const VentureProject p = AwardedProject();
  Contract c = StandardContract(kGrant);
  c.tranches[0].gate = TrancheGate::kMidterm;
  ExpectInvalid(SignContract(p, c), "tranches.gate");
  c = StandardContract(kGrant);
  c.tranches[1].gate = TrancheGate::kContract;
  ExpectInvalid(SignContract(p, c), "tranches.gate");
  c = StandardContract(kGrant);
  std::swap(c.tranches[1].gate, c.tranches[2].gate);
  ExpectInvalid(SignContract(p, c), "tranches.gate");
  c = StandardContract(kGrant);
  c.tranches[1].amount_fen = 0;
  c.tranches[2].amount_fen += 90'000 * kYuan;
  ExpectInvalid(SignContract(p, c), "tranches.amount_fen");
  c = StandardContract(kGrant);
  c.tranches.clear();
  ExpectInvalid(SignContract(p, c), "tranches");
  // One tranche on the contract is a schedule too.
  c.tranches = {{kGrant, TrancheGate::kContract, std::nullopt}};
  EXPECT_TRUE(SignContract(p, c).ok());
}

TEST(Project, Vc07ContractDatesRunSignStartMidtermEnd) {
  const VentureProject p = AwardedProject();
  Contract c = StandardContract(kGrant);
  c.starts_on = D("2026-04-19");
  ExpectInvalid(SignContract(p, c), "contract.starts_on");
  c = StandardContract(kGrant);
  c.midterm_due_on = c.ends_on;
  ExpectInvalid(SignContract(p, c), "contract.midterm_due_on");
  c = StandardContract(kGrant);
  c.number.clear();
  ExpectInvalid(SignContract(p, c), "contract.number");
  c = StandardContract(kGrant);
  c.signed_on = D("2026-04-07");  // before the award
  c.starts_on = D("2026-04-07");
  ExpectInvalid(SignContract(p, c), "on");
}

TEST(Project, Vc07FirstTrancheIsPaidAfterTheContract) {
  const VentureProject awarded = AwardedProject();
  ExpectRule(PayTranche(awarded, D("2026-04-20")), "AWARDED", "VC-07");
  const VentureProject contracted = *SignContract(awarded, StandardContract(kGrant));
  ExpectInvalid(PayTranche(contracted, D("2026-04-19")), "on");
  const auto paid = PayTranche(contracted, D("2026-04-20"));
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->state, ProjectState::kTranche1Paid);
  EXPECT_EQ(paid->disbursed_fen, 150'000 * kYuan);
  EXPECT_EQ(paid->contract->tranches[0].paid_on, D("2026-04-20"));
  ExpectRule(StartImplementation(*paid, D("2026-04-30")), "TRANCHE1_PAID", "VC-02");
  EXPECT_EQ(StartImplementation(*paid, D("2026-05-01"))->state, ProjectState::kInProgress);
}

TEST(Project, Vc07MidtermGatesTheNextTranche) {
  ExpectRule(PayTranche(InProgress(), D("2026-07-01")), "IN_PROGRESS", "VC-07 tranche 2");
  const VentureProject passed = MidtermPassed();
  EXPECT_EQ(passed.state, ProjectState::kMidtermPassed);
  ASSERT_TRUE(passed.midterm && passed.midterm->passed);
  const VentureProject paid = *PayTranche(passed, D("2026-09-15"));
  EXPECT_EQ(paid.state, ProjectState::kTrancheNPaid);
  EXPECT_EQ(paid.disbursed_fen, 240'000 * kYuan);
  ExpectRule(PayTranche(paid, D("2026-09-16")), "TRANCHE_N_PAID", "VC-07 tranche 3");
}

TEST(Project, Vc08MaterialOnTheDueDayPasses) {
  MidtermSubmission s = OnTimeMidterm();
  s.self_assessment_on = D("2026-08-31");
  s.activity_records_on = D("2026-08-31");
  EXPECT_EQ(RecordMidterm(InProgress(), s, MidtermFailure::kSuspend, D("2026-08-31"))->state,
            ProjectState::kMidtermPassed);
  ExpectRule(RecordMidterm(InProgress(), s, MidtermFailure::kSuspend, D("2026-08-30")),
             "IN_PROGRESS", "VC-08");
}

TEST(Project, Vc08LateMaterialCountsAsAFail) {
  MidtermSubmission s = OnTimeMidterm();
  s.activity_records_on = D("2026-09-01");
  const auto p = RecordMidterm(InProgress(), s, MidtermFailure::kSuspend, D("2026-09-10"));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->state, ProjectState::kSuspended);
  EXPECT_FALSE(p->midterm->passed);
  EXPECT_EQ(p->midterm->reason, "VC-08 mid-term material submitted after 2026-08-31");
}

TEST(Project, Vc08MissingMaterialCountsAsAFail) {
  MidtermSubmission s = OnTimeMidterm();
  s.self_assessment_on.reset();
  const auto p = RecordMidterm(InProgress(), s, MidtermFailure::kTerminate, D("2026-09-10"));
  EXPECT_EQ(p->state, ProjectState::kTerminated);
  EXPECT_EQ(p->midterm->reason.rfind("VC-08 mid-term material missing", 0), 0u);
  s = OnTimeMidterm();
  s.field_check_passed = false;
  EXPECT_EQ(
      RecordMidterm(InProgress(), s, MidtermFailure::kSuspend, D("2026-09-10"))->midterm->reason,
      "VC-08 the field check failed");
  s = OnTimeMidterm();
  s.document_review_passed = false;
  EXPECT_EQ(
      RecordMidterm(InProgress(), s, MidtermFailure::kSuspend, D("2026-09-10"))->midterm->reason,
      "VC-08 the document review failed");
}

TEST(Project, Vc07FailingProjectReceivesNoFurtherFunds) {
  MidtermSubmission late = OnTimeMidterm();
  late.self_assessment_on = D("2026-09-02");
  const VentureProject suspended =
      *RecordMidterm(InProgress(), late, MidtermFailure::kSuspend, D("2026-09-10"));
  ExpectRule(PayTranche(suspended, D("2026-09-15")), "SUSPENDED", "VC-07");
  const VentureProject rectified = *ReviewSuspension(suspended, true, D("2026-10-10"));
  EXPECT_EQ(rectified.state, ProjectState::kMidtermPassed);
  EXPECT_EQ(PayTranche(rectified, D("2026-10-11"))->state, ProjectState::kTrancheNPaid);
  const VentureProject terminated = *ReviewSuspension(suspended, false, D("2026-10-10"));
  EXPECT_EQ(terminated.state, ProjectState::kTerminated);
  ExpectRule(PayTranche(terminated, D("2026-10-11")), "TERMINATED", "VC-07");
  ExpectRule(ReviewSuspension(terminated, true, D("2026-10-12")), "TERMINATED", "VC-08");
}

TEST(Project, Vc07ClawbackOfATerminatedProjectStartsTheBar) {
  MidtermSubmission missing = OnTimeMidterm();
  missing.activity_records_on.reset();
  VentureProject p =
      *RecordMidterm(InProgress(), missing, MidtermFailure::kTerminate, D("2026-09-10"));
  ExpectRule(ClawBack(InProgress(), 1, D("2026-09-11")), "IN_PROGRESS", "VC-07");
  ExpectInvalid(ClawBack(p, 150'000 * kYuan + 1, D("2026-09-20")), "amount");
  ExpectInvalid(ClawBack(p, 0, D("2026-09-20")), "amount");
  p = *ClawBack(p, 100'000 * kYuan, D("2026-09-20"));
  p = *ClawBack(p, 50'000 * kYuan, D("2026-10-20"));
  EXPECT_EQ(p.clawback_fen, 150'000 * kYuan);
  EXPECT_EQ(p.clawed_back_on, D("2026-09-20"));  // the first clawback starts the bar
  EXPECT_EQ(BarEndsOn(*p.clawed_back_on), D("2029-09-20"));
  ExpectInvalid(ClawBack(p, 1, D("2026-10-21")), "amount");
  // The bar, copied into the grantee's credit facts, refuses it until then (credit.h).
  CreditFacts f;
  f.clawbacks = {*p.clawed_back_on};
  ExpectRule(CheckCreditLookBack(f, D("2029-09-19")), "BARRED", "VC-07");
  EXPECT_FALSE(CheckCreditLookBack(f, D("2029-09-20")));
  EXPECT_EQ(Archive(p, D("2026-11-01"))->state, ProjectState::kArchived);
}

TEST(Project, Vc09ThirdPartyChecksCompareSheetsAndVouchers) {
  VentureProject p = InProgress();
  ExpectRule(RecordFinancialCheck(AwardedProject(), Check("2026-06-30", 0, 0)), "AWARDED", "VC-09");
  FinancialCheck own = Check("2026-06-30", 0, 0);
  own.checker_id = p.org_id;
  ExpectInvalid(RecordFinancialCheck(p, own), "checker_id");
  ExpectInvalid(RecordFinancialCheck(p, Check("2026-06-30", 100, 101)), "vouchered_expense_fen");
  ExpectInvalid(RecordFinancialCheck(p, Check("2026-06-30", -1, 0)), "reported_expense_fen");

  p = *RecordFinancialCheck(p, Check("2026-06-30", 80'000 * kYuan, 80'000 * kYuan));
  EXPECT_TRUE(p.checks.back().passed);
  EXPECT_EQ(p.spent_fen, 80'000 * kYuan);
  p = *RecordFinancialCheck(p, Check("2026-07-31", 100'000 * kYuan, 95'000 * kYuan));
  EXPECT_FALSE(p.checks.back().passed);
  EXPECT_EQ(p.checks.back().unsupported_fen, 5'000 * kYuan);
  EXPECT_EQ(p.checks.back().finding, "VC-09 ¥5000.00 of expenses lack vouchers");
  EXPECT_EQ(p.spent_fen, 95'000 * kYuan);
  ExpectInvalid(RecordFinancialCheck(p, Check("2026-08-31", 99'000 * kYuan, 95'000 * kYuan)),
                "reported_expense_fen");
  p = *RecordFinancialCheck(p, Check("2026-08-31", 160'000 * kYuan, 160'000 * kYuan, false));
  EXPECT_EQ(p.checks.back().finding,
            "VC-09 expenses exceed the ¥150000.00 disbursed; VC-10 the grant is not kept in a "
            "separate ledger");
  EXPECT_EQ(p.spent_fen, 150'000 * kYuan);
}

TEST(Project, Vc10FinalReportIsDueWithinAMonthOfTheEnd) {
  EXPECT_EQ(FinalReportDueOn(StandardContract(kGrant)), D("2027-01-31"));
  Contract june = StandardContract(kGrant);
  june.ends_on = D("2026-06-30");
  EXPECT_EQ(FinalReportDueOn(june), D("2026-07-30"));
  // On the due day: passes.
  const VentureProject on_time = ReadyForFinal("2027-01-31");
  EXPECT_EQ(
      RecordFinalEvaluation(on_time, true, FinalFailure::kRemediation, D("2027-02-15"))->state,
      ProjectState::kCompleted);
  // A day late: fails whatever the review found.
  const auto late = RecordFinalEvaluation(ReadyForFinal("2027-02-01"), true,
                                          FinalFailure::kRemediation, D("2027-02-15"));
  EXPECT_EQ(late->state, ProjectState::kRemediation);
  EXPECT_EQ(late->final_evaluation->reason, "VC-10 the final report was due by 2027-01-31");
}

TEST(Project, Vc10MissingFinalReportFailsTheFinalEvaluation) {
  const VentureProject p = *PayTranche(MidtermPassed(), D("2026-09-15"));
  ExpectRule(SubmitFinalReport(p, D("2026-12-30")), "TRANCHE_N_PAID", "VC-10");
  ExpectRule(RecordFinalEvaluation(p, true, FinalFailure::kClawback, D("2026-12-30")),
             "TRANCHE_N_PAID", "VC-10");
  const auto failed = RecordFinalEvaluation(p, true, FinalFailure::kClawback, D("2027-02-15"));
  EXPECT_EQ(failed->state, ProjectState::kClawback);
  EXPECT_EQ(failed->final_evaluation->reason.rfind("VC-10", 0), 0u);
  ExpectRule(SubmitFinalReport(InProgress(), D("2027-01-05")), "IN_PROGRESS", "VC-10");
  ExpectRule(SubmitFinalReport(ReadyForFinal(), D("2027-01-16")), "TRANCHE_N_PAID", "VC-10");
}

TEST(Project, Vc08FailedFinalGoesToRemediationThenClawback) {
  VentureProject p =
      *RecordFinalEvaluation(ReadyForFinal(), false, FinalFailure::kRemediation, D("2027-02-15"));
  EXPECT_EQ(p.state, ProjectState::kRemediation);
  EXPECT_EQ(p.final_evaluation->reason, "VC-08 the final evaluation failed");
  ExpectRule(PayTranche(p, D("2027-02-16")), "REMEDIATION", "VC-07");
  // Remediation failing again is a clawback, whatever is asked.
  const VentureProject clawback =
      *RecordFinalEvaluation(p, false, FinalFailure::kRemediation, D("2027-04-15"));
  EXPECT_EQ(clawback.state, ProjectState::kClawback);
  const VentureProject fixed =
      *RecordFinalEvaluation(p, true, FinalFailure::kRemediation, D("2027-04-15"));
  EXPECT_EQ(fixed.state, ProjectState::kCompleted);
  EXPECT_EQ(ClawBack(clawback, 240'000 * kYuan, D("2027-04-20"))->clawback_fen, 240'000 * kYuan);
}

TEST(Project, Vc07FinalTrancheFollowsThePassingFinalEvaluation) {
  VentureProject p =
      *RecordFinalEvaluation(ReadyForFinal(), true, FinalFailure::kRemediation, D("2027-02-15"));
  ExpectRule(Archive(p, D("2027-02-16")), "COMPLETED", "VC-07");
  p = *PayTranche(p, D("2027-02-20"));
  EXPECT_EQ(p.disbursed_fen, kGrant);
  EXPECT_EQ(p.state, ProjectState::kCompleted);
  ExpectRule(PayTranche(p, D("2027-02-21")), "COMPLETED", "VC-07 every tranche");
  p = *Archive(p, D("2027-03-01"));
  EXPECT_EQ(p.state, ProjectState::kArchived);
  ExpectRule(RecordFinancialCheck(p, Check("2027-03-02", 0, 0)), "ARCHIVED", "VC-09");
  ExpectRule(Archive(InProgress(), D("2027-03-01")), "IN_PROGRESS", "VC-11");
}

TEST(Project, Vc10UnusedFundsAreRecoveredAfterTwoYears) {
  // Tranche 1 (¥150,000) on 2026-04-20, tranche 2 (¥90,000) on 2026-09-15; ¥200,000 vouchered.
  VentureProject p = *PayTranche(MidtermPassed(), D("2026-09-15"));
  p = *RecordFinancialCheck(p, Check("2026-12-31", 200'000 * kYuan, 200'000 * kYuan));
  // Spending goes to tranche 1 first, so nothing of it is left after two years.
  EXPECT_EQ(RecoverableUnused(p, D("2028-04-20")), 0);
  EXPECT_EQ(RecoverableUnused(p, D("2028-09-14")), 0);
  EXPECT_EQ(RecoverableUnused(p, D("2028-09-15")), 40'000 * kYuan);
  ExpectRule(RecoverUnusedFunds(p, 40'000 * kYuan, D("2028-09-14")), "TRANCHE_N_PAID", "VC-10");
  p = *RecoverUnusedFunds(p, 30'000 * kYuan, D("2028-09-15"));
  EXPECT_EQ(RecoverableUnused(p, D("2028-09-15")), 10'000 * kYuan);
  ExpectRule(RecoverUnusedFunds(p, 10'000 * kYuan + 1, D("2028-09-15")), "TRANCHE_N_PAID", "VC-10");
  ExpectInvalid(RecoverUnusedFunds(p, 0, D("2028-09-15")), "amount");
  // An unspent first tranche is due on its own second anniversary.
  EXPECT_EQ(RecoverableUnused(InProgress(), D("2028-04-19")), 0);
  EXPECT_EQ(RecoverableUnused(InProgress(), D("2028-04-20")), 150'000 * kYuan);
}

TEST(Project, Vc08StepsNeverGoBackInTime) {
  // In progress since 2026-05-01.
  ExpectInvalid(
      RecordMidterm(InProgress(), OnTimeMidterm(), MidtermFailure::kSuspend, D("2026-04-30")),
      "on");
  ExpectInvalid(RecordFinancialCheck(InProgress(), Check("2026-04-30", 0, 0)), "on");
}

}  // namespace
}  // namespace socgov::welfare_venture
