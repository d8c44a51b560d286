// An in-process registration service on real redis-server and nats-server -js (started by the
// harness on free ports), reached through a real gRPC channel.
#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <nats/nats.h>

#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "platform/auth/token.h"
#include "platform/bus/consumer.h"
#include "platform/bus/nats.h"
#include "platform/grpcx/server.h"
#include "platform/log/log.h"
#include "platform/outbox/relay.h"
#include "platform/store/redis.h"
#include "registration/api/registration_handler.h"
#include "registration/app/registry.h"
#include "registration/store/registration_store.h"
#include "support/servers.h"

namespace socgov::testing {

namespace rv1 = ::socgov::registration::v1;

inline constexpr const char* kTestKey = "integration-test-key-0123456789-abcdefghijkl";
inline constexpr const char* kJimei = "350211";

// A valid GB 11643 number (the standard's own sample).
inline constexpr const char* kValidId = "11010519491231002X";

inline std::string Token(const std::string& role, const std::string& jurisdiction = kJimei) {
  auth::Principal p{role + ".test", {role}, jurisdiction, 0};
  p.expires_at = 0;
  auto now = std::chrono::system_clock::now();
  p.expires_at =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() + 3600;
  return auth::MintToken(kTestKey, p, now);
}

inline rv1::SubmitApplicationRequest SocialServiceRequest(const std::string& name,
                                                          const std::string& request_id) {
  rv1::SubmitApplicationRequest r;
  r.set_request_id(request_id);
  auto* p = r.mutable_profile();
  p->set_org_type(rv1::ORG_TYPE_SOCIAL_SERVICE);
  p->set_social_service_form(rv1::SOCIAL_SERVICE_FORM_LEGAL_PERSON);
  p->set_name(name);
  p->set_domicile("厦门市集美区杏林街道杏滨路1号");
  p->mutable_legal_representative()->set_name("王立新");
  p->mutable_funds()->set_fen(3'000'000);
  p->set_business_scope("社会工作服务、社区养老服务");
  p->set_jurisdiction(kJimei);
  r.set_legal_representative_id_number(kValidId);
  return r;
}

// Counts what arrives on the REGISTRATION stream through a durable consumer.
class StreamWatcher {
 public:
  StreamWatcher(const std::string& url, const std::string& durable)
      : logger_("test-watcher", kJimei, &sink_) {
    auto c = bus::Connection::Connect({url, "test-watcher"});
    EXPECT_TRUE(c.ok());
    conn_ = std::move(c).value();
    durable_ = durable;
  }
  // Call once the stream exists.
  void Start() {
    ASSERT_FALSE(bus::EnsureConsumer(*conn_, {"REGISTRATION", durable_, "", 5, 30000}).has_value());
    loop_ = std::make_unique<bus::ConsumerLoop>(
        *conn_, bus::ConsumerSpec{"REGISTRATION", durable_, "", 5, 30000},
        [this](const bus::Delivery& d) {
          std::lock_guard lock(mu_);
          ++deliveries_;
          ids_.insert(d.Header("ce-id"));
          types_.push_back(d.Header("ce-type"));
          return bus::ApplyResult{bus::Outcome::kApplied, ""};
        },
        [](const bus::Delivery&, const std::string&) { return true; }, nullptr, logger_);
    loop_->Start();
  }
  size_t deliveries() {
    std::lock_guard lock(mu_);
    return deliveries_;
  }
  size_t distinct() {
    std::lock_guard lock(mu_);
    return ids_.size();
  }
  std::vector<std::string> types() {
    std::lock_guard lock(mu_);
    return types_;
  }
  bus::Connection& conn() { return *conn_; }
  // True once the durable has nothing left to deliver and nothing unacknowledged: counts read
  // after this are final, however slow the machine.
  bool Settled() {
    jsConsumerInfo* ci = nullptr;
    if (js_GetConsumerInfo(&ci, conn_->js(), "REGISTRATION", durable_.c_str(), nullptr, nullptr) !=
        NATS_OK)
      return false;
    const bool settled = ci->NumPending == 0 && ci->NumAckPending == 0;
    jsConsumerInfo_Destroy(ci);
    return settled;
  }
  std::string log() const { return sink_.str(); }
  void Note(const std::string& what) { logger_.Info(what); }

 private:
  std::ostringstream sink_;
  log::Logger logger_;
  std::unique_ptr<bus::Connection> conn_;
  std::string durable_;
  std::unique_ptr<bus::ConsumerLoop> loop_;
  std::mutex mu_;
  size_t deliveries_ = 0;
  std::set<std::string> ids_;
  std::vector<std::string> types_;
};

class RegistrationFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    redis_ = std::make_unique<RedisServer>(dir_.path());
    nats_ = std::make_unique<NatsServer>(dir_.path());
    store::RedisOptions ro;
    ro.port = redis_->port();
    redis_options_ = ro;
    pool_ = std::make_unique<store::RedisPool>(ro, 4);
    store_ = std::make_unique<registration::RegistrationStore>(*pool_);
    {
      auto r = pool_->Acquire();
      store_->scripts().LoadAll(*r);
    }
    auto c = bus::Connection::Connect({nats_->url(), "test-registration"});
    ASSERT_TRUE(c.ok());
    conn_ = std::move(c).value();
    ASSERT_TRUE(WaitFor([&] { return conn_->connected(); }, std::chrono::seconds(5)));
    ASSERT_FALSE(
        bus::EnsureStream(*conn_, {"REGISTRATION", {"socgov.v1.350200.350211.registration.>"}})
            .has_value());
    outbox::RelayOptions relay_options;
    relay_options.stream_key = registration::kOutboxKey;
    relay_options.retention_ms = 120000;
    relay_options.stream = {"REGISTRATION", {"socgov.v1.350200.350211.registration.>"}};
    relay_ = std::make_unique<outbox::Relay>(relay_options, ro, *conn_, nullptr, logger_);
    relay_->Start();
    registry_ = std::make_unique<registration::Registry>(*store_, Settings(), clock());
    handler_ = std::make_unique<registration::RegistrationHandler>(*registry_, verifier_, clock(),
                                                                   logger_);
    host_ = std::make_unique<grpcx::ServiceHost>(grpcx::HostOptions{"127.0.0.1:0", 0, 2000, 8},
                                                 nullptr, logger_);
    host_->AddService(handler_.get());
    const int port = host_->Start();
    ASSERT_NE(port, 0);
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(port),
                                   grpc::InsecureChannelCredentials());
    stub_ = rv1::RegistrationService::NewStub(channel_);
  }

  void TearDown() override {
    if (host_) host_->Shutdown();
    if (relay_) relay_->Stop(0);
  }

  // These tests exercise storage, idempotency and the event path of establishment; the joint
  // review (REG-20) that precedes it is exercised by lifecycle_test.cc.
  virtual registration::RegistrySettings Settings() const {
    registration::RegistrySettings s;
    s.authority_code = kJimei;
    s.joint_review_required = false;
    return s;
  }
  virtual const Clock& clock() const { return clock_; }

  template <typename Req, typename Resp, typename Fn>
  grpc::Status Call(Fn fn, const Req& req, Resp* resp, const std::string& token) {
    grpc::ClientContext ctx;
    if (!token.empty()) ctx.AddMetadata("authorization", "Bearer " + token);
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    return ((*stub_).*fn)(&ctx, req, resp);
  }

  grpc::Status Submit(const rv1::SubmitApplicationRequest& req,
                      rv1::SubmitApplicationResponse* resp, const std::string& role = "clerk") {
    return Call(&rv1::RegistrationService::Stub::SubmitApplication, req, resp, Token(role));
  }
  grpc::Status Approve(const std::string& app_id, int64_t version, const std::string& request_id,
                       rv1::ApproveApplicationResponse* resp,
                       const std::string& role = "registrar") {
    rv1::ApproveApplicationRequest req;
    req.set_request_id(request_id);
    req.set_application_id(app_id);
    req.set_version(version);
    return Call(&rv1::RegistrationService::Stub::ApproveApplication, req, resp, Token(role));
  }

  long long RedisInt(const std::vector<std::string>& cmd) {
    auto r = pool_->Acquire();
    return r->Command(cmd).integer;
  }
  // Everything a failed command must leave untouched.
  std::string Snapshot() {
    auto r = pool_->Acquire();
    // The relay's own bookkeeping ({reg}:outbox:published) changes on its own; the outbox length
    // is what a command could have touched.
    std::string out = std::to_string(r->Command({"XLEN", registration::kOutboxKey}).integer);
    auto keys = r->Command({"KEYS", "{reg}:*"});
    std::vector<std::string> names;
    for (auto& k : keys.elements)
      if (k.str.rfind(registration::kOutboxKey, 0) != 0) names.push_back(k.str);
    std::sort(names.begin(), names.end());
    for (auto& k : names) {
      auto type = r->Command({"TYPE", k}).str;
      out += "|" + k;
      if (type == "hash") {
        for (auto& e : r->Command({"HGETALL", k}).elements) out += "," + e.str;
      } else if (type == "string") {
        out += "=" + r->Command({"GET", k}).str;
      }
    }
    return out;
  }

  TempDir dir_;
  std::unique_ptr<RedisServer> redis_;
  std::unique_ptr<NatsServer> nats_;
  std::ostringstream log_sink_;
  log::Logger logger_{"registration", kJimei, &log_sink_};
  SystemClock clock_;
  auth::TokenVerifier verifier_{kTestKey};
  store::RedisOptions redis_options_;
  std::unique_ptr<store::RedisPool> pool_;
  std::unique_ptr<registration::RegistrationStore> store_;
  std::unique_ptr<bus::Connection> conn_;
  std::unique_ptr<outbox::Relay> relay_;
  std::unique_ptr<registration::Registry> registry_;
  std::unique_ptr<registration::RegistrationHandler> handler_;
  std::unique_ptr<grpcx::ServiceHost> host_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<rv1::RegistrationService::Stub> stub_;
};

}  // namespace socgov::testing
