#include "welfare_venture/domain/scoring.h"

#include <set>

namespace socgov::welfare_venture {

std::string_view PanelName(Panel p) {
  switch (p) {
    case Panel::kExpert:
      return "EXPERT";
    case Panel::kPublic:
      return "PUBLIC";
    case Panel::kDefence:
      return "DEFENCE";
  }
  return "UNKNOWN";
}

Status ValidateScheme(const ScoringScheme& s) {
  if (s.scale_max < 1 || s.scale_max > kMaxScale) {
    return Error::InvalidArgument("scheme.scale_max", "must be within 1..100");
  }
  if (s.criteria.empty()) return Error::InvalidArgument("scheme.criteria", "VC-06 needs criteria");
  if (s.criteria.size() > static_cast<std::size_t>(kMaxCriteria)) {
    return Error::InvalidArgument("scheme.criteria", "at most 20 criteria");
  }
  std::set<std::string> ids;
  int sum = 0;
  for (const auto& c : s.criteria) {
    if (c.id.empty()) return Error::InvalidArgument("scheme.criteria.id", "is required");
    if (!ids.insert(c.id).second) {
      return Error::InvalidArgument("scheme.criteria.id", "must be unique");
    }
    if (c.weight_permille <= 0 || c.weight_permille > 1000) {
      return Error::InvalidArgument("scheme.criteria.weight_permille", "must be within 1..1000");
    }
    sum += c.weight_permille;
  }
  if (sum != 1000) {
    return Error::InvalidArgument(
        "scheme.criteria.weight_permille",
        "VC-06 weights must sum to 1000 permille, not " + std::to_string(sum));
  }
  if (s.matching_bonus_max < 0 || s.matching_bonus_max > 50) {
    return Error::InvalidArgument("scheme.matching_bonus_max", "VC-06 must be within 0..50");
  }
  const bool no_special = s.special_bonus_min == 0 && s.special_bonus_max == 0;
  if (!no_special && (s.special_bonus_min < 5 || s.special_bonus_max > 20 ||
                      s.special_bonus_min > s.special_bonus_max)) {
    return Error::InvalidArgument("scheme.special_bonus",
                                  "VC-06 must lie within 5..20 (or 0..0 for none)");
  }
  const int max_total_centi = 100 * (100 + s.matching_bonus_max + s.special_bonus_max);
  if (s.pass_mark_centi < 0 || s.pass_mark_centi > max_total_centi) {
    return Error::InvalidArgument("scheme.pass_mark_centi", "must be within the scheme's range");
  }
  return std::nullopt;
}

ScoringScheme DefaultScheme() {
  ScoringScheme s;
  s.criteria = {{"need", Panel::kExpert, 200},
                {"design", Panel::kExpert, 250},
                {"capacity", Panel::kExpert, 150},
                {"defence", Panel::kDefence, 200},
                {"public", Panel::kPublic, 200}};
  return s;
}

}  // namespace socgov::welfare_venture
