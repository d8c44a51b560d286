// Consumes supervision's case.decided events (stream SUPERVISION) and applies their suspension and
// revocation to the organizations registered here. Adapter only: the decision is Registry's.
#pragma once

// Layer rule, enforced by the build (services/registration/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE) || defined(SOCGOV_LAYER_APP)
#error "registration/api is visible only from the api layer and main"
#endif

#include <memory>
#include <string>

#include "platform/bus/consumer.h"
#include "platform/bus/nats.h"
#include "platform/log/log.h"
#include "registration/app/registry.h"

namespace socgov::registration {

class PenaltyConsumer {
 public:
  PenaltyConsumer(bus::Connection& conn, Registry& registry, std::string durable,
                  const std::string& jurisdiction, metrics::Metrics* metrics,
                  const log::Logger& logger);
  ~PenaltyConsumer();
  PenaltyConsumer(const PenaltyConsumer&) = delete;
  PenaltyConsumer& operator=(const PenaltyConsumer&) = delete;

  // Starts consuming once the SUPERVISION stream exists; cheap to call every second.
  void StartWhenStreamExists();
  void Stop();
  // Maps one delivery to a consumer outcome (exposed for tests).
  bus::ApplyResult Apply(const bus::Delivery& d);

 private:
  bus::Connection& conn_;
  Registry& registry_;
  bus::ConsumerSpec spec_;
  metrics::Metrics* metrics_;
  const log::Logger& logger_;
  std::unique_ptr<bus::ConsumerLoop> loop_;
};

// socgov.v1.<city>.<district|_>.supervision.case.decided for a deployment's jurisdiction.
std::string CaseDecidedSubject(const std::string& jurisdiction);

}  // namespace socgov::registration
