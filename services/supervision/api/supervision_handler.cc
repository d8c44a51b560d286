#include "supervision/api/supervision_handler.h"

#include "platform/grpcx/serve.h"

namespace socgov::supervision {
namespace {

// Who may call what (architecture.md §5, issue 10 item 10): inspectors run annual reports and
// sampling, enforcement officers the credit lists and cases; clerks receive reports; the rest
// read. Annual reports name finances and people: not for the public viewer role.
#define INSPECT_ROLES \
  { "inspector", "admin" }
#define RECEIVE_ROLES \
  { "clerk", "inspector", "admin" }
#define ENFORCE_ROLES \
  { "enforcement_officer", "admin" }
#define READ_DETAIL_ROLES \
  { "clerk", "inspector", "enforcement_officer", "rating_officer", "registrar", "auditor", "admin" }
#define READ_ROLES                                                                         \
  {                                                                                        \
    "clerk", "inspector", "enforcement_officer", "rating_officer", "registrar", "auditor", \
        "viewer", "venture_officer", "admin"                                               \
  }

// Cases and complaints name persons and evidence: officers, auditors and admins only.
#define CASE_READ_ROLES \
  { "enforcement_officer", "auditor", "admin" }
// Complaints come from the public portal's account or are recorded by staff.
#define INTAKE_ROLES \
  { "public", "clerk", "enforcement_officer", "admin" }
#define CAMPAIGN_ROLES \
  { "enforcement_officer", "inspector", "admin" }

#define RATE_ROLES \
  { "rating_officer", "admin" }
#define RATE_APPLY_ROLES \
  { "rating_officer", "clerk", "admin" }

}  // namespace

template <typename Resp, typename Call>
grpc::Status SupervisionHandler::Serve(grpc::ServerContext* ctx,
                                       std::initializer_list<std::string_view> roles, Resp* resp,
                                       Call&& call, std::source_location rpc) {
  return grpcx::Serve(*ctx, verifier_, clock_, logger_, roles, resp, std::forward<Call>(call), rpc);
}

SupervisionHandler::SupervisionHandler(Supervisor& supervisor, const auth::TokenVerifier& verifier,
                                       const Clock& clock, const log::Logger& logger)
    : supervisor_(supervisor), verifier_(verifier), clock_(clock), logger_(logger) {}

grpc::Status SupervisionHandler::OpenReportYear(grpc::ServerContext* ctx,
                                                const v1::OpenReportYearRequest* req,
                                                v1::ReportYear* resp) {
  return Serve(ctx, INSPECT_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.OpenReportYear(who, *req); });
}

grpc::Status SupervisionHandler::GetReportYear(grpc::ServerContext* ctx,
                                               const v1::GetReportYearRequest* req,
                                               v1::ReportYear* resp) {
  return Serve(ctx, READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.GetReportYear(who, *req); });
}

grpc::Status SupervisionHandler::SubmitAnnualReport(grpc::ServerContext* ctx,
                                                    const v1::SubmitAnnualReportRequest* req,
                                                    v1::AnnualReport* resp) {
  return Serve(ctx, RECEIVE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.SubmitReport(who, *req); });
}

grpc::Status SupervisionHandler::ReviewAnnualReport(grpc::ServerContext* ctx,
                                                    const v1::ReviewAnnualReportRequest* req,
                                                    v1::AnnualReport* resp) {
  return Serve(ctx, INSPECT_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ReviewReport(who, *req); });
}

grpc::Status SupervisionHandler::ConcludeAnnualReport(grpc::ServerContext* ctx,
                                                      const v1::ConcludeAnnualReportRequest* req,
                                                      v1::AnnualReport* resp) {
  return Serve(ctx, INSPECT_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ConcludeReport(who, *req); });
}

grpc::Status SupervisionHandler::GetAnnualReport(grpc::ServerContext* ctx,
                                                 const v1::GetAnnualReportRequest* req,
                                                 v1::AnnualReport* resp) {
  return Serve(ctx, READ_DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.GetReport(who, *req); });
}

grpc::Status SupervisionHandler::ListAnnualReports(grpc::ServerContext* ctx,
                                                   const v1::ListAnnualReportsRequest* req,
                                                   v1::ListAnnualReportsResponse* resp) {
  return Serve(ctx, READ_DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ListReports(who, *req); });
}

grpc::Status SupervisionHandler::Sweep(grpc::ServerContext* ctx, const v1::SweepRequest* req,
                                       v1::SweepResponse* resp) {
  return Serve(ctx, INSPECT_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.Sweep(who, *req); });
}

grpc::Status SupervisionHandler::GetCreditRecord(grpc::ServerContext* ctx,
                                                 const v1::GetCreditRecordRequest* req,
                                                 v1::CreditRecord* resp) {
  return Serve(ctx, READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.GetCredit(who, *req); });
}

grpc::Status SupervisionHandler::ListCreditListings(grpc::ServerContext* ctx,
                                                    const v1::ListCreditListingsRequest* req,
                                                    v1::ListCreditListingsResponse* resp) {
  return Serve(ctx, READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ListListings(who, *req); });
}

grpc::Status SupervisionHandler::WasListed(grpc::ServerContext* ctx,
                                           const v1::WasListedRequest* req,
                                           v1::WasListedResponse* resp) {
  return Serve(ctx, READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.WasListed(who, *req); });
}

grpc::Status SupervisionHandler::RecordCreditEvent(grpc::ServerContext* ctx,
                                                   const v1::RecordCreditEventRequest* req,
                                                   v1::CreditRecord* resp) {
  return Serve(ctx, ENFORCE_ROLES, resp, [&](const auth::Principal& who) {
    return supervisor_.RecordCreditEvent(who, *req);
  });
}

grpc::Status SupervisionHandler::RemoveCreditListing(grpc::ServerContext* ctx,
                                                     const v1::RemoveCreditListingRequest* req,
                                                     v1::CreditRecord* resp) {
  return Serve(ctx, ENFORCE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.RemoveListing(who, *req); });
}

grpc::Status SupervisionHandler::RecordObjection(grpc::ServerContext* ctx,
                                                 const v1::RecordObjectionRequest* req,
                                                 v1::CreditRecord* resp) {
  return Serve(ctx, ENFORCE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.RecordObjection(who, *req); });
}

grpc::Status SupervisionHandler::CreateSamplingPlan(grpc::ServerContext* ctx,
                                                    const v1::CreateSamplingPlanRequest* req,
                                                    v1::SamplingPlan* resp) {
  return Serve(ctx, INSPECT_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.CreatePlan(who, *req); });
}

grpc::Status SupervisionHandler::DrawSamplingPlan(grpc::ServerContext* ctx,
                                                  const v1::DrawSamplingPlanRequest* req,
                                                  v1::SamplingPlan* resp) {
  return Serve(ctx, INSPECT_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.DrawPlan(who, *req); });
}

grpc::Status SupervisionHandler::GetSamplingPlan(grpc::ServerContext* ctx,
                                                 const v1::GetSamplingPlanRequest* req,
                                                 v1::SamplingPlan* resp) {
  return Serve(ctx, READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.GetPlan(who, *req); });
}

grpc::Status SupervisionHandler::RecordInspection(grpc::ServerContext* ctx,
                                                  const v1::RecordInspectionRequest* req,
                                                  v1::SamplingPlan* resp) {
  return Serve(ctx, INSPECT_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.RecordInspection(who, *req); });
}

grpc::Status SupervisionHandler::RecordInterview(grpc::ServerContext* ctx,
                                                 const v1::RecordInterviewRequest* req,
                                                 v1::SamplingPlan* resp) {
  return Serve(ctx, INSPECT_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.RecordInterview(who, *req); });
}

grpc::Status SupervisionHandler::RecordRectification(grpc::ServerContext* ctx,
                                                     const v1::RecordRectificationRequest* req,
                                                     v1::SamplingPlan* resp) {
  return Serve(ctx, INSPECT_ROLES, resp, [&](const auth::Principal& who) {
    return supervisor_.RecordRectification(who, *req);
  });
}

grpc::Status SupervisionHandler::PublishSamplingPlan(grpc::ServerContext* ctx,
                                                     const v1::PublishSamplingPlanRequest* req,
                                                     v1::SamplingPlan* resp) {
  return Serve(ctx, INSPECT_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.PublishPlan(who, *req); });
}

grpc::Status SupervisionHandler::OpenCase(grpc::ServerContext* ctx, const v1::OpenCaseRequest* req,
                                          v1::EnforcementCase* resp) {
  return Serve(ctx, ENFORCE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.OpenCase(who, *req); });
}

grpc::Status SupervisionHandler::ActOnCase(grpc::ServerContext* ctx,
                                           const v1::ActOnCaseRequest* req,
                                           v1::EnforcementCase* resp) {
  return Serve(ctx, ENFORCE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ActOnCase(who, *req); });
}

grpc::Status SupervisionHandler::GetCase(grpc::ServerContext* ctx, const v1::GetCaseRequest* req,
                                         v1::EnforcementCase* resp) {
  return Serve(ctx, CASE_READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.GetCase(who, *req); });
}

grpc::Status SupervisionHandler::ListCases(grpc::ServerContext* ctx,
                                           const v1::ListCasesRequest* req,
                                           v1::ListCasesResponse* resp) {
  return Serve(ctx, CASE_READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ListCases(who, *req); });
}

grpc::Status SupervisionHandler::ListOverdueCases(grpc::ServerContext* ctx,
                                                  const v1::ListOverdueCasesRequest* req,
                                                  v1::ListOverdueCasesResponse* resp) {
  return Serve(ctx, CASE_READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ListOverdueCases(who, *req); });
}

grpc::Status SupervisionHandler::SubmitComplaint(grpc::ServerContext* ctx,
                                                 const v1::SubmitComplaintRequest* req,
                                                 v1::Complaint* resp) {
  return Serve(ctx, INTAKE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.SubmitComplaint(who, *req); });
}

grpc::Status SupervisionHandler::TriageComplaint(grpc::ServerContext* ctx,
                                                 const v1::TriageComplaintRequest* req,
                                                 v1::Complaint* resp) {
  return Serve(ctx, ENFORCE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.TriageComplaint(who, *req); });
}

grpc::Status SupervisionHandler::AnswerComplaint(grpc::ServerContext* ctx,
                                                 const v1::AnswerComplaintRequest* req,
                                                 v1::Complaint* resp) {
  return Serve(ctx, ENFORCE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.AnswerComplaint(who, *req); });
}

grpc::Status SupervisionHandler::GetComplaint(grpc::ServerContext* ctx,
                                              const v1::GetComplaintRequest* req,
                                              v1::Complaint* resp) {
  return Serve(ctx, CASE_READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.GetComplaint(who, *req); });
}

grpc::Status SupervisionHandler::ListComplaints(grpc::ServerContext* ctx,
                                                const v1::ListComplaintsRequest* req,
                                                v1::ListComplaintsResponse* resp) {
  return Serve(ctx, CASE_READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ListComplaints(who, *req); });
}

grpc::Status SupervisionHandler::RecordIllegalOrg(grpc::ServerContext* ctx,
                                                  const v1::RecordIllegalOrgRequest* req,
                                                  v1::IllegalOrg* resp) {
  return Serve(ctx, ENFORCE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.RecordIllegalOrg(who, *req); });
}

grpc::Status SupervisionHandler::HandleIllegalOrg(grpc::ServerContext* ctx,
                                                  const v1::HandleIllegalOrgRequest* req,
                                                  v1::IllegalOrg* resp) {
  return Serve(ctx, ENFORCE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.HandleIllegalOrg(who, *req); });
}

grpc::Status SupervisionHandler::ListIllegalOrgs(grpc::ServerContext* ctx,
                                                 const v1::ListIllegalOrgsRequest* req,
                                                 v1::ListIllegalOrgsResponse* resp) {
  return Serve(ctx, READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ListIllegalOrgs(who, *req); });
}

grpc::Status SupervisionHandler::StartCampaign(grpc::ServerContext* ctx,
                                               const v1::StartCampaignRequest* req,
                                               v1::Campaign* resp) {
  return Serve(ctx, CAMPAIGN_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.StartCampaign(who, *req); });
}

grpc::Status SupervisionHandler::AddCampaignItem(grpc::ServerContext* ctx,
                                                 const v1::AddCampaignItemRequest* req,
                                                 v1::Campaign* resp) {
  return Serve(ctx, CAMPAIGN_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.AddCampaignItem(who, *req); });
}

grpc::Status SupervisionHandler::ResolveCampaignItem(grpc::ServerContext* ctx,
                                                     const v1::ResolveCampaignItemRequest* req,
                                                     v1::Campaign* resp) {
  return Serve(ctx, CAMPAIGN_ROLES, resp, [&](const auth::Principal& who) {
    return supervisor_.ResolveCampaignItem(who, *req);
  });
}

grpc::Status SupervisionHandler::GetCampaign(grpc::ServerContext* ctx,
                                             const v1::GetCampaignRequest* req,
                                             v1::Campaign* resp) {
  return Serve(ctx, READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.GetCampaign(who, *req); });
}

grpc::Status SupervisionHandler::RunDetections(grpc::ServerContext* ctx,
                                               const v1::RunDetectionsRequest* req,
                                               v1::RunDetectionsResponse* resp) {
  return Serve(ctx, CAMPAIGN_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.RunDetections(who, *req); });
}

grpc::Status SupervisionHandler::OpenRatingRound(grpc::ServerContext* ctx,
                                                 const v1::OpenRatingRoundRequest* req,
                                                 v1::RatingRound* resp) {
  return Serve(ctx, RATE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.OpenRatingRound(who, *req); });
}

grpc::Status SupervisionHandler::ApplyForRating(grpc::ServerContext* ctx,
                                                const v1::ApplyForRatingRequest* req,
                                                v1::RatingEvaluation* resp) {
  return Serve(ctx, RATE_APPLY_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ApplyForRating(who, *req); });
}

grpc::Status SupervisionHandler::ActOnRating(grpc::ServerContext* ctx,
                                             const v1::ActOnRatingRequest* req,
                                             v1::RatingEvaluation* resp) {
  return Serve(ctx, RATE_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ActOnRating(who, *req); });
}

grpc::Status SupervisionHandler::GetRating(grpc::ServerContext* ctx,
                                           const v1::GetRatingRequest* req,
                                           v1::RatingEvaluation* resp) {
  return Serve(ctx, READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.GetRating(who, *req); });
}

grpc::Status SupervisionHandler::ListRatings(grpc::ServerContext* ctx,
                                             const v1::ListRatingsRequest* req,
                                             v1::ListRatingsResponse* resp) {
  return Serve(ctx, READ_ROLES, resp,
               [&](const auth::Principal& who) { return supervisor_.ListRatings(who, *req); });
}

}  // namespace socgov::supervision
