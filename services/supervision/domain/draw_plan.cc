#include "supervision/domain/draw_plan.h"

#include <string>

namespace socgov::supervision {

std::string_view LevelName(JurisdictionLevel level) {
  switch (level) {
    case JurisdictionLevel::kCounty:
      return "county";
    case JurisdictionLevel::kCity:
      return "city";
    case JurisdictionLevel::kProvince:
      return "province";
  }
  return "unknown";
}

std::int32_t MinimumRatioPermille(JurisdictionLevel level) {
  switch (level) {
    case JurisdictionLevel::kCounty:
      return 30;
    case JurisdictionLevel::kCity:
      return 40;
    case JurisdictionLevel::kProvince:
      return 50;
  }
  return 1000;  // an unknown level gets no leniency
}

Status ValidateDrawPlan(const DrawPlan& plan) {
  const std::int32_t minimum = MinimumRatioPermille(plan.level);
  if (plan.ratio_permille < minimum) {
    return Error::InvalidArgument(
        "ratio_permille", "must be at least " + std::to_string(minimum) + " (permille) for a " +
                              std::string(LevelName(plan.level)) + "-level plan");
  }
  if (plan.ratio_permille > 1000) {
    return Error::InvalidArgument("ratio_permille", "must be at most 1000 (100 %)");
  }
  if (plan.inspectors_per_check < 2) {
    return Error::InvalidArgument("inspectors_per_check", "must be at least 2");
  }
  return std::nullopt;
}

}  // namespace socgov::supervision
