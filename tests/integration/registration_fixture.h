// An in-process registration service on real redis-server and nats-server -js (started by the
// harness on free ports), reached through a real gRPC channel.
#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <nats/nats.h>

#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "platform/auth/token.h"
#include "platform/bus/consumer.h"
#include "platform/bus/nats.h"
#include "platform/log/log.h"
#include "platform/outbox/relay.h"
#include "platform/store/redis.h"
#include "registration/definition.h"
#include "registration/store/registration_store.h"
#include "socgov/registration/v1/registration_service.grpc.pb.h"
#include "support/in_process.h"
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

// True once `durable` has nothing left to deliver and nothing unacknowledged: what it applied is
// final, however slow the machine.
inline bool DurableSettled(bus::Connection& conn, const std::string& stream,
                           const std::string& durable) {
  jsConsumerInfo* ci = nullptr;
  if (js_GetConsumerInfo(&ci, conn.js(), stream.c_str(), durable.c_str(), nullptr, nullptr) !=
      NATS_OK)
    return false;
  const bool settled = ci->NumPending == 0 && ci->NumAckPending == 0;
  jsConsumerInfo_Destroy(ci);
  return settled;
}

// Counts what arrives on a stream (REGISTRATION unless told) through a durable consumer.
class StreamWatcher {
 public:
  StreamWatcher(const std::string& url, const std::string& durable,
                std::string stream = "REGISTRATION")
      : logger_("test-watcher", kJimei, &sink_), stream_(std::move(stream)) {
    auto c = bus::Connection::Connect({url, "test-watcher"});
    EXPECT_TRUE(c.ok());
    conn_ = std::move(c).value();
    durable_ = durable;
  }
  // Call once the stream exists.
  void Start() {
    ASSERT_FALSE(bus::EnsureConsumer(*conn_, {stream_, durable_, "", 5, 30000}).has_value());
    loop_ = std::make_unique<bus::ConsumerLoop>(
        *conn_, bus::ConsumerSpec{stream_, durable_, "", 5, 30000},
        [this](const bus::Delivery& d) {
          std::lock_guard lock(mu_);
          ++deliveries_;
          ids_.insert(d.Header("ce-id"));
          types_.push_back(d.Header("ce-type"));
          order_.push_back({d.Header("ce-type"), d.Header("ce-subject"),
                            std::stoll(d.Header("ce-sequence")), d.Header("ce-id"),
                            d.stream_sequence});
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
  // Every delivery in arrival order (a redelivery repeats its stream sequence).
  struct Seen {
    std::string type, aggregate_id;
    int64_t sequence;
    std::string id;
    uint64_t stream_sequence;
  };
  std::vector<Seen> order() {
    std::lock_guard lock(mu_);
    return order_;
  }
  bus::Connection& conn() { return *conn_; }
  // True once the durable has nothing left to deliver and nothing unacknowledged: counts read
  // after this are final, however slow the machine.
  bool Settled() { return DurableSettled(*conn_, stream_, durable_); }
  std::string log() const { return sink_.str(); }
  void Note(const std::string& what) { logger_.Info(what); }

 private:
  std::ostringstream sink_;
  log::Logger logger_;
  std::string stream_;
  std::unique_ptr<bus::Connection> conn_;
  std::string durable_;
  std::unique_ptr<bus::ConsumerLoop> loop_;
  std::mutex mu_;
  size_t deliveries_ = 0;
  std::set<std::string> ids_;
  std::vector<std::string> types_;
  std::vector<Seen> order_;
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
    auto c = bus::Connection::Connect({nats_->url(), "test-registration"});
    ASSERT_TRUE(c.ok());
    conn_ = std::move(c).value();
    ASSERT_TRUE(WaitFor([&] { return conn_->connected(); }, std::chrono::seconds(5)));
    service_ = std::make_unique<InProcessService>(registration::ServiceDefinition(), dir_.path(),
                                                  *redis_, *nats_, kTestKey, Env(), &clock());
    ASSERT_TRUE(service_->Start());
    channel_ = grpc::CreateChannel(service_->addr(), grpc::InsecureChannelCredentials());
    stub_ = rv1::RegistrationService::NewStub(channel_);
  }

  void TearDown() override {
    if (service_) service_->Stop();
  }

  // These tests exercise storage, idempotency and the event path of establishment; the joint
  // review (REG-20) that precedes it is exercised by lifecycle_test.cc.
  virtual std::map<std::string, std::string> Env() const {
    return {{"SOCGOV_JOINT_REVIEW_REQUIRED", "false"}};
  }
  virtual const Clock& clock() const { return clock_; }
  const outbox::Relay& relay() { return *service_->kit().relay(); }
  std::string ServiceLog() const { return service_ ? service_->log() : std::string(); }

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
  SystemClock clock_;
  store::RedisOptions redis_options_;
  // The test's own view of the service's Redis (reads and snapshots only).
  std::unique_ptr<store::RedisPool> pool_;
  std::unique_ptr<registration::RegistrationStore> store_;
  std::unique_ptr<bus::Connection> conn_;
  std::unique_ptr<InProcessService> service_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<rv1::RegistrationService::Stub> stub_;
};

}  // namespace socgov::testing
