#include "platform/store/mutation.h"

namespace socgov::store {
namespace {

// KEYS are declared (not built in Lua) so the script stays valid under Redis Cluster rules; ops
// refer to them by index.
class Encoder {
 public:
  Encoder(std::vector<std::string>& keys, std::vector<std::string>& argv)
      : keys_(keys), argv_(argv) {}
  std::string Key(const std::string& k) {
    keys_.push_back(k);
    return std::to_string(keys_.size());
  }
  void Op(std::initializer_list<std::string> parts) {
    argv_.insert(argv_.end(), parts.begin(), parts.end());
  }

 private:
  std::vector<std::string>& keys_;
  std::vector<std::string>& argv_;
};

const char* GuardCode(Mutation::Guard::Kind k) {
  switch (k) {
    case Mutation::Guard::Kind::kVersion:
      return "V";
    case Mutation::Guard::Kind::kAbsent:
      return "A";
    case Mutation::Guard::Kind::kNameFree:
      return "N";
    case Mutation::Guard::Kind::kCounter:
      return "C";
    case Mutation::Guard::Kind::kFieldAbsent:
      return "F";
  }
  return "?";
}

// KEYS: idem, then the keys ops refer to by index. ARGV: response, idem_ttl, then ops:
//   V k expected label | A k _ label | N k own label | C k expected label   (guards)
//   H k n f1 v1 ... | S k value expire_at_ms | D k value | Z k score member | z k member |
//   + k member | E k events...   (writes)
// Guards run first; the first write op ends the guard phase, so nothing is written unless every
// guard passed. Counters are incremented between the two phases. Replies: {'ok'} |
// {'dup', first_response} | {'err', kind, detail, label}.
constexpr const char* kMutateLua = R"lua(
local function hset_from(key, i)
  local n = tonumber(ARGV[i])
  local fields = {}
  for j = 1, 2 * n do fields[j] = ARGV[i + j] end
  if n > 0 then redis.call('HSET', key, unpack(fields)) end
  return i + 1 + 2 * n
end

local prior = redis.call('GET', KEYS[1])
if prior then return {'dup', prior} end
local i = 3
local n = #ARGV
local counters = {}
while i <= n do
  local op = ARGV[i]
  if op == 'V' then
    local cur = redis.call('HGET', KEYS[tonumber(ARGV[i + 1])], 'version')
    if not cur then return {'err', 'not_found', '', ARGV[i + 3]} end
    if cur ~= ARGV[i + 2] then return {'err', 'version', cur, ARGV[i + 3]} end
  elseif op == 'A' then
    if redis.call('EXISTS', KEYS[tonumber(ARGV[i + 1])]) == 1 then
      return {'err', 'exists', '', ARGV[i + 3]}
    end
  elseif op == 'N' then
    local holder = redis.call('GET', KEYS[tonumber(ARGV[i + 1])])
    if holder and holder ~= ARGV[i + 2] then return {'err', 'name_taken', holder, ARGV[i + 3]} end
  elseif op == 'F' then
    if redis.call('HEXISTS', KEYS[tonumber(ARGV[i + 1])], ARGV[i + 2]) == 1 then
      return {'err', 'exists', '', ARGV[i + 3]}
    end
  elseif op == 'C' then
    local key = KEYS[tonumber(ARGV[i + 1])]
    local cur = redis.call('GET', key) or '0'
    if cur ~= ARGV[i + 2] then return {'err', 'counter', cur, ARGV[i + 3]} end
    counters[#counters + 1] = key
  else
    break
  end
  i = i + 4
end
-- Every counter equals what the command read, so INCR makes it exactly expected + 1.
for _, key in ipairs(counters) do redis.call('INCR', key) end
while i <= n do
  local op = ARGV[i]
  local key = KEYS[tonumber(ARGV[i + 1])]
  if op == 'H' then
    i = hset_from(key, i + 2)
  elseif op == 'S' then
    if ARGV[i + 3] ~= '0' then
      redis.call('SET', key, ARGV[i + 2], 'PXAT', ARGV[i + 3])
    else
      redis.call('SET', key, ARGV[i + 2])
    end
    i = i + 4
  elseif op == 'D' then
    if redis.call('GET', key) == ARGV[i + 2] then redis.call('DEL', key) end
    i = i + 3
  elseif op == 'Z' then
    redis.call('ZADD', key, ARGV[i + 2], ARGV[i + 3])
    i = i + 4
  elseif op == 'z' then
    redis.call('ZREM', key, ARGV[i + 2])
    i = i + 3
  elseif op == '+' then
    redis.call('SADD', key, ARGV[i + 2])
    i = i + 3
  elseif op == 'I' then
    redis.call('HINCRBY', key, ARGV[i + 2], ARGV[i + 3])
    i = i + 4
  elseif op == 'E' then
    i = outbox_append(key, i + 2)
  else
    return redis.error_reply('mutate: unknown op ' .. tostring(op))
  end
end
if ARGV[2] == '0' then
  redis.call('SET', KEYS[1], ARGV[1])
else
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
end
return {'ok'}
)lua";

}  // namespace

void EncodeMutation(const Mutation& m, std::vector<std::string>& keys,
                    std::vector<std::string>& argv) {
  Encoder e(keys, argv);
  e.Key(m.idem_key);  // KEYS[1]
  e.Op({m.response, std::to_string(m.idem_ttl_seconds)});
  for (const auto& g : m.guards) e.Op({GuardCode(g.kind), e.Key(g.key), g.value, g.label});
  for (const auto& h : m.hashes) {
    e.Op({"H", e.Key(h.key), std::to_string(h.fields.size() / 2)});
    argv.insert(argv.end(), h.fields.begin(), h.fields.end());
  }
  for (const auto& s : m.sets) e.Op({"S", e.Key(s.key), s.value, std::to_string(s.expire_at_ms)});
  for (const auto& d : m.dels_if) e.Op({"D", e.Key(d.key), d.value});
  for (const auto& z : m.zops) {
    if (z.score.empty())
      e.Op({"z", e.Key(z.key), z.member});
    else
      e.Op({"Z", e.Key(z.key), z.score, z.member});
  }
  for (const auto& s : m.sadds) e.Op({"+", e.Key(s.key), s.member});
  for (const auto& h : m.hincrs) e.Op({"I", e.Key(h.key), h.field, std::to_string(h.amount)});
  if (!m.events.empty()) {
    e.Op({"E", e.Key(m.outbox_key)});
    outbox::AppendScriptArgs(m.events, argv);
  }
}

std::string MutateScript() { return std::string(outbox::kOutboxLua) + kMutateLua; }

void AddMutateScript(ScriptRegistry& scripts) { scripts.Add(kMutateScript, MutateScript()); }

Error DescribeRefusal(const Refusal& r) {
  if (r.kind == "version")
    return Error::Aborted(r.label + ": version changed to " + r.detail +
                          "; read it again and retry");
  if (r.kind == "not_found") return Error::NotFound(r.label + ": not found");
  if (r.kind == "exists") return Error::AlreadyExists(r.label + " exists");
  if (r.kind == "name_taken")
    return Error::AlreadyExists(r.label + ": already held by " + r.detail);
  if (r.kind == "counter")
    return Error::Aborted(r.label + ": " + kCounterConflict + " (now " + r.detail + "); retry");
  return Error::Internal("mutate script: unknown refusal " + r.kind + " (" + r.label + ")");
}

bool IsCounterConflict(const Error& e) {
  return e.code == ErrorCode::kAborted && e.message.find(kCounterConflict) != std::string::npos;
}

Result<CommandOutcome> InterpretMutationReply(const Value& v, const std::string& what,
                                              const RefusalWording& wording) {
  if (v.is_error()) return Error::Internal("redis script " + what + ": " + v.str);
  if (v.type != Value::Type::kArray || v.elements.empty())
    return Error::Internal("redis script " + what + ": unexpected reply");
  const std::string& tag = v.elements[0].str;
  if (tag == "ok") return CommandOutcome{};
  if (tag == "dup" && v.elements.size() >= 2)
    return CommandOutcome{CommandOutcome::Kind::kReplayed, v.elements[1].str};
  if (tag != "err" || v.elements.size() < 2)
    return Error::Internal("redis script " + what + ": unexpected reply " + tag);
  Refusal r{v.elements[1].AsString(), v.elements.size() > 2 ? v.elements[2].AsString() : "",
            v.elements.size() > 3 ? v.elements[3].AsString() : ""};
  if (r.label.empty()) r.label = what;
  if (wording)
    if (auto own = wording(r)) return *own;
  return DescribeRefusal(r);
}

Result<CommandOutcome> RunMutation(Redis& redis, const ScriptRegistry& scripts, const Mutation& m,
                                   const std::string& what, const RefusalWording& wording) {
  std::vector<std::string> keys;
  std::vector<std::string> argv;
  EncodeMutation(m, keys, argv);
  return InterpretMutationReply(scripts.Eval(redis, kMutateScript, keys, argv), what, wording);
}

}  // namespace socgov::store
