#include "supervision_cli.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;

std::string Upper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return upper;
}

// "CREDIT_LIST_" from CREDIT_LIST_UNSPECIFIED, the value numbered 0.
std::string Prefix(const google::protobuf::EnumDescriptor& descriptor) {
  const google::protobuf::EnumValueDescriptor* zero = descriptor.FindValueByNumber(0);
  std::string name = zero == nullptr ? "" : zero->name();
  const size_t cut = name.rfind("UNSPECIFIED");
  return cut == std::string::npos ? "" : name.substr(0, cut);
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  while (true) {
    const size_t at = text.find(separator);
    parts.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

std::string Trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

template <typename GetRequest, typename Entity>
int64_t VersionOf(const Context& ctx, SupStub& stub, const Config& flags,
                  SupMethod<GetRequest, Entity> get, const GetRequest& request) {
  if (auto given = OptionalInt(flags, "version", 0, kInt64Max)) return *given;
  return SupCall(ctx, stub, get, request).version();
}

}  // namespace

std::unique_ptr<SupStub> SupervisionStub(const Context& ctx) {
  return suppb::SupervisionService::NewStub(Dial(ctx.supervision_addr));
}

// ---- flags ------------------------------------------------------------------------------------

std::string EnumChoices(const google::protobuf::EnumDescriptor& descriptor) {
  const std::string prefix = Prefix(descriptor);
  std::string choices;
  for (int i = 0; i < descriptor.value_count(); ++i) {
    const google::protobuf::EnumValueDescriptor& value = *descriptor.value(i);
    if (value.number() == 0) continue;
    choices += (choices.empty() ? "" : " | ") + value.name().substr(prefix.size());
  }
  return choices;
}

std::string Choices(const google::protobuf::EnumDescriptor* descriptor, bool required) {
  return EnumChoices(*descriptor) + (required ? " (required)" : "");
}

config::Option Switch(const std::string& name, const std::string& what) {
  return {name, "false", what + "; may be bare"};
}

int ParseEnumName(const google::protobuf::EnumDescriptor& descriptor, std::string_view label,
                  const std::string& value) {
  const std::string prefix = Prefix(descriptor);
  std::string wanted = Upper(Trimmed(value));
  if (wanted.starts_with(prefix)) wanted.erase(0, prefix.size());  // the full name works too
  const google::protobuf::EnumValueDescriptor* found =
      wanted.empty() ? nullptr : descriptor.FindValueByName(prefix + wanted);
  if (found == nullptr || found->number() == 0) {
    throw ConfigError(std::string(label) + " must be " + EnumChoices(descriptor) + ", got \"" +
                      value + "\"");
  }
  return found->number();
}

std::vector<std::string> RepeatedFlag(const Config& flags, const std::string& name,
                                      bool split_commas) {
  std::vector<std::string> values;
  for (const std::string& occurrence : Split(flags.Get(name), kRepeatSeparator)) {
    for (const std::string& part :
         split_commas ? Split(occurrence, ',') : std::vector<std::string>{occurrence}) {
      if (std::string item = Trimmed(part); !item.empty()) values.push_back(std::move(item));
    }
  }
  return values;
}

int64_t FenAmountFlag(const Config& flags, const std::string& name, bool allow_negative) {
  if (flags.Get(name).empty()) return 0;
  return flags.GetInt(name, allow_negative ? -kInt64Max : 0, kInt64Max);
}

int32_t YearFlag(const Config& flags) {
  Required(flags, "year");
  return static_cast<int32_t>(flags.GetInt("year", 1949, 9999));
}

bool RequiredBool(const Config& flags, const std::string& name) {
  if (flags.Get(name).empty()) {
    throw ConfigError("--" + name + " is required: --" + name + " or --" + name + "=false");
  }
  return flags.GetBool(name);
}

common::v1::PageRequest PageFlags(const Config& flags) {
  common::v1::PageRequest page;
  page.set_page_size(static_cast<int32_t>(flags.GetInt("page-size", 0, 500)));
  page.set_page_token(flags.Get("page-token"));
  return page;
}

// ---- versions ---------------------------------------------------------------------------------

int64_t ReportVersion(const Context& ctx, SupStub& stub, const Config& flags,
                      const std::string& organization_id, int32_t year) {
  suppb::GetAnnualReportRequest request;
  request.set_organization_id(organization_id);
  request.set_year(year);
  return VersionOf(ctx, stub, flags, &SupStub::GetAnnualReport, request);
}

int64_t CreditVersion(const Context& ctx, SupStub& stub, const Config& flags,
                      const std::string& organization_id) {
  suppb::GetCreditRecordRequest request;
  request.set_organization_id(organization_id);
  return VersionOf(ctx, stub, flags, &SupStub::GetCreditRecord, request);
}

int64_t PlanVersion(const Context& ctx, SupStub& stub, const Config& flags,
                    const std::string& plan_id) {
  suppb::GetSamplingPlanRequest request;
  request.set_plan_id(plan_id);
  return VersionOf(ctx, stub, flags, &SupStub::GetSamplingPlan, request);
}

int64_t CaseVersion(const Context& ctx, SupStub& stub, const Config& flags,
                    const std::string& case_id) {
  suppb::GetCaseRequest request;
  request.set_case_id(case_id);
  return VersionOf(ctx, stub, flags, &SupStub::GetCase, request);
}

int64_t ComplaintVersion(const Context& ctx, SupStub& stub, const Config& flags,
                         const std::string& complaint_id) {
  suppb::GetComplaintRequest request;
  request.set_complaint_id(complaint_id);
  return VersionOf(ctx, stub, flags, &SupStub::GetComplaint, request);
}

int64_t IllegalOrgVersion(const Context& ctx, SupStub& stub, const Config& flags,
                          const std::string& illegal_org_id) {
  if (auto given = OptionalInt(flags, "version", 0, kInt64Max)) return *given;
  const auto response =
      SupCall(ctx, stub, &SupStub::ListIllegalOrgs, suppb::ListIllegalOrgsRequest());
  for (const suppb::IllegalOrg& org : response.orgs()) {
    if (org.id() == illegal_org_id) return org.version();
  }
  throw RpcFailure(grpc::Status(grpc::StatusCode::NOT_FOUND,
                                "illegal organization " + illegal_org_id + " is not listed"));
}

int64_t CampaignVersion(const Context& ctx, SupStub& stub, const Config& flags,
                        const std::string& campaign_id) {
  suppb::GetCampaignRequest request;
  request.set_campaign_id(campaign_id);
  return VersionOf(ctx, stub, flags, &SupStub::GetCampaign, request);
}

std::vector<Command> SupervisionCommands() {
  std::vector<Command> all = SupReportCommands();
  for (auto part : {SupPlanCommands(), SupCaseCommands(), SupComplaintCommands()}) {
    all.insert(all.end(), std::make_move_iterator(part.begin()),
               std::make_move_iterator(part.end()));
  }
  return all;
}

}  // namespace socgov::ctl
