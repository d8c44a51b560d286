// Every socgov binary started as a process against harness-started redis-server and nats-server.
// Which services exist, their binaries and extra settings: services/services.json
// (SOCGOV_SERVICES_MANIFEST, binaries under SOCGOV_BUILD_DIR; tests/CMakeLists.txt defines both).
#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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

using Env = std::vector<std::pair<std::string, std::string>>;

// One service of services/services.json: what Stack needs to start it.
struct ServiceSpec {
  std::string name;
  std::string binary;    // absolute: the build dir + the manifest's binary
  Env env;               // the manifest's extra settings of the local stacks
  std::string addr_env;  // socgovctl's address variable, e.g. SOCGOV_REGISTRATION_ADDR
};

// The manifest's services in its order; throws when it cannot be read.
inline std::vector<ServiceSpec> LoadServices(const std::string& manifest,
                                             const std::string& build_dir) {
  std::ifstream in(manifest);
  if (!in) throw std::runtime_error("cannot read " + manifest);
  const auto json = nlohmann::json::parse(in);
  std::vector<ServiceSpec> out;
  for (const auto& s : json.at("services")) {
    ServiceSpec spec;
    spec.name = s.at("name").get<std::string>();
    spec.binary = build_dir + "/" + s.at("binary").get<std::string>();
    for (const auto& [k, v] : s.value("env", nlohmann::json::object()).items()) {
      spec.env.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
    }
    spec.addr_env = s.value("addr_env", "");
    out.push_back(std::move(spec));
  }
  if (out.empty()) throw std::runtime_error(manifest + " lists no service");
  return out;
}

// redis-server and nats-server from the harness; every service of the manifest gets free ports up
// front and starts on Start(name).
class Stack {
 public:
  static constexpr const char* kJurisdiction = "350211";

  Stack() {
    redis_ = std::make_unique<RedisServer>(dir_.path());
    nats_ = std::make_unique<NatsServer>(dir_.path());
    key_file_ = dir_.path() + "/token.key";
    std::ofstream(key_file_) << "e2e-test-signing-key-0123456789abcdefghijklmnop\n";
    for (auto& spec : LoadServices(SOCGOV_SERVICES_MANIFEST, SOCGOV_BUILD_DIR)) {
      const int grpc_port = FreePort();
      const int metrics_port = FreePort();
      services_.push_back({std::move(spec), grpc_port, metrics_port, nullptr});
    }
  }
  // Dependents first: the reverse of the manifest's order, then (members) NATS and Redis.
  ~Stack() {
    for (auto it = services_.rbegin(); it != services_.rend(); ++it) it->process.reset();
  }
  Stack(const Stack&) = delete;
  Stack& operator=(const Stack&) = delete;

  Env CommonEnv() const {
    return {{"SOCGOV_JURISDICTION", kJurisdiction},
            {"SOCGOV_REDIS_HOST", "127.0.0.1"},
            {"SOCGOV_REDIS_PORT", std::to_string(redis_->port())},
            {"SOCGOV_NATS_URL", nats_->url()},
            {"SOCGOV_TOKEN_KEY_FILE", key_file_},
            {"SOCGOV_DRAIN_MS", "0"}};
  }

  // Starts (or, after it stopped, restarts) the named service of the manifest. `extra` adds
  // SOCGOV_* settings after the manifest's, e.g. {"SOCGOV_JOINT_REVIEW_REQUIRED", "false"}.
  void Start(const std::string& name, const Env& extra = {}) {
    Service& s = service(name);
    auto env = CommonEnv();
    env.insert(env.end(), s.spec.env.begin(), s.spec.env.end());
    env.insert(env.end(), extra.begin(), extra.end());
    env.emplace_back("SOCGOV_GRPC_LISTEN", addr(name));
    env.emplace_back("SOCGOV_METRICS_LISTEN", "127.0.0.1:" + std::to_string(s.metrics_port));
    s.process = std::make_unique<ChildProcess>(std::vector<std::string>{s.spec.binary},
                                               log_path(name), env);
  }
  void StartRegistration(const Env& extra = {}) { Start("registration", extra); }
  void StartAudit() { Start("audit"); }

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

  // socgovctl with the given role's token and this stack's addresses (SOCGOV_<NAME>_ADDR).
  CommandResult Ctl(const std::string& role, const std::string& args) const {
    std::string cmd = "SOCGOV_TOKEN=" + Token(role);
    for (const auto& s : services_) {
      if (!s.spec.addr_env.empty()) cmd += " " + s.spec.addr_env + "=" + addr(s.spec.name);
    }
    return RunCommand(cmd + " " + SOCGOV_CTL_BIN + " " + args);
  }

  // Every service's log, in the manifest's order (empty for one not started).
  std::string Logs() const {
    std::string out;
    for (const auto& s : services_) {
      if (!out.empty()) out += "\n";
      out += "--- " + s.spec.name + " ---\n" + ReadFile(log_path(s.spec.name));
    }
    return out;
  }

  std::string addr(const std::string& name) const {
    return "127.0.0.1:" + std::to_string(service(name).grpc_port);
  }
  int metrics_port(const std::string& name) const { return service(name).metrics_port; }
  ChildProcess& process(const std::string& name) {
    Service& s = service(name);
    if (!s.process) throw std::logic_error("Stack: " + name + " was not started");
    return *s.process;
  }
  std::string log_path(const std::string& name) const { return dir_.path() + "/" + name + ".log"; }

  std::string reg_addr() const { return addr("registration"); }
  std::string audit_addr() const { return addr("audit"); }
  int reg_metrics_port() const { return metrics_port("registration"); }
  int redis_port() const { return redis_->port(); }
  const std::string& dir() const { return dir_.path(); }
  const std::string& key_file() const { return key_file_; }
  NatsServer& nats() { return *nats_; }
  ChildProcess& registration() { return process("registration"); }
  ChildProcess& audit() { return process("audit"); }

 private:
  struct Service {
    ServiceSpec spec;
    int grpc_port;
    int metrics_port;
    std::unique_ptr<ChildProcess> process;
  };

  Service& service(const std::string& name) {
    return const_cast<Service&>(std::as_const(*this).service(name));
  }
  const Service& service(const std::string& name) const {
    for (const auto& s : services_) {
      if (s.spec.name == name) return s;
    }
    throw std::invalid_argument("Stack: no service " + name + " in " SOCGOV_SERVICES_MANIFEST);
  }

  TempDir dir_;
  std::unique_ptr<RedisServer> redis_;
  std::unique_ptr<NatsServer> nats_;
  std::string key_file_;
  std::vector<Service> services_;  // after nats_ and redis_: destroyed before them
};

}  // namespace socgov::testing
