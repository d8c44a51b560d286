// Calendar dates for supervision's rules: the platform's (platform/util/dates.h). Dates come in
// as values: the domain never reads a clock. Calendar months/years clamp to the month's last day
// (2028-02-29 + 1 year = 2029-02-28), the way a "period of N years" ends in the bureau's notices.
#pragma once

#include "platform/util/dates.h"

namespace socgov::supervision {

using socgov::AddMonths;
using socgov::AddYears;
using socgov::Date;
using socgov::FormatDate;
using socgov::ParseDate;

}  // namespace socgov::supervision
