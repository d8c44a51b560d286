// The venture service's own copy of an organization's credit facts, built from supervision's
// listing events and this service's clawbacks (never read from supervision's store), and the
// look-back over them: CR-10 (Guangzhou) and VC-07's bar.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "welfare_venture/domain/dates.h"

namespace socgov::welfare_venture {

enum class CreditList { kAbnormal, kSerious };
std::string_view CreditListName(CreditList l);

// On `list` from `from` up to the day before `until`: the removal day is already off the list,
// as in supervision. No `until` while still listed.
struct ListingPeriod {
  CreditList list = CreditList::kAbnormal;
  Date from{};
  std::optional<Date> until;
};

struct CreditFacts {
  std::vector<ListingPeriod> listings;
  std::vector<Date> major_violations;  // CR-10's 重大违法: dates of the decisions
  std::vector<Date> clawbacks;         // VC-07: days a venture grant was clawed back
};

inline constexpr int kAbnormalLookBackYears = 1;
inline constexpr int kSeriousLookBackYears = 2;
inline constexpr int kViolationLookBackYears = 3;
inline constexpr int kClawbackBarYears = 3;

// The first day a clawback on `clawed_back_on` no longer bars: 3 years on.
Date BarEndsOn(Date clawed_back_on);

// Checks on `on`, in this order:
//   CR-10 no SERIOUS listing on any day of [on − 2 years, on];
//   CR-10 no ABNORMAL listing on any day of [on − 1 year, on];
//   CR-10 no major violation dated within [on − 3 years, on];
//   VC-07 no clawback on a day C ≤ on with on < C + 3 years.
// kFailedPrecondition "state SERIOUS|ABNORMAL|VIOLATION|BARRED: CR-10|VC-07 ..." naming the dated
// fact; kInvalidArgument naming listings.until for a period that ends before it starts. Facts
// dated after `on` have not happened yet as far as `on` is concerned and are ignored.
Status CheckCreditLookBack(const CreditFacts& facts, Date on);

}  // namespace socgov::welfare_venture
