// Text rules shared by every registration input: trimming (incl. the ideographic space), UTF-8
// validity and length in code points, single-line fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "platform/util/error.h"

namespace socgov::registration {

// Length in Unicode code points of UTF-8 text; nullopt when the text is not valid UTF-8.
std::optional<size_t> Utf8Length(std::string_view s);

// Trims ASCII whitespace and U+3000 from both ends.
std::string_view Trim(std::string_view s);

struct TextRule {
  size_t min;
  size_t max;
  bool single_line;  // names are printed on certificates and in one-line lists
};

// Checks `in` after trimming and returns the trimmed text, which is what gets stored. Errors are
// kInvalidArgument naming `field`.
Result<std::string> CheckText(std::string_view field, std::string_view in, TextRule rule);

}  // namespace socgov::registration
