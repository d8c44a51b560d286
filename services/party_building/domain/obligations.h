// What registration, supervision and rating owe to party building (PB-09..11), as checks over
// facts the other services publish. Nothing here decides a credit listing: PB-11 only produces the
// CR-01(b) trigger that supervision's credit rules (CR-01) act on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "party_building/domain/coverage.h"
#include "party_building/domain/dates.h"
#include "platform/util/error.h"

namespace socgov::party_building {

// PB-09 (党建入章): the charter carries the party-building clause, a fact from registration's
// articles events. kFailedPrecondition "state REGISTERED: PB-09 ..." when it does not.
Status CheckCharterClause(bool charter_has_clause);
// Organizations whose charter carries the clause ÷ organizations (Jimei: all 23).
Ratio CharterClauseCoverage(const std::vector<bool>& charter_has_clause);

// PB-10 (三同步): party building is part of registration, annual inspection and rating.
struct SyncFacts {
  bool party_data_collected_at_registration = false;
  bool annual_report_has_party_section = false;  // 党建工作报告 in the AR
  bool rating_scores_party_building = false;
};
// The steps not taken, each "PB-10 ...". Empty when all three are.
std::vector<std::string> MissingSyncSteps(const SyncFacts& facts);

// PB-11: an organization that should have a party organization and has none (coverage.h
// RequiredButMissing) is a credit trigger for supervision.
struct CreditTrigger {
  std::string org_id;
  std::string rule = "PB-11";
  std::string credit_situation = "CR-01(b)";
  Date on{};
};
std::vector<CreditTrigger> CreditTriggers(const std::vector<std::string>& required_but_missing,
                                          Date on);

}  // namespace socgov::party_building
