#include "platform/store/command.h"

namespace socgov::store {

Status ValidateRequestId(const std::string& request_id) {
  if (request_id.empty()) return Error::InvalidArgument("request_id", "required (idempotency key)");
  if (request_id.size() > 128)
    return Error::InvalidArgument("request_id", "longer than 128 characters");
  for (char c : request_id)
    if (c < 0x21 || c > 0x7e)
      return Error::InvalidArgument("request_id", "only printable ASCII without spaces");
  return std::nullopt;
}

Status ValidateId(const char* field, const std::string& id) {
  if (id.empty()) return Error::InvalidArgument(field, "required");
  if (id.size() > 64) return Error::InvalidArgument(field, "longer than 64 characters");
  for (char c : id)
    if (c < 0x21 || c > 0x7e || c == ':')
      return Error::InvalidArgument(field, "only printable ASCII without spaces or ':'");
  return std::nullopt;
}

CommandRead ReadForCommand(Redis& redis, const std::string& idem_key,
                           const std::vector<std::vector<std::string>>& reads) {
  std::vector<std::vector<std::string>> commands;
  commands.reserve(1 + reads.size());
  commands.push_back({"GET", idem_key});
  commands.insert(commands.end(), reads.begin(), reads.end());
  auto rows = redis.Pipeline(commands);
  CommandRead out;
  if (rows[0].type == Value::Type::kString) out.prior = rows[0].str;
  out.rows.assign(std::make_move_iterator(rows.begin() + 1), std::make_move_iterator(rows.end()));
  return out;
}

std::vector<std::string> FlatHash(const Value& v) {
  std::vector<std::string> out;
  out.reserve(v.elements.size());
  for (const auto& e : v.elements) out.push_back(e.str);
  return out;
}

}  // namespace socgov::store
