// Party building's use cases (issue 13): party organizations, temporary branches, member records
// and coverage. Each command reads once, decides with the pure domain and commits one mutation
// (entity with version guard + idempotency record + events); organizations come from the
// directory (registration's events), never from registration's keys.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "party_building/app is not visible from the domain and store layers"
#endif

#include <optional>
#include <string>
#include <vector>

#include "party_building/domain/coverage.h"
#include "party_building/domain/temporary_branch.h"
#include "platform/auth/token.h"
#include "platform/store/mutation.h"
#include "platform/util/clock.h"
#include "platform/util/error.h"
#include "socgov/party_building/v1/major_decision.pb.h"
#include "socgov/party_building/v1/party_building_service.pb.h"
#include "socgov/party_building/v1/party_life.pb.h"

namespace socgov::directory {
class Directory;
}

namespace socgov::party_building {

class PartyBuildingStore;
struct StoredOrg;
struct StoredBranch;
template <typename T>
struct Stored;
struct Instructor;
using StoredInstructor = Stored<Instructor>;

class PartyWork {
 public:
  // `authority`: the deployment's jurisdiction (ids, ce-source); `escalation_days`: PB-12's
  // days to escalate a disagreement on a major matter (setting escalation-days).
  PartyWork(PartyBuildingStore& store, directory::Directory& directory, const Clock& clock,
            std::string authority, int escalation_days = 10);

  Result<v1::PartyOrganization> Propose(const auth::Principal& who,
                                        const v1::ProposePartyOrganizationRequest& req);
  Result<v1::PartyOrganization> Approve(const auth::Principal& who,
                                        const v1::ApprovePartyOrganizationRequest& req);
  Result<v1::PartyOrganization> Activate(const auth::Principal& who,
                                         const v1::ActivatePartyOrganizationRequest& req);
  Result<v1::PartyOrganization> Dissolve(const auth::Principal& who,
                                         const v1::DissolvePartyOrganizationRequest& req);
  Result<v1::PartyOrganization> GetOrg(const auth::Principal& who,
                                       const v1::GetPartyOrganizationRequest& req);
  Result<v1::ListPartyOrganizationsResponse> ListOrgs(const auth::Principal& who,
                                                      const v1::ListPartyOrganizationsRequest& req);

  Result<v1::TemporaryBranch> ApplyBranch(const auth::Principal& who,
                                          const v1::ApplyTemporaryBranchRequest& req);
  Result<v1::TemporaryBranch> ApproveBranch(const auth::Principal& who,
                                            const v1::ApproveTemporaryBranchRequest& req);
  Result<v1::TemporaryBranch> FileBranch(const auth::Principal& who,
                                         const v1::FileTemporaryBranchRequest& req);
  Result<v1::TemporaryBranch> GetBranch(const auth::Principal& who,
                                        const v1::GetTemporaryBranchRequest& req);
  Result<v1::RecordBranchActionResponse> BranchAction(const auth::Principal& who,
                                                      const v1::RecordBranchActionRequest& req);

  Result<v1::PartyMember> AddMember(const auth::Principal& who, const v1::AddMemberRequest& req);
  Result<v1::Coverage> GetCoverage(const auth::Principal& who, const v1::GetCoverageRequest& req);

  // Term elections and meetings (PB-13), app/party_life.cc.
  Result<v1::PartyOrganization> StartTermElection(const auth::Principal& who,
                                                  const v1::StartTermElectionRequest& req);
  Result<v1::PartyOrganization> CompleteTermElection(const auth::Principal& who,
                                                     const v1::CompleteTermElectionRequest& req);
  Result<v1::Meeting> RecordMeeting(const auth::Principal& who,
                                    const v1::RecordMeetingRequest& req);
  Result<v1::MeetingCompliance> GetMeetingCompliance(const auth::Principal& who,
                                                     const v1::GetMeetingComplianceRequest& req);
  // Instructors (work coverage), activities, evaluations, awards, app/party_life.cc.
  Result<v1::Instructor> AppointInstructor(const auth::Principal& who,
                                           const v1::AppointInstructorRequest& req);
  Result<v1::Instructor> EndInstructor(const auth::Principal& who,
                                       const v1::EndInstructorRequest& req);
  Result<v1::Activity> RecordActivity(const auth::Principal& who,
                                      const v1::RecordActivityRequest& req);
  Result<v1::Evaluation> RecordEvaluation(const auth::Principal& who,
                                          const v1::RecordEvaluationRequest& req);
  Result<v1::Award> RecordAward(const auth::Principal& who, const v1::RecordAwardRequest& req);

  // Major-decision participation (PB-12), app/decisions.cc.
  Result<v1::MajorDecision> RegisterDecision(const auth::Principal& who,
                                             const v1::RegisterMajorDecisionRequest& req);
  Result<v1::MajorDecision> RecordOpinion(const auth::Principal& who,
                                          const v1::RecordDecisionOpinionRequest& req);
  Result<v1::MajorDecision> EscalateDecision(const auth::Principal& who,
                                             const v1::EscalateMajorDecisionRequest& req);
  Result<v1::MajorDecision> ResolveEscalation(const auth::Principal& who,
                                              const v1::ResolveDecisionEscalationRequest& req);
  Result<v1::MajorDecision> StartExecution(const auth::Principal& who,
                                           const v1::StartDecisionExecutionRequest& req);
  Result<v1::MajorDecision> RecordDeviation(const auth::Principal& who,
                                            const v1::RecordDecisionDeviationRequest& req);
  Result<v1::MajorDecision> ResolveDeviation(const auth::Principal& who,
                                             const v1::ResolveDecisionDeviationRequest& req);
  Result<v1::MajorDecision> CloseDecision(const auth::Principal& who,
                                          const v1::CloseMajorDecisionRequest& req);
  Result<v1::MajorDecision> GetDecision(const auth::Principal& who,
                                        const v1::GetMajorDecisionRequest& req);
  Result<v1::ListMajorDecisionsResponse> ListDecisions(const auth::Principal& who,
                                                       const v1::ListMajorDecisionsRequest& req);

  // The counts of a jurisdiction, app/summary.cc.
  Result<v1::Summary> GetSummary(const auth::Principal& who, const v1::GetSummaryRequest& req);

  // The router's decision on registration's organization.cancelled / organization.revoked
  // (event `event_id` about `org_id`): the host's temporary branches dissolved, each with its
  // event; nullopt when the organization hosts none that is not dissolved.
  Result<std::optional<store::Mutation>> DecideHostEnded(const std::string& event_id,
                                                         const std::string& org_id,
                                                         HostStatus status);
  // PB-07: dissolves every temporary branch whose council term ended before today (kit clock).
  // Returns how many it dissolved.
  Result<int> SweepTerms();

 private:
  struct Computed {
    Coverage coverage;
    std::vector<std::string> required_but_missing;
  };
  // What coverage is computed from: party organizations, temporary branches and instructors.
  struct Links {
    std::vector<StoredOrg> orgs;
    std::vector<StoredBranch> branches;
    std::vector<StoredInstructor> instructors;
  };
  Result<Links> AllLinks();
  // PB-08 over the directory's organizations of exactly `jurisdiction` (a city's own, not its
  // districts': GetCoverage rolls those up) with the
  // party organizations (organization coverage), and temporary branches and serving instructors
  // reaching organizations (work coverage).
  Result<Computed> CoverageOf(const std::string& jurisdiction, const Links& links);
  // Adds coverage.changed of `jurisdiction` to `m` (its sequence spent with a counter guard), the
  // changes `m` commits replacing their stored values.
  Status AddCoverageEvent(store::Mutation& m, const std::string& jurisdiction,
                          const std::vector<StoredOrg>& org_changes,
                          const std::vector<StoredBranch>& branch_changes, const std::string& cause,
                          const auth::Principal& who, TimePoint now,
                          const std::vector<StoredInstructor>& instructor_changes = {});
  // PB-01/PB-11: adds party_org.required_missing of `org_id` (with `formal` formal members) to `m`,
  // its sequence the organization's own counter spent with a guard.
  Status AddRequiredMissing(store::Mutation& m, const std::string& org_id, std::int64_t formal,
                            const std::string& cause, const auth::Principal& who, TimePoint now);
  // The party organization `id` (not dissolved) and its jurisdiction, for a record about it;
  // `field` names it in errors.
  Result<StoredOrg> LiveOrg(const char* field, const std::string& id);
  std::vector<std::string> HigherChain(const std::string& parent_id);

  PartyBuildingStore& store_;
  directory::Directory& directory_;
  const Clock& clock_;
  std::string authority_;
  int escalation_days_;
};

}  // namespace socgov::party_building
