// socgovctl commands: one function per "<group> <command>", a table that main dispatches on, and
// the few helpers the commands share (flag parsing, JSON output, status reporting).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "platform/config/config.h"

namespace socgov::ctl {

// Exit codes are part of the CLI contract: scripts branch on them.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;      // RPC failure, NOT_SERVING, unreadable key file
inline constexpr int kExitUsage = 2;        // bad command line
inline constexpr int kExitChainBroken = 3;  // audit verify answered ok=false
inline constexpr int kExitNameTaken = 4;    // reg check-name answered available=false
inline constexpr int kExitDeadLetter = 5;   // dlq retry: the event still does not apply
inline constexpr int kExitDrawMismatch =
    6;  // sup redraw: the local draw differs from the published

// A repeatable flag given several times ("--finding A --finding B") reaches the command as one
// value, the occurrences joined by this separator (RunCommand merges them; Config keeps one value).
inline constexpr char kRepeatSeparator = '\x1f';

// What every command may need from the global flags and environment. Streams are passed in rather
// than written directly so commands can be driven from tests.
struct Context {
  std::string registration_addr;
  std::string supervision_addr;
  std::string audit_addr;
  std::string party_building_addr;
  std::string welfare_venture_addr;
  std::chrono::milliseconds timeout{10000};
  std::string token;  // empty: no authorization metadata is sent
  std::ostream& out;
  std::ostream& err;
  // Progress bars redraw in place on a terminal and print periodic lines otherwise (logs, CI).
  bool err_is_terminal = false;
  // Last, so initializers that predate it stay valid.
  std::string dashboard_addr = "127.0.0.1:50062";
};

using CommandFn = int (*)(const Context& ctx, const config::Config& flags);

struct Command {
  std::string_view group;
  std::string_view name;  // empty for one-word commands (health, reflect)
  std::string_view summary;
  std::vector<config::Option> options;
  // Boolean options that may be given bare ("--all"); Config::Load itself always wants a value.
  std::vector<std::string_view> switches;
  CommandFn run;
  // Options that may be given more than once; their values are joined by kRepeatSeparator.
  std::vector<std::string_view> repeatable = {};
};

// Every command, in the order the usage text lists them.
const std::vector<Command>& Commands();
// The "sup" group (supervision_commands.cc), appended to Commands().
std::vector<Command> SupervisionCommands();
// The "pb" group (party_building_commands.cc), appended after it.
std::vector<Command> PartyBuildingCommands();

// The "wv" group (welfare_venture_cli.cc), appended to Commands().
std::vector<Command> WelfareVentureCommands();

// nullptr when no command matches. For one-word commands `name` is ignored.
const Command* FindCommand(std::string_view group, std::string_view name);
bool IsOneWordGroup(std::string_view group);
bool IsKnownGroup(std::string_view group);

std::string GlobalUsage();
std::string CommandUsage(const Command& command);

// Parses `args` (everything after "<group> [<command>]") and runs the command. Usage errors print
// the message and the command's usage to ctx.err and return kExitUsage.
int RunCommand(const Command& command, const Context& ctx, const std::vector<std::string>& args);

// "30000" → 3000000, "12.5" → 1250, "0.01" → 1. At most two decimals, no sign, no exponent, no
// floating point anywhere; nullopt on junk or int64 overflow.
std::optional<int64_t> ParseYuanToFen(std::string_view yuan);

// Commands.
int TokenMint(const Context& ctx, const config::Config& flags);
int Health(const Context& ctx, const config::Config& flags);
int Reflect(const Context& ctx, const config::Config& flags);
// Registration (registration_commands.cc): one command per RegistrationService RPC.
int RegSubmit(const Context& ctx, const config::Config& flags);
int RegApprove(const Context& ctx, const config::Config& flags);
int RegReject(const Context& ctx, const config::Config& flags);
int RegGetApp(const Context& ctx, const config::Config& flags);
int RegGetOrg(const Context& ctx, const config::Config& flags);
int RegList(const Context& ctx, const config::Config& flags);
int RegSearch(const Context& ctx, const config::Config& flags);
int RegCheckName(const Context& ctx, const config::Config& flags);
int RegApplyEstablishment(const Context& ctx, const config::Config& flags);
int RegExtendPreparation(const Context& ctx, const config::Config& flags);
int RegLapsePreparations(const Context& ctx, const config::Config& flags);
int RegFileCommunity(const Context& ctx, const config::Config& flags);
int RegRemoveFiling(const Context& ctx, const config::Config& flags);
int RegApplyChange(const Context& ctx, const config::Config& flags);
int RegApproveChange(const Context& ctx, const config::Config& flags);
int RegRejectChange(const Context& ctx, const config::Config& flags);
int RegGetChange(const Context& ctx, const config::Config& flags);
int RegRecordArticles(const Context& ctx, const config::Config& flags);
int RegRecordCouncilTerm(const Context& ctx, const config::Config& flags);
int RegExtendCouncilTerm(const Context& ctx, const config::Config& flags);
int RegResolveDissolution(const Context& ctx, const config::Config& flags);
int RegStartLiquidation(const Context& ctx, const config::Config& flags);
int RegApplyCancellation(const Context& ctx, const config::Config& flags);
int RegApproveCancellation(const Context& ctx, const config::Config& flags);
int RegResume(const Context& ctx, const config::Config& flags);
int RegOpenReview(const Context& ctx, const config::Config& flags);
int RegRecordOpinion(const Context& ctx, const config::Config& flags);
int RegConcludeReview(const Context& ctx, const config::Config& flags);
int RegPublishReview(const Context& ctx, const config::Config& flags);
int RegFileReviewResult(const Context& ctx, const config::Config& flags);
int RegGetReview(const Context& ctx, const config::Config& flags);
// Bulk (export.cc, import.cc) and the demo generator (demo.cc).
int RegExport(const Context& ctx, const config::Config& flags);
int RegImport(const Context& ctx, const config::Config& flags);
int DemoJimei(const Context& ctx, const config::Config& flags);
// A supervision year like Jimei's over the loaded register (supervision_demo.cc).
int DemoSupervision(const Context& ctx, const config::Config& flags);
// Jimei's party building over the loaded register (party_building_demo.cc).
int DemoPartyBuilding(const Context& ctx, const config::Config& flags);
// A welfare-venture round like Xinghua's over the loaded register (welfare_venture_demo.cc).
int DemoWelfareVenture(const Context& ctx, const config::Config& flags);
int AuditList(const Context& ctx, const config::Config& flags);
int AuditVerify(const Context& ctx, const config::Config& flags);
// Dead letters of a consuming service (dlq_commands.cc).
int DlqList(const Context& ctx, const config::Config& flags);
int DlqRetry(const Context& ctx, const config::Config& flags);

}  // namespace socgov::ctl
