// The platform components the kit adds on a service's request (Kit::Publish, Consume, Every).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "platform/bus/nats.h"
#include "platform/bus/router.h"
#include "platform/log/log.h"
#include "platform/outbox/relay.h"
#include "platform/service/component.h"

namespace socgov::service {

// The outbox relay; ready once its JetStream stream exists (the relay provisions it).
class RelayComponent final : public Component {
 public:
  RelayComponent(outbox::RelayOptions options, store::RedisOptions redis, bus::Connection& nats,
                 metrics::Metrics* metrics, const log::Logger& logger)
      : stream_(options.stream.name),
        nats_(nats),
        relay_(std::move(options), std::move(redis), nats, metrics, logger) {}
  std::string name() const override { return "relay"; }
  void Start() override { relay_.Start(); }
  std::string Tick() override {
    if (!nats_.connected() || !bus::StreamExists(nats_, stream_))
      return "stream " + stream_ + " not provisioned yet";
    return "";
  }
  void Stop() override { relay_.Stop(3000); }
  const outbox::Relay& relay() const { return relay_; }

 private:
  std::string stream_;
  bus::Connection& nats_;
  outbox::Relay relay_;
};

// The event consumers: starts each route's loop once its stream exists.
class RouterComponent final : public Component {
 public:
  explicit RouterComponent(bus::Router& router) : router_(router) {}
  std::string name() const override { return "consumers"; }
  std::string Tick() override { return router_.Tick(); }
  void Stop() override { router_.Stop(); }

 private:
  bus::Router& router_;
};

// A periodic task on its own thread (e.g. registration's REG-04 lapse sweep).
class TaskComponent final : public Component {
 public:
  TaskComponent(std::string name, std::chrono::milliseconds period, std::function<void()> task,
                std::chrono::milliseconds retry, const log::Logger& logger)
      : name_(std::move(name)),
        period_(period),
        retry_(retry),
        task_(std::move(task)),
        logger_(logger) {}
  std::string name() const override { return "task " + name_; }
  void Start() override {
    thread_ = std::jthread([this](std::stop_token stop) {
      while (!stop.stop_requested()) {
        std::chrono::milliseconds next = period_;
        try {
          task_();
        } catch (const std::exception& e) {
          logger_.Warn("task failed; will try again", {{"task", name_}, {"error", e.what()}});
          next = retry_;
        }
        std::unique_lock lock(mu_);
        cv_.wait_for(lock, stop, next, [] { return false; });
      }
    });
  }
  void Stop() override {
    if (thread_.joinable()) {
      thread_.request_stop();
      thread_.join();
    }
  }

 private:
  std::string name_;
  std::chrono::milliseconds period_, retry_;
  std::function<void()> task_;
  const log::Logger& logger_;
  std::mutex mu_;
  std::condition_variable_any cv_;
  std::jthread thread_;
};

}  // namespace socgov::service
