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
#include "socgov/party_building/v1/party_building_service.pb.h"

namespace socgov::directory {
class Directory;
}

namespace socgov::party_building {

class PartyBuildingStore;
struct StoredOrg;
struct StoredBranch;

class PartyWork {
 public:
  // `authority`: the deployment's jurisdiction (ids, ce-source).
  PartyWork(PartyBuildingStore& store, directory::Directory& directory, const Clock& clock,
            std::string authority);

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
  // PB-08 over the directory's organizations in `jurisdiction` with `orgs` as the party
  // organizations and `branches` as the temporary branches (work coverage).
  Result<Computed> CoverageOf(const std::string& jurisdiction, const std::vector<StoredOrg>& orgs,
                              const std::vector<StoredBranch>& branches);
  // Adds coverage.changed of `jurisdiction` to `m` (its sequence spent with a counter guard), the
  // changes `m` commits replacing their stored values.
  Status AddCoverageEvent(store::Mutation& m, const std::string& jurisdiction,
                          const std::vector<StoredOrg>& org_changes,
                          const std::vector<StoredBranch>& branch_changes, const std::string& cause,
                          const auth::Principal& who, TimePoint now);
  std::vector<std::string> HigherChain(const std::string& parent_id);

  PartyBuildingStore& store_;
  directory::Directory& directory_;
  const Clock& clock_;
  std::string authority_;
};

}  // namespace socgov::party_building
