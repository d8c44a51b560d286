// Test servers (tests/support/servers.h): redis-server and nats-server -js on free loopback ports.
//
// Files in the data folder `dir`:
//   redis-server.out, nats-server.out   the child's stdout+stderr (early start-up errors)
//   redis.log, nats.log                 the servers' own logs
//   appendonlydir/                      Redis AOF (appendonly yes, appendfsync always)
//   nats/jetstream/                     JetStream file store
// Readiness: Redis answers PING with PONG (hiredis); nats-server answers HTTP 200 on
// /healthz?js-enabled-only=true of its monitor port (a raw-socket GET, no curl). Both within 10 s.
#include "support/servers.h"

#include <arpa/inet.h>
#include <hiredis/hiredis.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace socgov::testing {
namespace {

constexpr auto kReadyTimeout = std::chrono::seconds(10);
constexpr int kStartAttempts = 3;  // fresh ports when a port was taken between FreePort and bind

// Ports that system instances of the Debian packages may hold.
bool Reserved(int port) { return port == 6379 || port == 4222 || port == 8222; }

// The last `max_lines` lines of a file ("" when it cannot be read).
std::string Tail(const std::string& path, size_t max_lines = 40) {
  const std::string text = ReadFile(path);
  size_t pos = text.size();
  if (pos > 0 && text[pos - 1] == '\n') --pos;
  size_t lines = 0;
  while (pos > 0) {
    if (text[pos - 1] == '\n' && ++lines == max_lines) break;
    --pos;
  }
  return text.substr(pos);
}

std::string LogTails(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& path : paths) {
    out += "\n--- tail of " + path + " ---\n" + Tail(path);
  }
  return out;
}

bool MentionsPortInUse(const std::vector<std::string>& paths) {
  for (const auto& path : paths) {
    const std::string text = ReadFile(path);
    if (text.find("already in use") != std::string::npos) return true;
  }
  return false;
}

// True when Redis on 127.0.0.1:port answers PING with PONG.
bool PingRedis(int port) {
  timeval tv{0, 500 * 1000};
  redisContext* c = redisConnectWithTimeout("127.0.0.1", port, tv);
  if (c == nullptr) return false;
  bool ok = false;
  if (c->err == 0 && redisSetTimeout(c, tv) == REDIS_OK) {
    auto* reply = static_cast<redisReply*>(redisCommand(c, "PING"));
    if (reply != nullptr) {
      ok = reply->type == REDIS_REPLY_STATUS && std::string(reply->str, reply->len) == "PONG";
      freeReplyObject(reply);
    }
  }
  redisFree(c);
  return ok;
}

// HTTP/1.0 GET http://127.0.0.1:port<target>; returns the status code, or -1 on any failure.
int HttpGetStatus(int port, const std::string& target) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  timeval tv{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int status = -1;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    const std::string request = "GET " + target +
                                " HTTP/1.0\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                "\r\nConnection: close\r\n\r\n";
    size_t sent = 0;
    while (sent < request.size()) {
      const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    std::string response;
    char buf[1024];
    while (sent == request.size() && response.find("\r\n") == std::string::npos &&
           response.size() < 8192) {
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      response.append(buf, static_cast<size_t>(n));
    }
    // "HTTP/1.1 200 OK"
    if (response.rfind("HTTP/1.", 0) == 0 && response.size() >= 12 && response[8] == ' ') {
      const std::string code = response.substr(9, 3);
      if (code.find_first_not_of("0123456789") == std::string::npos) status = std::stoi(code);
    }
  }
  ::close(fd);
  return status;
}

}  // namespace

int FreePort() {
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error(std::string("FreePort: socket: ") + std::strerror(errno));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = 0;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = -1;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      port = ntohs(addr.sin_port);
    }
    const int err = errno;
    ::close(fd);
    if (port < 0) throw std::runtime_error(std::string("FreePort: bind: ") + std::strerror(err));
    if (!Reserved(port)) return port;
  }
  throw std::runtime_error("FreePort: no usable port");
}

bool WaitFor(const std::function<bool()>& cond, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (cond()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// The whole file; "" when it does not exist or cannot be read.
std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = (base != nullptr && *base != '\0') ? base : "/tmp";
  pattern += "/socgov-test-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (::mkdtemp(buf.data()) == nullptr) {
    throw std::runtime_error("TempDir: mkdtemp(" + pattern + "): " + std::strerror(errno));
  }
  path_ = buf.data();
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

// ---- RedisServer
// ---------------------------------------------------------------------------------

RedisServer::RedisServer(const std::string& dir) : dir_(dir), port_(0) {
  for (int attempt = 1;; ++attempt) {
    port_ = FreePort();
    try {
      Start();
      return;
    } catch (const std::runtime_error&) {
      if (attempt >= kStartAttempts ||
          !MentionsPortInUse({dir_ + "/redis.log", dir_ + "/redis-server.out"})) {
        throw;
      }
    }
  }
}

RedisServer::~RedisServer() {
  try {
    Stop();
  } catch (...) {
  }
}

void RedisServer::Start() {
  if (proc_ && proc_->running()) return;
  const std::string out = dir_ + "/redis-server.out";
  const std::string log = dir_ + "/redis.log";
  proc_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{"redis-server", "--bind", "127.0.0.1", "--port",
                               std::to_string(port_), "--save", "", "--appendonly", "yes",
                               "--appendfsync", "always", "--dir", dir_, "--logfile", log,
                               "--daemonize", "no"},
      out);
  const bool ready =
      WaitFor([this] { return !proc_->running() || PingRedis(port_); }, kReadyTimeout);
  if (ready && proc_->running()) return;

  std::string what = "redis-server on 127.0.0.1:" + std::to_string(port_);
  if (proc_->running()) {
    what += " did not answer PING within 10 s";
    proc_->Kill9();
  } else {
    what += " exited with code " + std::to_string(proc_->Terminate());
  }
  proc_.reset();
  throw std::runtime_error(what + LogTails({log, out}));
}

void RedisServer::Stop() {
  if (!proc_) return;
  proc_->Terminate();
  proc_.reset();
}

// ---- NatsServer
// ----------------------------------------------------------------------------------

NatsServer::NatsServer(const std::string& dir) : NatsServer(dir, NatsConfig{}) {}

NatsServer::NatsServer(const std::string& dir, NatsConfig config)
    : dir_(dir), config_(std::move(config)), port_(0), monitor_port_(0) {
  for (int attempt = 1;; ++attempt) {
    port_ = FreePort();
    do {
      monitor_port_ = FreePort();
    } while (monitor_port_ == port_);
    try {
      Start();
      return;
    } catch (const std::runtime_error&) {
      if (attempt >= kStartAttempts ||
          !MentionsPortInUse({dir_ + "/nats.log", dir_ + "/nats-server.out"})) {
        throw;
      }
    }
  }
}

NatsServer::~NatsServer() {
  try {
    Stop();
  } catch (...) {
  }
}

void NatsServer::Start() {
  if (proc_ && proc_->running()) return;
  const std::string out = dir_ + "/nats-server.out";
  const std::string log = dir_ + "/nats.log";
  std::vector<std::string> argv{"nats-server", "-l", log};
  auto env = config_.env;
  if (config_.file.empty()) {
    argv.insert(argv.end(), {"-a", "127.0.0.1", "-p", std::to_string(port_), "-m",
                             std::to_string(monitor_port_), "-js", "-sd", dir_ + "/nats"});
  } else {
    // nats-server refuses -sd next to a store_dir in the file, so the file gets it all by env.
    argv.insert(argv.end(), {"-c", config_.file});
    env.insert(env.end(), {{"NATS_HOST", "127.0.0.1"},
                           {"NATS_PORT", std::to_string(port_)},
                           {"NATS_HTTP", "127.0.0.1:" + std::to_string(monitor_port_)},
                           {"NATS_STORE_DIR", dir_ + "/nats"}});
  }
  proc_ = std::make_unique<ChildProcess>(std::move(argv), out, std::move(env));
  // On a restart with existing JetStream data the first probes fail while streams are recovered.
  const bool ready = WaitFor(
      [this] {
        return !proc_->running() ||
               HttpGetStatus(monitor_port_, "/healthz?js-enabled-only=true") == 200;
      },
      kReadyTimeout);
  if (ready && proc_->running()) return;

  std::string what = "nats-server on 127.0.0.1:" + std::to_string(port_) + " (monitor " +
                     std::to_string(monitor_port_) + ")";
  if (proc_->running()) {
    what += " did not report healthy with JetStream within 10 s";
    proc_->Kill9();
  } else {
    what += " exited with code " + std::to_string(proc_->Terminate());
  }
  proc_.reset();
  throw std::runtime_error(what + LogTails({log, out}));
}

void NatsServer::Stop() {
  if (!proc_) return;
  proc_->Terminate();
  proc_.reset();
}

}  // namespace socgov::testing
