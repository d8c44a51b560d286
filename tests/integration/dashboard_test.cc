// The dashboard consumer in-process on the kit beside registration (issue 12, first slice): its
// figures come from registration's and party building's events through the kit's router, as
// running sums that a redelivered event does not move, and a city's query sums its districts.
#include "dashboard/definition.h"
#include "platform/bus/router.h"
#include "platform/util/clock.h"
#include "platform/util/uuid.h"
#include "registration_fixture.h"
#include "socgov/dashboard/v1/dashboard_service.grpc.pb.h"
#include "socgov/party_building/v1/events.pb.h"

namespace socgov::testing {
namespace {

namespace dv1 = ::socgov::dashboard::v1;
using DashStub = dv1::DashboardService::Stub;
using std::chrono::seconds;

class DashboardTest : public RegistrationFixture {
 protected:
  void SetUp() override {
    RegistrationFixture::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_FALSE(bus::EnsureStream(*conn_, {"PARTY_BUILDING", {"socgov.v1.*.*.party_building.>"}})
                     .has_value());
    dash_ = std::make_unique<InProcessService>(dashboard::ServiceDefinition(), dir_.path(), *redis_,
                                               *nats_, kTestKey);
    ASSERT_TRUE(dash_->Start());
    stub_ = dv1::DashboardService::NewStub(
        grpc::CreateChannel(dash_->addr(), grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    if (dash_) dash_->Stop();
    RegistrationFixture::TearDown();
  }

  template <typename Req, typename Resp, typename Fn>
  grpc::Status Dash(Fn fn, const Req& req, Resp* resp, const std::string& token) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + token);
    ctx.set_deadline(std::chrono::system_clock::now() + seconds(10));
    return ((*stub_).*fn)(&ctx, req, resp);
  }

  dv1::Snapshot SnapshotOf(const std::string& jurisdiction, const std::string& token) {
    dv1::GetSnapshotRequest req;
    req.set_jurisdiction(jurisdiction);
    dv1::Snapshot out;
    auto st = Dash(&DashStub::GetSnapshot, req, &out, token);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }

  static const dv1::Figure* FigureOf(const dv1::Snapshot& s, const std::string& kpi) {
    for (const auto& f : s.figures())
      if (f.kpi() == kpi) return &f;
    return nullptr;
  }

  // Party building's coverage.changed for Jimei, as party building publishes it.
  outbox::OutboxEvent Coverage(int64_t sequence, int64_t covered, int64_t in_scope) {
    party_building::v1::CoverageChanged body;
    body.set_jurisdiction(kJimei);
    body.set_organization_numerator(covered);
    body.set_organization_denominator(in_scope);
    body.set_work_numerator(covered);
    body.set_work_denominator(in_scope);
    outbox::OutboxEvent e;
    e.id = NewUuidV7(clock_.Now());
    e.type = "cn.socgov.party_building.coverage.changed.v1";
    e.source = "/socgov/350211/party_building";
    e.subject = kJimei;
    e.time = FormatRfc3339(clock_.Now());
    e.dataschema = body.GetDescriptor()->full_name();
    e.sequence = sequence;
    e.jurisdiction = kJimei;
    e.actor = "party_work_officer.test";
    e.nats_subject = "socgov.v1.350200.350211.party_building.coverage.changed";
    body.SerializeToString(&e.data);
    return e;
  }

  // One of supervision's events (the count route reads only its envelope).
  outbox::OutboxEvent SupervisionEvent(const std::string& aggregate, const std::string& event,
                                       const std::string& id, int64_t sequence) {
    outbox::OutboxEvent e;
    e.id = NewUuidV7(clock_.Now());
    e.type = "cn.socgov.supervision." + aggregate + "." + event + ".v1";
    e.source = "/socgov/350211/supervision";
    e.subject = id;
    e.time = FormatRfc3339(clock_.Now());
    e.dataschema = "socgov.supervision.v1.Fact";
    e.sequence = sequence;
    e.jurisdiction = kJimei;
    e.actor = "enforcement_officer.test";
    e.nats_subject = "socgov.v1.350200.350211.supervision." + aggregate + "." + event;
    return e;
  }

  bus::Router::Counts Counts(const std::string& route) {
    return dash_->kit().router().counts(route);
  }

  SystemClock clock_;
  std::unique_ptr<InProcessService> dash_;
  std::unique_ptr<DashStub> stub_;
};

TEST_F(DashboardTest, RegistrationsAndCoverageBecomeFiguresOnceEachAndACitySumsItsDistricts) {
  for (int i = 0; i < 3; ++i) {
    rv1::SubmitApplicationResponse s;
    ASSERT_TRUE(
        Submit(SocialServiceRequest("厦门市集美区看板" + std::to_string(i + 1) + "号服务中心",
                                    "dash-" + std::to_string(i)),
               &s)
            .ok());
    rv1::ApproveApplicationResponse a;
    ASSERT_TRUE(Approve(s.application().id(), 1, "dash-approve-" + std::to_string(i), &a).ok());
  }
  const std::string viewer = Token("viewer");
  ASSERT_TRUE(WaitFor(
      [&] {
        auto s = SnapshotOf(kJimei, viewer);
        const auto* f = FigureOf(s, "org.count");
        return f && f->value() == 3;
      },
      seconds(20)))
      << dash_->log();
  auto s = SnapshotOf(kJimei, viewer);
  const auto* count = FigureOf(s, "org.count");
  ASSERT_NE(count, nullptr);
  ASSERT_EQ(count->parts_size(), 1);
  EXPECT_EQ(count->parts(0).key(), "SOCIAL_SERVICE/ACTIVE");
  EXPECT_EQ(count->parts(0).value(), 3);
  EXPECT_EQ(FigureOf(s, "reg.registrations")->value(), 3);
  EXPECT_EQ(FigureOf(s, "reg.cancellations")->value(), 0);

  // Coverage stated outright: 3 of 10, then 5 of 10; the second delivered twice (a fresh
  // Nats-Msg-Id, as after the dedup window): the inbox keeps it once.
  ASSERT_TRUE(bus::Publish(*conn_, Coverage(1, 3, 10), 5000, "c1").ok());
  const auto second = Coverage(2, 5, 10);
  ASSERT_TRUE(bus::Publish(*conn_, second, 5000, "c2").ok());
  ASSERT_TRUE(bus::Publish(*conn_, second, 5000, "c2-again").ok());
  ASSERT_TRUE(WaitFor(
      [&] {
        const auto c = Counts("coverage");
        return c.applied == 2 && c.duplicate == 1;
      },
      seconds(20)))
      << dash_->log();
  s = SnapshotOf(kJimei, viewer);
  const auto* coverage = FigureOf(s, "pb.org_coverage");
  ASSERT_NE(coverage, nullptr);
  EXPECT_EQ(coverage->value(), 5);
  EXPECT_EQ(coverage->denominator(), 10);
  EXPECT_EQ(coverage->basis_points(), 5000);

  // The city (Xiamen) reads its districts' sums.
  const auto city = SnapshotOf("350200", Token("viewer", "350200"));
  EXPECT_EQ(FigureOf(city, "org.count")->value(), 3);
  ASSERT_EQ(city.parts_of_size(), 1);
  EXPECT_EQ(city.parts_of(0), kJimei);

  // A series: today's registrations, one point per day.
  dv1::GetSeriesRequest series;
  series.set_kpi("reg.registrations");
  series.set_from(s.as_of());
  series.set_to(s.as_of());
  dv1::Series points;
  ASSERT_TRUE(Dash(&DashStub::GetSeries, series, &points, viewer).ok());
  ASSERT_EQ(points.points_size(), 1);
  EXPECT_EQ(points.points(0).value(), 3);
  // Bad input names the field; another district's figures are not this viewer's.
  series.set_kpi("no.such");
  EXPECT_EQ(Dash(&DashStub::GetSeries, series, &points, viewer).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  dv1::GetSnapshotRequest other;
  other.set_jurisdiction("350206");
  dv1::Snapshot denied;
  EXPECT_EQ(Dash(&DashStub::GetSnapshot, other, &denied, viewer).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  dv1::ListKpisResponse kpis;
  ASSERT_TRUE(Dash(&DashStub::ListKpis, dv1::ListKpisRequest(), &kpis, viewer).ok());
  EXPECT_GE(kpis.kpis_size(), 30);
}

TEST_F(DashboardTest, SupervisionsFlowsAreCountedOncePerEventAndOtherEventsIgnored) {
  ASSERT_FALSE(
      bus::EnsureStream(*conn_, {"SUPERVISION", {"socgov.v1.*.*.supervision.>"}}).has_value());
  const auto first = SupervisionEvent("complaint", "received", "350211-C1", 1);
  ASSERT_TRUE(bus::Publish(*conn_, first, 5000, "s1").ok());
  ASSERT_TRUE(bus::Publish(*conn_, first, 5000, "s1-again").ok());  // redelivered
  ASSERT_TRUE(
      bus::Publish(*conn_, SupervisionEvent("complaint", "received", "350211-C2", 1), 5000, "s2")
          .ok());
  ASSERT_TRUE(
      bus::Publish(*conn_, SupervisionEvent("complaint", "answered", "350211-C2", 2), 5000, "s3")
          .ok());
  ASSERT_TRUE(
      bus::Publish(*conn_, SupervisionEvent("campaign", "item_added", "350211-Z1", 4), 5000, "s4")
          .ok());
  ASSERT_TRUE(WaitFor(
      [&] {
        const auto c = Counts("supervision-counts");
        return c.applied + c.duplicate + c.skipped >= 5;
      },
      seconds(20)))
      << dash_->log();
  const auto s = SnapshotOf(kJimei, Token("viewer"));
  EXPECT_EQ(FigureOf(s, "sup.complaints")->value(), 2);
  EXPECT_EQ(FigureOf(s, "sup.campaign_found")->value(), 1);
  EXPECT_EQ(FigureOf(s, "sup.illegal_banned")->value(), 0);
  EXPECT_EQ(Counts("supervision-counts").duplicate, 1u);
}

}  // namespace
}  // namespace socgov::testing
