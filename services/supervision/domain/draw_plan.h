// A double-random (双随机、一公开) sampling plan: how large a share of the registered organizations
// a registry inspects, and how many inspectors go to each (社会组织抽查暂行办法, 民发〔2017〕45号).
#pragma once

#include <cstdint>
#include <string_view>

#include "platform/util/error.h"

namespace socgov::supervision {

enum class JurisdictionLevel { kCounty, kCity, kProvince };

std::string_view LevelName(JurisdictionLevel level);

// Art 5's floor for the level, in permille: county 3 %, city 4 %, province 5 %. A registry may
// sample more (Xilingol samples 10 %).
std::int32_t MinimumRatioPermille(JurisdictionLevel level);

struct DrawPlan {
  std::int32_t ratio_permille = 0;  // share of the population drawn, 1000 = everyone
  JurisdictionLevel level = JurisdictionLevel::kCounty;
  std::int32_t inspectors_per_check = 2;  // on-site checks need at least two inspectors
};

// kInvalidArgument naming ratio_permille (below the level's floor, or above 1000) or
// inspectors_per_check (below 2).
Status ValidateDrawPlan(const DrawPlan& plan);

}  // namespace socgov::supervision
