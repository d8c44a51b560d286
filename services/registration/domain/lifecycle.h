// The organization lifecycle after establishment (domain.md §3.1): preparation of social groups,
// community filings, change registration, articles and council terms, dissolution → liquidation →
// cancellation, and the penalty-driven suspension and revocation. Pure: ids, time and the actor
// are passed in; each transition validates everything first and returns copies at version + 1.
// Illegal transitions are kFailedPrecondition naming the current state and the rule.
#pragma once

#include <string>
#include <vector>

#include "platform/util/clock.h"
#include "platform/util/error.h"
#include "registration/domain/types.h"

namespace socgov::registration {

// ---- preparation (社会团体 筹备, REG-04/05) ----

// SUBMITTED preparation → PREP_APPROVED; founding_deadline = today + settings.founding_months.
Result<Application> ApprovePreparation(const Application& app, int64_t expected_version,
                                       const RegistrySettings& settings, const Actor& actor,
                                       TimePoint now);
struct EstablishmentInput {
  std::string founding_meeting_on;  // YYYY-MM-DD
  int32_t individual_members = 0;
  int32_t unit_members = 0;
  int64_t funds_fen = 0;
};
// PREP_APPROVED → SUBMITTED (stage ESTABLISHMENT): the meeting was held between the preparation
// approval and the founding deadline, not in the future, and REG-01/02 hold for the members and
// funds as established.
Result<Application> ApplyEstablishment(const Application& app, int64_t expected_version,
                                       const EstablishmentInput& in,
                                       const RegistrySettings& settings, const Actor& actor,
                                       TimePoint now);
// REG-05: the one extension, where the deployment grants one, before the deadline passed.
Result<Application> ExtendPreparation(const Application& app, int64_t expected_version,
                                      const std::string& reason, const RegistrySettings& settings,
                                      const Actor& actor, TimePoint now);
// PREP_APPROVED whose founding deadline is before today → PREP_LAPSED.
Result<Application> LapsePreparation(const Application& app, const Actor& actor, TimePoint now);

// ---- community filings (备案) ----

// Validates a community organization's profile (name form, street office, form and size:
// 社团型 ≥ 10 members, 服务型 ≥ 3 staff) and builds it FILED at version 1 with id `filing_number`.
Result<Organization> FileCommunityOrganization(std::string filing_number, Profile profile,
                                               const RegistrySettings& settings, TimePoint now);
// FILED → FILING_REMOVED.
Result<Organization> RemoveFiling(const Organization& org, int64_t expected_version,
                                  const std::string& reason, TimePoint now);
// "SQ" + authority code + 8-digit serial: community filings have no credit code.
std::string FilingNumber(const std::string& authority_code, uint64_t serial);

// ---- change registration (REG-12/13) ----

struct ChangeInput {
  OrgChanges changes;        // legal_rep carries the full ID number
  std::string consented_on;  // YYYY-MM-DD
};
struct ChangeDecision {
  ChangeApplication change;
  Organization organization;
};
// ACTIVE → CHANGE_PENDING with a new PENDING change application. Every changed item is validated
// as at registration (REG-03 name form, funds minimums); late (REG-12) when applied more than 30
// days after consented_on.
Result<ChangeDecision> ApplyChange(std::string change_id, const Organization& org,
                                   int64_t expected_version, ChangeInput in,
                                   const RegistrySettings& settings, const Actor& actor,
                                   TimePoint now);
// PENDING → APPROVED; the organization (CHANGE_PENDING for this change) takes the new items and is
// ACTIVE again.
Result<ChangeDecision> ApproveChange(const ChangeApplication& change, int64_t expected_version,
                                     const Organization& org, const Actor& actor, TimePoint now);
// PENDING → REJECTED; the organization returns to ACTIVE if it is still waiting for this change.
Result<ChangeDecision> RejectChange(const ChangeApplication& change, int64_t expected_version,
                                    const Organization& org, const std::string& reason,
                                    const Actor& actor, TimePoint now);
// A PENDING change closed because its organization was suspended or revoked: REJECTED with
// `reason`. nullopt when the change is no longer PENDING.
std::optional<ChangeApplication> CloseChange(const ChangeApplication& change,
                                             const std::string& reason, const Actor& actor,
                                             TimePoint now);
// REG-13: whether the change must be announced (name, domicile or legal representative).
bool MustAnnounce(const OrgChanges& c);

// ---- articles and council terms (PB-09, TE-01) ----

struct ArticlesInput {
  std::string approved_on;
  bool party_building_clause = false;
  std::string party_leading_organ;
  std::string text_sha256;
};
Result<Organization> RecordArticles(const Organization& org, int64_t expected_version,
                                    const ArticlesInput& in, TimePoint now);
// TE-01: the term lasts 4 to 5 years (end = start + 4..5 years − 1 day).
Result<Organization> RecordCouncilTerm(const Organization& org, int64_t expected_version,
                                       const std::string& start_date, const std::string& end_date,
                                       const std::string& review_id, TimePoint now);
// TE-01: the re-election may be postponed by at most one year after the term's end.
Result<Organization> ExtendCouncilTerm(const Organization& org, int64_t expected_version,
                                       const std::string& extension_until,
                                       const std::string& reason, TimePoint now);
// TE-02 (used by supervision; here for the tests and the export): today > end + extension.
bool OverdueReelection(const CouncilTerm& term, TimePoint now);

// ---- dissolution, liquidation, cancellation (REG-14/15/16/19) ----

Result<Organization> ResolveDissolution(const Organization& org, int64_t expected_version,
                                        DissolutionGround ground, const std::string& resolved_on,
                                        const std::string& consented_on, TimePoint now);
Result<Organization> StartLiquidation(const Organization& org, int64_t expected_version,
                                      const std::vector<std::string>& liquidation_group,
                                      TimePoint now);
struct CancellationInput {
  std::string liquidation_ended_on;
  bool audit_report_received = false;
  std::string residual_assets_disposition;
};
Result<Organization> ApplyCancellation(const Organization& org, int64_t expected_version,
                                       const CancellationInput& in, TimePoint now);
Result<Organization> ApproveCancellation(const Organization& org, int64_t expected_version,
                                         bool certificate_and_seals_collected, TimePoint now);
// SUSPENDED whose period ended, with the rectification report received → ACTIVE.
Result<Organization> ResumeOrganization(const Organization& org, int64_t expected_version,
                                        const std::string& rectification_received_on,
                                        TimePoint now);
// REG-15/19: what an organization in a winding-down state may not do. nullopt when `what` is
// allowed in its status.
Status CheckMayOperate(const Organization& org, const std::string& what);

// ---- penalty-driven transitions (supervision's case.decided) ----

enum class PenaltyEffect { kNone, kSuspend, kRevoke, kRevokeCertificate };
struct PenaltyInput {
  PenaltyEffect effect = PenaltyEffect::kNone;
  std::string case_id;        // supervision's case id: recorded, and what makes a redelivery known
  std::string case_no;        // the number on the decision document, for people
  std::string suspend_until;  // kSuspend: YYYY-MM-DD
  std::string basis;
};
// kSuspend: ACTIVE / CHANGE_PENDING / SUSPENDED → SUSPENDED until suspend_until.
// kRevoke / kRevokeCertificate: any state before liquidation → REVOKED / CERT_REVOKED (REG-17/19).
// Cancelled, removed or liquidating organizations → kFailedPrecondition.
Result<Organization> ApplyPenalty(const Organization& org, const PenaltyInput& in, TimePoint now);

}  // namespace socgov::registration
