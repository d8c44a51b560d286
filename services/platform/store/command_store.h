// What every service's store does the same way (supervision, party building, welfare venture):
// the generic mutate script loaded, a command's first read (idempotency record + reads) in one
// round trip, one command's checked commit, pipelined reads and id counters. A service's store
// derives from it and adds its key schema and entity codecs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/store/command.h"
#include "platform/store/mutation.h"
#include "platform/store/redis.h"
#include "platform/util/error.h"

namespace socgov::store {

class CommandStore {
 public:
  // `idem_key(rpc, request_id)` names the service's idempotency records ({tag}:idem:...).
  CommandStore(RedisPool& pool, std::string (*idem_key)(const std::string&, const std::string&));

  ScriptRegistry& scripts() { return scripts_; }
  // The stored response of (rpc, request id) and the replies of `reads`, in one round trip.
  CommandRead ReadForCommand(const std::string& rpc, const std::string& request_id,
                             const std::vector<std::vector<std::string>>& reads);
  // One command's writes, checked (platform/store/mutation.h).
  Result<CommandOutcome> Mutate(const Mutation& m, const std::string& what);
  // Replies of independent reads, pipelined.
  std::vector<Value> Read(const std::vector<std::vector<std::string>>& reads);
  // INCR of a counter (ids).
  Result<std::int64_t> Increment(const std::string& key);

 protected:
  RedisPool& pool() { return pool_; }

 private:
  RedisPool& pool_;
  std::string (*idem_key_)(const std::string&, const std::string&);
  ScriptRegistry scripts_;
};

}  // namespace socgov::store
