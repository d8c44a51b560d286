// The gRPC operations the generator sends: echo (P1), and registration's Get/List/Create
// organization (P3). Create = SubmitApplication then, on its reply, ApproveApplication (which
// registers the organization): one operation, latency from the submit's planned send time.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "open_loop.h"
#include "socgov/bench/v1/echo.grpc.pb.h"
#include "socgov/registration/v1/registration_service.grpc.pb.h"

namespace socgov::bench {

namespace regv1 = socgov::registration::v1;

// A few channels, used round-robin, so one HTTP/2 connection is not the bottleneck; each carries a
// distinct channel argument, so gRPC does not share one subchannel between them.
class Channels {
 public:
  Channels(const std::string& addr, int n);
  std::shared_ptr<grpc::Channel> Pick(uint64_t i) const { return channels_[i % channels_.size()]; }

 private:
  std::vector<std::shared_ptr<grpc::Channel>> channels_;
};

// A valid establishment application (a social service organization in 集美区, REG-22
// satisfied), named uniquely by `unique`.
regv1::SubmitApplicationRequest CreateRequest(const std::string& unique);

std::unique_ptr<AsyncOp> EchoOp(bench::v1::EchoService::Stub* stub,
                                std::shared_ptr<const bench::v1::EchoRequest> req);
std::unique_ptr<AsyncOp> GetOrgOp(regv1::RegistrationService::Stub* stub, std::string token,
                                  std::string org_id);
std::unique_ptr<AsyncOp> ListOrgsOp(regv1::RegistrationService::Stub* stub, std::string token,
                                    int page_size);
std::unique_ptr<AsyncOp> SubmitOp(regv1::RegistrationService::Stub* stub, std::string token,
                                  regv1::SubmitApplicationRequest req);
// registrar token: may submit and approve.
std::unique_ptr<AsyncOp> CreateOrgOp(regv1::RegistrationService::Stub* stub, std::string token,
                                     regv1::SubmitApplicationRequest req);
// The credit code a finished CreateOrgOp registered ("" for other ops or on failure).
std::string CreatedOrgId(const AsyncOp& op);

}  // namespace socgov::bench
