// The JSON of the welfare-venture entities. Enums are stored as their numbers, so enumerators are
// only ever appended; dates as YYYY-MM-DD text, so a record reads the same with redis-cli.
#include "platform/store/json_entity.h"
#include "welfare_venture/store/welfare_venture_store.h"

namespace socgov::welfare_venture {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RoundBudget, total_fen, project_grants_fen,
                                                operator_fee_fen, evaluation_fee_fen)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(GrantRules, max_grant_fen,
                                                max_grant_percent_of_budget,
                                                max_personnel_percent_of_grant)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Window, opens, closes)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RoundSchedule, needs_survey, call, publicity_days)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Criterion, id, panel, weight_permille)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ScoringScheme, scale_max, criteria,
                                                matching_bonus_max, special_bonus_min,
                                                special_bonus_max, pass_mark_centi)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VentureRound, id, year, jurisdiction, organiser,
                                                contractor, fund_source, budget, categories,
                                                grant_rules, schedule, scheme, state, state_since,
                                                publicity_from, publicity_until, awarded_on,
                                                closed_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AwardLine, application_id, org_id, rank,
                                                score_centi, grant_fen)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Skipped, application_id, rank, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AwardPlan, awards, skipped, awarded_fen,
                                                remaining_fen)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Objection, id, application_id, grounds, filed_on,
                                                status, resolved_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredRound, round, shortlist, objections, awards,
                                                version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VentureApplication, id, round_id, org_id, category,
                                                title, summary, budget_fen, self_raised_fen,
                                                requested_grant_fen, personnel_cost_fen,
                                                service_area, beneficiary_area, beneficiaries,
                                                planned_beneficiaries, project_scope, state,
                                                submitted_on, screening_note)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CriterionScore, criterion_id, points)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ScoreSheet, judge_id, panel, scores)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ApplicationReview, application_id, org_id,
                                                expert_ids, sheets, matching_bonus, special_bonus)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredApplication, app, review, has_premises,
                                                has_staff, has_qualifications, jurisdiction,
                                                version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Expert, id, linked_org_ids)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredExpert, expert, name, jurisdiction, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Tranche, amount_fen, gate, paid_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Contract, number, signed_on, starts_on,
                                                midterm_due_on, ends_on, tranches)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(EvaluationResult, passed, reason, on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FinancialCheck, on, checker_id,
                                                reported_expense_fen, vouchered_expense_fen,
                                                separate_ledger, unsupported_fen, passed, finding)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VentureProject, id, application_id, round_id, year,
                                                org_id, jurisdiction, category, title, summary,
                                                grant_fen, state, state_since, contract, midterm,
                                                final_report_on, final_evaluation, checks,
                                                disbursed_fen, spent_fen, recovered_fen,
                                                clawback_fen, clawed_back_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredProject, project, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Activity, id, project_id, on, place, people_served,
                                                volunteer_hours, volunteer_ids)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredActivity, activity, jurisdiction, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ListingPeriod, list, from, until)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredCredit, listings, version)

namespace {

template <typename T>
std::vector<std::string> Encode(const T& v, const std::string& jurisdiction) {
  return store::EncodeJsonEntity(v, v.version, jurisdiction);
}

template <typename T>
Result<T> Decode(const std::vector<std::string>& flat, const char* what) {
  return store::DecodeJsonEntity<T>(flat, what);
}

}  // namespace

std::vector<std::string> EncodeRound(const StoredRound& r) { return Encode(r, r.jurisdiction()); }
Result<StoredRound> DecodeRound(const std::vector<std::string>& f) {
  return Decode<StoredRound>(f, "round");
}
std::vector<std::string> EncodeApplication(const StoredApplication& a) {
  return Encode(a, a.jurisdiction);
}
Result<StoredApplication> DecodeApplication(const std::vector<std::string>& f) {
  return Decode<StoredApplication>(f, "application");
}
std::vector<std::string> EncodeExpert(const StoredExpert& e) { return Encode(e, e.jurisdiction); }
Result<StoredExpert> DecodeExpert(const std::vector<std::string>& f) {
  return Decode<StoredExpert>(f, "expert");
}
std::vector<std::string> EncodeProject(const StoredProject& p) {
  return Encode(p, p.jurisdiction());
}
Result<StoredProject> DecodeProject(const std::vector<std::string>& f) {
  return Decode<StoredProject>(f, "project");
}
std::vector<std::string> EncodeActivity(const StoredActivity& a) {
  return Encode(a, a.jurisdiction);
}
Result<StoredActivity> DecodeActivity(const std::vector<std::string>& f) {
  return Decode<StoredActivity>(f, "activity");
}
std::vector<std::string> EncodeCredit(const StoredCredit& c) { return Encode(c, ""); }
Result<StoredCredit> DecodeCredit(const std::vector<std::string>& f) {
  if (f.empty()) return StoredCredit{};
  return Decode<StoredCredit>(f, "credit");
}

}  // namespace socgov::welfare_venture
