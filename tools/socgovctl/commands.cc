#include "commands.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "cli.h"
#include "dashboard_cli.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "platform/auth/token.h"
#include "platform/util/clock.h"
#include "socgov/audit/v1/audit_service.grpc.pb.h"

namespace socgov::ctl {
namespace {

namespace auditpb = ::socgov::audit::v1;
namespace healthpb = ::grpc::health::v1;
namespace reflectionpb = ::grpc::reflection::v1alpha;

using config::Config;
using config::ConfigError;
using config::Option;

// Validated locally so a typo is a usage error instead of a round trip; the original text is sent.
const std::string& OptionalRfc3339(const Config& flags, const std::string& name) {
  const std::string& value = flags.Get(name);
  if (!value.empty() && !ParseRfc3339(value)) {
    throw ConfigError("--" + name + " must be an RFC 3339 time, got \"" + value + "\"");
  }
  return value;
}

std::unique_ptr<auditpb::AuditService::Stub> AuditStub(const Context& ctx) {
  return auditpb::AuditService::NewStub(Dial(ctx.audit_addr));
}

// Probes default to the registration service, the one every demo starts with.
const std::string& ProbeAddr(const Context& ctx, const Config& flags) {
  const std::string& addr = flags.Get("addr");
  return addr.empty() ? ctx.registration_addr : addr;
}

// ---- usage -----------------------------------------------------------------------------------

std::string CommandPath(const Command& command) {
  std::string path(command.group);
  if (!command.name.empty()) path += " " + std::string(command.name);
  return path;
}

bool Lists(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Config::Load wants a value after every flag, so bare switches become "--name=true" first.
std::vector<std::string> NormalizeSwitches(const Command& command,
                                           const std::vector<std::string>& args) {
  std::vector<std::string> normalized;
  normalized.reserve(args.size());
  for (const std::string& arg : args) {
    const bool bare_switch =
        arg.starts_with("--") && Lists(command.switches, std::string_view(arg).substr(2));
    normalized.push_back(bare_switch ? arg + "=true" : arg);
  }
  return normalized;
}

// Config::Load keeps the last value of a flag, so the occurrences of a repeatable one become a
// single "--name=v1<sep>v2" where the first stood. A flag without its value is left for Config
// to report.
std::vector<std::string> MergeRepeatable(const Command& command, std::vector<std::string> args) {
  if (command.repeatable.empty()) return args;
  std::vector<std::string> merged;
  std::map<std::string, size_t, std::less<>> first;  // flag name → its index in merged
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      merged.insert(merged.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
      break;
    }
    const size_t eq = arg.find('=');
    const std::string name = arg.starts_with("--") ? arg.substr(2, eq - 2) : "";
    const bool has_next = i + 1 < args.size() && !args[i + 1].starts_with("--");
    if (name.empty() || !Lists(command.repeatable, name) ||
        (eq == std::string::npos && !has_next)) {
      merged.push_back(arg);
      continue;
    }
    const std::string value = eq != std::string::npos ? arg.substr(eq + 1) : args[++i];
    if (auto it = first.find(name); it != first.end()) {
      merged[it->second] += kRepeatSeparator + value;
    } else {
      first.emplace(name, merged.size());
      merged.push_back("--" + name + "=" + value);
    }
  }
  return merged;
}

std::vector<std::string> NormalizeArgs(const Command& command,
                                       const std::vector<std::string>& args) {
  return MergeRepeatable(command, NormalizeSwitches(command, args));
}

std::vector<Command> Concat(std::vector<Command> first, std::vector<Command> second) {
  first.insert(first.end(), std::make_move_iterator(second.begin()),
               std::make_move_iterator(second.end()));
  return first;
}

// Options most registration commands share.
const Option kVersion{"version", "", "version the caller saw (default: the current one)"};
const Option kRequestId{"request-id", "", "idempotency key (default: a new UUIDv7)"};

Option Id(const std::string& what) { return {"id", "", what + " (required)"}; }

Option Output(const std::string& id_meaning) {
  return {"output", "json", "json | id (" + id_meaning + ")"};
}

}  // namespace

// ---- table -----------------------------------------------------------------------------------

const std::vector<Command>& Commands() {
  static const std::vector<Command> kBase = {
      {"token",
       "mint",
       "mint a bearer token (HS256) from a key file",
       {{"key-file", "", "file holding the signing key (required)"},
        {"subject", "", "token subject, e.g. clerk.jimei.01 (required)"},
        {"roles", "", "comma-separated roles, e.g. clerk,registrar (required)"},
        {"jurisdiction", "", "6-digit GB/T 2260 code (required)"},
        {"ttl-hours", "12", "lifetime in hours"}},
       {},
       TokenMint},
      {"health",
       "",
       "gRPC health check; exit 0 only when SERVING",
       {{"addr", "", "host:port to probe (default: the registration address)"},
        {"service", "", "health service name: \"\", readiness or liveness"}},
       {},
       Health},
      {"reflect",
       "",
       "list services via grpc.reflection.v1alpha",
       {{"addr", "", "host:port to probe (default: the registration address)"}},
       {},
       Reflect},
      // Applications: establishment, and a social group's preparation before it (REG-04).
      {"reg",
       "submit",
       "submit an application (social groups: preparation unless --stage establishment)",
       {{"type", "", "social-group | social-service | foundation (required)"},
        {"name", "", "organization name (required)"},
        {"domicile", "", "domicile address (required)"},
        {"legal-rep-name", "", "legal representative's name (required)"},
        {"legal-rep-id", "", "legal representative's GB 11643 ID number (required)"},
        {"funds-yuan", "", "funds in yuan, at most 2 decimals, e.g. 30000 or 12.5 (required)"},
        {"scope", "", "business scope (required)"},
        {"jurisdiction", "", "6-digit code of the registration authority (required)"},
        {"individual-members", "0", "individual members (social groups)"},
        {"unit-members", "0", "unit members (social groups)"},
        {"supervisory-unit", "", "业务主管单位; empty for direct registration"},
        {"social-service-form", "", "legal-person | partnership | individual (social services)"},
        {"foundation-kind", "", "public | non-public (foundations)"},
        {"funds-in-cash", "false", "original fund received in cash (foundations); may be bare"},
        {"stage", "", "preparation | establishment (default: by type)"},
        kRequestId,
        Output("the application id")},
       {"funds-in-cash"},
       RegSubmit},
      {"reg",
       "approve",
       "approve an application (a preparation, or registering the organization)",
       {Id("application id"), kVersion, kRequestId,
        Output("the organization id; the application id for a preparation")},
       {},
       RegApprove},
      {"reg",
       "reject",
       "reject an application",
       {Id("application id"),
        {"reason", "", "reason shown to the applicant (required)"},
        kVersion,
        kRequestId},
       {},
       RegReject},
      {"reg",
       "apply-establishment",
       "after the founding meeting, apply to establish an approved preparation",
       {Id("application id (PREP_APPROVED)"),
        {"founding-meeting-on", "", "day of the founding meeting, YYYY-MM-DD (required)"},
        {"individual-members", "0", "individual members as established"},
        {"unit-members", "0", "unit members as established"},
        {"funds-yuan", "", "activity funds in yuan (required)"},
        {"review-id", "", "passed joint review (default: the server finds it)"},
        kVersion,
        kRequestId,
        Output("the application id")},
       {},
       RegApplyEstablishment},
      {"reg",
       "extend-preparation",
       "grant the one preparation extension (REG-05)",
       {Id("application id (PREP_APPROVED)"),
        {"reason", "", "justification (required)"},
        kVersion,
        kRequestId},
       {},
       RegExtendPreparation},
      {"reg",
       "lapse-preparations",
       "lapse every preparation past its founding deadline",
       {Output("the lapsed application ids, one per line")},
       {},
       RegLapsePreparations},
      {"reg", "get-app", "read one application", {Id("application id")}, {}, RegGetApp},
      // Organizations: read, list, search, names.
      {"reg",
       "get-org",
       "read one organization",
       {Id("credit code or filing number")},
       {},
       RegGetOrg},
      {"reg",
       "list",
       "list organizations",
       {{"type", "", "social-group | social-service | foundation | community"},
        {"status", "", "active | filed | cancelled | ... (see README)"},
        {"jurisdiction", "", "only within this jurisdiction code"},
        {"page-size", "0", "page size (0: server default)"},
        {"page-token", "", "token from a previous page"},
        {"all", "false", "follow next_page_token; one organization per line; may be bare"}},
       {"all"},
       RegList},
      {"reg",
       "search",
       "search organizations by name fragment or code",
       {{"name-contains", "", "only names containing this text, e.g. 养老"},
        {"code", "", "only the organization with this credit code or filing number"},
        {"type", "", "social-group | social-service | foundation | community"},
        {"status", "", "active | filed | cancelled | ... (see README)"},
        {"jurisdiction", "", "only within this jurisdiction code"},
        {"page-size", "0", "page size (0: server default)"},
        {"page-token", "", "token from a previous page"},
        {"all", "false", "follow next_page_token; one organization per line; may be bare"},
        Output("one credit code or filing number per line")},
       {"all"},
       RegSearch},
      {"reg",
       "check-name",
       "check a proposed name (REG-03, names in use); exit 4 when not available",
       {{"name", "", "proposed name (required)"},
        {"type", "", "social-group | social-service | foundation | community (required)"},
        {"jurisdiction", "", "registration authority (default: the deployment's)"}},
       {},
       RegCheckName},
      // Community organizations (社区社会组织): filed, not registered.
      {"reg",
       "file-community",
       "file a community organization with its street office or township",
       {{"name", "", "name, e.g. 集美区侨英街道叶厝社区夕阳红志愿服务队 (required)"},
        {"domicile", "", "domicile address (required)"},
        {"legal-rep-name", "", "responsible person's name (required)"},
        {"legal-rep-id", "", "responsible person's GB 11643 ID number (required)"},
        {"funds-yuan", "0", "funds in yuan"},
        {"scope", "", "activities (required)"},
        {"jurisdiction", "", "6-digit code of the registration authority (required)"},
        {"community-form", "", "membership (≥ 10 members) | service (≥ 3 staff) (required)"},
        {"individual-members", "0", "members"},
        {"unit-members", "0", "unit members"},
        {"staff", "0", "full- and part-time staff"},
        {"filed-with", "", "street office or township, e.g. 侨英街道 (required)"},
        kRequestId,
        Output("the filing number")},
       {},
       RegFileCommunity},
      {"reg",
       "remove-filing",
       "remove a community organization's filing",
       {Id("filing number"),
        {"reason", "", "why, e.g. 长期不活跃 (required)"},
        kVersion,
        kRequestId},
       {},
       RegRemoveFiling},
      // Change registration (REG-12).
      {"reg",
       "apply-change",
       "apply to change registered items; only the items given change",
       {Id("credit code"),
        {"name", "", "new name"},
        {"domicile", "", "new domicile"},
        {"legal-rep-name", "", "new legal representative (needs --legal-rep-id)"},
        {"legal-rep-id", "", "new legal representative's ID number"},
        {"scope", "", "new business scope"},
        {"funds-yuan", "", "new funds in yuan"},
        {"supervisory-unit", "", "new supervisory unit"},
        {"direct-registration", "false", "no supervisory unit any more; may be bare"},
        {"consented-on", "", "day of consent or internal resolution, YYYY-MM-DD (required)"},
        {"review-id", "", "passed review of a new legal representative (REG-20)"},
        kVersion,
        kRequestId,
        Output("the change id")},
       {"direct-registration"},
       RegApplyChange},
      {"reg",
       "approve-change",
       "approve a change application",
       {Id("change id"), kVersion, kRequestId, Output("the organization id")},
       {},
       RegApproveChange},
      {"reg",
       "reject-change",
       "reject a change application",
       {Id("change id"), {"reason", "", "why (required)"}, kVersion, kRequestId},
       {},
       RegRejectChange},
      {"reg", "get-change", "read one change application", {Id("change id")}, {}, RegGetChange},
      // Articles and council terms.
      {"reg",
       "record-articles",
       "record a newly approved version of the articles (PB-09)",
       {Id("credit code"),
        {"approved-on", "", "day the registry approved the text, YYYY-MM-DD (required)"},
        {"party-building-clause", "false", "the text has the party-building clause; may be bare"},
        {"party-leading-organ", "", "党建领导机关 named in the text"},
        {"text-sha256", "", "SHA-256 of the approved text (or --text-file)"},
        {"text-file", "", "the approved text, hashed here"},
        kVersion,
        kRequestId},
       {"party-building-clause"},
       RegRecordArticles},
      {"reg",
       "record-council-term",
       "record a new council term after a re-election (TE-01)",
       {Id("credit code"),
        {"start", "", "first day, YYYY-MM-DD (required)"},
        {"end", "", "last day, YYYY-MM-DD, 4 to 5 years later (required)"},
        {"review-id", "", "passed joint review of the elected (REG-20)"},
        kVersion,
        kRequestId},
       {},
       RegRecordCouncilTerm},
      {"reg",
       "extend-council-term",
       "record an approved postponement of the re-election (at most a year)",
       {Id("credit code"),
        {"until", "", "new last day, YYYY-MM-DD (required)"},
        {"reason", "", "council resolution, approvals (required)"},
        kVersion,
        kRequestId},
       {},
       RegExtendCouncilTerm},
      // Dissolution → liquidation → cancellation (注销), and resumption after a suspension.
      {"reg",
       "resolve-dissolution",
       "record the resolution to dissolve (REG-14)",
       {Id("credit code"),
        {"ground", "", "purpose-completed | self-dissolution | split-or-merger | other (required)"},
        {"resolved-on", "", "day of the internal resolution, YYYY-MM-DD (required)"},
        {"consented-on", "", "day of the supervisory unit's consent, YYYY-MM-DD"},
        kVersion,
        kRequestId},
       {},
       RegResolveDissolution},
      {"reg",
       "start-liquidation",
       "record that liquidation started (REG-15)",
       {Id("credit code"),
        {"group", "", "liquidation group members, comma-separated (required)"},
        kVersion,
        kRequestId},
       {},
       RegStartLiquidation},
      {"reg",
       "apply-cancellation",
       "apply for cancellation (注销) after liquidation (REG-16)",
       {Id("credit code"),
        {"liquidation-ended-on", "", "last day of liquidation, YYYY-MM-DD (required)"},
        {"audit-report-received", "false", "liquidation audit report received; may be bare"},
        {"residual-assets", "", "how residual assets went to public benefit (required)"},
        kVersion,
        kRequestId},
       {"audit-report-received"},
       RegApplyCancellation},
      {"reg",
       "approve-cancellation",
       "approve the cancellation: the organization is CANCELLED",
       {Id("credit code"),
        {"certificate-and-seals-collected", "false",
         "certificate, seals and vouchers collected; may be bare"},
        kVersion,
        kRequestId},
       {"certificate-and-seals-collected"},
       RegApproveCancellation},
      {"reg",
       "resume",
       "lift a suspension after its period and the rectification report",
       {Id("credit code"),
        {"rectification-received-on", "", "day the report was received, YYYY-MM-DD (required)"},
        kVersion,
        kRequestId},
       {},
       RegResume},
      // Joint reviews of responsible persons (负责人联审, REG-20/21/22).
      {"reg",
       "open-review",
       "open a joint review of nominated responsible persons",
       {{"subject", "", "credit code, or the application id before establishment (required)"},
        {"trigger", "", "establishment | reelection | midterm-change | change (required)"},
        {"nominees", "",
         "NAME:ID:POST[:retired-cadre][:other-posts=N][:terms-served=N], comma-separated "
         "(required)"},
        {"departments", "", "comma-separated (default: the deployment's list)"},
        {"answer-days", "0", "days each department has (0: the deployment's default)"},
        kRequestId,
        Output("the review id")},
       {},
       RegOpenReview},
      {"reg",
       "record-opinion",
       "record one department's opinion",
       {Id("review id"),
        {"department", "", "one of the review's departments (required)"},
        {"opinion", "", "no-objection | objection (required)"},
        {"comment", "", "remarks; required for an objection"},
        kVersion,
        kRequestId},
       {},
       RegRecordOpinion},
      {"reg",
       "conclude-review",
       "conclude a review once every department answered or its deadline passed",
       {Id("review id"), kVersion, kRequestId},
       {},
       RegConcludeReview},
      {"reg",
       "publish-review",
       "start the pre-appointment publicity (任前公示) of a passed review",
       {Id("review id"),
        {"from", "", "first day, YYYY-MM-DD (required)"},
        {"until", "", "last day, YYYY-MM-DD, at least 5 days of publicity (required)"},
        kVersion,
        kRequestId},
       {},
       RegPublishReview},
      {"reg",
       "file-review-result",
       "file the election or appointment result of a passed review (一备)",
       {Id("review id"),
        {"elected-on", "", "day of the election, YYYY-MM-DD (required)"},
        kVersion,
        kRequestId},
       {},
       RegFileReviewResult},
      {"reg", "get-review", "read one review case", {Id("review id")}, {}, RegGetReview},
      // Bulk.
      {"reg",
       "export",
       "write every organization's public fields as CSV or JSONL (progress on stderr)",
       {{"format", "", "csv | jsonl (required)"},
        {"out", "", "file to write; FILE.tmp until complete (required)"},
        {"type", "", "social-group | social-service | foundation | community"},
        {"status", "", "active | filed | cancelled | ... (see README)"},
        {"jurisdiction", "", "only within this jurisdiction code"},
        {"name-contains", "", "only names containing this text"}},
       {},
       RegExport},
      {"reg",
       "import",
       "load organizations from JSONL through the RPCs; re-running resumes",
       {{"file", "", "JSONL file, one organization per line (required)"},
        {"jurisdiction", "", "for lines without one"},
        {"parallel", "4", "lines imported at the same time (1..16)"}},
       {},
       RegImport},
      {"demo",
       "jimei",
       "write the Jimei (350211) demo as import JSONL (deterministic, no network)",
       {{"out", "", "file to write (required)"},
        {"social-groups", "83", "social groups (社会团体)"},
        {"social-services", "201", "social service organizations (民办非企业单位)"},
        {"community", "606", "filed community organizations (社区社会组织)"}},
       {},
       DemoJimei},
      {"demo",
       "supervision",
       "run a supervision year like Jimei's over the loaded register (re-running resumes)",
       {{"tokens-dir", "",
         "directory of <role>.jwt tokens: inspector, enforcement_officer, "
         "public, viewer (required)"},
        {"year", "2026", "the year supervised"},
        {"jurisdiction", "350211", "the district whose register is supervised"}},
       {},
       DemoSupervision},
      {"demo",
       "party-building",
       "build Jimei's party organizations over the loaded register (re-running resumes)",
       {{"tokens-dir", "",
         "directory of <role>.jwt tokens: party_work_officer, registrar, viewer (required)"},
        {"year", "2026", "the year of the activities, evaluations and awards"},
        {"jurisdiction", "350211", "the district whose register is used"}},
       {},
       DemoPartyBuilding},
      {"demo",
       "welfare-venture",
       "run a welfare-venture round like Xinghua's over the loaded register (re-running resumes)",
       {{"tokens-dir", "",
         "directory of <role>.jwt tokens: venture_officer, expert, viewer (required)"},
        {"expert-id", "expert.jimei", "subject of the expert token (tools/dev: expert.jimei)"},
        {"jurisdiction", "350211", "the district whose round it is"}},
       {},
       DemoWelfareVenture},
      {"audit",
       "list",
       "list audit records, oldest first",
       {{"aggregate", "", "aggregate id"},
        {"type", "", "event type"},
        {"actor", "", "actor subject"},
        {"from", "", "occurred at or after (RFC 3339)"},
        {"to", "", "occurred before (RFC 3339)"},
        {"page-size", "0", "page size (0: server default)"},
        {"page-token", "", "token from a previous page"}},
       {},
       AuditList},
      {"audit",
       "verify",
       "recompute the audit hash chain; exit 3 when broken",
       {},
       {},
       AuditVerify},
      {"dlq",
       "list",
       "list a service's dead letters (events its consumers did not apply), oldest first",
       {{"service", "registration", "registration | audit (its address from the global flags)"},
        {"addr", "", "host:port of any socgov service instead of --service"},
        {"route", "", "only this consumer route (e.g. penalties, record-registration)"},
        {"page-size", "0", "page size (0: 50)"},
        {"page-token", "", "token from a previous page"}},
       {},
       DlqList},
      {"dlq",
       "retry",
       "re-drive one dead letter through its consumer; exit 5 when it still does not apply",
       {{"service", "registration", "registration | audit (its address from the global flags)"},
        {"addr", "", "host:port of any socgov service instead of --service"},
        Id("dead-letter id, from dlq list")},
       {},
       DlqRetry},
  };
  static const std::vector<Command> kCommands =
      Concat(Concat(Concat(Concat(kBase, SupervisionCommands()), PartyBuildingCommands()),
                    WelfareVentureCommands()),
             DashboardCommands());
  return kCommands;
}

const Command* FindCommand(std::string_view group, std::string_view name) {
  for (const Command& command : Commands()) {
    if (command.group != group) continue;
    if (command.name.empty() || command.name == name) return &command;
  }
  return nullptr;
}

bool IsOneWordGroup(std::string_view group) {
  const Command* command = FindCommand(group, "");
  return command != nullptr && command->name.empty();
}

bool IsKnownGroup(std::string_view group) {
  return std::any_of(Commands().begin(), Commands().end(),
                     [group](const Command& command) { return command.group == group; });
}

std::string GlobalUsage() {
  std::ostringstream usage;
  usage << "usage: socgovctl [--registration-addr A] [--supervision-addr A] [--audit-addr A] "
           "[--party-building-addr A] [--welfare-venture-addr A] [--timeout-ms N] [--token T] "
           "<group> <command> [flags]\n"
           "  env: SOCGOV_REGISTRATION_ADDR (127.0.0.1:50051), SOCGOV_SUPERVISION_ADDR "
           "(127.0.0.1:50052), SOCGOV_AUDIT_ADDR (127.0.0.1:50061), SOCGOV_PARTY_BUILDING_ADDR "
           "(127.0.0.1:50053), SOCGOV_WELFARE_VENTURE_ADDR (127.0.0.1:50054), SOCGOV_TOKEN "
           "(sent as a bearer token; preferred to --token)\n"
           "commands:\n";
  for (const Command& command : Commands()) {
    std::string path = CommandPath(command);
    path.resize(std::max<size_t>(path.size(), 24), ' ');
    usage << "  " << path << "  " << command.summary << "\n";
  }
  usage << "run 'socgovctl <group> <command> --help' for a command's flags\n";
  return usage.str();
}

std::string CommandUsage(const Command& command) {
  std::ostringstream usage;
  usage << "usage: socgovctl " << CommandPath(command)
        << (command.options.empty() ? "" : " [flags]") << "\n  " << command.summary << "\n";
  for (const Option& option : command.options) {
    std::string flag = "--" + option.name;
    flag.resize(std::max<size_t>(flag.size(), 30), ' ');
    usage << "  " << flag << "  " << option.help;
    if (!option.default_value.empty() && option.default_value != "false") {
      usage << " [" << option.default_value << "]";
    }
    usage << "\n";
  }
  return usage.str();
}

int RunCommand(const Command& command, const Context& ctx, const std::vector<std::string>& args) {
  const std::string program = "socgovctl " + CommandPath(command);
  std::vector<std::string> normalized = NormalizeArgs(command, args);
  std::vector<const char*> argv;
  argv.reserve(normalized.size() + 2);
  argv.push_back(program.c_str());
  for (const std::string& arg : normalized) argv.push_back(arg.c_str());
  argv.push_back(nullptr);
  // Command flags come from the command line only: an unrelated SOCGOV_NAME or SOCGOV_TYPE in the
  // environment must not fill in --name or --type.
  const std::map<std::string, std::string> no_env;
  try {
    Config flags = Config::Load(command.options, static_cast<int>(normalized.size() + 1),
                                argv.data(), &no_env);
    if (flags.help_requested()) {
      ctx.out << CommandUsage(command);
      return kExitOk;
    }
    if (!flags.positional().empty()) {
      throw ConfigError("unexpected argument \"" + flags.positional().front() + "\"");
    }
    return command.run(ctx, flags);
  } catch (const ConfigError& e) {
    ctx.err << program << ": " << e.what() << "\n" << CommandUsage(command);
    return kExitUsage;
  } catch (const RpcFailure& e) {
    ctx.err << "error: " << e.what() << "\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    ctx.err << "error: " << e.what() << "\n";
    return kExitFailure;
  }
}

std::optional<int64_t> ParseYuanToFen(std::string_view yuan) {
  const size_t dot = yuan.find('.');
  const std::string_view whole = yuan.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : yuan.substr(dot + 1);
  const auto all_digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || !all_digits(whole) || !all_digits(fraction)) return std::nullopt;
  if (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 2)) {
    return std::nullopt;
  }
  int64_t fen = 0;
  for (char c : whole) {
    const int digit = c - '0';
    if (fen > (kInt64Max - digit) / 10) return std::nullopt;
    fen = fen * 10 + digit;
  }
  if (fen > kInt64Max / 100) return std::nullopt;
  fen *= 100;
  int64_t cents = 0;
  if (!fraction.empty()) cents += (fraction[0] - '0') * 10;
  if (fraction.size() == 2) cents += fraction[1] - '0';
  if (fen > kInt64Max - cents) return std::nullopt;
  return fen + cents;
}

// ---- commands --------------------------------------------------------------------------------

int TokenMint(const Context& ctx, const Config& flags) {
  const std::string& key_file = Required(flags, "key-file");
  auth::Principal principal;
  principal.subject = Required(flags, "subject");
  Required(flags, "roles");
  principal.roles = flags.GetList("roles");
  principal.roles.erase(std::remove(principal.roles.begin(), principal.roles.end(), ""),
                        principal.roles.end());
  if (principal.roles.empty()) throw ConfigError("--roles must name at least one role");
  Required(flags, "jurisdiction");
  principal.jurisdiction = flags.GetJurisdiction("jurisdiction");
  const int64_t ttl_hours = flags.GetInt("ttl-hours", 1, 24 * 366);

  auto verifier = auth::TokenVerifier::FromKeyFile(key_file);
  if (!verifier.ok()) {
    ctx.err << "error: " << verifier.error().message << "\n";
    return kExitFailure;
  }
  const TimePoint now = std::chrono::system_clock::now();
  principal.expires_at = UnixMillis(now) / 1000 + ttl_hours * 3600;
  ctx.out << auth::MintToken(verifier->key(), principal, now) << "\n";
  return kExitOk;
}

int Health(const Context& ctx, const Config& flags) {
  auto stub = healthpb::Health::NewStub(Dial(ProbeAddr(ctx, flags)));
  healthpb::HealthCheckRequest request;
  request.set_service(flags.Get("service"));
  healthpb::HealthCheckResponse response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = stub->Check(&call, request, &response);
  // The standard health service answers Check for an unregistered name with NOT_FOUND rather than
  // a SERVICE_UNKNOWN status; both mean the same to an operator.
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
    ctx.out << "SERVICE_UNKNOWN\n";
    return kExitFailure;
  }
  if (!status.ok()) return ReportRpcError(ctx, status);
  ctx.out << healthpb::HealthCheckResponse::ServingStatus_Name(response.status()) << "\n";
  return response.status() == healthpb::HealthCheckResponse::SERVING ? kExitOk : kExitFailure;
}

int Reflect(const Context& ctx, const Config& flags) {
  auto stub = reflectionpb::ServerReflection::NewStub(Dial(ProbeAddr(ctx, flags)));
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  auto stream = stub->ServerReflectionInfo(&call);
  reflectionpb::ServerReflectionRequest request;
  request.set_list_services("");
  // A failed write means the stream is already broken; Finish below reports why.
  if (stream->Write(request)) stream->WritesDone();
  std::vector<std::string> services;
  std::optional<std::string> reflection_error;
  reflectionpb::ServerReflectionResponse response;
  while (stream->Read(&response)) {
    if (response.has_error_response()) {
      reflection_error = response.error_response().error_message();
    }
    for (const auto& service : response.list_services_response().service()) {
      services.push_back(service.name());
    }
  }
  grpc::Status status = stream->Finish();
  if (!status.ok()) return ReportRpcError(ctx, status);
  if (reflection_error) {
    ctx.err << "error: reflection: " << *reflection_error << "\n";
    return kExitFailure;
  }
  for (const std::string& name : services) ctx.out << name << "\n";
  return kExitOk;
}

int AuditList(const Context& ctx, const Config& flags) {
  auditpb::ListAuditRecordsRequest request;
  request.set_aggregate_id(flags.Get("aggregate"));
  request.set_event_type(flags.Get("type"));
  request.set_actor(flags.Get("actor"));
  request.set_occurred_from(OptionalRfc3339(flags, "from"));
  request.set_occurred_to(OptionalRfc3339(flags, "to"));
  request.mutable_page()->set_page_size(
      static_cast<int32_t>(flags.GetInt("page-size", 0, kInt32Max)));
  request.mutable_page()->set_page_token(flags.Get("page-token"));

  auditpb::ListAuditRecordsResponse response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = AuditStub(ctx)->ListAuditRecords(&call, request, &response);
  if (!status.ok()) return ReportRpcError(ctx, status);
  PrintJson(ctx, response);
  return kExitOk;
}

int AuditVerify(const Context& ctx, const Config& /*flags*/) {
  auditpb::VerifyChainResponse response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status =
      AuditStub(ctx)->VerifyChain(&call, auditpb::VerifyChainRequest(), &response);
  if (!status.ok()) return ReportRpcError(ctx, status);
  PrintJson(ctx, response);
  return response.ok() ? kExitOk : kExitChainBroken;
}

}  // namespace socgov::ctl
