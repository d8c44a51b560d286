#include "welfare_venture/api/welfare_venture_handler.h"

#include "platform/grpcx/serve.h"

namespace socgov::welfare_venture {
namespace {

// Who may call what (issue 14 item 8): venture officers run rounds, reviews and projects; experts
// score what they are assigned (RecordScoreSheet checks the assignment and scores as the caller)
// and read the applications; auditors read everything; viewers and the public read what VC-11
// discloses anyway (rounds, projects, activities, totals, the disclosure).
#define WRITE_ROLES \
  { "venture_officer", "admin" }
#define SCORE_ROLES \
  { "expert", "venture_officer", "admin" }
#define DETAIL_ROLES \
  { "venture_officer", "expert", "auditor", "admin" }
#define PUBLIC_ROLES \
  { "venture_officer", "expert", "auditor", "admin", "viewer", "public" }

}  // namespace

template <typename Resp, typename Call>
grpc::Status WelfareVentureHandler::Serve(grpc::ServerContext* ctx,
                                          std::initializer_list<std::string_view> roles, Resp* resp,
                                          Call&& call, std::source_location rpc) {
  return grpcx::Serve(*ctx, verifier_, clock_, logger_, roles, resp, std::forward<Call>(call), rpc);
}

WelfareVentureHandler::WelfareVentureHandler(Venture& venture, const auth::TokenVerifier& verifier,
                                             const Clock& clock, const log::Logger& logger)
    : venture_(venture), verifier_(verifier), clock_(clock), logger_(logger) {}

grpc::Status WelfareVentureHandler::CreateRound(grpc::ServerContext* ctx,
                                                const v1::CreateRoundRequest* req,
                                                v1::Round* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.CreateRound(who, *req); });
}

grpc::Status WelfareVentureHandler::AdvanceRound(grpc::ServerContext* ctx,
                                                 const v1::AdvanceRoundRequest* req,
                                                 v1::Round* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.AdvanceRound(who, *req); });
}

grpc::Status WelfareVentureHandler::GetRound(grpc::ServerContext* ctx,
                                             const v1::GetRoundRequest* req, v1::Round* resp) {
  return Serve(ctx, PUBLIC_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.GetRound(who, *req); });
}

grpc::Status WelfareVentureHandler::ListRounds(grpc::ServerContext* ctx,
                                               const v1::ListRoundsRequest* req,
                                               v1::ListRoundsResponse* resp) {
  return Serve(ctx, PUBLIC_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.ListRounds(who, *req); });
}

grpc::Status WelfareVentureHandler::SubmitApplication(grpc::ServerContext* ctx,
                                                      const v1::SubmitApplicationRequest* req,
                                                      v1::Application* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.Submit(who, *req); });
}

grpc::Status WelfareVentureHandler::ScreenApplication(grpc::ServerContext* ctx,
                                                      const v1::ScreenApplicationRequest* req,
                                                      v1::Application* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.Screen(who, *req); });
}

grpc::Status WelfareVentureHandler::WithdrawApplication(grpc::ServerContext* ctx,
                                                        const v1::WithdrawApplicationRequest* req,
                                                        v1::Application* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.Withdraw(who, *req); });
}

grpc::Status WelfareVentureHandler::GetApplication(grpc::ServerContext* ctx,
                                                   const v1::GetApplicationRequest* req,
                                                   v1::Application* resp) {
  return Serve(ctx, DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.GetApplication(who, *req); });
}

grpc::Status WelfareVentureHandler::ListApplications(grpc::ServerContext* ctx,
                                                     const v1::ListApplicationsRequest* req,
                                                     v1::ListApplicationsResponse* resp) {
  return Serve(ctx, DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.ListApplications(who, *req); });
}

grpc::Status WelfareVentureHandler::CheckEligibility(grpc::ServerContext* ctx,
                                                     const v1::CheckEligibilityRequest* req,
                                                     v1::CheckEligibilityResponse* resp) {
  return Serve(ctx, DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.CheckEligibility(who, *req); });
}

grpc::Status WelfareVentureHandler::GetCreditFacts(grpc::ServerContext* ctx,
                                                   const v1::GetCreditFactsRequest* req,
                                                   v1::CreditFacts* resp) {
  return Serve(ctx, DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.GetCreditFacts(who, *req); });
}

grpc::Status WelfareVentureHandler::RegisterExpert(grpc::ServerContext* ctx,
                                                   const v1::RegisterExpertRequest* req,
                                                   v1::Expert* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.RegisterExpert(who, *req); });
}

grpc::Status WelfareVentureHandler::AssignExpert(grpc::ServerContext* ctx,
                                                 const v1::AssignExpertRequest* req,
                                                 v1::Application* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.AssignExpert(who, *req); });
}

grpc::Status WelfareVentureHandler::RecordScoreSheet(grpc::ServerContext* ctx,
                                                     const v1::RecordScoreSheetRequest* req,
                                                     v1::Application* resp) {
  return Serve(ctx, SCORE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.RecordScoreSheet(who, *req); });
}

grpc::Status WelfareVentureHandler::SetBonuses(grpc::ServerContext* ctx,
                                               const v1::SetBonusesRequest* req,
                                               v1::Application* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.SetBonuses(who, *req); });
}

grpc::Status WelfareVentureHandler::GetRanking(grpc::ServerContext* ctx,
                                               const v1::GetRankingRequest* req,
                                               v1::Ranking* resp) {
  return Serve(ctx, DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.GetRanking(who, *req); });
}

grpc::Status WelfareVentureHandler::PublishShortlist(grpc::ServerContext* ctx,
                                                     const v1::PublishShortlistRequest* req,
                                                     v1::Round* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.PublishShortlist(who, *req); });
}

grpc::Status WelfareVentureHandler::FileObjection(grpc::ServerContext* ctx,
                                                  const v1::FileObjectionRequest* req,
                                                  v1::Round* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.FileObjection(who, *req); });
}

grpc::Status WelfareVentureHandler::ResolveObjection(grpc::ServerContext* ctx,
                                                     const v1::ResolveObjectionRequest* req,
                                                     v1::Round* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.ResolveObjection(who, *req); });
}

grpc::Status WelfareVentureHandler::ConfirmAwards(grpc::ServerContext* ctx,
                                                  const v1::ConfirmAwardsRequest* req,
                                                  v1::Round* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.ConfirmAwards(who, *req); });
}

grpc::Status WelfareVentureHandler::SignContract(grpc::ServerContext* ctx,
                                                 const v1::SignContractRequest* req,
                                                 v1::Project* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.SignContract(who, *req); });
}

grpc::Status WelfareVentureHandler::PayTranche(grpc::ServerContext* ctx,
                                               const v1::ProjectStepRequest* req,
                                               v1::Project* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.PayTranche(who, *req); });
}

grpc::Status WelfareVentureHandler::StartImplementation(grpc::ServerContext* ctx,
                                                        const v1::ProjectStepRequest* req,
                                                        v1::Project* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.StartImplementation(who, *req); });
}

grpc::Status WelfareVentureHandler::RecordMidterm(grpc::ServerContext* ctx,
                                                  const v1::RecordMidtermRequest* req,
                                                  v1::Project* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.RecordMidterm(who, *req); });
}

grpc::Status WelfareVentureHandler::ReviewSuspension(grpc::ServerContext* ctx,
                                                     const v1::ReviewSuspensionRequest* req,
                                                     v1::Project* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.ReviewSuspension(who, *req); });
}

grpc::Status WelfareVentureHandler::RecordFinancialCheck(grpc::ServerContext* ctx,
                                                         const v1::RecordFinancialCheckRequest* req,
                                                         v1::Project* resp) {
  return Serve(ctx, WRITE_ROLES, resp, [&](const auth::Principal& who) {
    return venture_.RecordFinancialCheck(who, *req);
  });
}

grpc::Status WelfareVentureHandler::SubmitFinalReport(grpc::ServerContext* ctx,
                                                      const v1::ProjectStepRequest* req,
                                                      v1::Project* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.SubmitFinalReport(who, *req); });
}

grpc::Status WelfareVentureHandler::RecordFinalEvaluation(
    grpc::ServerContext* ctx, const v1::RecordFinalEvaluationRequest* req, v1::Project* resp) {
  return Serve(ctx, WRITE_ROLES, resp, [&](const auth::Principal& who) {
    return venture_.RecordFinalEvaluation(who, *req);
  });
}

grpc::Status WelfareVentureHandler::ClawBack(grpc::ServerContext* ctx, const v1::AmountRequest* req,
                                             v1::Project* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.ClawBack(who, *req); });
}

grpc::Status WelfareVentureHandler::RecoverUnusedFunds(grpc::ServerContext* ctx,
                                                       const v1::AmountRequest* req,
                                                       v1::Project* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.RecoverUnusedFunds(who, *req); });
}

grpc::Status WelfareVentureHandler::ArchiveProject(grpc::ServerContext* ctx,
                                                   const v1::ProjectStepRequest* req,
                                                   v1::Project* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.ArchiveProject(who, *req); });
}

grpc::Status WelfareVentureHandler::GetProject(grpc::ServerContext* ctx,
                                               const v1::GetProjectRequest* req,
                                               v1::Project* resp) {
  return Serve(ctx, PUBLIC_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.GetProject(who, *req); });
}

grpc::Status WelfareVentureHandler::ListProjects(grpc::ServerContext* ctx,
                                                 const v1::ListProjectsRequest* req,
                                                 v1::ListProjectsResponse* resp) {
  return Serve(ctx, PUBLIC_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.ListProjects(who, *req); });
}

grpc::Status WelfareVentureHandler::ReportActivity(grpc::ServerContext* ctx,
                                                   const v1::ReportActivityRequest* req,
                                                   v1::Activity* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.ReportActivity(who, *req); });
}

grpc::Status WelfareVentureHandler::ListActivities(grpc::ServerContext* ctx,
                                                   const v1::ListActivitiesRequest* req,
                                                   v1::ListActivitiesResponse* resp) {
  return Serve(ctx, PUBLIC_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.ListActivities(who, *req); });
}

grpc::Status WelfareVentureHandler::GetOutcomeTotals(grpc::ServerContext* ctx,
                                                     const v1::GetOutcomeTotalsRequest* req,
                                                     v1::GetOutcomeTotalsResponse* resp) {
  return Serve(ctx, PUBLIC_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.GetOutcomeTotals(who, *req); });
}

grpc::Status WelfareVentureHandler::ExportDisclosure(grpc::ServerContext* ctx,
                                                     const v1::ExportDisclosureRequest* req,
                                                     v1::ExportDisclosureResponse* resp) {
  return Serve(ctx, PUBLIC_ROLES, resp,
               [&](const auth::Principal& who) { return venture_.ExportDisclosure(who, *req); });
}

}  // namespace socgov::welfare_venture
