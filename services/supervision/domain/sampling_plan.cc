#include "supervision/domain/sampling_plan.h"

#include <algorithm>
#include <set>

#include "supervision/domain/fnv.h"

namespace socgov::supervision {
namespace {

constexpr size_t kMaxText = 4000;

Error WrongState(const SamplingPlan& p, const std::string& what) {
  return Error::FailedPrecondition("state " + std::string(PlanStateName(p.state)) + ": " + what);
}

Result<Inspection*> Find(SamplingPlan& p, const std::string& organization_id) {
  for (auto& i : p.inspections)
    if (i.organization_id == organization_id) return &i;
  return Error::InvalidArgument("organization_id", "not drawn in this plan");
}

}  // namespace

std::string_view PlanStateName(PlanState s) {
  switch (s) {
    case PlanState::kCreated:
      return "CREATED";
    case PlanState::kDrawn:
      return "DRAWN";
    case PlanState::kPublished:
      return "PUBLISHED";
  }
  return "UNKNOWN";
}

Result<SamplingPlan> CreatePlan(NewPlan in, Date today) {
  if (in.title.empty()) return Error::InvalidArgument("title", "required");
  if (in.title.size() > 400) return Error::InvalidArgument("title", "at most 400 bytes");
  if (in.content.size() > kMaxText) return Error::InvalidArgument("content", "at most 4000 bytes");
  const int this_year = static_cast<int>(std::chrono::year_month_day{today}.year());
  if (in.year < this_year - 1 || in.year > this_year + 1)
    return Error::InvalidArgument("year", "must be within a year of the current year");
  if (auto err = ValidateDrawPlan(in.draw)) return *err;
  if (in.seed.empty()) return Error::InvalidArgument("seed", "required");
  if (in.seed.size() > 128) return Error::InvalidArgument("seed", "at most 128 bytes");
  std::set<std::string> pool;
  for (const auto& name : in.inspector_pool) {
    if (name.empty() || name.size() > 100)
      return Error::InvalidArgument("inspector_pool", "names of 1 to 100 bytes");
    if (!pool.insert(name).second)
      return Error::InvalidArgument("inspector_pool", "an inspector is listed twice");
  }
  if (static_cast<std::int32_t>(pool.size()) < in.draw.inspectors_per_check)
    return Error::InvalidArgument("inspector_pool",
                                  "fewer inspectors than inspectors_per_check (at least 2 per "
                                  "on-site check)");
  SamplingPlan p;
  p.id = std::move(in.id);
  p.jurisdiction = std::move(in.jurisdiction);
  p.year = in.year;
  p.title = std::move(in.title);
  p.content = std::move(in.content);
  p.draw = in.draw;
  p.inspector_pool.assign(pool.begin(), pool.end());
  p.seed = std::move(in.seed);
  p.version = 1;
  return p;
}

Result<SamplingPlan> DrawSample(SamplingPlan p, std::vector<std::string> population, Date today) {
  if (p.state != PlanState::kCreated) return WrongState(p, "the plan was already drawn");
  if (population.empty()) return WrongState(p, "no registered organization in scope to draw from");
  auto drawn = Draw(std::string_view(p.seed), population, p.inspector_pool, p.draw);
  if (!drawn.ok()) return drawn.error();
  std::sort(population.begin(), population.end());
  p.population = std::move(population);
  p.population_hash = drawn->population_hash;
  p.inspections.clear();
  for (auto& c : drawn->checks) {
    Inspection i;
    i.organization_id = c.organization_id;
    i.inspectors = std::move(c.inspectors);
    p.inspections.push_back(std::move(i));
  }
  p.drawn_on = today;
  p.state = PlanState::kDrawn;
  ++p.version;
  return p;
}

Result<SamplingPlan> RecordInspection(SamplingPlan p, const InspectionInput& in, Date today) {
  if (p.state != PlanState::kDrawn) return WrongState(p, "inspections are recorded once drawn");
  auto found = Find(p, in.organization_id);
  if (!found.ok()) return found.error();
  Inspection& i = **found;
  if (i.result != InspectionResult::kPending)
    return WrongState(p, "this inspection already has a result");
  if (in.result == InspectionResult::kPending)
    return Error::InvalidArgument("result", "must be PASSED, PROBLEMS_FOUND or ABSENT");
  if (in.method != "书面" && in.method != "现场")
    return Error::InvalidArgument("method", "must be 书面 or 现场");
  if (in.findings.size() > kMaxText)
    return Error::InvalidArgument("findings", "at most 4000 bytes");
  if (in.result != InspectionResult::kPassed && in.findings.empty())
    return Error::InvalidArgument("findings", "required unless PASSED");
  if (in.inspected_on > today) return Error::InvalidArgument("inspected_on", "in the future");
  if (p.drawn_on && in.inspected_on < *p.drawn_on)
    return Error::InvalidArgument("inspected_on", "before the draw");
  if (in.result == InspectionResult::kProblemsFound) {
    if (!in.rectification_deadline)
      return Error::InvalidArgument("rectification_deadline", "required when problems are found");
    if (*in.rectification_deadline <= in.inspected_on)
      return Error::InvalidArgument("rectification_deadline", "must be after inspected_on");
  } else if (in.rectification_deadline) {
    return Error::InvalidArgument("rectification_deadline", "only when problems are found");
  }
  i.result = in.result;
  i.method = in.method;
  i.findings = in.findings;
  i.inspected_on = in.inspected_on;
  i.rectification_deadline = in.rectification_deadline;
  ++p.version;
  return p;
}

Result<SamplingPlan> RecordInterview(SamplingPlan p, const std::string& organization_id, Date on,
                                     std::string notes, Date today) {
  if (p.state == PlanState::kCreated) return WrongState(p, "nothing inspected yet");
  auto found = Find(p, organization_id);
  if (!found.ok()) return found.error();
  Inspection& i = **found;
  if (i.result != InspectionResult::kProblemsFound && i.result != InspectionResult::kAbsent)
    return Error::FailedPrecondition(
        "inspection result must be PROBLEMS_FOUND or ABSENT to interview the responsible persons");
  if (i.interviewed_on) return Error::FailedPrecondition("the interview is already recorded");
  if (notes.empty()) return Error::InvalidArgument("notes", "required");
  if (notes.size() > kMaxText) return Error::InvalidArgument("notes", "at most 4000 bytes");
  if (on > today) return Error::InvalidArgument("interviewed_on", "in the future");
  if (i.inspected_on && on < *i.inspected_on)
    return Error::InvalidArgument("interviewed_on", "before the inspection");
  i.interviewed_on = on;
  i.interview_notes = std::move(notes);
  ++p.version;
  return p;
}

Result<SamplingPlan> RecordRectification(SamplingPlan p, const std::string& organization_id,
                                         Date on, Date today) {
  if (p.state == PlanState::kCreated) return WrongState(p, "nothing inspected yet");
  auto found = Find(p, organization_id);
  if (!found.ok()) return found.error();
  Inspection& i = **found;
  if (i.result != InspectionResult::kProblemsFound)
    return Error::FailedPrecondition("inspection result must be PROBLEMS_FOUND to rectify");
  if (i.rectified_on) return Error::FailedPrecondition("the rectification is already recorded");
  if (on > today) return Error::InvalidArgument("rectified_on", "in the future");
  if (i.inspected_on && on < *i.inspected_on)
    return Error::InvalidArgument("rectified_on", "before the inspection");
  i.rectified_on = on;
  ++p.version;
  return p;
}

Result<SamplingPlan> PublishPlan(SamplingPlan p, Date today) {
  if (p.state != PlanState::kDrawn) return WrongState(p, "only a drawn plan is published");
  for (const auto& i : p.inspections)
    if (i.result == InspectionResult::kPending)
      return WrongState(p, "every drawn inspection needs a result before publication");
  p.published_on = today;
  p.state = PlanState::kPublished;
  ++p.version;
  return p;
}

std::vector<OverdueRectification> MarkOverdueRectifications(SamplingPlan& p, Date today) {
  std::vector<OverdueRectification> out;
  for (auto& i : p.inspections) {
    if (i.result != InspectionResult::kProblemsFound || i.rectification_overdue ||
        !i.rectification_deadline || *i.rectification_deadline >= today)
      continue;
    // A rectification verified after its deadline was not completed on time either (CR-01(c)).
    if (i.rectified_on && *i.rectified_on <= *i.rectification_deadline) continue;
    i.rectification_overdue = true;
    out.push_back({i.organization_id, *i.rectification_deadline,
                   CreditEvent{CreditEventKind::kRectificationOverdue,
                               *i.rectification_deadline + std::chrono::days{1}, 0, false}});
  }
  if (!out.empty()) ++p.version;
  return out;
}

PlanCounts CountsOf(const SamplingPlan& p) {
  PlanCounts c;
  for (const auto& i : p.inspections) {
    ++c.drawn;
    if (i.result != InspectionResult::kPending) ++c.done;
    if (i.result == InspectionResult::kPassed) ++c.passed;
    if (i.result == InspectionResult::kProblemsFound) ++c.problems;
    if (i.result == InspectionResult::kAbsent) ++c.absent;
  }
  return c;
}

}  // namespace socgov::supervision
