// The KPI catalogue is one consistent table (issue 12 item 1): ids unique, ratios built from count
// KPIs of the same table and time, every other KPI fed by at least one event type.
#include "dashboard/domain/kpi.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace socgov::dashboard {
namespace {

TEST(Kpi, IdsAreUniqueAndEveryKpiIsNamedInChineseAndEnglish) {
  std::set<std::string_view> ids;
  for (const auto& k : Catalogue()) {
    EXPECT_TRUE(ids.insert(k.id).second) << k.id;
    EXPECT_FALSE(k.name_zh.empty()) << k.id;
    EXPECT_FALSE(k.name_en.empty()) << k.id;
    EXPECT_FALSE(k.definition.empty()) << k.id;
    EXPECT_FALSE(k.unit.empty()) << k.id;
  }
}

TEST(Kpi, ARatioIsANumeratorAndADenominatorOfCountsNeverAnAverage) {
  int ratios = 0;
  for (const auto& k : Catalogue()) {
    if (k.kind != KpiKind::kRatio) {
      EXPECT_TRUE(k.numerator.empty() && k.denominator.empty()) << k.id;
      EXPECT_FALSE(k.sources.empty()) << k.id << " has no source event";
      continue;
    }
    ++ratios;
    const KpiDef* n = FindKpi(k.numerator);
    const KpiDef* d = FindKpi(k.denominator);
    ASSERT_NE(n, nullptr) << k.id;
    ASSERT_NE(d, nullptr) << k.id;
    EXPECT_EQ(n->kind, KpiKind::kCount) << k.id;
    EXPECT_EQ(d->kind, KpiKind::kCount) << k.id;
    EXPECT_EQ(n->time, k.time) << k.id;
    EXPECT_EQ(d->time, k.time) << k.id;
    EXPECT_EQ(n->dimension, d->dimension) << k.id;
  }
  EXPECT_GE(ratios, 3);  // annual-report completion and the two party coverages
}

TEST(Kpi, TheSeedsFiguresEachHaveAKpi) {
  for (const char* id : {"org.count",
                         "reg.registrations",
                         "reg.changes",
                         "reg.cancellations",
                         "reg.revocations",
                         "reg.filings",
                         "reg.reviews",
                         "reg.review_filings",
                         "ar.completion",
                         "sup.inspections_drawn",
                         "sup.inspections_done",
                         "sup.complaints",
                         "sup.cases",
                         "sup.penalties",
                         "sup.zombies_handled",
                         "sup.overdue_reelections",
                         "sup.illegal_banned",
                         "sup.campaign_found",
                         "sup.campaign_rectified",
                         "sup.filings_removed",
                         "credit.abnormal",
                         "credit.serious",
                         "rating.grade",
                         "pb.party_orgs",
                         "pb.members",
                         "pb.org_coverage",
                         "pb.work_coverage",
                         "wv.rounds",
                         "wv.funded_projects",
                         "wv.grants_fen",
                         "wv.activities",
                         "wv.people_served",
                         "wv.volunteer_hours"})
    EXPECT_NE(FindKpi(id), nullptr) << id;
  EXPECT_EQ(FindKpi("no.such.kpi"), nullptr);
  EXPECT_EQ(FindKpi("wv.grants_fen")->kind, KpiKind::kSum);
  EXPECT_EQ(FindKpi("wv.grants_fen")->unit, "fen");
}

}  // namespace
}  // namespace socgov::dashboard
