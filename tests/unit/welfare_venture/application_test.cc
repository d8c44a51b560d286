#include "welfare_venture/domain/application.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace socgov::welfare_venture {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace)

const Date kSubmitDay = D("2026-02-20");

VentureRound OpenRound() { return Advance(PlannedRound(), RoundState::kCallOpen); }

Result<VentureApplication> SubmitWith(const ApplicantFacts& f,
                                      const VentureApplication& a = App()) {
  return Submit(OpenRound(), f, a, kSubmitDay);
}

TEST(Application, Vc03EligibleApplicantSubmits) {
  const auto a = SubmitWith(Facts());
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->state, ApplicationState::kSubmitted);
  EXPECT_EQ(a->submitted_on, kSubmitDay);
}

TEST(Application, Vc03ApplicantMustBeARegisteredOrganization) {
  ApplicantFacts f = Facts();
  f.registered = false;
  ExpectRule(SubmitWith(f), "UNREGISTERED", "VC-03");
}

TEST(Application, Vc03RegistrationMustBeInForceAndTheRefusalIsDated) {
  ApplicantFacts f = Facts();
  f.status = OrgStatus::kRevoked;
  f.status_since = D("2025-11-03");
  const auto r = SubmitWith(f);
  ExpectRule(r, "REVOKED", "VC-03");
  EXPECT_NE(MessageOf(r).find("REVOKED since 2025-11-03"), std::string::npos) << MessageOf(r);
  for (OrgStatus s : {OrgStatus::kSuspended, OrgStatus::kDissolving, OrgStatus::kCancelled}) {
    f.status = s;
    ExpectRule(SubmitWith(f), std::string(OrgStatusName(s)), "VC-03");
  }
  f.status = OrgStatus::kChangePending;  // a pending change does not stop the registration
  EXPECT_TRUE(SubmitWith(f).ok());
}

TEST(Application, Vc03ApplicantServiceAndBeneficiariesInTheJurisdiction) {
  ApplicantFacts f = Facts();
  f.jurisdiction = "321202";  // another district of Taizhou
  ExpectRule(SubmitWith(f), "ACTIVE", "VC-03 the applicant must be registered");
  VentureApplication a = App();
  a.service_area = "321202";
  ExpectRule(SubmitWith(Facts(), a), "ACTIVE", "VC-03 the service area");
  a = App();
  a.beneficiary_area = "320100";
  ExpectRule(SubmitWith(Facts(), a), "ACTIVE", "VC-03 the beneficiaries");
}

TEST(Application, Vc03DistrictsLieInTheirCity) {
  EXPECT_TRUE(InJurisdiction("320106", "320100"));
  EXPECT_TRUE(InJurisdiction("320100", "320100"));
  EXPECT_TRUE(InJurisdiction("321281", "321200"));
  EXPECT_TRUE(InJurisdiction("321281", "320000"));
  EXPECT_FALSE(InJurisdiction("330106", "320100"));
  EXPECT_FALSE(InJurisdiction("320100", "320106"));
  EXPECT_FALSE(InJurisdiction("3201", "320100"));
  EXPECT_FALSE(InJurisdiction("", "320100"));
}

TEST(Application, Vc03ProjectWithinTheCharterScopeWithoutEchoingIt) {
  VentureApplication a = App();
  a.project_scope = {"elderly-care", "secret-keyword-xyz"};
  const auto r = SubmitWith(Facts(), a);
  ExpectRule(r, "ACTIVE", "VC-03 the project lies outside");
  EXPECT_NE(MessageOf(r).find("1 of 2 keywords"), std::string::npos) << MessageOf(r);
  EXPECT_EQ(MessageOf(r).find("secret-keyword-xyz"), std::string::npos);
}

TEST(Application, Vc03PremisesStaffAndQualificationsAreNeeded) {
  ApplicantFacts f = Facts();
  f.has_premises = false;
  ExpectRule(SubmitWith(f), "ACTIVE", "VC-03 the applicant needs premises");
  f = Facts();
  f.has_staff = false;
  ExpectRule(SubmitWith(f), "ACTIVE", "VC-03 the applicant needs staff");
  f = Facts();
  f.has_qualifications = false;
  ExpectRule(SubmitWith(f), "ACTIVE", "VC-03 the applicant needs the qualifications");
}

TEST(Application, Vc01CategoryMustBeOneTheRoundFunds) {
  VentureApplication a = App();
  a.category = Category::kRelief;
  ExpectRule(SubmitWith(Facts(), a), "CALL_OPEN", "VC-01");
}

TEST(Application, Vc04GrantCapsAtSubmission) {
  VentureApplication a = App();
  a.requested_grant_fen += 1;  // 60 % + 1 fen
  a.self_raised_fen -= 1;
  ExpectRule(SubmitWith(Facts(), a), "CALL_OPEN", "VC-04");
  a = App();
  a.budget_fen = 1'000'000 * kYuan;
  a.requested_grant_fen = 500'000 * kYuan;
  a.self_raised_fen = 500'000 * kYuan;
  EXPECT_TRUE(SubmitWith(Facts(), a).ok());
  a.requested_grant_fen += 1;
  a.self_raised_fen -= 1;
  ExpectRule(SubmitWith(Facts(), a), "CALL_OPEN", "VC-04");
}

TEST(Application, Vc05PersonnelShareAtSubmissionWhenTheRoundSetsIt) {
  VentureRound r = RoundInput();
  r.grant_rules.max_personnel_percent_of_grant = 20;
  r = Advance(*PlanRound(r), RoundState::kCallOpen);
  VentureApplication a = App();
  a.personnel_cost_fen = 60'000 * kYuan;  // exactly 20 % of ¥300,000
  EXPECT_TRUE(Submit(r, Facts(), a, kSubmitDay).ok());
  a.personnel_cost_fen += 1;
  ExpectRule(Submit(r, Facts(), a, kSubmitDay), "CALL_OPEN", "VC-05");
}

TEST(Application, Vc02SubmissionOnlyWhileTheCallIsOpen) {
  const VentureRound r = OpenRound();
  EXPECT_TRUE(Submit(r, Facts(), App(), D("2026-02-10")).ok());
  EXPECT_TRUE(Submit(r, Facts(), App(), D("2026-03-10")).ok());
  ExpectRule(Submit(r, Facts(), App(), D("2026-03-11")), "CALL_OPEN", "VC-02");
  ExpectRule(Submit(Advance(PlannedRound(), RoundState::kNeedsSurvey), Facts(), App(), kSubmitDay),
             "NEEDS_SURVEY", "VC-02");
}

TEST(Application, Vc04BadInputNamesTheField) {
  VentureApplication a = App();
  a.budget_fen += 1;
  ExpectInvalid(SubmitWith(Facts(), a), "budget_fen");
  a = App();
  a.self_raised_fen = -1;
  ExpectInvalid(SubmitWith(Facts(), a), "self_raised_fen");
  a = App();
  a.title.clear();
  ExpectInvalid(SubmitWith(Facts(), a), "title");
  a = App();
  a.project_scope.clear();
  ExpectInvalid(SubmitWith(Facts(), a), "project_scope");
  a = App();
  a.planned_beneficiaries = -3;
  ExpectInvalid(SubmitWith(Facts(), a), "planned_beneficiaries");
  ExpectInvalid(SubmitWith(Facts("org-2")), "org_id");
  a = App();
  a.round_id = "other";
  ExpectInvalid(SubmitWith(Facts(), a), "round_id");
}

TEST(Application, Cr10ListedApplicantCannotSubmit) {
  ApplicantFacts f = Facts();
  f.credit.listings.push_back({CreditList::kAbnormal, D("2025-05-01"), D("2025-08-01")});
  ExpectRule(SubmitWith(f), "ABNORMAL", "CR-10");
  f = Facts();
  f.credit.clawbacks = {D("2024-01-01")};
  ExpectRule(SubmitWith(f), "BARRED", "VC-07");
}

TEST(Application, Cr10ScreeningRechecksAndKeepsTheReason) {
  const VentureRound screening = Advance(PlannedRound(), RoundState::kScreening);
  const VentureApplication submitted = *SubmitWith(Facts());
  const auto in = Screen(screening, Facts(), submitted, D("2026-03-15"));
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in->state, ApplicationState::kScreenedIn);
  // Listed by supervision after submitting: screened out, with the dated fact.
  ApplicantFacts listed = Facts();
  listed.credit.listings.push_back({CreditList::kAbnormal, D("2026-03-01"), std::nullopt});
  const auto out = Screen(screening, listed, submitted, D("2026-03-15"));
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->state, ApplicationState::kScreenedOut);
  EXPECT_EQ(out->screening_note.rfind("state ABNORMAL: CR-10", 0), 0u) << out->screening_note;
  EXPECT_NE(out->screening_note.find("2026-03-01"), std::string::npos);
  ExpectRule(Screen(screening, Facts(), *in, D("2026-03-15")), "SCREENED_IN", "VC-02");
  ExpectRule(Screen(OpenRound(), Facts(), submitted, D("2026-03-15")), "CALL_OPEN", "VC-02");
}

TEST(Application, Vc02WithdrawWhileInTheRunning) {
  VentureApplication a = *SubmitWith(Facts());
  a = *Withdraw(a);
  EXPECT_EQ(a.state, ApplicationState::kWithdrawn);
  ExpectRule(Withdraw(a), "WITHDRAWN", "VC-02");
}

}  // namespace
}  // namespace socgov::welfare_venture

namespace socgov::welfare_venture {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace)

// CheckApplicant: the applicant's own part of VC-03 and the CR-10 look-back, before any
// application exists (the service's CheckEligibility RPC).
TEST(Application, Vc03Cr10CheckApplicantWithoutAnApplication) {
  const VentureRound round = PlannedRound();
  EXPECT_FALSE(CheckApplicant(round, Facts(), D("2026-02-20")).has_value());
  ApplicantFacts f = Facts();
  f.registered = false;
  auto bad = CheckApplicant(round, f, D("2026-02-20"));
  ASSERT_TRUE(bad.has_value());
  EXPECT_NE(bad->message.find("VC-03"), std::string::npos);
  f = Facts();
  f.jurisdiction = "350211";
  bad = CheckApplicant(round, f, D("2026-02-20"));
  ASSERT_TRUE(bad.has_value());
  EXPECT_NE(bad->message.find("jurisdiction"), std::string::npos);
  f = Facts();
  f.credit.listings.push_back({CreditList::kAbnormal, D("2025-06-01"), std::nullopt});
  bad = CheckApplicant(round, f, D("2026-02-20"));
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(bad->message.find("CR-10"), std::string::npos);
  EXPECT_NE(bad->message.find("2025-06-01"), std::string::npos) << bad->message;
}

}  // namespace
}  // namespace socgov::welfare_venture
