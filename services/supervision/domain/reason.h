// Why a rule fired, in a form callers can both show and act on: the rule ID (domain.md, with the
// situation where a rule lists several, e.g. "ZB-01(b)") and a short text for the notice. Texts
// name dates and counts, never a whole input.
#pragma once

#include <string>

namespace socgov::supervision {

struct Reason {
  std::string rule;  // "RT-03", "ZB-01(a)", "TE-02"
  std::string text;

  bool operator==(const Reason&) const = default;
};

}  // namespace socgov::supervision
