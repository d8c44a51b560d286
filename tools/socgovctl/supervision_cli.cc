#include "supervision_cli.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;

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

int64_t FenAmountFlag(const Config& flags, const std::string& name, bool allow_negative) {
  if (flags.Get(name).empty()) return 0;
  return flags.GetInt(name, allow_negative ? -kInt64Max : 0, kInt64Max);
}

int32_t YearFlag(const Config& flags) {
  Required(flags, "year");
  return static_cast<int32_t>(flags.GetInt("year", 1949, 9999));
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
