// socgov-audit on the service kit: records every event of the configured context streams in the
// audit chain and serves AuditService. Linked by the binary and by the in-process test fixtures.
#pragma once

#include "platform/service/kit.h"

namespace socgov::audit {

service::Definition ServiceDefinition();

}  // namespace socgov::audit
