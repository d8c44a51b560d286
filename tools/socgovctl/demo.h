// The Jimei district (厦门市集美区, 350211) demo: a deterministic import file (see import.h) in the
// proportions of the seed register: 83 social groups, 201 social service organizations and 606
// filed community organizations. Names follow REG-03's forms and are unique; legal representatives
// have valid GB 11643 numbers (region 350211, born 1960–1995). No network, no clock: the same
// counts always give the same bytes.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace socgov::ctl {

struct DemoCounts {
  int social_groups = 83;
  int social_services = 201;
  int community = 606;
};

// The most of each kind the name lists can make unique.
DemoCounts DemoCapacity();

// Writes one import line per organization: social groups, then social services, then community.
// Throws std::invalid_argument when a count exceeds DemoCapacity().
void WriteJimeiDemo(std::ostream& out, const DemoCounts& counts);

// The 18-character GB 11643 number for 17 digits: ISO 7064 MOD 11-2 check character appended.
std::string Gb11643(std::string_view body17);

}  // namespace socgov::ctl
