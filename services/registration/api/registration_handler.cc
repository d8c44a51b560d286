#include "registration/api/registration_handler.h"

#include "platform/grpcx/status.h"
#include "platform/store/redis.h"
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

// Runs a use case and turns its Result into the response or a status; Redis outages become
// UNAVAILABLE rather than a crash.
template <typename T, typename Fn>
grpc::Status Run(Fn&& fn, T* out) {
  try {
    auto r = fn();
    if (!r.ok()) return grpcx::ToGrpcStatus(r.error());
    *out = std::move(r).value();
    return grpc::Status::OK;
  } catch (const store::RedisUnavailable& e) {
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        std::string("store unavailable: ") + e.what());
  }
}

}  // namespace

template <typename Resp, typename Call>
grpc::Status RegistrationHandler::Serve(grpc::ServerContext* ctx,
                                        std::initializer_list<std::string_view> roles, Resp* resp,
                                        Call&& call) {
  auto who = grpcx::Authorize(*ctx, verifier_, clock_.Now(), roles);
  if (!who.ok()) return grpcx::ToGrpcStatus(who.error());
  return Run([&] { return call(*who); }, resp);
}

RegistrationHandler::RegistrationHandler(Registry& registry, const auth::TokenVerifier& verifier,
                                         const Clock& clock)
    : registry_(registry), verifier_(verifier), clock_(clock) {}

grpc::Status RegistrationHandler::SubmitApplication(grpc::ServerContext* ctx,
                                                    const v1::SubmitApplicationRequest* req,
                                                    v1::SubmitApplicationResponse* resp) {
  auto who = grpcx::Authorize(*ctx, verifier_, clock_.Now(), SUBMIT_ROLES);
  if (!who.ok()) return grpcx::ToGrpcStatus(who.error());
  return Run(
      [&] {
        return registry_.Submit(*who, req->request_id(),
                                FromProto(req->profile(), req->legal_representative_id_number()),
                                static_cast<ApplicationStage>(static_cast<int>(req->stage())));
      },
      resp);
}

grpc::Status RegistrationHandler::ApproveApplication(grpc::ServerContext* ctx,
                                                     const v1::ApproveApplicationRequest* req,
                                                     v1::ApproveApplicationResponse* resp) {
  auto who = grpcx::Authorize(*ctx, verifier_, clock_.Now(), DECIDE_ROLES);
  if (!who.ok()) return grpcx::ToGrpcStatus(who.error());
  return Run(
      [&] {
        return registry_.Approve(*who, req->request_id(), req->application_id(), req->version());
      },
      resp);
}

grpc::Status RegistrationHandler::RejectApplication(grpc::ServerContext* ctx,
                                                    const v1::RejectApplicationRequest* req,
                                                    v1::RejectApplicationResponse* resp) {
  auto who = grpcx::Authorize(*ctx, verifier_, clock_.Now(), DECIDE_ROLES);
  if (!who.ok()) return grpcx::ToGrpcStatus(who.error());
  return Run(
      [&] {
        return registry_.Reject(*who, req->request_id(), req->application_id(), req->version(),
                                req->reason());
      },
      resp);
}

grpc::Status RegistrationHandler::GetApplication(grpc::ServerContext* ctx,
                                                 const v1::GetApplicationRequest* req,
                                                 v1::Application* resp) {
  auto who = grpcx::Authorize(*ctx, verifier_, clock_.Now(), READ_ROLES);
  if (!who.ok()) return grpcx::ToGrpcStatus(who.error());
  return Run([&] { return registry_.GetApplication(*who, req->application_id()); }, resp);
}

grpc::Status RegistrationHandler::GetOrganization(grpc::ServerContext* ctx,
                                                  const v1::GetOrganizationRequest* req,
                                                  v1::Organization* resp) {
  auto who = grpcx::Authorize(*ctx, verifier_, clock_.Now(), READ_ROLES);
  if (!who.ok()) return grpcx::ToGrpcStatus(who.error());
  return Run([&] { return registry_.GetOrganization(*who, req->organization_id()); }, resp);
}

grpc::Status RegistrationHandler::ListOrganizations(grpc::ServerContext* ctx,
                                                    const v1::ListOrganizationsRequest* req,
                                                    v1::ListOrganizationsResponse* resp) {
  auto who = grpcx::Authorize(*ctx, verifier_, clock_.Now(), READ_ROLES);
  if (!who.ok()) return grpcx::ToGrpcStatus(who.error());
  OrgFilter filter{FromProto(req->org_type()), FromProto(req->status()), req->jurisdiction(),
                   req->name_contains(), req->organization_id()};
  return Run(
      [&] {
        return registry_.ListOrganizations(*who, filter, req->page().page_token(),
                                           req->page().page_size());
      },
      resp);
}

grpc::Status RegistrationHandler::CheckName(grpc::ServerContext* ctx,
                                            const v1::CheckNameRequest* req,
                                            v1::CheckNameResponse* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.CheckName(who, *req); });
}

grpc::Status RegistrationHandler::ApplyEstablishment(grpc::ServerContext* ctx,
                                                     const v1::ApplyEstablishmentRequest* req,
                                                     v1::Application* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.ApplyEstablishment(who, *req); });
}

grpc::Status RegistrationHandler::ExtendPreparation(grpc::ServerContext* ctx,
                                                    const v1::ExtendPreparationRequest* req,
                                                    v1::Application* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.ExtendPreparation(who, *req); });
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
  return Serve(ctx, SUBMIT_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.FileCommunity(who, *req); });
}

grpc::Status RegistrationHandler::RemoveFiling(grpc::ServerContext* ctx,
                                               const v1::RemoveFilingRequest* req,
                                               v1::Organization* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.RemoveFiling(who, *req); });
}

grpc::Status RegistrationHandler::ApplyChange(grpc::ServerContext* ctx,
                                              const v1::ApplyChangeRequest* req,
                                              v1::ChangeApplication* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.ApplyChange(who, *req); });
}

grpc::Status RegistrationHandler::ApproveChange(grpc::ServerContext* ctx,
                                                const v1::ApproveChangeRequest* req,
                                                v1::ApproveChangeResponse* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.ApproveChange(who, *req); });
}

grpc::Status RegistrationHandler::RejectChange(grpc::ServerContext* ctx,
                                               const v1::RejectChangeRequest* req,
                                               v1::ChangeApplication* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.RejectChange(who, *req); });
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
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.RecordArticles(who, *req); });
}

grpc::Status RegistrationHandler::RecordCouncilTerm(grpc::ServerContext* ctx,
                                                    const v1::RecordCouncilTermRequest* req,
                                                    v1::Organization* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.RecordCouncilTerm(who, *req); });
}

grpc::Status RegistrationHandler::ExtendCouncilTerm(grpc::ServerContext* ctx,
                                                    const v1::ExtendCouncilTermRequest* req,
                                                    v1::Organization* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.ExtendCouncilTerm(who, *req); });
}

grpc::Status RegistrationHandler::ResolveDissolution(grpc::ServerContext* ctx,
                                                     const v1::ResolveDissolutionRequest* req,
                                                     v1::Organization* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.ResolveDissolution(who, *req); });
}

grpc::Status RegistrationHandler::StartLiquidation(grpc::ServerContext* ctx,
                                                   const v1::StartLiquidationRequest* req,
                                                   v1::Organization* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.StartLiquidation(who, *req); });
}

grpc::Status RegistrationHandler::ApplyCancellation(grpc::ServerContext* ctx,
                                                    const v1::ApplyCancellationRequest* req,
                                                    v1::Organization* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.ApplyCancellation(who, *req); });
}

grpc::Status RegistrationHandler::ApproveCancellation(grpc::ServerContext* ctx,
                                                      const v1::ApproveCancellationRequest* req,
                                                      v1::Organization* resp) {
  return Serve(ctx, DECIDE_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.ApproveCancellation(who, *req);
  });
}

grpc::Status RegistrationHandler::ResumeOrganization(grpc::ServerContext* ctx,
                                                     const v1::ResumeOrganizationRequest* req,
                                                     v1::Organization* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.ResumeOrganization(who, *req); });
}

grpc::Status RegistrationHandler::OpenReview(grpc::ServerContext* ctx,
                                             const v1::OpenReviewRequest* req,
                                             v1::ReviewCase* resp) {
  return Serve(ctx, SUBMIT_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.OpenReview(who, *req); });
}

grpc::Status RegistrationHandler::RecordOpinion(grpc::ServerContext* ctx,
                                                const v1::RecordOpinionRequest* req,
                                                v1::ReviewCase* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.RecordOpinion(who, *req); });
}

grpc::Status RegistrationHandler::ConcludeReview(grpc::ServerContext* ctx,
                                                 const v1::ConcludeReviewRequest* req,
                                                 v1::ReviewCase* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.ConcludeReview(who, *req); });
}

grpc::Status RegistrationHandler::PublishReview(grpc::ServerContext* ctx,
                                                const v1::PublishReviewRequest* req,
                                                v1::ReviewCase* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.PublishReview(who, *req); });
}

grpc::Status RegistrationHandler::FileReviewResult(grpc::ServerContext* ctx,
                                                   const v1::FileReviewResultRequest* req,
                                                   v1::ReviewCase* resp) {
  return Serve(ctx, DECIDE_ROLES, resp,
               [&](const auth::Principal& who) { return registry_.FileReviewResult(who, *req); });
}

grpc::Status RegistrationHandler::GetReview(grpc::ServerContext* ctx,
                                            const v1::GetReviewRequest* req, v1::ReviewCase* resp) {
  return Serve(ctx, REVIEW_READ_ROLES, resp, [&](const auth::Principal& who) {
    return registry_.GetReview(who, req->review_id());
  });
}

}  // namespace socgov::registration
