#include "supervision/domain/working_days.h"

#include <string>

namespace socgov::supervision {
namespace {

constexpr int kCreditWorkingDays = 5;  // CR-05, CR-08

bool IsWeekend(Date d) {
  const std::chrono::weekday wd{d};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

Error LineError(int line, std::string_view reason) {
  return Error::InvalidArgument("line " + std::to_string(line), reason);
}

}  // namespace

bool IsWorkingDay(Date d, const WorkingCalendar& calendar) {
  if (calendar.makeup_workdays.contains(d)) return true;
  if (calendar.holidays.contains(d)) return false;
  return !IsWeekend(d);
}

Date AddWorkingDays(Date from, int n, const WorkingCalendar& calendar) {
  const std::chrono::days step{n < 0 ? -1 : 1};
  Date d = from;
  for (int left = n < 0 ? -n : n; left > 0;) {
    d += step;
    if (IsWorkingDay(d, calendar)) --left;
  }
  return d;
}

int WorkingDaysBetween(Date from, Date to, const WorkingCalendar& calendar) {
  if (to < from) return -WorkingDaysBetween(to, from, calendar);
  int count = 0;
  for (Date d = from + std::chrono::days{1}; d <= to; d += std::chrono::days{1}) {
    if (IsWorkingDay(d, calendar)) ++count;
  }
  return count;
}

Result<WorkingCalendar> ParseWorkingCalendar(std::string_view text) {
  WorkingCalendar calendar;
  int line_no = 0;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    const std::string_view raw = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    ++line_no;

    const std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#') continue;
    const auto space = line.find_first_of(" \t");
    if (space == std::string_view::npos)
      return LineError(line_no, "expected \"YYYY-MM-DD off|work\"");
    const auto date = ParseDate(line.substr(0, space));
    if (!date) return LineError(line_no, "not a real date YYYY-MM-DD");
    const std::string_view kind = Trim(line.substr(space));
    if (calendar.holidays.contains(*date) || calendar.makeup_workdays.contains(*date)) {
      return LineError(line_no, "date listed twice");
    }
    if (kind == "off") {
      calendar.holidays.insert(*date);
    } else if (kind == "work") {
      if (!IsWeekend(*date)) return LineError(line_no, "a make-up working day must be a weekend");
      calendar.makeup_workdays.insert(*date);
    } else {
      return LineError(line_no, "kind must be \"off\" or \"work\"");
    }
  }
  return calendar;
}

Date Cr05RemovalDeadline(Date verified_on, const WorkingCalendar& calendar) {
  return AddWorkingDays(verified_on, kCreditWorkingDays, calendar);
}

Date Cr08EntryDeadline(Date produced_on, const WorkingCalendar& calendar) {
  return AddWorkingDays(produced_on, kCreditWorkingDays, calendar);
}

}  // namespace socgov::supervision
