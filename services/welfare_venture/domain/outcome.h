// Outcomes of funded projects: activities reported per project and their totals per project,
// round, category and jurisdiction. Totals are exact integer sums (numerators), never averages,
// so the dashboard can add districts up into a city.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/util/error.h"
#include "welfare_venture/domain/dates.h"
#include "welfare_venture/domain/project.h"

namespace socgov::welfare_venture {

struct Activity {
  std::string id;
  std::string project_id;
  Date on{};
  std::string place;
  std::int64_t people_served = 0;          // 服务人次
  std::int64_t volunteer_hours = 0;        // all volunteers together, whole hours
  std::vector<std::string> volunteer_ids;  // who took part (opaque registry ids, no names)
};

// Validates a report for `project`: kFailedPrecondition "state X: VC-08 ..." unless the project
// is funded and still running (AcceptsActivities); kInvalidArgument naming id, project_id, on
// (within the contract's period), place, people_served, volunteer_hours or volunteer_ids.
Result<Activity> ReportActivity(const VentureProject& project, Activity activity);

struct OutcomeTotals {
  std::int64_t projects = 0;
  std::int64_t activities = 0;
  std::int64_t people_served = 0;
  std::int64_t volunteer_hours = 0;
  std::int64_t volunteer_turnouts = 0;  // Σ volunteers per activity (人次): adds up across groups
  std::int64_t distinct_volunteers = 0;  // within this group only: does not add up across groups
  friend bool operator==(const OutcomeTotals&, const OutcomeTotals&) = default;
};

enum class GroupBy { kProject, kRound, kCategory, kJurisdiction };

struct GroupTotals {
  std::string key;  // project id, round id, CategoryName or division code
  OutcomeTotals totals;
};

// Totals per group, sorted by key; every project given counts in its group, with or without
// activities. kInvalidArgument naming projects or activities for repeated ids or an activity of
// a project not given.
Result<std::vector<GroupTotals>> TotalsBy(const std::vector<VentureProject>& projects,
                                          const std::vector<Activity>& activities, GroupBy by);

// All of them as one group.
Result<OutcomeTotals> TotalsOf(const std::vector<VentureProject>& projects,
                               const std::vector<Activity>& activities);

}  // namespace socgov::welfare_venture
