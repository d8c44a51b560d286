// Domain values as registration's protobuf messages: the responses the use cases return (and
// store as idempotency records) and the bodies of their events. Outside the store, personal ID
// numbers only ever leave in masked form.
#pragma once

// Layer rule, enforced by the build (services/registration/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "registration/app is not visible from the domain and store layers"
#endif

#include "registration/domain/types.h"
#include "socgov/registration/v1/registration.pb.h"

namespace socgov::registration {

namespace pb = ::socgov::registration::v1;

pb::OrganizationProfile ToProto(const Profile& p);  // ID number masked
pb::Application ToProto(const Application& a);
pb::Organization ToProto(const Organization& o);
void ToProto(const Actor& a, ::socgov::common::v1::Actor* out);
pb::CouncilTerm ToProto(const CouncilTerm& t);
pb::ArticlesVersion ToProto(const ArticlesVersion& a);
pb::ChangeApplication ToProto(const ChangeApplication& c);  // ID numbers masked
pb::ReviewCase ToProto(const ReviewCase& r);                // ID numbers masked

}  // namespace socgov::registration
