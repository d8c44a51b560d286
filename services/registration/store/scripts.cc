#include "registration/store/scripts.h"

#include <string>

namespace socgov::registration::scripts {

// Sent with EVAL inside a command's read pipeline (not EVALSHA: a pipeline cannot reload a script
// Redis lost). The organization's key is built here: it shares the {reg} hash tag with the change
// application's, so it lives in the same slot.
std::string OrgOfChangeScript() {
  return R"lua(
local org_id = redis.call('HGET', KEYS[1], 'organization_id')
if not org_id then return {} end
return redis.call('HGETALL', '{reg}:org:' .. org_id)
)lua";
}

// As OrgOfChangeScript: sent with EVAL, review keys built under the set's {reg} tag.
std::string ReviewsOfScript() {
  return R"lua(
local out = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local h = redis.call('HGETALL', '{reg}:review:' .. id)
  if #h > 0 then out[#out + 1] = h end
end
return out
)lua";
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
