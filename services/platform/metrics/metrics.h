// Prometheus metrics (prometheus-cpp, Debian package) served as text on a separate HTTP port.
// One Metrics object per process, passed to whoever records; no global registry.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace prometheus {
class Exposer;
}

namespace socgov::metrics {

class Metrics {
 public:
  explicit Metrics(std::string service);
  ~Metrics();
  // Starts serving /metrics on host:port (port 0 picks one); returns the bound port.
  int Serve(const std::string& host_port);

  prometheus::Registry& registry() { return *registry_; }
  // RPCs by method and status code.
  void ObserveRpc(const std::string& method, const std::string& code, double seconds);
  void SetOutbox(double pending, double oldest_age_seconds);
  void IncRelayPublishError();
  void IncRelayPublished();
  void IncConsumer(const std::string& stream,
                   const std::string& what);  // applied/redelivered/dead_lettered/duplicate
  void SetConsumerLag(const std::string& stream, double lag);

 private:
  std::string service_;
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<prometheus::Exposer> exposer_;
  prometheus::Family<prometheus::Counter>* rpc_total_;
  prometheus::Family<prometheus::Histogram>* rpc_seconds_;
  prometheus::Gauge* outbox_pending_;
  prometheus::Gauge* outbox_oldest_age_;
  prometheus::Counter* relay_errors_;
  prometheus::Counter* relay_published_;
  prometheus::Family<prometheus::Counter>* consumer_total_;
  prometheus::Family<prometheus::Gauge>* consumer_lag_;
};

}  // namespace socgov::metrics
