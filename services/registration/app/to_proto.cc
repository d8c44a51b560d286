#include "registration/app/to_proto.h"

#include "platform/auth/scope.h"
#include "registration/domain/dates.h"

namespace socgov::registration {

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
  p.set_social_service_form(
      static_cast<pb::SocialServiceForm>(static_cast<int>(d.social_service_form)));
  p.set_community_form(static_cast<pb::CommunityForm>(static_cast<int>(d.community_form)));
  p.set_staff_count(d.staff_count);
  p.set_supervisory_unit(d.supervisory_unit);
  p.set_filed_with(d.filed_with);
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
  p.set_stage(static_cast<pb::ApplicationStage>(static_cast<int>(a.stage)));
  if (a.preparation_approved_at)
    p.set_preparation_approved_at(FormatRfc3339(*a.preparation_approved_at));
  p.set_founding_deadline(a.founding_deadline);
  p.set_extension_used(a.extension_used);
  p.set_founding_meeting_on(a.founding_meeting_on);
  p.set_review_id(a.review_id);
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
  // Community filings have a filing number, not a credit code.
  if (o.profile.kind == OrgKind::kCommunity) p.clear_uscc();
  if (!o.council_term.start_date.empty()) *p.mutable_council_term() = ToProto(o.council_term);
  if (o.articles.number > 0) *p.mutable_articles() = ToProto(o.articles);
  p.set_status_reason(o.status_reason);
  if (o.status_changed_at) p.set_status_changed_at(FormatRfc3339(*o.status_changed_at));
  p.set_suspended_until(o.suspended_until);
  p.set_penalty_case_id(o.penalty_case_id);
  p.set_pending_change_id(o.pending_change_id);
  p.set_liquidation_ended_on(o.liquidation_ended_on);
  p.set_cancellation_late(o.cancellation_late);
  return p;
}

pb::CouncilTerm ToProto(const CouncilTerm& t) {
  pb::CouncilTerm p;
  p.set_start_date(t.start_date);
  p.set_end_date(t.end_date);
  p.set_extension_until(t.extension_until);
  p.set_review_id(t.review_id);
  return p;
}

pb::ArticlesVersion ToProto(const ArticlesVersion& a) {
  pb::ArticlesVersion p;
  p.set_number(a.number);
  p.set_approved_on(a.approved_on);
  p.set_party_building_clause(a.party_building_clause);
  p.set_party_leading_organ(a.party_leading_organ);
  p.set_text_sha256(a.text_sha256);
  if (a.recorded_at) p.set_recorded_at(FormatRfc3339(*a.recorded_at));
  return p;
}

pb::ChangeApplication ToProto(const ChangeApplication& c) {
  pb::ChangeApplication p;
  p.set_id(c.id);
  p.set_organization_id(c.organization_id);
  auto* ch = p.mutable_changes();
  if (c.changes.name) ch->set_name(*c.changes.name);
  if (c.changes.domicile) ch->set_domicile(*c.changes.domicile);
  if (c.changes.legal_rep) {
    ch->mutable_legal_representative()->set_name(c.changes.legal_rep->name);
    ch->mutable_legal_representative()->set_id_number_masked(
        auth::MaskIdNumber(c.changes.legal_rep->id_number));
  }
  if (c.changes.business_scope) ch->set_business_scope(*c.changes.business_scope);
  if (c.changes.funds_fen) ch->mutable_funds()->set_fen(*c.changes.funds_fen);
  if (c.changes.supervisory_unit) ch->set_supervisory_unit(*c.changes.supervisory_unit);
  p.set_consented_on(c.consented_on);
  p.set_late(c.late);
  p.set_status(static_cast<pb::ChangeStatus>(static_cast<int>(c.status)));
  p.set_version(c.version);
  ToProto(c.applied_by, p.mutable_applied_by());
  p.set_applied_at(FormatRfc3339(c.applied_at));
  if (c.decided_at) {
    ToProto(c.decided_by, p.mutable_decided_by());
    p.set_decided_at(FormatRfc3339(*c.decided_at));
  }
  p.set_rejection_reason(c.rejection_reason);
  p.set_review_id(c.review_id);
  return p;
}

pb::ReviewCase ToProto(const ReviewCase& r) {
  pb::ReviewCase p;
  p.set_id(r.id);
  p.set_subject_id(r.subject_id);
  p.set_jurisdiction(r.jurisdiction);
  p.set_trigger(static_cast<pb::ReviewTrigger>(static_cast<int>(r.trigger)));
  for (const auto& n : r.nominees) {
    auto* pn = p.add_nominees();
    pn->mutable_person()->set_name(n.person.name);
    pn->mutable_person()->set_id_number_masked(auth::MaskIdNumber(n.person.id_number));
    pn->set_post(n.post);
    pn->set_retired_cadre(n.retired_cadre);
    pn->set_other_posts(n.other_posts);
    pn->set_terms_served(n.terms_served);
    if (auto birth = ParseDate(n.birth_date))
      pn->set_age_at_opening(AgeOn(*birth, ChinaDate(r.opened_at)));
  }
  for (const auto& o : r.opinions) {
    auto* po = p.add_opinions();
    po->set_department(o.department);
    po->set_deadline(o.deadline);
    po->set_opinion(static_cast<pb::Opinion>(static_cast<int>(o.opinion)));
    po->set_comment(o.comment);
    if (o.recorded_at) {
      ToProto(o.recorded_by, po->mutable_recorded_by());
      po->set_recorded_at(FormatRfc3339(*o.recorded_at));
    }
  }
  p.set_status(static_cast<pb::ReviewStatus>(static_cast<int>(r.status)));
  p.set_version(r.version);
  ToProto(r.opened_by, p.mutable_opened_by());
  p.set_opened_at(FormatRfc3339(r.opened_at));
  if (r.concluded_at) p.set_concluded_at(FormatRfc3339(*r.concluded_at));
  p.set_publicity_from(r.publicity_from);
  p.set_publicity_until(r.publicity_until);
  p.set_elected_on(r.elected_on);
  if (r.filed_at) p.set_filed_at(FormatRfc3339(*r.filed_at));
  return p;
}

}  // namespace socgov::registration
