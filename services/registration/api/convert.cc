#include "registration/api/convert.h"

#include "platform/auth/scope.h"

namespace socgov::registration {

OrgKind FromProto(pb::OrgType t) { return static_cast<OrgKind>(static_cast<int>(t)); }
OrgStatus FromProto(pb::OrgStatus s) { return static_cast<OrgStatus>(static_cast<int>(s)); }

Profile FromProto(const pb::OrganizationProfile& p, const std::string& legal_rep_id_number) {
  Profile d;
  d.kind = FromProto(p.org_type());
  d.name = p.name();
  d.domicile = p.domicile();
  d.legal_rep.name = p.legal_representative().name();
  d.legal_rep.id_number = legal_rep_id_number;
  d.funds_fen = p.funds().fen();
  d.business_scope = p.business_scope();
  d.jurisdiction = p.jurisdiction();
  d.individual_members = p.individual_members();
  d.unit_members = p.unit_members();
  d.foundation_kind = static_cast<FoundationKind>(static_cast<int>(p.foundation_kind()));
  d.funds_in_cash = p.funds_in_cash();
  return d;
}

pb::OrganizationProfile ToProto(const Profile& d) {
  pb::OrganizationProfile p;
  p.set_org_type(static_cast<pb::OrgType>(static_cast<int>(d.kind)));
  p.set_name(d.name);
  p.set_domicile(d.domicile);
  p.mutable_legal_representative()->set_name(d.legal_rep.name);
  p.mutable_legal_representative()->set_id_number_masked(auth::MaskIdNumber(d.legal_rep.id_number));
  p.mutable_funds()->set_fen(d.funds_fen);
  p.set_business_scope(d.business_scope);
  p.set_jurisdiction(d.jurisdiction);
  p.set_individual_members(d.individual_members);
  p.set_unit_members(d.unit_members);
  p.set_foundation_kind(static_cast<pb::FoundationKind>(static_cast<int>(d.foundation_kind)));
  p.set_funds_in_cash(d.funds_in_cash);
  return p;
}

void ToProto(const Actor& a, ::socgov::common::v1::Actor* out) {
  out->set_subject(a.subject);
  for (const auto& r : a.roles) out->add_roles(r);
  out->set_jurisdiction(a.jurisdiction);
}

pb::Application ToProto(const Application& a) {
  pb::Application p;
  p.set_id(a.id);
  *p.mutable_profile() = ToProto(a.profile);
  p.set_status(static_cast<pb::ApplicationStatus>(static_cast<int>(a.status)));
  p.set_version(a.version);
  ToProto(a.submitted_by, p.mutable_submitted_by());
  p.set_submitted_at(FormatRfc3339(a.submitted_at));
  if (a.decided_at) {
    p.set_decided_at(FormatRfc3339(*a.decided_at));
    ToProto(a.decided_by, p.mutable_decided_by());
  }
  p.set_rejection_reason(a.rejection_reason);
  p.set_organization_id(a.organization_id);
  return p;
}

pb::Organization ToProto(const Organization& o) {
  pb::Organization p;
  p.set_id(o.id);
  p.set_uscc(o.id);
  *p.mutable_profile() = ToProto(o.profile);
  p.set_status(static_cast<pb::OrgStatus>(static_cast<int>(o.status)));
  p.set_version(o.version);
  p.set_registered_at(FormatRfc3339(o.registered_at));
  p.set_application_id(o.application_id);
  return p;
}

}  // namespace socgov::registration
