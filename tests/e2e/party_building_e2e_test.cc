// End to end with every process (registration, supervision, party building, audit) on
// harness-started redis-server and nats-server:
//   (a) registration cancels a host organization; party building dissolves its temporary branch
//       (PB-06/07) through its route on REGISTRATION; audit records organization.cancelled and
//       temporary_branch.dissolved exactly once each, decoded;
//   (b) an organization reaching 3 formal party members with no party organization (PB-01) is put
//       on supervision's ABNORMAL list (CR-01(b) / PB-11) through events alone, and comes off it
//       (CR-05) when a party organization covering it is approved.
// "Exactly once" and "nothing more" are proven from the consumers' state (nothing pending,
// nothing unacknowledged), not by waiting.
#include <nats/nats.h>

#include "platform/bus/nats.h"
#include "platform/util/dates.h"
#include "rpc.h"
#include "socgov/audit/v1/audit_service.grpc.pb.h"
#include "socgov/party_building/v1/party_building_service.grpc.pb.h"
#include "socgov/registration/v1/registration_service.grpc.pb.h"
#include "socgov/supervision/v1/supervision_service.grpc.pb.h"
#include "stack.h"

namespace socgov::testing {
namespace {

namespace rv1 = ::socgov::registration::v1;
namespace sv1 = ::socgov::supervision::v1;
namespace pv1 = ::socgov::party_building::v1;
namespace av1 = ::socgov::audit::v1;
using std::chrono::seconds;

// A valid GB 11643 ID number of person `n` (born 1980-01-01 in 110105).
std::string IdNumber(int n) {
  char first17[18];
  std::snprintf(first17, sizeof first17, "11010519800101%03d", n);
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return std::string(first17) + "10X98765432"[sum % 11];
}

class PartyBuildingE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    stack_.StartRegistration({{"SOCGOV_JOINT_REVIEW_REQUIRED", "false"}});
    stack_.Start("supervision");
    stack_.Start("party-building");
    stack_.StartAudit();
    for (const char* s : {"registration", "supervision", "party-building", "audit"})
      ASSERT_TRUE(stack_.WaitReady(stack_.addr(s))) << s << "\n" << stack_.Logs();
    auto channel = [&](const std::string& s) {
      return grpc::CreateChannel(stack_.addr(s), grpc::InsecureChannelCredentials());
    };
    reg_ = rv1::RegistrationService::NewStub(channel("registration"));
    sup_ = sv1::SupervisionService::NewStub(channel("supervision"));
    pb_ = pv1::PartyBuildingService::NewStub(channel("party-building"));
    audit_ = av1::AuditService::NewStub(channel("audit"));
    clerk_ = stack_.Token("clerk");
    registrar_ = stack_.Token("registrar");
    officer_ = stack_.Token("party_work_officer");
    viewer_ = stack_.Token("viewer");
    auditor_ = stack_.Token("auditor");
    auto conn = bus::Connection::Connect({stack_.nats().url(), "e2e-pb-observer"});
    ASSERT_TRUE(conn.ok());
    conn_ = std::move(conn).value();
  }

  rv1::Organization Register(const std::string& name, const std::string& key) {
    rv1::SubmitApplicationRequest submit;
    submit.set_request_id("e2e-pb-submit-" + key);
    auto* p = submit.mutable_profile();
    p->set_org_type(rv1::ORG_TYPE_SOCIAL_SERVICE);
    p->set_social_service_form(rv1::SOCIAL_SERVICE_FORM_LEGAL_PERSON);
    p->set_name(name);
    p->set_domicile("厦门市集美区杏林街道杏滨路1号");
    p->mutable_legal_representative()->set_name("王立新");
    p->mutable_funds()->set_fen(3'000'000);
    p->set_business_scope("社会工作服务");
    p->set_jurisdiction(Stack::kJurisdiction);
    submit.set_legal_representative_id_number("11010519491231002X");
    rv1::SubmitApplicationResponse submitted;
    auto st =
        Rpc(*reg_, &rv1::RegistrationService::Stub::SubmitApplication, submit, &submitted, clerk_);
    EXPECT_TRUE(st.ok()) << st.error_message();
    rv1::ApproveApplicationRequest approve;
    approve.set_request_id("e2e-pb-approve-" + key);
    approve.set_application_id(submitted.application().id());
    approve.set_version(submitted.application().version());
    rv1::ApproveApplicationResponse approved;
    st = Rpc(*reg_, &rv1::RegistrationService::Stub::ApproveApplication, approve, &approved,
             registrar_);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return approved.organization();
  }

  // Party building's directory learns organizations from registration's events: retried until it
  // has (the only wait on another process; the call itself is the condition).
  template <typename Req, typename Resp, typename Fn>
  grpc::Status PbOnceKnown(Fn fn, const Req& req, Resp* resp) {
    grpc::Status st;
    WaitFor(
        [&] {
          st = Rpc(*pb_, fn, req, resp, officer_);
          return st.error_code() != grpc::StatusCode::INVALID_ARGUMENT &&
                 st.error_code() != grpc::StatusCode::NOT_FOUND &&
                 st.error_code() != grpc::StatusCode::FAILED_PRECONDITION;
        },
        seconds(20));
    return st;
  }

  // The audit records of an aggregate and event type; `first` (optional) gets the first.
  int AuditCount(const std::string& aggregate, const std::string& type,
                 av1::AuditRecord* first = nullptr) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + auditor_);
    av1::ListAuditRecordsRequest req;
    req.set_aggregate_id(aggregate);
    req.set_event_type(type);
    req.mutable_page()->set_page_size(100);
    av1::ListAuditRecordsResponse resp;
    EXPECT_TRUE(audit_->ListAuditRecords(&ctx, req, &resp).ok());
    if (first != nullptr && resp.records_size() > 0) *first = resp.records(0);
    return resp.records_size();
  }

  std::vector<std::string> Abnormal() {
    sv1::ListCreditListingsRequest req;
    req.set_list(sv1::CREDIT_LIST_ABNORMAL);
    sv1::ListCreditListingsResponse out;
    std::vector<std::string> rows;
    if (Rpc(*sup_, &sv1::SupervisionService::Stub::ListCreditListings, req, &out, viewer_).ok())
      for (const auto& r : out.rows())
        rows.push_back(r.organization_id() + " " + r.listing().reason());
    return rows;
  }

  Stack stack_;
  std::unique_ptr<rv1::RegistrationService::Stub> reg_;
  std::unique_ptr<sv1::SupervisionService::Stub> sup_;
  std::unique_ptr<pv1::PartyBuildingService::Stub> pb_;
  std::unique_ptr<av1::AuditService::Stub> audit_;
  std::string clerk_, registrar_, officer_, viewer_, auditor_;
  std::unique_ptr<bus::Connection> conn_;
};

TEST_F(PartyBuildingE2e, Pb06Pb07HostCancelledDissolvesItsTemporaryBranchOnceEachInTheAuditChain) {
  auto host = Register("厦门市集美区端到端临时党支部服务中心", "host");
  const std::string today = FormatDate(ChinaDate(std::chrono::system_clock::now()));
  // TE-01: the council term the temporary branch's term follows (PB-07).
  rv1::RecordCouncilTermRequest term;
  term.set_request_id("e2e-pb-term");
  term.set_organization_id(host.id());
  term.set_version(host.version());
  term.set_start_date("2025-01-01");
  term.set_end_date("2029-12-31");
  auto st = Rpc(*reg_, &rv1::RegistrationService::Stub::RecordCouncilTerm, term, &host, registrar_);
  ASSERT_TRUE(st.ok()) << st.error_message();

  pv1::ApplyTemporaryBranchRequest apply;
  apply.set_request_id("e2e-tb-apply");
  apply.set_host_organization_id(host.id());
  apply.set_parent_id("JM-SOC-COMMITTEE");
  apply.set_formal_members_not_transferred(3);
  apply.set_application_doc_no("集社党申〔2026〕9号");
  pv1::TemporaryBranch tb;
  // Known to party building with its council term once both registration events arrived.
  ASSERT_TRUE(WaitFor(
      [&] {
        st =
            Rpc(*pb_, &pv1::PartyBuildingService::Stub::ApplyTemporaryBranch, apply, &tb, officer_);
        return st.ok();
      },
      seconds(20)))
      << st.error_message() << "\n"
      << stack_.Logs();
  EXPECT_EQ(tb.term_end(), "2029-12-31");
  pv1::ApproveTemporaryBranchRequest approve;
  approve.set_request_id("e2e-tb-approve");
  approve.set_branch_id(tb.id());
  approve.set_version(tb.version());
  approve.mutable_approver()->set_party_org_id("JM-SOC-COMMITTEE");
  approve.mutable_approver()->set_may_approve_probationary_members(true);
  approve.set_approval_doc_no("集社党批〔2026〕9号");
  approve.set_secretary_person_id("P-900");
  st = Rpc(*pb_, &pv1::PartyBuildingService::Stub::ApproveTemporaryBranch, approve, &tb, officer_);
  ASSERT_TRUE(st.ok()) << st.error_message();
  pv1::FileTemporaryBranchRequest file;
  file.set_request_id("e2e-tb-file");
  file.set_branch_id(tb.id());
  file.set_version(tb.version());
  file.set_filing_doc_no("集社党备〔2026〕9号");
  st = Rpc(*pb_, &pv1::PartyBuildingService::Stub::FileTemporaryBranch, file, &tb, officer_);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(tb.state(), pv1::PARTY_ORG_STATE_ACTIVE);

  // Registration cancels the host (REG-14..16): dissolution, liquidation, cancellation.
  rv1::Organization o;
  rv1::ResolveDissolutionRequest dissolve;
  dissolve.set_request_id("e2e-pb-dis");
  dissolve.set_organization_id(host.id());
  dissolve.set_version(host.version());
  dissolve.set_ground(rv1::DISSOLUTION_GROUND_SELF_DISSOLUTION);
  dissolve.set_resolved_on(today);
  st = Rpc(*reg_, &rv1::RegistrationService::Stub::ResolveDissolution, dissolve, &o, clerk_);
  ASSERT_TRUE(st.ok()) << st.error_message();
  rv1::StartLiquidationRequest liquidate;
  liquidate.set_request_id("e2e-pb-liq");
  liquidate.set_organization_id(host.id());
  liquidate.set_version(o.version());
  liquidate.add_liquidation_group("王立新");
  liquidate.add_liquidation_group("陈静");
  st = Rpc(*reg_, &rv1::RegistrationService::Stub::StartLiquidation, liquidate, &o, clerk_);
  ASSERT_TRUE(st.ok()) << st.error_message();
  rv1::ApplyCancellationRequest cancel;
  cancel.set_request_id("e2e-pb-can");
  cancel.set_organization_id(host.id());
  cancel.set_version(o.version());
  cancel.set_liquidation_ended_on(today);
  cancel.set_residual_assets_disposition("剩余财产捐赠给厦门市慈善总会");
  cancel.set_audit_report_received(true);
  st = Rpc(*reg_, &rv1::RegistrationService::Stub::ApplyCancellation, cancel, &o, clerk_);
  ASSERT_TRUE(st.ok()) << st.error_message();
  rv1::ApproveCancellationRequest approve_cancel;
  approve_cancel.set_request_id("e2e-pb-can-ok");
  approve_cancel.set_organization_id(host.id());
  approve_cancel.set_version(o.version());
  approve_cancel.set_certificate_and_seals_collected(true);
  st = Rpc(*reg_, &rv1::RegistrationService::Stub::ApproveCancellation, approve_cancel, &o,
           registrar_);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(o.status(), rv1::ORG_STATUS_CANCELLED);

  pv1::GetTemporaryBranchRequest get;
  get.set_branch_id(tb.id());
  ASSERT_TRUE(WaitFor(
      [&] {
        return Rpc(*pb_, &pv1::PartyBuildingService::Stub::GetTemporaryBranch, get, &tb, officer_)
                   .ok() &&
               tb.state() == pv1::PARTY_ORG_STATE_DISSOLVED;
      },
      seconds(20)))
      << stack_.Logs();
  EXPECT_EQ(tb.dissolution_reason(), pv1::DISSOLUTION_REASON_HOST_CANCELLED);

  // Party building applied everything registration published, and audit recorded both streams.
  ASSERT_TRUE(WaitFor(
      [&] {
        return Settled(*conn_, "REGISTRATION", "party-building-host-ends") &&
               Settled(*conn_, "REGISTRATION", "audit") &&
               Settled(*conn_, "PARTY_BUILDING", "audit");
      },
      seconds(30)))
      << stack_.Logs();
  av1::AuditRecord cancelled, dissolved;
  EXPECT_EQ(AuditCount(host.id(), "cn.socgov.registration.organization.cancelled.v1", &cancelled),
            1);
  EXPECT_EQ(
      AuditCount(tb.id(), "cn.socgov.party_building.temporary_branch.dissolved.v1", &dissolved), 1);
  // Decoded by the audit binary (party building's descriptors are linked in), naming the
  // registration event that caused it.
  const std::string& json = dissolved.payload_json();
  EXPECT_EQ(json.find("undecoded_base64"), std::string::npos) << json;
  EXPECT_NE(json.find("\"host_organization_id\":\"" + host.id() + "\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"cause_event_id\":\"" + cancelled.event_id() + "\""), std::string::npos)
      << json;
  EXPECT_EQ(AuditCount(tb.id(), "cn.socgov.party_building.temporary_branch.filed.v1"), 1);
  EXPECT_EQ(stack_.Ctl("auditor", "audit verify").exit_code, 0);
}

TEST_F(PartyBuildingE2e, Pb01Pb11Cr01bOrganizationWithoutPartyOrganizationListedThroughEvents) {
  const auto x = Register("厦门市集美区端到端党员服务中心", "x");
  const auto y = Register("厦门市集美区端到端支部服务中心", "y");
  // A branch of Y's; the members below work at X, which nothing covers.
  pv1::ProposePartyOrganizationRequest propose;
  propose.set_request_id("e2e-po-y");
  propose.set_type(pv1::PARTY_ORG_TYPE_BRANCH);
  propose.add_covered_organization_ids(y.id());
  propose.set_parent_id("JM-SOC-COMMITTEE");
  propose.set_formal_members(3);
  pv1::PartyOrganization branch_y;
  auto st =
      PbOnceKnown(&pv1::PartyBuildingService::Stub::ProposePartyOrganization, propose, &branch_y);
  ASSERT_TRUE(st.ok()) << st.error_message() << "\n" << stack_.Logs();
  for (int i = 1; i <= 3; ++i) {
    pv1::AddMemberRequest add;
    add.set_request_id("e2e-m-" + std::to_string(i));
    add.set_id_number(IdNumber(i));
    add.set_kind(pv1::MEMBER_KIND_FORMAL);
    add.set_party_org_id(branch_y.id());
    add.set_works_at_organization_id(x.id());
    pv1::PartyMember member;
    st = PbOnceKnown(&pv1::PartyBuildingService::Stub::AddMember, add, &member);
    ASSERT_TRUE(st.ok()) << i << ": " << st.error_message();
  }
  // Supervision lists X from party building's required_missing alone.
  ASSERT_TRUE(WaitFor([&] { return !Abnormal().empty(); }, seconds(30))) << stack_.Logs();
  EXPECT_EQ(Abnormal(), std::vector<std::string>{x.id() + " CR-01(b)"});

  // A party organization covering X approved (PB-05): the rectification removes it (CR-05).
  propose.set_request_id("e2e-po-x");
  propose.clear_covered_organization_ids();
  propose.add_covered_organization_ids(x.id());
  pv1::PartyOrganization branch_x;
  st = Rpc(*pb_, &pv1::PartyBuildingService::Stub::ProposePartyOrganization, propose, &branch_x,
           officer_);
  ASSERT_TRUE(st.ok()) << st.error_message();
  pv1::ApprovePartyOrganizationRequest approve;
  approve.set_request_id("e2e-po-x-approve");
  approve.set_party_org_id(branch_x.id());
  approve.set_version(branch_x.version());
  approve.mutable_approver()->set_party_org_id("JM-SOC-COMMITTEE");
  approve.mutable_approver()->set_may_approve_establishment(true);
  st = Rpc(*pb_, &pv1::PartyBuildingService::Stub::ApprovePartyOrganization, approve, &branch_x,
           officer_);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_TRUE(WaitFor([&] { return Abnormal().empty(); }, seconds(30))) << stack_.Logs();

  // Each fact once, in every consumer's final state.
  ASSERT_TRUE(WaitFor(
      [&] {
        return Settled(*conn_, "PARTY_BUILDING", "supervision-party-orgs") &&
               Settled(*conn_, "PARTY_BUILDING", "audit") &&
               Settled(*conn_, "SUPERVISION", "audit");
      },
      seconds(30)))
      << stack_.Logs();
  EXPECT_EQ(AuditCount(x.id(), "cn.socgov.party_building.party_org.required_missing.v1"), 1);
  EXPECT_EQ(AuditCount(x.id(), "cn.socgov.supervision.credit.listed.v1"), 1);
  EXPECT_EQ(AuditCount(x.id(), "cn.socgov.supervision.credit.removed.v1"), 1);
  // The members' ID numbers reached the chain masked only.
  for (int i = 1; i <= 3; ++i) {
    std::string masked = IdNumber(i);
    for (size_t k = 6; k + 4 < masked.size(); ++k) masked[k] = '*';
    av1::AuditRecord added;
    EXPECT_EQ(AuditCount(masked, "cn.socgov.party_building.member.added.v1", &added), 1) << i;
    EXPECT_EQ(added.payload_json().find(IdNumber(i)), std::string::npos) << added.payload_json();
    EXPECT_NE(added.payload_json().find(masked), std::string::npos) << added.payload_json();
  }
  EXPECT_EQ(stack_.Ctl("auditor", "audit verify").exit_code, 0);
}

}  // namespace
}  // namespace socgov::testing
