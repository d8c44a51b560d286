#include "supervision/app/to_proto.h"

namespace socgov::supervision {
namespace {

std::string Day(const std::optional<Date>& d) { return d ? FormatDate(*d) : std::string(); }

}  // namespace

v1::AnnualReport ToProto(const AnnualReport& r) {
  v1::AnnualReport p;
  p.set_organization_id(r.organization_id);
  p.set_year(r.year);
  p.set_jurisdiction(r.jurisdiction);
  p.set_organization_name(r.organization_name);
  p.set_state(ToProtoEnum<v1::ReportState>(r.state));
  p.set_mode(ToProtoEnum<v1::ReportMode>(r.mode));
  p.set_supervisory_deadline(Day(r.deadlines.supervisory_unit));
  p.set_registry_deadline(FormatDate(r.deadlines.registry));
  p.set_submitted_on(Day(r.submitted_on));
  auto* s = p.mutable_sections();
  s->set_compliance(r.sections.compliance);
  s->set_registration_changes(r.sections.registration_changes);
  s->set_activities(r.sections.activities);
  s->set_activity_count(r.sections.activity_count);
  s->set_people(r.sections.people);
  s->set_staff_fulltime(r.sections.staff_fulltime);
  s->set_party_building_report(r.sections.party_building_report);
  auto* f = s->mutable_finances();
  const auto& d = r.sections.finances;
  f->set_assets_fen(d.assets_fen);
  f->set_liabilities_fen(d.liabilities_fen);
  f->set_net_assets_fen(d.net_assets_fen);
  f->set_income_fen(d.income_fen);
  f->set_expenses_fen(d.expenses_fen);
  f->set_donations_received_fen(d.donations_received_fen);
  f->set_donations_given_fen(d.donations_given_fen);
  p.set_rectification_required(r.rectification_required);
  p.set_rectification_report(r.rectification_report);
  if (r.supervisory_review) {
    auto* rv = p.mutable_supervisory_review();
    rv->set_passed(r.supervisory_review->passed);
    rv->set_opinion(r.supervisory_review->opinion);
    rv->set_reviewed_on(FormatDate(r.supervisory_review->reviewed_on));
    rv->mutable_actor()->set_subject(r.supervisory_review->actor);
  }
  if (r.conclusion) {
    p.set_conclusion(ToProtoEnum<v1::Conclusion>(r.conclusion->conclusion));
    for (const auto& reason : r.conclusion->reasons) p.add_reasons(reason);
  }
  p.set_concluded_on(Day(r.concluded_on));
  p.set_late(r.late);
  p.set_version(r.version);
  return p;
}

v1::ReportYear ToProto(const ReportYear& y, const YearCounts& counts) {
  v1::ReportYear p;
  p.set_jurisdiction(y.jurisdiction);
  p.set_year(y.year);
  p.set_cohort_size(y.cohort_size);
  p.set_submitted(counts.submitted);
  p.set_concluded(counts.concluded);
  p.set_overdue(counts.overdue);
  if (auto bp = CompletionRateBasisPoints(counts.submitted, y.cohort_size); bp.ok())
    p.set_completion_basis_points(*bp);
  p.set_opened_on(FormatDate(y.opened_on));
  p.set_cohort_cutoff(FormatDate(y.cohort_cutoff));
  p.set_version(y.version);
  return p;
}

v1::Listing ToProto(const Listing& l) {
  v1::Listing p;
  p.set_list(ToProtoEnum<v1::CreditList>(l.list));
  p.set_reason(l.reason);
  p.set_listed_on(FormatDate(l.listed_on));
  p.set_clock_from(FormatDate(l.clock_from));
  p.set_removed_on(Day(l.removed_on));
  p.set_removal_reason(l.removal_reason);
  return p;
}

v1::CreditRecord ToProto(const CreditAccount& a) {
  v1::CreditRecord p;
  p.set_organization_id(a.organization_id);
  p.set_jurisdiction(a.jurisdiction);
  if (const Listing* open = OpenListing(a.record))
    p.set_current_list(ToProtoEnum<v1::CreditList>(open->list));
  for (const auto& l : a.record.listings) *p.add_listings() = ToProto(l);
  for (size_t i = 0; i < a.record.events.size(); ++i) {
    const auto& e = a.record.events[i];
    auto* pe = p.add_events();
    pe->set_kind(ToProtoEnum<v1::CreditEventKind>(e.kind));
    pe->set_on(FormatDate(e.on));
    pe->set_fine_fen(e.fine_fen);
    pe->set_no_direct_responsibility(e.no_direct_responsibility);
    if (i < a.sources.size()) pe->set_source(a.sources[i]);
  }
  for (const auto& o : a.objections) {
    auto* po = p.add_objections();
    po->set_filed_on(FormatDate(o.filed_on));
    po->set_grounds(o.grounds);
    po->set_upheld(o.upheld);
    po->set_answer(o.answer);
    po->mutable_actor()->set_subject(o.actor);
  }
  p.set_version(a.version);
  return p;
}

v1::SamplingPlan ToProto(const SamplingPlan& s) {
  v1::SamplingPlan p;
  p.set_id(s.id);
  p.set_jurisdiction(s.jurisdiction);
  p.set_year(s.year);
  p.set_title(s.title);
  p.set_content(s.content);
  p.set_level(ToProtoEnum<v1::PlanLevel>(s.draw.level));
  p.set_ratio_permille(s.draw.ratio_permille);
  p.set_inspectors_per_check(s.draw.inspectors_per_check);
  for (const auto& i : s.inspector_pool) p.add_inspector_pool(i);
  p.set_seed(s.seed);
  p.set_state(ToProtoEnum<v1::PlanState>(s.state));
  for (const auto& o : s.population) p.add_population(o);
  p.set_population_hash(s.population_hash);
  for (const auto& i : s.inspections) {
    auto* pi = p.add_inspections();
    pi->set_organization_id(i.organization_id);
    for (const auto& n : i.inspectors) pi->add_inspectors(n);
    pi->set_result(ToProtoEnum<v1::InspectionResult>(i.result));
    pi->set_method(i.method);
    pi->set_findings(i.findings);
    pi->set_inspected_on(Day(i.inspected_on));
    pi->set_rectification_deadline(Day(i.rectification_deadline));
    pi->set_rectified_on(Day(i.rectified_on));
    pi->set_rectification_overdue(i.rectification_overdue);
    pi->set_interviewed_on(Day(i.interviewed_on));
    pi->set_interview_notes(i.interview_notes);
  }
  p.set_drawn_on(Day(s.drawn_on));
  p.set_published_on(Day(s.published_on));
  p.set_version(s.version);
  return p;
}

v1::CasePenalty ToProto(const Penalty& p) {
  v1::CasePenalty out;
  out.set_type(ToProtoEnum<v1::PenaltyType>(p.type));
  out.set_amount_fen(p.amount_fen);
  out.set_suspend_from(Day(p.suspend_from));
  out.set_suspend_until(Day(p.suspend_until));
  out.set_basis(p.basis);
  return out;
}

Result<Penalty> FromProto(const v1::CasePenalty& p, const std::string& field) {
  if (p.type() <= v1::PENALTY_TYPE_UNSPECIFIED || p.type() > v1::PenaltyType_MAX)
    return Error::InvalidArgument(field + ".type", "unknown penalty type");
  Penalty out;
  out.type = FromProtoEnum<PenaltyType>(p.type());
  out.amount_fen = p.amount_fen();
  if (!p.suspend_from().empty()) {
    auto d = ParseDateField(field + ".suspend_from", p.suspend_from());
    if (!d.ok()) return d.error();
    out.suspend_from = *d;
  }
  if (!p.suspend_until().empty()) {
    auto d = ParseDateField(field + ".suspend_until", p.suspend_until());
    if (!d.ok()) return d.error();
    out.suspend_until = *d;
  }
  out.basis = p.basis();
  return out;
}

v1::EnforcementCase ToProto(const Case& c, const CaseSettings& settings, Date today) {
  v1::EnforcementCase p;
  p.set_id(c.id);
  p.set_case_no(c.case_no);
  p.set_organization_id(c.target.organization_id);
  p.set_illegal_org_id(c.target.illegal_org_id);
  p.set_jurisdiction(c.target_jurisdiction);
  p.set_source(ToProtoEnum<v1::CaseSource>(c.source));
  p.set_source_ref(c.source_ref);
  p.set_summary(c.summary);
  p.set_state(ToProtoEnum<v1::CaseState>(c.state));
  p.set_opened_on(FormatDate(c.opened_on));
  p.set_violation_on(Day(c.violation_on));
  p.set_filed_on(Day(c.filed_on));
  for (const auto& i : c.investigators) p.add_investigators(i);
  for (const auto& r : c.records) {
    auto* pr = p.add_records();
    pr->set_stage(ToProtoEnum<v1::RecordStage>(r.stage));
    pr->set_audio_video(r.kind == RecordKind::kAudioVideo);
    pr->set_description(r.description);
    pr->set_recorded_on(FormatDate(r.recorded_on));
  }
  p.set_decision_deadline(Day(DecisionDeadline(c, settings, today)));
  if (c.notice) {
    p.set_notice_sent_on(FormatDate(c.notice->sent_on));
    for (const auto& pen : c.notice->proposed) *p.add_proposed() = ToProto(pen);
    p.set_statement_deadline(FormatDate(c.notice->statement_deadline));
    p.set_hearing_right(c.notice->hearing_right);
    p.set_hearing_requested(c.notice->hearing_requested);
  }
  for (const auto& s : c.statements) p.add_statements(s.summary);
  if (c.review) {
    p.set_review_passed(c.review->passed);
    p.set_review_opinion(c.review->opinion);
  }
  if (c.decision) {
    p.set_decided_on(FormatDate(c.decision->decided_on));
    for (const auto& pen : c.decision->penalties) *p.add_penalties() = ToProto(pen);
    p.set_non_punishment(c.decision->non_punishment);
    p.set_non_punishment_reason(c.decision->non_punishment_reason);
    p.set_ban(c.decision->ban);
  }
  p.set_service_deadline(Day(ServiceDeadline(c, settings)));
  p.set_served_on(Day(c.served_on));
  p.set_fine_paid_on(Day(c.execution.fine_paid_on));
  p.set_amount_paid_fen(c.execution.amount_paid_fen);
  p.set_surcharge_fen(c.execution.surcharge_fen);
  p.set_court_enforcement(c.execution.court_enforcement);
  p.set_appeals(static_cast<std::int32_t>(c.appeals.size()));
  p.set_closed_on(Day(c.closed_on));
  p.set_end_reason(c.end_reason);
  p.set_referred_to(c.referred_to);
  p.mutable_findings()->set_illegal_turnover_fen(c.findings.illegal_turnover_fen);
  p.mutable_findings()->set_illegal_income_fen(c.findings.illegal_income_fen);
  p.set_version(c.version);
  return p;
}

v1::Complaint ToProto(const Complaint& c, std::int32_t answer_days) {
  v1::Complaint p;
  p.set_id(c.id);
  p.set_jurisdiction(c.jurisdiction);
  p.set_channel(ToProtoEnum<v1::ComplaintChannel>(c.channel));
  p.set_received_on(FormatDate(c.received_on));
  p.set_anonymous(c.anonymous);
  p.set_target_name(c.target_name);
  p.set_target_organization_id(c.target_organization_id);
  p.set_responsible_person(c.responsible_person);
  p.set_place(c.place);
  p.set_propaganda_channel(c.propaganda_channel);
  p.set_facts(c.facts);
  for (const auto& e : c.evidence) p.add_evidence(e);
  p.set_state(ToProtoEnum<v1::ComplaintState>(c.state));
  p.set_decline_reason(c.decline_reason);
  p.set_case_id(c.case_id);
  p.set_reply(c.reply);
  p.set_answered_on(Day(c.answered_on));
  p.set_answer_deadline(FormatDate(AnswerDeadline(c, answer_days)));
  p.set_version(c.version);
  return p;
}

v1::IllegalOrg ToProto(const IllegalOrg& o) {
  v1::IllegalOrg p;
  p.set_id(o.id);
  p.set_name(o.name);
  p.set_kind(ToProtoEnum<v1::IllegalOrgKind>(o.kind));
  p.set_former_organization_id(o.former_organization_id);
  p.set_jurisdiction(o.jurisdiction);
  p.set_description(o.description);
  p.set_found_on(FormatDate(o.found_on));
  p.set_state(ToProtoEnum<v1::IllegalOrgState>(o.state));
  p.set_case_id(o.case_id);
  p.set_banned_on(Day(o.banned_on));
  p.set_referred_to(o.referred_to);
  p.set_handling_note(o.handling_note);
  p.set_on_public_list(o.on_public_list);
  p.set_version(o.version);
  return p;
}

v1::CampaignCounts ToProto(const CampaignCounts& c) {
  v1::CampaignCounts p;
  p.set_found(c.found);
  p.set_open(c.open);
  p.set_rectified(c.rectified);
  p.set_escalated(c.escalated);
  p.set_removed(c.removed);
  p.set_cancelled_voluntarily(c.cancelled_voluntarily);
  p.set_overdue(c.overdue);
  return p;
}

v1::Campaign ToProto(const Campaign& c, Date today) {
  v1::Campaign p;
  p.set_id(c.id);
  p.set_name(c.name);
  p.set_kind(ToProtoEnum<v1::CampaignKind>(c.kind));
  p.set_jurisdiction(c.jurisdiction);
  p.set_started_on(FormatDate(c.started_on));
  for (const auto& i : c.items) {
    auto* pi = p.add_items();
    pi->set_id(i.id);
    pi->set_organization_id(i.organization_id);
    pi->set_problem(i.problem);
    pi->set_found_on(FormatDate(i.found_on));
    pi->set_rectification_deadline(FormatDate(i.rectification_deadline));
    pi->set_state(ToProtoEnum<v1::CampaignItemState>(i.state));
    pi->set_resolved_on(Day(i.resolved_on));
    pi->set_case_id(i.case_id);
  }
  *p.mutable_counts() = ToProto(CountCampaign(c, today));
  p.set_version(c.version);
  return p;
}

}  // namespace socgov::supervision
