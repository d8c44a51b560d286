// End to end with every process: a revocation decided in supervision reaches registration as
// case.decided, registration revokes the organization, and the audit binary records both facts
// exactly once each in its hash chain — proven from the consumers' state (nothing pending, nothing
// unacknowledged), not by waiting.
#include <nats/nats.h>

#include "platform/bus/nats.h"
#include "platform/util/dates.h"
#include "rpc.h"
#include "socgov/audit/v1/audit_service.grpc.pb.h"
#include "socgov/registration/v1/registration_service.grpc.pb.h"
#include "socgov/supervision/v1/supervision_service.grpc.pb.h"
#include "stack.h"

namespace socgov::testing {
namespace {

namespace rv1 = ::socgov::registration::v1;
namespace sv1 = ::socgov::supervision::v1;
namespace av1 = ::socgov::audit::v1;
using std::chrono::seconds;

TEST(SupervisionE2e, RevocationDecidedInSupervisionRevokesInRegistrationOnceEachInTheAuditChain) {
  Stack stack;
  stack.StartRegistration({{"SOCGOV_JOINT_REVIEW_REQUIRED", "false"}});
  stack.Start("supervision");
  stack.StartAudit();
  for (const char* s : {"registration", "supervision", "audit"})
    ASSERT_TRUE(stack.WaitReady(stack.addr(s))) << s << "\n" << stack.Logs();
  auto reg = rv1::RegistrationService::NewStub(
      grpc::CreateChannel(stack.reg_addr(), grpc::InsecureChannelCredentials()));
  auto sup = sv1::SupervisionService::NewStub(
      grpc::CreateChannel(stack.addr("supervision"), grpc::InsecureChannelCredentials()));
  auto audit = av1::AuditService::NewStub(
      grpc::CreateChannel(stack.audit_addr(), grpc::InsecureChannelCredentials()));
  const std::string clerk = stack.Token("clerk"), registrar = stack.Token("registrar"),
                    officer = stack.Token("enforcement_officer"), auditor = stack.Token("auditor");

  rv1::SubmitApplicationRequest submit;
  submit.set_request_id("e2e-sup-submit");
  auto* p = submit.mutable_profile();
  p->set_org_type(rv1::ORG_TYPE_SOCIAL_SERVICE);
  p->set_social_service_form(rv1::SOCIAL_SERVICE_FORM_LEGAL_PERSON);
  p->set_name("厦门市集美区端到端执法服务中心");
  p->set_domicile("厦门市集美区杏林街道杏滨路1号");
  p->mutable_legal_representative()->set_name("王立新");
  p->mutable_funds()->set_fen(3'000'000);
  p->set_business_scope("社会工作服务");
  p->set_jurisdiction("350211");
  submit.set_legal_representative_id_number("11010519491231002X");
  rv1::SubmitApplicationResponse submitted;
  ASSERT_TRUE(
      Rpc(*reg, &rv1::RegistrationService::Stub::SubmitApplication, submit, &submitted, clerk)
          .ok());
  rv1::ApproveApplicationRequest approve;
  approve.set_request_id("e2e-sup-approve");
  approve.set_application_id(submitted.application().id());
  approve.set_version(submitted.application().version());
  rv1::ApproveApplicationResponse approved;
  ASSERT_TRUE(
      Rpc(*reg, &rv1::RegistrationService::Stub::ApproveApplication, approve, &approved, registrar)
          .ok());
  const std::string org = approved.organization().id();

  // Supervision knows the organization once registration's event reached its directory.
  sv1::OpenCaseRequest open;
  open.set_request_id("e2e-case");
  open.set_organization_id(org);
  open.set_source(sv1::CASE_SOURCE_DETECTION);
  open.set_summary("成立后一年以上未开展业务活动");
  sv1::EnforcementCase c;
  ASSERT_TRUE(WaitFor(
      [&] { return Rpc(*sup, &sv1::SupervisionService::Stub::OpenCase, open, &c, officer).ok(); },
      seconds(20)))
      << stack.Logs();
  int step = 0;
  auto act = [&](auto fill) {
    sv1::ActOnCaseRequest req;
    req.set_request_id("e2e-step-" + std::to_string(++step));
    req.set_case_id(c.id());
    req.set_version(c.version());
    fill(req);
    auto st = Rpc(*sup, &sv1::SupervisionService::Stub::ActOnCase, req, &c, officer);
    ASSERT_TRUE(st.ok()) << "step " << step << ": " << st.error_message();
  };
  auto record = [&](sv1::RecordStage stage) {
    act([&](sv1::ActOnCaseRequest& r) {
      r.mutable_add_record()->mutable_record()->set_stage(stage);
      r.mutable_add_record()->mutable_record()->set_description("笔录");
    });
  };
  act([](sv1::ActOnCaseRequest& r) { r.mutable_pre_check(); });
  act([&](sv1::ActOnCaseRequest& r) {
    auto* f = r.mutable_file();
    f->set_case_no("集民罚字〔2026〕21号");
    f->add_investigators("chen.ming");
    f->add_investigators("lin.fang");
    f->set_violation_on(FormatDate(ChinaDate(std::chrono::system_clock::now())));
    f->set_facts_established(true);
    f->set_penalty_warranted(true);
  });
  record(sv1::RECORD_STAGE_FILING);
  act([](sv1::ActOnCaseRequest& r) { r.mutable_start_investigation(); });
  record(sv1::RECORD_STAGE_INVESTIGATION);
  const std::string tomorrow =
      FormatDate(ChinaDate(std::chrono::system_clock::now()) + std::chrono::days{10});
  act([&](sv1::ActOnCaseRequest& r) {
    auto* n = r.mutable_send_notice();
    n->add_proposed()->set_type(sv1::PENALTY_TYPE_REVOCATION);
    n->set_statement_deadline(tomorrow);
  });
  act([](sv1::ActOnCaseRequest& r) { r.mutable_submit_for_review()->set_rights_waived(true); });
  record(sv1::RECORD_STAGE_REVIEW);
  act([](sv1::ActOnCaseRequest& r) {
    r.mutable_review()->set_reviewer("huang.wei");
    r.mutable_review()->set_passed(true);
    r.mutable_review()->set_opinion("同意");
  });
  act([](sv1::ActOnCaseRequest& r) {
    auto* pen = r.mutable_decide()->add_penalties();
    pen->set_type(sv1::PENALTY_TYPE_REVOCATION);
    pen->set_basis("民办非企业单位登记管理暂行条例 第二十五条");
  });
  ASSERT_EQ(c.state(), sv1::CASE_STATE_DECIDED);

  rv1::GetOrganizationRequest get;
  get.set_organization_id(org);
  rv1::Organization o;
  ASSERT_TRUE(WaitFor(
      [&] {
        return Rpc(*reg, &rv1::RegistrationService::Stub::GetOrganization, get, &o, registrar)
                   .ok() &&
               o.status() == rv1::ORG_STATUS_REVOKED;
      },
      seconds(20)))
      << stack.Logs();

  // Registration applied the decision and audit recorded everything on both streams.
  auto conn = bus::Connection::Connect({stack.nats().url(), "e2e-sup-observer"});
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE(WaitFor(
      [&] {
        return Settled(**conn, "SUPERVISION", "registration-penalties") &&
               Settled(**conn, "REGISTRATION", "audit") && Settled(**conn, "SUPERVISION", "audit");
      },
      seconds(30)))
      << stack.Logs();
  auto count = [&](const std::string& aggregate, const std::string& type) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + auditor);
    av1::ListAuditRecordsRequest req;
    req.set_aggregate_id(aggregate);
    req.set_event_type(type);
    req.mutable_page()->set_page_size(100);
    av1::ListAuditRecordsResponse resp;
    EXPECT_TRUE(audit->ListAuditRecords(&ctx, req, &resp).ok());
    return resp.records_size();
  };
  EXPECT_EQ(count(c.id(), "cn.socgov.supervision.case.decided.v1"), 1);
  EXPECT_EQ(count(org, "cn.socgov.registration.organization.revoked.v1"), 1);
  EXPECT_EQ(count(org, "cn.socgov.supervision.credit.listed.v1"), 1);
  EXPECT_EQ(stack.Ctl("auditor", "audit verify").exit_code, 0);
}

}  // namespace
}  // namespace socgov::testing
