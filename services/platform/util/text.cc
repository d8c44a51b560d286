#include "platform/util/text.h"

#include <optional>
#include <set>

namespace socgov {
namespace {

constexpr std::size_t kMaxIdLength = 64;

std::optional<std::size_t> Utf8Length(std::string_view s) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 < 0x80) {
      ++i;
      ++count;
      continue;
    }
    if ((b0 & 0xE0) == 0xC0) {
      extra = 1, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
      extra = 2, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
      extra = 3, cp = b0 & 0x07, min = 0x10000;
    } else {
      return std::nullopt;
    }
    if (s.size() - i <= extra) return std::nullopt;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms and surrogates would let two byte strings spell the same text.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    i += extra + 1;
    ++count;
  }
  return count;
}

std::string_view Trim(std::string_view s) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  for (;;) {
    if (!s.empty() && is_space(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with(kIdeographicSpace)) {
      s.remove_prefix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && is_space(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  return s;
}

}  // namespace

Result<std::string> CheckText(std::string_view field, std::string_view in, std::size_t max,
                              bool required) {
  const std::string_view text = Trim(in);
  const std::optional<std::size_t> length = Utf8Length(text);
  if (!length) return Error::InvalidArgument(field, "must be valid UTF-8");
  if (*length == 0 && required) return Error::InvalidArgument(field, "is required");
  if (*length > max) {
    return Error::InvalidArgument(field, "must be at most " + std::to_string(max) +
                                             " characters, got " + std::to_string(*length));
  }
  return std::string(text);
}

Status CheckId(std::string_view field, std::string_view id) {
  if (id.empty()) return Error::InvalidArgument(field, "is required");
  if (id.size() > kMaxIdLength) {
    return Error::InvalidArgument(
        field, "must be at most " + std::to_string(kMaxIdLength) + " characters");
  }
  for (char c : id) {
    if (c <= 0x20 || c >= 0x7F) {
      return Error::InvalidArgument(field, "must be printable ASCII without spaces");
    }
  }
  return std::nullopt;
}

Status CheckDistinctIds(std::string_view field, const std::vector<std::string>& ids) {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string name = std::string(field) + "[" + std::to_string(i) + "]";
    if (Status bad = CheckId(name, ids[i])) return bad;
    if (!seen.insert(ids[i]).second) return Error::InvalidArgument(name, "is repeated");
  }
  return std::nullopt;
}

}  // namespace socgov
