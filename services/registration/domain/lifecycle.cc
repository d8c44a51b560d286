#include "registration/domain/lifecycle.h"

#include <cstdio>
#include <set>
#include <utility>

#include "registration/domain/application.h"
#include "registration/domain/dates.h"
#include "registration/domain/id_number.h"
#include "registration/domain/names.h"
#include "registration/domain/text.h"

namespace socgov::registration {
namespace {

constexpr TextRule kReason{.min = 1, .max = 500, .single_line = false};
constexpr TextRule kShortText{.min = 1, .max = 100, .single_line = true};

// REG-12: change registration within 30 days of consent; REG-16: cancellation within 15 days of
// the end of liquidation.
constexpr int kChangeDays = 30;
constexpr int kCancellationDays = 15;
// Community filings (domain.md §2.2 CommunityOrgFiling).
constexpr int kCommunityMinMembers = 10;
constexpr int kCommunityMinStaff = 3;

Status CheckVersion(const char* what, const std::string& id, int64_t version, int64_t expected) {
  if (version == expected) return std::nullopt;
  return Error::Aborted(std::string(what) + " " + id + " is at version " + std::to_string(version) +
                        ", request had " + std::to_string(expected));
}

Error WrongState(const Organization& org, const std::string& verb, const std::string& allowed,
                 const char* rule) {
  return Error::FailedPrecondition("organization " + org.id + " is " + ToString(org.status) +
                                   "; it can be " + verb + " only when " + allowed + " (" + rule +
                                   ")");
}

Error WrongState(const Application& app, const std::string& verb, const std::string& allowed,
                 const char* rule) {
  return Error::FailedPrecondition("application " + app.id + " is " + ToString(app.status) +
                                   "; it can be " + verb + " only when " + allowed + " (" + rule +
                                   ")");
}

Date Today(TimePoint now) { return ChinaDate(now); }

// A past-or-today date field.
Result<Date> PastDate(std::string_view field, const std::string& text, TimePoint now) {
  auto d = ParseDateField(field, text);
  if (!d) return d;
  if (*d > Today(now))
    return Error::InvalidArgument(
        field, "must not be after today (" + FormatDate(Today(now)) + "), got " + text);
  return d;
}

Organization Next(const Organization& org, TimePoint now) {
  Organization out = org;
  out.version = org.version + 1;
  (void)now;
  return out;
}

Organization MoveTo(const Organization& org, OrgStatus status, std::string reason, TimePoint now) {
  Organization out = Next(org, now);
  out.status = status;
  out.status_reason = std::move(reason);
  out.status_changed_at = now;
  return out;
}

const char* GroundText(DissolutionGround g) {
  switch (g) {
    case DissolutionGround::kPurposeCompleted:
      return "宗旨已实现 (purpose completed)";
    case DissolutionGround::kSelfDissolution:
      return "自行解散 (self-dissolution)";
    case DissolutionGround::kSplitOrMerger:
      return "分立、合并 (split or merger)";
    case DissolutionGround::kOther:
      return "其他原因终止 (other termination)";
    case DissolutionGround::kUnspecified:
      break;
  }
  return "";
}

bool IsHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

// ---- preparation ----

Result<Application> ApprovePreparation(const Application& app, int64_t expected_version,
                                       const RegistrySettings& settings, const Actor& actor,
                                       TimePoint now) {
  if (auto e = CheckVersion("application", app.id, app.version, expected_version)) return *e;
  if (app.status != ApplicationStatus::kSubmitted || app.stage != ApplicationStage::kPreparation)
    return WrongState(app, "approved as a preparation", "a SUBMITTED preparation", "REG-04");
  Application out = app;
  out.status = ApplicationStatus::kPrepApproved;
  out.version = app.version + 1;
  out.decided_at = now;
  out.decided_by = actor;
  out.preparation_approved_at = now;
  out.founding_deadline = FormatDate(AddMonths(Today(now), settings.founding_months));
  return out;
}

Result<Application> ApplyEstablishment(const Application& app, int64_t expected_version,
                                       const EstablishmentInput& in,
                                       const RegistrySettings& settings, const Actor& actor,
                                       TimePoint now) {
  auto meeting = PastDate("founding_meeting_on", in.founding_meeting_on, now);
  if (!meeting) return meeting.error();
  if (auto e = CheckVersion("application", app.id, app.version, expected_version)) return *e;
  if (app.status != ApplicationStatus::kPrepApproved)
    return WrongState(app, "turned into an establishment application", "PREP_APPROVED", "REG-04");
  const Date deadline = *ParseDate(app.founding_deadline);
  if (Today(now) > deadline)
    return Error::FailedPrecondition("application " + app.id + ": the founding deadline " +
                                     app.founding_deadline +
                                     " has passed; the preparation lapses (REG-04)");
  if (*meeting > deadline ||
      (app.preparation_approved_at && *meeting < ChinaDate(*app.preparation_approved_at)))
    return Error::InvalidArgument(
        "founding_meeting_on",
        "REG-04: the founding meeting must be held between the preparation approval and " +
            app.founding_deadline + ", got " + in.founding_meeting_on);
  Application out = app;
  out.profile.individual_members = in.individual_members;
  out.profile.unit_members = in.unit_members;
  out.profile.funds_fen = in.funds_fen;
  if (auto e = CheckMembersAndFunds(out.profile, settings, /*check_members=*/true)) {
    // Name the fields of this request, not of the profile they land in.
    Error err = *e;
    if (err.message.rfind("profile.", 0) == 0) err.message = err.message.substr(8);
    return err;
  }
  out.status = ApplicationStatus::kSubmitted;
  out.stage = ApplicationStage::kEstablishment;
  out.version = app.version + 1;
  out.founding_meeting_on = FormatDate(*meeting);
  out.submitted_by = actor;
  out.submitted_at = now;
  out.decided_at.reset();
  out.decided_by = {};
  return out;
}

Result<Application> ExtendPreparation(const Application& app, int64_t expected_version,
                                      const std::string& reason, const RegistrySettings& settings,
                                      const Actor& actor, TimePoint now) {
  auto why = CheckText("reason", reason, kReason);
  if (!why) return why.error();
  if (auto e = CheckVersion("application", app.id, app.version, expected_version)) return *e;
  if (settings.preparation_extension_months <= 0)
    return Error::FailedPrecondition(
        "this registration authority grants no preparation extension (REG-05 is not in force "
        "here; REG-04 applies)");
  if (app.status != ApplicationStatus::kPrepApproved)
    return WrongState(app, "extended", "PREP_APPROVED", "REG-05");
  if (app.extension_used)
    return Error::FailedPrecondition("application " + app.id +
                                     " already used its one extension (REG-05)");
  const Date deadline = *ParseDate(app.founding_deadline);
  if (Today(now) > deadline)
    return Error::FailedPrecondition("application " + app.id + ": the founding deadline " +
                                     app.founding_deadline + " has passed (REG-05)");
  Application out = app;
  out.version = app.version + 1;
  out.extension_used = true;
  out.founding_deadline = FormatDate(AddMonths(deadline, settings.preparation_extension_months));
  (void)actor;
  return out;
}

Result<Application> LapsePreparation(const Application& app, const Actor& actor, TimePoint now) {
  if (app.status != ApplicationStatus::kPrepApproved)
    return WrongState(app, "lapsed", "PREP_APPROVED", "REG-04");
  if (Today(now) <= *ParseDate(app.founding_deadline))
    return Error::FailedPrecondition("application " + app.id + ": founding deadline " +
                                     app.founding_deadline + " has not passed (REG-04)");
  Application out = app;
  out.status = ApplicationStatus::kPrepLapsed;
  out.version = app.version + 1;
  out.decided_at = now;
  out.decided_by = actor;
  return out;
}

// ---- community filings ----

std::string FilingNumber(const std::string& authority_code, uint64_t serial) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08llu", static_cast<unsigned long long>(serial % 100000000));
  return "SQ" + authority_code + buf;
}

Result<Organization> FileCommunityOrganization(std::string filing_number, Profile profile,
                                               const RegistrySettings& settings, TimePoint now) {
  if (profile.kind != OrgKind::kCommunity)
    return Error::InvalidArgument("profile.org_type",
                                  "must be COMMUNITY for a filing; other kinds are registered");
  if (auto e = ValidateProfile(profile, settings, now)) return *e;
  auto street = CheckText("profile.filed_with", profile.filed_with, kShortText);
  if (!street) return street.error();
  profile.filed_with = std::move(street).value();
  switch (profile.community_form) {
    case CommunityForm::kMembership:
      if (profile.individual_members + profile.unit_members < kCommunityMinMembers)
        return Error::InvalidArgument(
            "profile.individual_members",
            "a membership (社团型) community organization needs at least 10 members, got " +
                std::to_string(profile.individual_members + profile.unit_members));
      break;
    case CommunityForm::kService:
      if (profile.staff_count < kCommunityMinStaff)
        return Error::InvalidArgument(
            "profile.staff_count",
            "a service (服务型) community organization needs at least 3 staff, got " +
                std::to_string(profile.staff_count));
      break;
    default:
      return Error::InvalidArgument("profile.community_form", "must be MEMBERSHIP or SERVICE");
  }
  Organization org;
  org.id = std::move(filing_number);
  org.profile = std::move(profile);
  org.status = OrgStatus::kFiled;
  org.version = 1;
  org.registered_at = now;
  org.status_changed_at = now;
  return org;
}

Result<Organization> RemoveFiling(const Organization& org, int64_t expected_version,
                                  const std::string& reason, TimePoint now) {
  auto why = CheckText("reason", reason, kReason);
  if (!why) return why.error();
  if (auto e = CheckVersion("organization", org.id, org.version, expected_version)) return *e;
  if (org.status != OrgStatus::kFiled)
    return WrongState(org, "removed from the filings", "FILED",
                      "community filings: 备案, domain.md §2.2");
  return MoveTo(org, OrgStatus::kFilingRemoved, std::move(why).value(), now);
}

// ---- change registration ----

bool MustAnnounce(const OrgChanges& c) { return c.name || c.domicile || c.legal_rep; }

Result<ChangeDecision> ApplyChange(std::string change_id, const Organization& org,
                                   int64_t expected_version, ChangeInput in,
                                   const RegistrySettings& settings, const Actor& actor,
                                   TimePoint now) {
  if (in.changes.empty())
    return Error::InvalidArgument("changes", "at least one registered item must change");
  auto consented = PastDate("consented_on", in.consented_on, now);
  if (!consented) return consented.error();
  // Validate the changed items as the whole profile they produce, so every registration rule
  // (REG-02/03/10/22, field lengths) applies to a change exactly as at establishment.
  Profile p = org.profile;
  OrgChanges& c = in.changes;
  if (c.name) p.name = *c.name;
  if (c.domicile) p.domicile = *c.domicile;
  if (c.legal_rep) p.legal_rep = *c.legal_rep;
  if (c.business_scope) p.business_scope = *c.business_scope;
  if (c.funds_fen) p.funds_fen = *c.funds_fen;
  if (c.supervisory_unit) p.supervisory_unit = *c.supervisory_unit;
  if (auto e = ValidateProfile(p, settings, now, /*check_members=*/false)) {
    Error err = *e;
    if (err.code == ErrorCode::kInvalidArgument && err.message.rfind("profile.", 0) == 0)
      err.message = "changes." + err.message.substr(8);
    return err;
  }
  if (c.name && p.name == org.profile.name)
    return Error::InvalidArgument("changes.name", "is the current name");
  // Store the normalized values.
  if (c.name) c.name = p.name;
  if (c.domicile) c.domicile = p.domicile;
  if (c.legal_rep) c.legal_rep = p.legal_rep;
  if (c.business_scope) c.business_scope = p.business_scope;
  if (c.supervisory_unit) c.supervisory_unit = p.supervisory_unit;

  if (auto e = CheckVersion("organization", org.id, org.version, expected_version)) return *e;
  if (org.status != OrgStatus::kActive)
    return WrongState(org, "changed", "ACTIVE (one change application at a time)",
                      org.status == OrgStatus::kLiquidating ? "REG-15" : "REG-12");

  ChangeDecision out;
  out.change.id = std::move(change_id);
  out.change.organization_id = org.id;
  out.change.jurisdiction = org.profile.jurisdiction;
  out.change.changes = std::move(in.changes);
  out.change.consented_on = FormatDate(*consented);
  out.change.late = Today(now) > *consented + std::chrono::days{kChangeDays};
  out.change.status = ChangeStatus::kPending;
  out.change.version = 1;
  out.change.applied_by = actor;
  out.change.applied_at = now;
  out.organization =
      MoveTo(org, OrgStatus::kChangePending, "change application " + out.change.id, now);
  out.organization.pending_change_id = out.change.id;
  return out;
}

Result<ChangeDecision> ApproveChange(const ChangeApplication& change, int64_t expected_version,
                                     const Organization& org, const Actor& actor, TimePoint now) {
  if (auto e = CheckVersion("change application", change.id, change.version, expected_version))
    return *e;
  if (change.status != ChangeStatus::kPending)
    return Error::FailedPrecondition("change application " + change.id + " is " +
                                     ToString(change.status) +
                                     "; only PENDING changes can be approved (REG-12)");
  if (org.status != OrgStatus::kChangePending || org.pending_change_id != change.id)
    return WrongState(org, "changed by " + change.id, "CHANGE_PENDING for that change", "REG-12");
  ChangeDecision out;
  out.change = change;
  out.change.status = ChangeStatus::kApproved;
  out.change.version = change.version + 1;
  out.change.decided_by = actor;
  out.change.decided_at = now;
  out.organization = MoveTo(org, OrgStatus::kActive, "change " + change.id + " approved", now);
  out.organization.pending_change_id.clear();
  Profile& p = out.organization.profile;
  const OrgChanges& c = change.changes;
  if (c.name) p.name = *c.name;
  if (c.domicile) p.domicile = *c.domicile;
  if (c.legal_rep) p.legal_rep = *c.legal_rep;
  if (c.business_scope) p.business_scope = *c.business_scope;
  if (c.funds_fen) p.funds_fen = *c.funds_fen;
  if (c.supervisory_unit) p.supervisory_unit = *c.supervisory_unit;
  return out;
}

Result<ChangeDecision> RejectChange(const ChangeApplication& change, int64_t expected_version,
                                    const Organization& org, const std::string& reason,
                                    const Actor& actor, TimePoint now) {
  auto why = CheckText("reason", reason, kReason);
  if (!why) return why.error();
  if (auto e = CheckVersion("change application", change.id, change.version, expected_version))
    return *e;
  if (change.status != ChangeStatus::kPending)
    return Error::FailedPrecondition("change application " + change.id + " is " +
                                     ToString(change.status) +
                                     "; only PENDING changes can be rejected (REG-12)");
  ChangeDecision out;
  out.change = change;
  out.change.status = ChangeStatus::kRejected;
  out.change.version = change.version + 1;
  out.change.decided_by = actor;
  out.change.decided_at = now;
  out.change.rejection_reason = std::move(why).value();
  // A penalty may have moved the organization on meanwhile; then its status stays, but its version
  // still advances so the event's sequence is new.
  out.organization = Next(org, now);
  if (org.status == OrgStatus::kChangePending && org.pending_change_id == change.id) {
    out.organization = MoveTo(org, OrgStatus::kActive, "change " + change.id + " rejected", now);
    out.organization.pending_change_id.clear();
  }
  return out;
}

std::optional<ChangeApplication> CloseChange(const ChangeApplication& change,
                                             const std::string& reason, const Actor& actor,
                                             TimePoint now) {
  if (change.status != ChangeStatus::kPending) return std::nullopt;
  ChangeApplication out = change;
  out.status = ChangeStatus::kRejected;
  out.version = change.version + 1;
  out.decided_by = actor;
  out.decided_at = now;
  out.rejection_reason = reason;
  return out;
}

// ---- articles and terms ----

Status CheckMayOperate(const Organization& org, const std::string& what) {
  switch (org.status) {
    case OrgStatus::kActive:
    case OrgStatus::kChangePending:
      return std::nullopt;
    case OrgStatus::kDissolutionResolved:
    case OrgStatus::kLiquidating:
    case OrgStatus::kCancelApplied:
      return Error::FailedPrecondition("organization " + org.id + " is " + ToString(org.status) +
                                       "; while winding up it may do nothing but liquidate, so " +
                                       what + " is refused (REG-15)");
    case OrgStatus::kRevoked:
    case OrgStatus::kCertRevoked:
      return Error::FailedPrecondition("organization " + org.id + " is " + ToString(org.status) +
                                       "; after revocation it may only liquidate, cancel and "
                                       "litigate, so " +
                                       what + " is refused (REG-19)");
    case OrgStatus::kSuspended:
      return Error::FailedPrecondition("organization " + org.id + " is SUSPENDED until " +
                                       org.suspended_until + "; " + what +
                                       " waits until it resumes (ENF-04)");
    case OrgStatus::kCancelled:
      return Error::FailedPrecondition("organization " + org.id +
                                       " is CANCELLED; its legal "
                                       "personality has ended, so " +
                                       what + " is refused (REG-19)");
    default:
      return Error::FailedPrecondition("organization " + org.id + " is " + ToString(org.status) +
                                       "; " + what +
                                       " needs a registered ACTIVE organization (domain.md §3.1)");
  }
}

Result<Organization> RecordArticles(const Organization& org, int64_t expected_version,
                                    const ArticlesInput& in, TimePoint now) {
  auto approved = PastDate("approved_on", in.approved_on, now);
  if (!approved) return approved.error();
  if (!IsHex64(in.text_sha256))
    return Error::InvalidArgument("text_sha256", "must be 64 lower-case hex digits (SHA-256)");
  std::string organ;
  if (!in.party_leading_organ.empty() || in.party_building_clause) {
    auto o = CheckText("party_leading_organ", in.party_leading_organ, kShortText);
    if (!o) {
      if (in.party_building_clause && Trim(in.party_leading_organ).empty())
        return Error::InvalidArgument("party_leading_organ",
                                      "PB-09: articles with the party-building clause name "
                                      "their 党建领导机关");
      return o.error();
    }
    organ = std::move(o).value();
  }
  if (auto e = CheckVersion("organization", org.id, org.version, expected_version)) return *e;
  if (org.profile.kind == OrgKind::kCommunity)
    return Error::FailedPrecondition("organization " + org.id +
                                     " is a FILED community organization: filings keep their "
                                     "articles with the filing, "
                                     "not as registered articles");
  if (auto e = CheckMayOperate(org, "recording articles")) return *e;
  Organization out = Next(org, now);
  out.articles.number = org.articles.number + 1;
  out.articles.approved_on = FormatDate(*approved);
  out.articles.party_building_clause = in.party_building_clause;
  out.articles.party_leading_organ = std::move(organ);
  out.articles.text_sha256 = in.text_sha256;
  out.articles.recorded_at = now;
  return out;
}

Result<Organization> RecordCouncilTerm(const Organization& org, int64_t expected_version,
                                       const std::string& start_date, const std::string& end_date,
                                       const std::string& review_id, TimePoint now) {
  auto start = ParseDateField("start_date", start_date);
  if (!start) return start.error();
  auto end = ParseDateField("end_date", end_date);
  if (!end) return end.error();
  const Date min_end = AddYears(*start, 4) - std::chrono::days{1};
  const Date max_end = AddYears(*start, 5) - std::chrono::days{1};
  if (*end < min_end || *end > max_end)
    return Error::InvalidArgument("end_date",
                                  "TE-01: a council term lasts 4 to 5 years, so it "
                                  "ends between " +
                                      FormatDate(min_end) + " and " + FormatDate(max_end) +
                                      ", got " + end_date);
  if (auto e = CheckVersion("organization", org.id, org.version, expected_version)) return *e;
  if (org.profile.kind == OrgKind::kCommunity)
    return Error::FailedPrecondition("organization " + org.id +
                                     " is a FILED community organization: filings have no "
                                     "registered council term (TE-01 applies to registered ones)");
  if (auto e = CheckMayOperate(org, "recording a council term")) return *e;
  Organization out = Next(org, now);
  out.council_term = CouncilTerm{FormatDate(*start), FormatDate(*end), "", review_id};
  return out;
}

Result<Organization> ExtendCouncilTerm(const Organization& org, int64_t expected_version,
                                       const std::string& extension_until,
                                       const std::string& reason, TimePoint now) {
  auto until = ParseDateField("extension_until", extension_until);
  if (!until) return until.error();
  auto why = CheckText("reason", reason, kReason);
  if (!why) return why.error();
  if (auto e = CheckVersion("organization", org.id, org.version, expected_version)) return *e;
  if (org.council_term.end_date.empty())
    return Error::FailedPrecondition("organization " + org.id +
                                     " has no council term recorded to extend (TE-01)");
  if (auto e = CheckMayOperate(org, "extending the council term")) return *e;
  const Date end = *ParseDate(org.council_term.end_date);
  if (*until <= end || *until > AddYears(end, 1))
    return Error::InvalidArgument("extension_until",
                                  "TE-01: the re-election may be postponed by at most one year, "
                                  "to a day after " +
                                      org.council_term.end_date + " and on or before " +
                                      FormatDate(AddYears(end, 1)) + ", got " + extension_until);
  Organization out = Next(org, now);
  out.council_term.extension_until = FormatDate(*until);
  return out;
}

bool OverdueReelection(const CouncilTerm& term, TimePoint now) {
  auto end = ParseDate(term.extension_until.empty() ? term.end_date : term.extension_until);
  return end && Today(now) > *end;
}

// ---- dissolution, liquidation, cancellation ----

Result<Organization> ResolveDissolution(const Organization& org, int64_t expected_version,
                                        DissolutionGround ground, const std::string& resolved_on,
                                        const std::string& consented_on, TimePoint now) {
  if (ground < DissolutionGround::kPurposeCompleted || ground > DissolutionGround::kOther)
    return Error::InvalidArgument(
        "ground", "REG-14: must be PURPOSE_COMPLETED, SELF_DISSOLUTION, SPLIT_OR_MERGER or OTHER");
  auto resolved = PastDate("resolved_on", resolved_on, now);
  if (!resolved) return resolved.error();
  if (!org.profile.supervisory_unit.empty() || !consented_on.empty()) {
    auto consented = PastDate("consented_on", consented_on, now);
    if (!consented) {
      if (consented_on.empty())
        return Error::InvalidArgument("consented_on", "REG-14: required, the supervisory unit " +
                                                          org.profile.supervisory_unit +
                                                          " must consent");
      return consented.error();
    }
  }
  if (auto e = CheckVersion("organization", org.id, org.version, expected_version)) return *e;
  if (org.profile.kind == OrgKind::kCommunity)
    return WrongState(org, "dissolved through liquidation", "a registered organization",
                      "REG-14; community filings are removed instead");
  if (org.status != OrgStatus::kActive) return WrongState(org, "dissolved", "ACTIVE", "REG-14");
  return MoveTo(org, OrgStatus::kDissolutionResolved, GroundText(ground), now);
}

Result<Organization> StartLiquidation(const Organization& org, int64_t expected_version,
                                      const std::vector<std::string>& liquidation_group,
                                      TimePoint now) {
  if (liquidation_group.empty() || liquidation_group.size() > 20)
    return Error::InvalidArgument("liquidation_group", "REG-15: 1 to 20 members");
  std::string members;
  for (size_t i = 0; i < liquidation_group.size(); ++i) {
    auto m =
        CheckText("liquidation_group[" + std::to_string(i) + "]", liquidation_group[i], kShortText);
    if (!m) return m.error();
    members += (i ? "、" : "") + *m;
  }
  if (auto e = CheckVersion("organization", org.id, org.version, expected_version)) return *e;
  if (org.status != OrgStatus::kDissolutionResolved && org.status != OrgStatus::kRevoked &&
      org.status != OrgStatus::kCertRevoked)
    return WrongState(org, "liquidated", "DISSOLUTION_RESOLVED, REVOKED or CERT_REVOKED",
                      "REG-15, REG-19");
  return MoveTo(org, OrgStatus::kLiquidating, "清算组: " + members, now);
}

Result<Organization> ApplyCancellation(const Organization& org, int64_t expected_version,
                                       const CancellationInput& in, TimePoint now) {
  auto ended = PastDate("liquidation_ended_on", in.liquidation_ended_on, now);
  if (!ended) return ended.error();
  auto disposition =
      CheckText("residual_assets_disposition", in.residual_assets_disposition, kReason);
  if (!disposition) return disposition.error();
  if (auto e = CheckVersion("organization", org.id, org.version, expected_version)) return *e;
  if (org.status != OrgStatus::kLiquidating)
    return WrongState(org, "cancelled", "LIQUIDATING", "REG-15, REG-16");
  if (!in.audit_report_received)
    return Error::FailedPrecondition("organization " + org.id +
                                     ": the liquidation audit report (清算审计) is required "
                                     "before cancellation (REG-15)");
  Organization out = MoveTo(org, OrgStatus::kCancelApplied, std::move(disposition).value(), now);
  out.liquidation_ended_on = FormatDate(*ended);
  out.cancellation_late = Today(now) > *ended + std::chrono::days{kCancellationDays};
  return out;
}

Result<Organization> ApproveCancellation(const Organization& org, int64_t expected_version,
                                         bool certificate_and_seals_collected, TimePoint now) {
  if (auto e = CheckVersion("organization", org.id, org.version, expected_version)) return *e;
  if (org.status != OrgStatus::kCancelApplied)
    return WrongState(org, "cancelled", "CANCEL_APPLIED", "REG-16");
  if (!certificate_and_seals_collected)
    return Error::FailedPrecondition("organization " + org.id +
                                     ": the certificate, seals and financial vouchers must be "
                                     "collected before cancellation (REG-16)");
  return MoveTo(org, OrgStatus::kCancelled, "注销", now);
}

Result<Organization> ResumeOrganization(const Organization& org, int64_t expected_version,
                                        const std::string& rectification_received_on,
                                        TimePoint now) {
  auto received = PastDate("rectification_received_on", rectification_received_on, now);
  if (!received) return received.error();
  if (auto e = CheckVersion("organization", org.id, org.version, expected_version)) return *e;
  if (org.status != OrgStatus::kSuspended)
    return WrongState(org, "resumed", "SUSPENDED",
                      "ENF-04: 限期停止活动 ends with the period and a rectification report");
  if (auto until = ParseDate(org.suspended_until); until && Today(now) <= *until)
    return Error::FailedPrecondition("organization " + org.id + " is suspended until " +
                                     org.suspended_until +
                                     "; it can resume only after the period ends");
  Organization out = MoveTo(org, OrgStatus::kActive,
                            "rectification report received " + FormatDate(*received), now);
  out.suspended_until.clear();
  return out;
}

// ---- penalties ----

Result<Organization> ApplyPenalty(const Organization& org, const PenaltyInput& in, TimePoint now) {
  const std::string because =
      "penalty case " + in.case_id + (in.basis.empty() ? "" : ", ") + in.basis;
  switch (in.effect) {
    case PenaltyEffect::kNone:
      return org;
    case PenaltyEffect::kSuspend: {
      auto until = ParseDateField("penalties.suspend_until", in.suspend_until);
      if (!until) return until.error();
      if (org.status != OrgStatus::kActive && org.status != OrgStatus::kChangePending &&
          org.status != OrgStatus::kSuspended)
        return WrongState(org, "suspended", "ACTIVE, CHANGE_PENDING or SUSPENDED", "ENF-04");
      Organization out = MoveTo(org, OrgStatus::kSuspended, "限期停止活动: " + because, now);
      // Two suspensions overlap: the later end holds.
      const auto current = ParseDate(org.suspended_until);
      out.suspended_until = FormatDate(
          org.status == OrgStatus::kSuspended && current && *current > *until ? *current : *until);
      out.penalty_case_id = in.case_id;
      // A pending change cannot be approved any more; it stays PENDING until rejected.
      out.pending_change_id.clear();
      return out;
    }
    case PenaltyEffect::kRevoke:
    case PenaltyEffect::kRevokeCertificate: {
      switch (org.status) {
        case OrgStatus::kActive:
        case OrgStatus::kChangePending:
        case OrgStatus::kSuspended:
        case OrgStatus::kDissolutionResolved:
          break;
        default:
          return WrongState(org, "revoked",
                            "ACTIVE, CHANGE_PENDING, SUSPENDED or DISSOLUTION_RESOLVED",
                            "REG-17, REG-19");
      }
      const bool cert = in.effect == PenaltyEffect::kRevokeCertificate;
      Organization out = MoveTo(org, cert ? OrgStatus::kCertRevoked : OrgStatus::kRevoked,
                                (cert ? "吊销登记证书: " : "撤销登记: ") + because, now);
      out.penalty_case_id = in.case_id;
      out.suspended_until.clear();
      out.pending_change_id.clear();
      return out;
    }
  }
  return org;
}

}  // namespace socgov::registration
