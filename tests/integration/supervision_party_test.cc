// Supervision consuming party building's facts (CR-01(b) / PB-11) through the kit's router, on
// real redis-server and nats-server -js. Contract test: the events are built the way party
// building builds them (outbox::MakeEvent with its context, service and aggregate) and published
// onto the PARTY_BUILDING stream it owns; the listing is read back through supervision's query
// RPCs. A redelivered or stale event changes nothing, proven from the durable's state.
#include "platform/bus/router.h"
#include "platform/outbox/event.h"
#include "platform/util/dates.h"
#include "registration_fixture.h"
#include "socgov/party_building/v1/events.pb.h"
#include "socgov/party_building/v1/party_building_service.pb.h"
#include "socgov/supervision/v1/supervision_service.grpc.pb.h"
#include "supervision/definition.h"

namespace socgov::testing {
namespace {

namespace sv1 = ::socgov::supervision::v1;
namespace pv1 = ::socgov::party_building::v1;
using std::chrono::seconds;

constexpr const char* kDurable = "supervision-party-orgs";  // supervision's default

class SupervisionPartyTest : public RegistrationFixture {
 protected:
  void SetUp() override {
    RegistrationFixture::SetUp();
    if (HasFatalFailure()) return;
    sup_ =
        std::make_unique<InProcessService>(supervision::ServiceDefinition(), dir_.path(), *redis_,
                                           *nats_, kTestKey, std::map<std::string, std::string>{});
    ASSERT_TRUE(sup_->Start());
    sup_stub_ = sv1::SupervisionService::NewStub(
        grpc::CreateChannel(sup_->addr(), grpc::InsecureChannelCredentials()));
    // The stream as party building's relay creates it (Kit::Publish).
    ASSERT_FALSE(bus::EnsureStream(*conn_, {"PARTY_BUILDING",
                                            {"socgov.v1.350200.350211.party_building.>"},
                                            10 * 60 * 1000})
                     .has_value());
  }
  void TearDown() override {
    if (sup_) sup_->Stop();
    RegistrationFixture::TearDown();
  }

  template <typename Req, typename Resp, typename Fn>
  grpc::Status Sup(Fn fn, const Req& req, Resp* resp, const std::string& role) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + Token(role));
    ctx.set_deadline(std::chrono::system_clock::now() + seconds(10));
    return ((*sup_stub_).*fn)(&ctx, req, resp);
  }

  std::string Register(const std::string& name, const std::string& key) {
    rv1::SubmitApplicationResponse s;
    EXPECT_TRUE(Submit(SocialServiceRequest(name, "sp-" + key), &s).ok());
    rv1::ApproveApplicationResponse a;
    EXPECT_TRUE(Approve(s.application().id(), 1, "sp-approve-" + key, &a).ok());
    const std::string id = a.organization().id();
    EXPECT_TRUE(WaitFor(
        [&] {
          return RedisInt({"EXISTS", "{sup}:dir:org:" + id}) == 1;
        },
        seconds(20)))
        << sup_->log();
    return id;
  }

  // An event with party building's envelope (its app/support.cc MakeEvent).
  static outbox::OutboxEvent PartyEvent(const google::protobuf::Message& body,
                                        const std::string& event, const std::string& aggregate_id,
                                        int64_t version) {
    return outbox::MakeEvent(
        body, {"party_building", "party-building", kJimei},
        {"party_org", event, aggregate_id, version, kJimei, "party_work_officer.test"},
        std::chrono::system_clock::now());
  }
  static outbox::OutboxEvent Missing(const std::string& org, const std::string& found_on) {
    pv1::RequiredMissing m;
    m.set_organization_id(org);
    m.set_jurisdiction(kJimei);
    m.set_formal_members(3);
    m.set_found_on(found_on);
    m.add_rule_ids("PB-01");
    m.add_rule_ids("PB-11");
    return PartyEvent(m, "required_missing", org, 3);
  }
  static outbox::OutboxEvent OrgChanged(const std::string& party_org, const std::string& event,
                                        int64_t version, pv1::PartyOrgState state,
                                        const std::vector<std::string>& covered,
                                        const std::string& on) {
    pv1::PartyOrgChanged c;
    c.set_party_org_id(party_org);
    c.set_jurisdiction(kJimei);
    c.set_type(pv1::PARTY_ORG_TYPE_BRANCH);
    c.set_state(state);
    for (const auto& o : covered) c.add_covered_organization_ids(o);
    c.set_formal_members(3);
    c.set_parent_id("JM-SOC-COMMITTEE");
    c.set_on(on);
    c.mutable_actor()->set_subject("party_work_officer.test");
    c.add_rule_ids("PB-05");
    return PartyEvent(c, event, party_org, version);
  }
  // Publishes with a fresh Nats-Msg-Id: JetStream's dedup cannot hide a redelivery of a ce-id.
  void Publish(const outbox::OutboxEvent& e, const std::string& msg_id) {
    ASSERT_TRUE(bus::Publish(*conn_, e, 5000, msg_id).ok());
  }

  sv1::CreditRecord Credit(const std::string& org) {
    sv1::GetCreditRecordRequest req;
    req.set_organization_id(org);
    sv1::CreditRecord out;
    EXPECT_TRUE(Sup(&sv1::SupervisionService::Stub::GetCreditRecord, req, &out, "viewer").ok());
    return out;
  }
  std::vector<std::string> Abnormal() {
    sv1::ListCreditListingsRequest req;
    req.set_list(sv1::CREDIT_LIST_ABNORMAL);
    sv1::ListCreditListingsResponse out;
    std::vector<std::string> ids;
    if (Sup(&sv1::SupervisionService::Stub::ListCreditListings, req, &out, "viewer").ok())
      for (const auto& r : out.rows())
        ids.push_back(r.organization_id() + " " + r.listing().reason());
    return ids;
  }
  bus::Router::Counts Counts() { return sup_->kit().router().counts("party-orgs"); }
  bool Settled() { return DurableSettled(*conn_, "PARTY_BUILDING", kDurable); }

  std::unique_ptr<InProcessService> sup_;
  std::unique_ptr<sv1::SupervisionService::Stub> sup_stub_;
};

TEST_F(SupervisionPartyTest, Pb11Cr01bRequiredMissingListsAbnormalOnceAndCr05ApprovalRemovesIt) {
  const std::string org = Register("厦门市集美区党建缺失服务中心", "x");
  const std::string other = Register("厦门市集美区党建其他服务中心", "y");
  StreamWatcher sup_events(nats_->url(), "sp-watch", "SUPERVISION");
  const std::string today = FormatDate(ChinaDate(std::chrono::system_clock::now()));

  const auto missing = Missing(org, today);
  Publish(missing, "pb-1");
  ASSERT_TRUE(WaitFor([&] { return !Abnormal().empty(); }, seconds(20))) << sup_->log();
  EXPECT_EQ(Abnormal(), std::vector<std::string>{org + " CR-01(b)"});
  auto c = Credit(org);
  EXPECT_EQ(c.current_list(), sv1::CREDIT_LIST_ABNORMAL);
  ASSERT_EQ(c.listings_size(), 1);
  EXPECT_EQ(c.listings(0).listed_on(), today);
  ASSERT_EQ(c.events_size(), 1);
  EXPECT_EQ(c.events(0).kind(), sv1::CREDIT_EVENT_KIND_PARTY_ORGANIZATION_MISSING);
  EXPECT_NE(c.events(0).source().find("PB-11"), std::string::npos) << c.events(0).source();
  const int64_t listed_version = c.version();

  // Redelivery (same ce-id past JetStream's dedup) and a stale version (a new ce-id, the same
  // sequence): nothing changes.
  Publish(missing, "pb-1-again");
  auto stale = Missing(org, today);
  Publish(stale, "pb-1-stale");
  // A malformed fact is dead-lettered, not applied.
  Publish(Missing(other, "yesterday"), "pb-bad");
  ASSERT_TRUE(WaitFor([&] { return Settled(); }, seconds(20))) << sup_->log();
  EXPECT_EQ(Counts().applied, 1u);
  EXPECT_EQ(Counts().duplicate, 1u);
  EXPECT_EQ(Counts().skipped, 1u);
  EXPECT_EQ(Counts().dead_lettered, 1u);
  EXPECT_EQ(Credit(org).version(), listed_version);
  EXPECT_EQ(Credit(other).listings_size(), 0);
  const auto dlq = sup_->kit().router().ListDeadLetters("", 10);
  ASSERT_EQ(dlq.size(), 1u);
  EXPECT_NE(dlq[0].reason.find("found_on"), std::string::npos) << dlq[0].reason;

  // A proposal covers nothing yet; the approval by the higher organization rectifies (CR-05).
  Publish(OrgChanged("PO-1", "proposed", 1, pv1::PARTY_ORG_STATE_PROPOSED, {org}, today), "po-1");
  const auto approved =
      OrgChanged("PO-1", "approved", 2, pv1::PARTY_ORG_STATE_ESTABLISHED, {org, other}, today);
  Publish(approved, "po-2");
  ASSERT_TRUE(WaitFor([&] { return Abnormal().empty(); }, seconds(20))) << sup_->log();
  c = Credit(org);
  EXPECT_EQ(c.current_list(), sv1::CREDIT_LIST_UNSPECIFIED);
  ASSERT_EQ(c.listings_size(), 1);
  EXPECT_EQ(c.listings(0).removed_on(), today);
  EXPECT_NE(c.listings(0).removal_reason().find("CR-05"), std::string::npos);
  Publish(approved, "po-2-again");
  ASSERT_TRUE(WaitFor([&] { return Settled(); }, seconds(20))) << sup_->log();
  EXPECT_EQ(Credit(org).version(), c.version());
  EXPECT_EQ(Counts().duplicate, 2u);

  // Supervision published its usual credit events, one sequence per change, each once.
  sup_events.Start();
  ASSERT_TRUE(
      WaitFor([&] { return sup_events.distinct() >= 2 && sup_events.Settled(); }, seconds(20)));
  std::vector<std::pair<std::string, int64_t>> credit;
  for (const auto& s : sup_events.order())
    if (s.aggregate_id == org) credit.emplace_back(s.type, s.sequence);
  EXPECT_EQ(credit, (std::vector<std::pair<std::string, int64_t>>{
                        {"cn.socgov.supervision.credit.listed.v1", 1},
                        {"cn.socgov.supervision.credit.removed.v1", 2}}));
}

TEST_F(SupervisionPartyTest, Cr04ListingExtendedByAnotherEventIsNotRemovedByTheApproval) {
  const std::string org = Register("厦门市集美区党建两因服务中心", "z");
  const std::string today = FormatDate(ChinaDate(std::chrono::system_clock::now()));
  Publish(Missing(org, today), "m");
  ASSERT_TRUE(WaitFor([&] { return !Abnormal().empty(); }, seconds(20))) << sup_->log();
  // CR-01(d) recorded by an inspector while listed (CR-04 restarts the clock).
  sv1::RecordCreditEventRequest rec;
  rec.set_request_id("cr01d");
  rec.set_organization_id(org);
  rec.set_version(Credit(org).version());
  rec.mutable_event()->set_kind(sv1::CREDIT_EVENT_KIND_FUNDRAISING_BREACH);
  sv1::CreditRecord after;
  auto st =
      Sup(&sv1::SupervisionService::Stub::RecordCreditEvent, rec, &after, "enforcement_officer");
  ASSERT_TRUE(st.ok()) << st.error_message();
  Publish(OrgChanged("PO-9", "approved", 2, pv1::PARTY_ORG_STATE_ESTABLISHED, {org}, today), "a");
  ASSERT_TRUE(WaitFor([&] { return Settled(); }, seconds(20))) << sup_->log();
  EXPECT_EQ(Credit(org).current_list(), sv1::CREDIT_LIST_ABNORMAL);
  EXPECT_EQ(Credit(org).version(), after.version());
  EXPECT_EQ(Counts().dead_lettered, 0u);
}

}  // namespace
}  // namespace socgov::testing
