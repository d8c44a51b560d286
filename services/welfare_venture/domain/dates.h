// Calendar dates for the venture rules: the platform's (platform/util/dates.h). Dates come in as
// values: the domain never reads a clock.
#pragma once

#include "platform/util/dates.h"

namespace socgov::welfare_venture {

using socgov::AddMonths;
using socgov::AddYears;
using socgov::Date;
using socgov::FormatDate;
using socgov::ParseDate;

}  // namespace socgov::welfare_venture
