// The supervision service on the kit: its settings and its wiring (definition.cc).
#pragma once

#include "platform/service/kit.h"

namespace socgov::supervision {

service::Definition ServiceDefinition();

}  // namespace socgov::supervision
