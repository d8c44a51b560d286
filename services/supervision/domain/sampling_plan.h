// A double-random sampling plan (双随机、一公开) as the registry runs it: CREATED with its ratio,
// inspector pool and seed → DRAWN (the sample and the inspectors fixed, reproducibly: draw.h) →
// inspections recorded one by one, rectification notices and interviews (约谈) of failing or absent
// organizations → PUBLISHED. Pure transitions; days are passed in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/credit_listing.h"
#include "supervision/domain/dates.h"
#include "supervision/domain/draw.h"

namespace socgov::supervision {

enum class PlanState { kCreated, kDrawn, kPublished };
std::string_view PlanStateName(PlanState s);
enum class InspectionResult { kPending, kPassed, kProblemsFound, kAbsent };

struct Inspection {
  std::string organization_id;
  std::vector<std::string> inspectors;
  InspectionResult result = InspectionResult::kPending;
  std::string method;  // 书面 / 现场
  std::string findings;
  std::optional<Date> inspected_on;
  std::optional<Date> rectification_deadline;
  std::optional<Date> rectified_on;
  bool rectification_overdue = false;
  std::optional<Date> interviewed_on;
  std::string interview_notes;
};

struct SamplingPlan {
  std::string id;
  std::string jurisdiction;
  int year = 0;
  std::string title;
  std::string content;
  DrawPlan draw;
  std::vector<std::string> inspector_pool;  // sorted, distinct
  std::string seed;
  PlanState state = PlanState::kCreated;
  std::vector<std::string> population;  // sorted, fixed at the draw
  std::string population_hash;
  std::vector<Inspection> inspections;  // in draw order
  std::optional<Date> drawn_on, published_on;
  std::int64_t version = 0;
};

struct NewPlan {
  std::string id, jurisdiction, title, content, seed;
  int year = 0;
  DrawPlan draw;
  std::vector<std::string> inspector_pool;
};
// Validates (title, year near `today`, the Art 5 minimum ratio, ≥ 2 inspectors per check and a
// pool large enough, a seed) and makes the plan, version 1.
Result<SamplingPlan> CreatePlan(NewPlan in, Date today);

// Draws the plan from `population` (the organizations in scope on `today`).
Result<SamplingPlan> DrawSample(SamplingPlan p, std::vector<std::string> population, Date today);

struct InspectionInput {
  std::string organization_id;
  InspectionResult result = InspectionResult::kPassed;
  std::string method, findings;
  Date inspected_on{};
  std::optional<Date> rectification_deadline;
};
Result<SamplingPlan> RecordInspection(SamplingPlan p, const InspectionInput& in, Date today);
// The interview of the responsible persons of an organization whose inspection found problems
// or could not be done (Xilingol's practice).
Result<SamplingPlan> RecordInterview(SamplingPlan p, const std::string& organization_id, Date on,
                                     std::string notes, Date today);
Result<SamplingPlan> RecordRectification(SamplingPlan p, const std::string& organization_id,
                                         Date on, Date today);
// 一公开: every drawn inspection has a result.
Result<SamplingPlan> PublishPlan(SamplingPlan p, Date today);

// CR-01(c): inspections whose rectification deadline is before `today`, not rectified by it (a late
// rectification was not on time either) and not yet marked; each gets the credit event dated the
// day after the deadline. Marks them.
struct OverdueRectification {
  std::string organization_id;
  Date deadline{};
  CreditEvent credit_event;
};
std::vector<OverdueRectification> MarkOverdueRectifications(SamplingPlan& p, Date today);

struct PlanCounts {
  std::int64_t drawn = 0, done = 0, passed = 0, problems = 0, absent = 0;
};
PlanCounts CountsOf(const SamplingPlan& p);

}  // namespace socgov::supervision
