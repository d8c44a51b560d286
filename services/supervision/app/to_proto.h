// The API's view of supervision's entities.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "supervision/app is not visible from the domain and store layers"
#endif

#include "socgov/supervision/v1/supervision_service.pb.h"
#include "supervision/domain/campaign.h"
#include "supervision/domain/complaint.h"
#include "supervision/domain/credit_account.h"
#include "supervision/domain/enforcement_case.h"
#include "supervision/domain/illegal_org.h"
#include "supervision/domain/report_lifecycle.h"
#include "supervision/domain/sampling_plan.h"
#include "supervision/store/supervision_store.h"

namespace socgov::supervision {

v1::AnnualReport ToProto(const AnnualReport& r);
struct YearCounts {
  std::int64_t submitted = 0, concluded = 0, overdue = 0;
};
v1::ReportYear ToProto(const ReportYear& y, const YearCounts& counts);
v1::CreditRecord ToProto(const CreditAccount& a);
v1::Listing ToProto(const Listing& l);
v1::SamplingPlan ToProto(const SamplingPlan& p);
v1::CasePenalty ToProto(const Penalty& p);
// The case with its ENF-11 and ENF-06 deadlines as of `today`.
v1::EnforcementCase ToProto(const Case& c, const CaseSettings& settings, Date today);
v1::Complaint ToProto(const Complaint& c, std::int32_t answer_days);
v1::IllegalOrg ToProto(const IllegalOrg& o);
v1::Campaign ToProto(const Campaign& c, Date today);
v1::CampaignCounts ToProto(const CampaignCounts& c);
// A penalty of a request; kInvalidArgument naming `field`.
Result<Penalty> FromProto(const v1::CasePenalty& p, const std::string& field);

// Domain enums from the API's (UNSPECIFIED = 0 in the API, so every value is shifted by one).
template <typename Domain, typename Proto>
Domain FromProtoEnum(Proto p) {
  return static_cast<Domain>(static_cast<int>(p) - 1);
}
template <typename Proto, typename Domain>
Proto ToProtoEnum(Domain d) {
  return static_cast<Proto>(static_cast<int>(d) + 1);
}

}  // namespace socgov::supervision
