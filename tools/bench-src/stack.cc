#include "stack.h"

#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <stdexcept>
#include <thread>

#include "grpc/health/v1/health.grpc.pb.h"
#include "platform/bus/nats.h"

namespace socgov::bench {
namespace {

using namespace std::chrono_literals;

std::string RandomKey() {
  std::random_device rd;
  static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string k;
  for (int i = 0; i < 48; ++i) k += kAlphabet[rd() % (sizeof kAlphabet - 1)];
  return k;
}

bool Serving(const std::string& addr, const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(
      grpc::CreateChannel(addr, grpc::InsecureChannelCredentials()));
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + 500ms);
  grpc::health::v1::HealthCheckRequest req;
  req.set_service(service);
  grpc::health::v1::HealthCheckResponse resp;
  return stub->Check(&ctx, req, &resp).ok() &&
         resp.status() == grpc::health::v1::HealthCheckResponse::SERVING;
}

// The scale phase registers organizations of many districts into this one Redis; their events
// carry their own district in the subject. The stream is made here, before registration starts,
// to take every district's registration subjects (the relay leaves an existing stream as it is);
// the duplicate window is the relay's (2 × outbox retention).
void ProvisionRegistrationStream(const std::string& url) {
  auto conn = bus::Connection::Connect({url, "socgov-bench-provision"});
  if (!conn.ok()) throw std::runtime_error("nats: " + conn.error().message);
  testing::WaitFor([&] { return (*conn)->connected(); }, 10s);
  bus::StreamSpec spec{"REGISTRATION", {"socgov.v1.*.*.registration.>"}, 240'000};
  if (auto err = bus::EnsureStream(**conn, spec))
    throw std::runtime_error("REGISTRATION stream: " + err->message);
}

}  // namespace

Stack::Stack(const std::string& dir, const Binaries& bins) : dir_(dir), key_(RandomKey()) {
  const std::string key_file = dir_ + "/token.key";
  std::ofstream(key_file) << key_;
  redis_ = std::make_unique<testing::RedisServer>(dir_);
  nats_ = std::make_unique<testing::NatsServer>(dir_);
  const std::string rport = std::to_string(redis_->port());
  ProvisionRegistrationStream(nats_url());

  echo_port_ = testing::FreePort();
  echo_ = std::make_unique<testing::ChildProcess>(
      std::vector<std::string>{bins.echo, "--grpc-listen", echo_addr()}, dir_ + "/echo.log");

  reg_port_ = testing::FreePort();
  registration_ = std::make_unique<testing::ChildProcess>(
      std::vector<std::string>{
          bins.registration, "--grpc-listen", registration_addr(), "--metrics-listen",
          "127.0.0.1:" + std::to_string(testing::FreePort()), "--jurisdiction", kJurisdiction,
          "--redis-host", "127.0.0.1", "--redis-port", rport, "--nats-url", nats_url(),
          "--token-key-file", key_file, "--drain-ms", "0",
          // create = submit + approve, without the REG-20 joint review
          "--joint-review-required", "false"},
      dir_ + "/registration.log");

  audit_port_ = testing::FreePort();
  audit_argv_ = std::vector<std::string>{bins.audit,
                                         "--grpc-listen",
                                         audit_addr(),
                                         "--metrics-listen",
                                         "127.0.0.1:" + std::to_string(testing::FreePort()),
                                         "--jurisdiction",
                                         kJurisdiction,
                                         "--redis-host",
                                         "127.0.0.1",
                                         "--redis-port",
                                         rport,
                                         "--nats-url",
                                         nats_url(),
                                         "--token-key-file",
                                         key_file,
                                         "--streams",
                                         "REGISTRATION"};
  StartAudit();

  if (!testing::WaitFor([&] { return Serving(echo_addr(), ""); }, 20s))
    throw std::runtime_error("echo server did not start; see " + dir_ + "/echo.log");
  if (WaitReady(30) < 0)
    throw std::runtime_error("services not ready; see " + dir_ + "/registration.log, audit.log");
}

Stack::~Stack() {
  audit_.reset();
  registration_.reset();
  echo_.reset();
  nats_.reset();
  redis_.reset();
}

pid_t Stack::redis_pid() const {
  auto admin = Admin();
  const store::Value v = admin->Command({"INFO", "server"});
  const std::string& s = v.str;
  const size_t at = s.find("process_id:");
  return at == std::string::npos ? 0 : static_cast<pid_t>(std::stol(s.substr(at + 11)));
}

std::string Stack::Token(const std::string& role, const std::string& jurisdiction) const {
  auth::Principal p;
  p.subject = role + ".bench";
  p.roles = {role};
  p.jurisdiction = jurisdiction;
  const auto now = std::chrono::system_clock::now();
  p.expires_at = std::chrono::duration_cast<std::chrono::seconds>(
                     (now + std::chrono::hours(24)).time_since_epoch())
                     .count();
  return auth::MintToken(key_, p, now);
}

std::vector<NamedPid> Stack::Pids() const {
  return {{"generator", getpid()},
          {"echo", echo_ ? echo_->pid() : 0},
          {"registration", registration_pid()},
          {"audit", audit_pid()},
          {"redis-server", redis_pid()},
          {"nats-server", FindChildByComm("nats-server")}};
}

std::unique_ptr<store::Redis> Stack::Admin() const {
  store::RedisOptions o;
  o.port = redis_->port();
  o.command_timeout_ms = 60000;
  return std::make_unique<store::Redis>(o);
}

void Stack::StopAudit() {
  if (audit_) audit_->Terminate();
  audit_.reset();
}

void Stack::StartAudit() {
  if (!audit_) audit_ = std::make_unique<testing::ChildProcess>(audit_argv_, dir_ + "/audit.log");
}

double Stack::RestartRedis() {
  redis_->Stop();
  const auto t0 = std::chrono::steady_clock::now();
  redis_->Start();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double Stack::WaitReady(double timeout_s, bool include_audit) const {
  const auto t0 = std::chrono::steady_clock::now();
  const bool ok = testing::WaitFor(
      [&] {
        return Serving(registration_addr(), "readiness") &&
               (!include_audit || !audit_ || Serving(audit_addr(), "readiness"));
      },
      std::chrono::milliseconds(static_cast<int64_t>(timeout_s * 1000)));
  if (!ok) return -1;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace socgov::bench
