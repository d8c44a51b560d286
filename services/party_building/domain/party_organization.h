// Party organizations in social organizations (domain.md §2.5, §3.6, PB-01..05): their type, the
// size rules that decide which type and structure an organization may have, and the lifecycle
//   PROPOSED → ESTABLISHED (approved) → ACTIVE ⇄ TERM_ELECTION → DISSOLVED
// as pure functions from one value to the next. Dates come in as values; the domain reads no clock.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "party_building/domain/dates.h"
#include "platform/util/error.h"

namespace socgov::party_building {

enum class PartyOrgType {
  kCommittee,        // 党委 (基层党委)
  kGeneralBranch,    // 党总支
  kBranch,           // 党支部
  kJointBranch,      // 联合党支部
  kTemporaryBranch,  // 临时党支部 (temporary_branch.h)
};
std::string_view PartyOrgTypeName(PartyOrgType type);  // "党委", ...

enum class PartyOrgState { kProposed, kEstablished, kActive, kTermElection, kDissolved };
std::string_view PartyOrgStateName(PartyOrgState state);  // "PROPOSED", ...

// A party organization that approves others. What it may approve is data held about it (the
// higher organization's 审批权限), checked here rather than assumed from its type.
struct Approver {
  std::string party_org_id;
  bool may_approve_establishment = false;
  bool may_approve_probationary_members = false;  // PB-07
};

struct Term {
  Date start{};
  Date end{};  // last day of the term
};

// Who leads it. PB-04 decides between a committee and a secretary (+ optional deputy) alone.
struct Leadership {
  std::string secretary_person_id;
  std::string deputy_secretary_person_id;  // optional
  std::vector<std::string> committee;      // person IDs; empty below 7 formal members
  bool secretary_is_org_head = false;      // 一肩挑: secretary is the organization's head
  int cross_appointed = 0;  // 双向进入、交叉任职: people holding a party post and a management post
};

struct PartyOrganization {
  std::string id;
  PartyOrgType type = PartyOrgType::kBranch;
  std::string parent_id;  // the higher party organization; empty for a top-level one
  std::vector<std::string> covered_org_ids;  // social organizations covered (many-to-many)
  int formal_members = 0;
  int probationary_members = 0;
  // PB-03 "exceptions by approval": the higher organization allowed a size outside the norm.
  bool size_exception_approved = false;

  PartyOrgState state = PartyOrgState::kProposed;
  Date proposed_on{};
  std::string approved_by;  // Approver::party_org_id
  Date approved_on{};
  Term term{};
  Leadership leadership;
  Date dissolved_on{};
};

// Sizes count formal and probationary members; the ≥3 and ≥7 thresholds count formal ones only.
inline constexpr int kMinFormalForBranch = 3;      // PB-01
inline constexpr int kMaxBranchSize = 50;          // PB-01 "normally ≤ 50"
inline constexpr int kMaxJointBranchUnits = 5;     // PB-02
inline constexpr int kMinGeneralBranchSize = 50;   // PB-03 "50–100 → 党总支 possible"
inline constexpr int kMinCommitteeSize = 100;      // PB-03 "≥ 100 → 党委"
inline constexpr int kMinFormalForCommittee = 7;   // PB-04
inline constexpr int kMinBranchCommitteeSize = 3;  // a committee is more than secretary + deputy

// PB-01..03: the types an organization with these members may set up on its own (without a size
// exception). Fewer than 3 formal members → only a joint branch (PB-02) or an instructor's work
// coverage; 3..50 → branch; 50..99 → general branch; ≥ 100 → committee.
std::vector<PartyOrgType> PermittedTypes(int formal_members, int probationary_members);

// PB-01..03 for the type, member counts and covered organizations. kInvalidArgument naming the
// field for negative counts, no covered organization or one listed twice; kFailedPrecondition
// "state <S>: PB-0x ..." when the type does not fit the members or units.
Status CheckSize(const PartyOrganization& org);

// PB-04 for the organization's formal members: ≥ 7 → a committee of at least 3; fewer → secretary
// and optional deputy, no committee. A secretary is always required.
Status CheckLeadership(const PartyOrganization& org, const Leadership& leadership);

// Registers a proposal (state PROPOSED). Checks CheckSize; kInvalidArgument naming id when empty.
// Temporary branches go through temporary_branch.h.
Result<PartyOrganization> Propose(PartyOrganization draft, Date on);

// PB-05: PROPOSED → ESTABLISHED, approved by a higher organization — one of `higher_chain` (the
// proposal's parent and its ancestors, nearest first) — that may approve establishment. Not before
// the proposal.
Result<PartyOrganization> Approve(PartyOrganization org, const Approver& approver,
                                  const std::vector<std::string>& higher_chain, Date on);

// ESTABLISHED → ACTIVE: the first leadership takes office for `term` (PB-04 checked).
Result<PartyOrganization> Activate(PartyOrganization org, Leadership leadership, Term term,
                                   Date on);

// ACTIVE → TERM_ELECTION (换届). Refused for a temporary branch (PB-06).
Result<PartyOrganization> StartTermElection(PartyOrganization org, Date on);

// TERM_ELECTION → ACTIVE with the elected leadership and the next term, which starts after the
// previous one did. PB-04 is checked against the members at the election.
Result<PartyOrganization> CompleteTermElection(PartyOrganization org, Leadership leadership,
                                               Term term, Date on);

// Any state but DISSOLVED → DISSOLVED.
Result<PartyOrganization> Dissolve(PartyOrganization org, Date on);

// 一肩挑 and 交叉任职 across active organizations (ACTIVE or TERM_ELECTION), for the dashboard.
struct LeadershipCounts {
  int organizations = 0;           // counted organizations
  int secretary_is_head = 0;       // 一肩挑
  int with_cross_appointment = 0;  // organizations with ≥ 1 cross-appointed person
  int cross_appointed_people = 0;
};
LeadershipCounts CountLeadership(const std::vector<PartyOrganization>& orgs);

}  // namespace socgov::party_building
