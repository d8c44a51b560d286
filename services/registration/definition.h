// socgov-registration on the service kit. Linked by the binary and by the in-process test
// fixtures, so both start the same service.
#pragma once

#include "platform/service/kit.h"

namespace socgov::registration {

service::Definition ServiceDefinition();

}  // namespace socgov::registration
