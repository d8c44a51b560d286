#include "platform/grpcx/interceptor.h"

#include <chrono>
#include <memory>
#include <string>

#include "platform/metrics/metrics.h"

namespace socgov::grpcx {
namespace {

const char* CodeName(grpc::StatusCode c) {
  switch (c) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return "UNKNOWN";
  }
}

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
      const char* code = CodeName(status.error_code());
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
