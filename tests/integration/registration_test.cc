// Registration against real redis-server and nats-server: commands commit state and events in one
// script, failed commands leave no trace, request ids make retries safe, and the relay delivers
// every committed event once even across a nats-server outage.
#include <nats/nats.h>

#include <filesystem>
#include <map>
#include <thread>

#include "registration/domain/credit_code.h"
#include "registration/domain/dates.h"
#include "registration_fixture.h"

namespace socgov::testing {
namespace {

using std::chrono::seconds;

TEST_F(RegistrationFixture, SubmitThenApproveRegistersAnActiveOrganizationWithACreditCode) {
  StreamWatcher watcher(nats_->url(), "watch");
  watcher.Start();
  rv1::SubmitApplicationResponse submitted;
  ASSERT_TRUE(
      Submit(SocialServiceRequest("厦门市集美区和欣社会工作服务中心", "req-1"), &submitted).ok());
  EXPECT_EQ(submitted.application().status(), rv1::APPLICATION_STATUS_SUBMITTED);
  EXPECT_EQ(submitted.application().version(), 1);
  // The full ID number never leaves registration.
  EXPECT_EQ(submitted.application().profile().legal_representative().id_number_masked(),
            "110105********002X");

  rv1::ApproveApplicationResponse approved;
  auto st = Approve(submitted.application().id(), 1, "req-2", &approved);
  ASSERT_TRUE(st.ok()) << st.error_message();
  const std::string code = approved.organization().id();
  EXPECT_TRUE(registration::IsValidCreditCode(code)) << code;
  EXPECT_EQ(code.substr(0, 2), "52");    // civil affairs, 民办非企业单位
  EXPECT_EQ(code.substr(2, 6), kJimei);  // the issuing authority
  EXPECT_EQ(approved.organization().status(), rv1::ORG_STATUS_ACTIVE);
  EXPECT_EQ(approved.application().status(), rv1::APPLICATION_STATUS_APPROVED);

  rv1::GetOrganizationRequest get;
  get.set_organization_id(code);
  rv1::Organization org;
  ASSERT_TRUE(
      Call(&rv1::RegistrationService::Stub::GetOrganization, get, &org, Token("viewer")).ok());
  EXPECT_EQ(org.profile().name(), "厦门市集美区和欣社会工作服务中心");

  ASSERT_TRUE(WaitFor([&] { return watcher.distinct() == 3; }, seconds(10)));
  auto types = watcher.types();
  EXPECT_EQ(types[0], "cn.socgov.registration.application.submitted.v1");
  EXPECT_EQ(types[1], "cn.socgov.registration.application.approved.v1");
  EXPECT_EQ(types[2], "cn.socgov.registration.organization.registered.v1");
}

TEST_F(RegistrationFixture, CreditCodeBodiesNeverRepeat) {
  std::set<std::string> codes;
  for (int i = 0; i < 5; ++i) {
    rv1::SubmitApplicationResponse s;
    ASSERT_TRUE(Submit(SocialServiceRequest("厦门市集美区第" + std::to_string(i) + "社区服务中心",
                                            "sub-" + std::to_string(i)),
                       &s)
                    .ok());
    rv1::ApproveApplicationResponse a;
    ASSERT_TRUE(Approve(s.application().id(), 1, "app-" + std::to_string(i), &a).ok());
    codes.insert(a.organization().id().substr(8, 9));
  }
  EXPECT_EQ(codes.size(), 5u);
}

TEST_F(RegistrationFixture, FailedPreconditionsStoreNothingAndEmitNoEvent) {
  rv1::SubmitApplicationResponse s;
  ASSERT_TRUE(Submit(SocialServiceRequest("厦门市集美区乐龄居家养老服务中心", "a"), &s).ok());
  const std::string before = Snapshot();

  rv1::ApproveApplicationResponse a;
  // Stale version → ABORTED.
  EXPECT_EQ(Approve(s.application().id(), 7, "b", &a).error_code(), grpc::StatusCode::ABORTED);
  // Same name at the same authority → ALREADY_EXISTS naming the field (REG-03 uniqueness).
  rv1::SubmitApplicationResponse dup;
  auto st = Submit(SocialServiceRequest("厦门市集美区乐龄居家养老服务中心", "c"), &dup);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_NE(st.error_message().find("profile.name"), std::string::npos) << st.error_message();
  // Bad input → INVALID_ARGUMENT naming the field.
  auto bad = SocialServiceRequest("厦门市集美区青禾青少年发展中心", "d");
  bad.set_legal_representative_id_number("110105194912310021");
  st = Submit(bad, &dup);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("legal_representative_id_number"), std::string::npos);
  bad = SocialServiceRequest("厦门市集美区青禾青少年发展中心", "e");
  bad.mutable_profile()->mutable_funds()->set_fen(-5);
  EXPECT_EQ(Submit(bad, &dup).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  // Unknown application → NOT_FOUND.
  EXPECT_EQ(Approve("0190a0f0-0000-7000-8000-000000000000", 1, "f", &a).error_code(),
            grpc::StatusCode::NOT_FOUND);
  // No token → UNAUTHENTICATED; a clerk may not approve; another district's registrar may not.
  rv1::ApproveApplicationRequest req;
  req.set_request_id("g");
  req.set_application_id(s.application().id());
  req.set_version(1);
  EXPECT_EQ(Call(&rv1::RegistrationService::Stub::ApproveApplication, req, &a, "").error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Approve(s.application().id(), 1, "h", &a, "clerk").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Call(&rv1::RegistrationService::Stub::ApproveApplication, req, &a,
                 Token("registrar", "350212"))
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Snapshot(), before);

  // Approving twice: the second (new request id) finds the wrong state → FAILED_PRECONDITION.
  ASSERT_TRUE(Approve(s.application().id(), 1, "i", &a).ok());
  const std::string after_approve = Snapshot();
  st = Approve(s.application().id(), 2, "j", &a);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(st.error_message().find("APPROVED"), std::string::npos) << st.error_message();
  // Only the credit-code serial may have moved (a gap is harmless; a repeat is not).
  EXPECT_EQ(Snapshot(), after_approve);
}

TEST_F(RegistrationFixture, SameRequestIdTwiceGivesOneOrganizationAndOneEvent) {
  rv1::SubmitApplicationResponse s1, s2;
  auto req = SocialServiceRequest("厦门市集美区青禾青少年发展中心", "same-submit");
  ASSERT_TRUE(Submit(req, &s1).ok());
  ASSERT_TRUE(Submit(req, &s2).ok());
  EXPECT_EQ(s1.application().id(), s2.application().id());

  rv1::ApproveApplicationResponse a1, a2;
  ASSERT_TRUE(Approve(s1.application().id(), 1, "same-approve", &a1).ok());
  ASSERT_TRUE(Approve(s1.application().id(), 1, "same-approve", &a2).ok());
  EXPECT_EQ(a1.organization().id(), a2.organization().id());
  EXPECT_EQ(RedisInt({"ZCARD", "{reg}:orgs"}), 1);
  EXPECT_EQ(RedisInt({"XLEN", registration::kOutboxKey}), 3);  // submitted, approved, registered

  StreamWatcher watcher(nats_->url(), "watch");
  watcher.Start();
  ASSERT_TRUE(WaitFor([&] { return watcher.deliveries() >= 3 && watcher.Settled(); }, seconds(10)));
  EXPECT_EQ(watcher.deliveries(), 3u);
  EXPECT_EQ(watcher.distinct(), 3u);
}

TEST_F(RegistrationFixture, RequestIdsOfDifferentCallersDoNotCollide) {
  auto req = SocialServiceRequest("厦门市集美区甲社区服务中心", "shared-id");
  rv1::SubmitApplicationResponse a, b;
  ASSERT_TRUE(
      Call(&rv1::RegistrationService::Stub::SubmitApplication, req, &a, Token("clerk")).ok());
  req.mutable_profile()->set_name("厦门市集美区乙社区服务中心");
  auto st = Call(&rv1::RegistrationService::Stub::SubmitApplication, req, &b, Token("registrar"));
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_NE(a.application().id(), b.application().id());
  EXPECT_EQ(b.application().profile().name(), "厦门市集美区乙社区服务中心");

  // The same caller reusing a request id for something else is told so, not given the old answer.
  req.mutable_profile()->set_name("厦门市集美区丙社区服务中心");
  auto reused = Call(&rv1::RegistrationService::Stub::SubmitApplication, req, &b, Token("clerk"));
  EXPECT_EQ(reused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(reused.error_message().find("request_id"), std::string::npos);
  rv1::ApproveApplicationResponse approved;
  ASSERT_TRUE(Approve(a.application().id(), 1, "approve-once", &approved).ok());
  EXPECT_EQ(Approve(b.application().id(), 1, "approve-once", &approved).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(RegistrationFixture, CommandsCommitWhileNatsIsDownAndEveryEventArrivesOnceAfterRestart) {
  StreamWatcher watcher(nats_->url(), "watch");
  watcher.Start();
  rv1::SubmitApplicationResponse s;
  ASSERT_TRUE(Submit(SocialServiceRequest("厦门市集美区阳光助残服务中心", "before"), &s).ok());
  ASSERT_TRUE(WaitFor([&] { return watcher.distinct() == 1; }, seconds(10)));

  nats_->Stop();
  for (int i = 0; i < 4; ++i) {
    rv1::SubmitApplicationResponse r;
    auto st = Submit(SocialServiceRequest("厦门市集美区停机期间" + std::to_string(i) + "号服务中心",
                                          "down-" + std::to_string(i)),
                     &r);
    ASSERT_TRUE(st.ok()) << st.error_message();
    rv1::ApproveApplicationResponse a;
    ASSERT_TRUE(Approve(r.application().id(), 1, "down-approve-" + std::to_string(i), &a).ok());
  }
  EXPECT_EQ(RedisInt({"XLEN", registration::kOutboxKey}), 1 + 4 * 3);
  nats_->Start();

  ASSERT_TRUE(WaitFor([&] { return watcher.distinct() == 13; }, seconds(30)))
      << "got " << watcher.distinct();
  ASSERT_TRUE(WaitFor([&] { return watcher.Settled(); }, seconds(10)));
  EXPECT_EQ(watcher.distinct(), 13u);
  EXPECT_EQ(watcher.deliveries(), 13u) << "an event was delivered twice";
}

TEST_F(RegistrationFixture, ListFiltersByTypeStatusAndJurisdictionWithPageTokens) {
  auto register_org = [&](rv1::SubmitApplicationRequest req) {
    rv1::SubmitApplicationResponse s;
    auto st = Submit(req, &s);
    ASSERT_TRUE(st.ok()) << st.error_message();
    rv1::ApproveApplicationResponse a;
    ASSERT_TRUE(Approve(s.application().id(), 1, req.request_id() + "-approve", &a).ok());
    if (a.application().status() == rv1::APPLICATION_STATUS_PREP_APPROVED) {
      // A social group's preparation (REG-04): hold the founding meeting today, then establish.
      rv1::ApplyEstablishmentRequest est;
      est.set_request_id(req.request_id() + "-establish");
      est.set_application_id(a.application().id());
      est.set_version(a.application().version());
      est.set_founding_meeting_on(
          registration::FormatDate(registration::ChinaDate(std::chrono::system_clock::now())));
      est.set_individual_members(60);
      est.mutable_funds()->set_fen(req.profile().funds().fen());
      rv1::Application app;
      auto st =
          Call(&rv1::RegistrationService::Stub::ApplyEstablishment, est, &app, Token("clerk"));
      ASSERT_TRUE(st.ok()) << st.error_message();
      ASSERT_TRUE(Approve(app.id(), app.version(), req.request_id() + "-approve-2", &a).ok());
    }
  };
  for (int i = 0; i < 3; ++i)
    register_org(SocialServiceRequest("厦门市集美区列表测试" + std::to_string(i) + "号服务中心",
                                      "list-" + std::to_string(i)));
  for (int i = 0; i < 2; ++i) {
    auto req = SocialServiceRequest("厦门市集美区列表测试" + std::to_string(i) + "号协会",
                                    "group-" + std::to_string(i));
    req.mutable_profile()->set_org_type(rv1::ORG_TYPE_SOCIAL_GROUP);
    req.mutable_profile()->clear_social_service_form();
    req.mutable_profile()->set_individual_members(60);  // REG-01
    register_org(req);
  }
  auto list = [&](rv1::ListOrganizationsRequest req, const std::string& token,
                  rv1::ListOrganizationsResponse* resp) {
    return Call(&rv1::RegistrationService::Stub::ListOrganizations, req, resp, token);
  };

  rv1::ListOrganizationsRequest req;
  req.set_org_type(rv1::ORG_TYPE_SOCIAL_GROUP);
  rv1::ListOrganizationsResponse resp;
  ASSERT_TRUE(list(req, Token("viewer"), &resp).ok());
  ASSERT_EQ(resp.organizations_size(), 2);
  for (const auto& o : resp.organizations()) EXPECT_EQ(o.id().substr(0, 2), "51");

  // Page through everything two at a time: registration order, nothing lost or repeated.
  req = {};
  req.set_status(rv1::ORG_STATUS_ACTIVE);
  req.mutable_page()->set_page_size(2);
  std::vector<std::string> ids;
  for (int guard = 0; guard < 10; ++guard) {
    ASSERT_TRUE(list(req, Token("viewer"), &resp).ok());
    for (const auto& o : resp.organizations()) ids.push_back(o.id());
    if (resp.page().next_page_token().empty()) break;
    req.mutable_page()->set_page_token(resp.page().next_page_token());
  }
  ASSERT_EQ(ids.size(), 5u);
  EXPECT_TRUE(
      std::is_sorted(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) {
        return a.substr(10, 6) < b.substr(10, 6);  // serial order
      }));

  // The city (350200) sees Jimei's organizations; a neighbouring district may not ask for them.
  req = {};
  req.set_jurisdiction("350211");
  ASSERT_TRUE(list(req, Token("viewer", "350200"), &resp).ok());
  EXPECT_EQ(resp.organizations_size(), 5);
  EXPECT_EQ(list(req, Token("viewer", "350212"), &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Without a jurisdiction filter a principal sees only its own scope.
  req = {};
  ASSERT_TRUE(list(req, Token("viewer", "350212"), &resp).ok());
  EXPECT_EQ(resp.organizations_size(), 0);

  // Bad input names the field.
  req = {};
  req.mutable_page()->set_page_token("not-a-token");
  auto st = list(req, Token("viewer"), &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("page.page_token"), std::string::npos);
  req = {};
  req.set_org_type(static_cast<rv1::OrgType>(9));
  st = list(req, Token("viewer"), &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("org_type"), std::string::npos);
}

std::string ConsumerState(bus::Connection& c, const char* durable) {
  jsConsumerInfo* ci = nullptr;
  jsErrCode jerr;
  natsStatus st = js_GetConsumerInfo(&ci, c.js(), "REGISTRATION", durable, nullptr, &jerr);
  if (st != NATS_OK) return std::string("consumer info: ") + natsStatus_GetText(st);
  std::string out = " pending=" + std::to_string(ci->NumPending) +
                    " ackpending=" + std::to_string(ci->NumAckPending) +
                    " delivered=" + std::to_string(ci->Delivered.Stream) +
                    " waiting=" + std::to_string(ci->NumWaiting);
  jsConsumerInfo_Destroy(ci);
  return out;
}

TEST_F(RegistrationFixture, JetStreamTailLostInACrashIsRefilledFromTheRetainedOutboxWindow) {
  constexpr int kEvents = 130;  // more than one re-publish batch (100)
  for (int i = 0; i < kEvents; ++i) {
    rv1::SubmitApplicationResponse r;
    ASSERT_TRUE(
        Submit(SocialServiceRequest("厦门市集美区留存窗口" + std::to_string(i) + "号服务中心",
                                    "kept-" + std::to_string(i)),
               &r)
            .ok());
  }
  StreamWatcher before(nats_->url(), "before-loss");
  before.Start();
  ASSERT_TRUE(WaitFor(
      [&] {
        return RedisInt({"XLEN", registration::kOutboxKey}) == kEvents &&
               relay().published() == kEvents;
      },
      seconds(10)));
  // nats-server 2.9 fsyncs every 60 s; a power cut can lose what it acknowledged. Simulate the
  // worst case: the whole JetStream store is gone when it comes back.
  ASSERT_TRUE(WaitFor([&] { return before.distinct() == kEvents; }, seconds(10)));
  before.Note("stopping nats");
  nats_->Stop();
  std::filesystem::remove_all(dir_.path() + "/nats/jetstream");
  nats_->Start();
  before.Note("nats started");

  ASSERT_TRUE(WaitFor([&] { return relay().republished() >= kEvents; }, seconds(20)));
  StreamWatcher watcher(nats_->url(), "after-loss");
  watcher.Start();
  ASSERT_TRUE(
      WaitFor([&] { return watcher.distinct() == kEvents && watcher.Settled(); }, seconds(10)));
  EXPECT_EQ(watcher.deliveries(), static_cast<size_t>(kEvents));
  // A consumer from before the loss re-provisions its durable and reads the refilled stream again;
  // the repeats carry the same ce-ids, which idempotent consumers absorb.
  ASSERT_TRUE(WaitFor([&] { return before.deliveries() == 2 * kEvents; }, seconds(20)))
      << before.deliveries() << before.log() << ConsumerState(before.conn(), "before-loss")
      << " reconnects=" << before.conn().reconnects() << " relay=" << conn_->reconnects();
  EXPECT_EQ(before.distinct(), static_cast<size_t>(kEvents));
}

// Two replicas share one Redis (and so one outbox): only the holder of the relay lease publishes,
// so each aggregate's events reach JetStream in version order, also when the active replica stops
// mid-way and the other takes over.
TEST_F(RegistrationFixture, TwoReplicasKeepEachAggregatesEventsInVersionOrderOnTheStream) {
  InProcessService second(
      registration::ServiceDefinition(), dir_.path(), *redis_, *nats_, kTestKey,
      {{"SOCGOV_JOINT_REVIEW_REQUIRED", "false"}, {"SOCGOV_RELAY_CONSUMER", "relay-2"}});
  ASSERT_TRUE(second.Start());
  auto stub_b = rv1::RegistrationService::NewStub(
      grpc::CreateChannel(second.addr(), grpc::InsecureChannelCredentials()));
  EXPECT_NE(relay().active(), second.kit().relay()->active()) << "exactly one relay publishes";
  StreamWatcher watcher(nats_->url(), "order");
  watcher.Start();

  // Each organization's commands alternate between the replicas, from two client threads at once.
  constexpr int kOrgs = 6, kRounds = 12;
  std::vector<rv1::Organization> orgs;
  for (int i = 0; i < kOrgs; ++i) {
    rv1::SubmitApplicationResponse s;
    ASSERT_TRUE(Submit(SocialServiceRequest("厦门市集美区双副本" + std::to_string(i) + "号服务中心",
                                            "two-" + std::to_string(i)),
                       &s)
                    .ok());
    rv1::ApproveApplicationResponse a;
    ASSERT_TRUE(Approve(s.application().id(), 1, "two-approve-" + std::to_string(i), &a).ok());
    orgs.push_back(a.organization());
  }
  // Each organization's amendments alternate between the replicas, from two client threads at
  // once, while nats-server is down: the outbox backs up, and when it is back every relay that
  // read entries would publish them at once. Then A stops (the takeover) and B goes on alone.
  auto amend = [&](int first_org, int from, int to, bool alternate) {
    for (int round = from; round < to; ++round) {
      for (int i = first_org; i < kOrgs; i += 2) {
        const bool on_b = !alternate || round % 2 == 1;
        rv1::RecordArticlesRequest req;
        req.set_request_id("art-" + std::to_string(i) + "-" + std::to_string(round));
        req.set_organization_id(orgs[i].id());
        req.set_version(orgs[i].version());
        req.set_approved_on("2026-11-27");
        req.set_party_building_clause(round % 3 == 0);
        if (round % 3 == 0) req.set_party_leading_organ("中共厦门市集美区社会组织综合委员会");
        req.set_text_sha256(std::string(64, static_cast<char>('a' + round % 6)));
        rv1::Organization out;
        grpc::ClientContext ctx;
        ctx.AddMetadata("authorization", "Bearer " + Token("registrar"));
        ctx.set_deadline(std::chrono::system_clock::now() + seconds(10));
        auto st = (on_b ? *stub_b : *stub_).RecordArticles(&ctx, req, &out);
        ASSERT_TRUE(st.ok()) << st.error_message();
        orgs[i] = out;
      }
    }
  };
  // The watcher has everything so far acknowledged before nats-server stops: a delivery whose ack
  // a stopping server never stored is redelivered (at least once), which is not what this test
  // is about (the relays' order), and on a busy machine the window is wide.
  ASSERT_TRUE(
      WaitFor([&] { return watcher.distinct() == kOrgs * 3 && watcher.Settled(); }, seconds(20)))
      << watcher.distinct() << watcher.log();
  nats_->Stop();
  {
    std::thread other([&] { amend(1, 0, kRounds / 2, true); });
    amend(0, 0, kRounds / 2, true);
    other.join();
  }
  nats_->Start();
  service_->Stop();  // the active replica, if it was A, hands over
  amend(0, kRounds / 2, kRounds, false);
  amend(1, kRounds / 2, kRounds, false);

  const size_t expected = kOrgs * (3 + kRounds);  // submitted, approved, registered, amendments
  ASSERT_TRUE(
      WaitFor([&] { return watcher.distinct() == expected && watcher.Settled(); }, seconds(30)))
      << watcher.distinct() << " of " << expected << watcher.log();
  EXPECT_EQ(watcher.deliveries(), expected) << "an event was delivered twice";
  // In stream order, once per stored message (redeliveries to the watcher are not the stream).
  std::map<uint64_t, StreamWatcher::Seen> stream;
  for (const auto& e : watcher.order()) stream.emplace(e.stream_sequence, e);
  EXPECT_EQ(stream.size(), expected) << "an event was stored twice";
  std::map<std::string, int64_t> last;  // aggregate (type's aggregate + id) → last version seen
  for (const auto& [seq, e] : stream) {
    const std::string aggregate =
        e.type.substr(0, e.type.rfind('.', e.type.size() - 4)) + "/" + e.aggregate_id;
    EXPECT_GT(e.sequence, last[aggregate]) << aggregate << " went back to " << e.sequence;
    last[aggregate] = e.sequence;
  }
  EXPECT_TRUE(second.kit().relay()->active()) << "the second replica took over";
}

}  // namespace
}  // namespace socgov::testing
