#include "registration/store/scripts.h"

#include <string>

namespace socgov::registration::scripts {
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
