// A round's scoring scheme (VC-06). Zhongshan's 博爱100 scores a project by experts and public
// judges out of 100, then adds a matching-funds bonus (≤ 50) and a special bonus (5–20); other
// bureaus weigh differently, so the criteria and their weights are per-round configuration.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"

namespace socgov::welfare_venture {

// Who scores a criterion: assigned experts at review, public judges, or the defence (答辩) panel
// of assigned experts.
enum class Panel { kExpert, kPublic, kDefence };
std::string_view PanelName(Panel p);

struct Criterion {
  std::string id;
  Panel panel = Panel::kExpert;
  int weight_permille = 0;  // share of the 100-point weighted score
};

struct ScoringScheme {
  int scale_max = 100;  // every judge scores every criterion of its panel on 0..scale_max
  std::vector<Criterion> criteria;
  int matching_bonus_max = 50;  // whole points, 0..max
  int special_bonus_min = 5;    // a special bonus, when given, is within [min, max]
  int special_bonus_max = 20;
  int pass_mark_centi = 0;  // a project below this total (in 0.01 points) is not awarded
};

// Limits keeping aggregation exact in int64 (see review.h).
inline constexpr int kMaxScale = 100;
inline constexpr int kMaxCriteria = 20;

// VC-06: ids non-empty and unique, weights positive and summing to exactly 1000 permille, scale
// 1..kMaxScale, bonuses within Zhongshan's bounds (matching ≤ 50, special within 5–20 or none).
// kInvalidArgument naming the field.
Status ValidateScheme(const ScoringScheme& scheme);

// A scheme in Zhongshan's shape: three expert criteria, a defence score and public judges.
ScoringScheme DefaultScheme();

}  // namespace socgov::welfare_venture
