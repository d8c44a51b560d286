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

std::optional<size_t> Utf8Length(std::string_view s) {
  size_t count = 0;
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    size_t extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 < 0x80) {
      ++i;
      ++count;
      continue;
    } else if ((b0 & 0xE0) == 0xC0) {
      extra = 1, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
      extra = 2, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
      extra = 3, cp = b0 & 0x07, min = 0x10000;
    } else {
      return std::nullopt;  // a continuation byte first, or 0xF8..0xFF
    }
    if (s.size() - i <= extra) return std::nullopt;  // truncated sequence
    for (size_t k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms and surrogates would let two byte strings spell the same name.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    i += extra + 1;
    ++count;
  }
  return count;
}

// Clerks paste from documents and Chinese IMEs type the ideographic space U+3000, so both ASCII
// whitespace and U+3000 are trimmed.
std::string_view Trim(std::string_view s) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  auto is_ascii_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  for (;;) {
    if (!s.empty() && is_ascii_space(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with(kIdeographicSpace)) {
      s.remove_prefix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && is_ascii_space(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  return s;
}

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
