#include "platform/outbox/outbox.h"

#include "platform/auth/scope.h"

namespace socgov::outbox {

namespace {
constexpr int kFieldsPerEvent = 11;
}  // namespace

std::vector<std::string> FieldNames() {
  return {"id",       "type",         "source", "subject",      "time", "dataschema",
          "sequence", "jurisdiction", "actor",  "nats_subject", "data"};
}

void AppendScriptArgs(const std::vector<OutboxEvent>& events, std::vector<std::string>& argv) {
  argv.reserve(argv.size() + 1 + kFieldsPerEvent * events.size());
  argv.push_back(std::to_string(events.size()));
  for (const auto& e : events) {
    argv.push_back(e.id);
    argv.push_back(e.type);
    argv.push_back(e.source);
    argv.push_back(e.subject);
    argv.push_back(e.time);
    argv.push_back(e.dataschema);
    argv.push_back(std::to_string(e.sequence));
    argv.push_back(e.jurisdiction);
    argv.push_back(e.actor);
    argv.push_back(e.nats_subject);
    argv.push_back(e.data);
  }
}

// Field order must match FieldNames() and AppendScriptArgs().
const char* const kOutboxLua = R"lua(
local function outbox_append(stream, i)
  local n = tonumber(ARGV[i])
  i = i + 1
  for _ = 1, n do
    redis.call('XADD', stream, '*',
      'id', ARGV[i], 'type', ARGV[i + 1], 'source', ARGV[i + 2], 'subject', ARGV[i + 3],
      'time', ARGV[i + 4], 'dataschema', ARGV[i + 5], 'sequence', ARGV[i + 6],
      'jurisdiction', ARGV[i + 7], 'actor', ARGV[i + 8], 'nats_subject', ARGV[i + 9],
      'data', ARGV[i + 10])
    i = i + 11
  end
  return i
end
)lua";

std::string Subject(const std::string& jurisdiction, const std::string& context,
                    const std::string& aggregate, const std::string& event) {
  const std::string city = auth::CityOf(jurisdiction);
  const std::string district = auth::IsCountyLevel(jurisdiction) ? jurisdiction : "_";
  return "socgov.v1." + city + "." + district + "." + context + "." + aggregate + "." + event;
}

std::string CeType(const std::string& context, const std::string& aggregate,
                   const std::string& event) {
  return "cn.socgov." + context + "." + aggregate + "." + event + ".v1";
}

}  // namespace socgov::outbox
