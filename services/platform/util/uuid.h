// UUIDv7 (RFC 9562): time-ordered ids for events (ce-id) and entities, so ids sort by creation
// time.
#pragma once

#include <string>

#include "platform/util/clock.h"

namespace socgov {

// Lower-case canonical 8-4-4-4-12 form; randomness from a per-thread std::random_device-seeded
// engine.
std::string NewUuidV7(TimePoint now);
bool IsUuid(std::string_view s);

}  // namespace socgov
