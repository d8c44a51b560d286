// End to end: every registration transition, driven through the registration binary's gRPC API
// (and supervision's penalty events on NATS), reaches the audit binary's hash chain exactly once.
#include <set>

#include "platform/bus/nats.h"
#include "platform/outbox/outbox.h"
#include "socgov/audit/v1/audit_service.grpc.pb.h"
#include "socgov/registration/v1/registration_service.grpc.pb.h"
#include "socgov/supervision/v1/events.pb.h"
#include "stack.h"

namespace socgov::testing {
namespace {

namespace rv1 = ::socgov::registration::v1;
namespace sv = ::socgov::supervision::v1;
using Stub = rv1::RegistrationService::Stub;

constexpr const char* kLegalRepId = "11010519491231002X";

class Client {
 public:
  explicit Client(Stack& stack)
      : stack_(stack),
        stub_(rv1::RegistrationService::NewStub(
            grpc::CreateChannel(stack.reg_addr(), grpc::InsecureChannelCredentials()))),
        clerk_(stack.Token("clerk")),
        registrar_(stack.Token("registrar")) {}

  template <typename Req, typename Resp>
  Resp Call(grpc::Status (Stub::*fn)(grpc::ClientContext*, const Req&, Resp*), const Req& req,
            bool as_clerk = false) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + (as_clerk ? clerk_ : registrar_));
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    Resp resp;
    const grpc::Status st = ((*stub_).*fn)(&ctx, req, &resp);
    EXPECT_TRUE(st.ok()) << typeid(Req).name() << ": " << st.error_message() << stack_.Logs();
    return resp;
  }

  rv1::ReviewCase PassedReview(const std::string& subject, rv1::ReviewTrigger trigger) {
    rv1::OpenReviewRequest open;
    open.set_request_id("open-" + subject + std::to_string(trigger));
    open.set_subject_id(subject);
    open.set_trigger(trigger);
    auto* n = open.add_nominees();
    n->set_name("王立新");
    n->set_id_number(kLegalRepId);
    n->set_post("理事长");
    auto review = Call(&Stub::OpenReview, open, true);
    for (int i = 0; i < review.opinions_size(); ++i) {
      rv1::RecordOpinionRequest op;
      op.set_request_id("op-" + review.id() + std::to_string(i));
      op.set_review_id(review.id());
      op.set_version(review.version());
      op.set_department(review.opinions(i).department());
      op.set_opinion(rv1::OPINION_NO_OBJECTION);
      review = Call(&Stub::RecordOpinion, op);
    }
    rv1::ConcludeReviewRequest c;
    c.set_request_id("conclude-" + review.id());
    c.set_review_id(review.id());
    c.set_version(review.version());
    return Call(&Stub::ConcludeReview, c);
  }

 private:
  Stack& stack_;
  std::unique_ptr<Stub> stub_;
  std::string clerk_, registrar_;
};

rv1::SubmitApplicationRequest Application(const std::string& rid, const std::string& name,
                                          rv1::OrgType type) {
  rv1::SubmitApplicationRequest r;
  r.set_request_id(rid);
  auto* p = r.mutable_profile();
  p->set_org_type(type);
  if (type == rv1::ORG_TYPE_SOCIAL_SERVICE)
    p->set_social_service_form(rv1::SOCIAL_SERVICE_FORM_LEGAL_PERSON);
  p->set_name(name);
  p->set_domicile("厦门市集美区杏林街道杏滨路1号");
  p->mutable_legal_representative()->set_name("王立新");
  p->mutable_funds()->set_fen(5'000'000);
  p->set_business_scope("社会工作服务");
  p->set_jurisdiction(Stack::kJurisdiction);
  p->set_individual_members(20);
  r.set_legal_representative_id_number(kLegalRepId);
  return r;
}

std::string Today() {
  const auto t = std::chrono::system_clock::now() + std::chrono::hours(8);
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&tt));
  return buf;
}

TEST(EndToEnd, EveryRegistrationTransitionReachesTheAuditChainOnce) {
  Stack stack;
  stack.StartRegistration();
  stack.StartAudit();
  ASSERT_TRUE(stack.WaitReady(stack.reg_addr())) << stack.Logs();
  ASSERT_TRUE(stack.WaitReady(stack.audit_addr())) << stack.Logs();
  Client c(stack);
  const std::string today = Today();

  // A social group: preparation → review → establishment → registration.
  auto group =
      c.Call(&Stub::SubmitApplication,
             Application("g1", "厦门市集美区社会工作者协会", rv1::ORG_TYPE_SOCIAL_GROUP), true)
          .application();
  rv1::ApproveApplicationRequest approve;
  approve.set_request_id("g1-prep");
  approve.set_application_id(group.id());
  approve.set_version(group.version());
  group = c.Call(&Stub::ApproveApplication, approve).application();
  ASSERT_EQ(group.status(), rv1::APPLICATION_STATUS_PREP_APPROVED);
  rv1::ApplyEstablishmentRequest est;
  est.set_request_id("g1-est");
  est.set_application_id(group.id());
  est.set_version(group.version());
  est.set_founding_meeting_on(today);
  est.set_individual_members(80);
  est.mutable_funds()->set_fen(5'000'000);
  group = c.Call(&Stub::ApplyEstablishment, est, true);
  auto review = c.PassedReview(group.id(), rv1::REVIEW_TRIGGER_ESTABLISHMENT);
  rv1::PublishReviewRequest publish;
  publish.set_request_id("pub-1");
  publish.set_review_id(review.id());
  publish.set_version(review.version());
  publish.set_from(today);
  {  // five or more days of publicity (at most 30)
    const auto later = std::chrono::system_clock::now() + std::chrono::hours(8 + 24 * 6);
    const std::time_t tt = std::chrono::system_clock::to_time_t(later);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&tt));
    publish.set_until(buf);
  }
  review = c.Call(&Stub::PublishReview, publish);
  approve.set_request_id("g1-est-approve");
  approve.set_version(group.version());
  auto registered = c.Call(&Stub::ApproveApplication, approve);
  rv1::Organization org = registered.organization();
  ASSERT_EQ(org.status(), rv1::ORG_STATUS_ACTIVE) << stack.Logs();

  // Articles, a council term after a re-election review, its extension.
  rv1::RecordArticlesRequest articles;
  articles.set_request_id("art-1");
  articles.set_organization_id(org.id());
  articles.set_version(org.version());
  articles.set_approved_on(today);
  articles.set_party_building_clause(true);
  articles.set_party_leading_organ("中共厦门市集美区社会组织综合委员会");
  articles.set_text_sha256(std::string(64, '0'));
  org = c.Call(&Stub::RecordArticles, articles);
  auto reelection = c.PassedReview(org.id(), rv1::REVIEW_TRIGGER_REELECTION);
  rv1::FileReviewResultRequest file_result;  // "一备": the election result is filed
  file_result.set_request_id("filed-1");
  file_result.set_review_id(reelection.id());
  file_result.set_version(reelection.version());
  file_result.set_elected_on(today);
  c.Call(&Stub::FileReviewResult, file_result);
  rv1::RecordCouncilTermRequest term;
  term.set_request_id("term-1");
  term.set_organization_id(org.id());
  term.set_version(org.version());
  term.set_start_date("2026-01-01");
  term.set_end_date("2030-12-31");
  org = c.Call(&Stub::RecordCouncilTerm, term);
  rv1::ExtendCouncilTermRequest extend;
  extend.set_request_id("term-ext");
  extend.set_organization_id(org.id());
  extend.set_version(org.version());
  extend.set_extension_until("2031-06-30");
  extend.set_reason("理事会决议推迟换届，经业务主管单位同意");
  org = c.Call(&Stub::ExtendCouncilTerm, extend);

  // A change applied and approved, another applied and rejected.
  rv1::ApplyChangeRequest change;
  change.set_request_id("chg-1");
  change.set_organization_id(org.id());
  change.set_version(org.version());
  change.set_consented_on(today);
  change.mutable_changes()->set_domicile("厦门市集美区杏林湾路2号");
  auto applied = c.Call(&Stub::ApplyChange, change, true);
  rv1::ApproveChangeRequest approve_change;
  approve_change.set_request_id("chg-1-ok");
  approve_change.set_change_id(applied.id());
  approve_change.set_version(applied.version());
  org = c.Call(&Stub::ApproveChange, approve_change).organization();
  change.set_request_id("chg-2");
  change.set_version(org.version());
  change.mutable_changes()->set_business_scope("社会工作服务、培训");
  applied = c.Call(&Stub::ApplyChange, change, true);
  rv1::RejectChangeRequest reject_change;
  reject_change.set_request_id("chg-2-no");
  reject_change.set_change_id(applied.id());
  reject_change.set_version(applied.version());
  reject_change.set_reason("业务范围变更缺少业务主管单位意见");
  c.Call(&Stub::RejectChange, reject_change);

  // Supervision suspends it (period already over), registration resumes it; then revokes it,
  // and the revoked organization is liquidated and cancelled (REG-19).
  auto conn = bus::Connection::Connect({stack.nats().url(), "e2e-supervision"});
  ASSERT_TRUE(conn.ok());
  ASSERT_FALSE(bus::EnsureStream(**conn, {"SUPERVISION", {"socgov.v1.350200.350211.supervision.>"}})
                   .has_value());
  auto decide = [&](const std::string& event_id, sv::PenaltyType type) {
    sv::CaseDecided d;
    d.set_case_id("case-" + event_id);
    d.set_organization_id(org.id());
    d.set_jurisdiction(Stack::kJurisdiction);
    auto* p = d.add_penalties();
    p->set_type(type);
    p->set_suspend_from("2026-01-01");
    p->set_suspend_until("2026-02-01");
    d.mutable_actor()->set_subject("enforcer.e2e");
    outbox::OutboxEvent e;
    e.id = event_id;
    e.type = "cn.socgov.supervision.case.decided.v1";
    e.source = "/socgov/350211/supervision";
    e.subject = d.case_id();
    e.time = FormatRfc3339(std::chrono::system_clock::now());
    e.dataschema = "socgov.supervision.v1.CaseDecided";
    e.jurisdiction = Stack::kJurisdiction;
    e.actor = "enforcer.e2e";
    e.nats_subject = outbox::Subject(Stack::kJurisdiction, "supervision", "case", "decided");
    e.sequence = 1;  // the case's version (ce-sequence), as supervision will publish it
    d.SerializeToString(&e.data);
    ASSERT_TRUE(bus::Publish(**conn, e, 5000).ok());
  };
  auto status_is = [&](rv1::OrgStatus s) {
    rv1::GetOrganizationRequest get;
    get.set_organization_id(org.id());
    org = c.Call(&Stub::GetOrganization, get);
    return org.status() == s;
  };
  decide("01900000-0000-7000-8000-00000000000a", sv::PENALTY_TYPE_SUSPENSION);
  ASSERT_TRUE(
      WaitFor([&] { return status_is(rv1::ORG_STATUS_SUSPENDED); }, std::chrono::seconds(15)))
      << stack.Logs();
  rv1::ResumeOrganizationRequest resume;
  resume.set_request_id("resume-1");
  resume.set_organization_id(org.id());
  resume.set_version(org.version());
  resume.set_rectification_received_on(today);
  org = c.Call(&Stub::ResumeOrganization, resume);
  decide("01900000-0000-7000-8000-00000000000b", sv::PENALTY_TYPE_REVOCATION);
  ASSERT_TRUE(
      WaitFor([&] { return status_is(rv1::ORG_STATUS_REVOKED); }, std::chrono::seconds(15)));
  rv1::StartLiquidationRequest liquidate;
  liquidate.set_request_id("liq-1");
  liquidate.set_organization_id(org.id());
  liquidate.set_version(org.version());
  liquidate.add_liquidation_group("王立新");
  org = c.Call(&Stub::StartLiquidation, liquidate, true);
  rv1::ApplyCancellationRequest cancel;
  cancel.set_request_id("can-1");
  cancel.set_organization_id(org.id());
  cancel.set_version(org.version());
  cancel.set_liquidation_ended_on(today);
  cancel.set_audit_report_received(true);
  cancel.set_residual_assets_disposition("捐赠给同类社会组织");
  org = c.Call(&Stub::ApplyCancellation, cancel, true);
  rv1::ApproveCancellationRequest cancelled;
  cancelled.set_request_id("can-ok");
  cancelled.set_organization_id(org.id());
  cancelled.set_version(org.version());
  cancelled.set_certificate_and_seals_collected(true);
  org = c.Call(&Stub::ApproveCancellation, cancelled);

  // A social service organization dissolves voluntarily.
  auto service =
      c.Call(&Stub::SubmitApplication,
             Application("s1", "厦门市集美区乐龄养老服务中心", rv1::ORG_TYPE_SOCIAL_SERVICE), true)
          .application();
  c.PassedReview(service.id(), rv1::REVIEW_TRIGGER_ESTABLISHMENT);
  approve.set_request_id("s1-approve");
  approve.set_application_id(service.id());
  approve.set_version(service.version());
  auto s_org = c.Call(&Stub::ApproveApplication, approve).organization();
  rv1::ResolveDissolutionRequest dissolve;
  dissolve.set_request_id("dis-1");
  dissolve.set_organization_id(s_org.id());
  dissolve.set_version(s_org.version());
  dissolve.set_ground(rv1::DISSOLUTION_GROUND_PURPOSE_COMPLETED);
  dissolve.set_resolved_on(today);
  c.Call(&Stub::ResolveDissolution, dissolve, true);

  // A rejected application; a community filing filed and removed; the review result filed.
  auto rejected =
      c.Call(&Stub::SubmitApplication,
             Application("r1", "厦门市集美区未名文化服务中心", rv1::ORG_TYPE_SOCIAL_SERVICE), true)
          .application();
  rv1::RejectApplicationRequest reject;
  reject.set_request_id("r1-no");
  reject.set_application_id(rejected.id());
  reject.set_version(rejected.version());
  reject.set_reason("住所证明不符合要求");
  c.Call(&Stub::RejectApplication, reject);
  rv1::FileCommunityOrganizationRequest file;
  file.set_request_id("c1");
  auto* p = file.mutable_profile();
  p->set_org_type(rv1::ORG_TYPE_COMMUNITY);
  p->set_community_form(rv1::COMMUNITY_FORM_MEMBERSHIP);
  p->set_name("集美区杏滨街道锦园社区舞蹈队");
  p->set_domicile("厦门市集美区杏滨街道锦园社区");
  p->mutable_legal_representative()->set_name("林秀英");
  p->mutable_funds()->set_fen(50'000);
  p->set_business_scope("社区文体活动");
  p->set_jurisdiction(Stack::kJurisdiction);
  p->set_individual_members(25);
  p->set_filed_with("杏滨街道办事处");
  file.set_legal_representative_id_number(kLegalRepId);
  auto filed = c.Call(&Stub::FileCommunityOrganization, file, true);
  rv1::RemoveFilingRequest remove;
  remove.set_request_id("c1-rm");
  remove.set_organization_id(filed.id());
  remove.set_version(filed.version());
  remove.set_reason("长期不活跃");
  c.Call(&Stub::RemoveFiling, remove);

  // Every transition's event type, as the audit chain must show it.
  const std::set<std::string> expected = {"application.submitted",
                                          "application.preparation_approved",
                                          "application.establishment_applied",
                                          "application.approved",
                                          "application.rejected",
                                          "organization.registered",
                                          "organization.articles_recorded",
                                          "organization.council_term_recorded",
                                          "organization.council_term_extended",
                                          "organization.change_applied",
                                          "organization.changed",
                                          "organization.change_rejected",
                                          "organization.suspended",
                                          "organization.resumed",
                                          "organization.revoked",
                                          "organization.liquidation_started",
                                          "organization.cancellation_applied",
                                          "organization.cancelled",
                                          "organization.dissolution_resolved",
                                          "organization.filed",
                                          "organization.filing_removed",
                                          "review.opened",
                                          "review.opinion_recorded",
                                          "review.concluded",
                                          "review.published",
                                          "review.result_filed"};
  auto audit = socgov::audit::v1::AuditService::NewStub(
      grpc::CreateChannel(stack.audit_addr(), grpc::InsecureChannelCredentials()));
  const std::string auditor = stack.Token("auditor");
  std::multiset<std::string> seen;
  std::set<std::string> ids;
  auto read_all = [&] {
    seen.clear();
    ids.clear();
    std::string token;
    do {
      grpc::ClientContext ctx;
      ctx.AddMetadata("authorization", "Bearer " + auditor);
      socgov::audit::v1::ListAuditRecordsRequest req;
      req.mutable_page()->set_page_size(500);
      req.mutable_page()->set_page_token(token);
      socgov::audit::v1::ListAuditRecordsResponse resp;
      if (!audit->ListAuditRecords(&ctx, req, &resp).ok()) return;
      for (const auto& r : resp.records()) {
        const std::string prefix = "cn.socgov.registration.";
        if (r.event_type().rfind(prefix, 0) == 0) {
          seen.insert(
              r.event_type().substr(prefix.size(), r.event_type().size() - prefix.size() - 3));
          ids.insert(r.event_id());
        }
      }
      token = resp.page().next_page_token();
    } while (!token.empty());
  };
  auto all_present = [&] {
    read_all();
    for (const auto& e : expected)
      if (!seen.count(e)) return false;
    return true;
  };
  ASSERT_TRUE(WaitFor(all_present, std::chrono::seconds(30))) << [&] {
    std::string missing;
    for (const auto& e : expected)
      if (!seen.count(e)) missing += e + " ";
    return "missing: " + missing + stack.Logs();
  }();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  read_all();
  EXPECT_EQ(seen.size(), ids.size()) << "an event was recorded twice";
  EXPECT_EQ(seen.count("organization.registered"), 2u);
  EXPECT_EQ(seen.count("organization.suspended"), 1u);
  EXPECT_EQ(seen.count("organization.revoked"), 1u);
  EXPECT_EQ(stack.Ctl("auditor", "audit verify").exit_code, 0);
}

}  // namespace
}  // namespace socgov::testing
