// Supervision use cases: read → decide (pure domain) → one mutation (state, indexes, idempotency
// record, events). Each takes the authenticated principal and the API request (the contract's
// message, already the plain data a use case needs; no gRPC types come below the handler) and
// checks the entity's jurisdiction, not only the request's (architecture.md §5).
#pragma once

// Layer rule, enforced by the build (services/supervision/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "supervision/app is not visible from the domain and store layers"
#endif

#include <cstdint>
#include <optional>
#include <string>

#include "platform/auth/token.h"
#include "platform/store/mutation.h"
#include "platform/util/clock.h"
#include "platform/util/error.h"
#include "socgov/supervision/v1/supervision_service.pb.h"
#include "supervision/domain/rating_scale.h"

namespace socgov::directory {
class Directory;
}

namespace socgov::supervision {

class SupervisionStore;
namespace v1 = ::socgov::supervision::v1;

struct SupervisionSettings {
  std::string authority;              // the deployment's 6-digit code
  unsigned cohort_cutoff_month = 12;  // AR-05
  unsigned cohort_cutoff_day = 31;
  std::int32_t limitation_years = 2;        // ENF-03
  std::int32_t decision_days = 90;          // ENF-11
  std::int32_t service_days = 7;            // ENF-06
  std::int32_t complaint_answer_days = 15;  // answer to the reporter
  GradeThresholds rating_thresholds;        // RT-06 (Chanhe by default)
};

class Supervisor {
 public:
  Supervisor(SupervisionStore& store, directory::Directory& directory, SupervisionSettings settings,
             const Clock& clock);

  // Annual reports (reports.cc).
  Result<v1::ReportYear> OpenReportYear(const auth::Principal& who,
                                        const v1::OpenReportYearRequest& in);
  Result<v1::ReportYear> GetReportYear(const auth::Principal& who,
                                       const v1::GetReportYearRequest& in);
  Result<v1::AnnualReport> SubmitReport(const auth::Principal& who,
                                        const v1::SubmitAnnualReportRequest& in);
  Result<v1::AnnualReport> ReviewReport(const auth::Principal& who,
                                        const v1::ReviewAnnualReportRequest& in);
  Result<v1::AnnualReport> ConcludeReport(const auth::Principal& who,
                                          const v1::ConcludeAnnualReportRequest& in);
  Result<v1::AnnualReport> GetReport(const auth::Principal& who,
                                     const v1::GetAnnualReportRequest& in);
  Result<v1::ListAnnualReportsResponse> ListReports(const auth::Principal& who,
                                                    const v1::ListAnnualReportsRequest& in);

  // Date-driven rules (sweep.cc).
  Result<v1::SweepResponse> Sweep(const auth::Principal& who, const v1::SweepRequest& in);

  // Credit lists (credit.cc).
  Result<v1::CreditRecord> GetCredit(const auth::Principal& who,
                                     const v1::GetCreditRecordRequest& in);
  Result<v1::ListCreditListingsResponse> ListListings(const auth::Principal& who,
                                                      const v1::ListCreditListingsRequest& in);
  Result<v1::WasListedResponse> WasListed(const auth::Principal& who,
                                          const v1::WasListedRequest& in);
  Result<v1::CreditRecord> RecordCreditEvent(const auth::Principal& who,
                                             const v1::RecordCreditEventRequest& in);
  Result<v1::CreditRecord> RemoveListing(const auth::Principal& who,
                                         const v1::RemoveCreditListingRequest& in);
  Result<v1::CreditRecord> RecordObjection(const auth::Principal& who,
                                           const v1::RecordObjectionRequest& in);

  // CR-01(b) / PB-11 from party building's events (party_credit.cc), for the router's route on
  // PARTY_BUILDING: the writes, or nullopt when the event changes nothing. An error that is not
  // kUnavailable will not heal (malformed event, another jurisdiction's organization).
  // party_org.required_missing → the organization on the ABNORMAL list.
  Result<std::optional<store::Mutation>> DecidePartyOrganizationMissing(
      const std::string& event_id, const std::string& required_missing_bytes);
  // party_org.approved | established (PartyOrgChanged) → CR-05 removal of the CR-01(b) listings
  // of the organizations it covers.
  Result<std::optional<store::Mutation>> DecidePartyOrganizationCovering(
      const std::string& event_id, const std::string& party_org_changed_bytes);

  // Sampling plans (plans.cc).
  Result<v1::SamplingPlan> CreatePlan(const auth::Principal& who,
                                      const v1::CreateSamplingPlanRequest& in);
  Result<v1::SamplingPlan> DrawPlan(const auth::Principal& who,
                                    const v1::DrawSamplingPlanRequest& in);
  Result<v1::SamplingPlan> GetPlan(const auth::Principal& who,
                                   const v1::GetSamplingPlanRequest& in);
  Result<v1::SamplingPlan> RecordInspection(const auth::Principal& who,
                                            const v1::RecordInspectionRequest& in);
  Result<v1::SamplingPlan> RecordInterview(const auth::Principal& who,
                                           const v1::RecordInterviewRequest& in);
  Result<v1::SamplingPlan> RecordRectification(const auth::Principal& who,
                                               const v1::RecordRectificationRequest& in);
  Result<v1::SamplingPlan> PublishPlan(const auth::Principal& who,
                                       const v1::PublishSamplingPlanRequest& in);

  // Enforcement cases (cases.cc).
  Result<v1::EnforcementCase> OpenCase(const auth::Principal& who, const v1::OpenCaseRequest& in);
  Result<v1::EnforcementCase> ActOnCase(const auth::Principal& who, const v1::ActOnCaseRequest& in);
  Result<v1::EnforcementCase> GetCase(const auth::Principal& who, const v1::GetCaseRequest& in);
  Result<v1::ListCasesResponse> ListCases(const auth::Principal& who,
                                          const v1::ListCasesRequest& in);
  Result<v1::ListOverdueCasesResponse> ListOverdueCases(const auth::Principal& who,
                                                        const v1::ListOverdueCasesRequest& in);

  // Complaints and illegal organizations (complaints.cc).
  Result<v1::Complaint> SubmitComplaint(const auth::Principal& who,
                                        const v1::SubmitComplaintRequest& in);
  Result<v1::Complaint> TriageComplaint(const auth::Principal& who,
                                        const v1::TriageComplaintRequest& in);
  Result<v1::Complaint> AnswerComplaint(const auth::Principal& who,
                                        const v1::AnswerComplaintRequest& in);
  Result<v1::Complaint> GetComplaint(const auth::Principal& who, const v1::GetComplaintRequest& in);
  Result<v1::ListComplaintsResponse> ListComplaints(const auth::Principal& who,
                                                    const v1::ListComplaintsRequest& in);
  Result<v1::IllegalOrg> RecordIllegalOrg(const auth::Principal& who,
                                          const v1::RecordIllegalOrgRequest& in);
  Result<v1::IllegalOrg> HandleIllegalOrg(const auth::Principal& who,
                                          const v1::HandleIllegalOrgRequest& in);
  Result<v1::ListIllegalOrgsResponse> ListIllegalOrgs(const auth::Principal& who,
                                                      const v1::ListIllegalOrgsRequest& in);

  // Campaigns and detections (campaigns.cc).
  Result<v1::Campaign> StartCampaign(const auth::Principal& who,
                                     const v1::StartCampaignRequest& in);
  Result<v1::Campaign> AddCampaignItem(const auth::Principal& who,
                                       const v1::AddCampaignItemRequest& in);
  Result<v1::Campaign> ResolveCampaignItem(const auth::Principal& who,
                                           const v1::ResolveCampaignItemRequest& in);
  Result<v1::Campaign> GetCampaign(const auth::Principal& who, const v1::GetCampaignRequest& in);
  Result<v1::RunDetectionsResponse> RunDetections(const auth::Principal& who,
                                                  const v1::RunDetectionsRequest& in);

  // Rating evaluation (ratings.cc).
  Result<v1::RatingRound> OpenRatingRound(const auth::Principal& who,
                                          const v1::OpenRatingRoundRequest& in);
  Result<v1::RatingEvaluation> ApplyForRating(const auth::Principal& who,
                                              const v1::ApplyForRatingRequest& in);
  Result<v1::RatingEvaluation> ActOnRating(const auth::Principal& who,
                                           const v1::ActOnRatingRequest& in);
  Result<v1::RatingEvaluation> GetRating(const auth::Principal& who,
                                         const v1::GetRatingRequest& in);
  Result<v1::ListRatingsResponse> ListRatings(const auth::Principal& who,
                                              const v1::ListRatingsRequest& in);

  const SupervisionSettings& settings() const { return settings_; }

 private:
  SupervisionStore& store_;
  directory::Directory& directory_;
  SupervisionSettings settings_;
  const Clock& clock_;
};

}  // namespace socgov::supervision
