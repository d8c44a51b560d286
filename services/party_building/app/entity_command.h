// The command shapes of platform/store/entity_command.h, used by this service's entities.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "party_building/app is not visible from the domain and store layers"
#endif

#include <string>
#include <vector>

#include "party_building/app/support.h"
#include "platform/store/entity_command.h"

namespace socgov::party_building {

using store::CreateEntity;
using store::EntityAnswered;
using store::UpdateEntity;

}  // namespace socgov::party_building
