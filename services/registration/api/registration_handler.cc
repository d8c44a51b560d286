#include "registration/api/registration_handler.h"

#include "platform/grpcx/serve.h"
#include "registration/api/convert.h"

namespace socgov::registration {
namespace {

// Who may call what (architecture.md §5): clerks file, registrars decide, the rest read.
#define SUBMIT_ROLES \
  { "clerk", "registrar", "admin" }
#define DECIDE_ROLES \
  { "registrar", "admin" }
#define READ_ROLES \
  { "clerk", "registrar", "auditor", "viewer", "admin" }
// Review cases name persons: not for the public viewer role.
#define REVIEW_READ_ROLES \
  { "clerk", "registrar", "auditor", "admin" }

}  // namespace

template <typename Resp, typename Call>
grpc::Status RegistrationHandler::Serve(grpc::ServerContext* ctx,
                                        std::initializer_list<std::string_view> roles, Resp* resp,
                                        Call&& call, std::source_location rpc) {
  return grpcx::Serve(*ctx, verifier_, clock_, logger_, roles, resp, std::forward<Call>(call), rpc);
}

RegistrationHandler::RegistrationHandler(Registry& registry, const auth::TokenVerifier& verifier,
                                         const Clock& clock, const log::Logger& logger)
    : registry_(registry), verifier_(verifier), clock_(clock), logger_(logger) {}

grpc::Status RegistrationHandler::SubmitApplication(grpc::ServerContext* ctx,
                                                    const v1::SubmitApplicationRequest* req,
                                                    v1::SubmitApplicationResponse* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.Submit(who, ToCommand(*req)); });
}

grpc::Status RegistrationHandler::ApproveApplication(grpc::ServerContext* ctx,
                                                     const v1::ApproveApplicationRequest* req,
                                                     v1::ApproveApplicationResponse* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.Approve(who, ToCommand(*req)); });
}

grpc::Status RegistrationHandler::RejectApplication(grpc::ServerContext* ctx,
                                                    const v1::RejectApplicationRequest* req,
                                                    v1::RejectApplicationResponse* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.Reject(who, ToCommand(*req)); });
}

grpc::Status RegistrationHandler::GetApplication(grpc::ServerContext* ctx,
                                                 const v1::GetApplicationRequest* req,
                                                 v1::Application* resp) {
  return Serve(ctx, READ_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.GetApplication(who, req->application_id());
  });
}

grpc::Status RegistrationHandler::GetOrganization(grpc::ServerContext* ctx,
                                                  const v1::GetOrganizationRequest* req,
                                                  v1::Organization* resp) {
  return Serve(ctx, READ_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.GetOrganization(who, req->organization_id());
  });
}

grpc::Status RegistrationHandler::ListOrganizations(grpc::ServerContext* ctx,
                                                    const v1::ListOrganizationsRequest* req,
                                                    v1::ListOrganizationsResponse* resp) {
  return Serve(ctx, READ_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ListOrganizations(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::CheckName(grpc::ServerContext* ctx,
                                            const v1::CheckNameRequest* req,
                                            v1::CheckNameResponse* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.CheckName(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::ApplyEstablishment(grpc::ServerContext* ctx,
                                                     const v1::ApplyEstablishmentRequest* req,
                                                     v1::Application* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ApplyEstablishment(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::ExtendPreparation(grpc::ServerContext* ctx,
                                                    const v1::ExtendPreparationRequest* req,
                                                    v1::Application* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ExtendPreparation(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::LapsePreparations(grpc::ServerContext* ctx,
                                                    const v1::LapsePreparationsRequest* req,
                                                    v1::LapsePreparationsResponse* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.LapsePreparations(who); });
}

grpc::Status RegistrationHandler::FileCommunityOrganization(
    grpc::ServerContext* ctx, const v1::FileCommunityOrganizationRequest* req,
    v1::Organization* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.FileCommunity(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::RemoveFiling(grpc::ServerContext* ctx,
                                               const v1::RemoveFilingRequest* req,
                                               v1::Organization* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.RemoveFiling(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::ApplyChange(grpc::ServerContext* ctx,
                                              const v1::ApplyChangeRequest* req,
                                              v1::ChangeApplication* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ApplyChange(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::ApproveChange(grpc::ServerContext* ctx,
                                                const v1::ApproveChangeRequest* req,
                                                v1::ApproveChangeResponse* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ApproveChange(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::RejectChange(grpc::ServerContext* ctx,
                                               const v1::RejectChangeRequest* req,
                                               v1::ChangeApplication* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.RejectChange(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::GetChange(grpc::ServerContext* ctx,
                                            const v1::GetChangeRequest* req,
                                            v1::ChangeApplication* resp) {
  return Serve(ctx, READ_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.GetChange(who, req->change_id());
  });
}

grpc::Status RegistrationHandler::RecordArticles(grpc::ServerContext* ctx,
                                                 const v1::RecordArticlesRequest* req,
                                                 v1::Organization* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.RecordArticles(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::RecordCouncilTerm(grpc::ServerContext* ctx,
                                                    const v1::RecordCouncilTermRequest* req,
                                                    v1::Organization* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.RecordCouncilTerm(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::ExtendCouncilTerm(grpc::ServerContext* ctx,
                                                    const v1::ExtendCouncilTermRequest* req,
                                                    v1::Organization* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ExtendCouncilTerm(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::ResolveDissolution(grpc::ServerContext* ctx,
                                                     const v1::ResolveDissolutionRequest* req,
                                                     v1::Organization* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ResolveDissolution(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::StartLiquidation(grpc::ServerContext* ctx,
                                                   const v1::StartLiquidationRequest* req,
                                                   v1::Organization* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.StartLiquidation(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::ApplyCancellation(grpc::ServerContext* ctx,
                                                    const v1::ApplyCancellationRequest* req,
                                                    v1::Organization* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ApplyCancellation(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::ApproveCancellation(grpc::ServerContext* ctx,
                                                      const v1::ApproveCancellationRequest* req,
                                                      v1::Organization* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ApproveCancellation(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::ResumeOrganization(grpc::ServerContext* ctx,
                                                     const v1::ResumeOrganizationRequest* req,
                                                     v1::Organization* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ResumeOrganization(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::OpenReview(grpc::ServerContext* ctx,
                                             const v1::OpenReviewRequest* req,
                                             v1::ReviewCase* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.OpenReview(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::RecordOpinion(grpc::ServerContext* ctx,
                                                const v1::RecordOpinionRequest* req,
                                                v1::ReviewCase* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.RecordOpinion(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::ConcludeReview(grpc::ServerContext* ctx,
                                                 const v1::ConcludeReviewRequest* req,
                                                 v1::ReviewCase* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ConcludeReview(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::PublishReview(grpc::ServerContext* ctx,
                                                const v1::PublishReviewRequest* req,
                                                v1::ReviewCase* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.PublishReview(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::FileReviewResult(grpc::ServerContext* ctx,
                                                   const v1::FileReviewResultRequest* req,
                                                   v1::ReviewCase* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.FileReviewResult(who, ToCommand(*req));
  });
}

grpc::Status RegistrationHandler::GetReview(grpc::ServerContext* ctx,
                                            const v1::GetReviewRequest* req, v1::ReviewCase* resp) {
  return Serve(ctx, REVIEW_READ_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.GetReview(who, req->review_id());
  });
}

}  // namespace socgov::registration
