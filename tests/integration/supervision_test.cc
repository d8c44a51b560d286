// The supervision service in-process on the kit, beside registration, on real redis-server and
// nats-server -js: its organizations come only from registration's events (the directory), and
// its date-driven rules run with a clock the test moves (time passed in).
#include <atomic>

#include "platform/util/dates.h"
#include "registration_fixture.h"
#include "socgov/supervision/v1/supervision_service.grpc.pb.h"
#include "supervision/definition.h"
#include "supervision/domain/draw.h"
#include "support/movable_clock.h"

namespace socgov::testing {
namespace {

namespace sv1 = ::socgov::supervision::v1;
using std::chrono::seconds;

class SupervisionTest : public RegistrationFixture {
 protected:
  void SetUp() override {
    RegistrationFixture::SetUp();
    if (HasFatalFailure()) return;
    sup_clock_.SetDay("2027-02-01");
    sup_ = std::make_unique<InProcessService>(supervision::ServiceDefinition(), dir_.path(),
                                              *redis_, *nats_, kTestKey,
                                              std::map<std::string, std::string>{}, &sup_clock_);
    ASSERT_TRUE(sup_->Start());
    sup_stub_ = sv1::SupervisionService::NewStub(
        grpc::CreateChannel(sup_->addr(), grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    if (sup_) sup_->Stop();
    RegistrationFixture::TearDown();
  }

  // A token valid at the supervision clock's "now".
  std::string SupToken(const std::string& role, const std::string& jurisdiction = kJimei) {
    auth::Principal p{role + ".test", {role}, jurisdiction, 0};
    const auto now = sup_clock_.Now();
    p.expires_at =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() + 3600;
    return auth::MintToken(kTestKey, p, now);
  }

  template <typename Req, typename Resp, typename Fn>
  grpc::Status Sup(Fn fn, const Req& req, Resp* resp, const std::string& role,
                   const std::string& jurisdiction = kJimei) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + SupToken(role, jurisdiction));
    ctx.set_deadline(std::chrono::system_clock::now() + seconds(10));
    return ((*sup_stub_).*fn)(&ctx, req, resp);
  }

  // Registers an organization in registration and waits until supervision's directory has it.
  // With a supervisory unit (业务主管单位) unless `direct` (AR-02).
  std::string Register(const std::string& name, const std::string& key, bool direct = false) {
    auto req = SocialServiceRequest(name, "sup-" + key);
    if (!direct) req.mutable_profile()->set_supervisory_unit("厦门市集美区卫生健康局");
    rv1::SubmitApplicationResponse s;
    auto st = Submit(req, &s);
    EXPECT_TRUE(st.ok()) << st.error_message();
    rv1::ApproveApplicationResponse a;
    EXPECT_TRUE(Approve(s.application().id(), 1, "sup-approve-" + key, &a).ok());
    const std::string id = a.organization().id();
    EXPECT_TRUE(WaitFor(
        [&] {
          return RedisInt({"EXISTS", "{sup}:dir:org:" + id}) == 1;
        },
        seconds(20)))
        << sup_->log();
    return id;
  }

  sv1::AnnualReport Report(const std::string& org, int year) {
    sv1::GetAnnualReportRequest req;
    req.set_organization_id(org);
    req.set_year(year);
    sv1::AnnualReport out;
    EXPECT_TRUE(Sup(&sv1::SupervisionService::Stub::GetAnnualReport, req, &out, "inspector").ok());
    return out;
  }

  sv1::CreditRecord Credit(const std::string& org) {
    sv1::GetCreditRecordRequest req;
    req.set_organization_id(org);
    sv1::CreditRecord out;
    EXPECT_TRUE(Sup(&sv1::SupervisionService::Stub::GetCreditRecord, req, &out, "viewer").ok());
    return out;
  }

  sv1::SweepResponse Sweep(const std::string& id) {
    sv1::SweepRequest req;
    req.set_request_id(id);
    sv1::SweepResponse out;
    auto st = Sup(&sv1::SupervisionService::Stub::Sweep, req, &out, "inspector");
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }

  static sv1::SubmitAnnualReportRequest Submission(const std::string& org, int64_t version,
                                                   const std::string& id) {
    sv1::SubmitAnnualReportRequest r;
    r.set_request_id(id);
    r.set_organization_id(org);
    r.set_year(2026);
    r.set_version(version);
    auto* s = r.mutable_sections();
    s->set_compliance("遵守法律法规和章程");
    s->set_activities("社区养老讲座12场");
    s->set_activity_count(12);
    s->set_staff_fulltime(6);
    auto* f = s->mutable_finances();
    f->set_assets_fen(5'000'000);
    f->set_liabilities_fen(1'200'000);
    f->set_net_assets_fen(3'800'000);
    f->set_income_fen(2'400'000);
    f->set_expenses_fen(2'100'000);
    return r;
  }

  MovableClock sup_clock_;
  std::unique_ptr<InProcessService> sup_;
  std::unique_ptr<sv1::SupervisionService::Stub> sup_stub_;
};

// AR-05 cohort from registration's events, AR-01/02 deadlines, AR-10 exact counts, AR-09 → CR-01(a)
// listing, CR-06(1) escalation two years later; the events carry numerator and denominator.
TEST_F(SupervisionTest, Ar05Ar09Ar10Cr01aCr06LateReportListsAbnormalThenSeriousTwoYearsLater) {
  const std::string a = Register("厦门市集美区监督一号服务中心", "a");
  const std::string b = Register("厦门市集美区监督二号服务中心", "b");
  const std::string c = Register("厦门市集美区监督三号服务中心", "c", /*direct=*/true);
  StreamWatcher events(nats_->url(), "sup-test-watch", "SUPERVISION");

  sv1::OpenReportYearRequest open;
  open.set_request_id("open-2026");
  open.set_year(2026);
  sv1::ReportYear year;
  auto st = Sup(&sv1::SupervisionService::Stub::OpenReportYear, open, &year, "inspector");
  ASSERT_TRUE(st.ok()) << st.error_message() << sup_->log();
  EXPECT_EQ(year.cohort_size(), 3);
  EXPECT_EQ(year.cohort_cutoff(), "2026-12-31");
  // Opening again: the replay answers, a second request id is refused.
  sv1::ReportYear again;
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::OpenReportYear, open, &again, "inspector").ok());
  EXPECT_EQ(again.cohort_size(), 3);
  open.set_request_id("open-2026-twice");
  EXPECT_EQ(
      Sup(&sv1::SupervisionService::Stub::OpenReportYear, open, &again, "inspector").error_code(),
      grpc::StatusCode::ALREADY_EXISTS);

  const auto ra = Report(a, 2026);
  EXPECT_EQ(ra.state(), sv1::REPORT_STATE_OPEN);
  EXPECT_EQ(ra.supervisory_deadline(), "2027-03-31");  // AR-01
  EXPECT_EQ(ra.registry_deadline(), "2027-05-31");
  EXPECT_EQ(Report(c, 2026).supervisory_deadline(), "");  // AR-02: straight to the registry

  sv1::AnnualReport submitted;
  st = Sup(&sv1::SupervisionService::Stub::SubmitAnnualReport, Submission(a, ra.version(), "s-a"),
           &submitted, "clerk");
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(submitted.state(), sv1::REPORT_STATE_SUBMITTED);
  EXPECT_FALSE(submitted.late());
  sv1::GetReportYearRequest gy;
  gy.set_year(2026);
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::GetReportYear, gy, &year, "viewer").ok());
  EXPECT_EQ(year.submitted(), 1);
  EXPECT_EQ(year.completion_basis_points(), 3333);  // 1 / 3, half up

  // Two years and more after the registry deadline of 2027-05-31.
  sup_clock_.SetDay("2027-06-01");
  auto swept = Sweep("sweep-2027-06-01");
  EXPECT_EQ(swept.reports_overdue(), 2);
  EXPECT_EQ(swept.listed(), 2);
  EXPECT_EQ(Report(b, 2026).state(), sv1::REPORT_STATE_OVERDUE);
  auto cb = Credit(b);
  EXPECT_EQ(cb.current_list(), sv1::CREDIT_LIST_ABNORMAL);
  ASSERT_EQ(cb.listings_size(), 1);
  EXPECT_EQ(cb.listings(0).reason(), "CR-01(a)");
  EXPECT_EQ(cb.listings(0).listed_on(), "2027-06-01");
  EXPECT_EQ(Credit(a).current_list(), sv1::CREDIT_LIST_UNSPECIFIED);
  // A second sweep the same day changes nothing.
  swept = Sweep("sweep-2027-06-01-again");
  EXPECT_EQ(swept.reports_overdue() + swept.listed() + swept.escalated(), 0);

  // A late report is still received, and counted; the listing stays until removed.
  sup_clock_.SetDay("2027-06-10");
  const auto rc = Report(c, 2026);
  st = Sup(&sv1::SupervisionService::Stub::SubmitAnnualReport, Submission(c, rc.version(), "s-c"),
           &submitted, "clerk");
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_TRUE(submitted.late());
  EXPECT_EQ(Credit(c).current_list(), sv1::CREDIT_LIST_ABNORMAL);

  sv1::WasListedRequest was;
  was.set_organization_id(b);
  was.set_list(sv1::CREDIT_LIST_ABNORMAL);
  was.set_from("2027-01-01");
  was.set_to("2027-05-31");
  sv1::WasListedResponse listed;
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::WasListed, was, &listed, "viewer").ok());
  EXPECT_FALSE(listed.listed());
  was.set_to("2027-06-01");
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::WasListed, was, &listed, "viewer").ok());
  EXPECT_TRUE(listed.listed());

  sup_clock_.SetDay("2029-06-01");
  swept = Sweep("sweep-2029-06-01");
  EXPECT_EQ(swept.escalated(), 2);
  cb = Credit(b);
  EXPECT_EQ(cb.current_list(), sv1::CREDIT_LIST_SERIOUS);
  ASSERT_EQ(cb.listings_size(), 2);
  EXPECT_EQ(cb.listings(1).reason(), "CR-06(1)");
  EXPECT_EQ(cb.listings(0).removed_on(), cb.listings(1).listed_on());

  sv1::ListCreditListingsRequest list;
  list.set_list(sv1::CREDIT_LIST_SERIOUS);
  sv1::ListCreditListingsResponse rows;
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::ListCreditListings, list, &rows, "viewer").ok());
  EXPECT_EQ(rows.rows_size(), 2);

  // The stream told it all: year opened, 2 submissions, 2 overdue, 2 listed, 2 escalated.
  events.Start();
  ASSERT_TRUE(WaitFor([&] { return events.distinct() >= 9 && events.Settled(); }, seconds(20)));
  std::map<std::string, int> by_type;
  for (const auto& t : events.types()) ++by_type[t];
  EXPECT_EQ(by_type["cn.socgov.supervision.report_year.opened.v1"], 1);
  EXPECT_EQ(by_type["cn.socgov.supervision.annual_report.submitted.v1"], 2);
  EXPECT_EQ(by_type["cn.socgov.supervision.annual_report.overdue.v1"], 2);
  EXPECT_EQ(by_type["cn.socgov.supervision.credit.listed.v1"], 2);
  EXPECT_EQ(by_type["cn.socgov.supervision.credit.escalated.v1"], 2);
}

// AR-01/06/07/08: review, conclusion and the rectification report the next year; bad input and
// wrong states refused with the field or rule, nothing stored.
TEST_F(SupervisionTest, Ar06Ar07Ar08ConclusionAndRectificationAndRefusals) {
  const std::string a = Register("厦门市集美区结论一号服务中心", "r1");
  sv1::OpenReportYearRequest open;
  open.set_request_id("open-r");
  open.set_year(2026);
  sv1::ReportYear year;
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::OpenReportYear, open, &year, "inspector").ok());
  auto r = Report(a, 2026);

  // Bad sections: net assets must equal assets − liabilities.
  auto bad = Submission(a, r.version(), "bad-1");
  bad.mutable_sections()->mutable_finances()->set_net_assets_fen(1);
  sv1::AnnualReport out;
  auto st = Sup(&sv1::SupervisionService::Stub::SubmitAnnualReport, bad, &out, "clerk");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("sections.finances.net_assets_fen"), std::string::npos);
  // A stale version, a viewer, another district: refused.
  EXPECT_EQ(Sup(&sv1::SupervisionService::Stub::SubmitAnnualReport,
                Submission(a, r.version() + 4, "stale"), &out, "clerk")
                .error_code(),
            grpc::StatusCode::ABORTED);
  EXPECT_EQ(Sup(&sv1::SupervisionService::Stub::SubmitAnnualReport,
                Submission(a, r.version(), "viewer"), &out, "viewer")
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Sup(&sv1::SupervisionService::Stub::SubmitAnnualReport,
                Submission(a, r.version(), "haicang"), &out, "clerk", "350205")
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Report(a, 2026).version(), r.version());

  // Concluding before the supervisory unit reviewed: AR-01.
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::SubmitAnnualReport,
                  Submission(a, r.version(), "ok"), &out, "clerk")
                  .ok());
  sv1::ConcludeAnnualReportRequest conclude;
  conclude.set_request_id("conclude-early");
  conclude.set_organization_id(a);
  conclude.set_year(2026);
  conclude.set_version(out.version());
  st = Sup(&sv1::SupervisionService::Stub::ConcludeAnnualReport, conclude, &out, "inspector");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(st.error_message().find("AR-01"), std::string::npos) << st.error_message();

  sv1::ReviewAnnualReportRequest review;
  review.set_request_id("review");
  review.set_organization_id(a);
  review.set_year(2026);
  review.set_version(out.version());
  review.set_passed(true);
  review.set_opinion("同意");
  ASSERT_TRUE(
      Sup(&sv1::SupervisionService::Stub::ReviewAnnualReport, review, &out, "inspector").ok());
  conclude.set_request_id("conclude");
  conclude.set_version(out.version());
  conclude.add_findings(sv1::FINDING_LEADERSHIP_TERM_OVERDUE);
  ASSERT_TRUE(
      Sup(&sv1::SupervisionService::Stub::ConcludeAnnualReport, conclude, &out, "inspector").ok());
  EXPECT_EQ(out.state(), sv1::REPORT_STATE_CONCLUDED);
  EXPECT_EQ(out.conclusion(), sv1::CONCLUSION_BASIC_PASS);
  ASSERT_EQ(out.reasons_size(), 1);
  EXPECT_NE(out.reasons(0).find("AR-07 基本合格"), std::string::npos);

  // AR-08: next year the report needs a rectification report.
  sup_clock_.SetDay("2028-02-01");
  open.set_request_id("open-2027");
  open.set_year(2027);
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::OpenReportYear, open, &year, "inspector").ok());
  r = Report(a, 2027);
  EXPECT_TRUE(r.rectification_required());
  auto next = Submission(a, r.version(), "next");
  next.set_year(2027);
  st = Sup(&sv1::SupervisionService::Stub::SubmitAnnualReport, next, &out, "clerk");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(st.error_message().find("AR-08"), std::string::npos);
  next.set_rectification_report("已于2027年完成换届选举");
  next.set_request_id("next-2");
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::SubmitAnnualReport, next, &out, "clerk").ok());
}

// 双随机: the Art 5 minimum ratio, ≥ 2 inspectors, a draw anyone re-runs from the published seed
// and population to the same sample; a missed rectification deadline lists CR-01(c); interviews.
TEST_F(SupervisionTest, DoubleRandomDrawIsReproducibleAndOverdueRectificationListsCr01c) {
  std::vector<std::string> orgs;
  for (int i = 0; i < 6; ++i)
    orgs.push_back(
        Register("厦门市集美区抽查" + std::to_string(i) + "号服务中心", "d" + std::to_string(i)));
  sv1::CreateSamplingPlanRequest create;
  create.set_request_id("plan-low");
  create.set_year(2027);
  create.set_title("2027年度集美区社会组织双随机抽查");
  create.set_level(sv1::PLAN_LEVEL_COUNTY);
  create.set_ratio_permille(20);  // 2 % < the county minimum of 3 %
  for (const char* n : {"陈明", "林芳", "黄伟"}) create.add_inspector_pool(n);
  create.set_seed("jimei-2027-spring");
  sv1::SamplingPlan plan;
  auto st = Sup(&sv1::SupervisionService::Stub::CreateSamplingPlan, create, &plan, "inspector");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("ratio_permille"), std::string::npos);
  create.set_request_id("plan");
  create.set_ratio_permille(500);
  ASSERT_TRUE(
      Sup(&sv1::SupervisionService::Stub::CreateSamplingPlan, create, &plan, "inspector").ok());
  sv1::DrawSamplingPlanRequest draw;
  draw.set_request_id("draw");
  draw.set_plan_id(plan.id());
  draw.set_version(plan.version());
  st = Sup(&sv1::SupervisionService::Stub::DrawSamplingPlan, draw, &plan, "inspector");
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(plan.inspections_size(), 3);  // ceil(50 % × 6)
  EXPECT_EQ(plan.population_size(), 6);

  // Re-run the draw from what was published.
  supervision::DrawPlan dp{plan.ratio_permille(), supervision::JurisdictionLevel::kCounty,
                           plan.inspectors_per_check()};
  auto redo = supervision::Draw(std::string_view(plan.seed()),
                                {plan.population().begin(), plan.population().end()},
                                {plan.inspector_pool().begin(), plan.inspector_pool().end()}, dp);
  ASSERT_TRUE(redo.ok());
  EXPECT_EQ(redo->population_hash, plan.population_hash());
  for (int i = 0; i < plan.inspections_size(); ++i) {
    EXPECT_EQ(redo->checks[i].organization_id, plan.inspections(i).organization_id());
    EXPECT_EQ(plan.inspections(i).inspectors_size(), 2);
  }

  const std::string target = plan.inspections(0).organization_id();
  sv1::RecordInspectionRequest rec;
  rec.set_request_id("inspect");
  rec.set_plan_id(plan.id());
  rec.set_version(plan.version());
  rec.set_organization_id(target);
  rec.set_result(sv1::INSPECTION_RESULT_PROBLEMS_FOUND);
  rec.set_method("现场");
  rec.set_findings("财务凭证不全");
  rec.set_rectification_deadline("2027-03-01");
  st = Sup(&sv1::SupervisionService::Stub::RecordInspection, rec, &plan, "inspector");
  ASSERT_TRUE(st.ok()) << st.error_message();
  sv1::RecordInterviewRequest iv;
  iv.set_request_id("interview");
  iv.set_plan_id(plan.id());
  iv.set_version(plan.version());
  iv.set_organization_id(target);
  iv.set_notes("约谈法定代表人，责令限期整改");
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::RecordInterview, iv, &plan, "inspector").ok());
  // Publication needs every inspection done.
  sv1::PublishSamplingPlanRequest pub;
  pub.set_request_id("publish");
  pub.set_plan_id(plan.id());
  pub.set_version(plan.version());
  EXPECT_EQ(Sup(&sv1::SupervisionService::Stub::PublishSamplingPlan, pub, &plan, "inspector")
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  sup_clock_.SetDay("2027-03-02");
  auto swept = Sweep("sweep-rect");
  EXPECT_EQ(swept.rectifications_overdue(), 1);
  auto credit = Credit(target);
  EXPECT_EQ(credit.current_list(), sv1::CREDIT_LIST_ABNORMAL);
  EXPECT_EQ(credit.listings(0).reason(), "CR-01(c)");
  EXPECT_EQ(Sweep("sweep-rect-2").rectifications_overdue(), 0);
}

// ENF-01..14 end to end in two services: a case runs its whole procedure here, its revocation is
// published as case.decided, registration (through the kit's router) revokes the organization, and
// the penalty is a CR-06(7) credit event (ENF-14) in the same commit as the decision.
TEST_F(SupervisionTest, Enf02Enf04Enf14RevocationDecidedHereRevokesTheOrganizationInRegistration) {
  const std::string org = Register("厦门市集美区执法一号服务中心", "e1");
  using Act = sv1::ActOnCaseRequest;
  sv1::EnforcementCase c;
  sv1::OpenCaseRequest open;
  open.set_request_id("case-open");
  open.set_organization_id(org);
  open.set_source(sv1::CASE_SOURCE_DETECTION);
  open.set_summary("成立后一年以上未开展业务活动");
  auto st = Sup(&sv1::SupervisionService::Stub::OpenCase, open, &c, "enforcement_officer");
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(c.state(), sv1::CASE_STATE_CLUE);
  // An inspector may not open cases; an unknown organization is NOT_FOUND (ENF-01).
  EXPECT_EQ(Sup(&sv1::SupervisionService::Stub::OpenCase, open, &c, "inspector").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  auto unknown = open;
  unknown.set_request_id("case-unknown");
  unknown.set_organization_id("52350211MJ0000000X");
  sv1::EnforcementCase ignored;
  EXPECT_EQ(Sup(&sv1::SupervisionService::Stub::OpenCase, unknown, &ignored, "enforcement_officer")
                .error_code(),
            grpc::StatusCode::NOT_FOUND);

  int step = 0;
  auto act = [&](auto fill) {
    Act req;
    req.set_request_id("step-" + std::to_string(++step));
    req.set_case_id(c.id());
    req.set_version(c.version());
    fill(req);
    auto status = Sup(&sv1::SupervisionService::Stub::ActOnCase, req, &c, "enforcement_officer");
    EXPECT_TRUE(status.ok()) << "step " << step << ": " << status.error_message();
    return status;
  };
  auto record = [&](sv1::RecordStage stage, const char* what) {
    act([&](Act& r) {
      r.mutable_add_record()->mutable_record()->set_stage(stage);
      r.mutable_add_record()->mutable_record()->set_description(what);
    });
  };
  act([](Act& r) { r.mutable_pre_check(); });
  // ENF-02: one investigator is not enough.
  {
    Act bad;
    bad.set_request_id("file-one");
    bad.set_case_id(c.id());
    bad.set_version(c.version());
    auto* f = bad.mutable_file();
    f->set_case_no("集民罚字〔2027〕1号");
    f->add_investigators("chen.ming");
    f->set_violation_on("2026-12-20");
    f->set_facts_established(true);
    f->set_penalty_warranted(true);
    auto status =
        Sup(&sv1::SupervisionService::Stub::ActOnCase, bad, &ignored, "enforcement_officer");
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(status.error_message().find("investigators"), std::string::npos);
  }
  act([](Act& r) {
    auto* f = r.mutable_file();
    f->set_case_no("集民罚字〔2027〕1号");
    f->add_investigators("chen.ming");
    f->add_investigators("lin.fang");
    f->set_violation_on("2026-12-20");
    f->set_facts_established(true);
    f->set_penalty_warranted(true);
  });
  EXPECT_EQ(c.state(), sv1::CASE_STATE_FILED);
  EXPECT_EQ(c.decision_deadline(), "2027-05-02");  // ENF-11: 90 days after 2027-02-01
  record(sv1::RECORD_STAGE_FILING, "立案审批表");
  act([](Act& r) { r.mutable_start_investigation(); });
  record(sv1::RECORD_STAGE_INVESTIGATION, "询问笔录、现场检查笔录");
  act([](Act& r) {
    auto* n = r.mutable_send_notice();
    auto* p = n->add_proposed();
    p->set_type(sv1::PENALTY_TYPE_REVOCATION);
    p->set_basis("社会团体登记管理条例 第三十条");
    n->set_statement_deadline("2027-02-10");
  });
  EXPECT_TRUE(c.hearing_right());
  act([](Act& r) { r.mutable_submit_for_review()->set_rights_waived(true); });
  record(sv1::RECORD_STAGE_REVIEW, "法制审核意见书");
  act([](Act& r) {
    r.mutable_review()->set_reviewer("huang.wei");
    r.mutable_review()->set_passed(true);
    r.mutable_review()->set_opinion("事实清楚，证据确凿，程序合法");
  });
  act([](Act& r) {
    auto* p = r.mutable_decide()->add_penalties();
    p->set_type(sv1::PENALTY_TYPE_REVOCATION);
    p->set_basis("社会团体登记管理条例 第三十条");
  });
  ASSERT_EQ(c.state(), sv1::CASE_STATE_DECIDED);
  EXPECT_EQ(c.service_deadline(), "2027-02-08");  // ENF-06

  // ENF-14: the revocation is a CR-06(7) serious listing.
  auto credit = Credit(org);
  EXPECT_EQ(credit.current_list(), sv1::CREDIT_LIST_SERIOUS);
  EXPECT_EQ(credit.listings(0).reason(), "CR-06(7)");

  // Registration revokes it on the case.decided event alone.
  ASSERT_TRUE(WaitFor(
      [&] {
        rv1::GetOrganizationRequest get;
        get.set_organization_id(org);
        rv1::Organization o;
        return Call(&rv1::RegistrationService::Stub::GetOrganization, get, &o, Token("viewer"))
                   .ok() &&
               o.status() == rv1::ORG_STATUS_REVOKED;
      },
      seconds(20)))
      << ServiceLog();

  record(sv1::RECORD_STAGE_DECISION, "行政处罚决定书");
  act([](Act& r) { r.mutable_serve()->set_on_the_spot(true); });
  record(sv1::RECORD_STAGE_SERVICE, "送达回证");
  act([](Act& r) { r.mutable_start_execution(); });
  record(sv1::RECORD_STAGE_EXECUTION, "收缴登记证书和印章");
  act([](Act& r) { r.mutable_appeal(); });  // ENF-10: recorded, the case runs on
  EXPECT_EQ(c.state(), sv1::CASE_STATE_EXECUTING);
  act([](Act& r) { r.mutable_close(); });
  EXPECT_EQ(c.state(), sv1::CASE_STATE_CLOSED);
  EXPECT_EQ(c.appeals(), 1);
}

// 投诉举报: public intake with a confidential reporter, triage into a case, the answer.
TEST_F(SupervisionTest, ComplaintReporterIsConfidentialAndTriageOpensACase) {
  const std::string org = Register("厦门市集美区投诉一号服务中心", "t1");
  sv1::SubmitComplaintRequest in;
  in.set_request_id("tip-1");
  in.set_channel(sv1::COMPLAINT_CHANNEL_ONLINE);
  in.set_target_name("厦门市集美区投诉一号服务中心");
  in.set_target_organization_id(org);
  in.set_facts("以培训名义收取高额费用，未开具票据");
  in.mutable_reporter()->set_name("举报人甲乙丙");
  in.mutable_reporter()->set_phone("13800000000");
  sv1::Complaint c;
  auto st = Sup(&sv1::SupervisionService::Stub::SubmitComplaint, in, &c, "public");
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_FALSE(c.anonymous());
  EXPECT_FALSE(c.has_reporter());
  sv1::GetComplaintRequest get;
  get.set_complaint_id(c.id());
  sv1::Complaint seen;
  ASSERT_TRUE(
      Sup(&sv1::SupervisionService::Stub::GetComplaint, get, &seen, "enforcement_officer").ok());
  EXPECT_EQ(seen.reporter().name(), "举报人甲乙丙");
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::GetComplaint, get, &seen, "auditor").ok());
  EXPECT_FALSE(seen.has_reporter());
  // A missing fact is refused naming the field.
  auto bad = in;
  bad.set_request_id("tip-bad");
  bad.clear_facts();
  st = Sup(&sv1::SupervisionService::Stub::SubmitComplaint, bad, &seen, "public");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("facts"), std::string::npos);

  sv1::TriageComplaintRequest triage;
  triage.set_request_id("triage-1");
  triage.set_complaint_id(c.id());
  triage.set_version(c.version());
  st = Sup(&sv1::SupervisionService::Stub::TriageComplaint, triage, &c, "enforcement_officer");
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(c.state(), sv1::COMPLAINT_STATE_LINKED);
  // Repeating the request answers the first result (and opens no second case).
  sv1::Complaint replayed;
  st = Sup(&sv1::SupervisionService::Stub::TriageComplaint, triage, &replayed,
           "enforcement_officer");
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(replayed.case_id(), c.case_id());
  EXPECT_EQ(RedisInt({"ZCARD", "{sup}:cases"}), 1);
  sv1::GetCaseRequest gc;
  gc.set_case_id(c.case_id());
  sv1::EnforcementCase opened;
  ASSERT_TRUE(
      Sup(&sv1::SupervisionService::Stub::GetCase, gc, &opened, "enforcement_officer").ok());
  EXPECT_EQ(opened.source(), sv1::CASE_SOURCE_COMPLAINT);
  EXPECT_EQ(opened.source_ref(), c.id());
  sv1::AnswerComplaintRequest answer;
  answer.set_request_id("answer-1");
  answer.set_complaint_id(c.id());
  answer.set_version(c.version());
  answer.set_reply("已立案调查，感谢您的监督");
  ASSERT_TRUE(
      Sup(&sv1::SupervisionService::Stub::AnswerComplaint, answer, &c, "enforcement_officer").ok());
  EXPECT_EQ(c.state(), sv1::COMPLAINT_STATE_ANSWERED);

  // The reporter never reaches the outbox (and so no event, log or audit record).
  auto r = pool_->Acquire();
  const auto entries = r->Command({"XRANGE", "{sup}:outbox", "-", "+"});
  ASSERT_FALSE(entries.elements.empty());
  for (const auto& e : entries.elements)
    for (const auto& f : e.elements.at(1).elements) {
      EXPECT_EQ(f.str.find("举报人甲乙丙"), std::string::npos);
      EXPECT_EQ(f.str.find("13800000000"), std::string::npos);
    }
}

// ZB-02 campaign counts; ENF-13 an illegal organization banned by its case and publicly listed.
TEST_F(SupervisionTest, Zb02CampaignCountsAndEnf13IllegalOrganizationBanned) {
  const std::string a = Register("厦门市集美区整治一号服务中心", "z1");
  const std::string b = Register("厦门市集美区整治二号服务中心", "z2");
  sv1::StartCampaignRequest start;
  start.set_request_id("camp");
  start.set_name("2027年僵尸型社会组织专项整治");
  start.set_kind(sv1::CAMPAIGN_KIND_ZOMBIE_CLEANUP);
  sv1::Campaign camp;
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::StartCampaign, start, &camp, "inspector").ok());
  for (const auto& [org, key] : {std::pair{a, "i1"}, std::pair{b, "i2"}}) {
    sv1::AddCampaignItemRequest add;
    add.set_request_id(key);
    add.set_campaign_id(camp.id());
    add.set_version(camp.version());
    add.set_organization_id(org);
    add.set_problem("连续两年未参加年检");
    add.set_rectification_deadline("2027-04-30");
    auto st = Sup(&sv1::SupervisionService::Stub::AddCampaignItem, add, &camp, "inspector");
    ASSERT_TRUE(st.ok()) << st.error_message();
  }
  sv1::ResolveCampaignItemRequest res;
  res.set_request_id("res-1");
  res.set_campaign_id(camp.id());
  res.set_version(camp.version());
  res.set_item_id(camp.items(0).id());
  res.set_resolution(sv1::ITEM_RESOLUTION_CANCELLED_VOLUNTARILY);
  ASSERT_TRUE(
      Sup(&sv1::SupervisionService::Stub::ResolveCampaignItem, res, &camp, "inspector").ok());
  res.set_request_id("res-2");
  res.set_version(camp.version());
  res.set_item_id(camp.items(1).id());
  res.set_resolution(sv1::ITEM_RESOLUTION_ESCALATED);
  ASSERT_TRUE(
      Sup(&sv1::SupervisionService::Stub::ResolveCampaignItem, res, &camp, "inspector").ok());
  EXPECT_EQ(camp.counts().found(), 2);
  EXPECT_EQ(camp.counts().cancelled_voluntarily(), 1);
  EXPECT_EQ(camp.counts().escalated(), 1);
  EXPECT_FALSE(camp.items(1).case_id().empty());
  // Filing removal is only for low-activity community campaigns.
  res.set_request_id("res-3");
  res.set_version(camp.version());
  res.set_resolution(sv1::ITEM_RESOLUTION_FILING_REMOVED);
  EXPECT_EQ(Sup(&sv1::SupervisionService::Stub::ResolveCampaignItem, res, &camp, "inspector")
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  sv1::RecordIllegalOrgRequest rec;
  rec.set_request_id("illegal");
  rec.set_name("集美区国学传承促进会");
  rec.set_kind(sv1::ILLEGAL_ORG_KIND_UNREGISTERED);
  rec.set_description("未经登记以社会团体名义招收会员、收取会费");
  sv1::IllegalOrg illegal;
  ASSERT_TRUE(
      Sup(&sv1::SupervisionService::Stub::RecordIllegalOrg, rec, &illegal, "enforcement_officer")
          .ok());
  sv1::OpenCaseRequest open;
  open.set_request_id("illegal-case");
  open.set_illegal_org_id(illegal.id());
  open.set_source(sv1::CASE_SOURCE_COMPLAINT);
  open.set_summary("非法社会组织");
  sv1::EnforcementCase c;
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::OpenCase, open, &c, "enforcement_officer").ok());
  int step = 0;
  auto act = [&](auto fill) {
    sv1::ActOnCaseRequest req;
    req.set_request_id("ill-" + std::to_string(++step));
    req.set_case_id(c.id());
    req.set_version(c.version());
    fill(req);
    auto status = Sup(&sv1::SupervisionService::Stub::ActOnCase, req, &c, "enforcement_officer");
    EXPECT_TRUE(status.ok()) << "step " << step << ": " << status.error_message();
  };
  auto record = [&](sv1::RecordStage stage) {
    act([&](sv1::ActOnCaseRequest& r) {
      r.mutable_add_record()->mutable_record()->set_stage(stage);
      r.mutable_add_record()->mutable_record()->set_description("笔录");
    });
  };
  act([](sv1::ActOnCaseRequest& r) { r.mutable_pre_check(); });
  act([](sv1::ActOnCaseRequest& r) {
    auto* f = r.mutable_file();
    f->set_case_no("集民罚字〔2027〕2号");
    f->add_investigators("chen.ming");
    f->add_investigators("lin.fang");
    f->set_violation_on("2027-01-15");
    f->set_facts_established(true);
    f->set_penalty_warranted(true);
  });
  record(sv1::RECORD_STAGE_FILING);
  act([](sv1::ActOnCaseRequest& r) { r.mutable_start_investigation(); });
  record(sv1::RECORD_STAGE_INVESTIGATION);
  act([](sv1::ActOnCaseRequest& r) {
    r.mutable_send_notice()->set_statement_deadline("2027-02-10");
  });
  act([](sv1::ActOnCaseRequest& r) { r.mutable_submit_for_review()->set_rights_waived(true); });
  record(sv1::RECORD_STAGE_REVIEW);
  act([](sv1::ActOnCaseRequest& r) {
    r.mutable_review()->set_reviewer("huang.wei");
    r.mutable_review()->set_passed(true);
    r.mutable_review()->set_opinion("同意取缔");
  });
  act([](sv1::ActOnCaseRequest& r) { r.mutable_decide()->set_ban(true); });
  EXPECT_EQ(c.state(), sv1::CASE_STATE_DECIDED);
  sv1::ListIllegalOrgsRequest list;
  list.set_public_only(true);
  sv1::ListIllegalOrgsResponse listed;
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::ListIllegalOrgs, list, &listed, "viewer").ok());
  ASSERT_EQ(listed.orgs_size(), 1);
  EXPECT_EQ(listed.orgs(0).state(), sv1::ILLEGAL_ORG_STATE_BANNED);
  EXPECT_EQ(listed.orgs(0).case_id(), c.id());
}

// A low-activity community filing removed in a supervision campaign reaches registration as
// campaign.filing_removed, and registration removes the filing (the kit's router, events alone);
// the low-activity detection proposes the filing first.
TEST_F(SupervisionTest, LowActivityCommunityFilingRemovedInACampaignIsRemovedInRegistration) {
  rv1::FileCommunityOrganizationRequest req;
  req.set_request_id("sup-file-1");
  auto* p = req.mutable_profile();
  p->set_org_type(rv1::ORG_TYPE_COMMUNITY);
  p->set_community_form(rv1::COMMUNITY_FORM_SERVICE);
  p->set_name("集美区侨英街道叶厝社区夕阳红志愿服务队");
  p->set_domicile("厦门市集美区侨英街道叶厝社区居委会");
  p->mutable_legal_representative()->set_name("陈美玲");
  p->mutable_funds()->set_fen(100'000);
  p->set_business_scope("助老志愿服务");
  p->set_jurisdiction(kJimei);
  p->set_staff_count(5);
  p->set_filed_with("侨英街道办事处");
  req.set_legal_representative_id_number(kValidId);
  rv1::Organization filing;
  auto st = Call(&rv1::RegistrationService::Stub::FileCommunityOrganization, req, &filing,
                 Token("clerk"));
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_TRUE(WaitFor(
      [&] {
        return RedisInt({"EXISTS", "{sup}:dir:org:" + filing.id()}) == 1;
      },
      seconds(20)));

  // Filed 2026-12; a year and more later with nothing observed, the scan proposes it.
  sup_clock_.SetDay("2028-01-15");
  sv1::RunDetectionsRequest detect;
  sv1::RunDetectionsResponse found;
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::RunDetections, detect, &found, "inspector").ok());
  ASSERT_EQ(found.candidates_size(), 1);
  EXPECT_EQ(found.candidates(0).organization_id(), filing.id());
  EXPECT_EQ(found.candidates(0).detection(), "low_activity_filing");

  sv1::StartCampaignRequest start;
  start.set_request_id("low-camp");
  start.set_name("2028年不活跃社区社会组织清理");
  start.set_kind(sv1::CAMPAIGN_KIND_LOW_ACTIVITY_COMMUNITY);
  sv1::Campaign camp;
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::StartCampaign, start, &camp, "inspector").ok());
  sv1::AddCampaignItemRequest add;
  add.set_request_id("low-item");
  add.set_campaign_id(camp.id());
  add.set_version(camp.version());
  add.set_organization_id(filing.id());
  add.set_problem("一年以上未开展活动");
  add.set_rectification_deadline("2028-02-15");
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::AddCampaignItem, add, &camp, "inspector").ok());
  sv1::ResolveCampaignItemRequest res;
  res.set_request_id("low-remove");
  res.set_campaign_id(camp.id());
  res.set_version(camp.version());
  res.set_item_id(camp.items(0).id());
  res.set_resolution(sv1::ITEM_RESOLUTION_FILING_REMOVED);
  st = Sup(&sv1::SupervisionService::Stub::ResolveCampaignItem, res, &camp, "inspector");
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(camp.counts().removed(), 1);

  ASSERT_TRUE(WaitFor(
      [&] {
        rv1::GetOrganizationRequest get;
        get.set_organization_id(filing.id());
        rv1::Organization o;
        return Call(&rv1::RegistrationService::Stub::GetOrganization, get, &o, Token("viewer"))
                   .ok() &&
               o.status() == rv1::ORG_STATUS_FILING_REMOVED;
      },
      seconds(20)))
      << ServiceLog();
}

// 等级评估: RT-02 seniority judged from the directory, RT-06/07 scores and thresholds, RT-05
// validity of the 2026 rules, RT-11 the grade in force on the public list.
TEST_F(SupervisionTest, Rt02Rt05Rt06RatingRoundFromApplicationToAnnouncedGrade) {
  const std::string org = Register("厦门市集美区评估一号服务中心", "rt1");
  auto round = [&](const std::string& id, int year, const std::string& from,
                   const std::string& to) {
    sv1::OpenRatingRoundRequest r;
    r.set_request_id(id);
    r.set_year(year);
    r.set_applications_open(from);
    r.set_applications_close(to);
    auto* m = r.mutable_maxima();
    m->set_basic_conditions(150);
    m->set_internal_governance(350);
    m->set_performance(350);
    m->set_social_evaluation(150);
    m->set_bonus(50);
    sv1::RatingRound out;
    auto st = Sup(&sv1::SupervisionService::Stub::OpenRatingRound, r, &out, "rating_officer");
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  };
  auto apply = [&](const sv1::RatingRound& rr, const std::string& id) {
    sv1::ApplyForRatingRequest a;
    a.set_request_id(id);
    a.set_round_id(rr.id());
    a.set_organization_id(org);
    sv1::RatingEvaluation e;
    auto st = Sup(&sv1::SupervisionService::Stub::ApplyForRating, a, &e, "rating_officer");
    EXPECT_TRUE(st.ok()) << st.error_message();
    return e;
  };
  int step = 0;
  auto act = [&](sv1::RatingEvaluation& e, auto fill) {
    sv1::ActOnRatingRequest req;
    req.set_request_id("rt-" + std::to_string(++step));
    req.set_evaluation_id(e.id());
    req.set_version(e.version());
    fill(req);
    auto st = Sup(&sv1::SupervisionService::Stub::ActOnRating, req, &e, "rating_officer");
    EXPECT_TRUE(st.ok()) << "step " << step << ": " << st.error_message();
  };

  // Registered in 2026: in a 2027 round it has not been registered two full years (RT-02).
  sup_clock_.SetDay("2027-05-01");
  auto early = apply(round("round-2027", 2027, "2027-04-01", "2027-06-30"), "apply-2027");
  act(early, [](sv1::ActOnRatingRequest& r) { r.mutable_check_eligibility(); });
  EXPECT_EQ(early.state(), sv1::RATING_STATE_INELIGIBLE);
  ASSERT_GE(early.ineligibility_size(), 1);
  EXPECT_EQ(early.ineligibility(0).rfind("RT-02", 0), 0u) << early.ineligibility(0);

  sup_clock_.SetDay("2029-05-01");
  const auto r2029 = round("round-2029", 2029, "2029-04-01", "2029-06-30");
  EXPECT_EQ(r2029.rules(), sv1::RATING_RULES_2026);
  EXPECT_EQ(r2029.thresholds().five_a(), 900);  // RT-06: the deployment's setting
  auto e = apply(r2029, "apply-2029");
  act(e, [](sv1::ActOnRatingRequest& r) { r.mutable_check_eligibility(); });
  ASSERT_EQ(e.state(), sv1::RATING_STATE_SELF_ASSESSMENT);
  auto scores = [](sv1::DimensionScores* s, int basic) {
    s->set_basic_conditions(basic);
    s->set_internal_governance(330);
    s->set_performance(330);
    s->set_social_evaluation(140);
    s->set_bonus(10);
  };
  act(e, [&](sv1::ActOnRatingRequest& r) {
    scores(r.mutable_self_assessment()->mutable_scores(), 150);
  });
  // A dimension over its maximum is refused naming it (RT-07).
  {
    sv1::ActOnRatingRequest bad;
    bad.set_request_id("rt-bad");
    bad.set_evaluation_id(e.id());
    bad.set_version(e.version());
    scores(bad.mutable_preliminary_score()->mutable_scores(), 151);
    sv1::RatingEvaluation ignored;
    auto st = Sup(&sv1::SupervisionService::Stub::ActOnRating, bad, &ignored, "rating_officer");
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(st.error_message().find("basic_conditions"), std::string::npos) << st.error_message();
  }
  act(e, [&](sv1::ActOnRatingRequest& r) {
    scores(r.mutable_preliminary_score()->mutable_scores(), 145);
  });
  act(e, [](sv1::ActOnRatingRequest& r) { r.mutable_committee_decision(); });
  EXPECT_EQ(e.total_score(), 955);
  EXPECT_EQ(e.grade(), "5A");
  act(e, [](sv1::ActOnRatingRequest& r) { r.mutable_start_publicity()->set_until("2029-05-10"); });
  sup_clock_.SetDay("2029-05-12");
  act(e, [](sv1::ActOnRatingRequest& r) { r.mutable_announce(); });
  EXPECT_EQ(e.state(), sv1::RATING_STATE_FINAL);
  EXPECT_EQ(e.valid_from(), "2030-01-01");  // RT-05 (2026 rules)
  EXPECT_EQ(e.valid_to(), "2034-12-31");
  EXPECT_TRUE(e.certificate_and_plaque());  // RT-01

  sup_clock_.SetDay("2030-02-01");
  sv1::ListRatingsRequest list;
  list.set_in_force_only(true);
  sv1::ListRatingsResponse rows;
  ASSERT_TRUE(Sup(&sv1::SupervisionService::Stub::ListRatings, list, &rows, "viewer").ok());
  ASSERT_EQ(rows.evaluations_size(), 1);
  EXPECT_EQ(rows.evaluations(0).grade(), "5A");
}

}  // namespace
}  // namespace socgov::testing
