// What one step cost, beyond latency (benchmarks.md method 3 and 4): CPU-µs per request of every
// process, and Redis work per request.
//
// Redis is counted three ways, each named in the report:
//  - commands: `INFO commandstats` deltas over the step (all clients). Redis 7 counts the
//    commands a Lua script runs as well, so one EVALSHA that runs HSET + XADD adds 1 evalsha,
//    1 hset and 1 xadd; the relay's and audit's commands for the events the step caused are
//    included.
//  - round_trips: requests the *service's RPC path* wrote to Redis, counted client-side as TCP
//    data segments (ss -tinp, per socket of the service process; a pipeline or a MULTI..EXEC
//    block written at once is one segment, one round trip). The relay's connection is excluded:
//    it is the service socket whose last command (CLIENT LIST) is a stream command or EXEC.
//    The service's readiness loop adds one PING per second (negligible, not subtracted).
//  - reads: Redis's `total_reads_processed` delta (all clients), for context.
#pragma once

#include <sys/types.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "platform/store/redis.h"
#include "proc.h"

namespace socgov::bench {

struct RedisSnapshot {
  std::map<std::string, uint64_t> commands;  // cmdstat name → calls
  uint64_t reads = 0;                        // total_reads_processed
  std::map<int, uint64_t> segments;          // service socket local port → data_segs_out
  std::set<int> relay_ports;                 // service sockets that belong to the relay
};

RedisSnapshot TakeRedisSnapshot(store::Redis& admin, int redis_port, pid_t service_pid);
// Per-request figures between two snapshots.
nlohmann::json RedisPerRequest(const RedisSnapshot& before, const RedisSnapshot& after,
                               uint64_t requests);

// One INFO field as a number (0 when absent).
double InfoField(store::Redis& admin, const std::string& section, const std::string& field);

}  // namespace socgov::bench
