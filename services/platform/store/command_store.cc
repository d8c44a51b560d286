#include "platform/store/command_store.h"

namespace socgov::store {

CommandStore::CommandStore(RedisPool& pool,
                           std::string (*idem_key)(const std::string&, const std::string&))
    : pool_(pool), idem_key_(idem_key) {
  AddMutateScript(scripts_);
}

CommandRead CommandStore::ReadForCommand(const std::string& rpc, const std::string& request_id,
                                         const std::vector<std::vector<std::string>>& reads) {
  auto redis = pool_.Acquire();
  return store::ReadForCommand(*redis, idem_key_(rpc, request_id), reads);
}

Result<CommandOutcome> CommandStore::Mutate(const Mutation& m, const std::string& what) {
  auto redis = pool_.Acquire();
  return RunMutation(*redis, scripts_, m, what);
}

std::vector<Value> CommandStore::Read(const std::vector<std::vector<std::string>>& reads) {
  if (reads.empty()) return {};
  auto redis = pool_.Acquire();
  return redis->Pipeline(reads);
}

Result<std::int64_t> CommandStore::Increment(const std::string& key) {
  auto redis = pool_.Acquire();
  Value v = redis->Command({"INCR", key});
  if (v.type != Value::Type::kInteger || v.integer <= 0)
    return Error::Internal("INCR " + key + ": " + v.str);
  return static_cast<std::int64_t>(v.integer);
}

}  // namespace socgov::store
