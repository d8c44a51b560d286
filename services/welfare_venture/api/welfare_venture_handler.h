// gRPC handlers of WelfareVentureService: authenticate, authorize the roles of each RPC, call
// Venture, map errors to statuses (grpcx::Serve). No Redis or NATS here.
#pragma once

// Layer rule, enforced by the build (services/welfare_venture/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE) || defined(SOCGOV_LAYER_APP)
#error "welfare_venture/api is visible only from the api layer and the service definition"
#endif

#include <source_location>

#include "platform/auth/token.h"
#include "platform/log/log.h"
#include "platform/util/clock.h"
#include "socgov/welfare_venture/v1/welfare_venture_service.grpc.pb.h"
#include "welfare_venture/app/venture.h"

namespace socgov::welfare_venture {

class WelfareVentureHandler final : public v1::WelfareVentureService::Service {
 public:
  WelfareVentureHandler(Venture& venture, const auth::TokenVerifier& verifier, const Clock& clock,
                        const log::Logger& logger);
  grpc::Status CreateRound(grpc::ServerContext* ctx, const v1::CreateRoundRequest* req,
                           v1::Round* resp) override;
  grpc::Status AdvanceRound(grpc::ServerContext* ctx, const v1::AdvanceRoundRequest* req,
                            v1::Round* resp) override;
  grpc::Status GetRound(grpc::ServerContext* ctx, const v1::GetRoundRequest* req,
                        v1::Round* resp) override;
  grpc::Status ListRounds(grpc::ServerContext* ctx, const v1::ListRoundsRequest* req,
                          v1::ListRoundsResponse* resp) override;
  grpc::Status SubmitApplication(grpc::ServerContext* ctx, const v1::SubmitApplicationRequest* req,
                                 v1::Application* resp) override;
  grpc::Status ScreenApplication(grpc::ServerContext* ctx, const v1::ScreenApplicationRequest* req,
                                 v1::Application* resp) override;
  grpc::Status WithdrawApplication(grpc::ServerContext* ctx,
                                   const v1::WithdrawApplicationRequest* req,
                                   v1::Application* resp) override;
  grpc::Status GetApplication(grpc::ServerContext* ctx, const v1::GetApplicationRequest* req,
                              v1::Application* resp) override;
  grpc::Status ListApplications(grpc::ServerContext* ctx, const v1::ListApplicationsRequest* req,
                                v1::ListApplicationsResponse* resp) override;
  grpc::Status CheckEligibility(grpc::ServerContext* ctx, const v1::CheckEligibilityRequest* req,
                                v1::CheckEligibilityResponse* resp) override;
  grpc::Status GetCreditFacts(grpc::ServerContext* ctx, const v1::GetCreditFactsRequest* req,
                              v1::CreditFacts* resp) override;
  grpc::Status RegisterExpert(grpc::ServerContext* ctx, const v1::RegisterExpertRequest* req,
                              v1::Expert* resp) override;
  grpc::Status AssignExpert(grpc::ServerContext* ctx, const v1::AssignExpertRequest* req,
                            v1::Application* resp) override;
  grpc::Status RecordScoreSheet(grpc::ServerContext* ctx, const v1::RecordScoreSheetRequest* req,
                                v1::Application* resp) override;
  grpc::Status SetBonuses(grpc::ServerContext* ctx, const v1::SetBonusesRequest* req,
                          v1::Application* resp) override;
  grpc::Status GetRanking(grpc::ServerContext* ctx, const v1::GetRankingRequest* req,
                          v1::Ranking* resp) override;
  grpc::Status PublishShortlist(grpc::ServerContext* ctx, const v1::PublishShortlistRequest* req,
                                v1::Round* resp) override;
  grpc::Status FileObjection(grpc::ServerContext* ctx, const v1::FileObjectionRequest* req,
                             v1::Round* resp) override;
  grpc::Status ResolveObjection(grpc::ServerContext* ctx, const v1::ResolveObjectionRequest* req,
                                v1::Round* resp) override;
  grpc::Status ConfirmAwards(grpc::ServerContext* ctx, const v1::ConfirmAwardsRequest* req,
                             v1::Round* resp) override;
  grpc::Status SignContract(grpc::ServerContext* ctx, const v1::SignContractRequest* req,
                            v1::Project* resp) override;
  grpc::Status PayTranche(grpc::ServerContext* ctx, const v1::ProjectStepRequest* req,
                          v1::Project* resp) override;
  grpc::Status StartImplementation(grpc::ServerContext* ctx, const v1::ProjectStepRequest* req,
                                   v1::Project* resp) override;
  grpc::Status RecordMidterm(grpc::ServerContext* ctx, const v1::RecordMidtermRequest* req,
                             v1::Project* resp) override;
  grpc::Status ReviewSuspension(grpc::ServerContext* ctx, const v1::ReviewSuspensionRequest* req,
                                v1::Project* resp) override;
  grpc::Status RecordFinancialCheck(grpc::ServerContext* ctx,
                                    const v1::RecordFinancialCheckRequest* req,
                                    v1::Project* resp) override;
  grpc::Status SubmitFinalReport(grpc::ServerContext* ctx, const v1::ProjectStepRequest* req,
                                 v1::Project* resp) override;
  grpc::Status RecordFinalEvaluation(grpc::ServerContext* ctx,
                                     const v1::RecordFinalEvaluationRequest* req,
                                     v1::Project* resp) override;
  grpc::Status ClawBack(grpc::ServerContext* ctx, const v1::AmountRequest* req,
                        v1::Project* resp) override;
  grpc::Status RecoverUnusedFunds(grpc::ServerContext* ctx, const v1::AmountRequest* req,
                                  v1::Project* resp) override;
  grpc::Status ArchiveProject(grpc::ServerContext* ctx, const v1::ProjectStepRequest* req,
                              v1::Project* resp) override;
  grpc::Status GetProject(grpc::ServerContext* ctx, const v1::GetProjectRequest* req,
                          v1::Project* resp) override;
  grpc::Status ListProjects(grpc::ServerContext* ctx, const v1::ListProjectsRequest* req,
                            v1::ListProjectsResponse* resp) override;
  grpc::Status ReportActivity(grpc::ServerContext* ctx, const v1::ReportActivityRequest* req,
                              v1::Activity* resp) override;
  grpc::Status ListActivities(grpc::ServerContext* ctx, const v1::ListActivitiesRequest* req,
                              v1::ListActivitiesResponse* resp) override;
  grpc::Status GetOutcomeTotals(grpc::ServerContext* ctx, const v1::GetOutcomeTotalsRequest* req,
                                v1::GetOutcomeTotalsResponse* resp) override;
  grpc::Status ExportDisclosure(grpc::ServerContext* ctx, const v1::ExportDisclosureRequest* req,
                                v1::ExportDisclosureResponse* resp) override;

 private:
  template <typename Resp, typename Call>
  grpc::Status Serve(grpc::ServerContext* ctx, std::initializer_list<std::string_view> roles,
                     Resp* resp, Call&& call,
                     std::source_location rpc = std::source_location::current());

  Venture& venture_;
  const auth::TokenVerifier& verifier_;
  const Clock& clock_;
  const log::Logger& logger_;
};

}  // namespace socgov::welfare_venture
