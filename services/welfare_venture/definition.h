// The welfare-venture service on the kit: its settings and its wiring (definition.cc).
#pragma once

#include "platform/service/kit.h"

namespace socgov::welfare_venture {

service::Definition ServiceDefinition();

}  // namespace socgov::welfare_venture
