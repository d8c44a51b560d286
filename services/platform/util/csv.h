// One CSV field (RFC 4180) of the public exports: quoted when it holds a comma, quote or line
// break, and a text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is
// prefixed with an apostrophe (OWASP CSV injection), so an organization's name can never be a
// formula on a clerk's machine.
#pragma once

#include <string>
#include <string_view>

namespace socgov {

std::string CsvField(std::string_view field);

}  // namespace socgov
