#include "proc.h"

#include <dirent.h>
#include <stdio.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

namespace socgov::bench {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Fields after the ")" that closes comm (comm may contain spaces): state is field 3.
std::vector<std::string> StatFields(pid_t pid) {
  const std::string s = ReadAll("/proc/" + std::to_string(pid) + "/stat");
  const size_t close = s.rfind(')');
  std::vector<std::string> out;
  if (close == std::string::npos) return out;
  std::istringstream in(s.substr(close + 2));
  for (std::string f; in >> f;) out.push_back(f);
  return out;
}

struct PipeCloser {
  void operator()(FILE* f) const {
    if (f != nullptr) pclose(f);
  }
};

}  // namespace

int64_t ProcessCpuMicros(pid_t pid) {
  const auto f = StatFields(pid);
  if (f.size() < 13) return -1;
  // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after "state" (field 3).
  const long ticks = sysconf(_SC_CLK_TCK);
  const int64_t t = std::stoll(f[11]) + std::stoll(f[12]);
  return t * 1'000'000 / ticks;
}

std::map<std::string, int64_t> SampleCpu(const std::vector<NamedPid>& pids) {
  std::map<std::string, int64_t> out;
  for (const auto& p : pids)
    if (p.pid > 0) out[p.name] = ProcessCpuMicros(p.pid);
  return out;
}

std::map<std::string, double> CpuMicrosPerRequest(const std::map<std::string, int64_t>& before,
                                                  const std::map<std::string, int64_t>& after,
                                                  uint64_t requests) {
  std::map<std::string, double> out;
  double total = 0;
  for (const auto& [name, a] : after) {
    auto it = before.find(name);
    if (it == before.end() || a < 0 || it->second < 0) continue;
    const double v = requests == 0 ? 0.0 : static_cast<double>(a - it->second) / requests;
    out[name] = v;
    total += v;
  }
  out["total"] = total;
  return out;
}

pid_t FindChildByComm(const std::string& comm) {
  const pid_t self = getpid();
  std::unique_ptr<DIR, int (*)(DIR*)> dir(opendir("/proc"), closedir);
  if (!dir) return 0;
  while (dirent* e = readdir(dir.get())) {
    const pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
    if (pid <= 0) continue;
    const auto f = StatFields(pid);
    if (f.size() < 2 || std::atoi(f[1].c_str()) != self) continue;  // f[1] = ppid
    std::string c = ReadAll("/proc/" + std::to_string(pid) + "/comm");
    while (!c.empty() && c.back() == '\n') c.pop_back();
    if (c == comm) return pid;
  }
  return 0;
}

std::map<int, uint64_t> SegmentsOut(pid_t pid, int port) {
  std::map<int, uint64_t> out;
  const std::string cmd =
      "ss -tinpH state established '( dport = :" + std::to_string(port) + " )' 2>/dev/null";
  std::unique_ptr<FILE, PipeCloser> pipe(popen(cmd.c_str(), "r"));
  if (!pipe) return out;
  std::string text;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, pipe.get())) text.append(buf, n);
  // Each socket: a line "... 127.0.0.1:<local> 127.0.0.1:<port> users:((...,pid=N,...))" followed
  // by an indented line of counters.
  static const std::regex kSocket(
      R"(127\.0\.0\.1:(\d+)\s+127\.0\.0\.1:\d+\s+users:\(\(.*pid=(\d+),)");
  static const std::regex kSegs(R"(data_segs_out:(\d+))");
  std::istringstream in(text);
  int local = -1;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, kSocket)) {
      local = std::stoi(m[2]) == pid ? std::stoi(m[1]) : -1;
      if (local < 0) continue;
      out[local] = 0;
    }
    if (local >= 0 && std::regex_search(line, m, kSegs)) {
      out[local] = std::stoull(m[1]);
      local = -1;
    }
  }
  return out;
}

uint64_t SegmentDelta(const std::map<int, uint64_t>& before, const std::map<int, uint64_t>& after,
                      const std::set<int>& exclude) {
  uint64_t sum = 0;
  for (const auto& [port, segs] : after) {
    if (exclude.count(port) != 0) continue;
    auto it = before.find(port);
    const uint64_t b = it == before.end() ? 0 : it->second;
    if (segs >= b) sum += segs - b;
  }
  return sum;
}

}  // namespace socgov::bench
