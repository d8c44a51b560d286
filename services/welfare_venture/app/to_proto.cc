#include "welfare_venture/app/to_proto.h"

#include "welfare_venture/app/support.h"

namespace socgov::welfare_venture {
namespace {

std::string Day(Date d) { return d == Date{} ? std::string() : FormatDate(d); }

const char* ObjectionStatusName(ObjectionStatus s) {
  switch (s) {
    case ObjectionStatus::kOpen:
      return "OPEN";
    case ObjectionStatus::kUpheld:
      return "UPHELD";
    case ObjectionStatus::kDismissed:
      return "DISMISSED";
  }
  return "UNKNOWN";
}

void SetEvaluation(const EvaluationResult& e, v1::Evaluation* out) {
  out->set_passed(e.passed);
  out->set_reason(e.reason);
  out->set_on(Day(e.on));
}

}  // namespace

void ToProto(const AwardPlan& plan, v1::AwardPlan* out) {
  for (const auto& a : plan.awards) {
    auto* l = out->add_awards();
    l->set_application_id(a.application_id);
    l->set_organization_id(a.org_id);
    l->set_rank(a.rank);
    l->set_score_centi(a.score_centi);
    l->set_grant_fen(a.grant_fen);
  }
  for (const auto& s : plan.skipped) {
    auto* l = out->add_skipped();
    l->set_application_id(s.application_id);
    l->set_rank(s.rank);
    l->set_reason(s.reason);
  }
  out->set_awarded_fen(plan.awarded_fen);
  out->set_remaining_fen(plan.remaining_fen);
}

void ToProto(const OutcomeTotals& t, v1::OutcomeTotals* out) {
  out->set_projects(t.projects);
  out->set_activities(t.activities);
  out->set_people_served(t.people_served);
  out->set_volunteer_hours(t.volunteer_hours);
  out->set_volunteer_turnouts(t.volunteer_turnouts);
  out->set_distinct_volunteers(t.distinct_volunteers);
}

v1::Round ToProto(const StoredRound& s) {
  const VentureRound& r = s.round;
  v1::Round p;
  p.set_id(r.id);
  p.set_year(r.year);
  p.set_jurisdiction(r.jurisdiction);
  p.set_organiser(r.organiser);
  p.set_contractor(r.contractor);
  p.set_fund_source(static_cast<v1::FundSource>(int(r.fund_source)));
  auto* b = p.mutable_budget();
  b->set_total_fen(r.budget.total_fen);
  b->set_project_grants_fen(r.budget.project_grants_fen);
  b->set_operator_fee_fen(r.budget.operator_fee_fen);
  b->set_evaluation_fee_fen(r.budget.evaluation_fee_fen);
  for (auto c : r.categories) p.add_categories(static_cast<v1::Category>(int(c) + 1));
  auto* g = p.mutable_grant_rules();
  g->set_max_grant_fen(r.grant_rules.max_grant_fen);
  g->set_max_grant_percent_of_budget(r.grant_rules.max_grant_percent_of_budget);
  if (r.grant_rules.max_personnel_percent_of_grant)
    g->set_max_personnel_percent_of_grant(*r.grant_rules.max_personnel_percent_of_grant);
  p.set_needs_survey_opens(Day(r.schedule.needs_survey.opens));
  p.set_needs_survey_closes(Day(r.schedule.needs_survey.closes));
  p.set_call_opens(Day(r.schedule.call.opens));
  p.set_call_closes(Day(r.schedule.call.closes));
  p.set_publicity_days(r.schedule.publicity_days);
  auto* sc = p.mutable_scheme();
  sc->set_scale_max(r.scheme.scale_max);
  for (const auto& c : r.scheme.criteria) {
    auto* pc = sc->add_criteria();
    pc->set_id(c.id);
    pc->set_panel(static_cast<v1::Panel>(int(c.panel) + 1));
    pc->set_weight_permille(c.weight_permille);
  }
  sc->set_matching_bonus_max(r.scheme.matching_bonus_max);
  sc->set_special_bonus_min(r.scheme.special_bonus_min);
  sc->set_special_bonus_max(r.scheme.special_bonus_max);
  sc->set_pass_mark_centi(r.scheme.pass_mark_centi);
  p.set_state(static_cast<v1::RoundState>(int(r.state) + 1));
  p.set_state_since(Day(r.state_since));
  p.set_publicity_from(DateText(r.publicity_from));
  p.set_publicity_until(DateText(r.publicity_until));
  p.set_awarded_on(DateText(r.awarded_on));
  p.set_closed_on(DateText(r.closed_on));
  if (s.shortlist) ToProto(*s.shortlist, p.mutable_shortlist());
  for (const auto& o : s.objections) {
    auto* po = p.add_objections();
    po->set_id(o.id);
    po->set_application_id(o.application_id);
    po->set_grounds(o.grounds);
    po->set_filed_on(Day(o.filed_on));
    po->set_status(ObjectionStatusName(o.status));
    po->set_resolved_on(DateText(o.resolved_on));
  }
  if (s.awards) ToProto(*s.awards, p.mutable_awards());
  p.set_version(s.version);
  return p;
}

v1::Application ToProto(const StoredApplication& s) {
  const VentureApplication& a = s.app;
  v1::Application p;
  p.set_id(a.id);
  p.set_round_id(a.round_id);
  p.set_organization_id(a.org_id);
  p.set_category(static_cast<v1::Category>(int(a.category) + 1));
  p.set_title(a.title);
  p.set_summary(a.summary);
  p.set_budget_fen(a.budget_fen);
  p.set_self_raised_fen(a.self_raised_fen);
  p.set_requested_grant_fen(a.requested_grant_fen);
  p.set_personnel_cost_fen(a.personnel_cost_fen);
  p.set_service_area(a.service_area);
  p.set_beneficiary_area(a.beneficiary_area);
  p.set_beneficiaries(a.beneficiaries);
  p.set_planned_beneficiaries(a.planned_beneficiaries);
  for (const auto& k : a.project_scope) p.add_project_scope(k);
  p.set_has_premises(s.has_premises);
  p.set_has_staff(s.has_staff);
  p.set_has_qualifications(s.has_qualifications);
  p.set_state(static_cast<v1::ApplicationState>(int(a.state) + 1));
  p.set_submitted_on(Day(a.submitted_on));
  p.set_screening_note(a.screening_note);
  for (const auto& e : s.review.expert_ids) p.add_expert_ids(e);
  for (const auto& sh : s.review.sheets) {
    auto* ps = p.add_sheets();
    ps->set_judge_id(sh.judge_id);
    ps->set_panel(static_cast<v1::Panel>(int(sh.panel) + 1));
    for (const auto& c : sh.scores) {
      auto* pc = ps->add_scores();
      pc->set_criterion_id(c.criterion_id);
      pc->set_points(c.points);
    }
  }
  p.set_matching_bonus(s.review.matching_bonus);
  p.set_special_bonus(s.review.special_bonus);
  p.set_jurisdiction(s.jurisdiction);
  p.set_version(s.version);
  return p;
}

v1::Expert ToProto(const StoredExpert& s) {
  v1::Expert p;
  p.set_id(s.expert.id);
  p.set_name(s.name);
  for (const auto& o : s.expert.linked_org_ids) p.add_linked_organization_ids(o);
  p.set_jurisdiction(s.jurisdiction);
  p.set_version(s.version);
  return p;
}

v1::Project ToProto(const StoredProject& s) {
  const VentureProject& x = s.project;
  v1::Project p;
  p.set_id(x.id);
  p.set_application_id(x.application_id);
  p.set_round_id(x.round_id);
  p.set_year(x.year);
  p.set_organization_id(x.org_id);
  p.set_jurisdiction(x.jurisdiction);
  p.set_category(static_cast<v1::Category>(int(x.category) + 1));
  p.set_title(x.title);
  p.set_summary(x.summary);
  p.set_grant_fen(x.grant_fen);
  p.set_state(static_cast<v1::ProjectState>(int(x.state) + 1));
  p.set_state_since(Day(x.state_since));
  if (x.contract) {
    const Contract& c = *x.contract;
    p.set_contract_number(c.number);
    p.set_signed_on(Day(c.signed_on));
    p.set_starts_on(Day(c.starts_on));
    p.set_midterm_due_on(Day(c.midterm_due_on));
    p.set_ends_on(Day(c.ends_on));
    for (const auto& t : c.tranches) {
      auto* pt = p.add_tranches();
      pt->set_amount_fen(t.amount_fen);
      pt->set_gate(static_cast<v1::TrancheGate>(int(t.gate) + 1));
      pt->set_paid_on(DateText(t.paid_on));
    }
    p.set_final_report_due_on(FormatDate(FinalReportDueOn(c)));
  }
  if (x.midterm) SetEvaluation(*x.midterm, p.mutable_midterm());
  p.set_final_report_on(DateText(x.final_report_on));
  if (x.final_evaluation) SetEvaluation(*x.final_evaluation, p.mutable_final_evaluation());
  for (const auto& c : x.checks) {
    auto* pc = p.add_checks();
    pc->set_on(Day(c.on));
    pc->set_checker_id(c.checker_id);
    pc->set_reported_expense_fen(c.reported_expense_fen);
    pc->set_vouchered_expense_fen(c.vouchered_expense_fen);
    pc->set_separate_ledger(c.separate_ledger);
    pc->set_unsupported_fen(c.unsupported_fen);
    pc->set_passed(c.passed);
    pc->set_finding(c.finding);
  }
  p.set_disbursed_fen(x.disbursed_fen);
  p.set_spent_fen(x.spent_fen);
  p.set_recovered_fen(x.recovered_fen);
  p.set_clawback_fen(x.clawback_fen);
  p.set_clawed_back_on(DateText(x.clawed_back_on));
  p.set_version(s.version);
  return p;
}

v1::Activity ToProto(const StoredActivity& s) {
  const Activity& a = s.activity;
  v1::Activity p;
  p.set_id(a.id);
  p.set_project_id(a.project_id);
  p.set_on(Day(a.on));
  p.set_place(a.place);
  p.set_people_served(a.people_served);
  p.set_volunteer_hours(a.volunteer_hours);
  for (const auto& v : a.volunteer_ids) p.add_volunteer_ids(v);
  return p;
}

v1::CreditFacts CreditToProto(const std::string& org_id, const StoredCredit& c,
                              const std::vector<Date>& clawbacks) {
  v1::CreditFacts p;
  p.set_organization_id(org_id);
  for (const auto& l : c.listings) {
    auto* pl = p.add_listings();
    pl->set_list(std::string(CreditListName(l.list)));
    pl->set_from(Day(l.from));
    pl->set_until(DateText(l.until));
  }
  for (const auto& d : clawbacks) p.add_clawbacks(FormatDate(d));
  return p;
}

}  // namespace socgov::welfare_venture
