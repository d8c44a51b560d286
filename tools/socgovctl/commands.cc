#include "commands.h"

#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <exception>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "platform/auth/token.h"
#include "platform/grpcx/code_name.h"
#include "platform/util/clock.h"
#include "platform/util/uuid.h"
#include "socgov/audit/v1/audit_service.grpc.pb.h"
#include "socgov/registration/v1/registration_service.grpc.pb.h"

namespace socgov::ctl {
namespace {

namespace auditpb = ::socgov::audit::v1;
namespace healthpb = ::grpc::health::v1;
namespace reflectionpb = ::grpc::reflection::v1alpha;
namespace regpb = ::socgov::registration::v1;

using config::Config;
using config::ConfigError;
using config::Option;

constexpr int64_t kInt32Max = std::numeric_limits<int32_t>::max();
constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

// ---- flags -----------------------------------------------------------------------------------

// Not Option::required: its message points at an environment variable, and command flags are never
// read from the environment.
const std::string& Required(const Config& flags, const std::string& name) {
  const std::string& value = flags.Get(name);
  if (value.empty()) throw ConfigError("--" + name + " is required");
  return value;
}

std::optional<int64_t> OptionalInt(const Config& flags, const std::string& name, int64_t min,
                                   int64_t max) {
  if (flags.Get(name).empty()) return std::nullopt;
  return flags.GetInt(name, min, max);
}

// Returns true for "--output id"; anything but json/id is a usage error.
bool WantsIdOutput(const Config& flags) {
  const std::string& output = flags.Get("output");
  if (output == "id") return true;
  if (output == "json") return false;
  throw ConfigError("--output must be json or id, got \"" + output + "\"");
}

std::string RequestId(const Config& flags) {
  const std::string& given = flags.Get("request-id");
  return given.empty() ? NewUuidV7(std::chrono::system_clock::now()) : given;
}

regpb::OrgType ParseOrgType(const std::string& flag, const std::string& value) {
  if (value == "social-group") return regpb::ORG_TYPE_SOCIAL_GROUP;
  if (value == "social-service") return regpb::ORG_TYPE_SOCIAL_SERVICE;
  if (value == "foundation") return regpb::ORG_TYPE_FOUNDATION;
  throw ConfigError("--" + flag + " must be social-group, social-service or foundation, got \"" +
                    value + "\"");
}

regpb::FoundationKind ParseFoundationKind(const std::string& value) {
  if (value.empty()) return regpb::FOUNDATION_KIND_UNSPECIFIED;
  if (value == "public") return regpb::FOUNDATION_KIND_PUBLIC;
  if (value == "non-public") return regpb::FOUNDATION_KIND_NON_PUBLIC;
  throw ConfigError("--foundation-kind must be public or non-public, got \"" + value + "\"");
}

regpb::OrgStatus ParseOrgStatus(const std::string& value) {
  if (value.empty()) return regpb::ORG_STATUS_UNSPECIFIED;
  if (value == "active") return regpb::ORG_STATUS_ACTIVE;
  throw ConfigError("--status must be active, got \"" + value + "\"");
}

// Validated locally so a typo is a usage error instead of a round trip; the original text is sent.
const std::string& OptionalRfc3339(const Config& flags, const std::string& name) {
  const std::string& value = flags.Get(name);
  if (!value.empty() && !ParseRfc3339(value)) {
    throw ConfigError("--" + name + " must be an RFC 3339 time, got \"" + value + "\"");
  }
  return value;
}

// ---- output and RPC plumbing -----------------------------------------------------------------

void PrintJson(const Context& ctx, const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = false;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = false;
  std::string json;
  auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) throw std::runtime_error("cannot print response as JSON: " + status.ToString());
  ctx.out << json << "\n";
}

int ReportRpcError(const Context& ctx, const grpc::Status& status) {
  ctx.err << "error: " << grpcx::StatusCodeName(status.error_code()) << ": "
          << status.error_message() << "\n";
  return kExitFailure;
}

std::shared_ptr<grpc::Channel> Dial(const std::string& addr) {
  return grpc::CreateChannel(addr, grpc::InsecureChannelCredentials());
}

// Each RPC gets its own deadline, so a command making two calls may take up to twice --timeout-ms.
void PrepareCall(const Context& ctx, grpc::ClientContext* call) {
  call->set_deadline(std::chrono::system_clock::now() + ctx.timeout);
  if (!ctx.token.empty()) call->AddMetadata("authorization", "Bearer " + ctx.token);
}

std::unique_ptr<regpb::RegistrationService::Stub> RegistrationStub(const Context& ctx) {
  return regpb::RegistrationService::NewStub(Dial(ctx.registration_addr));
}

std::unique_ptr<auditpb::AuditService::Stub> AuditStub(const Context& ctx) {
  return auditpb::AuditService::NewStub(Dial(ctx.audit_addr));
}

// Probes default to the registration service, the one every demo starts with.
const std::string& ProbeAddr(const Context& ctx, const Config& flags) {
  const std::string& addr = flags.Get("addr");
  return addr.empty() ? ctx.registration_addr : addr;
}

// Approve and reject need the version the caller saw; without --version the current one is read,
// which gives up the conflict check on purpose (an operator acting on what is there now).
std::optional<int64_t> CurrentVersion(const Context& ctx, regpb::RegistrationService::Stub& stub,
                                      const std::string& application_id) {
  regpb::GetApplicationRequest request;
  request.set_application_id(application_id);
  regpb::Application application;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = stub.GetApplication(&call, request, &application);
  if (!status.ok()) {
    ReportRpcError(ctx, status);
    return std::nullopt;
  }
  return application.version();
}

// ---- usage -----------------------------------------------------------------------------------

std::string CommandPath(const Command& command) {
  std::string path(command.group);
  if (!command.name.empty()) path += " " + std::string(command.name);
  return path;
}

// Config::Load wants a value after every flag, so bare switches become "--name=true" first.
std::vector<std::string> NormalizeArgs(const Command& command,
                                       const std::vector<std::string>& args) {
  std::vector<std::string> normalized;
  normalized.reserve(args.size());
  for (const std::string& arg : args) {
    const bool bare_switch = arg.starts_with("--") &&
                             std::find(command.switches.begin(), command.switches.end(),
                                       std::string_view(arg).substr(2)) != command.switches.end();
    normalized.push_back(bare_switch ? arg + "=true" : arg);
  }
  return normalized;
}

}  // namespace

// ---- table -----------------------------------------------------------------------------------

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
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
      {"reg",
       "submit",
       "submit an establishment application",
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
        {"foundation-kind", "", "public | non-public (foundations)"},
        {"funds-in-cash", "false", "original fund received in cash (foundations); may be bare"},
        {"request-id", "", "idempotency key (default: a new UUIDv7)"},
        {"output", "json", "json | id (the application id)"}},
       {"funds-in-cash"},
       RegSubmit},
      {"reg",
       "approve",
       "approve an application and register the organization",
       {{"id", "", "application id (required)"},
        {"version", "", "version the caller saw (default: the current one)"},
        {"request-id", "", "idempotency key (default: a new UUIDv7)"},
        {"output", "json", "json | id (the organization id)"}},
       {},
       RegApprove},
      {"reg",
       "reject",
       "reject an application",
       {{"id", "", "application id (required)"},
        {"reason", "", "reason shown to the applicant (required)"},
        {"version", "", "version the caller saw (default: the current one)"},
        {"request-id", "", "idempotency key (default: a new UUIDv7)"}},
       {},
       RegReject},
      {"reg",
       "get-app",
       "read one application",
       {{"id", "", "application id (required)"}},
       {},
       RegGetApp},
      {"reg",
       "get-org",
       "read one organization",
       {{"id", "", "credit code (required)"}},
       {},
       RegGetOrg},
      {"reg",
       "list",
       "list organizations",
       {{"type", "", "social-group | social-service | foundation"},
        {"status", "", "active"},
        {"jurisdiction", "", "only within this jurisdiction code"},
        {"page-size", "0", "page size (0: server default)"},
        {"page-token", "", "token from a previous page"},
        {"all", "false", "follow next_page_token; one organization per line; may be bare"}},
       {"all"},
       RegList},
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
  };
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
  usage << "usage: socgovctl [--registration-addr A] [--audit-addr A] [--timeout-ms N] "
           "<group> <command> [flags]\n"
           "  env: SOCGOV_REGISTRATION_ADDR (127.0.0.1:50051), SOCGOV_AUDIT_ADDR "
           "(127.0.0.1:50061), SOCGOV_TOKEN (sent as a bearer token)\n"
           "commands:\n";
  for (const Command& command : Commands()) {
    std::string path = CommandPath(command);
    path.resize(std::max<size_t>(path.size(), 14), ' ');
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
    flag.resize(std::max<size_t>(flag.size(), 22), ' ');
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

int RegSubmit(const Context& ctx, const Config& flags) {
  regpb::SubmitApplicationRequest request;
  regpb::OrganizationProfile& profile = *request.mutable_profile();
  profile.set_org_type(ParseOrgType("type", Required(flags, "type")));
  profile.set_name(Required(flags, "name"));
  profile.set_domicile(Required(flags, "domicile"));
  profile.mutable_legal_representative()->set_name(Required(flags, "legal-rep-name"));
  request.set_legal_representative_id_number(Required(flags, "legal-rep-id"));
  const std::string& yuan = Required(flags, "funds-yuan");
  const std::optional<int64_t> fen = ParseYuanToFen(yuan);
  if (!fen) {
    throw ConfigError("--funds-yuan must be a non-negative amount with at most 2 decimals, got \"" +
                      yuan + "\"");
  }
  profile.mutable_funds()->set_fen(*fen);
  profile.set_business_scope(Required(flags, "scope"));
  profile.set_jurisdiction(Required(flags, "jurisdiction"));
  profile.set_individual_members(
      static_cast<int32_t>(flags.GetInt("individual-members", 0, kInt32Max)));
  profile.set_unit_members(static_cast<int32_t>(flags.GetInt("unit-members", 0, kInt32Max)));
  profile.set_foundation_kind(ParseFoundationKind(flags.Get("foundation-kind")));
  profile.set_funds_in_cash(flags.GetBool("funds-in-cash"));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);

  regpb::SubmitApplicationResponse response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = RegistrationStub(ctx)->SubmitApplication(&call, request, &response);
  if (!status.ok()) return ReportRpcError(ctx, status);
  if (id_output) {
    ctx.out << response.application().id() << "\n";
  } else {
    PrintJson(ctx, response);
  }
  return kExitOk;
}

int RegApprove(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  std::optional<int64_t> version = OptionalInt(flags, "version", 1, kInt64Max);
  const std::string request_id = RequestId(flags);
  const bool id_output = WantsIdOutput(flags);

  auto stub = RegistrationStub(ctx);
  if (!version) {
    version = CurrentVersion(ctx, *stub, id);
    if (!version) return kExitFailure;
  }
  regpb::ApproveApplicationRequest request;
  request.set_request_id(request_id);
  request.set_application_id(id);
  request.set_version(*version);
  regpb::ApproveApplicationResponse response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = stub->ApproveApplication(&call, request, &response);
  if (!status.ok()) return ReportRpcError(ctx, status);
  if (id_output) {
    ctx.out << response.organization().id() << "\n";
  } else {
    PrintJson(ctx, response);
  }
  return kExitOk;
}

int RegReject(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  const std::string& reason = Required(flags, "reason");
  std::optional<int64_t> version = OptionalInt(flags, "version", 1, kInt64Max);
  const std::string request_id = RequestId(flags);

  auto stub = RegistrationStub(ctx);
  if (!version) {
    version = CurrentVersion(ctx, *stub, id);
    if (!version) return kExitFailure;
  }
  regpb::RejectApplicationRequest request;
  request.set_request_id(request_id);
  request.set_application_id(id);
  request.set_version(*version);
  request.set_reason(reason);
  regpb::RejectApplicationResponse response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = stub->RejectApplication(&call, request, &response);
  if (!status.ok()) return ReportRpcError(ctx, status);
  PrintJson(ctx, response);
  return kExitOk;
}

int RegGetApp(const Context& ctx, const Config& flags) {
  regpb::GetApplicationRequest request;
  request.set_application_id(Required(flags, "id"));
  regpb::Application response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = RegistrationStub(ctx)->GetApplication(&call, request, &response);
  if (!status.ok()) return ReportRpcError(ctx, status);
  PrintJson(ctx, response);
  return kExitOk;
}

int RegGetOrg(const Context& ctx, const Config& flags) {
  regpb::GetOrganizationRequest request;
  request.set_organization_id(Required(flags, "id"));
  regpb::Organization response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = RegistrationStub(ctx)->GetOrganization(&call, request, &response);
  if (!status.ok()) return ReportRpcError(ctx, status);
  PrintJson(ctx, response);
  return kExitOk;
}

int RegList(const Context& ctx, const Config& flags) {
  regpb::ListOrganizationsRequest request;
  if (const std::string& type = flags.Get("type"); !type.empty()) {
    request.set_org_type(ParseOrgType("type", type));
  }
  request.set_status(ParseOrgStatus(flags.Get("status")));
  request.set_jurisdiction(flags.Get("jurisdiction"));
  request.mutable_page()->set_page_size(
      static_cast<int32_t>(flags.GetInt("page-size", 0, kInt32Max)));
  request.mutable_page()->set_page_token(flags.Get("page-token"));
  const bool all = flags.GetBool("all");

  auto stub = RegistrationStub(ctx);
  // Tokens already used: a server that hands one back again would otherwise loop us forever.
  std::set<std::string> seen_tokens;
  while (true) {
    regpb::ListOrganizationsResponse response;
    grpc::ClientContext call;
    PrepareCall(ctx, &call);
    grpc::Status status = stub->ListOrganizations(&call, request, &response);
    if (!status.ok()) return ReportRpcError(ctx, status);
    if (!all) {
      PrintJson(ctx, response);
      return kExitOk;
    }
    for (const regpb::Organization& organization : response.organizations()) {
      PrintJson(ctx, organization);
    }
    const std::string& next = response.page().next_page_token();
    if (next.empty()) return kExitOk;
    if (!seen_tokens.insert(next).second) {
      ctx.err << "error: server repeated page token \"" << next << "\"; stopping\n";
      return kExitFailure;
    }
    request.mutable_page()->set_page_token(next);
  }
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
