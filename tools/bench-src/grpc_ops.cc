#include "grpc_ops.h"

#include "platform/grpcx/code_name.h"

namespace socgov::bench {
namespace {

std::chrono::system_clock::time_point Deadline() {
  return std::chrono::system_clock::now() + kCallDeadline;
}

std::string Describe(const grpc::Status& s) {
  return std::string(grpcx::StatusCodeName(s.error_code())) + ": " +
         s.error_message().substr(0, 120);
}

// One unary call: `prepare` binds the stub method and request.
template <typename Resp>
class UnaryOp final : public AsyncOp {
 public:
  using Prepare = std::function<std::unique_ptr<grpc::ClientAsyncResponseReader<Resp>>(
      grpc::ClientContext*, grpc::CompletionQueue*)>;
  UnaryOp(Prepare prepare, const std::string& token) : prepare_(std::move(prepare)) {
    if (!token.empty()) ctx_.AddMetadata("authorization", "Bearer " + token);
  }
  void Start(grpc::CompletionQueue* cq) override {
    ctx_.set_deadline(Deadline());
    reader_ = prepare_(&ctx_, cq);
    reader_->StartCall();
    reader_->Finish(&resp_, &status_, this);
  }
  bool Next(grpc::CompletionQueue*) override { return true; }
  std::string Error() const override { return status_.ok() ? "" : Describe(status_); }

 private:
  Prepare prepare_;
  grpc::ClientContext ctx_;
  Resp resp_;
  grpc::Status status_;
  std::unique_ptr<grpc::ClientAsyncResponseReader<Resp>> reader_;
};

class CreateOp final : public AsyncOp {
 public:
  CreateOp(regv1::RegistrationService::Stub* stub, std::string token,
           regv1::SubmitApplicationRequest req)
      : stub_(stub), token_(std::move(token)), submit_req_(std::move(req)) {}

  void Start(grpc::CompletionQueue* cq) override {
    submit_ctx_ = NewContext();
    submit_ = stub_->PrepareAsyncSubmitApplication(submit_ctx_.get(), submit_req_, cq);
    submit_->StartCall();
    submit_->Finish(&submit_resp_, &status_, this);
  }

  bool Next(grpc::CompletionQueue* cq) override {
    if (approve_ || !status_.ok()) return true;  // approve answered, or submit failed
    regv1::ApproveApplicationRequest req;
    req.set_request_id(submit_req_.request_id() + "-a");
    req.set_application_id(submit_resp_.application().id());
    req.set_version(submit_resp_.application().version());
    approve_ctx_ = NewContext();
    approve_ = stub_->PrepareAsyncApproveApplication(approve_ctx_.get(), req, cq);
    approve_->StartCall();
    approve_->Finish(&approve_resp_, &status_, this);
    return false;
  }

  std::string Error() const override {
    return status_.ok() ? "" : (approve_ ? "approve " : "submit ") + Describe(status_);
  }
  std::string org_id() const {
    return status_.ok() && approve_ ? approve_resp_.organization().id() : "";
  }

 private:
  std::unique_ptr<grpc::ClientContext> NewContext() const {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->AddMetadata("authorization", "Bearer " + token_);
    ctx->set_deadline(Deadline());
    return ctx;
  }
  regv1::RegistrationService::Stub* stub_;
  std::string token_;
  regv1::SubmitApplicationRequest submit_req_;
  std::unique_ptr<grpc::ClientContext> submit_ctx_, approve_ctx_;
  grpc::Status status_;
  regv1::SubmitApplicationResponse submit_resp_;
  regv1::ApproveApplicationResponse approve_resp_;
  std::unique_ptr<grpc::ClientAsyncResponseReader<regv1::SubmitApplicationResponse>> submit_;
  std::unique_ptr<grpc::ClientAsyncResponseReader<regv1::ApproveApplicationResponse>> approve_;
};

}  // namespace

Channels::Channels(const std::string& addr, int n) {
  for (int i = 0; i < n; ++i) {
    grpc::ChannelArguments args;
    args.SetInt("socgov.bench.channel", i);
    channels_.push_back(grpc::CreateCustomChannel(addr, grpc::InsecureChannelCredentials(), args));
  }
}

regv1::SubmitApplicationRequest CreateRequest(const std::string& unique) {
  regv1::SubmitApplicationRequest r;
  r.set_request_id("bench-" + unique);
  auto* p = r.mutable_profile();
  // A social service organization applies for establishment directly (social groups go through
  // preparation first, REG-04), so one submit and one approval register it.
  p->set_org_type(regv1::ORG_TYPE_SOCIAL_SERVICE);
  p->set_social_service_form(regv1::SOCIAL_SERVICE_FORM_LEGAL_PERSON);
  p->set_staff_count(12);
  p->set_name("集美区" + unique + "号社区养老服务中心");  // REG-03: the form comes last
  p->set_domicile("厦门市集美区嘉庚路 18 号");
  p->mutable_legal_representative()->set_name("王海峰");
  p->mutable_funds()->set_fen(1'000'000);
  p->set_business_scope("养老照护；社区助餐");
  p->set_jurisdiction("350211");
  r.set_legal_representative_id_number("350211197405180030");
  return r;
}

std::unique_ptr<AsyncOp> EchoOp(bench::v1::EchoService::Stub* stub,
                                std::shared_ptr<const bench::v1::EchoRequest> req) {
  return std::make_unique<UnaryOp<bench::v1::EchoResponse>>(
      [stub, req](grpc::ClientContext* ctx, grpc::CompletionQueue* cq) {
        return stub->PrepareAsyncEcho(ctx, *req, cq);
      },
      "");
}

std::unique_ptr<AsyncOp> GetOrgOp(regv1::RegistrationService::Stub* stub, std::string token,
                                  std::string org_id) {
  regv1::GetOrganizationRequest req;
  req.set_organization_id(std::move(org_id));
  return std::make_unique<UnaryOp<regv1::Organization>>(
      [stub, req](grpc::ClientContext* ctx, grpc::CompletionQueue* cq) {
        return stub->PrepareAsyncGetOrganization(ctx, req, cq);
      },
      token);
}

std::unique_ptr<AsyncOp> ListOrgsOp(regv1::RegistrationService::Stub* stub, std::string token,
                                    int page_size) {
  regv1::ListOrganizationsRequest req;
  req.mutable_page()->set_page_size(page_size);
  return std::make_unique<UnaryOp<regv1::ListOrganizationsResponse>>(
      [stub, req](grpc::ClientContext* ctx, grpc::CompletionQueue* cq) {
        return stub->PrepareAsyncListOrganizations(ctx, req, cq);
      },
      token);
}

std::unique_ptr<AsyncOp> SubmitOp(regv1::RegistrationService::Stub* stub, std::string token,
                                  regv1::SubmitApplicationRequest req) {
  return std::make_unique<UnaryOp<regv1::SubmitApplicationResponse>>(
      [stub, req = std::move(req)](grpc::ClientContext* ctx, grpc::CompletionQueue* cq) {
        return stub->PrepareAsyncSubmitApplication(ctx, req, cq);
      },
      token);
}

std::unique_ptr<AsyncOp> CreateOrgOp(regv1::RegistrationService::Stub* stub, std::string token,
                                     regv1::SubmitApplicationRequest req) {
  return std::make_unique<CreateOp>(stub, std::move(token), std::move(req));
}

std::string CreatedOrgId(const AsyncOp& op) {
  const auto* c = dynamic_cast<const CreateOp*>(&op);
  return c == nullptr ? "" : c->org_id();
}

}  // namespace socgov::bench
