// Registration's own Lua scripts. Commands commit through the platform's generic mutate script
// (platform/store/mutation.h); what is left here reads.
#pragma once

// Layer rule, enforced by the build (services/registration/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_API)
#error "registration/store is visible only from the store and app layers (api/ goes through app/)"
#endif

#include <string>

namespace socgov::registration::scripts {

// Read-only: the hash of the organization a change application (KEYS[1]) changes; empty when
// either is missing.
std::string OrgOfChangeScript();
// Read-only: the hashes of the reviews in the set KEYS[1] ({reg}:reviews:of:<subject>).
std::string ReviewsOfScript();
// Read-only: one page of an organization index with each organization's hash.
std::string PageScript();

}  // namespace socgov::registration::scripts
