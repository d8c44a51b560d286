#include "dashboard/domain/ledger.h"

#include <algorithm>
#include <set>

namespace socgov::dashboard {

Change Restated(std::string kpi, std::string part, std::string jurisdiction, Date day,
                std::optional<std::int64_t> previous, std::int64_t current) {
  return {std::move(kpi), std::move(part), std::move(jurisdiction), day,
          current - previous.value_or(0)};
}

std::vector<Change> StatusMoved(const std::string& jurisdiction, Date day, const std::string& from,
                                const std::string& to) {
  if (from == to) return {};
  std::vector<Change> out;
  if (!from.empty()) out.push_back({"org.count", from, jurisdiction, day, -1});
  if (!to.empty()) out.push_back({"org.count", to, jurisdiction, day, +1});
  return out;
}

std::optional<std::int32_t> BasisPoints(const Ratio& r) {
  if (r.denominator <= 0) return std::nullopt;
  return static_cast<std::int32_t>((r.numerator * 20000 + r.denominator) / (2 * r.denominator));
}

Status Ledger::Add(const Change& c) {
  if (c.kpi.empty()) return Error::InvalidArgument("kpi", "is required");
  if (c.jurisdiction.empty()) return Error::InvalidArgument("jurisdiction", "is required");
  if (c.amount == 0) return std::nullopt;
  auto& day = days_[{c.kpi, c.part, c.jurisdiction}][c.day];
  day += c.amount;
  return std::nullopt;
}

template <typename Keep>
std::int64_t Ledger::Sum(const std::string& kpi, const std::optional<std::string>& part,
                         const std::vector<std::string>& jurisdictions, Keep keep) const {
  const std::set<std::string> juris(jurisdictions.begin(), jurisdictions.end());
  std::int64_t total = 0;
  for (auto it = days_.lower_bound({kpi, "", ""}); it != days_.end(); ++it) {
    const auto& [k, p, j] = it->first;
    if (k != kpi) break;
    if ((part && p != *part) || !juris.contains(j)) continue;
    for (const auto& [day, amount] : it->second)
      if (keep(day)) total += amount;
  }
  return total;
}

std::int64_t Ledger::Stock(const std::string& kpi, const std::optional<std::string>& part,
                           const std::vector<std::string>& jurisdictions, Date to) const {
  return Sum(kpi, part, jurisdictions, [to](Date d) { return d <= to; });
}

std::int64_t Ledger::Flow(const std::string& kpi, const std::optional<std::string>& part,
                          const std::vector<std::string>& jurisdictions, Date from, Date to) const {
  return Sum(kpi, part, jurisdictions, [from, to](Date d) { return d >= from && d <= to; });
}

Ratio Ledger::StockRatio(const std::string& numerator, const std::string& denominator,
                         const std::optional<std::string>& part,
                         const std::vector<std::string>& jurisdictions, Date to) const {
  return {Stock(numerator, part, jurisdictions, to), Stock(denominator, part, jurisdictions, to)};
}

std::vector<std::string> Ledger::Parts(const std::string& kpi,
                                       const std::vector<std::string>& jurisdictions) const {
  const std::set<std::string> juris(jurisdictions.begin(), jurisdictions.end());
  std::set<std::string> parts;
  for (auto it = days_.lower_bound({kpi, "", ""}); it != days_.end(); ++it) {
    const auto& [k, p, j] = it->first;
    if (k != kpi) break;
    if (juris.contains(j)) parts.insert(p);
  }
  return {parts.begin(), parts.end()};
}

std::vector<Change> Ledger::Net() const {
  std::vector<Change> out;
  for (const auto& [key, days] : days_)
    for (const auto& [day, amount] : days)
      if (amount != 0)
        out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), day, amount});
  return out;
}

}  // namespace socgov::dashboard
