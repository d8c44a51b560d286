// DeadLetterService (proto/socgov/platform/v1/dead_letters.proto) over a service's router: the kit
// serves it on every service that consumes events.
#pragma once

#include "platform/auth/token.h"
#include "platform/bus/router.h"
#include "platform/util/clock.h"
#include "socgov/platform/v1/dead_letters.grpc.pb.h"

namespace socgov::service {

class DeadLetterService final : public platform::v1::DeadLetterService::Service {
 public:
  DeadLetterService(bus::Router& router, const auth::TokenVerifier& verifier, const Clock& clock)
      : router_(router), verifier_(verifier), clock_(clock) {}

  grpc::Status ListDeadLetters(grpc::ServerContext* ctx,
                               const platform::v1::ListDeadLettersRequest* req,
                               platform::v1::ListDeadLettersResponse* resp) override;
  grpc::Status RetryDeadLetter(grpc::ServerContext* ctx,
                               const platform::v1::RetryDeadLetterRequest* req,
                               platform::v1::RetryDeadLetterResponse* resp) override;

 private:
  bus::Router& router_;
  const auth::TokenVerifier& verifier_;
  const Clock& clock_;
};

}  // namespace socgov::service
