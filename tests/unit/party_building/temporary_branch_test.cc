#include "party_building/domain/temporary_branch.h"

#include <gtest/gtest.h>

#include <string>

namespace socgov::party_building {
namespace {

Date D(const char* s) { return *ParseDate(s); }

const Term kCouncilTerm{D("2025-06-01"), D("2030-05-31")};
const Approver kCanApproveProbationary{"committee-1", true, true};
const std::vector<std::string> kChain{"committee-1", "city-working-committee"};

CouncilFacts Council(int not_transferred) {
  return CouncilFacts{"org-council", kCouncilTerm, not_transferred};
}

void ExpectRule(const Status& s, const std::string& state, const std::string& rule) {
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->code, ErrorCode::kFailedPrecondition) << s->message;
  EXPECT_EQ(s->message.rfind("state " + state + ": " + rule, 0), 0u) << s->message;
}

template <typename T>
void ExpectRule(const Result<T>& r, const std::string& state, const std::string& rule) {
  ASSERT_FALSE(r.ok());
  ExpectRule(Status{r.error()}, state, rule);
}

template <typename T>
void ExpectInvalid(const Result<T>& r, const std::string& field) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << r.error().message;
  EXPECT_EQ(r.error().message.rfind(field + ":", 0), 0u) << r.error().message;
}

TemporaryBranch Applied() {
  return *ApplyForTemporaryBranch("tb-1", "committee-1", Council(3), "申请-2026-01",
                                  D("2026-03-02"));
}

TemporaryBranch Approved() {
  return *ApproveTemporaryBranch(Applied(), kCanApproveProbationary, kChain, "批复-2026-07",
                                 "p-appointed", D("2026-03-10"));
}

TemporaryBranch Active() {
  return *FileTemporaryBranch(Approved(), "备案-2026-03", D("2026-03-12"));
}

TEST(TemporaryBranch, Pb07NeedsThreeFormalMembersNotTransferred) {
  ExpectRule(ApplyForTemporaryBranch("tb-1", "committee-1", Council(2), "申请-1", D("2026-03-02")),
             "PROPOSED", "PB-07");
  const auto ok =
      ApplyForTemporaryBranch("tb-1", "committee-1", Council(3), "申请-1", D("2026-03-02"));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->state, PartyOrgState::kProposed);
  EXPECT_EQ(ok->host_org_id, "org-council");
  EXPECT_EQ(ok->records.applied_on, D("2026-03-02"));
}

TEST(TemporaryBranch, Pb07TermIsTheCouncilTerm) {
  const auto b = Applied();
  EXPECT_EQ(b.term.start, kCouncilTerm.start);
  EXPECT_EQ(b.term.end, kCouncilTerm.end);
  ExpectRule(ApplyForTemporaryBranch("tb-1", "committee-1", Council(5), "申请-1", D("2030-06-01")),
             "PROPOSED", "PB-07");
}

TEST(TemporaryBranch, Pb07RefusesBadApplicationInput) {
  ExpectInvalid(ApplyForTemporaryBranch("", "committee-1", Council(3), "申请-1", D("2026-03-02")),
                "id");
  ExpectInvalid(ApplyForTemporaryBranch("tb", "", Council(3), "申请-1", D("2026-03-02")),
                "parent_id");
  ExpectInvalid(ApplyForTemporaryBranch("tb", "committee-1", Council(3), "", D("2026-03-02")),
                "application_doc_no");
  ExpectInvalid(ApplyForTemporaryBranch("tb", "committee-1", Council(-1), "申请", D("2026-03-02")),
                "council.formal_members_not_transferred");
  ExpectInvalid(ApplyForTemporaryBranch("tb", "committee-1", CouncilFacts{"", kCouncilTerm, 3},
                                        "申请", D("2026-03-02")),
                "council.org_id");
  ExpectInvalid(
      ApplyForTemporaryBranch("tb", "committee-1",
                              CouncilFacts{"o", Term{kCouncilTerm.end, kCouncilTerm.start}, 3},
                              "申请", D("2026-03-02")),
      "council.council_term");
}

TEST(TemporaryBranch, Pb07ApproverNeedsAuthorityToApproveProbationaryMembers) {
  ExpectRule(ApproveTemporaryBranch(Applied(), Approver{"committee-1", true, false}, kChain,
                                    "批复-1", "p-appointed", D("2026-03-10")),
             "PROPOSED", "PB-07");
  ExpectRule(ApproveTemporaryBranch(Applied(), Approver{"not-higher", true, true}, kChain, "批复-1",
                                    "p-appointed", D("2026-03-10")),
             "PROPOSED", "PB-07");
  ExpectInvalid(ApproveTemporaryBranch(Applied(), kCanApproveProbationary, {"elsewhere"}, "批复-1",
                                       "p-appointed", D("2026-03-10")),
                "higher_chain");
  const auto b = Approved();
  EXPECT_EQ(b.state, PartyOrgState::kEstablished);
  EXPECT_EQ(b.approved_by, "committee-1");
}

TEST(TemporaryBranch, Pb06LeadersAreAppointedByTheApprover) {
  EXPECT_EQ(Approved().secretary_person_id, "p-appointed");
  ExpectInvalid(ApproveTemporaryBranch(Applied(), kCanApproveProbationary, kChain, "批复-1", "",
                                       D("2026-03-10")),
                "appointed_secretary");
}

TEST(TemporaryBranch, Pb07DocumentsAreDatedApprovalAfterApplicationFilingAfterApproval) {
  ExpectInvalid(ApproveTemporaryBranch(Applied(), kCanApproveProbationary, kChain, "批复-1",
                                       "p-appointed", D("2026-03-01")),
                "on");
  ExpectInvalid(
      ApproveTemporaryBranch(Applied(), kCanApproveProbationary, kChain, "", "p", D("2026-03-10")),
      "approval_doc_no");
  // Same-day approval is allowed.
  EXPECT_TRUE(ApproveTemporaryBranch(Applied(), kCanApproveProbationary, kChain, "批复-1",
                                     "p-appointed", D("2026-03-02"))
                  .ok());
  ExpectInvalid(FileTemporaryBranch(Approved(), "备案-1", D("2026-03-09")), "on");
  ExpectInvalid(FileTemporaryBranch(Approved(), "", D("2026-03-12")), "filing_doc_no");
  ExpectRule(FileTemporaryBranch(Applied(), "备案-1", D("2026-03-12")), "PROPOSED", "§3.6");

  const auto b = Active();
  EXPECT_EQ(b.state, PartyOrgState::kActive);
  EXPECT_EQ(b.records.application_doc_no, "申请-2026-01");
  EXPECT_EQ(b.records.approved_on, D("2026-03-10"));
  EXPECT_EQ(b.records.approval_doc_no, "批复-2026-07");
  EXPECT_EQ(b.records.filed_on, D("2026-03-12"));
  EXPECT_EQ(b.records.filing_doc_no, "备案-2026-03");
  ExpectRule(
      ApproveTemporaryBranch(b, kCanApproveProbationary, kChain, "批复-2", "p", D("2026-03-13")),
      "ACTIVE", "§3.6");
}

TEST(TemporaryBranch, Pb06RefusesAdmitDisciplineDuesElectionsAndCongressDelegates) {
  const auto b = Active();
  ExpectRule(CheckAction(b, BranchAction::kAdmitMember), "ACTIVE", "PB-06");
  ExpectRule(CheckAction(b, BranchAction::kDiscipline), "ACTIVE", "PB-06");
  ExpectRule(CheckAction(b, BranchAction::kCollectDues), "ACTIVE", "PB-06");
  ExpectRule(CheckAction(b, BranchAction::kHoldTermElection), "ACTIVE", "PB-06");
  ExpectRule(CheckAction(b, BranchAction::kElectCongressDelegates), "ACTIVE", "PB-06");
}

TEST(TemporaryBranch, Pb06EducatesManagesAndSupervisesOnlyWhileActive) {
  const auto b = Active();
  EXPECT_FALSE(CheckAction(b, BranchAction::kEducate));
  EXPECT_FALSE(CheckAction(b, BranchAction::kManage));
  EXPECT_FALSE(CheckAction(b, BranchAction::kSupervise));
  ExpectRule(CheckAction(Approved(), BranchAction::kEducate), "ESTABLISHED", "§3.6");
}

TEST(TemporaryBranch, Pb06DissolvedWhenTheCouncilTermEnds) {
  const auto b = Active();
  EXPECT_EQ(DissolutionFor(b, HostStatus::kActive, D("2030-05-31")), std::nullopt);  // last day
  const auto d = DissolutionFor(b, HostStatus::kActive, D("2030-06-15"));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->on, D("2030-06-01"));
  EXPECT_EQ(d->reason, DissolutionReason::kTermEnded);
  EXPECT_EQ(DissolutionReasonName(d->reason), "council term ended");
  const auto gone = DissolveTemporaryBranch(b, *d);
  ASSERT_TRUE(gone.ok());
  EXPECT_EQ(gone->state, PartyOrgState::kDissolved);
  EXPECT_EQ(DissolutionFor(*gone, HostStatus::kCancelled, D("2030-07-01")), std::nullopt);
  ExpectRule(DissolveTemporaryBranch(*gone, *d), "DISSOLVED", "§3.6");
  ExpectRule(CheckAction(*gone, BranchAction::kEducate), "DISSOLVED", "§3.6");
}

TEST(TemporaryBranch, Pb06DissolvedWhenTheHostIsCancelledOrRevoked) {
  const auto b = Active();
  const auto cancelled = DissolutionFor(b, HostStatus::kCancelled, D("2027-04-01"));
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled->on, D("2027-04-01"));
  EXPECT_EQ(cancelled->reason, DissolutionReason::kHostCancelled);
  const auto revoked = DissolutionFor(b, HostStatus::kRevoked, D("2027-04-01"));
  ASSERT_TRUE(revoked);
  EXPECT_EQ(revoked->reason, DissolutionReason::kHostRevoked);
  // A proposal not yet approved goes with its host too.
  EXPECT_TRUE(DissolutionFor(Applied(), HostStatus::kCancelled, D("2026-03-05")));
  // When the term ran out first, that is the reason and the date.
  const auto late = DissolutionFor(b, HostStatus::kRevoked, D("2031-01-01"));
  ASSERT_TRUE(late);
  EXPECT_EQ(late->reason, DissolutionReason::kTermEnded);
  EXPECT_EQ(late->on, D("2030-06-01"));
  ExpectInvalid(
      DissolveTemporaryBranch(b, Dissolution{D("2026-01-01"), DissolutionReason::kHostCancelled}),
      "dissolution.on");
}

}  // namespace
}  // namespace socgov::party_building
