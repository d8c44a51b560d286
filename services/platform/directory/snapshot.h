// The organization snapshot a registration event carries (registered, filed, filing_removed,
// changed and the status changes), for consumers that keep more than the directory does (the
// dashboard's counts by kind and status). The directory reads events with the same function.
#pragma once

#include <optional>

#include "platform/bus/router.h"
#include "platform/util/error.h"
#include "socgov/registration/v1/registration.pb.h"

namespace socgov::directory {

// nullopt for an organization event without a snapshot (articles, council terms, changes
// applied or rejected); kInvalidArgument naming `data` when the payload is not its schema.
Result<std::optional<registration::v1::Organization>> OrganizationSnapshot(const bus::Event& e);

}  // namespace socgov::directory
