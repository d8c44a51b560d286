#include "supervision/domain/rating_scale.h"

#include <array>
#include <string>

namespace socgov::supervision {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

Date Ymd(int y, unsigned m, unsigned d) { return Date{year_month_day{year{y}, month{m}, day{d}}}; }
int YearOf(Date d) { return static_cast<int>(year_month_day{d}.year()); }

struct DimensionField {
  std::string_view name;
  int DimensionScores::*member;
};
constexpr std::array<DimensionField, 5> kDimensions{{
    {"basic_conditions", &DimensionScores::basic_conditions},
    {"internal_governance", &DimensionScores::internal_governance},
    {"performance", &DimensionScores::performance},
    {"social_evaluation", &DimensionScores::social_evaluation},
    {"bonus", &DimensionScores::bonus},
}};

std::string Prefixed(std::string_view prefix, std::string_view field) {
  return std::string(prefix) + std::string(field);
}

Status CheckThresholds(const GradeThresholds& t, std::string_view prefix) {
  const std::array<std::pair<std::string_view, int>, 4> levels{
      {{"five_a", t.five_a}, {"four_a", t.four_a}, {"three_a", t.three_a}, {"two_a", t.two_a}}};
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const auto& [name, value] = levels[i];
    if (value < 0 || value > kMaxScore) {
      return Error::InvalidArgument(Prefixed(prefix, name), "must be within 0..1000");
    }
    if (i > 0 && value >= levels[i - 1].second) {
      return Error::InvalidArgument(Prefixed(prefix, name),
                                    "must be below " + std::string(levels[i - 1].first));
    }
  }
  return std::nullopt;
}

Status CheckMaxima(const DimensionScores& m, std::string_view prefix) {
  for (const auto& d : kDimensions) {
    if (m.*d.member < 0) {
      return Error::InvalidArgument(Prefixed(prefix, d.name), "must not be negative");
    }
  }
  const int content =
      m.basic_conditions + m.internal_governance + m.performance + m.social_evaluation;
  if (content != kMaxScore) {
    return Error::InvalidArgument(std::string(prefix.substr(0, prefix.size() - 1)),
                                  "the four content dimensions must add up to 1000");
  }
  if (m.bonus > kMaxScore) {
    return Error::InvalidArgument(Prefixed(prefix, "bonus"), "must not exceed 1000");
  }
  return std::nullopt;
}

}  // namespace

std::string_view GradeName(Grade g) {
  switch (g) {
    case Grade::k5A:
      return "5A";
    case Grade::k4A:
      return "4A";
    case Grade::k3A:
      return "3A";
    case Grade::k2A:
      return "2A";
    case Grade::k1A:
      return "1A";
  }
  return "unknown";
}

bool GetsCertificateAndPlaque(Grade g) { return g >= Grade::k3A; }

RulesRevision RevisionInForce(Date d) {
  return d >= Ymd(2026, 3, 1) ? RulesRevision::k2026 : RulesRevision::k2010;
}

std::string_view DimensionName(Dimension d, OrgKind kind) {
  switch (d) {
    case Dimension::kBasicConditions:
      return "基础条件";
    case Dimension::kInternalGovernance:
      return "内部治理";
    case Dimension::kPerformance:
      return kind == OrgKind::kPrivateNonEnterprise ? "业务活动和诚信建设" : "工作绩效";
    case Dimension::kSocialEvaluation:
      return "社会评价";
    case Dimension::kBonus:
      return "附加项";
  }
  return "unknown";
}

Status ValidateMaxima(const DimensionScores& maxima) { return CheckMaxima(maxima, "maxima."); }

Result<int> TotalScore(const DimensionScores& scores, const DimensionScores& maxima) {
  int total = 0;
  for (const auto& d : kDimensions) {
    const int v = scores.*d.member;
    if (v < 0) return Error::InvalidArgument(Prefixed("scores.", d.name), "must not be negative");
    if (v > maxima.*d.member) {
      return Error::InvalidArgument(
          Prefixed("scores.", d.name),
          "exceeds the round's maximum of " + std::to_string(maxima.*d.member));
    }
    total += v;
  }
  if (total > kMaxScore) return Error::InvalidArgument("scores", "total exceeds 1000");
  return total;
}

Status ValidateThresholds(const GradeThresholds& t) { return CheckThresholds(t, "thresholds."); }

Grade GradeFor(int score, const GradeThresholds& t) {
  if (score >= t.five_a) return Grade::k5A;
  if (score >= t.four_a) return Grade::k4A;
  if (score >= t.three_a) return Grade::k3A;
  if (score >= t.two_a) return Grade::k2A;
  return Grade::k1A;
}

Validity ValidityFor(RulesRevision revision, Date announced_on) {
  if (revision == RulesRevision::k2026) {
    const int y = YearOf(announced_on);
    return {Ymd(y + 1, 1, 1), Ymd(y + 5, 12, 31)};
  }
  return {announced_on, AddYears(announced_on, 5)};
}

}  // namespace socgov::supervision
