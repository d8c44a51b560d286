// The JSON of supervision's entities. Enums are stored as their numbers, so enumerators are only
// ever appended; dates as YYYY-MM-DD text, so a record reads the same to a person with redis-cli.
#include "platform/store/json_entity.h"
#include "supervision/store/supervision_store.h"

namespace socgov::supervision {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReportDeadlines, supervisory_unit, registry)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Finances, assets_fen, liabilities_fen,
                                                net_assets_fen, income_fen, expenses_fen,
                                                donations_received_fen, donations_given_fen)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReportSections, compliance, registration_changes,
                                                activities, people, party_building_report,
                                                activity_count, staff_fulltime, finances)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SupervisoryReview, passed, opinion, reviewed_on,
                                                actor)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ConclusionResult, conclusion, reasons)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AnnualReport, organization_id, year, jurisdiction,
                                                organization_name, state, mode, deadlines,
                                                rectification_required, submitted_on, late,
                                                sections, rectification_report, supervisory_review,
                                                conclusion, concluded_on, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReportYear, jurisdiction, year, cohort_size,
                                                opened_on, cohort_cutoff, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CreditEvent, kind, on, fine_fen,
                                                no_direct_responsibility)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Listing, list, reason, listed_on, clock_from,
                                                needs_rectification, revoked, removed_on,
                                                removal_reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CreditRecord, events, listings)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Objection, filed_on, grounds, answer, actor, upheld)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CreditAccount, organization_id, jurisdiction,
                                                record, sources, objections, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DrawPlan, ratio_permille, level,
                                                inspectors_per_check)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Inspection, organization_id, inspectors, result,
                                                method, findings, inspected_on,
                                                rectification_deadline, rectified_on,
                                                rectification_overdue, interviewed_on,
                                                interview_notes)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SamplingPlan, id, jurisdiction, year, title,
                                                content, draw, inspector_pool, seed, state,
                                                population, population_hash, inspections, drawn_on,
                                                published_on, version)

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Penalty, type, amount_fen, suspend_from,
                                                suspend_until, basis)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PenaltyContext, illegal_turnover_fen,
                                                illegal_income_fen, charity, illegal_org)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CaseTarget, organization_id, illegal_org_id,
                                                charity)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(EvidenceRecord, stage, kind, description,
                                                recorded_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Extension, days, approved_by, approved_on, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Notice, sent_on, proposed, statement_deadline,
                                                hearing_right, hearing_requested,
                                                hearing_requested_on, rights_waived)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Statement, made_on, summary)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Hearing, held_on, presided_by, summary)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LegalReview, reviewer, passed, opinion, reviewed_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Decision, decided_on, penalties, non_punishment,
                                                non_punishment_reason, ban)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Execution, fine_paid_on, amount_paid_fen,
                                                surcharge_fen, court_enforcement)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Appeal, kind, filed_on)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Case, id, case_no, target, target_jurisdiction,
                                                source, source_ref, summary, state, opened_on,
                                                violation_on, filed_on, investigators, records,
                                                extensions, findings, notice, statements, hearing,
                                                review, decision, served_on, service_method,
                                                execution, appeals, closed_on, ended_on, end_reason,
                                                referred_to, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Complaint, id, jurisdiction, channel, received_on,
                                                anonymous, target_name, target_organization_id,
                                                responsible_person, place, propaganda_channel,
                                                facts, evidence, state, outcome, decline_reason,
                                                triaged_on, case_id, linked_on, reply, answered_on,
                                                version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Reporter, name, phone, email, address)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(IllegalOrg, id, name, kind, former_organization_id,
                                                jurisdiction, description, found_on, state, case_id,
                                                banned_on, dispersed_on, referred_to, referred_on,
                                                handling_note, on_public_list, listed_on, version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CampaignItem, id, organization_id, problem,
                                                found_on, rectification_deadline, state,
                                                resolved_on, case_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Campaign, id, name, kind, jurisdiction, started_on,
                                                items, version)

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DimensionScores, basic_conditions,
                                                internal_governance, performance, social_evaluation,
                                                bonus)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(GradeThresholds, five_a, four_a, three_a, two_a)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Round, id, year, jurisdiction, applications_open,
                                                applications_close, revision, maxima, thresholds,
                                                seniority_as_of, local_upgrade_after_two_years)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Reason, rule, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Evaluation, organization_id, org_kind, round, state,
                                                applied_on, re_evaluation, simplified_on_site,
                                                ineligibility, self_assessment, scores, total_score,
                                                grade, publicity_from, publicity_until, appealed_on,
                                                announced_on, valid_from, valid_to, adjustments)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredRating, id, organization_name, evaluation,
                                                version)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredRound, round, version)

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

std::vector<std::string> EncodeReport(const AnnualReport& r) { return Encode(r, r.jurisdiction); }
Result<AnnualReport> DecodeReport(const std::vector<std::string>& f) {
  return Decode<AnnualReport>(f, "annual report");
}
std::vector<std::string> EncodeYear(const ReportYear& y) { return Encode(y, y.jurisdiction); }
Result<ReportYear> DecodeYear(const std::vector<std::string>& f) {
  return Decode<ReportYear>(f, "report year");
}
std::vector<std::string> EncodeCredit(const CreditAccount& a) { return Encode(a, a.jurisdiction); }
Result<CreditAccount> DecodeCredit(const std::vector<std::string>& f) {
  return Decode<CreditAccount>(f, "credit account");
}
std::vector<std::string> EncodePlan(const SamplingPlan& p) { return Encode(p, p.jurisdiction); }
Result<SamplingPlan> DecodePlan(const std::vector<std::string>& f) {
  return Decode<SamplingPlan>(f, "sampling plan");
}

std::vector<std::string> EncodeCase(const Case& c) { return Encode(c, c.target_jurisdiction); }
Result<Case> DecodeCase(const std::vector<std::string>& f) { return Decode<Case>(f, "case"); }
std::vector<std::string> EncodeComplaint(const Complaint& c) { return Encode(c, c.jurisdiction); }
Result<Complaint> DecodeComplaint(const std::vector<std::string>& f) {
  return Decode<Complaint>(f, "complaint");
}
std::vector<std::string> EncodeReporter(const Reporter& r) {
  return {"json", nlohmann::json(r).dump()};
}
Result<Reporter> DecodeReporter(const std::vector<std::string>& f) {
  return Decode<Reporter>(f, "reporter");
}
std::vector<std::string> EncodeIllegalOrg(const IllegalOrg& o) { return Encode(o, o.jurisdiction); }
Result<IllegalOrg> DecodeIllegalOrg(const std::vector<std::string>& f) {
  return Decode<IllegalOrg>(f, "illegal organization");
}
std::vector<std::string> EncodeCampaign(const Campaign& c) { return Encode(c, c.jurisdiction); }
Result<Campaign> DecodeCampaign(const std::vector<std::string>& f) {
  return Decode<Campaign>(f, "campaign");
}

std::vector<std::string> EncodeRound(const StoredRound& r) {
  return Encode(r, r.round.jurisdiction);
}
Result<StoredRound> DecodeRound(const std::vector<std::string>& f) {
  return Decode<StoredRound>(f, "rating round");
}
std::vector<std::string> EncodeRating(const StoredRating& r) {
  return Encode(r, r.evaluation.round.jurisdiction);
}
Result<StoredRating> DecodeRating(const std::vector<std::string>& f) {
  return Decode<StoredRating>(f, "rating evaluation");
}

}  // namespace socgov::supervision
