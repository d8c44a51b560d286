// One piece of a running service (userver's component model): the runner starts components in the
// order they were added, reports readiness only while every one of them is ready, and stops them
// in reverse order.
#pragma once

#include <string>

namespace socgov::service {

class Component {
 public:
  virtual ~Component() = default;
  // Short name for logs ("relay", "grpc", "consumer penalties").
  virtual std::string name() const = 0;
  // Called once, in list order, after Redis answers and the scripts are loaded. Throwing stops the
  // start (the service exits 1 with the message logged).
  virtual void Start() {}
  // Why the component cannot serve now, or "" when it can. Called about once a second from the
  // runner's thread; may also do periodic work (start a consumer once its stream exists).
  virtual std::string Tick() { return ""; }
  // Called once, in reverse list order. Must return within the component's own deadline.
  virtual void Stop() {}
};

}  // namespace socgov::service
