// Per-process accounting read from /proc and from the kernel's TCP counters: CPU time of every
// process in the measured tree, and how many requests a process wrote to a server (one TCP data
// segment per request write on loopback, where the MSS is ~64 KiB and hiredis sets TCP_NODELAY).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace socgov::bench {

struct NamedPid {
  std::string name;  // e.g. "registration", "redis-server", "generator"
  pid_t pid = 0;
};

// utime + stime of the whole process (all threads), in microseconds; -1 when it is gone.
int64_t ProcessCpuMicros(pid_t pid);

// CPU-µs of each process, sampled at once.
std::map<std::string, int64_t> SampleCpu(const std::vector<NamedPid>& pids);
// (after - before) / requests per process, plus "total".
std::map<std::string, double> CpuMicrosPerRequest(const std::map<std::string, int64_t>& before,
                                                  const std::map<std::string, int64_t>& after,
                                                  uint64_t requests);

// The child of this process whose /proc/<pid>/comm is `comm` (first match), or 0.
pid_t FindChildByComm(const std::string& comm);

// data_segs_out of every established TCP socket owned by `pid` towards 127.0.0.1:port, keyed by
// the socket's local port ("ss -tinp"). Empty when ss is missing.
std::map<int, uint64_t> SegmentsOut(pid_t pid, int port);

// Sum of after - before over the local ports in `after` that are not in `exclude`.
uint64_t SegmentDelta(const std::map<int, uint64_t>& before, const std::map<int, uint64_t>& after,
                      const std::set<int>& exclude);

}  // namespace socgov::bench
