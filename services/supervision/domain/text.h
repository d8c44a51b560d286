// Free text and ids in supervision's inputs: the platform's checks (platform/util/text.h).
#pragma once

#include "platform/util/text.h"

namespace socgov::supervision {

using socgov::CheckDistinctIds;
using socgov::CheckId;
using socgov::CheckText;

}  // namespace socgov::supervision
