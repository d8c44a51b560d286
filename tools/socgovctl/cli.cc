#include "cli.h"

#include <google/protobuf/util/json_util.h>
#include <openssl/evp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <utility>

#include "platform/grpcx/code_name.h"
#include "platform/util/clock.h"
#include "platform/util/uuid.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;

// Flags spell enum values with hyphens, import files often with underscores; both are accepted.
std::string Spelling(std::string value) {
  std::replace(value.begin(), value.end(), '_', '-');
  return value;
}

template <typename Enum>
Enum Lookup(std::string_view label, const std::string& value,
            std::initializer_list<std::pair<std::string_view, Enum>> table) {
  const std::string spelled = Spelling(value);
  std::string choices;
  for (const auto& [name, enum_value] : table) {
    if (spelled == name) return enum_value;
    choices += (choices.empty() ? "" : " | ") + std::string(name);
  }
  throw ConfigError(std::string(label) + " must be " + choices + ", got \"" + value + "\"");
}

std::string FormatChinaDate(std::chrono::system_clock::time_point t) {
  const auto day = std::chrono::floor<std::chrono::days>(t + std::chrono::hours(8));
  const std::chrono::year_month_day ymd(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

template <typename GetRequest, typename Entity>
int64_t VersionOf(const Context& ctx, RegStub& stub, const Config& flags,
                  RegMethod<GetRequest, Entity> get, GetRequest request) {
  if (auto given = OptionalInt(flags, "version", 1, kInt64Max)) return *given;
  return Call(ctx, stub, get, request).version();
}

}  // namespace

RpcFailure::RpcFailure(const grpc::Status& status)
    : std::runtime_error(std::string(grpcx::StatusCodeName(status.error_code())) + ": " +
                         status.error_message()),
      code_(status.error_code()),
      message_(status.error_message()) {}

// ---- flags ---------------------------------------------------------------------------------

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

int32_t Int32Flag(const Config& flags, const std::string& name) {
  return static_cast<int32_t>(flags.GetInt(name, 0, kInt32Max));
}

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

int64_t FenFlag(const Config& flags, const std::string& name) {
  const std::string& yuan = flags.Get(name);
  const std::optional<int64_t> fen = ParseYuanToFen(yuan);
  if (!fen) {
    throw ConfigError("--" + name +
                      " must be a non-negative amount with at most 2 decimals, got \"" + yuan +
                      "\"");
  }
  return *fen;
}

bool IsDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const auto number = [&](size_t pos, size_t len) {
    int n = 0;
    for (size_t i = pos; i < pos + len; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  const std::chrono::year_month_day ymd{std::chrono::year(number(0, 4)),
                                        std::chrono::month(static_cast<unsigned>(number(5, 2))),
                                        std::chrono::day(static_cast<unsigned>(number(8, 2)))};
  return ymd.ok();
}

const std::string& DateFlag(const Config& flags, const std::string& name, bool required) {
  const std::string& value = required ? Required(flags, name) : flags.Get(name);
  if (!value.empty() && !IsDate(value)) {
    throw ConfigError("--" + name + " must be a date YYYY-MM-DD, got \"" + value + "\"");
  }
  return value;
}

std::string ChinaToday() { return FormatChinaDate(std::chrono::system_clock::now()); }

std::string ChinaDateOf(std::string_view rfc3339) {
  const std::optional<TimePoint> t = ParseRfc3339(rfc3339);
  return t ? FormatChinaDate(*t) : "";
}

// ---- enum spellings ------------------------------------------------------------------------

regpb::OrgType ParseOrgType(std::string_view label, const std::string& value) {
  return Lookup<regpb::OrgType>(label, value,
                                {{"social-group", regpb::ORG_TYPE_SOCIAL_GROUP},
                                 {"social-service", regpb::ORG_TYPE_SOCIAL_SERVICE},
                                 {"foundation", regpb::ORG_TYPE_FOUNDATION},
                                 {"community", regpb::ORG_TYPE_COMMUNITY}});
}

regpb::OrgStatus ParseOrgStatus(const std::string& value, std::string_view label) {
  if (value.empty()) return regpb::ORG_STATUS_UNSPECIFIED;
  return Lookup<regpb::OrgStatus>(label, value,
                                  {{"active", regpb::ORG_STATUS_ACTIVE},
                                   {"change-pending", regpb::ORG_STATUS_CHANGE_PENDING},
                                   {"suspended", regpb::ORG_STATUS_SUSPENDED},
                                   {"dissolution-resolved", regpb::ORG_STATUS_DISSOLUTION_RESOLVED},
                                   {"liquidating", regpb::ORG_STATUS_LIQUIDATING},
                                   {"cancel-applied", regpb::ORG_STATUS_CANCEL_APPLIED},
                                   {"cancelled", regpb::ORG_STATUS_CANCELLED},
                                   {"revoked", regpb::ORG_STATUS_REVOKED},
                                   {"cert-revoked", regpb::ORG_STATUS_CERT_REVOKED},
                                   {"filed", regpb::ORG_STATUS_FILED},
                                   {"filing-removed", regpb::ORG_STATUS_FILING_REMOVED}});
}

regpb::FoundationKind ParseFoundationKind(const std::string& value, std::string_view label) {
  if (value.empty()) return regpb::FOUNDATION_KIND_UNSPECIFIED;
  return Lookup<regpb::FoundationKind>(label, value,
                                       {{"public", regpb::FOUNDATION_KIND_PUBLIC},
                                        {"non-public", regpb::FOUNDATION_KIND_NON_PUBLIC}});
}

regpb::SocialServiceForm ParseSocialServiceForm(const std::string& value, std::string_view label) {
  if (value.empty()) return regpb::SOCIAL_SERVICE_FORM_UNSPECIFIED;
  return Lookup<regpb::SocialServiceForm>(
      label, value,
      {{"legal-person", regpb::SOCIAL_SERVICE_FORM_LEGAL_PERSON},
       {"partnership", regpb::SOCIAL_SERVICE_FORM_PARTNERSHIP},
       {"individual", regpb::SOCIAL_SERVICE_FORM_INDIVIDUAL}});
}

regpb::CommunityForm ParseCommunityForm(const std::string& value, std::string_view label) {
  if (value.empty()) return regpb::COMMUNITY_FORM_UNSPECIFIED;
  return Lookup<regpb::CommunityForm>(label, value,
                                      {{"membership", regpb::COMMUNITY_FORM_MEMBERSHIP},
                                       {"service", regpb::COMMUNITY_FORM_SERVICE}});
}

regpb::ApplicationStage ParseStage(const std::string& value, std::string_view label) {
  if (value.empty()) return regpb::APPLICATION_STAGE_UNSPECIFIED;
  return Lookup<regpb::ApplicationStage>(
      label, value,
      {{"preparation", regpb::APPLICATION_STAGE_PREPARATION},
       {"establishment", regpb::APPLICATION_STAGE_ESTABLISHMENT}});
}

regpb::ReviewTrigger ParseReviewTrigger(const std::string& value, std::string_view label) {
  return Lookup<regpb::ReviewTrigger>(label, value,
                                      {{"establishment", regpb::REVIEW_TRIGGER_ESTABLISHMENT},
                                       {"reelection", regpb::REVIEW_TRIGGER_REELECTION},
                                       {"midterm-change", regpb::REVIEW_TRIGGER_MIDTERM_CHANGE},
                                       {"change", regpb::REVIEW_TRIGGER_CHANGE}});
}

regpb::Opinion ParseOpinion(const std::string& value, std::string_view label) {
  return Lookup<regpb::Opinion>(
      label, value,
      {{"no-objection", regpb::OPINION_NO_OBJECTION}, {"objection", regpb::OPINION_OBJECTION}});
}

regpb::DissolutionGround ParseDissolutionGround(const std::string& value, std::string_view label) {
  return Lookup<regpb::DissolutionGround>(
      label, value,
      {{"purpose-completed", regpb::DISSOLUTION_GROUND_PURPOSE_COMPLETED},
       {"self-dissolution", regpb::DISSOLUTION_GROUND_SELF_DISSOLUTION},
       {"split-or-merger", regpb::DISSOLUTION_GROUND_SPLIT_OR_MERGER},
       {"other", regpb::DISSOLUTION_GROUND_OTHER}});
}

// ---- output and RPCs -----------------------------------------------------------------------

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = false;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = false;
  std::string json;
  auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) throw std::runtime_error("cannot print response as JSON: " + status.ToString());
  return json;
}

void PrintJson(const Context& ctx, const google::protobuf::Message& message) {
  ctx.out << ToJson(message) << "\n";
}

int ReportRpcError(const Context& ctx, const grpc::Status& status) {
  ctx.err << "error: " << grpcx::StatusCodeName(status.error_code()) << ": "
          << status.error_message() << "\n";
  return kExitFailure;
}

std::shared_ptr<grpc::Channel> Dial(const std::string& addr) {
  return grpc::CreateChannel(addr, grpc::InsecureChannelCredentials());
}

void PrepareCall(const Context& ctx, grpc::ClientContext* call) {
  call->set_deadline(std::chrono::system_clock::now() + ctx.timeout);
  if (!ctx.token.empty()) call->AddMetadata("authorization", "Bearer " + ctx.token);
}

std::unique_ptr<RegStub> RegistrationStub(const Context& ctx) {
  return regpb::RegistrationService::NewStub(Dial(ctx.registration_addr));
}

int64_t ApplicationVersion(const Context& ctx, RegStub& stub, const Config& flags,
                           const std::string& application_id) {
  regpb::GetApplicationRequest request;
  request.set_application_id(application_id);
  return VersionOf(ctx, stub, flags, &RegStub::GetApplication, request);
}

int64_t OrganizationVersion(const Context& ctx, RegStub& stub, const Config& flags,
                            const std::string& organization_id) {
  regpb::GetOrganizationRequest request;
  request.set_organization_id(organization_id);
  return VersionOf(ctx, stub, flags, &RegStub::GetOrganization, request);
}

int64_t ChangeVersion(const Context& ctx, RegStub& stub, const Config& flags,
                      const std::string& change_id) {
  regpb::GetChangeRequest request;
  request.set_change_id(change_id);
  return VersionOf(ctx, stub, flags, &RegStub::GetChange, request);
}

int64_t ReviewVersion(const Context& ctx, RegStub& stub, const Config& flags,
                      const std::string& review_id) {
  regpb::GetReviewRequest request;
  request.set_review_id(review_id);
  return VersionOf(ctx, stub, flags, &RegStub::GetReview, request);
}

int PrintResult(const Context& ctx, bool id_output, const std::string& id,
                const google::protobuf::Message& message) {
  if (id_output) {
    ctx.out << id << "\n";
  } else {
    PrintJson(ctx, message);
  }
  return kExitOk;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}

}  // namespace socgov::ctl
