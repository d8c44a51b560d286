// Free text and ids in the services' inputs. Text is trimmed (ASCII whitespace and U+3000, which
// Chinese IMEs type), must be valid UTF-8 and is bounded in code points, so one bound means the
// same for Chinese and Latin text. Errors name the field and the bound, never the text: a
// complaint's facts or a reporter's name must not reach a log through an error message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"

namespace socgov {

// The trimmed text, at most `max` code points. Empty text is kInvalidArgument when `required`,
// and "" otherwise.
Result<std::string> CheckText(std::string_view field, std::string_view in, std::size_t max,
                              bool required = true);

// An id (organization credit code, case id, person id): 1 to 64 printable ASCII characters
// without spaces.
Status CheckId(std::string_view field, std::string_view id);

// CheckId on each element, and no two equal.
Status CheckDistinctIds(std::string_view field, const std::vector<std::string>& ids);

}  // namespace socgov
