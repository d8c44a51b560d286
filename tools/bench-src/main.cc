// socgov-bench: runs benchmarks.md's phases P0–P5 against a process tree it starts itself and
// writes a JSON report plus the ratio table. Usually invoked as `tools/bench run [--quick]`.
//
//   socgov-bench run [--quick] [--out DIR] [--scale-orgs N] [--scale-events N] [--repeats N]
//                    [--step-seconds S]
#include <sys/utsname.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "phases.h"
#include "report.h"
#include "support/servers.h"

namespace {

using json = nlohmann::json;

std::string FirstLineWith(const std::string& path, const std::string& key) {
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key, 0) == 0) {
      const size_t colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(colon + 2);
    }
  return "";
}

std::string LoadAvg() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

json Machine() {
  utsname u{};
  uname(&u);
  return {{"cpus", sysconf(_SC_NPROCESSORS_ONLN)},
          {"cpu_model", FirstLineWith("/proc/cpuinfo", "model name")},
          {"mem_total", FirstLineWith("/proc/meminfo", "MemTotal")},
          {"kernel", std::string(u.release)},
          {"hostname", std::string(u.nodename)}};
}

std::string UtcNow() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

int Usage() {
  std::cerr << "usage: socgov-bench run [--quick] [--out DIR] [--scale-orgs N] [--scale-events N]"
               " [--repeats N] [--step-seconds S]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  namespace sb = socgov::bench;
  if (argc < 2 || std::string(argv[1]) != "run") return Usage();
  sb::RunConfig cfg;
  std::string out_dir = "bench-out";
  bool scale_orgs_set = false, scale_events_set = false;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    try {
      if (a == "--quick") {
        cfg.quick = true;
      } else if (a == "--out") {
        out_dir = value();
      } else if (a == "--scale-orgs") {
        cfg.scale_orgs = std::stoull(value());
        scale_orgs_set = true;
      } else if (a == "--scale-events") {
        cfg.scale_events = std::stoull(value());
        scale_events_set = true;
      } else if (a == "--repeats") {
        cfg.repeats = std::stoi(value());
      } else if (a == "--step-seconds") {
        cfg.step_s = std::stod(value());
      } else {
        return Usage();
      }
    } catch (const std::exception& e) {
      std::cerr << "socgov-bench: " << e.what() << "\n";
      return Usage();
    }
  }
  if (cfg.quick) {
    cfg.step_s = 1.0;
    cfg.warmup_s = 0.3;
    cfg.repeats = 1;
    cfg.fsync_count = 100;
    if (!scale_orgs_set) cfg.scale_orgs = 3'000;
    if (!scale_events_set) cfg.scale_events = 100'000;
  }
  cfg.tag = std::to_string(std::time(nullptr) % 100000000) + "p" + std::to_string(getpid());

  const sb::Binaries bins{SOCGOV_REGISTRATION_BIN, SOCGOV_AUDIT_BIN, SOCGOV_BENCH_ECHO_BIN};
  std::filesystem::create_directories(out_dir);
  const auto t0 = std::chrono::steady_clock::now();
  json report;
  report["meta"] = {{"started_at", UtcNow()},
                    {"mode", cfg.quick ? "quick" : "full"},
                    {"machine", Machine()},
                    {"loadavg_at_start", LoadAvg()},
                    {"step_seconds", cfg.step_s},
                    {"repeats", cfg.repeats},
                    {"ladder", {{"start_rps", cfg.ladder_start}, {"factor", cfg.ladder_factor}}},
                    {"scale_orgs", cfg.scale_orgs},
                    {"scale_events", cfg.scale_events}};
  int rc = 0;
  try {
    socgov::testing::TempDir work;  // servers' data; removed at the end (the scale stream is big)
    sb::Stack stack(work.path(), bins);
    json phases = sb::RunAllPhases(cfg, stack);
    for (auto& [k, v] : phases.items()) report[k] = v;
  } catch (const std::exception& e) {
    report["error"] = e.what();
    std::cerr << "socgov-bench: " << e.what() << "\n";
    rc = 1;
  }
  report["meta"]["loadavg_at_end"] = LoadAvg();
  report["meta"]["duration_s"] =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::string json_path = out_dir + "/report.json";
  std::ofstream(json_path) << report.dump(2) << "\n";
  std::string table;
  if (report.contains("ratios")) table = sb::RatioTable(report["ratios"]);
  std::ofstream(out_dir + "/summary.md")
      << "Run " << report["meta"]["started_at"].get<std::string>() << " ("
      << report["meta"]["mode"].get<std::string>() << "), "
      << report["meta"]["duration_s"].get<double>() << " s, load average "
      << report["meta"]["loadavg_at_start"].get<std::string>() << " → "
      << report["meta"]["loadavg_at_end"].get<std::string>() << "\n\n"
      << table;
  std::cout << table << "\nreport: " << json_path << "\n";
  return rc;
}
