// Every socgov binary started as a process against harness-started redis-server and nats-server.
#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "grpc/health/v1/health.grpc.pb.h"
#include "support/servers.h"

namespace socgov::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
};

// Runs a command through /bin/sh and captures stdout (stderr goes to the test log).
inline CommandResult RunCommand(const std::string& cmd) {
  CommandResult r;
  FILE* f = popen((cmd + " 2>&1").c_str(), "r");
  if (f == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), f)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(f);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

inline std::string ServingStatus(const std::string& addr, const std::string& service) {
  auto channel = grpc::CreateChannel(addr, grpc::InsecureChannelCredentials());
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  grpc::health::v1::HealthCheckRequest req;
  req.set_service(service);
  grpc::health::v1::HealthCheckResponse resp;
  auto st = stub->Check(&ctx, req, &resp);
  if (!st.ok()) return "error: " + st.error_message();
  return grpc::health::v1::HealthCheckResponse::ServingStatus_Name(resp.status());
}

class Stack {
 public:
  static constexpr const char* kJurisdiction = "350211";

  Stack() {
    redis_ = std::make_unique<RedisServer>(dir_.path());
    nats_ = std::make_unique<NatsServer>(dir_.path());
    key_file_ = dir_.path() + "/token.key";
    std::ofstream(key_file_) << "e2e-test-signing-key-0123456789abcdefghijklmnop\n";
    reg_port_ = FreePort();
    reg_metrics_port_ = FreePort();
    audit_port_ = FreePort();
    audit_metrics_port_ = FreePort();
  }

  std::vector<std::pair<std::string, std::string>> CommonEnv() const {
    return {{"SOCGOV_JURISDICTION", kJurisdiction},
            {"SOCGOV_REDIS_HOST", "127.0.0.1"},
            {"SOCGOV_REDIS_PORT", std::to_string(redis_->port())},
            {"SOCGOV_NATS_URL", nats_->url()},
            {"SOCGOV_TOKEN_KEY_FILE", key_file_},
            {"SOCGOV_DRAIN_MS", "0"}};
  }

  // `extra` adds SOCGOV_* settings, e.g. {"SOCGOV_JOINT_REVIEW_REQUIRED", "false"}.
  void StartRegistration(const std::vector<std::pair<std::string, std::string>>& extra = {}) {
    auto env = CommonEnv();
    env.insert(env.end(), extra.begin(), extra.end());
    env.emplace_back("SOCGOV_GRPC_LISTEN", reg_addr());
    env.emplace_back("SOCGOV_METRICS_LISTEN", "127.0.0.1:" + std::to_string(reg_metrics_port_));
    registration_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{SOCGOV_REGISTRATION_BIN}, dir_.path() + "/registration.log", env);
  }
  void StartAudit() {
    auto env = CommonEnv();
    env.emplace_back("SOCGOV_GRPC_LISTEN", audit_addr());
    env.emplace_back("SOCGOV_METRICS_LISTEN", "127.0.0.1:" + std::to_string(audit_metrics_port_));
    audit_ = std::make_unique<ChildProcess>(std::vector<std::string>{SOCGOV_AUDIT_BIN},
                                            dir_.path() + "/audit.log", env);
  }
  bool WaitReady(const std::string& addr) {
    return WaitFor([&] { return ServingStatus(addr, "readiness") == "SERVING"; },
                   std::chrono::seconds(20));
  }

  std::string Token(const std::string& role) const {
    auto r = RunCommand(std::string(SOCGOV_CTL_BIN) + " token mint --key-file " + Quote(key_file_) +
                        " --subject " + role + ".e2e --roles " + role + " --jurisdiction " +
                        kJurisdiction + " --ttl-hours 1");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return Trim(r.out);
  }

  // socgovctl with the given role's token and this stack's addresses.
  CommandResult Ctl(const std::string& role, const std::string& args) const {
    return RunCommand("SOCGOV_TOKEN=" + Token(role) + " " + SOCGOV_CTL_BIN +
                      " --registration-addr " + reg_addr() + " --audit-addr " + audit_addr() + " " +
                      args);
  }

  std::string Logs() const {
    return "--- registration ---\n" + ReadFile(dir_.path() + "/registration.log") +
           "\n--- audit ---\n" + ReadFile(dir_.path() + "/audit.log");
  }

  std::string reg_addr() const { return "127.0.0.1:" + std::to_string(reg_port_); }
  std::string audit_addr() const { return "127.0.0.1:" + std::to_string(audit_port_); }
  int reg_metrics_port() const { return reg_metrics_port_; }
  int redis_port() const { return redis_->port(); }
  const std::string& dir() const { return dir_.path(); }
  const std::string& key_file() const { return key_file_; }
  NatsServer& nats() { return *nats_; }
  ChildProcess& registration() { return *registration_; }
  ChildProcess& audit() { return *audit_; }

 private:
  TempDir dir_;
  std::unique_ptr<RedisServer> redis_;
  std::unique_ptr<NatsServer> nats_;
  std::string key_file_;
  int reg_port_, reg_metrics_port_, audit_port_, audit_metrics_port_;
  std::unique_ptr<ChildProcess> registration_;
  std::unique_ptr<ChildProcess> audit_;
};

}  // namespace socgov::testing
