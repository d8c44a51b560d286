// Open-loop load (benchmarks.md, method 1): requests leave on a fixed schedule whatever the replies
// do, and latency is counted from the *planned* send time, so a stall shows up as latency instead
// of silently lowering the offered rate (no coordinated omission).
//
// Two drivers: gRPC calls are started by one sender thread through the async API and completed on a
// CompletionQueue drained by one thread; blocking clients (hiredis, nats.c request) run on a pool
// of worker threads that each take the next planned slot when free and wait for its time.
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "histogram.h"

namespace socgov::bench {

using SteadyTime = std::chrono::steady_clock::time_point;

struct StepStats {
  double offered_rps = 0;
  double schedule_s = 0;                   // length of the send schedule
  uint64_t planned = 0;                    // requests scheduled
  uint64_t ok = 0;                         // completed successfully
  uint64_t failed = 0;                     // completed with an error, timed out or never sent
  double achieved_rps = 0;                 // ok / max(schedule, time until the last completion)
  Histogram latency;                       // successful requests, planned send → completion
  std::map<std::string, uint64_t> errors;  // error text → count (first few kinds)
  // MST rule (benchmarks.md): achieved ≥ 99 % of offered and p99 ≤ 5 ms. Durable steps pass a
  // larger limit: 5 ms plus the run's fsync p99 (benchmarks.md reports them as p99 − fsync p99).
  bool Sustained(int64_t p99_limit_ns = 5'000'000) const;
};

// One logical operation made of one or more gRPC calls, each completion tagged with `this`.
class AsyncOp {
 public:
  virtual ~AsyncOp() = default;
  // Issues the first call.
  virtual void Start(grpc::CompletionQueue* cq) = 0;
  // Handles a completion. Returns true when the operation is over, false after issuing a
  // follow-up call (e.g. approve after submit).
  virtual bool Next(grpc::CompletionQueue* cq) = 0;
  // After the operation is over: "" on success, else what went wrong.
  virtual std::string Error() const = 0;
  SteadyTime planned{};
};

// Builds operation number i (sender thread).
using OpFactory = std::function<std::unique_ptr<AsyncOp>(uint64_t i)>;
// Called on the completion thread for each finished operation (e.g. to collect created ids).
using OpDone = std::function<void(AsyncOp& op)>;

StepStats RunGrpcStep(double rate, double seconds, const OpFactory& make,
                      const OpDone& done = nullptr);

// A blocking request on worker `worker` (each worker owns its client); returns "" on success.
using SyncOp = std::function<std::string(uint64_t i, int worker)>;
StepStats RunPoolStep(double rate, double seconds, int workers, const SyncOp& op);

// Deadline every benchmark call carries; a call still open then counts as failed.
inline constexpr auto kCallDeadline = std::chrono::seconds(5);

}  // namespace socgov::bench
