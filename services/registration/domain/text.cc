#include "registration/domain/text.h"

namespace socgov::registration {
namespace {

bool HasControlChar(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return true;
  }
  return false;
}

}  // namespace

Result<std::string> CheckText(std::string_view field, std::string_view in, TextRule rule) {
  const std::string_view text = Trim(in);
  const std::optional<size_t> length = Utf8Length(text);
  if (!length) return Error::InvalidArgument(field, "must be valid UTF-8");
  if (*length == 0) return Error::InvalidArgument(field, "must not be empty");
  if (*length < rule.min) {
    return Error::InvalidArgument(field, "must be at least " + std::to_string(rule.min) +
                                             " characters, got " + std::to_string(*length));
  }
  if (*length > rule.max) {
    return Error::InvalidArgument(field, "must be at most " + std::to_string(rule.max) +
                                             " characters, got " + std::to_string(*length));
  }
  if (rule.single_line && HasControlChar(text)) {
    return Error::InvalidArgument(field, "must not contain control characters");
  }
  return std::string(text);
}

}  // namespace socgov::registration
