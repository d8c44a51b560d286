#include "welfare_venture/domain/outcome.h"

#include <map>
#include <set>
#include <string>

namespace socgov::welfare_venture {
namespace {

// Bounds that keep every sum far inside int64 while allowing any real report.
constexpr std::int64_t kMaxPeoplePerActivity = 10'000'000;
constexpr std::int64_t kMaxHoursPerActivity = 10'000'000;

std::string KeyOf(const VentureProject& p, GroupBy by) {
  switch (by) {
    case GroupBy::kProject:
      return p.id;
    case GroupBy::kRound:
      return p.round_id;
    case GroupBy::kCategory:
      return std::string(CategoryName(p.category));
    case GroupBy::kJurisdiction:
      return p.jurisdiction;
  }
  return "";
}

}  // namespace

Result<Activity> ReportActivity(const VentureProject& p, Activity a) {
  if (!AcceptsActivities(p)) {
    return Error::FailedPrecondition("state " + std::string(ProjectStateName(p.state)) +
                                     ": VC-08 activities are reported for funded projects still "
                                     "running");
  }
  if (a.id.empty()) return Error::InvalidArgument("id", "is required");
  if (a.project_id != p.id) return Error::InvalidArgument("project_id", "is another project");
  if (a.on < p.contract->starts_on || a.on > p.contract->ends_on) {
    return Error::InvalidArgument("on", "must fall within the project's period");
  }
  if (a.place.empty()) return Error::InvalidArgument("place", "is required");
  if (a.people_served < 0 || a.people_served > kMaxPeoplePerActivity) {
    return Error::InvalidArgument("people_served", "must be within 0..10000000");
  }
  if (a.volunteer_hours < 0 || a.volunteer_hours > kMaxHoursPerActivity) {
    return Error::InvalidArgument("volunteer_hours", "must be within 0..10000000");
  }
  std::set<std::string> seen;
  for (const auto& v : a.volunteer_ids) {
    if (v.empty() || !seen.insert(v).second) {
      return Error::InvalidArgument("volunteer_ids", "must be non-empty and distinct");
    }
  }
  return a;
}

Result<std::vector<GroupTotals>> TotalsBy(const std::vector<VentureProject>& projects,
                                          const std::vector<Activity>& activities, GroupBy by) {
  std::map<std::string, std::string> group_of;  // project id → key
  std::map<std::string, OutcomeTotals> totals;
  std::map<std::string, std::set<std::string>> volunteers;
  for (const auto& p : projects) {
    const std::string key = KeyOf(p, by);
    if (!group_of.emplace(p.id, key).second) {
      return Error::InvalidArgument("projects", "repeat a project");
    }
    ++totals[key].projects;
  }
  std::set<std::string> activity_ids;
  for (const auto& a : activities) {
    if (!activity_ids.insert(a.id).second) {
      return Error::InvalidArgument("activities", "repeat an activity");
    }
    auto it = group_of.find(a.project_id);
    if (it == group_of.end()) {
      return Error::InvalidArgument("activities", "refer to a project not given");
    }
    OutcomeTotals& t = totals[it->second];
    ++t.activities;
    t.people_served += a.people_served;
    t.volunteer_hours += a.volunteer_hours;
    t.volunteer_turnouts += static_cast<std::int64_t>(a.volunteer_ids.size());
    volunteers[it->second].insert(a.volunteer_ids.begin(), a.volunteer_ids.end());
  }
  std::vector<GroupTotals> out;
  for (auto& [key, t] : totals) {
    t.distinct_volunteers = static_cast<std::int64_t>(volunteers[key].size());
    out.push_back({key, t});
  }
  return out;
}

Result<OutcomeTotals> TotalsOf(const std::vector<VentureProject>& projects,
                               const std::vector<Activity>& activities) {
  // Counts add up over the projects; distinct volunteers do not (one person helps several
  // projects), so they are recounted over every activity.
  auto groups = TotalsBy(projects, activities, GroupBy::kProject);
  if (!groups.ok()) return groups.error();
  OutcomeTotals all;
  std::set<std::string> volunteers;
  for (const auto& g : *groups) {
    all.projects += g.totals.projects;
    all.activities += g.totals.activities;
    all.people_served += g.totals.people_served;
    all.volunteer_hours += g.totals.volunteer_hours;
    all.volunteer_turnouts += g.totals.volunteer_turnouts;
  }
  for (const auto& a : activities)
    volunteers.insert(a.volunteer_ids.begin(), a.volunteer_ids.end());
  all.distinct_volunteers = static_cast<std::int64_t>(volunteers.size());
  return all;
}

}  // namespace socgov::welfare_venture
