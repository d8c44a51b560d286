// What opening a case needs, shared by the commands that open one as a side effect (a complaint
// made a clue, a campaign item escalated): the case rules of the deployment and the writes of a
// new case in the caller's mutation.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "supervision/app is not visible from the domain and store layers"
#endif

#include "supervision/app/supervisor.h"
#include "supervision/app/support.h"
#include "supervision/domain/enforcement_case.h"

namespace socgov::supervision {

CaseSettings CaseRules(const SupervisionSettings& s);

// A fresh case id (`<authority>-C<serial>`).
Result<std::string> NewCaseId(SupervisionStore& store, const std::string& authority);

// Adds the new case `c` to `m`: its hash (absent guard), the case index and case.opened.
void AddNewCase(Mutation& m, const Case& c, const auth::Principal& who,
                const std::string& authority, TimePoint now);

// Every case, oldest first (a district's cases number in the hundreds a year).
Result<std::vector<Case>> AllCases(SupervisionStore& store);

}  // namespace socgov::supervision
