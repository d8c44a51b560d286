// Text rules shared by every registration input: trimming (incl. the ideographic space), UTF-8
// validity and length in code points, single-line fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "platform/util/error.h"
#include "platform/util/text.h"

namespace socgov::registration {

// UTF-8 length and trimming: the platform's (platform/util/text.h).
using socgov::Trim;
using socgov::Utf8Length;

struct TextRule {
  size_t min;
  size_t max;
  bool single_line;  // names are printed on certificates and in one-line lists
};

// Checks `in` after trimming and returns the trimmed text, which is what gets stored. Errors are
// kInvalidArgument naming `field`.
Result<std::string> CheckText(std::string_view field, std::string_view in, TextRule rule);

}  // namespace socgov::registration
