// socgovctl: the operator and demo CLI over the socgov gRPC APIs.
//   socgovctl [--registration-addr A] [--supervision-addr A] [--audit-addr A]
//             [--party-building-addr A] [--welfare-venture-addr A] [--timeout-ms N] [--token T]
//             <group> <command> [flags]
// main only reads the global flags and picks the command; the commands live in commands.cc.
#include <unistd.h>

#include <cstdint>
#include <iostream>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "platform/config/config.h"

namespace {

using socgov::config::Config;
using socgov::config::ConfigError;
using socgov::config::Option;
using socgov::ctl::Command;
using socgov::ctl::Context;
using socgov::ctl::FindCommand;
using socgov::ctl::GlobalUsage;
using socgov::ctl::kExitOk;
using socgov::ctl::kExitUsage;

int UsageError(std::string_view message) {
  std::cerr << "socgovctl: " << message << "\n" << GlobalUsage();
  return kExitUsage;
}

bool IsHelp(std::string_view arg) { return arg == "--help" || arg == "-h"; }

}  // namespace

int main(int argc, char** argv) {
  // Option names double as environment names: SOCGOV_REGISTRATION_ADDR, SOCGOV_SUPERVISION_ADDR,
  // SOCGOV_AUDIT_ADDR, SOCGOV_PARTY_BUILDING_ADDR, SOCGOV_WELFARE_VENTURE_ADDR, SOCGOV_TOKEN
  // (prefer the variable: a --token argument is visible to other users in ps).
  const std::vector<Option> options = {
      {"registration-addr", "127.0.0.1:50051", "registration service address"},
      {"supervision-addr", "127.0.0.1:50052", "supervision service address"},
      {"audit-addr", "127.0.0.1:50061", "audit service address"},
      {"party-building-addr", "127.0.0.1:50053", "party-building service address"},
      {"welfare-venture-addr", "127.0.0.1:50054", "welfare-venture service address"},
      {"dashboard-addr", "127.0.0.1:50062", "dashboard service address"},
      {"timeout-ms", "10000", "deadline of each RPC in milliseconds"},
      {"token", "", "bearer token sent as authorization metadata"},
  };

  const std::vector<std::string> args(argv + 1, argv + argc);
  // Global flags end at the first word: the command's own flags (--type, --name, ...) must not
  // reach the global parser, which rejects flags it does not know.
  std::vector<std::string> global_args;
  size_t next = 0;
  while (next < args.size() && args[next].starts_with("-")) {
    const std::string& arg = args[next++];
    if (IsHelp(arg)) {
      std::cout << GlobalUsage();
      return kExitOk;
    }
    global_args.push_back(arg);
    if (arg.find('=') == std::string::npos) {
      if (next >= args.size()) return UsageError(arg + " needs a value");
      global_args.push_back(args[next++]);
    }
  }

  std::vector<const char*> global_argv = {argv[0]};
  for (const std::string& arg : global_args) global_argv.push_back(arg.c_str());
  global_argv.push_back(nullptr);

  std::string registration_addr;
  std::string supervision_addr;
  std::string audit_addr;
  std::string party_building_addr;
  std::string welfare_venture_addr;
  std::string dashboard_addr;
  std::string token;
  int64_t timeout_ms = 0;
  try {
    const Config global =
        Config::Load(options, static_cast<int>(global_argv.size() - 1), global_argv.data());
    if (!global.positional().empty()) {
      return UsageError("unexpected argument \"" + global.positional().front() + "\"");
    }
    registration_addr = global.Get("registration-addr");
    supervision_addr = global.Get("supervision-addr");
    audit_addr = global.Get("audit-addr");
    party_building_addr = global.Get("party-building-addr");
    welfare_venture_addr = global.Get("welfare-venture-addr");
    dashboard_addr = global.Get("dashboard-addr");
    timeout_ms = global.GetInt("timeout-ms", 1, std::numeric_limits<int32_t>::max());
    token = global.Get("token");
  } catch (const ConfigError& e) {
    return UsageError(e.what());
  }
  if (registration_addr.empty()) return UsageError("--registration-addr must not be empty");
  if (supervision_addr.empty()) return UsageError("--supervision-addr must not be empty");
  if (audit_addr.empty()) return UsageError("--audit-addr must not be empty");
  if (party_building_addr.empty()) return UsageError("--party-building-addr must not be empty");
  if (welfare_venture_addr.empty()) return UsageError("--welfare-venture-addr must not be empty");
  if (dashboard_addr.empty()) return UsageError("--dashboard-addr must not be empty");

  if (next >= args.size()) return UsageError("missing command");
  const std::string& group = args[next++];
  if (group == "help") {
    std::cout << GlobalUsage();
    return kExitOk;
  }
  if (!socgov::ctl::IsKnownGroup(group)) return UsageError("unknown command \"" + group + "\"");

  const Command* command = nullptr;
  if (socgov::ctl::IsOneWordGroup(group)) {
    command = FindCommand(group, "");
  } else {
    if (next >= args.size() || IsHelp(args[next])) {
      if (next < args.size()) {
        std::cout << GlobalUsage();
        return kExitOk;
      }
      return UsageError("missing command after \"" + group + "\"");
    }
    const std::string& name = args[next++];
    command = FindCommand(group, name);
    if (command == nullptr) return UsageError("unknown command \"" + group + " " + name + "\"");
  }

  const Context ctx{
      .registration_addr = registration_addr,
      .supervision_addr = supervision_addr,
      .audit_addr = audit_addr,
      .party_building_addr = party_building_addr,
      .welfare_venture_addr = welfare_venture_addr,
      .timeout = std::chrono::milliseconds(timeout_ms),
      .token = token,
      .out = std::cout,
      .err = std::cerr,
      .err_is_terminal = isatty(STDERR_FILENO) == 1,
      .dashboard_addr = dashboard_addr,
  };
  return socgov::ctl::RunCommand(*command, ctx,
                                 std::vector<std::string>(args.begin() + next, args.end()));
}
