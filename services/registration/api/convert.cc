#include "registration/api/convert.h"

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
  d.social_service_form = static_cast<SocialServiceForm>(static_cast<int>(p.social_service_form()));
  d.community_form = static_cast<CommunityForm>(static_cast<int>(p.community_form()));
  d.staff_count = p.staff_count();
  d.supervisory_unit = p.supervisory_unit();
  d.filed_with = p.filed_with();
  return d;
}

OrgChanges FromProto(const pb::OrganizationChanges& c, const std::string& legal_rep_id_number) {
  OrgChanges d;
  if (c.has_name()) d.name = c.name();
  if (c.has_domicile()) d.domicile = c.domicile();
  if (c.has_legal_representative())
    d.legal_rep = Person{c.legal_representative().name(), legal_rep_id_number};
  if (c.has_business_scope()) d.business_scope = c.business_scope();
  if (c.has_funds()) d.funds_fen = c.funds().fen();
  if (c.has_supervisory_unit()) d.supervisory_unit = c.supervisory_unit();
  return d;
}

namespace {

// The target fields every organization command has.
template <typename Req>
void SetTarget(const Req& r, app::OrgTarget& t) {
  t.request_id = r.request_id();
  t.organization_id = r.organization_id();
  t.version = r.version();
}
template <typename Req>
void SetTarget(const Req& r, app::ReviewTarget& t) {
  t.request_id = r.request_id();
  t.review_id = r.review_id();
  t.version = r.version();
}

}  // namespace

app::SubmitApplication ToCommand(const pb::SubmitApplicationRequest& r) {
  return {r.request_id(), FromProto(r.profile(), r.legal_representative_id_number()),
          static_cast<ApplicationStage>(static_cast<int>(r.stage()))};
}

app::DecideApplication ToCommand(const pb::ApproveApplicationRequest& r) {
  return {r.request_id(), r.application_id(), r.version()};
}

app::RejectApplication ToCommand(const pb::RejectApplicationRequest& r) {
  return {r.request_id(), r.application_id(), r.version(), r.reason()};
}

app::CheckName ToCommand(const pb::CheckNameRequest& r) {
  return {r.jurisdiction(), FromProto(r.org_type()), r.name()};
}

app::ListOrganizations ToCommand(const pb::ListOrganizationsRequest& r) {
  return {FromProto(r.org_type()), FromProto(r.status()), r.jurisdiction(),    r.name_contains(),
          r.organization_id(),     r.page().page_token(), r.page().page_size()};
}

app::ApplyEstablishment ToCommand(const pb::ApplyEstablishmentRequest& r) {
  return {r.request_id(),
          r.application_id(),
          r.version(),
          {r.founding_meeting_on(), r.individual_members(), r.unit_members(), r.funds().fen()},
          r.review_id()};
}

app::ExtendPreparation ToCommand(const pb::ExtendPreparationRequest& r) {
  return {r.request_id(), r.application_id(), r.version(), r.reason()};
}

app::FileCommunity ToCommand(const pb::FileCommunityOrganizationRequest& r) {
  return {r.request_id(), FromProto(r.profile(), r.legal_representative_id_number())};
}

app::RemoveFiling ToCommand(const pb::RemoveFilingRequest& r) {
  app::RemoveFiling c;
  SetTarget(r, c);
  c.reason = r.reason();
  return c;
}

app::ApplyChange ToCommand(const pb::ApplyChangeRequest& r) {
  app::ApplyChange c;
  SetTarget(r, c);
  c.change = {FromProto(r.changes(), r.legal_representative_id_number()), r.consented_on()};
  c.review_id = r.review_id();
  return c;
}

app::DecideChange ToCommand(const pb::ApproveChangeRequest& r) {
  return {r.request_id(), r.change_id(), r.version()};
}

app::RejectChange ToCommand(const pb::RejectChangeRequest& r) {
  app::RejectChange c;
  c.request_id = r.request_id();
  c.change_id = r.change_id();
  c.version = r.version();
  c.reason = r.reason();
  return c;
}

app::RecordArticles ToCommand(const pb::RecordArticlesRequest& r) {
  app::RecordArticles c;
  SetTarget(r, c);
  c.articles = {r.approved_on(), r.party_building_clause(), r.party_leading_organ(),
                r.text_sha256()};
  return c;
}

app::RecordCouncilTerm ToCommand(const pb::RecordCouncilTermRequest& r) {
  app::RecordCouncilTerm c;
  SetTarget(r, c);
  c.start_date = r.start_date();
  c.end_date = r.end_date();
  c.review_id = r.review_id();
  return c;
}

app::ExtendCouncilTerm ToCommand(const pb::ExtendCouncilTermRequest& r) {
  app::ExtendCouncilTerm c;
  SetTarget(r, c);
  c.extension_until = r.extension_until();
  c.reason = r.reason();
  return c;
}

app::ResolveDissolution ToCommand(const pb::ResolveDissolutionRequest& r) {
  app::ResolveDissolution c;
  SetTarget(r, c);
  c.ground = static_cast<DissolutionGround>(static_cast<int>(r.ground()));
  c.resolved_on = r.resolved_on();
  c.consented_on = r.consented_on();
  return c;
}

app::StartLiquidation ToCommand(const pb::StartLiquidationRequest& r) {
  app::StartLiquidation c;
  SetTarget(r, c);
  c.liquidation_group.assign(r.liquidation_group().begin(), r.liquidation_group().end());
  return c;
}

app::ApplyCancellation ToCommand(const pb::ApplyCancellationRequest& r) {
  app::ApplyCancellation c;
  SetTarget(r, c);
  c.cancellation = {r.liquidation_ended_on(), r.audit_report_received(),
                    r.residual_assets_disposition()};
  return c;
}

app::ApproveCancellation ToCommand(const pb::ApproveCancellationRequest& r) {
  app::ApproveCancellation c;
  SetTarget(r, c);
  c.certificate_and_seals_collected = r.certificate_and_seals_collected();
  return c;
}

app::ResumeOrganization ToCommand(const pb::ResumeOrganizationRequest& r) {
  app::ResumeOrganization c;
  SetTarget(r, c);
  c.rectification_received_on = r.rectification_received_on();
  return c;
}

app::OpenReview ToCommand(const pb::OpenReviewRequest& r) {
  app::OpenReview c;
  c.request_id = r.request_id();
  c.subject_id = r.subject_id();
  c.trigger = static_cast<ReviewTrigger>(static_cast<int>(r.trigger()));
  for (const auto& n : r.nominees())
    c.nominees.push_back(
        {n.name(), n.id_number(), n.post(), n.retired_cadre(), n.other_posts(), n.terms_served()});
  c.departments.assign(r.departments().begin(), r.departments().end());
  c.answer_days = r.answer_days();
  return c;
}

app::RecordOpinion ToCommand(const pb::RecordOpinionRequest& r) {
  app::RecordOpinion c;
  SetTarget(r, c);
  c.department = r.department();
  c.opinion = static_cast<Opinion>(static_cast<int>(r.opinion()));
  c.comment = r.comment();
  return c;
}

app::ConcludeReview ToCommand(const pb::ConcludeReviewRequest& r) {
  app::ConcludeReview c;
  SetTarget(r, c);
  return c;
}

app::PublishReview ToCommand(const pb::PublishReviewRequest& r) {
  app::PublishReview c;
  SetTarget(r, c);
  c.from = r.from();
  c.until = r.until();
  return c;
}

app::FileReviewResult ToCommand(const pb::FileReviewResultRequest& r) {
  app::FileReviewResult c;
  SetTarget(r, c);
  c.elected_on = r.elected_on();
  return c;
}

}  // namespace socgov::registration
