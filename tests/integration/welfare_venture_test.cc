// The welfare-venture service in-process on the kit, beside registration, on real redis-server and
// nats-server -js: applicants come only from registration's events (the directory), credit
// listings only from supervision's credit.* events on SUPERVISION (published here by the test: a
// contract test of supervision's listing event), and a round runs end to end. Days are passed in
// the requests, counted back from today (commands refuse future days).
#include <algorithm>
#include <sstream>

#include "platform/outbox/event.h"
#include "platform/util/dates.h"
#include "registration_fixture.h"
#include "socgov/supervision/v1/events.pb.h"
#include "socgov/welfare_venture/v1/events.pb.h"
#include "socgov/welfare_venture/v1/welfare_venture_service.grpc.pb.h"
#include "welfare_venture/definition.h"

namespace socgov::testing {
namespace {

namespace wv1 = ::socgov::welfare_venture::v1;
namespace sv1 = ::socgov::supervision::v1;
using WvStub = wv1::WelfareVentureService::Stub;
using std::chrono::seconds;

constexpr std::int64_t kYuan = 100;

// Today − n days, YYYY-MM-DD (China time).
std::string DaysAgo(int n) {
  return FormatDate(ChinaDate(std::chrono::system_clock::now()) - std::chrono::days(n));
}

class WelfareVentureTest : public RegistrationFixture {
 protected:
  void SetUp() override {
    RegistrationFixture::SetUp();
    if (HasFatalFailure()) return;
    // Supervision is not running here: its stream exists and the test publishes its events.
    ASSERT_FALSE(
        bus::EnsureStream(*conn_, {"SUPERVISION", {"socgov.v1.350200.350211.supervision.>"}})
            .has_value());
    wv_ = std::make_unique<InProcessService>(welfare_venture::ServiceDefinition(), dir_.path(),
                                             *redis_, *nats_, kTestKey);
    ASSERT_TRUE(wv_->Start());
    stub_wv_ = wv1::WelfareVentureService::NewStub(
        grpc::CreateChannel(wv_->addr(), grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    if (wv_) wv_->Stop();
    RegistrationFixture::TearDown();
  }

  static std::string WvToken(const std::string& role, const std::string& subject = "") {
    auth::Principal p{subject.empty() ? role + ".test" : subject, {role}, kJimei, 0};
    const auto now = std::chrono::system_clock::now();
    p.expires_at =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() + 3600;
    return auth::MintToken(kTestKey, p, now);
  }

  template <typename Req, typename Resp, typename Fn>
  grpc::Status Wv(Fn fn, const Req& req, Resp* resp, const std::string& role = "venture_officer",
                  const std::string& subject = "") {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + WvToken(role, subject));
    ctx.set_deadline(std::chrono::system_clock::now() + seconds(10));
    return ((*stub_wv_).*fn)(&ctx, req, resp);
  }

  // Registers an organization in registration and waits until this service's directory has it.
  std::string Register(const std::string& name, const std::string& key) {
    auto req = SocialServiceRequest(name, "wv-" + key);
    rv1::SubmitApplicationResponse s;
    auto st = Submit(req, &s);
    EXPECT_TRUE(st.ok()) << st.error_message();
    rv1::ApproveApplicationResponse a;
    EXPECT_TRUE(Approve(s.application().id(), 1, "wv-approve-" + key, &a).ok());
    const std::string id = a.organization().id();
    EXPECT_TRUE(WaitFor(
        [&] {
          return RedisInt({"EXISTS", "{wv}:dir:org:" + id}) == 1;
        },
        seconds(20)))
        << wv_->log();
    return id;
  }

  // Supervision's credit.listed event as supervision publishes it (app/support.cc there): the
  // contract this service's read model relies on.
  void PublishListed(const std::string& org, const std::string& listed_on, std::int64_t version,
                     sv1::CreditList list = sv1::CREDIT_LIST_ABNORMAL) {
    sv1::CreditListed b;
    b.set_organization_id(org);
    b.set_jurisdiction(kJimei);
    b.set_list(list);
    b.set_reason("CR-01(a)");
    b.set_listed_on(listed_on);
    b.set_event_kind(sv1::CREDIT_EVENT_KIND_ANNUAL_REPORT_MISSED);
    b.set_source("annual report " + listed_on.substr(0, 4));
    b.add_rule_ids("CR-01");
    auto e = outbox::MakeEvent(b, {"supervision", "supervision", kJimei},
                               {"credit", "listed", org, version, kJimei, "supervision.sweeper"},
                               std::chrono::system_clock::now());
    ASSERT_TRUE(bus::Publish(*conn_, e, 5000).ok());
  }
  void WaitListed(const std::string& org, size_t periods) {
    ASSERT_TRUE(WaitFor(
        [&] {
          wv1::GetCreditFactsRequest req;
          req.set_organization_id(org);
          wv1::CreditFacts f;
          return Wv(&WvStub::GetCreditFacts, req, &f).ok() &&
                 static_cast<size_t>(f.listings_size()) >= periods;
        },
        seconds(20)))
        << wv_->log();
  }

  // Everything a refused command must leave untouched: the outbox's length and every entity,
  // index, counter and idempotency record of the service.
  std::string WvSnapshot() {
    auto r = pool_->Acquire();
    std::string out = std::to_string(r->Command({"XLEN", "{wv}:outbox"}).integer);
    std::vector<std::string> names;
    for (auto& k : r->Command({"KEYS", "{wv}:*"}).elements)
      if (k.str.rfind("{wv}:outbox", 0) != 0 && k.str.rfind("{wv}:dir:", 0) != 0 &&
          k.str.rfind("{wv}:inbox:", 0) != 0 && k.str.rfind("{wv}:gate:", 0) != 0)
        names.push_back(k.str);
    std::sort(names.begin(), names.end());
    for (auto& k : names) {
      const auto type = r->Command({"TYPE", k}).str;
      out += "|" + k;
      if (type == "hash")
        for (auto& e : r->Command({"HGETALL", k}).elements) out += "," + e.str;
      else if (type == "string")
        out += "=" + r->Command({"GET", k}).str;
      else if (type == "zset")
        for (auto& e : r->Command({"ZRANGE", k, "0", "-1"}).elements) out += "," + e.str;
    }
    return out;
  }

  // A ¥600,000 round of Jimei's (VC-01 welfare lottery), windows counted back from today: survey
  // 100..90 days ago, call 80..60 days ago; two criteria (expert 60 %, defence 40 %), no bonuses.
  wv1::CreateRoundRequest RoundRequest(const std::string& request_id) {
    wv1::CreateRoundRequest r;
    r.set_request_id(request_id);
    r.set_on(DaysAgo(110));
    r.set_year(std::stoi(DaysAgo(100).substr(0, 4)));
    r.set_organiser("集美区民政局社会组织管理科");
    r.set_contractor("集美区社会组织孵化中心");
    r.set_fund_source(wv1::FUND_SOURCE_WELFARE_LOTTERY);
    auto* b = r.mutable_budget();
    b->set_total_fen(600'000 * kYuan);
    b->set_project_grants_fen(500'000 * kYuan);
    b->set_operator_fee_fen(60'000 * kYuan);
    b->set_evaluation_fee_fen(40'000 * kYuan);
    r.add_categories(wv1::CATEGORY_ELDERLY);
    r.add_categories(wv1::CATEGORY_DISABLED);
    r.add_categories(wv1::CATEGORY_CHILDREN_YOUTH);
    r.set_needs_survey_opens(DaysAgo(100));
    r.set_needs_survey_closes(DaysAgo(90));
    r.set_call_opens(DaysAgo(80));
    r.set_call_closes(DaysAgo(60));
    r.set_publicity_days(7);
    auto* s = r.mutable_scheme();
    s->set_scale_max(100);
    auto* c = s->add_criteria();
    c->set_id("need");
    c->set_panel(wv1::PANEL_EXPERT);
    c->set_weight_permille(600);
    c = s->add_criteria();
    c->set_id("defence");
    c->set_panel(wv1::PANEL_DEFENCE);
    c->set_weight_permille(400);
    s->set_matching_bonus_max(0);
    return r;
  }

  wv1::SubmitApplicationRequest AppRequest(const std::string& request_id,
                                           const std::string& round_id, const std::string& org,
                                           std::int64_t grant_yuan, const std::string& on) {
    wv1::SubmitApplicationRequest r;
    r.set_request_id(request_id);
    r.set_on(on);
    auto* a = r.mutable_application();
    a->set_round_id(round_id);
    a->set_organization_id(org);
    a->set_category(wv1::CATEGORY_ELDERLY);
    a->set_title("银龄互助社区养老服务项目");
    a->set_summary("为辖区高龄独居老人提供助餐、探访和健康讲座");
    a->set_requested_grant_fen(grant_yuan * kYuan);
    a->set_self_raised_fen(grant_yuan * kYuan);  // 50 %: within VC-04's 60 %
    a->set_budget_fen(2 * grant_yuan * kYuan);
    a->set_service_area(kJimei);
    a->set_beneficiary_area(kJimei);
    a->set_beneficiaries("高龄独居老人");
    a->set_planned_beneficiaries(300);
    a->add_project_scope("社区养老服务");
    a->set_has_premises(true);
    a->set_has_staff(true);
    a->set_has_qualifications(true);
    return r;
  }

  wv1::Round Advance(const wv1::Round& r, wv1::RoundState to, const std::string& on) {
    wv1::AdvanceRoundRequest req;
    req.set_request_id("adv-" + r.id() + "-" + std::to_string(to));
    req.set_round_id(r.id());
    req.set_version(r.version());
    req.set_to(to);
    req.set_on(on);
    wv1::Round out;
    auto st = Wv(&WvStub::AdvanceRound, req, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }

  wv1::Application Get(const std::string& app_id) {
    wv1::GetApplicationRequest req;
    req.set_application_id(app_id);
    wv1::Application a;
    EXPECT_TRUE(Wv(&WvStub::GetApplication, req, &a).ok());
    return a;
  }

  grpc::Status Sheet(const std::string& app_id, const std::string& expert, wv1::Panel panel,
                     const std::string& criterion, int points, wv1::Application* out) {
    const wv1::Application now = Get(app_id);
    wv1::RecordScoreSheetRequest req;
    req.set_request_id("sheet-" + app_id + "-" + expert + "-" + std::to_string(panel) + "-" +
                       std::to_string(points));
    req.set_application_id(app_id);
    req.set_version(now.version());
    req.mutable_sheet()->set_panel(panel);
    auto* s = req.mutable_sheet()->add_scores();
    s->set_criterion_id(criterion);
    s->set_points(points);
    return Wv(&WvStub::RecordScoreSheet, req, out, "expert", expert);
  }

  // The assigned expert scores the expert and defence panels.
  void Score(const std::string& app_id, const std::string& expert, int need, int defence) {
    wv1::Application a;
    auto st = Sheet(app_id, expert, wv1::PANEL_EXPERT, "need", need, &a);
    ASSERT_TRUE(st.ok()) << st.error_message();
    st = Sheet(app_id, expert, wv1::PANEL_DEFENCE, "defence", defence, &a);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  void Assign(const std::string& app_id, const std::string& expert) {
    wv1::AssignExpertRequest req;
    req.set_request_id("assign-" + app_id + "-" + expert);
    req.set_application_id(app_id);
    req.set_version(Get(app_id).version());
    req.set_expert_id(expert);
    wv1::Application a;
    auto st = Wv(&WvStub::AssignExpert, req, &a);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  void RegisterExpert(const std::string& id, std::vector<std::string> linked) {
    wv1::RegisterExpertRequest req;
    req.set_request_id("expert-" + id);
    req.set_expert_id(id);
    req.set_name("评审专家");
    for (auto& o : linked) req.add_linked_organization_ids(o);
    wv1::Expert e;
    auto st = Wv(&WvStub::RegisterExpert, req, &e);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  wv1::Project GetProject(const std::string& id) {
    wv1::GetProjectRequest req;
    req.set_project_id(id);
    wv1::Project p;
    EXPECT_TRUE(Wv(&WvStub::GetProject, req, &p, "viewer").ok());
    return p;
  }

  template <typename Req>
  Req Step(const std::string& project_id, const std::string& request_id, const std::string& on) {
    Req r;
    r.set_request_id(request_id);
    r.set_project_id(project_id);
    r.set_version(GetProject(project_id).version());
    r.set_on(on);
    return r;
  }

  grpc::Status ReportActivity(const std::string& request_id, const std::string& project,
                              const std::string& on, int people, int hours, int volunteers,
                              wv1::Activity* out) {
    wv1::ReportActivityRequest req;
    req.set_request_id(request_id);
    auto* a = req.mutable_activity();
    a->set_project_id(project);
    a->set_on(on);
    a->set_place("杏林街道长者食堂");
    a->set_people_served(people);
    a->set_volunteer_hours(hours);
    for (int i = 0; i < volunteers; ++i) a->add_volunteer_ids("V" + std::to_string(i + 1));
    return Wv(&WvStub::ReportActivity, req, out);
  }

  std::unique_ptr<InProcessService> wv_;
  std::unique_ptr<WvStub> stub_wv_;
};

// VC-01/02/04/06: a round's bad input is refused naming the field or rule, and nothing is stored.
TEST_F(WelfareVentureTest, Vc01Vc02Vc04Vc06BadRoundsRefusedNothingStored) {
  const std::string before = WvSnapshot();
  wv1::Round r;
  auto req = RoundRequest("bad-budget");
  req.mutable_budget()->set_operator_fee_fen(61'000 * kYuan);  // ¥1,000 more than the total
  auto st = Wv(&WvStub::CreateRound, req, &r);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_NE(st.error_message().find("budget"), std::string::npos) << st.error_message();

  req = RoundRequest("bad-negative");
  req.mutable_budget()->set_evaluation_fee_fen(-1);
  st = Wv(&WvStub::CreateRound, req, &r);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();

  req = RoundRequest("bad-fund");  // VC-01: only the welfare-lottery fund
  req.set_fund_source(wv1::FUND_SOURCE_GENERAL_BUDGET);
  st = Wv(&WvStub::CreateRound, req, &r);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("VC-01"), std::string::npos) << st.error_message();

  req = RoundRequest("bad-cap");  // VC-04: the cap may not exceed ¥500,000
  req.mutable_grant_rules()->set_max_grant_fen(600'000 * kYuan);
  st = Wv(&WvStub::CreateRound, req, &r);
  EXPECT_FALSE(st.ok());

  req = RoundRequest("bad-windows");  // VC-02: the call after the survey
  req.set_call_opens(DaysAgo(95));
  st = Wv(&WvStub::CreateRound, req, &r);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();

  req = RoundRequest("bad-weights");  // VC-06: weights sum to 1000 permille
  req.mutable_scheme()->mutable_criteria(0)->set_weight_permille(500);
  st = Wv(&WvStub::CreateRound, req, &r);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_NE(st.error_message().find("VC-06"), std::string::npos) << st.error_message();

  req = RoundRequest("bad-role");
  st = Wv(&WvStub::CreateRound, req, &r, "viewer");
  ASSERT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();
  st = Wv(&WvStub::CreateRound, req, &r, "expert");
  ASSERT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();
  EXPECT_EQ(WvSnapshot(), before);

  // A good one, and its replay answers the same round.
  ASSERT_TRUE(Wv(&WvStub::CreateRound, RoundRequest("good"), &r).ok());
  EXPECT_EQ(r.state(), wv1::ROUND_STATE_PLANNED);
  EXPECT_EQ(r.jurisdiction(), kJimei);
  wv1::Round again;
  ASSERT_TRUE(Wv(&WvStub::CreateRound, RoundRequest("good"), &again).ok());
  EXPECT_EQ(again.id(), r.id());
  EXPECT_EQ(RedisInt({"ZCARD", "{wv}:rounds"}), 1);

  // VC-02: stages in order, within their windows.
  wv1::AdvanceRoundRequest adv;
  adv.set_request_id("adv-early");
  adv.set_round_id(r.id());
  adv.set_version(r.version());
  adv.set_to(wv1::ROUND_STATE_CALL_OPEN);  // before the needs survey
  adv.set_on(DaysAgo(80));
  st = Wv(&WvStub::AdvanceRound, adv, &again);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("VC-02"), std::string::npos) << st.error_message();

  // A change replayed answers its first result; a stale version is ABORTED, nothing stored.
  adv.set_request_id("adv-survey");
  adv.set_to(wv1::ROUND_STATE_NEEDS_SURVEY);
  adv.set_on(DaysAgo(100));
  ASSERT_TRUE(Wv(&WvStub::AdvanceRound, adv, &again).ok());
  EXPECT_EQ(again.state(), wv1::ROUND_STATE_NEEDS_SURVEY);
  wv1::Round replayed;
  ASSERT_TRUE(Wv(&WvStub::AdvanceRound, adv, &replayed).ok());
  EXPECT_EQ(replayed.version(), again.version());
  const std::string after_survey = WvSnapshot();
  adv.set_request_id("adv-stale");
  adv.set_to(wv1::ROUND_STATE_CALL_OPEN);
  adv.set_on(DaysAgo(80));
  st = Wv(&WvStub::AdvanceRound, adv, &replayed);  // still names the planned round's version
  ASSERT_EQ(st.error_code(), grpc::StatusCode::ABORTED) << st.error_message();
  EXPECT_EQ(WvSnapshot(), after_survey);
}

// A round end to end: applications by registered organizations of the jurisdiction, eligibility
// at submission (VC-03, CR-10 after supervision's credit.listed arrives) and again at award,
// experts with recusal scoring only what they are assigned (VC-06), the award in rank order never
// over the budget (VC-04), publicity with an objection (VC-02), a project through its tranches,
// evaluations and financial checks (VC-07..10), activities with totals as events, a clawback
// barring the grantee (VC-07), and the year's disclosure (VC-11).
TEST_F(WelfareVentureTest, Vc01ToVc11RoundEndToEnd) {
  const std::string a = Register("厦门市集美区银龄互助服务中心", "a");
  const std::string b = Register("厦门市集美区乐龄社会工作服务中心", "b");
  const std::string c = Register("厦门市集美区康乐社会工作服务中心", "c");
  const std::string d = Register("厦门市集美区夕阳红社会工作服务中心", "d");
  const std::string e = Register("厦门市集美区暖心社会工作服务中心", "e");
  StreamWatcher events(nats_->url(), "wv-test-watch", "WELFARE_VENTURE");

  wv1::Round r;
  ASSERT_TRUE(Wv(&WvStub::CreateRound, RoundRequest("round"), &r).ok());
  events.Start();
  r = Advance(r, wv1::ROUND_STATE_NEEDS_SURVEY, DaysAgo(100));
  r = Advance(r, wv1::ROUND_STATE_CALL_OPEN, DaysAgo(80));
  ASSERT_EQ(r.state(), wv1::ROUND_STATE_CALL_OPEN);

  // CR-10: supervision lists D on the abnormal list (its credit.listed event, on SUPERVISION).
  PublishListed(d, DaysAgo(75), 1);
  WaitListed(d, 1);

  // Bad applications: refused naming field or rule, nothing stored.
  const std::string before = WvSnapshot();
  wv1::Application app;
  auto bad = AppRequest("app-bad-sum", r.id(), a, 200'000, DaysAgo(70));
  bad.mutable_application()->set_budget_fen(1);  // ≠ own funds + grant
  auto st = Wv(&WvStub::SubmitApplication, bad, &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_NE(st.error_message().find("budget_fen"), std::string::npos) << st.error_message();
  bad = AppRequest("app-bad-neg", r.id(), a, 200'000, DaysAgo(70));
  bad.mutable_application()->set_requested_grant_fen(-5);
  st = Wv(&WvStub::SubmitApplication, bad, &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  bad = AppRequest("app-bad-cap", r.id(), a, 200'000, DaysAgo(70));  // VC-04: 80 % of the budget
  bad.mutable_application()->set_self_raised_fen(50'000 * kYuan);
  bad.mutable_application()->set_budget_fen(250'000 * kYuan);
  st = Wv(&WvStub::SubmitApplication, bad, &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("VC-04"), std::string::npos) << st.error_message();
  bad = AppRequest("app-bad-over", r.id(), a, 600'000, DaysAgo(70));  // VC-04: over ¥500,000
  st = Wv(&WvStub::SubmitApplication, bad, &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  bad = AppRequest("app-bad-org", r.id(), "91350211MA0000000X", 100'000, DaysAgo(70));
  st = Wv(&WvStub::SubmitApplication, bad, &app);  // VC-03: not registered here
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("VC-03"), std::string::npos) << st.error_message();
  bad = AppRequest("app-bad-scope", r.id(), a, 100'000, DaysAgo(70));  // VC-03: 章程 scope
  bad.mutable_application()->set_project_scope(0, "医疗服务");
  st = Wv(&WvStub::SubmitApplication, bad, &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("VC-03"), std::string::npos) << st.error_message();
  // CR-10: D's listing refuses it, naming the rule and the dated fact.
  st = Wv(&WvStub::SubmitApplication, AppRequest("app-d", r.id(), d, 100'000, DaysAgo(70)), &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("CR-10"), std::string::npos) << st.error_message();
  EXPECT_NE(st.error_message().find(DaysAgo(75)), std::string::npos) << st.error_message();
  EXPECT_EQ(WvSnapshot(), before);

  // Four applications: A, B, C ¥200,000 each and E ¥50,000 (budget ¥500,000 for projects).
  std::map<std::string, std::string> app_of;
  for (const auto& [org, grant] : std::vector<std::pair<std::string, int>>{
           {a, 200'000}, {b, 200'000}, {c, 200'000}, {e, 50'000}}) {
    st = Wv(&WvStub::SubmitApplication, AppRequest("app-" + org, r.id(), org, grant, DaysAgo(70)),
            &app);
    ASSERT_TRUE(st.ok()) << st.error_message();
    EXPECT_EQ(app.state(), wv1::APPLICATION_STATE_SUBMITTED);
    app_of[org] = app.id();
  }
  // A replay answers the same application and stores nothing more.
  wv1::Application replay;
  ASSERT_TRUE(Wv(&WvStub::SubmitApplication,
                 AppRequest("app-" + a, r.id(), a, 200'000, DaysAgo(70)), &replay)
                  .ok());
  EXPECT_EQ(replay.id(), app_of[a]);
  EXPECT_EQ(RedisInt({"ZCARD", "{wv}:apps:of:" + r.id()}), 4);

  r = Advance(r, wv1::ROUND_STATE_CALL_CLOSED, DaysAgo(59));
  r = Advance(r, wv1::ROUND_STATE_SCREENING, DaysAgo(58));
  for (const auto& [org, id] : app_of) {
    wv1::ScreenApplicationRequest req;
    req.set_request_id("screen-" + id);
    req.set_application_id(id);
    req.set_version(Get(id).version());
    req.set_on(DaysAgo(57));
    ASSERT_TRUE(Wv(&WvStub::ScreenApplication, req, &app).ok());
    EXPECT_EQ(app.state(), wv1::APPLICATION_STATE_SCREENED_IN) << app.screening_note();
  }
  r = Advance(r, wv1::ROUND_STATE_EXPERT_REVIEW, DaysAgo(55));

  // Experts: X works for B (recused from B's application), Y scores B.
  RegisterExpert("expert.x", {b});
  RegisterExpert("expert.y", {});
  wv1::AssignExpertRequest assign;
  assign.set_request_id("assign-conflict");
  assign.set_application_id(app_of[b]);
  assign.set_version(Get(app_of[b]).version());
  assign.set_expert_id("expert.x");
  const std::string before_review = WvSnapshot();
  st = Wv(&WvStub::AssignExpert, assign, &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("VC-06"), std::string::npos) << st.error_message();
  assign.set_expert_id("expert.nobody");
  assign.set_request_id("assign-nobody");
  st = Wv(&WvStub::AssignExpert, assign, &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::NOT_FOUND) << st.error_message();
  EXPECT_EQ(WvSnapshot(), before_review);
  Assign(app_of[a], "expert.x");
  Assign(app_of[c], "expert.x");
  Assign(app_of[e], "expert.x");
  Assign(app_of[b], "expert.y");
  assign.set_expert_id("expert.y");  // a reviewer twice
  assign.set_request_id("assign-twice");
  assign.set_version(Get(app_of[b]).version());
  st = Wv(&WvStub::AssignExpert, assign, &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();

  // Scores: outside the scale refused; an expert scores only what it is assigned (VC-06).
  const std::string before_scores = WvSnapshot();
  st = Sheet(app_of[a], "expert.x", wv1::PANEL_EXPERT, "need", 101, &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  st = Sheet(app_of[b], "expert.x", wv1::PANEL_EXPERT, "need", 90, &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("VC-06"), std::string::npos) << st.error_message();
  st = Sheet(app_of[a], "expert.x", wv1::PANEL_PUBLIC, "need", 90, &app);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();
  EXPECT_EQ(WvSnapshot(), before_scores);
  Score(app_of[a], "expert.x", 95, 90);  // 93.00
  Score(app_of[b], "expert.y", 90, 90);  // 90.00
  Score(app_of[c], "expert.x", 85, 85);  // 85.00
  Score(app_of[e], "expert.x", 80, 80);  // 80.00

  // VC-04: in rank order within the budget: A, B fit (¥400,000), C does not, E does (¥450,000).
  wv1::GetRankingRequest rank_req;
  rank_req.set_round_id(r.id());
  rank_req.set_on(DaysAgo(41));
  wv1::Ranking ranking;
  ASSERT_TRUE(Wv(&WvStub::GetRanking, rank_req, &ranking).ok());
  ASSERT_EQ(ranking.plan().awards_size(), 3);
  EXPECT_EQ(ranking.plan().awards(0).application_id(), app_of[a]);
  EXPECT_EQ(ranking.plan().awards(0).score_centi(), 9300);
  EXPECT_EQ(ranking.plan().awarded_fen(), 450'000 * kYuan);
  EXPECT_LE(ranking.plan().awarded_fen(), r.budget().project_grants_fen());
  ASSERT_EQ(ranking.plan().skipped_size(), 1);
  EXPECT_EQ(ranking.plan().skipped(0).application_id(), app_of[c]);
  EXPECT_NE(ranking.plan().skipped(0).reason().find("VC-04"), std::string::npos);

  wv1::PublishShortlistRequest publish;
  publish.set_request_id("publish");
  publish.set_round_id(r.id());
  publish.set_version(r.version());
  publish.set_on(DaysAgo(40));
  ASSERT_TRUE(Wv(&WvStub::PublishShortlist, publish, &r).ok());
  EXPECT_EQ(r.state(), wv1::ROUND_STATE_SHORTLIST_PUBLICITY);
  EXPECT_EQ(r.shortlist().awards_size(), 3);
  EXPECT_EQ(Get(app_of[b]).state(), wv1::APPLICATION_STATE_SHORTLISTED);

  // An objection to E, dismissed (VC-02).
  wv1::FileObjectionRequest object;
  object.set_request_id("objection");
  object.set_round_id(r.id());
  object.set_version(r.version());
  object.set_application_id(app_of[e]);
  object.set_grounds("项目预算与往年重复");
  object.set_on(DaysAgo(38));
  ASSERT_TRUE(Wv(&WvStub::FileObjection, object, &r).ok());
  wv1::ConfirmAwardsRequest confirm;
  confirm.set_request_id("confirm-early");
  confirm.set_round_id(r.id());
  confirm.set_version(r.version());
  confirm.set_on(DaysAgo(30));
  st = Wv(&WvStub::ConfirmAwards, confirm, &r);  // an objection is open
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  wv1::ResolveObjectionRequest resolve;
  resolve.set_request_id("resolve");
  resolve.set_round_id(r.id());
  resolve.set_version(r.version());
  resolve.set_objection_id(r.objections(0).id());
  resolve.set_upheld(false);
  resolve.set_on(DaysAgo(36));
  ASSERT_TRUE(Wv(&WvStub::ResolveObjection, resolve, &r).ok());

  // CR-10 at award: supervision lists B after the shortlist; the award re-checks and drops it.
  PublishListed(b, DaysAgo(35), 1);
  WaitListed(b, 1);
  confirm.set_request_id("confirm");
  confirm.set_version(r.version());
  ASSERT_TRUE(Wv(&WvStub::ConfirmAwards, confirm, &r).ok());
  EXPECT_EQ(r.state(), wv1::ROUND_STATE_AWARDED);
  ASSERT_EQ(r.awards().awards_size(), 2);
  EXPECT_EQ(r.awards().awarded_fen(), 250'000 * kYuan);
  EXPECT_LE(r.awards().awarded_fen(), r.budget().project_grants_fen());
  ASSERT_EQ(r.awards().skipped_size(), 1);
  EXPECT_NE(r.awards().skipped(0).reason().find("CR-10"), std::string::npos)
      << r.awards().skipped(0).reason();
  EXPECT_EQ(Get(app_of[b]).state(), wv1::APPLICATION_STATE_NOT_AWARDED);
  EXPECT_EQ(Get(app_of[c]).state(), wv1::APPLICATION_STATE_NOT_AWARDED);
  EXPECT_EQ(Get(app_of[a]).state(), wv1::APPLICATION_STATE_AWARDED);

  wv1::ListProjectsRequest list;
  list.set_round_id(r.id());
  wv1::ListProjectsResponse projects;
  ASSERT_TRUE(Wv(&WvStub::ListProjects, list, &projects, "viewer").ok());
  ASSERT_EQ(projects.projects_size(), 2);
  std::string pa, pe;
  for (const auto& p : projects.projects()) (p.organization_id() == a ? pa : pe) = p.id();
  ASSERT_FALSE(pa.empty());
  ASSERT_FALSE(pe.empty());

  // An activity for a project not yet funded is refused (VC-08), nothing stored.
  wv1::Activity act;
  st = ReportActivity("act-early", pa, DaysAgo(29), 10, 5, 2, &act);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();

  // Project A: contract with three tranches (VC-07), first tranche, implementation.
  auto sign = [&](const std::string& id, std::int64_t grant, const std::string& req_id) {
    wv1::SignContractRequest s;
    s.set_request_id(req_id);
    s.set_project_id(id);
    s.set_version(GetProject(id).version());
    s.set_number("JM-WV-" + id);
    s.set_signed_on(DaysAgo(29));
    s.set_starts_on(DaysAgo(28));
    s.set_midterm_due_on(DaysAgo(15));
    s.set_ends_on(DaysAgo(6));
    for (auto [share, gate] :
         std::vector<std::pair<int, wv1::TrancheGate>>{{50, wv1::TRANCHE_GATE_CONTRACT},
                                                       {30, wv1::TRANCHE_GATE_MIDTERM},
                                                       {20, wv1::TRANCHE_GATE_FINAL}}) {
      auto* t = s.add_tranches();
      t->set_amount_fen(grant * share / 100);
      t->set_gate(gate);
    }
    wv1::Project p;
    return Wv(&WvStub::SignContract, s, &p);
  };
  auto bad_sign = [&] {
    wv1::SignContractRequest s;
    s.set_request_id("sign-bad");
    s.set_project_id(pa);
    s.set_version(GetProject(pa).version());
    s.set_number("JM-WV-bad");
    s.set_signed_on(DaysAgo(29));
    s.set_starts_on(DaysAgo(28));
    s.set_midterm_due_on(DaysAgo(15));
    s.set_ends_on(DaysAgo(6));
    auto* t = s.add_tranches();
    t->set_amount_fen(1);  // not the grant
    t->set_gate(wv1::TRANCHE_GATE_CONTRACT);
    wv1::Project p;
    return Wv(&WvStub::SignContract, s, &p);
  };
  st = bad_sign();
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  ASSERT_TRUE(sign(pa, 200'000 * kYuan, "sign-a").ok());
  ASSERT_TRUE(sign(pe, 50'000 * kYuan, "sign-e").ok());
  wv1::Project p;
  // VC-07: the mid-term tranche waits for a passing mid-term evaluation.
  ASSERT_TRUE(
      Wv(&WvStub::PayTranche, Step<wv1::ProjectStepRequest>(pa, "pay1-a", DaysAgo(27)), &p).ok());
  EXPECT_EQ(p.disbursed_fen(), 100'000 * kYuan);
  ASSERT_TRUE(Wv(&WvStub::StartImplementation,
                 Step<wv1::ProjectStepRequest>(pa, "start-a", DaysAgo(26)), &p)
                  .ok());
  st = Wv(&WvStub::PayTranche, Step<wv1::ProjectStepRequest>(pa, "pay2-early", DaysAgo(26)), &p);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("VC-07"), std::string::npos) << st.error_message();
  ASSERT_TRUE(
      Wv(&WvStub::PayTranche, Step<wv1::ProjectStepRequest>(pe, "pay1-e", DaysAgo(27)), &p).ok());
  ASSERT_TRUE(Wv(&WvStub::StartImplementation,
                 Step<wv1::ProjectStepRequest>(pe, "start-e", DaysAgo(26)), &p)
                  .ok());

  // Activities: 10 for A, 2 for E; totals per group are exact numerators.
  for (int i = 0; i < 10; ++i) {
    st = ReportActivity("act-a-" + std::to_string(i), pa, DaysAgo(25 - i), 80 + i, 40, 8, &act);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }
  for (int i = 0; i < 2; ++i)
    ASSERT_TRUE(
        ReportActivity("act-e-" + std::to_string(i), pe, DaysAgo(25), 30, 12, 3, &act).ok());
  // A replay answers the same activity and counts once.
  wv1::Activity again;
  ASSERT_TRUE(ReportActivity("act-e-1", pe, DaysAgo(25), 30, 12, 3, &again).ok());
  EXPECT_EQ(again.id(), act.id());
  // Bad activity input.
  st = ReportActivity("act-bad", pa, DaysAgo(25), -1, 0, 0, &act);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  wv1::GetOutcomeTotalsRequest totals_req;
  totals_req.set_group_by(wv1::GROUP_BY_PROJECT);
  totals_req.set_round_id(r.id());
  wv1::GetOutcomeTotalsResponse totals;
  ASSERT_TRUE(Wv(&WvStub::GetOutcomeTotals, totals_req, &totals, "viewer").ok());
  EXPECT_EQ(totals.all().projects(), 2);
  EXPECT_EQ(totals.all().activities(), 12);
  EXPECT_EQ(totals.all().people_served(), 80 * 10 + 45 + 2 * 30);
  EXPECT_EQ(totals.all().volunteer_hours(), 400 + 24);
  EXPECT_EQ(totals.all().volunteer_turnouts(), 80 + 6);
  EXPECT_EQ(totals.all().distinct_volunteers(), 8);

  // VC-08: A's material on time, reviews passed → next tranche; E's self-assessment missing →
  // failed and terminated, then clawed back (VC-07).
  auto mid = Step<wv1::RecordMidtermRequest>(pa, "mid-a", DaysAgo(14));
  mid.set_self_assessment_on(DaysAgo(16));
  mid.set_activity_records_on(DaysAgo(16));
  mid.set_document_review_passed(true);
  mid.set_field_check_passed(true);
  ASSERT_TRUE(Wv(&WvStub::RecordMidterm, mid, &p).ok());
  EXPECT_EQ(p.state(), wv1::PROJECT_STATE_MIDTERM_PASSED);
  ASSERT_TRUE(
      Wv(&WvStub::PayTranche, Step<wv1::ProjectStepRequest>(pa, "pay2-a", DaysAgo(13)), &p).ok());
  EXPECT_EQ(p.disbursed_fen(), 160'000 * kYuan);
  auto mid_e = Step<wv1::RecordMidtermRequest>(pe, "mid-e", DaysAgo(14));
  mid_e.set_activity_records_on(DaysAgo(16));
  mid_e.set_document_review_passed(true);
  mid_e.set_field_check_passed(true);
  mid_e.set_terminate_on_fail(true);
  ASSERT_TRUE(Wv(&WvStub::RecordMidterm, mid_e, &p).ok());
  EXPECT_EQ(p.state(), wv1::PROJECT_STATE_TERMINATED);
  EXPECT_NE(p.midterm().reason().find("VC-08"), std::string::npos) << p.midterm().reason();

  // VC-09: a third-party check; the grantee cannot check itself.
  wv1::RecordFinancialCheckRequest check;
  check.set_request_id("check-self");
  check.set_project_id(pa);
  check.set_version(GetProject(pa).version());
  check.mutable_check()->set_on(DaysAgo(12));
  check.mutable_check()->set_checker_id(a);
  check.mutable_check()->set_reported_expense_fen(120'000 * kYuan);
  check.mutable_check()->set_vouchered_expense_fen(118'000 * kYuan);
  check.mutable_check()->set_separate_ledger(true);
  st = Wv(&WvStub::RecordFinancialCheck, check, &p);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  check.set_request_id("check");
  check.mutable_check()->set_checker_id("XM-AUDIT-FIRM-1");
  ASSERT_TRUE(Wv(&WvStub::RecordFinancialCheck, check, &p).ok());
  EXPECT_EQ(p.spent_fen(), 118'000 * kYuan);
  ASSERT_EQ(p.checks_size(), 1);
  EXPECT_EQ(p.checks(0).unsupported_fen(), 2'000 * kYuan);

  // VC-10: the final report after the end, the final evaluation, the last tranche.
  ASSERT_TRUE(Wv(&WvStub::SubmitFinalReport,
                 Step<wv1::ProjectStepRequest>(pa, "final-report-a", DaysAgo(5)), &p)
                  .ok());
  auto fin = Step<wv1::RecordFinalEvaluationRequest>(pa, "final-a", DaysAgo(4));
  fin.set_review_passed(true);
  ASSERT_TRUE(Wv(&WvStub::RecordFinalEvaluation, fin, &p).ok());
  EXPECT_EQ(p.state(), wv1::PROJECT_STATE_COMPLETED);
  ASSERT_TRUE(
      Wv(&WvStub::PayTranche, Step<wv1::ProjectStepRequest>(pa, "pay3-a", DaysAgo(3)), &p).ok());
  EXPECT_EQ(p.disbursed_fen(), 200'000 * kYuan);
  // A closed project reports no more activities.
  st = ReportActivity("act-closed", pa, DaysAgo(7), 10, 5, 2, &act);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();

  // VC-07: E's grant clawed back; E is barred from venture grants for 3 years.
  auto claw = Step<wv1::AmountRequest>(pe, "claw-e", DaysAgo(10));
  claw.set_amount_fen(25'000 * kYuan);
  ASSERT_TRUE(Wv(&WvStub::ClawBack, claw, &p).ok());
  EXPECT_EQ(p.clawback_fen(), 25'000 * kYuan);
  wv1::CheckEligibilityRequest elig;
  elig.set_round_id(r.id());
  elig.set_organization_id(e);
  wv1::CheckEligibilityResponse verdict;
  ASSERT_TRUE(Wv(&WvStub::CheckEligibility, elig, &verdict).ok());
  EXPECT_FALSE(verdict.eligible());
  EXPECT_NE(verdict.reason().find("VC-07"), std::string::npos) << verdict.reason();
  elig.set_organization_id(a);
  ASSERT_TRUE(Wv(&WvStub::CheckEligibility, elig, &verdict).ok());
  EXPECT_TRUE(verdict.eligible()) << verdict.reason();

  // VC-11: the year's funded projects, CSV and JSONL.
  wv1::ExportDisclosureRequest exp;
  exp.set_year(r.year());
  exp.set_format(wv1::EXPORT_FORMAT_CSV);
  wv1::ExportDisclosureResponse disclosure;
  ASSERT_TRUE(Wv(&WvStub::ExportDisclosure, exp, &disclosure, "public").ok());
  ASSERT_EQ(disclosure.rows_size(), 2);
  EXPECT_EQ(std::count(disclosure.text().begin(), disclosure.text().end(), '\n'), 3);
  EXPECT_EQ(disclosure.text().rfind("project_id,round_id,name", 0), 0u);
  exp.set_format(wv1::EXPORT_FORMAT_JSONL);
  ASSERT_TRUE(Wv(&WvStub::ExportDisclosure, exp, &disclosure, "public").ok());
  EXPECT_EQ(std::count(disclosure.text().begin(), disclosure.text().end(), '\n'), 2);
  EXPECT_NE(disclosure.text().find("\"amount_fen\":20000000"), std::string::npos);
  // VC-11 page by page (the progress a large export shows): one row a page, the same rows.
  exp.set_format(wv1::EXPORT_FORMAT_CSV);
  exp.set_page_size(1);
  wv1::ExportDisclosureResponse page;
  ASSERT_TRUE(Wv(&WvStub::ExportDisclosure, exp, &page, "public").ok());
  EXPECT_EQ(page.total(), 2);
  ASSERT_EQ(page.rows_size(), 1);
  EXPECT_EQ(page.text().rfind("project_id,round_id,name", 0), 0u);
  ASSERT_FALSE(page.next_page_token().empty());
  exp.set_page_token(page.next_page_token());
  ASSERT_TRUE(Wv(&WvStub::ExportDisclosure, exp, &page, "public").ok());
  ASSERT_EQ(page.rows_size(), 1);
  EXPECT_EQ(page.rows(0).project_id(), disclosure.rows(1).project_id());
  EXPECT_EQ(page.text().find("project_id,"), std::string::npos);  // the header once
  EXPECT_TRUE(page.next_page_token().empty());
  exp.set_page_token("x9");
  EXPECT_EQ(Wv(&WvStub::ExportDisclosure, exp, &page, "public").error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  // The events: every command above that committed, published through the outbox; totals events
  // carry numerators. Counts are read once the watcher's durable has nothing pending.
  ASSERT_TRUE(WaitFor(
      [&] {
        const auto types = events.types();
        return std::count(types.begin(), types.end(),
                          "cn.socgov.welfare_venture.round.awarded.v1") == 1 &&
               std::count(types.begin(), types.end(),
                          "cn.socgov.welfare_venture.project.clawed_back.v1") == 1;
      },
      seconds(20)))
      << wv_->log();
  ASSERT_TRUE(WaitFor([&] { return events.Settled(); }, seconds(20)));
  const auto types = events.types();
  EXPECT_EQ(
      std::count(types.begin(), types.end(), "cn.socgov.welfare_venture.activity.reported.v1"), 12);
  EXPECT_EQ(
      std::count(types.begin(), types.end(), "cn.socgov.welfare_venture.outcome.totals_changed.v1"),
      48);  // per project, round, category and jurisdiction
  EXPECT_EQ(
      std::count(types.begin(), types.end(), "cn.socgov.welfare_venture.application.submitted.v1"),
      4);
}

// The credit read model is built from supervision's events alone: listed, escalated and removed
// keep the periods with their dates; a duplicate delivery changes nothing.
TEST_F(WelfareVentureTest, Cr10CreditReadModelFromSupervisionEvents) {
  const std::string org = Register("厦门市集美区信用测试服务中心", "credit");
  PublishListed(org, DaysAgo(400), 1);
  WaitListed(org, 1);
  sv1::CreditEscalated esc;
  esc.set_organization_id(org);
  esc.set_jurisdiction(kJimei);
  esc.set_reason("CR-06(1)");
  esc.set_escalated_on(DaysAgo(300));
  esc.set_abnormal_listed_on(DaysAgo(400));
  auto ev = outbox::MakeEvent(esc, {"supervision", "supervision", kJimei},
                              {"credit", "escalated", org, 2, kJimei, "supervision.sweeper"},
                              std::chrono::system_clock::now());
  ASSERT_TRUE(bus::Publish(*conn_, ev, 5000).ok());
  WaitListed(org, 2);
  // The same event again under a fresh message id: the router's inbox drops it.
  ASSERT_TRUE(bus::Publish(*conn_, ev, 5000, "again-" + ev.id).ok());
  sv1::CreditRemoved rem;
  rem.set_organization_id(org);
  rem.set_jurisdiction(kJimei);
  rem.set_list(sv1::CREDIT_LIST_SERIOUS);
  rem.set_listed_on(DaysAgo(300));
  rem.set_removed_on(DaysAgo(10));
  rem.set_removal_reason("CR-07");
  auto ev2 = outbox::MakeEvent(rem, {"supervision", "supervision", kJimei},
                               {"credit", "removed", org, 3, kJimei, "enforcement.officer"},
                               std::chrono::system_clock::now());
  ASSERT_TRUE(bus::Publish(*conn_, ev2, 5000).ok());
  wv1::GetCreditFactsRequest req;
  req.set_organization_id(org);
  wv1::CreditFacts f;
  ASSERT_TRUE(WaitFor(
      [&] {
        return Wv(&WvStub::GetCreditFacts, req, &f).ok() && f.listings_size() == 2 &&
               !f.listings(1).until().empty();
      },
      seconds(20)))
      << wv_->log();
  EXPECT_EQ(f.listings(0).list(), "ABNORMAL");
  EXPECT_EQ(f.listings(0).from(), DaysAgo(400));
  EXPECT_EQ(f.listings(0).until(), DaysAgo(300));
  EXPECT_EQ(f.listings(1).list(), "SERIOUS");
  EXPECT_EQ(f.listings(1).until(), DaysAgo(10));
  // CR-10: a serious listing within 2 years refuses, naming it.
  wv1::Round r;
  ASSERT_TRUE(Wv(&WvStub::CreateRound, RoundRequest("credit-round"), &r).ok());
  wv1::CheckEligibilityRequest elig;
  elig.set_round_id(r.id());
  elig.set_organization_id(org);
  wv1::CheckEligibilityResponse verdict;
  ASSERT_TRUE(Wv(&WvStub::CheckEligibility, elig, &verdict, "auditor").ok());
  EXPECT_FALSE(verdict.eligible());
  EXPECT_NE(verdict.reason().find("SERIOUS"), std::string::npos) << verdict.reason();
  EXPECT_NE(verdict.reason().find("CR-10"), std::string::npos) << verdict.reason();
  // Viewers do not read credit facts.
  auto st = Wv(&WvStub::GetCreditFacts, req, &f, "viewer");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace socgov::testing
