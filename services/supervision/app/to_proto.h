// The API's view of supervision's entities.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "supervision/app is not visible from the domain and store layers"
#endif

#include "socgov/supervision/v1/supervision_service.pb.h"
#include "supervision/domain/credit_account.h"
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
