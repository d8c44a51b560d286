#include "platform/auth/access.h"

#include "platform/auth/scope.h"

namespace socgov::auth {

Status CheckWrite(const Principal& who, const std::string& jurisdiction) {
  if (who.jurisdiction == jurisdiction) return std::nullopt;
  if (who.HasRole("admin") && JurisdictionCovers(who.jurisdiction, jurisdiction))
    return std::nullopt;
  return Error::PermissionDenied("caller of jurisdiction " + who.jurisdiction +
                                 " may not write records of jurisdiction " + jurisdiction);
}

Status CheckRead(const Principal& who, const std::string& jurisdiction) {
  if (JurisdictionCovers(who.jurisdiction, jurisdiction)) return std::nullopt;
  return Error::PermissionDenied("caller of jurisdiction " + who.jurisdiction +
                                 " may not read records of jurisdiction " + jurisdiction);
}

}  // namespace socgov::auth
