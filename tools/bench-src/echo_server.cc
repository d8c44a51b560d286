// socgov-bench-echo: the P1 baseline (benchmarks.md). The same ServiceHost as the services (sync
// gRPC server, the same thread limit, the logging + metrics interceptor), but a handler that only
// copies the request: whatever a service costs beyond this is the service's own work.
//
//   socgov-bench-echo --grpc-listen 127.0.0.1:0 --max-threads 24
// Prints "port <n>" on stdout once it serves, then runs until SIGTERM/SIGINT.
#include <iostream>
#include <string>

#include "platform/grpcx/server.h"
#include "platform/log/log.h"
#include "platform/metrics/metrics.h"
#include "socgov/bench/v1/echo.grpc.pb.h"

namespace {

class EchoHandler final : public socgov::bench::v1::EchoService::Service {
 public:
  grpc::Status Echo(grpc::ServerContext*, const socgov::bench::v1::EchoRequest* req,
                    socgov::bench::v1::EchoResponse* resp) override {
    resp->set_payload(req->payload());
    return grpc::Status::OK;
  }
};

}  // namespace

int main(int argc, char** argv) {
  namespace sg = socgov;
  sg::grpcx::BlockShutdownSignals();
  sg::grpcx::HostOptions options;
  options.drain_ms = 0;
  // registration runs with --redis-pool-size 16 and max_threads = pool + 8.
  options.max_threads = 24;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--grpc-listen") {
      options.listen = argv[i + 1];
    } else if (flag == "--max-threads") {
      options.max_threads = std::stoi(argv[i + 1]);
    } else {
      std::cerr << "socgov-bench-echo: unknown flag " << flag << "\n";
      return 2;
    }
  }
  sg::log::Logger logger("bench-echo", "000000");
  sg::metrics::Metrics metrics("bench_echo");
  EchoHandler handler;
  sg::grpcx::ServiceHost host(options, &metrics, logger);
  host.AddService(&handler);
  const int port = host.Start();
  if (port == 0) return 1;
  host.SetReady(true);
  std::cout << "port " << port << std::endl;
  sg::grpcx::WaitForShutdownSignal();
  host.Shutdown();
  return 0;
}
