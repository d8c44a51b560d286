// Calendar dates (YYYY-MM-DD) for supervision's rules. Supervision may not include registration's
// dates.h (each service owns its domain), so this is the small subset its rules need. Dates come
// in as values: the domain never reads a clock.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "platform/util/error.h"

namespace socgov::supervision {

using Date = std::chrono::sys_days;

// Strictly "YYYY-MM-DD" of a real day between 1900 and 2199; nullopt otherwise.
std::optional<Date> ParseDate(std::string_view s);
std::string FormatDate(Date d);
// Calendar months/years, clamped to the month's last day (2028-02-29 + 1 year = 2029-02-28), the
// way a "period of N years" ends in the registry's notices.
Date AddMonths(Date d, int months);
Date AddYears(Date d, int years);

}  // namespace socgov::supervision
