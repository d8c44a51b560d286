#include "party_building/domain/coverage.h"

#include <set>
#include <string_view>

#include "party_building/domain/party_organization.h"

namespace socgov::party_building {
namespace {

std::set<std::string_view> CoveredIds(const std::vector<CoverageLink>& links) {
  std::set<std::string_view> covered;
  for (const auto& l : links) covered.insert(l.covered_org_ids.begin(), l.covered_org_ids.end());
  return covered;
}

}  // namespace

std::optional<std::int32_t> BasisPoints(const Ratio& r) {
  if (r.denominator <= 0) return std::nullopt;
  return static_cast<std::int32_t>((r.numerator * 20000 + r.denominator) / (2 * r.denominator));
}

Result<Coverage> ComputeCoverage(const CoverageInput& input) {
  std::set<std::string_view> scope;
  for (const auto& id : input.orgs_in_scope) {
    if (id.empty()) return Error::InvalidArgument("orgs_in_scope", "contains an empty ID");
    if (!scope.insert(id).second) {
      return Error::InvalidArgument("orgs_in_scope", "lists an organization twice");
    }
  }
  const auto covered = CoveredIds(input.links);
  const std::set<std::string_view> reached(input.instructor_reached.begin(),
                                           input.instructor_reached.end());
  Coverage c;
  c.organization.denominator = c.work.denominator = static_cast<std::int64_t>(scope.size());
  for (std::string_view id : scope) {
    const bool by_party_org = covered.contains(id);
    if (by_party_org) ++c.organization.numerator;
    if (by_party_org || reached.contains(id)) ++c.work.numerator;
  }
  return c;
}

Coverage RollUp(const std::vector<Coverage>& parts) {
  Coverage sum;
  for (const auto& p : parts) {
    sum.organization.numerator += p.organization.numerator;
    sum.organization.denominator += p.organization.denominator;
    sum.work.numerator += p.work.numerator;
    sum.work.denominator += p.work.denominator;
  }
  return sum;
}

std::vector<std::string> RequiredButMissing(const std::vector<OrgPartyFacts>& orgs,
                                            const std::vector<CoverageLink>& links) {
  const auto covered = CoveredIds(links);
  std::vector<std::string> missing;
  for (const auto& o : orgs) {
    if (o.formal_members >= kMinFormalForBranch && !covered.contains(o.org_id)) {
      missing.push_back(o.org_id);
    }
  }
  return missing;
}

}  // namespace socgov::party_building
