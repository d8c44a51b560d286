// The rating scale (domain.md §3.5): grades, the scored dimensions, a jurisdiction's grade
// thresholds and how long a grade is valid. Settings of a round (rating.h), validated here so
// that a round with an impossible rubric never opens.
#pragma once

#include <string_view>

#include "platform/util/error.h"
#include "supervision/domain/annual_report.h"
#include "supervision/domain/dates.h"

namespace socgov::supervision {

// ---- Grades and scores (RT-01, RT-06, RT-07) ----

enum class Grade { k1A = 1, k2A, k3A, k4A, k5A };
std::string_view GradeName(Grade g);  // "5A" ... "1A"
// RT-01: 3A and above receive a certificate and a plaque.
bool GetsCertificateAndPlaque(Grade g);

enum class RulesRevision { k2010, k2026 };
// The revision in force on a day (2026 from 2026-03-01): the default for a new round.
RulesRevision RevisionInForce(Date d);

// RT-07: the content dimensions, scored in integers. 民非 call 工作绩效 "业务活动和诚信建设".
enum class Dimension {
  kBasicConditions,     // 基础条件
  kInternalGovernance,  // 内部治理
  kPerformance,         // 工作绩效
  kSocialEvaluation,    // 社会评价
  kBonus,               // 附加项
};
std::string_view DimensionName(Dimension d, OrgKind kind);

struct DimensionScores {
  int basic_conditions = 0;
  int internal_governance = 0;
  int performance = 0;
  int social_evaluation = 0;
  int bonus = 0;

  bool operator==(const DimensionScores&) const = default;
};

inline constexpr int kMaxScore = 1000;  // RT-06

// A round's rubric: each dimension's maximum. The four content dimensions add up to 1000; the
// bonus maximum is extra, but a total never exceeds 1000. kInvalidArgument naming
// "maxima.<dimension>" or "maxima".
Status ValidateMaxima(const DimensionScores& maxima);
// The total of scores within the maxima. kInvalidArgument naming "scores.<dimension>" when
// negative or above its maximum, "scores" when the total exceeds 1000.
Result<int> TotalScore(const DimensionScores& scores, const DimensionScores& maxima);

// RT-06: the lowest score of each grade; below two_a is 1A. The default is Chanhe's (≥900 5A,
// 800–899 4A, 700–799 3A, 600–699 2A, ≤599 1A); Anqing's is {950, 901, ...}.
struct GradeThresholds {
  int five_a = 900;
  int four_a = 800;
  int three_a = 700;
  int two_a = 600;
};
// Strictly descending from five_a to two_a, each within 0..1000. kInvalidArgument naming
// "thresholds.<grade>".
Status ValidateThresholds(const GradeThresholds& t);
Grade GradeFor(int score, const GradeThresholds& t);

// RT-05: 5 years. 2026: Jan 1 of the year after the announcement to Dec 31 of the 5th year;
// 2010: from the announcement, ending on the corresponding day 5 years later (民法典 Art 201–202:
// the first day is not counted; a missing corresponding day is the month's last).
struct Validity {
  Date from{};
  Date to{};  // inclusive
  bool operator==(const Validity&) const = default;
};
Validity ValidityFor(RulesRevision revision, Date announced_on);

}  // namespace socgov::supervision
