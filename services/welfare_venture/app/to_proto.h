// The stored entities as the API's messages (welfare_venture.proto).
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "welfare_venture/app is not visible from the domain and store layers"
#endif

#include "socgov/welfare_venture/v1/welfare_venture.pb.h"
#include "welfare_venture/store/welfare_venture_store.h"

namespace socgov::welfare_venture {

v1::Round ToProto(const StoredRound& s);
v1::Application ToProto(const StoredApplication& s);
v1::Expert ToProto(const StoredExpert& s);
v1::Project ToProto(const StoredProject& s);
v1::Activity ToProto(const StoredActivity& s);
void ToProto(const AwardPlan& plan, v1::AwardPlan* out);
void ToProto(const OutcomeTotals& t, v1::OutcomeTotals* out);
v1::CreditFacts CreditToProto(const std::string& org_id, const StoredCredit& c,
                              const std::vector<Date>& clawbacks);

}  // namespace socgov::welfare_venture
