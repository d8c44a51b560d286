// gRPC handlers of RegistrationService: authenticate, translate proto ⇄ domain, call the Registry,
// map errors to statuses. No Redis or NATS here.
#pragma once

#include "platform/auth/token.h"
#include "platform/util/clock.h"
#include "registration/app/registry.h"
#include "socgov/registration/v1/registration_service.grpc.pb.h"

namespace socgov::registration {

class RegistrationHandler final : public v1::RegistrationService::Service {
 public:
  RegistrationHandler(Registry& registry, const auth::TokenVerifier& verifier, const Clock& clock);

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

 private:
  Registry& registry_;
  const auth::TokenVerifier& verifier_;
  const Clock& clock_;
};

}  // namespace socgov::registration
