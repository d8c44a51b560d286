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

}  // namespace socgov::registration::scripts
