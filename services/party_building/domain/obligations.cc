#include "party_building/domain/obligations.h"

namespace socgov::party_building {

Status CheckCharterClause(bool charter_has_clause) {
  if (!charter_has_clause) {
    return Error::FailedPrecondition(
        "state REGISTERED: PB-09 the charter lacks the party-building clause");
  }
  return std::nullopt;
}

Ratio CharterClauseCoverage(const std::vector<bool>& charter_has_clause) {
  Ratio r;
  r.denominator = static_cast<std::int64_t>(charter_has_clause.size());
  for (bool has : charter_has_clause) r.numerator += has ? 1 : 0;
  return r;
}

std::vector<std::string> MissingSyncSteps(const SyncFacts& f) {
  std::vector<std::string> missing;
  if (!f.party_data_collected_at_registration) {
    missing.emplace_back("PB-10 party-member data not collected at registration");
  }
  if (!f.annual_report_has_party_section) {
    missing.emplace_back("PB-10 annual report without the party-building section");
  }
  if (!f.rating_scores_party_building) {
    missing.emplace_back("PB-10 rating does not score party building");
  }
  return missing;
}

std::vector<CreditTrigger> CreditTriggers(const std::vector<std::string>& required_but_missing,
                                          Date on) {
  std::vector<CreditTrigger> triggers;
  triggers.reserve(required_but_missing.size());
  for (const auto& id : required_but_missing) {
    CreditTrigger t;
    t.org_id = id;
    t.on = on;
    triggers.push_back(std::move(t));
  }
  return triggers;
}

}  // namespace socgov::party_building
