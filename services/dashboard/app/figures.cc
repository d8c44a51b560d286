#include "dashboard/app/figures.h"

#include <algorithm>
#include <chrono>

#include "dashboard/domain/kpi.h"
#include "dashboard/store/dashboard_store.h"
#include "platform/auth/access.h"
#include "platform/auth/scope.h"
#include "platform/util/dates.h"

namespace socgov::dashboard {
namespace {

v1::Kpi ToProto(const KpiDef& k) {
  v1::Kpi p;
  p.set_id(std::string(k.id));
  p.set_context(std::string(k.context));
  p.set_name_zh(std::string(k.name_zh));
  p.set_name_en(std::string(k.name_en));
  p.set_kind(k.kind == KpiKind::kCount ? v1::KPI_KIND_COUNT
             : k.kind == KpiKind::kSum ? v1::KPI_KIND_SUM
                                       : v1::KPI_KIND_RATIO);
  p.set_time(k.time == KpiTime::kStock ? v1::KPI_TIME_STOCK : v1::KPI_TIME_FLOW);
  p.set_unit(std::string(k.unit));
  p.set_dimension(std::string(k.dimension));
  p.set_numerator(std::string(k.numerator));
  p.set_denominator(std::string(k.denominator));
  p.set_definition(std::string(k.definition));
  for (auto s : k.sources) p.add_sources(std::string(s));
  return p;
}

// The stored jurisdictions `jur` covers: itself and, for a city or province, those below it.
std::vector<std::string> PartsOf(DashboardStore& store, const std::string& jur) {
  std::vector<std::string> parts;
  for (const auto& j : store.Jurisdictions())
    if (auth::JurisdictionCovers(jur, j)) parts.push_back(j);
  std::sort(parts.begin(), parts.end());
  return parts;
}

// The KPIs a ledger must hold to answer `k`: itself, or a ratio's two counts.
std::vector<std::string> Needed(const KpiDef& k) {
  if (k.kind == KpiKind::kRatio) return {std::string(k.numerator), std::string(k.denominator)};
  return {std::string(k.id)};
}

std::int32_t Bp(std::int64_t n, std::int64_t d) { return BasisPoints({n, d}).value_or(-1); }

}  // namespace

Result<v1::ListKpisResponse> Figures::ListKpis(const auth::Principal&, const v1::ListKpisRequest&) {
  v1::ListKpisResponse out;
  for (const auto& k : Catalogue()) *out.add_kpis() = ToProto(k);
  return out;
}

Result<v1::Snapshot> Figures::GetSnapshot(const auth::Principal& who,
                                          const v1::GetSnapshotRequest& req) {
  const std::string jur = req.jurisdiction().empty() ? who.jurisdiction : req.jurisdiction();
  if (!auth::IsValidJurisdictionCode(jur))
    return Error::InvalidArgument("jurisdiction", "a 6-digit administrative division code");
  if (auto err = auth::CheckRead(who, jur)) return *err;
  auto as_of = DayOrToday("as_of", req.as_of(), ChinaDate(clock_.Now()));
  if (!as_of.ok()) return as_of.error();
  const std::chrono::year_month_day ymd{*as_of};
  auto from = DayOrToday("from", req.from(), std::chrono::sys_days{ymd.year() / 1 / 1});
  if (!from.ok()) return from.error();
  if (*from > *as_of) return Error::InvalidArgument("from", "after as_of");
  const auto parts = PartsOf(store_, jur);
  std::vector<std::string> kpis;
  for (const auto& k : Catalogue())
    for (auto& id : Needed(k)) kpis.push_back(std::move(id));
  auto ledger = store_.Load(kpis, parts);
  if (!ledger.ok()) return ledger.error();
  v1::Snapshot out;
  out.set_jurisdiction(jur);
  out.set_as_of(FormatDate(*as_of));
  out.set_from(FormatDate(*from));
  for (const auto& p : parts) out.add_parts_of(p);
  for (const auto& k : Catalogue()) {
    auto* f = out.add_figures();
    f->set_kpi(std::string(k.id));
    const std::string id(k.id);
    if (k.kind == KpiKind::kRatio) {
      const std::string n(k.numerator), d(k.denominator);
      const Ratio r = ledger->StockRatio(n, d, std::nullopt, parts, *as_of);
      f->set_value(r.numerator);
      f->set_denominator(r.denominator);
      f->set_basis_points(Bp(r.numerator, r.denominator));
      for (const auto& part : ledger->Parts(d, parts)) {
        if (part.empty()) continue;
        const Ratio pr = ledger->StockRatio(n, d, part, parts, *as_of);
        auto* x = f->add_parts();
        x->set_key(part);
        x->set_value(pr.numerator);
        x->set_denominator(pr.denominator);
      }
      continue;
    }
    const bool stock = k.time == KpiTime::kStock;
    auto value = [&](const std::optional<std::string>& part) {
      return stock ? ledger->Stock(id, part, parts, *as_of)
                   : ledger->Flow(id, part, parts, *from, *as_of);
    };
    f->set_value(value(std::nullopt));
    f->set_basis_points(-1);
    for (const auto& part : ledger->Parts(id, parts)) {
      if (part.empty()) continue;
      auto* x = f->add_parts();
      x->set_key(part);
      x->set_value(value(part));
    }
  }
  return out;
}

Result<v1::Series> Figures::GetSeries(const auth::Principal& who, const v1::GetSeriesRequest& req) {
  const KpiDef* k = FindKpi(req.kpi());
  if (!k) return Error::InvalidArgument("kpi", "not in the catalogue (ListKpis)");
  const std::string jur = req.jurisdiction().empty() ? who.jurisdiction : req.jurisdiction();
  if (!auth::IsValidJurisdictionCode(jur))
    return Error::InvalidArgument("jurisdiction", "a 6-digit administrative division code");
  if (auto err = auth::CheckRead(who, jur)) return *err;
  auto from = ParseDateField("from", req.from());
  if (!from.ok()) return from.error();
  auto to = ParseDateField("to", req.to());
  if (!to.ok()) return to.error();
  if (*to < *from) return Error::InvalidArgument("to", "before from");
  if (*to - *from > std::chrono::days(366))
    return Error::InvalidArgument("to", "at most 366 days after from");
  const auto parts = PartsOf(store_, jur);
  auto ledger = store_.Load(Needed(*k), parts);
  if (!ledger.ok()) return ledger.error();
  const std::optional<std::string> part =
      req.part().empty() ? std::nullopt : std::optional<std::string>(req.part());
  v1::Series out;
  out.set_kpi(req.kpi());
  out.set_jurisdiction(jur);
  const std::string id(k->id);
  for (Date d = *from; d <= *to; d += std::chrono::days(1)) {
    auto* p = out.add_points();
    p->set_day(FormatDate(d));
    if (k->kind == KpiKind::kRatio) {
      const Ratio r = ledger->StockRatio(std::string(k->numerator), std::string(k->denominator),
                                         part, parts, d);
      p->set_value(r.numerator);
      p->set_denominator(r.denominator);
    } else if (k->time == KpiTime::kStock) {
      p->set_value(ledger->Stock(id, part, parts, d));
    } else {
      p->set_value(ledger->Flow(id, part, parts, d, d));
    }
  }
  return out;
}

}  // namespace socgov::dashboard
