#include "accounting.h"

#include <sstream>

namespace socgov::bench {
namespace {

std::map<std::string, std::string> ParseInfo(const std::string& text) {
  std::map<std::string, std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t colon = line.find(':');
    if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
    out[line.substr(0, colon)] = line.substr(colon + 1);
  }
  return out;
}

// CLIENT LIST: local port of each client (its "addr" is the client's side) → last command.
std::map<int, std::string> ClientCommands(store::Redis& admin) {
  std::map<int, std::string> out;
  const store::Value v = admin.Command({"CLIENT", "LIST"});
  std::istringstream in(v.str);
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    int port = -1;
    std::string cmd;
    for (std::string f; fields >> f;) {
      if (f.rfind("addr=", 0) == 0) port = std::atoi(f.substr(f.rfind(':') + 1).c_str());
      if (f.rfind("cmd=", 0) == 0) cmd = f.substr(4);
    }
    if (port > 0) out[port] = cmd;
  }
  return out;
}

bool RelayCommand(const std::string& cmd) {
  return (!cmd.empty() && cmd[0] == 'x') || cmd == "exec" || cmd == "multi";
}

}  // namespace

double InfoField(store::Redis& admin, const std::string& section, const std::string& field) {
  const auto info = ParseInfo(admin.Command({"INFO", section}).str);
  auto it = info.find(field);
  return it == info.end() ? 0 : std::atof(it->second.c_str());
}

RedisSnapshot TakeRedisSnapshot(store::Redis& admin, int redis_port, pid_t service_pid) {
  RedisSnapshot s;
  for (const auto& [k, v] : ParseInfo(admin.Command({"INFO", "commandstats"}).str)) {
    // cmdstat_hgetall:calls=3,usec=...
    if (k.rfind("cmdstat_", 0) != 0) continue;
    const size_t at = v.find("calls=");
    if (at != std::string::npos) s.commands[k.substr(8)] = std::stoull(v.substr(at + 6));
  }
  s.reads = static_cast<uint64_t>(InfoField(admin, "stats", "total_reads_processed"));
  if (service_pid > 0) {
    s.segments = SegmentsOut(service_pid, redis_port);
    for (const auto& [port, cmd] : ClientCommands(admin))
      if (s.segments.count(port) != 0 && RelayCommand(cmd)) s.relay_ports.insert(port);
  }
  return s;
}

nlohmann::json RedisPerRequest(const RedisSnapshot& before, const RedisSnapshot& after,
                               uint64_t requests) {
  nlohmann::json j;
  const double n = requests == 0 ? 1.0 : static_cast<double>(requests);
  nlohmann::json cmds = nlohmann::json::object();
  for (const auto& [name, calls] : after.commands) {
    auto it = before.commands.find(name);
    const uint64_t b = it == before.commands.end() ? 0 : it->second;
    // The benchmark's own INFO / CLIENT calls are not the service's work.
    if (calls > b && name != "info" && name != "client|list") cmds[name] = (calls - b) / n;
  }
  j["commands_per_request"] = cmds;
  j["reads_per_request"] = after.reads >= before.reads ? (after.reads - before.reads) / n : 0.0;
  if (!after.segments.empty()) {
    std::set<int> relay = after.relay_ports;
    relay.insert(before.relay_ports.begin(), before.relay_ports.end());
    j["round_trips_per_request"] = SegmentDelta(before.segments, after.segments, relay) / n;
  }
  return j;
}

}  // namespace socgov::bench
