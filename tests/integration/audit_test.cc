// The audit consumer against real redis-server and nats-server: a redelivered event adds nothing,
// a transient store outage is retried, a malformed event is dead-lettered, and VerifyChain finds a
// tampered record.
#include <gtest/gtest.h>
#include <nats/nats.h>

#include <sstream>

#include "audit/api/audit_handler.h"
#include "audit/app/recorder.h"
#include "audit/definition.h"
#include "audit/store/audit_store.h"
#include "platform/bus/consumer.h"
#include "platform/bus/nats.h"
#include "platform/bus/router.h"
#include "platform/log/log.h"
#include "platform/outbox/event.h"
#include "platform/outbox/outbox.h"
#include "platform/util/uuid.h"
#include "socgov/party_building/v1/events.pb.h"
#include "socgov/registration/v1/events.pb.h"
#include "support/in_process.h"
#include "support/servers.h"

namespace socgov::testing {
namespace {

using std::chrono::seconds;

class AuditFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    redis_ = std::make_unique<RedisServer>(dir_.path());
    nats_ = std::make_unique<NatsServer>(dir_.path());
    store::RedisOptions ro;
    ro.port = redis_->port();
    ro.command_timeout_ms = 1000;
    pool_ = std::make_unique<store::RedisPool>(ro, 4);
    store_ = std::make_unique<audit::AuditStore>(*pool_);
    auto c = bus::Connection::Connect({nats_->url(), "test-audit"});
    ASSERT_TRUE(c.ok());
    conn_ = std::move(c).value();
    ASSERT_TRUE(WaitFor([&] { return conn_->connected(); }, seconds(5)));
    ASSERT_FALSE(
        bus::EnsureStream(*conn_, {"REGISTRATION", {"socgov.v1.350200.350211.registration.>"}})
            .has_value());
    ASSERT_FALSE(
        bus::EnsureStream(*conn_, {"PARTY_BUILDING", {"socgov.v1.350200.350211.party_building.>"}})
            .has_value());
    service_ = std::make_unique<InProcessService>(
        audit::ServiceDefinition(), dir_.path(), *redis_, *nats_,
        "audit-integration-test-key-0123456789abcdef",
        std::map<std::string, std::string>{{"SOCGOV_STREAMS", "REGISTRATION,PARTY_BUILDING"},
                                           {"SOCGOV_CONSUMER_MAX_DELIVER", "5"}});
    ASSERT_TRUE(service_->Start());
  }
  void TearDown() override {
    if (service_) service_->Stop();
  }
  bus::Router::Counts Counts() { return service_->kit().router().counts("record-registration"); }

  outbox::OutboxEvent RegisteredEvent(const std::string& code, const std::string& id_number) {
    registration::v1::OrganizationRegistered body;
    body.mutable_organization()->set_id(code);
    body.mutable_organization()->mutable_profile()->set_name("厦门市集美区和欣社会工作服务中心");
    // A producer bug that leaks a full ID number must still be masked in the audit record.
    body.mutable_organization()->mutable_profile()->set_business_scope("联系人 " + id_number);
    outbox::OutboxEvent e;
    e.id = NewUuidV7(clock_.Now());
    e.type = "cn.socgov.registration.organization.registered.v1";
    e.source = "/socgov/350211/registration";
    e.subject = code;
    e.time = FormatRfc3339(clock_.Now());
    e.dataschema = body.GetDescriptor()->full_name();
    e.sequence = 1;
    e.jurisdiction = "350211";
    e.actor = "registrar.test";
    e.nats_subject = "socgov.v1.350200.350211.registration.organization.registered";
    body.SerializeToString(&e.data);
    return e;
  }

  // Publishes with a fresh Nats-Msg-Id, so JetStream's dedup cannot hide a second delivery of
  // the same ce-id from the consumer (as after a dedup window has passed).
  void PublishBypassingDedup(const outbox::OutboxEvent& e, const std::string& msg_id) {
    EXPECT_TRUE(bus::Publish(*conn_, e, 5000, msg_id).ok());
  }

  int64_t HeadSeq() { return store_->ReadHead().seq; }
  audit::VerifyResult Verify() {
    auto r = audit::VerifyStoredChain(*store_, [] { return false; });
    EXPECT_TRUE(r.has_value());
    return r.value_or(audit::VerifyResult{});
  }

  TempDir dir_;
  std::unique_ptr<RedisServer> redis_;
  std::unique_ptr<NatsServer> nats_;
  SystemClock clock_;
  // The test's own view of audit's Redis.
  std::unique_ptr<store::RedisPool> pool_;
  std::unique_ptr<audit::AuditStore> store_;
  std::unique_ptr<bus::Connection> conn_;
  std::unique_ptr<InProcessService> service_;
};

TEST_F(AuditFixture, SameEventDeliveredTwiceMakesOneRecordAndTheChainVerifies) {
  auto e1 = RegisteredEvent("52350211MJ00000183", "11010519491231002X");
  auto e2 = RegisteredEvent("52350211MJ0000026X", "11010519491231002X");
  PublishBypassingDedup(e1, "m1");
  PublishBypassingDedup(e1, "m2");  // the same event again
  PublishBypassingDedup(e2, "m3");
  ASSERT_TRUE(WaitFor([&] { return Counts().applied + Counts().duplicate == 3; }, seconds(10)));
  EXPECT_EQ(Counts().applied, 2u);
  EXPECT_EQ(Counts().duplicate, 1u);
  EXPECT_EQ(HeadSeq(), 2);

  auto rec = store_->LoadRecord(1);
  ASSERT_TRUE(rec.has_value());
  EXPECT_EQ(rec->fields.event_id, e1.id);
  EXPECT_EQ(rec->fields.aggregate_id, "52350211MJ00000183");  // credit codes are not masked
  EXPECT_EQ(rec->fields.payload_json.find("11010519491231002X"), std::string::npos)
      << rec->fields.payload_json;
  EXPECT_NE(rec->fields.payload_json.find("110105********002X"), std::string::npos);

  auto v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.records_checked, 2);
}

TEST_F(AuditFixture, TamperedRecordIsReportedByVerifyChain) {
  for (int i = 0; i < 3; ++i)
    PublishBypassingDedup(RegisteredEvent("52350211MJ0000026X", "11010519491231002X"),
                          "t" + std::to_string(i));
  ASSERT_TRUE(WaitFor([&] { return HeadSeq() == 3; }, seconds(10)));
  ASSERT_TRUE(Verify().ok);
  {
    auto r = pool_->Acquire();
    r->Command({"HSET", audit::RecordKey(2), "actor", "someone.else"});
  }
  auto v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_seq, 2);
  EXPECT_FALSE(v.problem.empty());
}

TEST_F(AuditFixture, DeletedHeadIsReportedByVerifyChain) {
  for (int i = 0; i < 2; ++i)
    PublishBypassingDedup(RegisteredEvent("52350211MJ0000026X", "11010519491231002X"),
                          "h" + std::to_string(i));
  ASSERT_TRUE(WaitFor([&] { return HeadSeq() == 2; }, seconds(10)));
  service_->Stop();  // nothing may append while the head is gone
  {
    auto r = pool_->Acquire();
    r->Command({"DEL", audit::HeadKey()});
  }
  auto v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_seq, 1);
}

TEST_F(AuditFixture, EventArrivingWhileRedisIsDownIsRetriedAndRecordedOnce) {
  redis_->Stop();
  PublishBypassingDedup(RegisteredEvent("52350211MJ00000183", "11010519491231002X"), "r1");
  // Longer than MaxDeliver (5) redeliveries would last: the event must be held, not dropped.
  std::this_thread::sleep_for(std::chrono::seconds(6));
  redis_->Start();
  ASSERT_TRUE(WaitFor([&] { return Counts().applied == 1; }, seconds(20))) << service_->log();
  EXPECT_EQ(HeadSeq(), 1);
  EXPECT_EQ(Counts().dead_lettered, 0u);
}

TEST_F(AuditFixture, MalformedEventIsDeadLetteredWithItsReason) {
  auto e = RegisteredEvent("52350211MJ00000183", "11010519491231002X");
  e.id.clear();  // no ce-id: can never be recorded idempotently
  natsMsg* m = nullptr;
  ASSERT_EQ(natsMsg_Create(&m, e.nats_subject.c_str(), nullptr, "x", 1), NATS_OK);
  natsMsgHeader_Set(m, "ce-type", e.type.c_str());
  jsPubAck* ack = nullptr;
  ASSERT_EQ(js_PublishMsg(&ack, conn_->js(), m, nullptr, nullptr), NATS_OK);
  jsPubAck_Destroy(ack);
  natsMsg_Destroy(m);
  ASSERT_TRUE(WaitFor([&] { return Counts().dead_lettered == 1; }, seconds(10)));
  EXPECT_EQ(HeadSeq(), 0);
  // One dead-letter schema for every service (the kit's router).
  const auto dlq = service_->kit().router().ListDeadLetters("", 10);
  ASSERT_EQ(dlq.size(), 1u);
  EXPECT_EQ(dlq[0].kind, "mismatch");
  EXPECT_EQ(dlq[0].route, "record-registration");
  EXPECT_NE(dlq[0].reason.find("ce-id"), std::string::npos) << dlq[0].reason;
  EXPECT_EQ(dlq[0].data, "x");
}

TEST_F(AuditFixture, ListFiltersByAggregateTypeActorTimeAndScopeWithPaging) {
  const TimePoint base = FromUnixMillis(UnixMillis(clock_.Now()));  // records keep milliseconds
  auto event = [&](const std::string& code, const std::string& type, const std::string& actor,
                   int minutes) {
    auto e = RegisteredEvent(code, "11010519491231002X");
    e.type = type;
    // The subject follows the type (the router dead-letters an event whose subject disagrees).
    const auto parts = type.substr(std::string("cn.socgov.registration.").size());
    e.nats_subject = "socgov.v1.350200.350211.registration." +
                     parts.substr(0, parts.size() - std::string(".v1").size());
    e.actor = actor;
    e.time = FormatRfc3339(base + std::chrono::minutes(minutes));
    return e;
  };
  const std::string registered = "cn.socgov.registration.organization.registered.v1";
  const std::string approved = "cn.socgov.registration.application.approved.v1";
  PublishBypassingDedup(event("52350211MJ00000183", registered, "registrar.a", 0), "1");
  PublishBypassingDedup(event("52350211MJ00000183", approved, "registrar.b", 10), "2");
  PublishBypassingDedup(event("52350211MJ0000026X", registered, "registrar.a", 20), "3");
  PublishBypassingDedup(event("52350211MJ0000026X", approved, "registrar.a", 30), "4");
  PublishBypassingDedup(event("52350211MJ0000034X", registered, "registrar.b", 40), "5");
  ASSERT_TRUE(WaitFor([&] { return HeadSeq() == 5; }, seconds(10)));

  auto seqs = [&](const audit::RecordQuery& q, const std::string& jurisdiction = "350211") {
    std::vector<int64_t> out;
    for (const auto& r : audit::QueryRecords(*store_, q, jurisdiction).records)
      out.push_back(r.fields.seq);
    return out;
  };
  audit::RecordQuery q;
  q.aggregate_id = "52350211MJ00000183";
  EXPECT_EQ(seqs(q), (std::vector<int64_t>{1, 2}));
  q = {};
  q.event_type = approved;
  EXPECT_EQ(seqs(q), (std::vector<int64_t>{2, 4}));
  q = {};
  q.actor = "registrar.a";
  EXPECT_EQ(seqs(q), (std::vector<int64_t>{1, 3, 4}));
  q.event_type = registered;  // filters combine
  EXPECT_EQ(seqs(q), (std::vector<int64_t>{1, 3}));
  q = {};
  q.occurred_from = base + std::chrono::minutes(10);
  q.occurred_to = base + std::chrono::minutes(40);  // exclusive
  EXPECT_EQ(seqs(q), (std::vector<int64_t>{2, 3, 4}));

  // Scope: the city sees its district's records, a neighbouring district sees none.
  q = {};
  EXPECT_EQ(seqs(q, "350200").size(), 5u);
  EXPECT_TRUE(seqs(q, "350212").empty());

  // Paging: two at a time, oldest first, no page lost or repeated.
  q.page_size = 2;
  std::vector<int64_t> all;
  for (int guard = 0; guard < 10; ++guard) {
    auto page = audit::QueryRecords(*store_, q, "350211");
    for (const auto& r : page.records) all.push_back(r.fields.seq);
    if (page.next_page_token.empty()) break;
    q.after_seq = std::stoll(page.next_page_token);
  }
  EXPECT_EQ(all, (std::vector<int64_t>{1, 2, 3, 4, 5}));

  // Bad requests name the field.
  audit::v1::ListAuditRecordsRequest bad;
  bad.set_occurred_from("yesterday");
  auto parsed = audit::ParseListRequest(bad);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("occurred_from"), std::string::npos);
  bad = {};
  bad.mutable_page()->set_page_token("abc");
  parsed = audit::ParseListRequest(bad);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("page.page_token"), std::string::npos);
}

// Party building's events are decoded (its descriptors are linked into audit, recorder.cc), and
// a member's ID number never reaches the chain unmasked: the producer masks it in the payload and
// the aggregate id, and audit masks any that leaks (here a full number as the aggregate id).
TEST_F(AuditFixture, PartyBuildingEventsAreDecodedAndMemberIdNumbersStayMasked) {
  const std::string id_number = "11010519491231002X";
  const std::string masked = "110105********002X";
  party_building::v1::MemberAdded added;
  added.set_id_number_masked(masked);
  added.set_party_org_id("PO-000001");
  added.set_jurisdiction("350211");
  added.set_kind(1);
  added.set_works_at_organization_id("52350211MJ00000183");
  added.mutable_actor()->set_subject("party_work_officer.test");
  const outbox::EventSource pb{"party_building", "party-building", "350211"};
  const auto now = clock_.Now();
  const auto member =
      outbox::MakeEvent(added, pb, {"member", "added", masked, 1, "350211", "officer.a"}, now);
  // A producer bug: the full number as the aggregate id.
  const auto leaked =
      outbox::MakeEvent(added, pb, {"member", "added", id_number, 1, "350211", "officer.a"}, now);
  party_building::v1::TemporaryBranchChanged dissolved;
  dissolved.set_branch_id("TB-000001");
  dissolved.set_host_organization_id("52350211MJ00000183");
  dissolved.set_jurisdiction("350211");
  dissolved.set_state(5);
  dissolved.set_dissolution_reason("HOST_CANCELLED");
  const auto branch = outbox::MakeEvent(
      dissolved, pb, {"temporary_branch", "dissolved", "TB-000001", 4, "350211", "router"}, now);
  PublishBypassingDedup(member, "pb-m");
  PublishBypassingDedup(leaked, "pb-l");
  PublishBypassingDedup(branch, "pb-b");
  auto pb_counts = [&] { return service_->kit().router().counts("record-party_building"); };
  ASSERT_TRUE(WaitFor([&] { return pb_counts().applied == 3; }, seconds(10))) << service_->log();
  EXPECT_EQ(pb_counts().dead_lettered, 0u);
  ASSERT_EQ(HeadSeq(), 3);

  for (int64_t seq = 1; seq <= 3; ++seq) {
    auto rec = store_->LoadRecord(seq);
    ASSERT_TRUE(rec.has_value());
    const auto& f = rec->fields;
    EXPECT_EQ(f.stream, "PARTY_BUILDING");
    EXPECT_EQ(f.payload_json.find("undecoded_base64"), std::string::npos) << f.payload_json;
    EXPECT_EQ(f.payload_json.find(id_number), std::string::npos) << f.payload_json;
    EXPECT_EQ(f.aggregate_id.find(id_number), std::string::npos) << f.aggregate_id;
  }
  auto first = store_->LoadRecord(1);
  EXPECT_EQ(first->fields.event_type, "cn.socgov.party_building.member.added.v1");
  EXPECT_EQ(first->fields.aggregate_id, masked);
  EXPECT_NE(first->fields.payload_json.find("\"id_number_masked\":\"" + masked + "\""),
            std::string::npos)
      << first->fields.payload_json;
  EXPECT_EQ(store_->LoadRecord(2)->fields.aggregate_id, masked);
  EXPECT_NE(
      store_->LoadRecord(3)->fields.payload_json.find("\"dissolution_reason\":\"HOST_CANCELLED\""),
      std::string::npos);
  // A query by the full number finds the masked records (queries are masked the same way).
  audit::RecordQuery q;
  q.aggregate_id = audit::MaskForRecord(id_number);
  EXPECT_EQ(audit::QueryRecords(*store_, q, "350211").records.size(), 2u);
  EXPECT_TRUE(Verify().ok);
}

}  // namespace
}  // namespace socgov::testing
