// Calendar dates (YYYY-MM-DD) as the bureaus count them: deadlines are days in China Standard
// Time (UTC+8, no daylight saving), whatever the server's zone. Shared by every context's domain
// (each re-exports what it uses) and the organization directory.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "platform/util/clock.h"
#include "platform/util/error.h"

namespace socgov {

using Date = std::chrono::sys_days;

// Strictly "YYYY-MM-DD" of a real day between 1900 and 2199; nullopt otherwise.
std::optional<Date> ParseDate(std::string_view s);
std::string FormatDate(Date d);
// The civil date in China at instant t.
Date ChinaDate(TimePoint t);
// Adds calendar months, clamping to the month's last day (2026-08-31 + 6 months = 2027-02-28).
Date AddMonths(Date d, int months);
Date AddYears(Date d, int years);
// Whole years of age on `on` for someone born on `birth`.
int AgeOn(Date birth, Date on);

// ParseDate for an input field: kInvalidArgument "field: must be a date YYYY-MM-DD" when
// malformed or impossible.
Result<Date> ParseDateField(std::string_view field, std::string_view text);
// A day of a request: `text` parsed (ParseDateField), or `today` when empty; kInvalidArgument
// naming `field` when after today (nothing is recorded ahead of time).
Result<Date> DayOrToday(std::string_view field, std::string_view text, Date today);

}  // namespace socgov
