// The raw-dependency baselines of one run (benchmarks.md P0 and P2): what the disk, Redis and NATS
// cost on their own, measured against the same servers the services use.
#pragma once

#include <memory>
#include <string>

#include "histogram.h"
#include "open_loop.h"

namespace socgov::bench {

// P0: 4 KiB write + fdatasync, `count` times, in `dir` (the data folder of the run's servers).
Histogram FsyncLoop(const std::string& dir, int count);

// P2a: registration's submit script via hiredis (RegistrationStore::Submit: EVALSHA, no gRPC, no
// auth, no domain checks). Each worker owns a connection of a pool of `workers`.
class LuaWorkload {
 public:
  LuaWorkload(int redis_port, int workers, std::string run_tag);
  ~LuaWorkload();
  StepStats Step(double rate, double seconds);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// P2b: JetStream publish (sync, PubAck awaited, one publisher thread like the outbox relay) →
// durable pull consumer (fetch 1, ack; the platform's ConsumerLoop, with a handler that does
// nothing but read the timestamp in the payload). Latency = receive − publish start.
class JetStreamWorkload {
 public:
  explicit JetStreamWorkload(const std::string& nats_url);
  ~JetStreamWorkload();
  // Publishes at `rate` for `seconds`; returns publish→receive latencies (ok = received).
  StepStats Step(double rate, double seconds);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// P2c: core NATS request-reply (no JetStream), `workers` requesters, one responder connection.
class RequestReplyWorkload {
 public:
  RequestReplyWorkload(const std::string& nats_url, int workers);
  ~RequestReplyWorkload();
  StepStats Step(double rate, double seconds);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace socgov::bench
