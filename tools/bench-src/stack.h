// The process tree one benchmark run measures (benchmarks.md: "one run, same process tree"):
// redis-server and nats-server -js on free loopback ports (tests/support), the echo baseline, and
// the services as built. Everything is stopped when the Stack is destroyed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "platform/auth/token.h"
#include "platform/store/redis.h"
#include "proc.h"
#include "support/servers.h"

namespace socgov::bench {

struct Binaries {
  std::string registration;
  std::string audit;
  std::string echo;
};

inline constexpr const char* kJurisdiction = "350211";  // 厦门市集美区, as in tools/dev

class Stack {
 public:
  Stack(const std::string& dir, const Binaries& bins);
  ~Stack();
  Stack(const Stack&) = delete;
  Stack& operator=(const Stack&) = delete;

  const std::string& dir() const { return dir_; }
  int redis_port() const { return redis_->port(); }
  std::string nats_url() const { return nats_->url(); }
  std::string echo_addr() const { return "127.0.0.1:" + std::to_string(echo_port_); }
  std::string registration_addr() const { return "127.0.0.1:" + std::to_string(reg_port_); }
  std::string audit_addr() const { return "127.0.0.1:" + std::to_string(audit_port_); }
  pid_t registration_pid() const { return registration_ ? registration_->pid() : 0; }
  pid_t audit_pid() const { return audit_ ? audit_->pid() : 0; }
  pid_t redis_pid() const;
  const std::string& token_key() const { return key_; }

  // A signed bearer token for `role` in `jurisdiction`, valid for a day.
  std::string Token(const std::string& role, const std::string& jurisdiction = kJurisdiction) const;
  // Every process whose CPU a step accounts, with the generator itself as "generator".
  std::vector<NamedPid> Pids() const;
  // A fresh admin connection to the run's Redis (INFO, CONFIG SET, CLIENT LIST).
  std::unique_ptr<store::Redis> Admin() const;

  // Stops the audit consumer (SIGTERM, graceful) while the scale phase loads, and starts it again
  // with the same options; it then resumes from its durable consumer's position.
  void StopAudit();
  void StartAudit();
  // Stops redis-server, starts it again on the same port and data; returns seconds until it
  // answered PING (the AOF is loaded by then).
  double RestartRedis();
  // Waits until registration (and audit unless paused) report readiness SERVING; returns seconds
  // waited, or -1 on timeout.
  double WaitReady(double timeout_s, bool include_audit = true) const;

 private:
  std::string dir_;
  std::string key_;
  std::unique_ptr<testing::RedisServer> redis_;
  std::unique_ptr<testing::NatsServer> nats_;
  int echo_port_ = 0, reg_port_ = 0, audit_port_ = 0;
  std::unique_ptr<testing::ChildProcess> echo_, registration_, audit_;
  std::vector<std::string> audit_argv_;
};

}  // namespace socgov::bench
