// Calendar dates for registration's rules: the platform's (platform/util/dates.h), named here so
// domain code keeps writing registration::ParseDate and friends.
#pragma once

#include "platform/util/dates.h"

namespace socgov::registration {

using socgov::AddMonths;
using socgov::AddYears;
using socgov::AgeOn;
using socgov::ChinaDate;
using socgov::Date;
using socgov::FormatDate;
using socgov::ParseDate;
using socgov::ParseDateField;

}  // namespace socgov::registration
