// gRPC handlers of SupervisionService: authenticate, authorize the roles of each RPC, call the
// Supervisor, map errors to statuses. No Redis or NATS here.
#pragma once

// Layer rule, enforced by the build (services/supervision/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE) || defined(SOCGOV_LAYER_APP)
#error "supervision/api is visible only from the api layer and the service definition"
#endif

#include <source_location>

#include "platform/auth/token.h"
#include "platform/log/log.h"
#include "platform/util/clock.h"
#include "socgov/supervision/v1/supervision_service.grpc.pb.h"
#include "supervision/app/supervisor.h"

namespace socgov::supervision {

class SupervisionHandler final : public v1::SupervisionService::Service {
 public:
  SupervisionHandler(Supervisor& supervisor, const auth::TokenVerifier& verifier,
                     const Clock& clock, const log::Logger& logger);
  grpc::Status OpenReportYear(grpc::ServerContext* ctx, const v1::OpenReportYearRequest* req,
                              v1::ReportYear* resp) override;
  grpc::Status GetReportYear(grpc::ServerContext* ctx, const v1::GetReportYearRequest* req,
                             v1::ReportYear* resp) override;
  grpc::Status SubmitAnnualReport(grpc::ServerContext* ctx,
                                  const v1::SubmitAnnualReportRequest* req,
                                  v1::AnnualReport* resp) override;
  grpc::Status ReviewAnnualReport(grpc::ServerContext* ctx,
                                  const v1::ReviewAnnualReportRequest* req,
                                  v1::AnnualReport* resp) override;
  grpc::Status ConcludeAnnualReport(grpc::ServerContext* ctx,
                                    const v1::ConcludeAnnualReportRequest* req,
                                    v1::AnnualReport* resp) override;
  grpc::Status GetAnnualReport(grpc::ServerContext* ctx, const v1::GetAnnualReportRequest* req,
                               v1::AnnualReport* resp) override;
  grpc::Status ListAnnualReports(grpc::ServerContext* ctx, const v1::ListAnnualReportsRequest* req,
                                 v1::ListAnnualReportsResponse* resp) override;
  grpc::Status Sweep(grpc::ServerContext* ctx, const v1::SweepRequest* req,
                     v1::SweepResponse* resp) override;
  grpc::Status GetCreditRecord(grpc::ServerContext* ctx, const v1::GetCreditRecordRequest* req,
                               v1::CreditRecord* resp) override;
  grpc::Status ListCreditListings(grpc::ServerContext* ctx,
                                  const v1::ListCreditListingsRequest* req,
                                  v1::ListCreditListingsResponse* resp) override;
  grpc::Status WasListed(grpc::ServerContext* ctx, const v1::WasListedRequest* req,
                         v1::WasListedResponse* resp) override;
  grpc::Status RecordCreditEvent(grpc::ServerContext* ctx, const v1::RecordCreditEventRequest* req,
                                 v1::CreditRecord* resp) override;
  grpc::Status RemoveCreditListing(grpc::ServerContext* ctx,
                                   const v1::RemoveCreditListingRequest* req,
                                   v1::CreditRecord* resp) override;
  grpc::Status RecordObjection(grpc::ServerContext* ctx, const v1::RecordObjectionRequest* req,
                               v1::CreditRecord* resp) override;
  grpc::Status CreateSamplingPlan(grpc::ServerContext* ctx,
                                  const v1::CreateSamplingPlanRequest* req,
                                  v1::SamplingPlan* resp) override;
  grpc::Status DrawSamplingPlan(grpc::ServerContext* ctx, const v1::DrawSamplingPlanRequest* req,
                                v1::SamplingPlan* resp) override;
  grpc::Status GetSamplingPlan(grpc::ServerContext* ctx, const v1::GetSamplingPlanRequest* req,
                               v1::SamplingPlan* resp) override;
  grpc::Status RecordInspection(grpc::ServerContext* ctx, const v1::RecordInspectionRequest* req,
                                v1::SamplingPlan* resp) override;
  grpc::Status RecordInterview(grpc::ServerContext* ctx, const v1::RecordInterviewRequest* req,
                               v1::SamplingPlan* resp) override;
  grpc::Status RecordRectification(grpc::ServerContext* ctx,
                                   const v1::RecordRectificationRequest* req,
                                   v1::SamplingPlan* resp) override;
  grpc::Status PublishSamplingPlan(grpc::ServerContext* ctx,
                                   const v1::PublishSamplingPlanRequest* req,
                                   v1::SamplingPlan* resp) override;
  grpc::Status OpenCase(grpc::ServerContext* ctx, const v1::OpenCaseRequest* req,
                        v1::EnforcementCase* resp) override;
  grpc::Status ActOnCase(grpc::ServerContext* ctx, const v1::ActOnCaseRequest* req,
                         v1::EnforcementCase* resp) override;
  grpc::Status GetCase(grpc::ServerContext* ctx, const v1::GetCaseRequest* req,
                       v1::EnforcementCase* resp) override;
  grpc::Status ListCases(grpc::ServerContext* ctx, const v1::ListCasesRequest* req,
                         v1::ListCasesResponse* resp) override;
  grpc::Status ListOverdueCases(grpc::ServerContext* ctx, const v1::ListOverdueCasesRequest* req,
                                v1::ListOverdueCasesResponse* resp) override;
  grpc::Status SubmitComplaint(grpc::ServerContext* ctx, const v1::SubmitComplaintRequest* req,
                               v1::Complaint* resp) override;
  grpc::Status TriageComplaint(grpc::ServerContext* ctx, const v1::TriageComplaintRequest* req,
                               v1::Complaint* resp) override;
  grpc::Status AnswerComplaint(grpc::ServerContext* ctx, const v1::AnswerComplaintRequest* req,
                               v1::Complaint* resp) override;
  grpc::Status GetComplaint(grpc::ServerContext* ctx, const v1::GetComplaintRequest* req,
                            v1::Complaint* resp) override;
  grpc::Status ListComplaints(grpc::ServerContext* ctx, const v1::ListComplaintsRequest* req,
                              v1::ListComplaintsResponse* resp) override;
  grpc::Status RecordIllegalOrg(grpc::ServerContext* ctx, const v1::RecordIllegalOrgRequest* req,
                                v1::IllegalOrg* resp) override;
  grpc::Status HandleIllegalOrg(grpc::ServerContext* ctx, const v1::HandleIllegalOrgRequest* req,
                                v1::IllegalOrg* resp) override;
  grpc::Status ListIllegalOrgs(grpc::ServerContext* ctx, const v1::ListIllegalOrgsRequest* req,
                               v1::ListIllegalOrgsResponse* resp) override;
  grpc::Status StartCampaign(grpc::ServerContext* ctx, const v1::StartCampaignRequest* req,
                             v1::Campaign* resp) override;
  grpc::Status AddCampaignItem(grpc::ServerContext* ctx, const v1::AddCampaignItemRequest* req,
                               v1::Campaign* resp) override;
  grpc::Status ResolveCampaignItem(grpc::ServerContext* ctx,
                                   const v1::ResolveCampaignItemRequest* req,
                                   v1::Campaign* resp) override;
  grpc::Status GetCampaign(grpc::ServerContext* ctx, const v1::GetCampaignRequest* req,
                           v1::Campaign* resp) override;
  grpc::Status RunDetections(grpc::ServerContext* ctx, const v1::RunDetectionsRequest* req,
                             v1::RunDetectionsResponse* resp) override;
  grpc::Status OpenRatingRound(grpc::ServerContext* ctx, const v1::OpenRatingRoundRequest* req,
                               v1::RatingRound* resp) override;
  grpc::Status ApplyForRating(grpc::ServerContext* ctx, const v1::ApplyForRatingRequest* req,
                              v1::RatingEvaluation* resp) override;
  grpc::Status ActOnRating(grpc::ServerContext* ctx, const v1::ActOnRatingRequest* req,
                           v1::RatingEvaluation* resp) override;
  grpc::Status GetRating(grpc::ServerContext* ctx, const v1::GetRatingRequest* req,
                         v1::RatingEvaluation* resp) override;
  grpc::Status ListRatings(grpc::ServerContext* ctx, const v1::ListRatingsRequest* req,
                           v1::ListRatingsResponse* resp) override;

 private:
  template <typename Resp, typename Call>
  grpc::Status Serve(grpc::ServerContext* ctx, std::initializer_list<std::string_view> roles,
                     Resp* resp, Call&& call,
                     std::source_location rpc = std::source_location::current());

  Supervisor& supervisor_;
  const auth::TokenVerifier& verifier_;
  const Clock& clock_;
  const log::Logger& logger_;
};

}  // namespace socgov::supervision
