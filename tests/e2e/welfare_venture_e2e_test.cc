// End to end with every process: an organization registered in registration applies to a
// welfare-venture round; supervision then puts it on the abnormal list (a real RecordCreditEvent)
// and the welfare-venture service, which never reads supervision's keys, refuses its next
// application under CR-10 through supervision's credit.listed event alone. Audit records the
// welfare-venture events it decodes with the linked descriptors. `socgovctl wv` reads the round.
#include <nats/nats.h>

#include "platform/bus/nats.h"
#include "platform/util/dates.h"
#include "socgov/audit/v1/audit_service.grpc.pb.h"
#include "socgov/registration/v1/registration_service.grpc.pb.h"
#include "socgov/supervision/v1/supervision_service.grpc.pb.h"
#include "socgov/welfare_venture/v1/welfare_venture_service.grpc.pb.h"
#include "stack.h"

namespace socgov::testing {
namespace {

namespace rv1 = ::socgov::registration::v1;
namespace sv1 = ::socgov::supervision::v1;
namespace wv1 = ::socgov::welfare_venture::v1;
namespace av1 = ::socgov::audit::v1;
using std::chrono::seconds;

template <typename Stub, typename Req, typename Resp, typename Fn>
grpc::Status Rpc(Stub& stub, Fn fn, const Req& req, Resp* resp, const std::string& token) {
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + token);
  ctx.set_deadline(std::chrono::system_clock::now() + seconds(10));
  return (stub.*fn)(&ctx, req, resp);
}

bool Settled(bus::Connection& conn, const std::string& stream, const std::string& durable) {
  jsConsumerInfo* ci = nullptr;
  if (js_GetConsumerInfo(&ci, conn.js(), stream.c_str(), durable.c_str(), nullptr, nullptr) !=
      NATS_OK)
    return false;
  const bool settled = ci->NumPending == 0 && ci->NumAckPending == 0;
  jsConsumerInfo_Destroy(ci);
  return settled;
}

std::string DaysAgo(int n) {
  return FormatDate(ChinaDate(std::chrono::system_clock::now()) - std::chrono::days(n));
}

TEST(WelfareVentureE2e, Cr10OrganizationListedBySupervisionBecomesIneligibleThroughEventsAlone) {
  Stack stack;
  stack.StartRegistration({{"SOCGOV_JOINT_REVIEW_REQUIRED", "false"}});
  stack.Start("supervision");
  stack.Start("welfare-venture");
  stack.StartAudit();
  for (const char* s : {"registration", "supervision", "welfare-venture", "audit"})
    ASSERT_TRUE(stack.WaitReady(stack.addr(s))) << s << "\n" << stack.Logs();
  auto reg = rv1::RegistrationService::NewStub(
      grpc::CreateChannel(stack.reg_addr(), grpc::InsecureChannelCredentials()));
  auto sup = sv1::SupervisionService::NewStub(
      grpc::CreateChannel(stack.addr("supervision"), grpc::InsecureChannelCredentials()));
  auto wv = wv1::WelfareVentureService::NewStub(
      grpc::CreateChannel(stack.addr("welfare-venture"), grpc::InsecureChannelCredentials()));
  auto audit = av1::AuditService::NewStub(
      grpc::CreateChannel(stack.audit_addr(), grpc::InsecureChannelCredentials()));
  const std::string clerk = stack.Token("clerk"), registrar = stack.Token("registrar"),
                    enforcer = stack.Token("enforcement_officer"),
                    officer = stack.Token("venture_officer"), auditor = stack.Token("auditor");

  rv1::SubmitApplicationRequest submit;
  submit.set_request_id("e2e-wv-submit");
  auto* p = submit.mutable_profile();
  p->set_org_type(rv1::ORG_TYPE_SOCIAL_SERVICE);
  p->set_social_service_form(rv1::SOCIAL_SERVICE_FORM_LEGAL_PERSON);
  p->set_name("厦门市集美区端到端公益创投服务中心");
  p->set_domicile("厦门市集美区杏林街道杏滨路1号");
  p->mutable_legal_representative()->set_name("王立新");
  p->mutable_funds()->set_fen(3'000'000);
  p->set_business_scope("居家养老服务；老年助餐助洁");
  p->set_jurisdiction("350211");
  submit.set_legal_representative_id_number("11010519491231002X");
  rv1::SubmitApplicationResponse submitted;
  ASSERT_TRUE(
      Rpc(*reg, &rv1::RegistrationService::Stub::SubmitApplication, submit, &submitted, clerk)
          .ok());
  rv1::ApproveApplicationRequest approve;
  approve.set_request_id("e2e-wv-approve");
  approve.set_application_id(submitted.application().id());
  approve.set_version(submitted.application().version());
  rv1::ApproveApplicationResponse approved;
  ASSERT_TRUE(
      Rpc(*reg, &rv1::RegistrationService::Stub::ApproveApplication, approve, &approved, registrar)
          .ok());
  const std::string org = approved.organization().id();

  // A round with its call open (days counted back from today).
  wv1::CreateRoundRequest create;
  create.set_request_id("e2e-wv-round");
  create.set_on(DaysAgo(60));
  create.set_year(std::stoi(DaysAgo(0).substr(0, 4)));
  create.set_organiser("集美区民政局");
  create.set_fund_source(wv1::FUND_SOURCE_WELFARE_LOTTERY);
  create.mutable_budget()->set_total_fen(100'000'000);
  create.mutable_budget()->set_project_grants_fen(90'000'000);
  create.mutable_budget()->set_operator_fee_fen(6'000'000);
  create.mutable_budget()->set_evaluation_fee_fen(4'000'000);
  create.add_categories(wv1::CATEGORY_ELDERLY);
  create.set_needs_survey_opens(DaysAgo(50));
  create.set_needs_survey_closes(DaysAgo(40));
  create.set_call_opens(DaysAgo(30));
  create.set_call_closes(DaysAgo(0));
  wv1::Round round;
  auto st = Rpc(*wv, &wv1::WelfareVentureService::Stub::CreateRound, create, &round, officer);
  ASSERT_TRUE(st.ok()) << st.error_message();
  for (auto [to, on] : std::vector<std::pair<wv1::RoundState, int>>{
           {wv1::ROUND_STATE_NEEDS_SURVEY, 50}, {wv1::ROUND_STATE_CALL_OPEN, 30}}) {
    wv1::AdvanceRoundRequest adv;
    adv.set_request_id("e2e-wv-adv-" + std::to_string(to));
    adv.set_round_id(round.id());
    adv.set_version(round.version());
    adv.set_to(to);
    adv.set_on(DaysAgo(on));
    st = Rpc(*wv, &wv1::WelfareVentureService::Stub::AdvanceRound, adv, &round, officer);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }
  auto application = [&](const std::string& request_id) {
    wv1::SubmitApplicationRequest r;
    r.set_request_id(request_id);
    auto* a = r.mutable_application();
    a->set_round_id(round.id());
    a->set_organization_id(org);
    a->set_category(wv1::CATEGORY_ELDERLY);
    a->set_title(request_id == "e2e-wv-app-1" ? "长者助餐服务" : "长者探访服务");
    a->set_requested_grant_fen(10'000'000);
    a->set_self_raised_fen(10'000'000);
    a->set_budget_fen(20'000'000);
    a->set_service_area("350211");
    a->set_beneficiary_area("350211");
    a->add_project_scope("居家养老服务");
    a->set_has_premises(true);
    a->set_has_staff(true);
    a->set_has_qualifications(true);
    return r;
  };
  // Eligible while welfare-venture's directory has the organization and no listing is known.
  wv1::Application app;
  ASSERT_TRUE(WaitFor(
      [&] {
        return Rpc(*wv, &wv1::WelfareVentureService::Stub::SubmitApplication,
                   application("e2e-wv-app-1"), &app, officer)
            .ok();
      },
      seconds(20)))
      << stack.Logs();

  // Supervision lists the organization on the abnormal list (CR-01(g)), once its own directory
  // knows it.
  sv1::RecordCreditEventRequest listing;
  listing.set_request_id("e2e-wv-listing");
  listing.set_organization_id(org);
  listing.set_version(0);
  listing.mutable_event()->set_kind(sv1::CREDIT_EVENT_KIND_OTHER_ABNORMAL);
  listing.mutable_event()->set_on(DaysAgo(0));
  listing.mutable_event()->set_source("e2e: 登记住所无法联系以外的其他情形");
  sv1::CreditRecord record;
  ASSERT_TRUE(WaitFor(
      [&] {
        return Rpc(*sup, &sv1::SupervisionService::Stub::RecordCreditEvent, listing, &record,
                   enforcer)
            .ok();
      },
      seconds(20)))
      << stack.Logs();

  // CR-10 through events alone: supervision's credit.listed reaches welfare-venture's read model;
  // its next application is refused naming the rule and the dated listing.
  wv1::CheckEligibilityRequest check;
  check.set_round_id(round.id());
  check.set_organization_id(org);
  wv1::CheckEligibilityResponse verdict;
  ASSERT_TRUE(WaitFor(
      [&] {
        return Rpc(*wv, &wv1::WelfareVentureService::Stub::CheckEligibility, check, &verdict,
                   officer)
                   .ok() &&
               !verdict.eligible();
      },
      seconds(20)))
      << stack.Logs();
  EXPECT_NE(verdict.reason().find("CR-10"), std::string::npos) << verdict.reason();
  EXPECT_NE(verdict.reason().find(DaysAgo(0)), std::string::npos) << verdict.reason();
  st = Rpc(*wv, &wv1::WelfareVentureService::Stub::SubmitApplication, application("e2e-wv-app-2"),
           &app, officer);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("CR-10"), std::string::npos) << st.error_message();
  ASSERT_EQ(verdict.credit().listings_size(), 1);
  EXPECT_EQ(verdict.credit().listings(0).list(), "ABNORMAL");

  // Audit decoded welfare-venture's events (its descriptors are linked) into the chain.
  auto conn = bus::Connection::Connect({stack.nats().url(), "e2e-wv-observer"});
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE(WaitFor(
      [&] {
        return Settled(**conn, "SUPERVISION", "welfare-venture-credit") &&
               Settled(**conn, "WELFARE_VENTURE", "audit");
      },
      seconds(30)))
      << stack.Logs();
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + auditor);
  av1::ListAuditRecordsRequest req;
  req.set_aggregate_id(round.id());
  req.mutable_page()->set_page_size(100);
  av1::ListAuditRecordsResponse resp;
  ASSERT_TRUE(audit->ListAuditRecords(&ctx, req, &resp).ok());
  ASSERT_EQ(resp.records_size(), 3);  // planned, needs_survey_opened, call_opened
  EXPECT_NE(resp.records(0).payload_json().find("round_id"), std::string::npos)
      << resp.records(0).payload_json();
  EXPECT_EQ(stack.Ctl("auditor", "audit verify").exit_code, 0);

  // socgovctl wv reads the round.
  const auto ctl = stack.Ctl("viewer", "wv round --round-id " + round.id());
  EXPECT_EQ(ctl.exit_code, 0) << ctl.out;
  EXPECT_NE(ctl.out.find("ROUND_STATE_CALL_OPEN"), std::string::npos) << ctl.out;
}

}  // namespace
}  // namespace socgov::testing
