#include "party_building/domain/party_organization.h"

#include <algorithm>
#include <set>
#include <string>

namespace socgov::party_building {
namespace {

Error Precondition(PartyOrgState state, std::string_view rule_and_reason) {
  return Error::FailedPrecondition("state " + std::string(PartyOrgStateName(state)) + ": " +
                                   std::string(rule_and_reason));
}

// Transitions the lifecycle (§3.6) does not have.
Error WrongState(PartyOrgState state, std::string_view action) {
  return Precondition(state, "§3.6 lifecycle does not allow " + std::string(action));
}

Status CheckIds(std::string_view field, const std::vector<std::string>& ids) {
  std::set<std::string_view> seen;
  for (const auto& id : ids) {
    if (id.empty()) return Error::InvalidArgument(field, "contains an empty ID");
    if (!seen.insert(id).second) return Error::InvalidArgument(field, "lists an ID twice");
  }
  return std::nullopt;
}

Status CheckTerm(const Term& term) {
  if (term.end < term.start) return Error::InvalidArgument("term", "ends before it starts");
  return std::nullopt;
}

bool Counted(PartyOrgState s) {
  return s == PartyOrgState::kActive || s == PartyOrgState::kTermElection;
}

}  // namespace

std::string_view PartyOrgTypeName(PartyOrgType type) {
  switch (type) {
    case PartyOrgType::kCommittee:
      return "党委";
    case PartyOrgType::kGeneralBranch:
      return "党总支";
    case PartyOrgType::kBranch:
      return "党支部";
    case PartyOrgType::kJointBranch:
      return "联合党支部";
    case PartyOrgType::kTemporaryBranch:
      return "临时党支部";
  }
  return "unknown";
}

std::string_view PartyOrgStateName(PartyOrgState state) {
  switch (state) {
    case PartyOrgState::kProposed:
      return "PROPOSED";
    case PartyOrgState::kEstablished:
      return "ESTABLISHED";
    case PartyOrgState::kActive:
      return "ACTIVE";
    case PartyOrgState::kTermElection:
      return "TERM_ELECTION";
    case PartyOrgState::kDissolved:
      return "DISSOLVED";
  }
  return "UNKNOWN";
}

std::vector<PartyOrgType> PermittedTypes(int formal_members, int probationary_members) {
  if (formal_members < kMinFormalForBranch) return {PartyOrgType::kJointBranch};
  const int size = formal_members + probationary_members;
  std::vector<PartyOrgType> types;
  if (size <= kMaxBranchSize) types.push_back(PartyOrgType::kBranch);
  if (size >= kMinGeneralBranchSize && size < kMinCommitteeSize) {
    types.push_back(PartyOrgType::kGeneralBranch);
  }
  if (size >= kMinCommitteeSize) types.push_back(PartyOrgType::kCommittee);
  return types;
}

Status CheckSize(const PartyOrganization& org) {
  if (org.formal_members < 0)
    return Error::InvalidArgument("formal_members", "must not be negative");
  if (org.probationary_members < 0) {
    return Error::InvalidArgument("probationary_members", "must not be negative");
  }
  if (org.covered_org_ids.empty()) {
    return Error::InvalidArgument("covered_org_ids", "must name at least one organization");
  }
  if (auto bad = CheckIds("covered_org_ids", org.covered_org_ids)) return bad;

  const int size = org.formal_members + org.probationary_members;
  const int units = static_cast<int>(org.covered_org_ids.size());
  const bool exception = org.size_exception_approved;
  switch (org.type) {
    case PartyOrgType::kBranch:
      if (units != 1) {
        return Precondition(org.state,
                            "PB-02 a branch covering several organizations is a joint branch");
      }
      [[fallthrough]];
    case PartyOrgType::kJointBranch:
      if (org.formal_members < kMinFormalForBranch) {
        return Precondition(org.state,
                            org.type == PartyOrgType::kBranch
                                ? "PB-01 a branch needs at least 3 formal members; fewer join a "
                                  "joint branch (PB-02)"
                                : "PB-01 a joint branch needs at least 3 formal members in all");
      }
      if (org.type == PartyOrgType::kJointBranch && units < 2) {
        return Precondition(org.state, "PB-02 a joint branch covers at least 2 organizations");
      }
      if (units > kMaxJointBranchUnits) {
        return Precondition(org.state, "PB-02 a joint branch covers at most 5 organizations");
      }
      if (size > kMaxBranchSize && !exception) {
        return Precondition(org.state,
                            "PB-01 a branch has at most 50 members; from 50 a general branch is "
                            "possible (PB-03)");
      }
      return std::nullopt;
    case PartyOrgType::kGeneralBranch:
      if ((size < kMinGeneralBranchSize || size >= kMinCommitteeSize) && !exception) {
        return Precondition(org.state,
                            "PB-03 a general branch has 50 to 99 members unless approved as an "
                            "exception");
      }
      return std::nullopt;
    case PartyOrgType::kCommittee:
      if (size < kMinCommitteeSize && !exception) {
        return Precondition(org.state,
                            "PB-03 a party committee has at least 100 members unless approved as "
                            "an exception");
      }
      return std::nullopt;
    case PartyOrgType::kTemporaryBranch:
      if (org.formal_members < kMinFormalForBranch) {
        return Precondition(org.state, "PB-07 a temporary branch needs at least 3 formal members");
      }
      return std::nullopt;
  }
  return std::nullopt;
}

Status CheckLeadership(const PartyOrganization& org, const Leadership& l) {
  if (l.secretary_person_id.empty()) {
    return Error::InvalidArgument("leadership.secretary_person_id", "is required");
  }
  if (l.cross_appointed < 0) {
    return Error::InvalidArgument("leadership.cross_appointed", "must not be negative");
  }
  if (auto bad = CheckIds("leadership.committee", l.committee)) return bad;
  if (org.formal_members >= kMinFormalForCommittee) {
    if (static_cast<int>(l.committee.size()) < kMinBranchCommitteeSize) {
      return Precondition(org.state,
                          "PB-04 with 7 or more formal members a committee of at least 3 is "
                          "required");
    }
    if (std::find(l.committee.begin(), l.committee.end(), l.secretary_person_id) ==
        l.committee.end()) {
      return Error::InvalidArgument("leadership.committee", "must include the secretary");
    }
  } else if (!l.committee.empty()) {
    return Precondition(org.state,
                        "PB-04 with fewer than 7 formal members there is a secretary and an "
                        "optional deputy, no committee");
  }
  return std::nullopt;
}

Result<PartyOrganization> Propose(PartyOrganization draft, Date on) {
  if (draft.id.empty()) return Error::InvalidArgument("id", "is required");
  if (draft.type == PartyOrgType::kTemporaryBranch) {
    return Error::InvalidArgument("type", "temporary branches follow the PB-07 procedure");
  }
  draft.state = PartyOrgState::kProposed;
  draft.proposed_on = on;
  if (auto bad = CheckSize(draft)) return *bad;
  return draft;
}

Result<PartyOrganization> Approve(PartyOrganization org, const Approver& approver,
                                  const std::vector<std::string>& higher_chain, Date on) {
  if (org.state != PartyOrgState::kProposed) return WrongState(org.state, "approval");
  if (approver.party_org_id.empty()) {
    return Error::InvalidArgument("approver.party_org_id", "is required");
  }
  if (!org.parent_id.empty() && (higher_chain.empty() || higher_chain.front() != org.parent_id)) {
    return Error::InvalidArgument("higher_chain", "must start with the proposal's parent");
  }
  if (std::find(higher_chain.begin(), higher_chain.end(), approver.party_org_id) ==
      higher_chain.end()) {
    return Precondition(org.state,
                        "PB-05 establishment is approved by a higher party organization");
  }
  if (!approver.may_approve_establishment) {
    return Precondition(org.state, "PB-05 the approver has no authority to approve establishment");
  }
  if (on < org.proposed_on) return Error::InvalidArgument("on", "is before the proposal");
  if (auto bad = CheckSize(org)) return *bad;
  org.state = PartyOrgState::kEstablished;
  org.approved_by = approver.party_org_id;
  org.approved_on = on;
  return org;
}

Result<PartyOrganization> Activate(PartyOrganization org, Leadership leadership, Term term,
                                   Date on) {
  if (org.state != PartyOrgState::kEstablished) return WrongState(org.state, "activation");
  if (on < org.approved_on) return Error::InvalidArgument("on", "is before the approval");
  if (auto bad = CheckTerm(term)) return *bad;
  if (auto bad = CheckLeadership(org, leadership)) return *bad;
  org.state = PartyOrgState::kActive;
  org.leadership = std::move(leadership);
  org.term = term;
  return org;
}

Result<PartyOrganization> StartTermElection(PartyOrganization org, Date on) {
  if (org.type == PartyOrgType::kTemporaryBranch) {
    return Precondition(org.state, "PB-06 a temporary branch holds no term elections");
  }
  if (org.state != PartyOrgState::kActive) return WrongState(org.state, "a term election");
  if (on < org.term.start) return Error::InvalidArgument("on", "is before the term started");
  org.state = PartyOrgState::kTermElection;
  return org;
}

Result<PartyOrganization> CompleteTermElection(PartyOrganization org, Leadership leadership,
                                               Term term, Date on) {
  if (org.state != PartyOrgState::kTermElection) {
    return WrongState(org.state, "completing a term election");
  }
  if (auto bad = CheckTerm(term)) return *bad;
  if (term.start <= org.term.start) {
    return Error::InvalidArgument("term", "must start after the previous term started");
  }
  if (auto bad = CheckLeadership(org, leadership)) return *bad;
  org.state = PartyOrgState::kActive;
  org.leadership = std::move(leadership);
  org.term = term;
  return org;
}

Result<PartyOrganization> Dissolve(PartyOrganization org, Date on) {
  if (org.state == PartyOrgState::kDissolved) return WrongState(org.state, "dissolution");
  if (on < org.proposed_on) return Error::InvalidArgument("on", "is before the proposal");
  org.state = PartyOrgState::kDissolved;
  org.dissolved_on = on;
  return org;
}

LeadershipCounts CountLeadership(const std::vector<PartyOrganization>& orgs) {
  LeadershipCounts c;
  for (const auto& o : orgs) {
    if (!Counted(o.state)) continue;
    ++c.organizations;
    if (o.leadership.secretary_is_org_head) ++c.secretary_is_head;
    if (o.leadership.cross_appointed > 0) ++c.with_cross_appointment;
    c.cross_appointed_people += o.leadership.cross_appointed;
  }
  return c;
}

}  // namespace socgov::party_building
