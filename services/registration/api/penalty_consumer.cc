#include "registration/api/penalty_consumer.h"

#include "platform/outbox/outbox.h"
#include "platform/store/redis.h"

namespace socgov::registration {

std::string CaseDecidedSubject(const std::string& jurisdiction) {
  return outbox::Subject(jurisdiction, "supervision", "case", "decided");
}

PenaltyConsumer::PenaltyConsumer(bus::Connection& conn, Registry& registry, std::string durable,
                                 const std::string& jurisdiction, metrics::Metrics* metrics,
                                 const log::Logger& logger)
    : conn_(conn),
      registry_(registry),
      spec_{.stream = "SUPERVISION",
            .durable = std::move(durable),
            .filter_subject = CaseDecidedSubject(jurisdiction),
            .max_deliver = 10,
            .ack_wait_ms = 30'000},
      metrics_(metrics),
      logger_(logger) {}

PenaltyConsumer::~PenaltyConsumer() { Stop(); }

void PenaltyConsumer::StartWhenStreamExists() {
  if (loop_ || !conn_.connected() || !bus::StreamExists(conn_, spec_.stream)) return;
  if (auto err = bus::EnsureConsumer(conn_, spec_)) {
    logger_.Warn("cannot create penalty consumer", {{"error", err->message}});
    return;
  }
  loop_ = std::make_unique<bus::ConsumerLoop>(
      conn_, spec_, [this](const bus::Delivery& d) { return Apply(d); },
      [this](const bus::Delivery& d, const std::string& why) noexcept {
        try {
          return registry_.KeepDeadLetter(d.Header("ce-id"), d.subject, why, d.data);
        } catch (...) {
          return false;
        }
      },
      metrics_, logger_);
  loop_->Start();
  logger_.Info("consuming penalty decisions",
               {{"stream", spec_.stream}, {"filter", spec_.filter_subject}});
}

void PenaltyConsumer::Stop() {
  if (loop_) loop_->Stop();
}

bus::ApplyResult PenaltyConsumer::Apply(const bus::Delivery& d) {
  try {
    auto r = registry_.ApplyPenaltyDecision(d.Header("ce-id"), d.data);
    if (r.ok()) return {*r ? bus::Outcome::kApplied : bus::Outcome::kDuplicate, ""};
    switch (r.error().code) {
      case ErrorCode::kAborted:
      case ErrorCode::kUnavailable:
        return {bus::Outcome::kRetry, r.error().message};
      default:
        // Not registered here, malformed, or a state the penalty cannot apply to: an operator
        // must look at it; keep it in {reg}:dlq.
        return {bus::Outcome::kReject, r.error().message};
    }
  } catch (const store::RedisUnavailable& e) {
    return {bus::Outcome::kRetry, e.what()};
  }
}

}  // namespace socgov::registration
