#include "supervision/domain/credit_query.h"

#include <string>

namespace socgov::supervision {

Result<bool> WasListed(const CreditRecord& record, CreditList list, Date from, Date to) {
  if (to < from) return Error::InvalidArgument("to", "must not be before from");
  const CreditRecord advanced = AdvanceTo(record, to);
  for (const auto& l : advanced.listings) {
    if (l.list != list || l.listed_on > to) continue;
    if (!l.removed_on) return true;
    // An empty interval (removed the day it was listed) never put the organization on the list.
    if (*l.removed_on > l.listed_on && *l.removed_on > from) return true;
  }
  return false;
}

std::optional<CreditList> ListOn(const CreditRecord& record, Date day) {
  for (CreditList list : {CreditList::kSerious, CreditList::kAbnormal}) {
    if (auto r = WasListed(record, list, day, day); r.ok() && *r) return list;
  }
  return std::nullopt;
}

Status CheckNotListed(const CreditRecord& record, Date today, std::string_view benefit) {
  if (auto list = ListOn(record, today)) {
    return Error::FailedPrecondition("state " + std::string(CreditListName(*list)) +
                                     ": CR-09 excludes listed organizations from " +
                                     std::string(benefit));
  }
  return std::nullopt;
}

Status CheckVentureEligible(const CreditRecord& record, Date today) {
  if (*WasListed(record, CreditList::kSerious, AddYears(today, -2), today)) {
    return Error::FailedPrecondition(
        "state SERIOUS: CR-10 venture funding needs no SERIOUS listing in the previous 2 years");
  }
  if (*WasListed(record, CreditList::kAbnormal, AddYears(today, -1), today)) {
    return Error::FailedPrecondition(
        "state ABNORMAL: CR-10 venture funding needs no ABNORMAL listing in the previous year");
  }
  return std::nullopt;
}

}  // namespace socgov::supervision
