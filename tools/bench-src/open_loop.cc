#include "open_loop.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace socgov::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kMaxErrorKinds = 8;
// Beyond this many operations in flight the generator stops sending (counted as failed) rather
// than grow without bound when the target stalls.
constexpr int64_t kMaxInFlight = 20000;

int64_t Ns(Clock::duration d) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
}

void NoteError(std::map<std::string, uint64_t>& errors, const std::string& e) {
  auto it = errors.find(e);
  if (it != errors.end())
    ++it->second;
  else if (errors.size() < kMaxErrorKinds)
    errors[e] = 1;
  else
    ++errors["(other errors)"];
}

void Finish(StepStats& s, SteadyTime start, SteadyTime last_completion) {
  const double span = std::chrono::duration<double>(last_completion - start).count();
  const double denom = std::max(s.schedule_s, span);
  s.achieved_rps = denom > 0 ? static_cast<double>(s.ok) / denom : 0;
}

}  // namespace

bool StepStats::Sustained(int64_t p99_limit_ns) const {
  return planned > 0 && achieved_rps >= 0.99 * offered_rps &&
         latency.Percentile(99) <= p99_limit_ns;
}

StepStats RunGrpcStep(double rate, double seconds, const OpFactory& make, const OpDone& done) {
  StepStats s;
  s.offered_rps = rate;
  s.schedule_s = seconds;
  s.planned = static_cast<uint64_t>(rate * seconds);
  const auto interval = std::chrono::nanoseconds(static_cast<int64_t>(1e9 / rate));
  grpc::CompletionQueue cq;
  // Operations in flight plus one reference held by the sender until it is done; whoever drops
  // the count to zero shuts the queue down, so the completer ends exactly once.
  std::atomic<int64_t> in_flight{1};
  SteadyTime last_completion{};
  std::mutex mu;  // guards s.errors/s.failed between the two threads

  // Give the sender a moment so the first planned times are not already late.
  const SteadyTime start = Clock::now() + std::chrono::milliseconds(20);
  std::thread completer([&] {
    void* tag = nullptr;
    bool ok = false;
    while (cq.Next(&tag, &ok)) {
      // The queue hands back the operation the sender released into it.
      std::unique_ptr<AsyncOp> op(static_cast<AsyncOp*>(tag));
      if (!op->Next(&cq)) {
        (void)op.release();  // a follow-up call is in flight; the queue owns it again
        continue;
      }
      const SteadyTime now = Clock::now();
      last_completion = now;
      const std::string err = op->Error();
      {
        std::lock_guard<std::mutex> lock(mu);
        if (err.empty()) {
          ++s.ok;
          s.latency.Record(Ns(now - op->planned));
        } else {
          ++s.failed;
          NoteError(s.errors, err);
        }
      }
      if (done) done(*op);
      if (in_flight.fetch_sub(1) == 1) cq.Shutdown();
    }
  });

  for (uint64_t i = 0; i < s.planned; ++i) {
    const SteadyTime planned = start + interval * i;
    std::this_thread::sleep_until(planned);
    if (in_flight.load() - 1 >= kMaxInFlight) {
      std::lock_guard<std::mutex> lock(mu);
      ++s.failed;
      NoteError(s.errors, "generator: too many in flight");
      continue;
    }
    std::unique_ptr<AsyncOp> op = make(i);
    op->planned = planned;
    in_flight.fetch_add(1);
    AsyncOp* raw = op.release();  // owned by the completion queue until its completion arrives
    raw->Start(&cq);
  }
  if (in_flight.fetch_sub(1) == 1) cq.Shutdown();
  completer.join();
  Finish(s, start, last_completion);
  return s;
}

StepStats RunPoolStep(double rate, double seconds, int workers, const SyncOp& op) {
  StepStats s;
  s.offered_rps = rate;
  s.schedule_s = seconds;
  s.planned = static_cast<uint64_t>(rate * seconds);
  const auto interval = std::chrono::nanoseconds(static_cast<int64_t>(1e9 / rate));
  const SteadyTime start = Clock::now() + std::chrono::milliseconds(20);
  std::atomic<uint64_t> next{0};
  std::mutex mu;
  SteadyTime last_completion = start;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      Histogram local;
      uint64_t ok = 0;
      SteadyTime last = start;
      std::map<std::string, uint64_t> errors;
      uint64_t failed = 0;
      for (uint64_t i = next++; i < s.planned; i = next++) {
        const SteadyTime planned = start + interval * i;
        std::this_thread::sleep_until(planned);
        const std::string err = op(i, w);
        last = Clock::now();
        if (err.empty()) {
          ++ok;
          local.Record(Ns(last - planned));
        } else {
          ++failed;
          NoteError(errors, err);
        }
      }
      std::lock_guard<std::mutex> lock(mu);
      s.latency.Merge(local);
      s.ok += ok;
      s.failed += failed;
      for (const auto& [e, n] : errors) s.errors[e] += n;
      last_completion = std::max(last_completion, last);
    });
  }
  for (auto& t : threads) t.join();
  Finish(s, start, last_completion);
  return s;
}

}  // namespace socgov::bench
