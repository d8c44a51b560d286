#include "platform/grpcx/interceptor.h"

#include <chrono>
#include <memory>
#include <string>

#include "platform/grpcx/code_name.h"
#include "platform/metrics/metrics.h"

namespace socgov::grpcx {
namespace {

class ObservabilityInterceptor : public grpc::experimental::Interceptor {
 public:
  ObservabilityInterceptor(std::string method, metrics::Metrics* metrics, const log::Logger& logger)
      : method_(std::move(method)),
        metrics_(metrics),
        logger_(logger),
        start_(std::chrono::steady_clock::now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    using grpc::experimental::InterceptionHookPoints;
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      const char* code = StatusCodeName(status.error_code());
      if (metrics_ != nullptr) metrics_->ObserveRpc(method_, code, seconds);
      // Health probes arrive every few seconds from Kubernetes; they would drown the log.
      if (method_.rfind("/grpc.health.", 0) != 0) {
        log::Fields f = {{"rpc", method_},
                         {"code", code},
                         {"ms", std::to_string(static_cast<int64_t>(seconds * 1000))}};
        if (!status.ok()) f.emplace_back("error", status.error_message());
        logger_.Log(status.ok() ? log::Level::kInfo : log::Level::kWarn, "rpc", f);
      }
    }
    methods->Proceed();
  }

 private:
  std::string method_;
  metrics::Metrics* metrics_;
  const log::Logger& logger_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

grpc::experimental::Interceptor* ObservabilityInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  // gRPC takes ownership of the returned interceptor and deletes it when the call ends.
  return std::make_unique<ObservabilityInterceptor>(info->method(), metrics_, logger_).release();
}

}  // namespace socgov::grpcx
