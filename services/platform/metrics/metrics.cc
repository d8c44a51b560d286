#include "platform/metrics/metrics.h"

#include <prometheus/exposer.h>

#include <utility>

namespace socgov::metrics {

Metrics::Metrics(std::string service)
    : service_(std::move(service)), registry_(std::make_shared<prometheus::Registry>()) {
  const prometheus::Labels svc{{"service", service_}};
  rpc_total_ = &prometheus::BuildCounter()
                    .Name("socgov_rpc_total")
                    .Help("gRPC calls handled, by method and status code")
                    .Labels(svc)
                    .Register(*registry_);
  rpc_seconds_ = &prometheus::BuildHistogram()
                      .Name("socgov_rpc_duration_seconds")
                      .Help("gRPC call latency, by method and status code")
                      .Labels(svc)
                      .Register(*registry_);
  auto& outbox_pending = prometheus::BuildGauge()
                             .Name("socgov_outbox_pending")
                             .Help("Outbox entries not yet published to JetStream")
                             .Labels(svc)
                             .Register(*registry_);
  outbox_pending_ = &outbox_pending.Add({});
  auto& outbox_age = prometheus::BuildGauge()
                         .Name("socgov_outbox_oldest_age_seconds")
                         .Help("Age of the oldest unpublished outbox entry")
                         .Labels(svc)
                         .Register(*registry_);
  outbox_oldest_age_ = &outbox_age.Add({});
  auto& relay_errors = prometheus::BuildCounter()
                           .Name("socgov_relay_publish_errors_total")
                           .Help("Outbox relay publish attempts that got no PubAck")
                           .Labels(svc)
                           .Register(*registry_);
  relay_errors_ = &relay_errors.Add({});
  auto& relay_published = prometheus::BuildCounter()
                              .Name("socgov_relay_published_total")
                              .Help("Outbox entries published and acknowledged by JetStream")
                              .Labels(svc)
                              .Register(*registry_);
  relay_published_ = &relay_published.Add({});
  consumer_total_ =
      &prometheus::BuildCounter()
           .Name("socgov_consumer_events_total")
           .Help("Events seen by consumers: applied, duplicate, redelivered, dead_lettered")
           .Labels(svc)
           .Register(*registry_);
  consumer_lag_ = &prometheus::BuildGauge()
                       .Name("socgov_consumer_lag")
                       .Help("Messages pending for the durable consumer, by stream")
                       .Labels(svc)
                       .Register(*registry_);
}

Metrics::~Metrics() = default;

int Metrics::Serve(const std::string& host_port) {
  exposer_ = std::make_unique<prometheus::Exposer>(host_port);
  exposer_->RegisterCollectable(registry_);
  auto ports = exposer_->GetListeningPorts();
  return ports.empty() ? 0 : ports.front();
}

void Metrics::ObserveRpc(const std::string& method, const std::string& code, double seconds) {
  rpc_total_->Add({{"method", method}, {"code", code}}).Increment();
  static const prometheus::Histogram::BucketBoundaries kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  rpc_seconds_->Add({{"method", method}, {"code", code}}, kBuckets).Observe(seconds);
}

void Metrics::SetOutbox(double pending, double oldest_age_seconds) {
  outbox_pending_->Set(pending);
  outbox_oldest_age_->Set(oldest_age_seconds);
}

void Metrics::IncRelayPublishError() { relay_errors_->Increment(); }
void Metrics::IncRelayPublished() { relay_published_->Increment(); }

void Metrics::IncConsumer(const std::string& stream, const std::string& what) {
  consumer_total_->Add({{"stream", stream}, {"outcome", what}}).Increment();
}

void Metrics::SetConsumerLag(const std::string& stream, double lag) {
  consumer_lag_->Add({{"stream", stream}}).Set(lag);
}

}  // namespace socgov::metrics
