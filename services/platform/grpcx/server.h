// gRPC server bootstrap shared by every service: health names "", "readiness" and "liveness",
// reflection (explicitly initialised: Debian's --as-needed drops the plugin otherwise), the
// logging+metrics interceptor, and graceful shutdown driven by SIGTERM (architecture.md §6).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "platform/log/log.h"

namespace grpc {
class Server;
class Service;
}  // namespace grpc

namespace socgov::metrics {
class Metrics;
}

namespace socgov::grpcx {

struct HostOptions {
  std::string listen = "127.0.0.1:0";  // host:port; port 0 picks a free one
  int drain_ms = 500;                  // readiness NOT_SERVING this long before closing listeners
  int shutdown_deadline_ms = 5000;     // in-flight RPCs get this long to finish
  int max_threads = 16;
};

class ServiceHost {
 public:
  ServiceHost(HostOptions options, metrics::Metrics* metrics, const log::Logger& logger);
  ~ServiceHost();
  ServiceHost(const ServiceHost&) = delete;
  ServiceHost& operator=(const ServiceHost&) = delete;

  void AddService(grpc::Service* service);
  // Starts serving; "" and liveness are SERVING, readiness NOT_SERVING until SetReady(true).
  // Returns the bound port, or 0 when the address cannot be bound.
  int Start();
  void SetReady(bool ready);
  // readiness → NOT_SERVING, waits drain_ms, then Shutdown(deadline). Idempotent.
  void Shutdown();
  grpc::Server* server() { return server_.get(); }

 private:
  HostOptions options_;
  metrics::Metrics* metrics_;
  const log::Logger& logger_;
  std::vector<grpc::Service*> services_;
  std::unique_ptr<grpc::Server> server_;
  bool shut_down_ = false;
};

// Blocks SIGTERM and SIGINT in the calling thread and every thread it starts later; call first in
// main. WaitForShutdownSignal then receives them synchronously (no async handler, no exit()).
void BlockShutdownSignals();
int WaitForShutdownSignal();

}  // namespace socgov::grpcx
