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

}  // namespace socgov::supervision
