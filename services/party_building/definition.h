// The party-building service on the kit: its settings and its wiring (definition.cc).
#pragma once

#include "platform/service/kit.h"

namespace socgov::party_building {

service::Definition ServiceDefinition();

}  // namespace socgov::party_building
