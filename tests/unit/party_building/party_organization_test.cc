#include "party_building/domain/party_organization.h"

#include <gtest/gtest.h>

#include <string>

namespace socgov::party_building {
namespace {

Date D(const char* s) { return *ParseDate(s); }

PartyOrganization Draft(PartyOrgType type, int formal, int probationary = 0,
                        std::vector<std::string> covered = {"org-1"}) {
  PartyOrganization o;
  o.id = "po-1";
  o.type = type;
  o.parent_id = "committee-1";
  o.covered_org_ids = std::move(covered);
  o.formal_members = formal;
  o.probationary_members = probationary;
  return o;
}

std::vector<std::string> Units(int n) {
  std::vector<std::string> u;
  for (int i = 0; i < n; ++i) u.push_back("org-" + std::to_string(i));
  return u;
}

void ExpectPrecondition(const Status& s, const std::string& rule) {
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->code, ErrorCode::kFailedPrecondition) << s->message;
  EXPECT_EQ(s->message.rfind("state ", 0), 0u) << s->message;
  EXPECT_NE(s->message.find(rule), std::string::npos) << s->message;
}

template <typename T>
void ExpectPrecondition(const Result<T>& r, const std::string& rule) {
  ASSERT_FALSE(r.ok());
  ExpectPrecondition(Status{r.error()}, rule);
}

template <typename T>
void ExpectInvalid(const Result<T>& r, const std::string& field) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << r.error().message;
  EXPECT_EQ(r.error().message.rfind(field + ":", 0), 0u) << r.error().message;
}

const Approver kCommittee{"committee-1", true, true};
const std::vector<std::string> kChain{"committee-1", "city-working-committee"};

Leadership Secretary() { return Leadership{"p-sec", "", {}, false, 0}; }
Leadership Committee() { return Leadership{"p-sec", "p-dep", {"p-sec", "p-dep", "p-3"}, true, 2}; }

PartyOrganization ActiveBranch(int formal) {
  auto o = *Approve(*Propose(Draft(PartyOrgType::kBranch, formal), D("2026-01-05")), kCommittee,
                    kChain, D("2026-01-20"));
  return *Activate(o, formal >= 7 ? Committee() : Secretary(),
                   Term{D("2026-02-01"), D("2029-01-31")}, D("2026-02-01"));
}

TEST(PartyOrganization, Pb01BranchNeedsThreeFormalMembers) {
  ExpectPrecondition(Propose(Draft(PartyOrgType::kBranch, 2, 5), D("2026-01-05")), "PB-01");
  EXPECT_TRUE(Propose(Draft(PartyOrgType::kBranch, 3), D("2026-01-05")).ok());
}

TEST(PartyOrganization, Pb01BranchSizeAtMostFiftyUnlessExcepted) {
  EXPECT_TRUE(Propose(Draft(PartyOrgType::kBranch, 45, 4), D("2026-01-05")).ok());  // 49
  EXPECT_TRUE(Propose(Draft(PartyOrgType::kBranch, 45, 5), D("2026-01-05")).ok());  // 50
  ExpectPrecondition(Propose(Draft(PartyOrgType::kBranch, 45, 6), D("2026-01-05")), "PB-01");
  auto excepted = Draft(PartyOrgType::kBranch, 45, 6);
  excepted.size_exception_approved = true;
  EXPECT_TRUE(Propose(excepted, D("2026-01-05")).ok());
}

TEST(PartyOrganization, Pb02JointBranchCoversAtMostFiveUnits) {
  EXPECT_TRUE(Propose(Draft(PartyOrgType::kJointBranch, 4, 0, Units(5)), D("2026-01-05")).ok());
  ExpectPrecondition(Propose(Draft(PartyOrgType::kJointBranch, 4, 0, Units(6)), D("2026-01-05")),
                     "PB-02");
}

TEST(PartyOrganization, Pb02JointBranchCoversSeveralUnitsAndABranchOnlyOne) {
  ExpectPrecondition(Propose(Draft(PartyOrgType::kJointBranch, 4, 0, Units(1)), D("2026-01-05")),
                     "PB-02");
  ExpectPrecondition(Propose(Draft(PartyOrgType::kBranch, 4, 0, Units(2)), D("2026-01-05")),
                     "PB-02");
  // The joint branch's 3 formal members are counted over all its units.
  ExpectPrecondition(Propose(Draft(PartyOrgType::kJointBranch, 2, 0, Units(3)), D("2026-01-05")),
                     "PB-01");
}

TEST(PartyOrganization, Pb02FewerThanThreeFormalMembersOnlyJointBranch) {
  EXPECT_EQ(PermittedTypes(2, 40), std::vector<PartyOrgType>{PartyOrgType::kJointBranch});
  EXPECT_EQ(PermittedTypes(3, 0), std::vector<PartyOrgType>{PartyOrgType::kBranch});
}

TEST(PartyOrganization, Pb03SizeThresholdsAt49And50And99And100) {
  using T = PartyOrgType;
  EXPECT_EQ(PermittedTypes(49, 0), std::vector<T>{T::kBranch});
  EXPECT_EQ(PermittedTypes(40, 10), (std::vector<T>{T::kBranch, T::kGeneralBranch}));  // 50
  EXPECT_EQ(PermittedTypes(99, 0), std::vector<T>{T::kGeneralBranch});
  EXPECT_EQ(PermittedTypes(90, 10), std::vector<T>{T::kCommittee});  // 100

  ExpectPrecondition(Propose(Draft(T::kGeneralBranch, 49), D("2026-01-05")), "PB-03");
  EXPECT_TRUE(Propose(Draft(T::kGeneralBranch, 50), D("2026-01-05")).ok());
  EXPECT_TRUE(Propose(Draft(T::kGeneralBranch, 99), D("2026-01-05")).ok());
  ExpectPrecondition(Propose(Draft(T::kGeneralBranch, 100), D("2026-01-05")), "PB-03");
  ExpectPrecondition(Propose(Draft(T::kCommittee, 99), D("2026-01-05")), "PB-03");
  EXPECT_TRUE(Propose(Draft(T::kCommittee, 100), D("2026-01-05")).ok());
}

TEST(PartyOrganization, Pb03ExceptionsByApproval) {
  auto small_committee = Draft(PartyOrgType::kCommittee, 60);
  small_committee.size_exception_approved = true;
  EXPECT_TRUE(Propose(small_committee, D("2026-01-05")).ok());
  auto small_general = Draft(PartyOrgType::kGeneralBranch, 30);
  small_general.size_exception_approved = true;
  EXPECT_TRUE(Propose(small_general, D("2026-01-05")).ok());
}

TEST(PartyOrganization, Pb04SevenFormalMembersNeedACommittee) {
  auto six = *Approve(*Propose(Draft(PartyOrgType::kBranch, 6, 3), D("2026-01-05")), kCommittee,
                      kChain, D("2026-01-20"));
  const Term term{D("2026-02-01"), D("2029-01-31")};
  EXPECT_TRUE(
      Activate(six, Leadership{"p-sec", "p-dep", {}, false, 0}, term, D("2026-02-01")).ok());
  ExpectPrecondition(Activate(six, Committee(), term, D("2026-02-01")), "PB-04");

  auto seven = *Approve(*Propose(Draft(PartyOrgType::kBranch, 7), D("2026-01-05")), kCommittee,
                        kChain, D("2026-01-20"));
  ExpectPrecondition(Activate(seven, Secretary(), term, D("2026-02-01")), "PB-04");
  ExpectPrecondition(
      Activate(seven, Leadership{"p-sec", "", {"p-sec", "p-2"}, false, 0}, term, D("2026-02-01")),
      "PB-04");
  EXPECT_TRUE(Activate(seven, Committee(), term, D("2026-02-01")).ok());
  ExpectInvalid(Activate(seven, Leadership{"p-sec", "", {"p-1", "p-2", "p-3"}, false, 0}, term,
                         D("2026-02-01")),
                "leadership.committee");
  ExpectInvalid(Activate(seven, Leadership{}, term, D("2026-02-01")),
                "leadership.secretary_person_id");
}

TEST(PartyOrganization, Pb05EstablishmentApprovedByAHigherOrganizationWithAuthority) {
  const auto p = *Propose(Draft(PartyOrgType::kBranch, 5), D("2026-01-05"));
  ExpectPrecondition(Approve(p, Approver{"sibling-branch", true, true}, kChain, D("2026-01-20")),
                     "PB-05");
  ExpectPrecondition(Approve(p, Approver{"committee-1", false, true}, kChain, D("2026-01-20")),
                     "PB-05");
  ExpectInvalid(Approve(p, kCommittee, {"someone-else"}, D("2026-01-20")), "higher_chain");
  ExpectInvalid(Approve(p, kCommittee, kChain, D("2026-01-04")), "on");
  const auto by_grandparent =
      Approve(p, Approver{"city-working-committee", true, false}, kChain, D("2026-01-20"));
  ASSERT_TRUE(by_grandparent.ok());
  EXPECT_EQ(by_grandparent->state, PartyOrgState::kEstablished);
  EXPECT_EQ(by_grandparent->approved_by, "city-working-committee");
  EXPECT_EQ(by_grandparent->approved_on, D("2026-01-20"));

  auto top = Draft(PartyOrgType::kBranch, 5);
  top.parent_id.clear();
  ExpectPrecondition(Approve(*Propose(top, D("2026-01-05")), kCommittee, {}, D("2026-01-20")),
                     "PB-05");
}

TEST(PartyOrganization, Pb05LifecycleProposedEstablishedActiveElectionDissolved) {
  auto o = ActiveBranch(8);
  EXPECT_EQ(o.state, PartyOrgState::kActive);
  ExpectPrecondition(Approve(o, kCommittee, kChain, D("2026-03-01")), "§3.6");
  ExpectInvalid(StartTermElection(o, D("2026-01-31")), "on");
  o = *StartTermElection(o, D("2029-01-10"));
  EXPECT_EQ(o.state, PartyOrgState::kTermElection);
  ExpectPrecondition(StartTermElection(o, D("2029-01-11")), "§3.6");
  ExpectInvalid(
      CompleteTermElection(o, Committee(), Term{D("2026-02-01"), D("2032-01-31")}, D("2029-01-20")),
      "term");
  ExpectInvalid(
      CompleteTermElection(o, Committee(), Term{D("2029-02-01"), D("2029-01-31")}, D("2029-01-20")),
      "term");
  o = *CompleteTermElection(o, Committee(), Term{D("2029-02-01"), D("2032-01-31")},
                            D("2029-01-20"));
  EXPECT_EQ(o.state, PartyOrgState::kActive);
  EXPECT_EQ(o.term.end, D("2032-01-31"));
  o = *Dissolve(o, D("2030-06-30"));
  EXPECT_EQ(o.state, PartyOrgState::kDissolved);
  EXPECT_EQ(o.dissolved_on, D("2030-06-30"));
  ExpectPrecondition(Dissolve(o, D("2030-07-01")), "DISSOLVED");
  ExpectPrecondition(
      Activate(o, Committee(), Term{D("2030-07-01"), D("2033-06-30")}, D("2030-07-01")), "§3.6");
}

TEST(PartyOrganization, Pb04TermElectionRechecksTheCommitteeRule) {
  auto o = *StartTermElection(ActiveBranch(8), D("2029-01-10"));
  o.formal_members = 6;  // members left during the term
  ExpectPrecondition(
      CompleteTermElection(o, Committee(), Term{D("2029-02-01"), D("2032-01-31")}, D("2029-01-20")),
      "PB-04");
}

TEST(PartyOrganization, Pb06TemporaryTypeHoldsNoTermElectionAndIsNotProposedHere) {
  auto t = ActiveBranch(5);
  t.type = PartyOrgType::kTemporaryBranch;
  ExpectPrecondition(StartTermElection(t, D("2027-01-10")), "PB-06");
  ExpectInvalid(Propose(Draft(PartyOrgType::kTemporaryBranch, 5), D("2026-01-05")), "type");
}

TEST(PartyOrganization, Pb05ProposalRefusesBadInputNamingTheField) {
  auto no_id = Draft(PartyOrgType::kBranch, 5);
  no_id.id.clear();
  ExpectInvalid(Propose(no_id, D("2026-01-05")), "id");
  ExpectInvalid(Propose(Draft(PartyOrgType::kBranch, -1), D("2026-01-05")), "formal_members");
  ExpectInvalid(Propose(Draft(PartyOrgType::kBranch, 5, -2), D("2026-01-05")),
                "probationary_members");
  ExpectInvalid(Propose(Draft(PartyOrgType::kBranch, 5, 0, {}), D("2026-01-05")),
                "covered_org_ids");
  ExpectInvalid(Propose(Draft(PartyOrgType::kJointBranch, 5, 0, {"a", "a"}), D("2026-01-05")),
                "covered_org_ids");
}

TEST(PartyOrganization, Pb07NeijiangOneShoulderAndCrossAppointmentAreCounted) {
  auto a = ActiveBranch(8);  // 一肩挑, 2 cross-appointed
  auto b = ActiveBranch(4);  // neither
  auto c = ActiveBranch(8);
  c.leadership.secretary_is_org_head = false;
  c.leadership.cross_appointed = 1;
  auto gone = *Dissolve(ActiveBranch(8), D("2027-01-01"));  // not counted
  const auto n = CountLeadership({a, b, c, gone});
  EXPECT_EQ(n.organizations, 3);
  EXPECT_EQ(n.secretary_is_head, 1);
  EXPECT_EQ(n.with_cross_appointment, 2);
  EXPECT_EQ(n.cross_appointed_people, 3);
  auto bad = *Approve(*Propose(Draft(PartyOrgType::kBranch, 4), D("2026-01-05")), kCommittee,
                      kChain, D("2026-01-20"));
  ExpectInvalid(Activate(bad, Leadership{"p", "", {}, false, -1},
                         Term{D("2026-02-01"), D("2029-01-31")}, D("2026-02-01")),
                "leadership.cross_appointed");
}

TEST(PartyOrganization, Pb01FiveTypesAndTheirNames) {
  EXPECT_EQ(PartyOrgTypeName(PartyOrgType::kCommittee), "党委");
  EXPECT_EQ(PartyOrgTypeName(PartyOrgType::kGeneralBranch), "党总支");
  EXPECT_EQ(PartyOrgTypeName(PartyOrgType::kBranch), "党支部");
  EXPECT_EQ(PartyOrgTypeName(PartyOrgType::kJointBranch), "联合党支部");
  EXPECT_EQ(PartyOrgTypeName(PartyOrgType::kTemporaryBranch), "临时党支部");
  EXPECT_EQ(PartyOrgStateName(PartyOrgState::kTermElection), "TERM_ELECTION");
}

}  // namespace
}  // namespace socgov::party_building
