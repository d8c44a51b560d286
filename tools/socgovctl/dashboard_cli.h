// The "dash" group of socgovctl (dashboard_cli.cc): the dashboard's three queries.
#pragma once

#include <vector>

#include "commands.h"

namespace socgov::ctl {

std::vector<Command> DashboardCommands();

}  // namespace socgov::ctl
