// The party-building service in-process on the kit, beside registration, on real redis-server and
// nats-server -js: its organizations come only from registration's events (the directory), a
// host's cancellation reaches it through the kit's router, and the council-term sweep runs with a
// clock the test moves (time passed in).
#include <atomic>
#include <cstdio>
#include <mutex>
#include <sstream>

#include "party_building_fixture.h"
#include "platform/bus/router.h"

namespace socgov::testing {
namespace {

using std::chrono::seconds;

TEST_F(PartyBuildingTest, Pb01Pb02Pb04Pb05Pb08ProposeApproveActivateAndCoverage) {
  std::vector<std::string> orgs;
  for (int i = 0; i < 6; ++i)
    orgs.push_back(
        Register("厦门市集美区党建" + std::to_string(i + 1) + "号服务中心", std::to_string(i))
            .id());
  StreamWatcher events(nats_->url(), "pb-test-watch", "PARTY_BUILDING");

  // PB-01: a branch of its own needs 3 formal members; nothing is stored.
  pv1::PartyOrganization po;
  auto st = Pb(&PbStub::ProposePartyOrganization,
               Proposal("p-small", pv1::PARTY_ORG_TYPE_BRANCH, {orgs[0]}, 2), &po);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("PB-01"), std::string::npos) << st.error_message();
  // PB-02: a joint branch covers at most 5 organizations.
  st = Pb(&PbStub::ProposePartyOrganization,
          Proposal("p-joint6", pv1::PARTY_ORG_TYPE_JOINT_BRANCH, orgs, 4), &po);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("PB-02"), std::string::npos) << st.error_message();
  // Bad input names the field.
  auto bad = Proposal("p-bad", pv1::PARTY_ORG_TYPE_BRANCH, {orgs[0]}, -1);
  st = Pb(&PbStub::ProposePartyOrganization, bad, &po);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("formal_members"), std::string::npos) << st.error_message();
  bad = Proposal("p-unknown", pv1::PARTY_ORG_TYPE_BRANCH, {"91350211MA00000000"}, 3);
  st = Pb(&PbStub::ProposePartyOrganization, bad, &po);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("covered_organization_ids"), std::string::npos);
  EXPECT_EQ(Keys("{pb}:org:*"), 0);
  EXPECT_EQ(Keys("{pb}:idem:*"), 0);

  // A branch of organization 0 and a joint branch of 0, 1 and 2 (many-to-many).
  pv1::PartyOrganization branch;
  st = Pb(&PbStub::ProposePartyOrganization,
          Proposal("p-branch", pv1::PARTY_ORG_TYPE_BRANCH, {orgs[0]}, 3), &branch);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(branch.state(), pv1::PARTY_ORG_STATE_PROPOSED);
  EXPECT_EQ(branch.jurisdiction(), kJimei);
  pv1::PartyOrganization joint;
  ASSERT_TRUE(
      Pb(&PbStub::ProposePartyOrganization,
         Proposal("p-joint", pv1::PARTY_ORG_TYPE_JOINT_BRANCH, {orgs[0], orgs[1], orgs[2]}, 4),
         &joint)
          .ok());
  // A replay answers the same organization.
  pv1::PartyOrganization again;
  ASSERT_TRUE(Pb(&PbStub::ProposePartyOrganization,
                 Proposal("p-branch", pv1::PARTY_ORG_TYPE_BRANCH, {orgs[0]}, 3), &again)
                  .ok());
  EXPECT_EQ(again.id(), branch.id());

  // PB-05: the approver must hold the authority.
  pv1::ApprovePartyOrganizationRequest approve;
  approve.set_request_id("a-branch-noauth");
  approve.set_party_org_id(branch.id());
  approve.set_version(branch.version());
  approve.mutable_approver()->set_party_org_id("JM-SOC-COMMITTEE");
  st = Pb(&PbStub::ApprovePartyOrganization, approve, &po);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("PB-05"), std::string::npos) << st.error_message();
  approve.set_request_id("a-branch");
  approve.mutable_approver()->set_may_approve_establishment(true);
  ASSERT_TRUE(Pb(&PbStub::ApprovePartyOrganization, approve, &branch).ok());
  EXPECT_EQ(branch.state(), pv1::PARTY_ORG_STATE_ESTABLISHED);
  approve.set_request_id("a-joint");
  approve.set_party_org_id(joint.id());
  approve.set_version(joint.version());
  ASSERT_TRUE(Pb(&PbStub::ApprovePartyOrganization, approve, &joint).ok());

  // PB-04: below 7 formal members a secretary, no committee.
  pv1::ActivatePartyOrganizationRequest activate;
  activate.set_request_id("act-branch");
  activate.set_party_org_id(branch.id());
  activate.set_version(branch.version());
  activate.set_term_start("2026-01-01");
  activate.set_term_end("2028-12-31");
  activate.mutable_leadership()->set_secretary_person_id("P-001");
  for (const char* p : {"P-001", "P-002", "P-003"}) activate.mutable_leadership()->add_committee(p);
  st = Pb(&PbStub::ActivatePartyOrganization, activate, &po);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("PB-04"), std::string::npos) << st.error_message();
  activate.set_request_id("act-branch-2");
  activate.mutable_leadership()->clear_committee();
  activate.mutable_leadership()->set_secretary_is_org_head(true);
  ASSERT_TRUE(Pb(&PbStub::ActivatePartyOrganization, activate, &branch).ok());
  EXPECT_EQ(branch.state(), pv1::PARTY_ORG_STATE_ACTIVE);

  // PB-08: 0, 1, 2 covered (0 twice, counted once) of the 6 registered.
  auto cov = CoverageNow();
  EXPECT_EQ(cov.organization().numerator(), 3);
  EXPECT_EQ(cov.organization().denominator(), 6);
  EXPECT_EQ(cov.work().numerator(), 3);

  // Members: the ID number validated, masked outside the store; one organization each.
  pv1::AddMemberRequest add;
  add.set_request_id("m-bad");
  add.set_id_number("110105194912310021");  // wrong check digit
  add.set_kind(pv1::MEMBER_KIND_FORMAL);
  add.set_party_org_id(branch.id());
  pv1::PartyMember member;
  st = Pb(&PbStub::AddMember, add, &member);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("id_number"), std::string::npos) << st.error_message();
  EXPECT_EQ(st.error_message().find("110105194912310021"), std::string::npos);
  EXPECT_EQ(Keys("{pb}:member:*"), 0);
  // PB-01 / CR-01(b): organization 3 reaches 3 formal members with no party organization.
  for (int i = 1; i <= 3; ++i) {
    add.set_request_id("m-" + std::to_string(i));
    add.set_id_number(IdNumber(i));
    add.set_works_at_organization_id(orgs[3]);
    st = Pb(&PbStub::AddMember, add, &member);
    ASSERT_TRUE(st.ok()) << st.error_message();
    EXPECT_EQ(member.id_number_masked(), party_building::MaskIdNumber(IdNumber(i)));
  }
  add.set_request_id("m-twice");
  add.set_id_number(IdNumber(1));
  add.set_party_org_id(joint.id());
  st = Pb(&PbStub::AddMember, add, &member);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  cov = CoverageNow();
  ASSERT_EQ(cov.required_but_missing_size(), 1);
  EXPECT_EQ(cov.required_but_missing(0), orgs[3]);
  // Viewers read counts, never records.
  pv1::GetPartyOrganizationRequest get;
  get.set_party_org_id(branch.id());
  EXPECT_EQ(Pb(&PbStub::GetPartyOrganization, get, &po, "viewer").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  // The events: each change once, coverage with its counts, the missing organization.
  events.Start();
  ASSERT_TRUE(WaitFor(
      [&] {
        auto t = events.types();
        return std::count(t.begin(), t.end(),
                          "cn.socgov.party_building.party_org.required_missing.v1") == 1;
      },
      seconds(20)))
      << pb_->log();
  const auto types = events.types();
  auto count = [&](const std::string& type) {
    return std::count(types.begin(), types.end(), "cn.socgov.party_building." + type + ".v1");
  };
  EXPECT_EQ(count("party_org.proposed"), 2);
  EXPECT_EQ(count("party_org.approved"), 2);
  EXPECT_EQ(count("party_org.established"), 1);
  EXPECT_EQ(count("coverage.changed"), 2);
  EXPECT_EQ(count("member.added"), 3);

  // The ID numbers never leave the service: the events carry the masked form only.
  std::mutex mu;
  std::string payloads;
  size_t seen = 0;
  std::ostringstream sink;
  log::Logger logger("pb-test-data", kJimei, &sink);
  const bus::ConsumerSpec spec{"PARTY_BUILDING", "pb-test-data", "", 5, 30000};
  ASSERT_FALSE(bus::EnsureConsumer(*conn_, spec).has_value());
  bus::ConsumerLoop loop(
      *conn_, spec,
      [&](const bus::Delivery& d) {
        std::lock_guard lock(mu);
        payloads += d.data;
        ++seen;
        return bus::ApplyResult{bus::Outcome::kApplied, ""};
      },
      [](const bus::Delivery&, const std::string&) { return true; }, nullptr, logger);
  loop.Start();
  ASSERT_TRUE(WaitFor(
      [&] {
        std::lock_guard lock(mu);
        return seen >= types.size();
      },
      seconds(20)));
  loop.Stop();
  for (int i = 1; i <= 3; ++i) {
    EXPECT_EQ(payloads.find(IdNumber(i)), std::string::npos) << i;
    EXPECT_NE(payloads.find(party_building::MaskIdNumber(IdNumber(i))), std::string::npos) << i;
  }
}

TEST_F(PartyBuildingTest, Pb06Pb07TemporaryBranchDissolvedWhenRegistrationCancelsItsHost) {
  const auto host = Register("厦门市集美区临时党支部服务中心", "host");
  SetCouncilTerm(host.id(), "2025-01-01", "2029-12-31");
  StreamWatcher events(nats_->url(), "pb-test-watch-tb", "PARTY_BUILDING");

  pv1::ApplyTemporaryBranchRequest apply;
  apply.set_request_id("tb-apply-2");
  apply.set_host_organization_id(host.id());
  apply.set_parent_id("JM-SOC-COMMITTEE");
  apply.set_formal_members_not_transferred(2);
  apply.set_application_doc_no("集社党申〔2026〕1号");
  pv1::TemporaryBranch tb;
  auto st = Pb(&PbStub::ApplyTemporaryBranch, apply, &tb);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("PB-07"), std::string::npos) << st.error_message();
  EXPECT_EQ(Keys("{pb}:branch*"), 0);
  apply.set_request_id("tb-apply");
  apply.set_formal_members_not_transferred(3);
  ASSERT_TRUE(Pb(&PbStub::ApplyTemporaryBranch, apply, &tb).ok());
  EXPECT_EQ(tb.term_start(), "2025-01-01");  // PB-07: the council's term
  EXPECT_EQ(tb.term_end(), "2029-12-31");

  pv1::ApproveTemporaryBranchRequest approve;
  approve.set_request_id("tb-approve-noauth");
  approve.set_branch_id(tb.id());
  approve.set_version(tb.version());
  approve.mutable_approver()->set_party_org_id("JM-SOC-COMMITTEE");
  approve.mutable_approver()->set_may_approve_establishment(true);
  approve.set_approval_doc_no("集社党批〔2026〕1号");
  approve.set_secretary_person_id("P-100");
  st = Pb(&PbStub::ApproveTemporaryBranch, approve, &tb);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("PB-07"), std::string::npos) << st.error_message();
  approve.set_request_id("tb-approve");
  approve.mutable_approver()->set_may_approve_probationary_members(true);
  ASSERT_TRUE(Pb(&PbStub::ApproveTemporaryBranch, approve, &tb).ok());
  pv1::FileTemporaryBranchRequest file;
  file.set_request_id("tb-file");
  file.set_branch_id(tb.id());
  file.set_version(tb.version());
  file.set_filing_doc_no("集社党备〔2026〕1号");
  ASSERT_TRUE(Pb(&PbStub::FileTemporaryBranch, file, &tb).ok());
  EXPECT_EQ(tb.state(), pv1::PARTY_ORG_STATE_ACTIVE);
  EXPECT_FALSE(tb.records().filed_on().empty());

  // PB-08: the branch reaches its host (work coverage); it is no party organization of it.
  const auto cov = CoverageNow();
  EXPECT_EQ(cov.organization().numerator(), 0);
  EXPECT_EQ(cov.work().numerator(), 1);
  EXPECT_EQ(cov.work().denominator(), 1);

  // PB-06: it educates, it does not admit, discipline, collect dues or elect.
  pv1::RecordBranchActionRequest action;
  action.set_branch_id(tb.id());
  action.set_action(pv1::BRANCH_ACTION_EDUCATE);
  pv1::RecordBranchActionResponse done;
  EXPECT_TRUE(Pb(&PbStub::RecordBranchAction, action, &done).ok());
  for (auto a : {pv1::BRANCH_ACTION_ADMIT_MEMBER, pv1::BRANCH_ACTION_DISCIPLINE,
                 pv1::BRANCH_ACTION_COLLECT_DUES, pv1::BRANCH_ACTION_HOLD_TERM_ELECTION}) {
    action.set_action(a);
    st = Pb(&PbStub::RecordBranchAction, action, &done);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    EXPECT_NE(st.error_message().find("PB-06"), std::string::npos) << st.error_message();
  }

  // Registration cancels the host: dissolution, liquidation, cancellation (REG-14..16).
  rv1::Organization o;
  rv1::ResolveDissolutionRequest dissolve;
  dissolve.set_request_id("pb-dis");
  dissolve.set_organization_id(host.id());
  dissolve.set_version(host.version());
  dissolve.set_ground(rv1::DISSOLUTION_GROUND_SELF_DISSOLUTION);
  dissolve.set_resolved_on(FormatDate(ChinaDate(std::chrono::system_clock::now())));
  ASSERT_TRUE(
      Call(&rv1::RegistrationService::Stub::ResolveDissolution, dissolve, &o, Token("clerk")).ok());
  rv1::StartLiquidationRequest liquidate;
  liquidate.set_request_id("pb-liq");
  liquidate.set_organization_id(host.id());
  liquidate.set_version(o.version());
  liquidate.add_liquidation_group("王立新");
  liquidate.add_liquidation_group("陈静");
  ASSERT_TRUE(
      Call(&rv1::RegistrationService::Stub::StartLiquidation, liquidate, &o, Token("clerk")).ok());
  rv1::ApplyCancellationRequest cancel;
  cancel.set_request_id("pb-can");
  cancel.set_organization_id(host.id());
  cancel.set_version(o.version());
  cancel.set_liquidation_ended_on(FormatDate(ChinaDate(std::chrono::system_clock::now())));
  cancel.set_residual_assets_disposition("剩余财产捐赠给厦门市慈善总会");
  cancel.set_audit_report_received(true);
  st = Call(&rv1::RegistrationService::Stub::ApplyCancellation, cancel, &o, Token("clerk"));
  ASSERT_TRUE(st.ok()) << st.error_message();
  rv1::ApproveCancellationRequest approve_cancel;
  approve_cancel.set_request_id("pb-can-ok");
  approve_cancel.set_organization_id(host.id());
  approve_cancel.set_version(o.version());
  approve_cancel.set_certificate_and_seals_collected(true);
  st = Call(&rv1::RegistrationService::Stub::ApproveCancellation, approve_cancel, &o,
            Token("registrar"));
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(o.status(), rv1::ORG_STATUS_CANCELLED);

  pv1::GetTemporaryBranchRequest get;
  get.set_branch_id(tb.id());
  ASSERT_TRUE(WaitFor(
      [&] {
        return Pb(&PbStub::GetTemporaryBranch, get, &tb).ok() &&
               tb.state() == pv1::PARTY_ORG_STATE_DISSOLVED;
      },
      seconds(20)))
      << pb_->log();
  EXPECT_EQ(tb.dissolution_reason(), pv1::DISSOLUTION_REASON_HOST_CANCELLED);
  events.Start();
  ASSERT_TRUE(WaitFor(
      [&] {
        auto t = events.types();
        return std::count(t.begin(), t.end(),
                          "cn.socgov.party_building.temporary_branch.dissolved.v1") >= 1;
      },
      seconds(20)));
  ASSERT_TRUE(WaitFor([&] { return events.Settled(); }, seconds(20)));
  const auto t = events.types();
  EXPECT_EQ(
      std::count(t.begin(), t.end(), "cn.socgov.party_building.temporary_branch.dissolved.v1"), 1);
  // Coverage published after the approval and after the dissolution.
  EXPECT_EQ(std::count(t.begin(), t.end(), "cn.socgov.party_building.coverage.changed.v1"), 2);
  EXPECT_EQ(pb_->kit().router().counts("host-ends").dead_lettered, 0u);
}

TEST_F(PartyBuildingTest, Pb07TemporaryBranchDissolvedWhenItsCouncilTermEnds) {
  const auto host = Register("厦门市集美区换届服务中心", "term");
  SetCouncilTerm(host.id(), "2022-07-01", "2027-06-30");
  pv1::ApplyTemporaryBranchRequest apply;
  apply.set_request_id("tt-apply");
  apply.set_host_organization_id(host.id());
  apply.set_parent_id("JM-SOC-COMMITTEE");
  apply.set_formal_members_not_transferred(4);
  apply.set_application_doc_no("集社党申〔2026〕2号");
  pv1::TemporaryBranch tb;
  ASSERT_TRUE(Pb(&PbStub::ApplyTemporaryBranch, apply, &tb).ok());
  pv1::ApproveTemporaryBranchRequest approve;
  approve.set_request_id("tt-approve");
  approve.set_branch_id(tb.id());
  approve.set_version(tb.version());
  approve.mutable_approver()->set_party_org_id("JM-SOC-COMMITTEE");
  approve.mutable_approver()->set_may_approve_probationary_members(true);
  approve.set_approval_doc_no("集社党批〔2026〕2号");
  approve.set_secretary_person_id("P-200");
  ASSERT_TRUE(Pb(&PbStub::ApproveTemporaryBranch, approve, &tb).ok());

  // Time passes (the kit clock): the sweep at start dissolves it the day after the term.
  pb_->Stop();
  pb_clock_.SetDay("2027-07-02");
  StartPb();
  pv1::GetTemporaryBranchRequest get;
  get.set_branch_id(tb.id());
  ASSERT_TRUE(WaitFor(
      [&] {
        return Pb(&PbStub::GetTemporaryBranch, get, &tb).ok() &&
               tb.state() == pv1::PARTY_ORG_STATE_DISSOLVED;
      },
      seconds(20)))
      << pb_->log();
  EXPECT_EQ(tb.dissolution_reason(), pv1::DISSOLUTION_REASON_TERM_ENDED);
  EXPECT_EQ(tb.dissolved_on(), "2027-07-01");
}

}  // namespace
}  // namespace socgov::testing
