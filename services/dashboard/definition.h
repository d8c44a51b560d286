// The dashboard consumer on the service kit (issue 12).
#pragma once

#include "platform/service/kit.h"

namespace socgov::dashboard {

service::Definition ServiceDefinition();

}  // namespace socgov::dashboard
