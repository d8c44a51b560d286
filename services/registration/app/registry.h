// Registration use cases: load → decide (pure domain) → save state, indexes, idempotency record and
// events in one store call. Callers pass an authenticated principal; every use case checks the
// entity's jurisdiction against it (architecture.md §5), not only the request's.
#pragma once

#include <string>

#include "platform/auth/token.h"
#include "platform/store/redis.h"
#include "platform/util/clock.h"
#include "platform/util/error.h"
#include "registration/domain/types.h"
#include "registration/store/registration_store.h"
#include "socgov/registration/v1/registration_service.pb.h"

namespace socgov::registration {

class Registry {
 public:
  Registry(RegistrationStore& store, RegistrySettings settings, const Clock& clock);

  Result<v1::SubmitApplicationResponse> Submit(const auth::Principal& who,
                                               const std::string& request_id, Profile profile);
  Result<v1::ApproveApplicationResponse> Approve(const auth::Principal& who,
                                                 const std::string& request_id,
                                                 const std::string& application_id,
                                                 int64_t version);
  Result<v1::RejectApplicationResponse> Reject(const auth::Principal& who,
                                               const std::string& request_id,
                                               const std::string& application_id, int64_t version,
                                               std::string reason);
  Result<v1::Application> GetApplication(const auth::Principal& who, const std::string& id);
  Result<v1::Organization> GetOrganization(const auth::Principal& who, const std::string& id);
  Result<v1::ListOrganizationsResponse> ListOrganizations(const auth::Principal& who,
                                                          const OrgFilter& filter,
                                                          const std::string& page_token,
                                                          int32_t page_size);

 private:
  Status CheckWrite(const auth::Principal& who, const std::string& jurisdiction) const;
  // Loads the application a decision is about; NOT_FOUND, or PERMISSION_DENIED for its
  // jurisdiction.
  Result<Application> LoadForDecision(const auth::Principal& who,
                                      const std::string& application_id);
  Status CheckRead(const auth::Principal& who, const std::string& jurisdiction) const;

  RegistrationStore& store_;
  RegistrySettings settings_;
  const Clock& clock_;
};

// Request ids are client-chosen idempotency keys: 1..128 printable ASCII characters.
Status ValidateRequestId(const std::string& request_id);

}  // namespace socgov::registration
