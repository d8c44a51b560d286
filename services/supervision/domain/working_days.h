// Working days (工作日) as the bureaus count them. China's calendar moves every year: the State
// Council announces the public holidays and the weekends worked in exchange (调休), so the
// calendar is data, not code: weekends are off unless listed as make-up working days, weekdays
// are working days unless listed as holidays. Dates not listed follow the weekend rule, so a
// calendar only needs the years it has been given; callers load each year's notice.
#pragma once

#include <set>
#include <string_view>

#include "platform/util/error.h"
#include "supervision/domain/dates.h"

namespace socgov::supervision {

struct WorkingCalendar {
  std::set<Date> holidays;         // off, even on a weekday ("YYYY-MM-DD off")
  std::set<Date> makeup_workdays;  // a weekend worked in exchange ("YYYY-MM-DD work")
};

bool IsWorkingDay(Date d, const WorkingCalendar& calendar);

// The n-th working day after `from` (n > 0) or before it (n < 0); `from` itself never counts,
// the way a period "within N days" starts the day after the act. n == 0 gives `from`.
Date AddWorkingDays(Date from, int n, const WorkingCalendar& calendar);

// Working days in (from, to]; minus those in (to, from] when `to` is before `from`. The inverse
// of AddWorkingDays, WorkingDaysBetween(d, AddWorkingDays(d, n, c), c) == n, for n >= 0 (and for
// n < 0 when d is a working day).
int WorkingDaysBetween(Date from, Date to, const WorkingCalendar& calendar);

// One entry per line, "YYYY-MM-DD off" or "YYYY-MM-DD work"; blank lines and lines starting with
// '#' are skipped. kInvalidArgument "line N: ..." for a malformed line, a date listed twice, or a
// make-up working day that is not a weekend (a weekday is a working day already, so the entry is
// almost certainly a mistyped date).
Result<WorkingCalendar> ParseWorkingCalendar(std::string_view text);

// CR-05: the registry removes an ABNORMAL listing within 5 working days of verifying that the
// obligations are fulfilled; the last day it may do so.
Date Cr05RemovalDeadline(Date verified_on, const WorkingCalendar& calendar);
// CR-08: credit information is entered within 5 working days of being produced or received.
Date Cr08EntryDeadline(Date produced_on, const WorkingCalendar& calendar);

}  // namespace socgov::supervision
