// Temporary branches (临时党支部) in a social organization's council (domain.md §3.6, PB-06/07,
// Neijiang's guideline): PROPOSED (applied) → ESTABLISHED (approved) → ACTIVE (filed) →
// DISSOLVED, automatically when the council's term ends or the host organization is cancelled or
// revoked. A temporary branch educates, manages and supervises; it does not admit, discipline,
// collect dues or elect (PB-06).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "party_building/domain/dates.h"
#include "party_building/domain/party_organization.h"
#include "platform/util/error.h"

namespace socgov::party_building {

// What the organization directory and the member records say about the host's council.
struct CouncilFacts {
  std::string org_id;
  Term council_term{};
  // Formal members on the council whose membership (组织关系) has not been transferred in: the
  // very people a regular branch could not hold.
  int formal_members_not_transferred = 0;
};

enum class HostStatus { kActive, kCancelled, kRevoked };  // 存续, 注销, 撤销登记/吊销

// The guideline's 申请 / 批复 / 备案 templates, kept as dated records.
struct TemporaryBranchRecords {
  Date applied_on{};
  std::string application_doc_no;
  std::optional<Date> approved_on;
  std::string approval_doc_no;
  std::optional<Date> filed_on;
  std::string filing_doc_no;
};

enum class DissolutionReason { kTermEnded, kHostCancelled, kHostRevoked };
std::string_view DissolutionReasonName(DissolutionReason reason);

struct Dissolution {
  Date on{};
  DissolutionReason reason = DissolutionReason::kTermEnded;
};

struct TemporaryBranch {
  std::string id;
  std::string host_org_id;
  std::string parent_id;  // the higher party organization applied to
  int formal_members_not_transferred = 0;
  Term term{};  // PB-07: the council's term
  PartyOrgState state = PartyOrgState::kProposed;
  std::string approved_by;
  std::string secretary_person_id;  // PB-06: appointed by the approving organization
  TemporaryBranchRecords records;
  std::optional<Dissolution> dissolution;
};

// PB-07: at least 3 formal members whose membership is not transferred. kInvalidArgument naming
// the field for an empty org_id, a negative count or a term ending before it starts.
Status CheckEligibility(const CouncilFacts& council);

// The application (state PROPOSED); the term is the council's. kInvalidArgument naming id or
// application_doc_no when empty.
Result<TemporaryBranch> ApplyForTemporaryBranch(std::string id, std::string parent_id,
                                                const CouncilFacts& council,
                                                std::string application_doc_no, Date on);

// PB-07: PROPOSED → ESTABLISHED by a higher organization (one of `higher_chain`, which starts with
// the parent) with authority to approve probationary members; it appoints the secretary (PB-06).
// Approved on or after the application.
Result<TemporaryBranch> ApproveTemporaryBranch(TemporaryBranch branch, const Approver& approver,
                                               const std::vector<std::string>& higher_chain,
                                               std::string approval_doc_no,
                                               std::string appointed_secretary, Date on);

// ESTABLISHED → ACTIVE once filed (备案), on or after the approval.
Result<TemporaryBranch> FileTemporaryBranch(TemporaryBranch branch, std::string filing_doc_no,
                                            Date on);

// PB-06/07: whether the branch dissolves as of `today`. The term ends after its last day, so a
// term that ran out dissolves the day after; a cancelled or revoked host dissolves it on `today`
// (the day the registration event arrives), unless the term ended earlier. nullopt when already
// dissolved or nothing ended.
std::optional<Dissolution> DissolutionFor(const TemporaryBranch& branch, HostStatus host,
                                          Date today);

// Any state but DISSOLVED → DISSOLVED with the reason.
Result<TemporaryBranch> DissolveTemporaryBranch(TemporaryBranch branch,
                                                const Dissolution& dissolution);

enum class BranchAction {
  kEducate,
  kManage,
  kSupervise,
  kAdmitMember,            // 发展党员
  kDiscipline,             // 处分党员
  kCollectDues,            // 收缴党费
  kHoldTermElection,       // 换届选举
  kElectCongressDelegates  // 选举党代表大会代表
};
// kFailedPrecondition "state ACTIVE: PB-06 ..." for the five refused actions; outside ACTIVE
// every action is refused naming the state.
Status CheckAction(const TemporaryBranch& branch, BranchAction action);

}  // namespace socgov::party_building
