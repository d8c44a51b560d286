// A service started in-process through the same service kit runner its binary uses, against the
// harness's redis-server and nats-server: the fixtures' one way to run a service (no hand-wired
// copy of a main).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "platform/service/kit.h"
#include "support/servers.h"

namespace socgov::testing {

class InProcessService {
 public:
  // `env` holds SOCGOV_* settings on top of the connection ones made here.
  InProcessService(service::Definition definition, const std::string& dir, const RedisServer& redis,
                   const NatsServer& nats, const std::string& token_key,
                   std::map<std::string, std::string> env = {}, const Clock* clock = nullptr)
      : runner_(std::make_unique<service::Runner>(std::move(definition))) {
    const std::string key_file = dir + "/token-" + std::to_string(FreePort()) + ".key";
    std::ofstream(key_file) << token_key << "\n";
    env.try_emplace("SOCGOV_JURISDICTION", "350211");
    env.try_emplace("SOCGOV_GRPC_LISTEN", "127.0.0.1:0");
    env.try_emplace("SOCGOV_METRICS_LISTEN", "127.0.0.1:0");
    env.try_emplace("SOCGOV_REDIS_PORT", std::to_string(redis.port()));
    env.try_emplace("SOCGOV_NATS_URL", nats.url());
    env.try_emplace("SOCGOV_TOKEN_KEY_FILE", key_file);
    env.try_emplace("SOCGOV_DRAIN_MS", "0");
    env_ = std::move(env);
    runner_->set_log_stream(&log_);
    if (clock != nullptr) runner_->set_clock(clock);
  }
  ~InProcessService() { Stop(); }

  // Starts and waits until readiness would be SERVING.
  ::testing::AssertionResult Start() {
    const int code = runner_->Start(0, nullptr, &env_);
    if (code != 0 || !runner_->serving())
      return ::testing::AssertionFailure()
             << "start failed (" << code << "): " << runner_->error() << "\n"
             << log_.str();
    if (!WaitFor([&] { return runner_->not_ready_reason().empty(); }, std::chrono::seconds(20)))
      return ::testing::AssertionFailure() << "not ready: " << runner_->not_ready_reason() << "\n"
                                           << log_.str();
    return ::testing::AssertionSuccess();
  }
  void Stop() { runner_->Stop(); }
  std::string addr() const { return "127.0.0.1:" + std::to_string(runner_->grpc_port()); }
  service::Kit& kit() { return runner_->kit(); }
  service::Runner& runner() { return *runner_; }
  std::string log() const { return log_.str(); }

 private:
  std::ostringstream log_;
  std::map<std::string, std::string> env_;
  std::unique_ptr<service::Runner> runner_;
};

}  // namespace socgov::testing
