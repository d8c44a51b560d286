// Server interceptor that logs each RPC (method, code, duration) as a JSON line and records it in
// the metrics. It does not authenticate: see status.h for why.
#pragma once

#include <grpcpp/support/server_interceptor.h>

#include "platform/log/log.h"

namespace socgov::metrics {
class Metrics;
}

namespace socgov::grpcx {

class ObservabilityInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  ObservabilityInterceptorFactory(metrics::Metrics* metrics, const log::Logger& logger)
      : metrics_(metrics), logger_(logger) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  metrics::Metrics* metrics_;
  const log::Logger& logger_;
};

}  // namespace socgov::grpcx
