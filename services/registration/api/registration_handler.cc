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
                                FromProto(req->profile(), req->legal_representative_id_number()));
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
  OrgFilter filter{FromProto(req->org_type()), FromProto(req->status()), req->jurisdiction()};
  return Run(
      [&] {
        return registry_.ListOrganizations(*who, filter, req->page().page_token(),
                                           req->page().page_size());
      },
      resp);
}

}  // namespace socgov::registration
