// The welfare-venture use cases (issue 14). Each command reads once, decides with the pure domain
// and commits one mutation (entities with version guards + idempotency record + events).
// Applicants' facts come from this service's read models — the organization directory
// (registration's events) and the credit listings (supervision's credit.* events) — never from
// another service's keys.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "welfare_venture/app is not visible from the domain and store layers"
#endif

#include <optional>
#include <string>
#include <vector>

#include "platform/auth/token.h"
#include "platform/store/mutation.h"
#include "platform/util/clock.h"
#include "platform/util/error.h"
#include "socgov/welfare_venture/v1/welfare_venture_service.pb.h"
#include "welfare_venture/domain/application.h"
#include "welfare_venture/domain/review.h"

namespace socgov::directory {
class Directory;
}

namespace socgov::welfare_venture {

class WelfareVentureStore;
struct StoredRound;
struct StoredApplication;
struct StoredCredit;

class Venture {
 public:
  // `authority`: the deployment's jurisdiction (ids, ce-source).
  Venture(WelfareVentureStore& store, directory::Directory& directory, const Clock& clock,
          std::string authority);

  // Rounds (rounds.cc).
  Result<v1::Round> CreateRound(const auth::Principal& who, const v1::CreateRoundRequest& req);
  Result<v1::Round> AdvanceRound(const auth::Principal& who, const v1::AdvanceRoundRequest& req);
  Result<v1::Round> GetRound(const auth::Principal& who, const v1::GetRoundRequest& req);
  Result<v1::ListRoundsResponse> ListRounds(const auth::Principal& who,
                                            const v1::ListRoundsRequest& req);

  // Applications and eligibility (applications.cc).
  Result<v1::Application> Submit(const auth::Principal& who,
                                 const v1::SubmitApplicationRequest& req);
  Result<v1::Application> Screen(const auth::Principal& who,
                                 const v1::ScreenApplicationRequest& req);
  Result<v1::Application> Withdraw(const auth::Principal& who,
                                   const v1::WithdrawApplicationRequest& req);
  Result<v1::Application> GetApplication(const auth::Principal& who,
                                         const v1::GetApplicationRequest& req);
  Result<v1::ListApplicationsResponse> ListApplications(const auth::Principal& who,
                                                        const v1::ListApplicationsRequest& req);
  Result<v1::CheckEligibilityResponse> CheckEligibility(const auth::Principal& who,
                                                        const v1::CheckEligibilityRequest& req);
  Result<v1::CreditFacts> GetCreditFacts(const auth::Principal& who,
                                         const v1::GetCreditFactsRequest& req);

  // Experts, scores, ranking, publicity and awards (review.cc).
  Result<v1::Expert> RegisterExpert(const auth::Principal& who,
                                    const v1::RegisterExpertRequest& req);
  Result<v1::Application> AssignExpert(const auth::Principal& who,
                                       const v1::AssignExpertRequest& req);
  Result<v1::Application> RecordScoreSheet(const auth::Principal& who,
                                           const v1::RecordScoreSheetRequest& req);
  Result<v1::Application> SetBonuses(const auth::Principal& who, const v1::SetBonusesRequest& req);
  Result<v1::Ranking> GetRanking(const auth::Principal& who, const v1::GetRankingRequest& req);
  Result<v1::Round> PublishShortlist(const auth::Principal& who,
                                     const v1::PublishShortlistRequest& req);
  Result<v1::Round> FileObjection(const auth::Principal& who, const v1::FileObjectionRequest& req);
  Result<v1::Round> ResolveObjection(const auth::Principal& who,
                                     const v1::ResolveObjectionRequest& req);
  Result<v1::Round> ConfirmAwards(const auth::Principal& who, const v1::ConfirmAwardsRequest& req);

  // Funded projects (projects.cc).
  Result<v1::Project> SignContract(const auth::Principal& who, const v1::SignContractRequest& req);
  Result<v1::Project> PayTranche(const auth::Principal& who, const v1::ProjectStepRequest& req);
  Result<v1::Project> StartImplementation(const auth::Principal& who,
                                          const v1::ProjectStepRequest& req);
  Result<v1::Project> RecordMidterm(const auth::Principal& who,
                                    const v1::RecordMidtermRequest& req);
  Result<v1::Project> ReviewSuspension(const auth::Principal& who,
                                       const v1::ReviewSuspensionRequest& req);
  Result<v1::Project> RecordFinancialCheck(const auth::Principal& who,
                                           const v1::RecordFinancialCheckRequest& req);
  Result<v1::Project> SubmitFinalReport(const auth::Principal& who,
                                        const v1::ProjectStepRequest& req);
  Result<v1::Project> RecordFinalEvaluation(const auth::Principal& who,
                                            const v1::RecordFinalEvaluationRequest& req);
  Result<v1::Project> ClawBack(const auth::Principal& who, const v1::AmountRequest& req);
  Result<v1::Project> RecoverUnusedFunds(const auth::Principal& who, const v1::AmountRequest& req);
  Result<v1::Project> ArchiveProject(const auth::Principal& who, const v1::ProjectStepRequest& req);
  Result<v1::Project> GetProject(const auth::Principal& who, const v1::GetProjectRequest& req);
  Result<v1::ListProjectsResponse> ListProjects(const auth::Principal& who,
                                                const v1::ListProjectsRequest& req);

  // Outcomes and disclosure (outcomes.cc).
  Result<v1::Activity> ReportActivity(const auth::Principal& who,
                                      const v1::ReportActivityRequest& req);
  Result<v1::ListActivitiesResponse> ListActivities(const auth::Principal& who,
                                                    const v1::ListActivitiesRequest& req);
  Result<v1::GetOutcomeTotalsResponse> GetOutcomeTotals(const auth::Principal& who,
                                                        const v1::GetOutcomeTotalsRequest& req);
  Result<v1::ExportDisclosureResponse> ExportDisclosure(const auth::Principal& who,
                                                        const v1::ExportDisclosureRequest& req);

  // The credit read model (credit.cc): the writes of one of supervision's credit.* events
  // (`name` listed | escalated | removed | restarted) about `org_id`, given the stored model's
  // hash; nullopt when it changes nothing.
  // The key of that model for `org_id` (the route reads it with the dedup check).
  static std::string CreditStateKey(const std::string& org_id);
  Result<std::optional<store::Mutation>> DecideCreditEvent(const std::string& name,
                                                           const std::string& org_id,
                                                           const std::string& data,
                                                           const std::vector<std::string>& hash);

 private:
  // What the read models say about `org_id` as of now, with the application's declarations.
  Result<ApplicantFacts> FactsOf(const std::string& org_id, bool premises, bool staff,
                                 bool qualifications);
  // Candidates for ranking: the round's applications in the running with their score; those that
  // cannot be scored yet go to `unranked`.
  Result<std::vector<Candidate>> CandidatesOf(const StoredRound& round,
                                              const std::vector<StoredApplication>& apps,
                                              std::vector<Skipped>* unranked);

  WelfareVentureStore& store_;
  directory::Directory& directory_;
  const Clock& clock_;
  std::string authority_;
};

}  // namespace socgov::welfare_venture
