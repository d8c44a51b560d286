// Who may write or read an entity of a jurisdiction (architecture.md §5), the same for every
// service: officers act for their own authority, an admin anywhere within its scope; reading needs
// a covering jurisdiction (a city sees its districts').
#pragma once

#include <string>

#include "platform/auth/token.h"
#include "platform/util/error.h"

namespace socgov::auth {

// PERMISSION_DENIED "caller of jurisdiction J may not write records of jurisdiction K".
Status CheckWrite(const Principal& who, const std::string& jurisdiction);
// PERMISSION_DENIED "caller of jurisdiction J may not read records of jurisdiction K".
Status CheckRead(const Principal& who, const std::string& jurisdiction);

}  // namespace socgov::auth
