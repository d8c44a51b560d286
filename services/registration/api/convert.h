// Mapping between registration's domain values and its protobuf contract (API and events).
// Outside the store, personal ID numbers only ever leave in masked form.
#pragma once

#include "registration/domain/types.h"
#include "socgov/registration/v1/registration.pb.h"

namespace socgov::registration {

namespace pb = ::socgov::registration::v1;

// Proto → domain. Enum values outside the known set are kept (as out-of-range domain values) so
// that validation, not conversion, rejects them with a field name.
Profile FromProto(const pb::OrganizationProfile& p, const std::string& legal_rep_id_number);
OrgKind FromProto(pb::OrgType t);
OrgStatus FromProto(pb::OrgStatus s);

pb::OrganizationProfile ToProto(const Profile& p);  // ID number masked
pb::Application ToProto(const Application& a);
pb::Organization ToProto(const Organization& o);
void ToProto(const Actor& a, ::socgov::common::v1::Actor* out);
pb::CouncilTerm ToProto(const CouncilTerm& t);
pb::ArticlesVersion ToProto(const ArticlesVersion& a);
OrgChanges FromProto(const pb::OrganizationChanges& c, const std::string& legal_rep_id_number);
pb::ChangeApplication ToProto(const ChangeApplication& c);  // ID numbers masked
pb::ReviewCase ToProto(const ReviewCase& r);                // ID numbers masked

}  // namespace socgov::registration
