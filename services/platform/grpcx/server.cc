#include "platform/grpcx/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "platform/grpcx/interceptor.h"

namespace socgov::grpcx {

ServiceHost::ServiceHost(HostOptions options, metrics::Metrics* metrics, const log::Logger& logger)
    : options_(std::move(options)), metrics_(metrics), logger_(logger) {}

ServiceHost::~ServiceHost() {
  if (server_ && !shut_down_) server_->Shutdown(std::chrono::system_clock::now());
}

void ServiceHost::AddService(grpc::Service* service) { services_.push_back(service); }

int ServiceHost::Start() {
  grpc::EnableDefaultHealthCheckService(true);
  // Debian's gcc links with --as-needed: without this call the reflection library is dropped.
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options_.listen, grpc::InsecureServerCredentials(), &port);
  for (auto* s : services_) builder.RegisterService(s);
  grpc::ResourceQuota quota("socgov");
  quota.SetMaxThreads(options_.max_threads);
  builder.SetResourceQuota(quota);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> factories;
  factories.push_back(std::make_unique<ObservabilityInterceptorFactory>(metrics_, logger_));
  builder.experimental().SetInterceptorCreators(std::move(factories));
  server_ = builder.BuildAndStart();
  if (!server_ || port == 0) {
    logger_.Error("cannot listen", {{"address", options_.listen}});
    server_.reset();
    return 0;
  }
  auto* health = server_->GetHealthCheckService();
  health->SetServingStatus("", true);
  health->SetServingStatus("liveness", true);
  health->SetServingStatus("readiness", false);
  return port;
}

void ServiceHost::SetReady(bool ready) {
  if (server_ && !shut_down_)
    server_->GetHealthCheckService()->SetServingStatus("readiness", ready);
}

void ServiceHost::Shutdown() {
  if (!server_ || shut_down_) return;
  shut_down_ = true;
  // Tell load balancers first, give them time to notice, then stop taking calls.
  server_->GetHealthCheckService()->SetServingStatus("readiness", false);
  std::this_thread::sleep_for(std::chrono::milliseconds(options_.drain_ms));
  server_->Shutdown(std::chrono::system_clock::now() +
                    std::chrono::milliseconds(options_.shutdown_deadline_ms));
  server_->Wait();
}

void BlockShutdownSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int WaitForShutdownSignal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  int sig = 0;
  sigwait(&set, &sig);
  return sig;
}

}  // namespace socgov::grpcx
