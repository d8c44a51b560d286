#include "supervision/domain/sampling_plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

const Date kToday = D("2026-04-01");

NewPlan Plan() {
  NewPlan in;
  in.id = "plan-2026-1";
  in.jurisdiction = "jimei";
  in.title = "2026 年度社会组织双随机抽查";
  in.content = "年度报告、财务、活动";
  in.seed = "jimei-2026-04-01";
  in.year = 2026;
  in.draw = DrawPlan{100, JurisdictionLevel::kCounty, 2};  // 10 %, as Xilingol samples
  in.inspector_pool = {"王五", "张三", "李四", "赵六"};
  return in;
}

std::vector<std::string> Population(int n) {
  std::vector<std::string> out;
  for (int i = n; i > 0; --i) out.push_back("org-" + std::to_string(1000 + i));  // reverse order
  return out;
}

SamplingPlan Created() {
  auto p = CreatePlan(Plan(), kToday);
  EXPECT_TRUE(p.ok()) << p.error().message;
  return p.ok() ? *p : SamplingPlan{};
}

// 30 organizations at 10 %: 3 inspections.
SamplingPlan Drawn() {
  auto p = DrawSample(Created(), Population(30), kToday);
  EXPECT_TRUE(p.ok()) << p.error().message;
  return p.ok() ? *p : SamplingPlan{};
}

InspectionInput Passed(const std::string& org) {
  return InspectionInput{org, InspectionResult::kPassed, "书面", "", D("2026-04-10"), std::nullopt};
}

InspectionInput Problems(const std::string& org, const char* deadline = "2026-05-10") {
  return InspectionInput{
      org, InspectionResult::kProblemsFound, "现场", "账目不清", D("2026-04-10"), D(deadline)};
}

InspectionInput Absent(const std::string& org) {
  return InspectionInput{org,        InspectionResult::kAbsent, "现场",
                         "住所无人", D("2026-04-10"),           std::nullopt};
}

SamplingPlan With(SamplingPlan p, const InspectionInput& in) {
  auto next = RecordInspection(std::move(p), in, D("2026-04-20"));
  EXPECT_TRUE(next.ok()) << next.error().message;
  return next.ok() ? *next : SamplingPlan{};
}

template <typename T>
void ExpectInvalid(const Result<T>& r, const std::string& field) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(StartsWith(r.error().message, field + ":")) << r.error().message;
}

template <typename T>
void ExpectPrecondition(const Result<T>& r, const std::string& prefix) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(StartsWith(r.error().message, prefix)) << r.error().message;
}

TEST(SamplingPlan, CreatePlanMakesACreatedPlanVersionOneWithASortedPool) {
  const auto p = Created();
  EXPECT_EQ(p.state, PlanState::kCreated);
  EXPECT_EQ(p.version, 1);
  EXPECT_EQ(p.id, "plan-2026-1");
  EXPECT_EQ(p.year, 2026);
  EXPECT_EQ(p.seed, "jimei-2026-04-01");
  EXPECT_TRUE(std::is_sorted(p.inspector_pool.begin(), p.inspector_pool.end()));
  EXPECT_EQ(p.inspector_pool.size(), 4u);
  EXPECT_TRUE(p.inspections.empty());
  EXPECT_EQ(PlanStateName(PlanState::kPublished), "PUBLISHED");
}

TEST(SamplingPlan, Art5CreatePlanRefusesARatioBelowTheLevelsFloor) {
  const std::pair<JurisdictionLevel, std::int32_t> floors[] = {{JurisdictionLevel::kCounty, 30},
                                                               {JurisdictionLevel::kCity, 40},
                                                               {JurisdictionLevel::kProvince, 50}};
  for (const auto& [level, floor] : floors) {
    SCOPED_TRACE(std::string(LevelName(level)));
    auto in = Plan();
    in.draw.level = level;
    in.draw.ratio_permille = floor - 1;
    ExpectInvalid(CreatePlan(in, kToday), "ratio_permille");
    in.draw.ratio_permille = floor;
    EXPECT_TRUE(CreatePlan(in, kToday).ok());
  }
  auto in = Plan();
  in.draw.ratio_permille = 1001;
  ExpectInvalid(CreatePlan(in, kToday), "ratio_permille");
  in.draw.ratio_permille = 1000;
  EXPECT_TRUE(CreatePlan(in, kToday).ok());
}

TEST(SamplingPlan, TwoInspectorsPerCheckAtLeast) {
  auto in = Plan();
  in.draw.inspectors_per_check = 1;
  ExpectInvalid(CreatePlan(in, kToday), "inspectors_per_check");
}

TEST(SamplingPlan, TwoInspectorsPoolSmallerThanInspectorsPerCheckIsRefused) {
  auto in = Plan();
  in.inspector_pool = {"张三"};
  ExpectInvalid(CreatePlan(in, kToday), "inspector_pool");
  in = Plan();
  in.draw.inspectors_per_check = 5;  // four in the pool
  ExpectInvalid(CreatePlan(in, kToday), "inspector_pool");
  in.draw.inspectors_per_check = 4;
  EXPECT_TRUE(CreatePlan(in, kToday).ok());
}

TEST(SamplingPlan, TwoInspectorsDuplicateOrEmptyInspectorIsRefused) {
  auto in = Plan();
  in.inspector_pool = {"张三", "李四", "张三"};
  ExpectInvalid(CreatePlan(in, kToday), "inspector_pool");
  in.inspector_pool = {"张三", "李四", ""};
  ExpectInvalid(CreatePlan(in, kToday), "inspector_pool");
  in.inspector_pool = {"张三", std::string(101, 'x')};
  ExpectInvalid(CreatePlan(in, kToday), "inspector_pool");
}

TEST(SamplingPlan, OnePublicSeedIsRequiredAndCapped) {
  auto in = Plan();
  in.seed = "";
  ExpectInvalid(CreatePlan(in, kToday), "seed");
  in.seed = std::string(129, 's');
  ExpectInvalid(CreatePlan(in, kToday), "seed");
  in.seed = std::string(128, 's');
  EXPECT_TRUE(CreatePlan(in, kToday).ok());
}

TEST(SamplingPlan, CreatePlanYearWithinAYearOfToday) {
  for (int year : {2025, 2026, 2027}) {
    auto in = Plan();
    in.year = year;
    EXPECT_TRUE(CreatePlan(in, kToday).ok()) << year;
  }
  for (int year : {2024, 2028}) {
    auto in = Plan();
    in.year = year;
    ExpectInvalid(CreatePlan(in, kToday), "year");
  }
}

TEST(SamplingPlan, CreatePlanNeedsATitleAndCapsTexts) {
  auto in = Plan();
  in.title = "";
  ExpectInvalid(CreatePlan(in, kToday), "title");
  in.title = std::string(401, 't');
  ExpectInvalid(CreatePlan(in, kToday), "title");
  in = Plan();
  in.content = std::string(4001, 'c');
  ExpectInvalid(CreatePlan(in, kToday), "content");
}

TEST(SamplingPlan, DoubleRandomDrawFixesTheSampleAndTheInspectors) {
  const auto p = Drawn();
  EXPECT_EQ(p.state, PlanState::kDrawn);
  EXPECT_EQ(p.version, 2);
  ASSERT_TRUE(p.drawn_on);
  EXPECT_EQ(*p.drawn_on, kToday);
  EXPECT_EQ(p.population.size(), 30u);
  EXPECT_TRUE(std::is_sorted(p.population.begin(), p.population.end()));
  EXPECT_FALSE(p.population_hash.empty());
  ASSERT_EQ(p.inspections.size(), 3u);  // ceil(10 % of 30)
  for (const auto& i : p.inspections) {
    EXPECT_EQ(i.result, InspectionResult::kPending);
    ASSERT_EQ(i.inspectors.size(), 2u);
    EXPECT_NE(i.inspectors[0], i.inspectors[1]);
    EXPECT_TRUE(std::binary_search(p.population.begin(), p.population.end(), i.organization_id));
  }
}

TEST(SamplingPlan, DoubleRandomDrawIsReproducibleFromSeedAndPopulation) {
  const auto a = Drawn();
  auto shuffled = Population(30);
  std::rotate(shuffled.begin(), shuffled.begin() + 11, shuffled.end());
  auto b = DrawSample(Created(), shuffled, D("2026-04-02"));
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(b->population, a.population);
  EXPECT_EQ(b->population_hash, a.population_hash);
  ASSERT_EQ(b->inspections.size(), a.inspections.size());
  for (size_t i = 0; i < a.inspections.size(); ++i) {
    EXPECT_EQ(b->inspections[i].organization_id, a.inspections[i].organization_id);
    EXPECT_EQ(b->inspections[i].inspectors, a.inspections[i].inspectors);
  }
  // The draw is the one draw.h computes for that seed, population and pool.
  auto direct = Draw(std::string_view(a.seed), Population(30), a.inspector_pool, a.draw);
  ASSERT_TRUE(direct.ok());
  ASSERT_EQ(direct->checks.size(), a.inspections.size());
  for (size_t i = 0; i < a.inspections.size(); ++i)
    EXPECT_EQ(direct->checks[i].organization_id, a.inspections[i].organization_id);
}

TEST(SamplingPlan, DoubleRandomDrawOnlyOnceAndFromANonEmptyPopulation) {
  ExpectPrecondition(DrawSample(Drawn(), Population(30), kToday), "state DRAWN:");
  ExpectPrecondition(DrawSample(Created(), {}, kToday), "state CREATED:");
  ExpectInvalid(DrawSample(Created(), {"org-1", "org-2", "org-1"}, kToday), "population");
}

TEST(SamplingPlan, RecordInspectionPassedWithAWrittenCheck) {
  const auto drawn = Drawn();
  const std::string org = drawn.inspections[0].organization_id;
  auto p = RecordInspection(drawn, Passed(org), D("2026-04-20"));
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->version, drawn.version + 1);
  const auto& i = p->inspections[0];
  EXPECT_EQ(i.result, InspectionResult::kPassed);
  EXPECT_EQ(i.method, "书面");
  ASSERT_TRUE(i.inspected_on);
  EXPECT_EQ(*i.inspected_on, D("2026-04-10"));
  EXPECT_FALSE(i.rectification_deadline);
}

TEST(SamplingPlan, RecordInspectionProblemsFoundWithADeadline) {
  const auto drawn = Drawn();
  auto p = RecordInspection(drawn, Problems(drawn.inspections[1].organization_id), D("2026-04-20"));
  ASSERT_TRUE(p.ok()) << p.error().message;
  const auto& i = p->inspections[1];
  EXPECT_EQ(i.result, InspectionResult::kProblemsFound);
  EXPECT_EQ(i.method, "现场");
  EXPECT_EQ(i.findings, "账目不清");
  ASSERT_TRUE(i.rectification_deadline);
  EXPECT_EQ(*i.rectification_deadline, D("2026-05-10"));
}

TEST(SamplingPlan, RecordInspectionRefusedOutsideDrawnAndWhenAlreadyRecorded) {
  ExpectPrecondition(RecordInspection(Created(), Passed("org-1001"), D("2026-04-20")),
                     "state CREATED:");
  const auto drawn = Drawn();
  const std::string org = drawn.inspections[0].organization_id;
  const auto once = With(drawn, Passed(org));
  ExpectPrecondition(RecordInspection(once, Passed(org), D("2026-04-20")), "state DRAWN:");
  ExpectInvalid(RecordInspection(drawn, Passed("org-not-drawn"), D("2026-04-20")),
                "organization_id");
}

TEST(SamplingPlan, RecordInspectionMethodIsWrittenOrOnSite) {
  const auto drawn = Drawn();
  auto in = Passed(drawn.inspections[0].organization_id);
  for (const char* bad : {"", "电话", "onsite"}) {
    in.method = bad;
    ExpectInvalid(RecordInspection(drawn, in, D("2026-04-20")), "method");
  }
  in.method = "现场";
  EXPECT_TRUE(RecordInspection(drawn, in, D("2026-04-20")).ok());
  in.result = InspectionResult::kPending;
  ExpectInvalid(RecordInspection(drawn, in, D("2026-04-20")), "result");
}

TEST(SamplingPlan, RecordInspectionFindingsRequiredUnlessPassed) {
  const auto drawn = Drawn();
  const std::string org = drawn.inspections[0].organization_id;
  auto problems = Problems(org);
  problems.findings = "";
  ExpectInvalid(RecordInspection(drawn, problems, D("2026-04-20")), "findings");
  auto absent = Absent(org);
  absent.findings = "";
  ExpectInvalid(RecordInspection(drawn, absent, D("2026-04-20")), "findings");
  auto passed = Passed(org);
  passed.findings = std::string(4001, 'f');
  ExpectInvalid(RecordInspection(drawn, passed, D("2026-04-20")), "findings");
  passed.findings = "无问题";
  EXPECT_TRUE(RecordInspection(drawn, passed, D("2026-04-20")).ok());
}

TEST(SamplingPlan, Cr01cRectificationDeadlineOnlyAndRequiredForProblemsFound) {
  const auto drawn = Drawn();
  const std::string org = drawn.inspections[0].organization_id;
  auto problems = Problems(org);
  problems.rectification_deadline.reset();
  ExpectInvalid(RecordInspection(drawn, problems, D("2026-04-20")), "rectification_deadline");
  problems.rectification_deadline = D("2026-04-10");  // the inspection day itself
  ExpectInvalid(RecordInspection(drawn, problems, D("2026-04-20")), "rectification_deadline");
  problems.rectification_deadline = D("2026-04-11");
  EXPECT_TRUE(RecordInspection(drawn, problems, D("2026-04-20")).ok());
  auto passed = Passed(org);
  passed.rectification_deadline = D("2026-05-10");
  ExpectInvalid(RecordInspection(drawn, passed, D("2026-04-20")), "rectification_deadline");
  auto absent = Absent(org);
  absent.rectification_deadline = D("2026-05-10");
  ExpectInvalid(RecordInspection(drawn, absent, D("2026-04-20")), "rectification_deadline");
}

TEST(SamplingPlan, RecordInspectionDateBetweenTheDrawAndToday) {
  const auto drawn = Drawn();
  auto in = Passed(drawn.inspections[0].organization_id);
  in.inspected_on = D("2026-04-21");
  ExpectInvalid(RecordInspection(drawn, in, D("2026-04-20")), "inspected_on");
  in.inspected_on = D("2026-03-31");  // the day before the draw
  ExpectInvalid(RecordInspection(drawn, in, D("2026-04-20")), "inspected_on");
  in.inspected_on = kToday;
  EXPECT_TRUE(RecordInspection(drawn, in, D("2026-04-20")).ok());
}

TEST(SamplingPlan, InterviewOnlyAfterProblemsFoundOrAbsentAndOnce) {
  auto p = Drawn();
  const std::string passed = p.inspections[0].organization_id;
  const std::string problems = p.inspections[1].organization_id;
  const std::string absent = p.inspections[2].organization_id;
  ExpectPrecondition(RecordInterview(Created(), passed, D("2026-04-15"), "约谈", D("2026-04-20")),
                     "state CREATED:");
  ExpectPrecondition(RecordInterview(p, passed, D("2026-04-15"), "约谈", D("2026-04-20")),
                     "inspection result");  // still pending
  p = With(With(With(p, Passed(passed)), Problems(problems)), Absent(absent));
  ExpectPrecondition(RecordInterview(p, passed, D("2026-04-15"), "约谈", D("2026-04-20")),
                     "inspection result");
  for (const auto& org : {problems, absent}) {
    auto once = RecordInterview(p, org, D("2026-04-15"), "约谈负责人", D("2026-04-20"));
    ASSERT_TRUE(once.ok()) << once.error().message;
    EXPECT_EQ(once->version, p.version + 1);
    const auto& i = *std::find_if(once->inspections.begin(), once->inspections.end(),
                                  [&](const Inspection& x) { return x.organization_id == org; });
    ASSERT_TRUE(i.interviewed_on);
    EXPECT_EQ(*i.interviewed_on, D("2026-04-15"));
    EXPECT_EQ(i.interview_notes, "约谈负责人");
    ExpectPrecondition(RecordInterview(*once, org, D("2026-04-16"), "再次", D("2026-04-20")),
                       "the interview is already recorded");
  }
}

TEST(SamplingPlan, InterviewInputIsChecked) {
  auto p = Drawn();
  const std::string org = p.inspections[1].organization_id;
  p = With(p, Problems(org));
  ExpectInvalid(RecordInterview(p, org, D("2026-04-15"), "", D("2026-04-20")), "notes");
  ExpectInvalid(RecordInterview(p, org, D("2026-04-15"), std::string(4001, 'n'), D("2026-04-20")),
                "notes");
  ExpectInvalid(RecordInterview(p, org, D("2026-04-21"), "约谈", D("2026-04-20")),
                "interviewed_on");
  ExpectInvalid(RecordInterview(p, org, D("2026-04-09"), "约谈", D("2026-04-20")),
                "interviewed_on");
  ExpectInvalid(RecordInterview(p, "org-not-drawn", D("2026-04-15"), "约谈", D("2026-04-20")),
                "organization_id");
}

TEST(SamplingPlan, Cr01cRectificationOnlyAfterProblemsFoundAndOnce) {
  auto p = Drawn();
  const std::string passed = p.inspections[0].organization_id;
  const std::string problems = p.inspections[1].organization_id;
  const std::string absent = p.inspections[2].organization_id;
  ExpectPrecondition(RecordRectification(Created(), passed, D("2026-04-15"), D("2026-04-20")),
                     "state CREATED:");
  p = With(With(With(p, Passed(passed)), Problems(problems)), Absent(absent));
  for (const auto& org : {passed, absent})
    ExpectPrecondition(RecordRectification(p, org, D("2026-04-15"), D("2026-04-20")),
                       "inspection result must be PROBLEMS_FOUND");
  ExpectInvalid(RecordRectification(p, problems, D("2026-04-21"), D("2026-04-20")), "rectified_on");
  ExpectInvalid(RecordRectification(p, problems, D("2026-04-09"), D("2026-04-20")), "rectified_on");
  auto once = RecordRectification(p, problems, D("2026-04-15"), D("2026-04-20"));
  ASSERT_TRUE(once.ok()) << once.error().message;
  EXPECT_EQ(once->version, p.version + 1);
  ASSERT_TRUE(once->inspections[1].rectified_on);
  EXPECT_EQ(*once->inspections[1].rectified_on, D("2026-04-15"));
  ExpectPrecondition(RecordRectification(*once, problems, D("2026-04-16"), D("2026-04-20")),
                     "the rectification is already recorded");
}

TEST(SamplingPlan, OnePublicPublishNeedsEveryResult) {
  auto p = Drawn();
  ExpectPrecondition(PublishPlan(Created(), D("2026-05-01")), "state CREATED:");
  ExpectPrecondition(PublishPlan(p, D("2026-05-01")), "state DRAWN:");
  p = With(p, Passed(p.inspections[0].organization_id));
  p = With(p, Problems(p.inspections[1].organization_id));
  ExpectPrecondition(PublishPlan(p, D("2026-05-01")), "state DRAWN:");
  p = With(p, Absent(p.inspections[2].organization_id));
  auto published = PublishPlan(p, D("2026-05-01"));
  ASSERT_TRUE(published.ok()) << published.error().message;
  EXPECT_EQ(published->state, PlanState::kPublished);
  EXPECT_EQ(published->version, p.version + 1);
  ASSERT_TRUE(published->published_on);
  EXPECT_EQ(*published->published_on, D("2026-05-01"));
  ExpectPrecondition(PublishPlan(*published, D("2026-05-02")), "state PUBLISHED:");
  ExpectPrecondition(
      RecordInspection(*published, Passed(p.inspections[0].organization_id), D("2026-05-02")),
      "state PUBLISHED:");
}

TEST(SamplingPlan, Cr01cOverdueRectificationMarkedOnceWithTheEventTheDayAfterTheDeadline) {
  auto p = Drawn();
  const std::string passed = p.inspections[0].organization_id;
  const std::string overdue = p.inspections[1].organization_id;
  const std::string rectified = p.inspections[2].organization_id;
  p = With(p, Passed(passed));
  p = With(p, Problems(overdue, "2026-05-10"));
  p = With(p, Problems(rectified, "2026-05-10"));
  auto r = RecordRectification(p, rectified, D("2026-05-08"), D("2026-05-08"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  p = *r;
  const auto version = p.version;

  EXPECT_TRUE(MarkOverdueRectifications(p, D("2026-05-10")).empty());  // the deadline day
  EXPECT_EQ(p.version, version);

  const auto marked = MarkOverdueRectifications(p, D("2026-06-15"));
  ASSERT_EQ(marked.size(), 1u);
  EXPECT_EQ(marked[0].organization_id, overdue);
  EXPECT_EQ(marked[0].deadline, D("2026-05-10"));
  EXPECT_EQ(marked[0].credit_event.kind, CreditEventKind::kRectificationOverdue);
  EXPECT_EQ(marked[0].credit_event.on, D("2026-05-11"));
  EXPECT_EQ(p.version, version + 1);
  EXPECT_TRUE(p.inspections[1].rectification_overdue);
  EXPECT_FALSE(p.inspections[2].rectification_overdue);

  EXPECT_TRUE(MarkOverdueRectifications(p, D("2026-06-16")).empty());  // once
  EXPECT_EQ(p.version, version + 1);
}

TEST(SamplingPlan, Cr01cRectificationVerifiedAfterItsDeadlineWasNotOnTime) {
  auto p = Drawn();
  const std::string late = p.inspections[0].organization_id;
  p = With(p, Problems(late, "2026-05-10"));
  auto r = RecordRectification(p, late, D("2026-05-20"), D("2026-05-20"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  p = *r;
  const auto marked = MarkOverdueRectifications(p, D("2026-05-21"));
  ASSERT_EQ(marked.size(), 1u);
  EXPECT_EQ(marked[0].organization_id, late);
  EXPECT_EQ(marked[0].credit_event.on, D("2026-05-11"));
}

TEST(SamplingPlan, CountsOfTalliesTheResults) {
  auto p = Drawn();
  auto c = CountsOf(p);
  EXPECT_EQ(c.drawn, 3);
  EXPECT_EQ(c.done, 0);
  p = With(p, Passed(p.inspections[0].organization_id));
  p = With(p, Absent(p.inspections[2].organization_id));
  c = CountsOf(p);
  EXPECT_EQ(c.drawn, 3);
  EXPECT_EQ(c.done, 2);
  EXPECT_EQ(c.passed, 1);
  EXPECT_EQ(c.problems, 0);
  EXPECT_EQ(c.absent, 1);
  p = With(p, Problems(p.inspections[1].organization_id));
  c = CountsOf(p);
  EXPECT_EQ(c.done, 3);
  EXPECT_EQ(c.problems, 1);
  EXPECT_EQ(CountsOf(Created()).drawn, 0);
}

}  // namespace
}  // namespace socgov::supervision
