// The dashboard's projections as pure arithmetic (issue 12 item 2): every event becomes changes of
// figures per (KPI, part, jurisdiction, day); a stock is the sum of its changes up to a day, a
// flow the sum within a period, a ratio a numerator and a denominator summed separately, and a
// city's figure the sum of its parts — never an average. The store keeps the same changes; these
// functions are what it computes, and the tests' reference.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "platform/util/dates.h"
#include "platform/util/error.h"

namespace socgov::dashboard {

using socgov::Date;

// One change of one figure: `amount` (negative for a decrease) of `kpi`'s part `part` ("" for a
// KPI without parts) in `jurisdiction` on `day`.
struct Change {
  std::string kpi;
  std::string part;
  std::string jurisdiction;
  Date day{};
  std::int64_t amount = 0;
  friend bool operator==(const Change&, const Change&) = default;
};

// A figure that an event states outright (a count the producer keeps exact, e.g. coverage's
// numerator) becomes the change from what the same aggregate stated before: `previous` nullopt
// for the aggregate's first statement.
Change Restated(std::string kpi, std::string part, std::string jurisdiction, Date day,
                std::optional<std::int64_t> previous, std::int64_t current);

// An organization moving from one kind/status to another: -1 of the old part, +1 of the new (a
// registration has no old part, `from` empty). The parts are "<KIND>/<STATUS>"; "" when equal.
std::vector<Change> StatusMoved(const std::string& jurisdiction, Date day, const std::string& from,
                                const std::string& to);

struct Ratio {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  friend bool operator==(const Ratio&, const Ratio&) = default;
};
// Basis points (9186 = 91.86 %), half up; nullopt for an empty denominator.
std::optional<std::int32_t> BasisPoints(const Ratio& r);

// What the store holds, in memory: the reference the store's keys are checked against, and the
// projection a rebuild computes before it is compared.
class Ledger {
 public:
  // kInvalidArgument naming the field for a change without a KPI or a jurisdiction.
  Status Add(const Change& c);

  // The figure of `kpi` (its part, or all parts when `part` is nullopt) over `jurisdictions` (the
  // parts of a roll-up, each summed once): a stock as of `to`, a flow within [from, to].
  std::int64_t Stock(const std::string& kpi, const std::optional<std::string>& part,
                     const std::vector<std::string>& jurisdictions, Date to) const;
  std::int64_t Flow(const std::string& kpi, const std::optional<std::string>& part,
                    const std::vector<std::string>& jurisdictions, Date from, Date to) const;
  // A ratio of two stock KPIs as of `to`.
  Ratio StockRatio(const std::string& numerator, const std::string& denominator,
                   const std::optional<std::string>& part,
                   const std::vector<std::string>& jurisdictions, Date to) const;
  // The parts `kpi` has in `jurisdictions`, sorted.
  std::vector<std::string> Parts(const std::string& kpi,
                                 const std::vector<std::string>& jurisdictions) const;
  // Every (KPI, part, jurisdiction, day) with a non-zero net change, in key order: two ledgers
  // with the same figures on every day compare equal however their changes arrived.
  std::vector<Change> Net() const;

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // kpi, part, jurisdiction
  template <typename Keep>
  std::int64_t Sum(const std::string& kpi, const std::optional<std::string>& part,
                   const std::vector<std::string>& jurisdictions, Keep keep) const;
  std::map<Key, std::map<Date, std::int64_t>> days_;
};

}  // namespace socgov::dashboard
