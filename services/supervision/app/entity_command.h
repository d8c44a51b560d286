// The command shapes of platform/store/entity_command.h, used by this service's entities.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "supervision/app is not visible from the domain and store layers"
#endif

#include <string>
#include <vector>

#include "platform/store/entity_command.h"
#include "supervision/app/support.h"

namespace socgov::supervision {

using store::CreateEntity;
using store::EntityAnswered;
using store::UpdateEntity;

}  // namespace socgov::supervision
