// gRPC handlers of RegistrationService: authenticate, translate proto ⇄ domain, call the Registry,
// map errors to statuses. No Redis or NATS here.
#pragma once

// Layer rule, enforced by the build (services/registration/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE) || defined(SOCGOV_LAYER_APP)
#error "registration/api is visible only from the api layer and main"
#endif

#include <source_location>

#include "platform/auth/token.h"
#include "platform/log/log.h"
#include "platform/util/clock.h"
#include "registration/app/registry.h"
#include "socgov/registration/v1/registration_service.grpc.pb.h"

namespace socgov::registration {

class RegistrationHandler final : public v1::RegistrationService::Service {
 public:
  RegistrationHandler(Registry& registry, const auth::TokenVerifier& verifier, const Clock& clock,
                      const log::Logger& logger);

  grpc::Status SubmitApplication(grpc::ServerContext* ctx, const v1::SubmitApplicationRequest* req,
                                 v1::SubmitApplicationResponse* resp) override;
  grpc::Status ApproveApplication(grpc::ServerContext* ctx,
                                  const v1::ApproveApplicationRequest* req,
                                  v1::ApproveApplicationResponse* resp) override;
  grpc::Status RejectApplication(grpc::ServerContext* ctx, const v1::RejectApplicationRequest* req,
                                 v1::RejectApplicationResponse* resp) override;
  grpc::Status GetApplication(grpc::ServerContext* ctx, const v1::GetApplicationRequest* req,
                              v1::Application* resp) override;
  grpc::Status GetOrganization(grpc::ServerContext* ctx, const v1::GetOrganizationRequest* req,
                               v1::Organization* resp) override;
  grpc::Status ListOrganizations(grpc::ServerContext* ctx, const v1::ListOrganizationsRequest* req,
                                 v1::ListOrganizationsResponse* resp) override;

  grpc::Status CheckName(grpc::ServerContext* ctx, const v1::CheckNameRequest* req,
                         v1::CheckNameResponse* resp) override;
  grpc::Status ApplyEstablishment(grpc::ServerContext* ctx,
                                  const v1::ApplyEstablishmentRequest* req,
                                  v1::Application* resp) override;
  grpc::Status ExtendPreparation(grpc::ServerContext* ctx, const v1::ExtendPreparationRequest* req,
                                 v1::Application* resp) override;
  grpc::Status LapsePreparations(grpc::ServerContext* ctx, const v1::LapsePreparationsRequest* req,
                                 v1::LapsePreparationsResponse* resp) override;
  grpc::Status FileCommunityOrganization(grpc::ServerContext* ctx,
                                         const v1::FileCommunityOrganizationRequest* req,
                                         v1::Organization* resp) override;
  grpc::Status RemoveFiling(grpc::ServerContext* ctx, const v1::RemoveFilingRequest* req,
                            v1::Organization* resp) override;
  grpc::Status ApplyChange(grpc::ServerContext* ctx, const v1::ApplyChangeRequest* req,
                           v1::ChangeApplication* resp) override;
  grpc::Status ApproveChange(grpc::ServerContext* ctx, const v1::ApproveChangeRequest* req,
                             v1::ApproveChangeResponse* resp) override;
  grpc::Status RejectChange(grpc::ServerContext* ctx, const v1::RejectChangeRequest* req,
                            v1::ChangeApplication* resp) override;
  grpc::Status GetChange(grpc::ServerContext* ctx, const v1::GetChangeRequest* req,
                         v1::ChangeApplication* resp) override;
  grpc::Status RecordArticles(grpc::ServerContext* ctx, const v1::RecordArticlesRequest* req,
                              v1::Organization* resp) override;
  grpc::Status RecordCouncilTerm(grpc::ServerContext* ctx, const v1::RecordCouncilTermRequest* req,
                                 v1::Organization* resp) override;
  grpc::Status ExtendCouncilTerm(grpc::ServerContext* ctx, const v1::ExtendCouncilTermRequest* req,
                                 v1::Organization* resp) override;
  grpc::Status ResolveDissolution(grpc::ServerContext* ctx,
                                  const v1::ResolveDissolutionRequest* req,
                                  v1::Organization* resp) override;
  grpc::Status StartLiquidation(grpc::ServerContext* ctx, const v1::StartLiquidationRequest* req,
                                v1::Organization* resp) override;
  grpc::Status ApplyCancellation(grpc::ServerContext* ctx, const v1::ApplyCancellationRequest* req,
                                 v1::Organization* resp) override;
  grpc::Status ApproveCancellation(grpc::ServerContext* ctx,
                                   const v1::ApproveCancellationRequest* req,
                                   v1::Organization* resp) override;
  grpc::Status ResumeOrganization(grpc::ServerContext* ctx,
                                  const v1::ResumeOrganizationRequest* req,
                                  v1::Organization* resp) override;
  grpc::Status OpenReview(grpc::ServerContext* ctx, const v1::OpenReviewRequest* req,
                          v1::ReviewCase* resp) override;
  grpc::Status RecordOpinion(grpc::ServerContext* ctx, const v1::RecordOpinionRequest* req,
                             v1::ReviewCase* resp) override;
  grpc::Status ConcludeReview(grpc::ServerContext* ctx, const v1::ConcludeReviewRequest* req,
                              v1::ReviewCase* resp) override;
  grpc::Status PublishReview(grpc::ServerContext* ctx, const v1::PublishReviewRequest* req,
                             v1::ReviewCase* resp) override;
  grpc::Status FileReviewResult(grpc::ServerContext* ctx, const v1::FileReviewResultRequest* req,
                                v1::ReviewCase* resp) override;
  grpc::Status GetReview(grpc::ServerContext* ctx, const v1::GetReviewRequest* req,
                         v1::ReviewCase* resp) override;

 private:
  // Authorizes the caller for `roles`, then runs `call(principal)` into `resp`; every RPC goes
  // through it. `rpc` (the caller) names the method in the log line of an unexpected exception.
  template <typename Resp, typename Call>
  grpc::Status Serve(grpc::ServerContext* ctx, std::initializer_list<std::string_view> roles,
                     Resp* resp, Call&& call,
                     std::source_location rpc = std::source_location::current());

  Registry& registry_;
  const auth::TokenVerifier& verifier_;
  const Clock& clock_;
  const log::Logger& logger_;
};

}  // namespace socgov::registration
