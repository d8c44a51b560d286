#include "welfare_venture/domain/credit.h"

#include <string>

namespace socgov::welfare_venture {
namespace {

bool ListedWithin(const ListingPeriod& p, Date from, Date to) {
  if (p.from > to) return false;
  if (!p.until) return true;
  // An empty interval (removed the day it was listed) never put the organization on the list.
  return *p.until > p.from && *p.until > from;
}

std::string Describe(const ListingPeriod& p) {
  return "listed from " + FormatDate(p.from) +
         (p.until ? " until " + FormatDate(*p.until) : std::string(" and still listed"));
}

Status CheckList(const CreditFacts& facts, CreditList list, int years, Date on) {
  const Date from = AddYears(on, -years);
  for (const auto& p : facts.listings) {
    if (p.list != list || !ListedWithin(p, from, on)) continue;
    const std::string name(CreditListName(list));
    return Error::FailedPrecondition(
        "state " + name + ": CR-10 venture funding needs no " + name + " listing in the previous " +
        (years == 1 ? std::string("year") : std::to_string(years) + " years") + "; " + Describe(p));
  }
  return std::nullopt;
}

}  // namespace

std::string_view CreditListName(CreditList l) {
  switch (l) {
    case CreditList::kAbnormal:
      return "ABNORMAL";
    case CreditList::kSerious:
      return "SERIOUS";
  }
  return "UNKNOWN";
}

Date BarEndsOn(Date clawed_back_on) { return AddYears(clawed_back_on, kClawbackBarYears); }

Status CheckCreditLookBack(const CreditFacts& facts, Date on) {
  for (const auto& p : facts.listings) {
    if (p.until && *p.until < p.from) {
      return Error::InvalidArgument("listings.until", "is before the listing's start");
    }
  }
  if (auto bad = CheckList(facts, CreditList::kSerious, kSeriousLookBackYears, on)) return bad;
  if (auto bad = CheckList(facts, CreditList::kAbnormal, kAbnormalLookBackYears, on)) return bad;
  const Date violations_from = AddYears(on, -kViolationLookBackYears);
  for (Date v : facts.major_violations) {
    if (v >= violations_from && v <= on) {
      return Error::FailedPrecondition(
          "state VIOLATION: CR-10 venture funding needs no major violation in the previous 3 "
          "years; violation decided " +
          FormatDate(v));
    }
  }
  for (Date c : facts.clawbacks) {
    if (c <= on && on < BarEndsOn(c)) {
      return Error::FailedPrecondition("state BARRED: VC-07 a grant was clawed back on " +
                                       FormatDate(c) + "; barred until " +
                                       FormatDate(BarEndsOn(c)));
    }
  }
  return std::nullopt;
}

}  // namespace socgov::welfare_venture
