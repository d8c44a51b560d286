#include "party_building/domain/temporary_branch.h"

#include <algorithm>
#include <chrono>
#include <string>

namespace socgov::party_building {
namespace {

Error Precondition(PartyOrgState state, std::string_view rule_and_reason) {
  return Error::FailedPrecondition("state " + std::string(PartyOrgStateName(state)) + ": " +
                                   std::string(rule_and_reason));
}

Error WrongState(PartyOrgState state, std::string_view action) {
  return Precondition(state,
                      "§3.6 temporary-branch lifecycle does not allow " + std::string(action));
}

}  // namespace

std::string_view DissolutionReasonName(DissolutionReason reason) {
  switch (reason) {
    case DissolutionReason::kTermEnded:
      return "council term ended";
    case DissolutionReason::kHostCancelled:
      return "host organization cancelled";
    case DissolutionReason::kHostRevoked:
      return "host organization revoked";
  }
  return "unknown";
}

Status CheckEligibility(const CouncilFacts& council) {
  if (council.org_id.empty()) return Error::InvalidArgument("council.org_id", "is required");
  if (council.formal_members_not_transferred < 0) {
    return Error::InvalidArgument("council.formal_members_not_transferred", "must not be negative");
  }
  if (council.council_term.end < council.council_term.start) {
    return Error::InvalidArgument("council.council_term", "ends before it starts");
  }
  if (council.formal_members_not_transferred < kMinFormalForBranch) {
    return Precondition(PartyOrgState::kProposed,
                        "PB-07 a temporary branch needs at least 3 formal members on the council "
                        "whose membership is not transferred");
  }
  return std::nullopt;
}

Result<TemporaryBranch> ApplyForTemporaryBranch(std::string id, std::string parent_id,
                                                const CouncilFacts& council,
                                                std::string application_doc_no, Date on) {
  if (id.empty()) return Error::InvalidArgument("id", "is required");
  if (parent_id.empty()) return Error::InvalidArgument("parent_id", "is required");
  if (application_doc_no.empty()) {
    return Error::InvalidArgument("application_doc_no", "is required");
  }
  if (auto bad = CheckEligibility(council)) return *bad;
  if (on > council.council_term.end) {
    return Precondition(PartyOrgState::kProposed, "PB-07 the council's term has already ended");
  }
  TemporaryBranch b;
  b.id = std::move(id);
  b.host_org_id = council.org_id;
  b.parent_id = std::move(parent_id);
  b.formal_members_not_transferred = council.formal_members_not_transferred;
  b.term = council.council_term;
  b.records.applied_on = on;
  b.records.application_doc_no = std::move(application_doc_no);
  return b;
}

Result<TemporaryBranch> ApproveTemporaryBranch(TemporaryBranch branch, const Approver& approver,
                                               const std::vector<std::string>& higher_chain,
                                               std::string approval_doc_no,
                                               std::string appointed_secretary, Date on) {
  if (branch.state != PartyOrgState::kProposed) return WrongState(branch.state, "approval");
  if (approver.party_org_id.empty()) {
    return Error::InvalidArgument("approver.party_org_id", "is required");
  }
  if (approval_doc_no.empty()) return Error::InvalidArgument("approval_doc_no", "is required");
  if (appointed_secretary.empty()) {
    return Error::InvalidArgument("appointed_secretary", "is required");
  }
  if (higher_chain.empty() || higher_chain.front() != branch.parent_id) {
    return Error::InvalidArgument("higher_chain", "must start with the branch's parent");
  }
  if (std::find(higher_chain.begin(), higher_chain.end(), approver.party_org_id) ==
      higher_chain.end()) {
    return Precondition(branch.state,
                        "PB-07 a temporary branch is approved by a higher party organization");
  }
  if (!approver.may_approve_probationary_members) {
    return Precondition(branch.state,
                        "PB-07 the approver has no authority to approve probationary members");
  }
  if (on < branch.records.applied_on) {
    return Error::InvalidArgument("on", "is before the application");
  }
  branch.state = PartyOrgState::kEstablished;
  branch.approved_by = approver.party_org_id;
  branch.secretary_person_id = std::move(appointed_secretary);
  branch.records.approved_on = on;
  branch.records.approval_doc_no = std::move(approval_doc_no);
  return branch;
}

Result<TemporaryBranch> FileTemporaryBranch(TemporaryBranch branch, std::string filing_doc_no,
                                            Date on) {
  if (branch.state != PartyOrgState::kEstablished) return WrongState(branch.state, "filing");
  if (filing_doc_no.empty()) return Error::InvalidArgument("filing_doc_no", "is required");
  if (on < *branch.records.approved_on) {
    return Error::InvalidArgument("on", "is before the approval");
  }
  branch.state = PartyOrgState::kActive;
  branch.records.filed_on = on;
  branch.records.filing_doc_no = std::move(filing_doc_no);
  return branch;
}

std::optional<Dissolution> DissolutionFor(const TemporaryBranch& branch, HostStatus host,
                                          Date today) {
  if (branch.state == PartyOrgState::kDissolved) return std::nullopt;
  if (today > branch.term.end) {
    return Dissolution{branch.term.end + std::chrono::days{1}, DissolutionReason::kTermEnded};
  }
  switch (host) {
    case HostStatus::kActive:
      return std::nullopt;
    case HostStatus::kCancelled:
      return Dissolution{today, DissolutionReason::kHostCancelled};
    case HostStatus::kRevoked:
      return Dissolution{today, DissolutionReason::kHostRevoked};
  }
  return std::nullopt;
}

Result<TemporaryBranch> DissolveTemporaryBranch(TemporaryBranch branch,
                                                const Dissolution& dissolution) {
  if (branch.state == PartyOrgState::kDissolved) return WrongState(branch.state, "dissolution");
  if (dissolution.on < branch.records.applied_on) {
    return Error::InvalidArgument("dissolution.on", "is before the application");
  }
  branch.state = PartyOrgState::kDissolved;
  branch.dissolution = dissolution;
  return branch;
}

Status CheckAction(const TemporaryBranch& branch, BranchAction action) {
  if (branch.state != PartyOrgState::kActive) {
    return WrongState(branch.state, "branch activities before filing or after dissolution");
  }
  switch (action) {
    case BranchAction::kEducate:
    case BranchAction::kManage:
    case BranchAction::kSupervise:
      return std::nullopt;
    case BranchAction::kAdmitMember:
      return Precondition(branch.state, "PB-06 a temporary branch does not admit members");
    case BranchAction::kDiscipline:
      return Precondition(branch.state, "PB-06 a temporary branch does not discipline members");
    case BranchAction::kCollectDues:
      return Precondition(branch.state, "PB-06 a temporary branch does not collect dues");
    case BranchAction::kHoldTermElection:
      return Precondition(branch.state, "PB-06 a temporary branch holds no term elections");
    case BranchAction::kElectCongressDelegates:
      return Precondition(branch.state,
                          "PB-06 a temporary branch does not elect congress delegates");
  }
  return std::nullopt;
}

}  // namespace socgov::party_building
