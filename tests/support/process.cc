// ChildProcess and FindProgram (tests/support/servers.h).
//
// Children are started with posix_spawn (glibc implements it with clone(CLONE_VFORK), so it is safe
// in a multi-threaded test binary and reports exec failures as a return value). The child gets
// stdin from /dev/null, stdout and stderr appended to the log file, an empty signal mask and
// default dispositions for the signals a parent commonly ignores or blocks (gRPC ignores SIGPIPE).
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "support/servers.h"

extern char** environ;

namespace socgov::testing {
namespace {

// The Debian package that provides a program the harness needs, for the error message.
std::string PackageFor(const std::string& name) {
  if (name == "redis-server") return "redis-server";
  if (name == "redis-cli") return "redis-tools";
  if (name == "nats-server") return "nats-server";
  return "";
}

bool IsExecutableFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

std::string ErrnoText(int err) { return std::strerror(err); }

// The parent's environment with `overrides` replacing (or adding) entries, as KEY=VALUE strings.
std::vector<std::string> MergedEnvironment(
    const std::vector<std::pair<std::string, std::string>>& overrides) {
  std::vector<std::string> out;
  auto overridden = [&overrides](const std::string& entry) {
    const auto eq = entry.find('=');
    const std::string key = entry.substr(0, eq);
    for (const auto& [k, v] : overrides) {
      if (k == key) return true;
    }
    return false;
  };
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string entry(*e);
    if (!overridden(entry)) out.push_back(std::move(entry));
  }
  for (const auto& [k, v] : overrides) {
    // A later duplicate key in `overrides` wins: drop an earlier one already added.
    std::erase_if(out, [&k](const std::string& entry) { return entry.rfind(k + "=", 0) == 0; });
    out.push_back(k + "=" + v);
  }
  return out;
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::string FindProgram(const std::string& name) {
  if (name.empty()) throw std::invalid_argument("FindProgram: empty program name");
  if (name.find('/') != std::string::npos) {
    if (IsExecutableFile(name)) return name;
  } else {
    const char* path_env = std::getenv("PATH");
    std::string path = path_env != nullptr ? path_env : "/usr/local/bin:/usr/bin:/bin";
    path += ":/usr/sbin:/sbin";
    size_t start = 0;
    while (start <= path.size()) {
      size_t end = path.find(':', start);
      if (end == std::string::npos) end = path.size();
      std::string dir = path.substr(start, end - start);
      if (dir.empty()) dir = ".";
      const std::string candidate = dir + "/" + name;
      if (IsExecutableFile(candidate)) return candidate;
      start = end + 1;
    }
  }
  std::string message = "program '" + name + "' not found on PATH, /usr/sbin or /sbin";
  const std::string package = PackageFor(name);
  if (!package.empty()) {
    message += "; install the Debian package " + package + " (apt-get install " + package +
               ", or tools/dev setup)";
  }
  throw std::runtime_error(message);
}

ChildProcess::ChildProcess(std::vector<std::string> argv, std::string log_path,
                           std::vector<std::pair<std::string, std::string>> env)
    : log_path_(std::move(log_path)) {
  if (argv.empty()) throw std::invalid_argument("ChildProcess: empty argv");
  const std::string program = FindProgram(argv[0]);

  const int log_fd =
      ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);  // NOLINT
  if (log_fd < 0) {
    throw std::runtime_error("ChildProcess: cannot open log " + log_path_ + ": " +
                             ErrnoText(errno));
  }

  std::vector<std::string> env_strings = MergedEnvironment(env);
  std::vector<char*> c_argv = CStrings(argv);
  std::vector<char*> c_env = CStrings(env_strings);

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, log_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, log_fd, STDERR_FILENO);

  sigset_t empty_mask;
  sigemptyset(&empty_mask);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int sig : {SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGCHLD, SIGUSR1, SIGUSR2}) {
    sigaddset(&defaults, sig);
  }
  posix_spawnattr_setsigmask(&attr, &empty_mask);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, program.c_str(), &actions, &attr, c_argv.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(log_fd);
  if (rc != 0) {
    throw std::runtime_error("ChildProcess: cannot start " + program + ": " + ErrnoText(rc));
  }
  pid_ = pid;
}

ChildProcess::~ChildProcess() {
  try {
    if (running()) Terminate(std::chrono::seconds(5));
  } catch (...) {
    // A destructor must not throw; the child is either gone or will be reaped by init.
  }
}

// Collects the exit status if the child has ended. Returns the exit code (128+signal when killed
// by a signal) once reaped, -1 while it is still running.
int ChildProcess::Reap(bool block) {
  if (pid_ <= 0 || exit_code_ >= 0) return exit_code_;
  int status = 0;
  pid_t r;
  do {
    r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == 0) return -1;  // still running
  if (r < 0) {
    // ECHILD: someone else reaped it (or SIGCHLD is ignored); the code is unknown.
    exit_code_ = 255;
    return exit_code_;
  }
  if (WIFEXITED(status)) {
    exit_code_ = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    exit_code_ = 128 + WTERMSIG(status);
  } else {
    exit_code_ = 255;
  }
  return exit_code_;
}

bool ChildProcess::running() { return pid_ > 0 && Reap(false) < 0; }

int ChildProcess::Terminate(std::chrono::milliseconds timeout) {
  if (!running()) return exit_code_;
  ::kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (Reap(false) < 0) {
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid_, SIGKILL);
      return Reap(true);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return exit_code_;
}

void ChildProcess::Kill9() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  Reap(true);
}

}  // namespace socgov::testing
