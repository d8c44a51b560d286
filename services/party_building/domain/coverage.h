// "两个覆盖" (PB-08): organization coverage and work coverage of the social organizations in a
// jurisdiction, as exact integer ratios. Party organizations cover organizations many-to-many (a
// joint branch covers several; an organization may sit under a branch and a committee), so
// coverage counts distinct organizations, never links.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/util/error.h"

namespace socgov::party_building {

struct Ratio {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  friend bool operator==(const Ratio&, const Ratio&) = default;
};
// numerator / denominator in basis points (7543 = 75.43 %), rounded half up; nullopt for an
// empty denominator, where there is no rate to show.
std::optional<std::int32_t> BasisPoints(const Ratio& r);

// One party organization and the organizations it covers. The caller passes the ones that count
// (approved and not dissolved), whatever their type.
struct CoverageLink {
  std::string party_org_id;
  std::vector<std::string> covered_org_ids;
};

struct CoverageInput {
  std::vector<std::string> orgs_in_scope;  // the jurisdiction's organizations, each once
  std::vector<CoverageLink> links;
  std::vector<std::string> instructor_reached;  // orgs reached by a 党建指导员 / 联系点
};

struct Coverage {
  Ratio organization;  // covered by ≥ 1 party organization ÷ in scope
  Ratio work;          // covered or reached by an instructor ÷ in scope
  friend bool operator==(const Coverage&, const Coverage&) = default;
};

// PB-08. Organizations outside the scope do not count, an organization covered twice counts once.
// kInvalidArgument naming orgs_in_scope when it lists an organization twice or an empty ID.
Result<Coverage> ComputeCoverage(const CoverageInput& input);

// District → city: numerators and denominators are summed, never rates averaged (a district of
// 10 organizations must not weigh as much as one of 1,000). Scopes are assumed disjoint.
Coverage RollUp(const std::vector<Coverage>& parts);

// What the organization directory and member records say about one organization.
struct OrgPartyFacts {
  std::string org_id;
  int formal_members = 0;  // formal party members among its people
};
// PB-01/PB-11: organizations with ≥ 3 formal members that no party organization covers — each a
// CR-01(b) trigger for supervision. In the order of `orgs`.
std::vector<std::string> RequiredButMissing(const std::vector<OrgPartyFacts>& orgs,
                                            const std::vector<CoverageLink>& links);

}  // namespace socgov::party_building
