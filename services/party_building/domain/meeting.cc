#include "party_building/domain/meeting.h"

#include <set>
#include <string>

namespace socgov::party_building {
namespace {

using std::chrono::year_month;
using std::chrono::year_month_day;

year_month MonthOf(Date d) {
  const year_month_day ymd{d};
  return ymd.year() / ymd.month();
}

Status CheckCounts(std::string_view part_field, int part, std::string_view whole_field, int whole) {
  if (whole < 1) return Error::InvalidArgument(whole_field, "must be at least 1");
  if (part < 0) return Error::InvalidArgument(part_field, "must not be negative");
  if (part > whole) {
    return Error::InvalidArgument(part_field, "must not exceed " + std::string(whole_field));
  }
  return std::nullopt;
}

}  // namespace

std::vector<year_month> MonthsWithoutMeeting(const std::vector<Date>& meetings, Date active_since,
                                             Date as_of) {
  std::set<year_month> met;
  for (Date d : meetings) met.insert(MonthOf(d));
  year_month first = MonthOf(active_since);
  if (year_month_day{active_since}.day() != std::chrono::day{1}) first += std::chrono::months{1};
  const year_month end = MonthOf(as_of);
  std::vector<year_month> missing;
  for (year_month m = first; m < end; m += std::chrono::months{1}) {
    if (!met.contains(m)) missing.push_back(m);
  }
  return missing;
}

Result<bool> ElectionQuorumMet(int present, int eligible) {
  if (auto bad = CheckCounts("present", present, "eligible", eligible)) return *bad;
  return static_cast<long long>(present) * 5 >= static_cast<long long>(eligible) * 4;
}

Status CheckElectionQuorum(int present, int eligible) {
  auto met = ElectionQuorumMet(present, eligible);
  if (!met) return met.error();
  if (!*met) {
    return Error::FailedPrecondition(
        "state TERM_ELECTION: PB-13 an election needs at least 4/5 of the eligible members "
        "present");
  }
  return std::nullopt;
}

Result<bool> ResolutionPasses(int votes_for, int entitled) {
  if (auto bad = CheckCounts("votes_for", votes_for, "entitled", entitled)) return *bad;
  return static_cast<long long>(votes_for) * 2 > static_cast<long long>(entitled);
}

}  // namespace socgov::party_building
