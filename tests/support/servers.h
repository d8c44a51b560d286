// Real servers for tests: redis-server and nats-server -js started on free loopback ports with
// temporary data folders, and service binaries as child processes. Never 6379/4222 (the Debian
// packages may run system instances there). A server that cannot start is a test failure, never a
// skip: constructors throw std::runtime_error with the server's log tail.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace socgov::testing {

// A loopback TCP port that was free a moment ago (bound to port 0, then released).
int FreePort();

// Polls `cond` every 20 ms until it returns true or `timeout` passes; returns its last result.
bool WaitFor(const std::function<bool()>& cond, std::chrono::milliseconds timeout);

std::string ReadFile(const std::string& path);

// A fresh folder under $TMPDIR (or /tmp), removed recursively on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A child process with stdout+stderr appended to log_path; env entries are added to (or override)
// the parent's environment. The destructor stops it (SIGTERM, then SIGKILL after 5 s).
class ChildProcess {
 public:
  ChildProcess(std::vector<std::string> argv, std::string log_path,
               std::vector<std::pair<std::string, std::string>> env = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  bool running();
  // SIGTERM and wait up to timeout; returns the exit code (128+signal if killed by a signal).
  int Terminate(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  void Kill9();  // SIGKILL and reap
  const std::string& log_path() const { return log_path_; }

 private:
  int Reap(bool block);
  pid_t pid_ = -1;
  int exit_code_ = -1;
  std::string log_path_;
};

// Finds a program on PATH, also looking in /usr/sbin and /sbin; throws when absent.
std::string FindProgram(const std::string& name);

class RedisServer {
 public:
  explicit RedisServer(const std::string& dir);  // starts with appendonly yes, waits for PING
  ~RedisServer();
  int port() const { return port_; }
  std::string host() const { return "127.0.0.1"; }
  void Stop();
  void Start();  // same port and data dir

 private:
  std::string dir_;
  int port_;
  std::unique_ptr<ChildProcess> proc_;
};

// A nats-server configuration file (`-c`) and the environment variables it reads. The file must
// enable JetStream and take its address, ports and store from the variables the harness exports:
// NATS_HOST, NATS_PORT, NATS_HTTP (host:port) and NATS_STORE_DIR, as deploy/k8s/base/nats/nats.conf
// does.
struct NatsConfig {
  std::string file;
  std::vector<std::pair<std::string, std::string>> env;
};

class NatsServer {
 public:
  explicit NatsServer(const std::string& dir);  // -js -sd <dir>/nats, waits for /healthz
  NatsServer(const std::string& dir, NatsConfig config);
  ~NatsServer();
  int port() const { return port_; }
  int monitor_port() const { return monitor_port_; }
  std::string url() const { return "nats://127.0.0.1:" + std::to_string(port_); }
  void Stop();
  void Start();  // same ports and store dir
  // Takes effect at the next Start (e.g. a district restarted with its leaf link cut).
  void set_config(NatsConfig config) { config_ = std::move(config); }

 private:
  std::string dir_;
  NatsConfig config_;
  int port_;
  int monitor_port_;
  std::unique_ptr<ChildProcess> proc_;
};

}  // namespace socgov::testing
