// socgov-bench-check REPORT.json: exit 0 when the report is well-formed and has every phase. Used
// by the `bench` ctest after `tools/bench run --quick`; it never looks at a timing.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: socgov-bench-check REPORT.json\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  nlohmann::json r;
  try {
    r = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    std::cerr << "not JSON: " << e.what() << "\n";
    return 1;
  }
  std::vector<std::string> problems;
  auto need = [&](const nlohmann::json& j, const std::string& path) {
    const nlohmann::json::json_pointer p(path);
    if (!j.contains(p)) problems.push_back("missing " + path);
  };
  if (r.contains("error")) problems.push_back("run failed: " + r["error"].dump());
  for (const char* p :
       {"/meta/machine", "/meta/duration_s", "/P0_disk/fsync/p99_us", "/P1_echo/sweep/mst_rps",
        "/P2_raw/lua_script/sweep", "/P2_raw/jetstream_publish_receive/steps",
        "/P2_raw/nats_request_reply/steps", "/P3_rpcs/create_org/mst_rps",
        "/P3_rpcs/get_org/sweep/mst_rps", "/P3_rpcs/list_orgs/sweep/mst_rps",
        "/P3d_durable/create_org/mst_rps", "/P3d_durable/submit_application/mst_rps",
        "/P3d_durable/at_half_mst", "/P4_events/steps", "/P5_scale/redis/used_memory_after_load",
        "/P5_scale/restart", "/P5_scale/get_org/at_scale", "/P5_scale/events/raw_fetch", "/ratios"})
    need(r, p);
  if (r.contains("P4_events") && r["P4_events"]["steps"].size() != 3)
    problems.push_back("P4_events: expected 3 steps");
  if (r.contains("ratios")) {
    if (!r["ratios"].is_array() || r["ratios"].empty()) problems.push_back("ratios: empty");
    for (const auto& row : r["ratios"])
      for (const char* k : {"metric", "value", "baseline", "ratio", "target", "met"})
        if (!row.contains(k)) problems.push_back(std::string("ratio row without ") + k);
  }
  for (const auto& p : problems) std::cerr << p << "\n";
  if (problems.empty()) std::cout << "report well-formed: " << r["ratios"].size() << " ratios\n";
  return problems.empty() ? 0 : 1;
}
