#include "registration/store/scripts.h"

#include <string>

#include "platform/outbox/outbox.h"

namespace socgov::registration::scripts {
namespace {

// Helpers shared by the command scripts. Replies: {'ok'} | {'dup', first_response} |
// {'err', kind, detail}. Nothing is written before every check has passed.
constexpr const char* kCommon = R"lua(
local function hset_from(key, i)
  local n = tonumber(ARGV[i])
  local fields = {}
  for j = 1, 2 * n do fields[j] = ARGV[i + j] end
  if n > 0 then redis.call('HSET', key, unpack(fields)) end
  return i + 1 + 2 * n
end

-- Re-checks, inside the script, what may have changed since the use case decided: the idempotency
-- record, the version and the state. Returns a reply to send back, or nil to go on.
local function precheck_decision(idem_key, app_key, expected_version)
  local prior = redis.call('GET', idem_key)
  if prior then return {'dup', prior} end
  local cur = redis.call('HMGET', app_key, 'version', 'status')
  if not cur[1] then return {'err', 'not_found', ''} end
  if cur[1] ~= expected_version then return {'err', 'version', cur[1]} end
  if cur[2] ~= 'SUBMITTED' then return {'err', 'state', cur[2]} end
  return nil
end
)lua";

std::string Build(const char* body) { return std::string(outbox::kOutboxLua) + kCommon + body; }

}  // namespace

// KEYS: idem, name, app, outbox. ARGV: response, idem_ttl, app_id, app fields..., events...
std::string SubmitScript() {
  return Build(R"lua(
local prior = redis.call('GET', KEYS[1])
if prior then return {'dup', prior} end
local holder = redis.call('GET', KEYS[2])
if holder then return {'err', 'name_taken', holder} end
if redis.call('EXISTS', KEYS[3]) == 1 then return {'err', 'exists', ARGV[3]} end
local i = hset_from(KEYS[3], 4)
redis.call('SET', KEYS[2], 'app:' .. ARGV[3])
outbox_append(KEYS[4], i)
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return {'ok'}
)lua");
}

// KEYS: idem, app, org, name, orgs, orgs_by_type, orgs_by_status, outbox.
// ARGV: response, idem_ttl, expected_version, org_id, serial, app fields..., org fields...,
// events...
std::string ApproveScript() {
  return Build(R"lua(
local stop = precheck_decision(KEYS[1], KEYS[2], ARGV[3])
if stop then return stop end
if redis.call('EXISTS', KEYS[3]) == 1 then return {'err', 'code_taken', ARGV[4]} end
local i = hset_from(KEYS[2], 6)
i = hset_from(KEYS[3], i)
redis.call('SET', KEYS[4], 'org:' .. ARGV[4])
redis.call('ZADD', KEYS[5], ARGV[5], ARGV[4])
redis.call('ZADD', KEYS[6], ARGV[5], ARGV[4])
redis.call('ZADD', KEYS[7], ARGV[5], ARGV[4])
outbox_append(KEYS[8], i)
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return {'ok'}
)lua");
}

// KEYS: idem, app, name, outbox. ARGV: response, idem_ttl, expected_version, app_id, app fields...,
// events...
std::string RejectScript() {
  return Build(R"lua(
local stop = precheck_decision(KEYS[1], KEYS[2], ARGV[3])
if stop then return stop end
local i = hset_from(KEYS[2], 5)
-- A refused name becomes free again, but only if this application still holds it.
if redis.call('GET', KEYS[3]) == 'app:' .. ARGV[4] then redis.call('DEL', KEYS[3]) end
outbox_append(KEYS[4], i)
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return {'ok'}
)lua");
}

// KEYS: idem, then the keys ops refer to by index. ARGV: response, idem_ttl, then ops:
//   V k expected label | A k _ label | N k own label   (guards, before any write)
//   H k n f1 v1 ... | S k value expire_at_ms | D k value | Z k score member | z k member |
//   + k member | E k events...   (writes)
// Guards run first; the first write op ends the guard phase, so nothing is written unless every
// guard passed.
std::string MutateScript() {
  return Build(R"lua(
local prior = redis.call('GET', KEYS[1])
if prior then return {'dup', prior} end
local i = 3
local n = #ARGV
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
  else
    break
  end
  i = i + 4
end
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
)lua");
}

// KEYS: index. ARGV: after_serial (exclusive), batch. Reply: {index size, id, serial, hash, ...}.
// Nothing is written, so it is safe to replay. The organization keys are built here rather than
// declared: they share the {reg} hash tag with the index, so they live in the same slot.
std::string PageScript() {
  return R"lua(
local out = {redis.call('ZCARD', KEYS[1])}
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf', 'WITHSCORES', 'LIMIT', 0,
                       tonumber(ARGV[2]))
for i = 1, #ids, 2 do
  out[#out + 1] = ids[i]
  out[#out + 1] = ids[i + 1]
  out[#out + 1] = redis.call('HGETALL', '{reg}:org:' .. ids[i])
end
return out
)lua";
}

}  // namespace socgov::registration::scripts
