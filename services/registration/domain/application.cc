#include "registration/domain/application.h"

#include <array>
#include <string>
#include <utility>

#include "registration/domain/credit_code.h"
#include "registration/domain/id_number.h"
#include "registration/domain/names.h"
#include "registration/domain/text.h"

namespace socgov::registration {
namespace {

// The Ministry of Civil Affairs; every other authority is local for REG-02/03/10.
constexpr std::string_view kNationalAuthority = "100000";

// ¥1,000,000,000,000: far above any real fund, low enough that sums of a few never overflow int64.
constexpr int64_t kMaxFundsFen = 100'000'000'000'000;

constexpr int64_t kFenPerYuan = 100;

// REG-02: activity funds of a social group, in fen.
constexpr int64_t kNationalGroupMinFen = 100'000 * kFenPerYuan;
constexpr int64_t kLocalGroupMinFen = 30'000 * kFenPerYuan;
// REG-10: original fund of a foundation, in fen.
constexpr int64_t kNationalPublicFoundationMinFen = 8'000'000 * kFenPerYuan;
constexpr int64_t kLocalPublicFoundationMinFen = 4'000'000 * kFenPerYuan;
constexpr int64_t kNonPublicFoundationMinFen = 2'000'000 * kFenPerYuan;

// REG-03: words that claim national standing.
constexpr std::array<std::string_view, 3> kNationalWords = {"中国", "全国", "中华"};

constexpr size_t kMaxReasonLength = 500;

bool IsNational(const RegistrySettings& settings) {
  return settings.authority_code == kNationalAuthority;
}

bool IsSixDigits(std::string_view s) {
  if (s.size() != 6) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "¥30,000" for messages: thresholds are whole yuan, and clerks think in yuan, not fen.
std::string Yuan(int64_t fen) {
  std::string digits = std::to_string(fen / kFenPerYuan);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return "¥" + out;
}

std::string AtLeast(int64_t min_fen, int64_t got_fen) {
  return "at least " + Yuan(min_fen) + " (" + std::to_string(min_fen) + " fen), got " +
         std::to_string(got_fen) + " fen";
}

bool IsKnownKind(OrgKind kind) {
  switch (kind) {
    case OrgKind::kSocialGroup:
    case OrgKind::kSocialService:
    case OrgKind::kFoundation:
    case OrgKind::kCommunity:
      return true;
    case OrgKind::kUnspecified:
      break;
  }
  return false;
}

// REG-01 (社团条例 Art 10).
Status CheckSocialGroupMembers(const Profile& p) {
  const int64_t individual = p.individual_members;
  const int64_t unit = p.unit_members;
  const bool ok = (unit == 0 && individual >= 50) || (individual == 0 && unit >= 30) ||
                  (unit > 0 && individual > 0 && unit + individual >= 50);
  if (ok) return std::nullopt;
  return Error::InvalidArgument(
      "profile.individual_members",
      "REG-01: a social group needs at least 50 individual members, or at least 30 unit "
      "members, or at least 50 members in total when both kinds join (got " +
          std::to_string(individual) + " individual, " + std::to_string(unit) + " unit)");
}

// REG-02 (社团条例 Art 10).
Status CheckSocialGroupFunds(const Profile& p, const RegistrySettings& settings) {
  const bool national = IsNational(settings);
  const int64_t min = national ? kNationalGroupMinFen : kLocalGroupMinFen;
  if (p.funds_fen >= min) return std::nullopt;
  return Error::InvalidArgument(
      "profile.funds.fen", std::string("REG-02: a social group registered by a ") +
                               (national ? "national" : "local") +
                               " authority needs activity funds of " + AtLeast(min, p.funds_fen));
}

// REG-10 (基金会条例 Art 8).
Status CheckFoundation(const Profile& p, const RegistrySettings& settings) {
  int64_t min = 0;
  std::string what;
  switch (p.foundation_kind) {
    case FoundationKind::kPublic:
      if (IsNational(settings)) {
        min = kNationalPublicFoundationMinFen;
        what = "a national public foundation";
      } else {
        min = kLocalPublicFoundationMinFen;
        what = "a local public foundation";
      }
      break;
    case FoundationKind::kNonPublic:
      min = kNonPublicFoundationMinFen;
      what = "a non-public foundation";
      break;
    case FoundationKind::kUnspecified:
    default:
      return Error::InvalidArgument("profile.foundation_kind",
                                    "REG-10: a foundation must be PUBLIC or NON_PUBLIC");
  }
  if (p.funds_fen < min) {
    return Error::InvalidArgument(
        "profile.funds.fen",
        "REG-10: " + what + " needs an original fund of " + AtLeast(min, p.funds_fen));
  }
  if (!p.funds_in_cash) {
    return Error::InvalidArgument("profile.funds_in_cash",
                                  "REG-10: a foundation's original fund must be received in cash");
  }
  return std::nullopt;
}

// Both transitions start from SUBMITTED at the caller's version (optimistic concurrency).
Status CheckDecidable(const Application& app, int64_t expected_version, std::string_view verb) {
  if (expected_version != app.version) {
    return Error::Aborted("application " + app.id + " is at version " +
                          std::to_string(app.version) + ", request had " +
                          std::to_string(expected_version));
  }
  if (app.status != ApplicationStatus::kSubmitted) {
    return Error::FailedPrecondition(
        "application " + app.id + " is " + ToString(app.status) +
        "; only SUBMITTED applications can be " + std::string(verb) +
        " (REG-04, REG-09: a decision answers a submitted application)");
  }
  return std::nullopt;
}

}  // namespace

Status CheckMembersAndFunds(const Profile& p, const RegistrySettings& settings,
                            bool check_members) {
  switch (p.kind) {
    case OrgKind::kSocialGroup:
      if (check_members)
        if (auto err = CheckSocialGroupMembers(p)) return err;
      return CheckSocialGroupFunds(p, settings);
    case OrgKind::kFoundation:
      return CheckFoundation(p, settings);
    default:
      return std::nullopt;
  }
}

Status ValidateProfile(Profile& profile, const RegistrySettings& settings, TimePoint now,
                       bool check_members) {
  // Work on a copy so a failed validation leaves the caller's profile untouched.
  Profile p = profile;

  if (!IsKnownKind(p.kind)) {
    return Error::InvalidArgument("profile.org_type",
                                  "must be SOCIAL_GROUP, SOCIAL_SERVICE, FOUNDATION or COMMUNITY");
  }

  auto name = CheckText("profile.name", p.name, {.min = 2, .max = 50, .single_line = true});
  if (!name) return name.error();
  p.name = std::move(name).value();
  if (auto problems = CheckNameForm(p.name, p.kind, IsNational(settings)); !problems.empty()) {
    return Error::InvalidArgument("profile.name",
                                  problems.front().rule_id + ": " + problems.front().message);
  }

  auto domicile =
      CheckText("profile.domicile", p.domicile, {.min = 1, .max = 200, .single_line = false});
  if (!domicile) return domicile.error();
  p.domicile = std::move(domicile).value();

  auto scope = CheckText("profile.business_scope", p.business_scope,
                         {.min = 1, .max = 1000, .single_line = false});
  if (!scope) return scope.error();
  p.business_scope = std::move(scope).value();

  auto rep_name = CheckText("profile.legal_representative.name", p.legal_rep.name,
                            {.min = 1, .max = 50, .single_line = true});
  if (!rep_name) return rep_name.error();
  p.legal_rep.name = std::move(rep_name).value();

  // REG-22.
  auto id = ParseIdNumber("legal_representative_id_number", Trim(p.legal_rep.id_number), now);
  if (!id) return id.error();
  p.legal_rep.id_number = std::move(id).value().normalized;

  // Filed community organizations often run without funds of their own; registered ones must
  // state their activity funds, start-up funds or original fund.
  if (p.kind == OrgKind::kCommunity ? p.funds_fen < 0 : p.funds_fen <= 0)
    return Error::InvalidArgument("profile.funds.fen", p.kind == OrgKind::kCommunity
                                                           ? "must not be negative"
                                                           : "must be positive");
  if (p.funds_fen > kMaxFundsFen) {
    return Error::InvalidArgument("profile.funds.fen",
                                  "must be at most " + std::to_string(kMaxFundsFen));
  }

  if (!IsSixDigits(p.jurisdiction)) {
    return Error::InvalidArgument("profile.jurisdiction", "must be a 6-digit GB/T 2260 code");
  }
  // A deployment registers only for itself; registering elsewhere is another registry's act.
  if (p.jurisdiction != settings.authority_code) {
    return Error::InvalidArgument(
        "profile.jurisdiction",
        "must be this registration authority's code " + settings.authority_code);
  }

  if (p.individual_members < 0) {
    return Error::InvalidArgument("profile.individual_members", "must not be negative");
  }
  if (p.unit_members < 0) {
    return Error::InvalidArgument("profile.unit_members", "must not be negative");
  }

  if (p.staff_count < 0)
    return Error::InvalidArgument("profile.staff_count", "must not be negative");

  if (auto err = CheckMembersAndFunds(p, settings, check_members)) return err;
  if (p.kind != OrgKind::kFoundation && p.foundation_kind != FoundationKind::kUnspecified) {
    return Error::InvalidArgument("profile.foundation_kind", "only for foundations");
  }
  if (p.kind == OrgKind::kSocialService) {
    if (p.social_service_form < SocialServiceForm::kLegalPerson ||
        p.social_service_form > SocialServiceForm::kIndividual)
      return Error::InvalidArgument("profile.social_service_form",
                                    "must be LEGAL_PERSON, PARTNERSHIP or INDIVIDUAL");
  } else if (p.social_service_form != SocialServiceForm::kUnspecified) {
    return Error::InvalidArgument("profile.social_service_form",
                                  "only for social service organizations");
  }
  if (p.kind != OrgKind::kCommunity && p.community_form != CommunityForm::kUnspecified) {
    return Error::InvalidArgument("profile.community_form", "only for community organizations");
  }
  if (p.kind != OrgKind::kCommunity && !p.filed_with.empty()) {
    return Error::InvalidArgument("profile.filed_with", "only for community organizations");
  }
  if (!p.supervisory_unit.empty()) {
    auto unit = CheckText("profile.supervisory_unit", p.supervisory_unit,
                          {.min = 1, .max = 100, .single_line = true});
    if (!unit) return unit.error();
    p.supervisory_unit = std::move(unit).value();
  }

  profile = std::move(p);
  return std::nullopt;
}

Result<Application> SubmitApplication(std::string id, Profile profile, ApplicationStage stage,
                                      Actor actor, const RegistrySettings& settings,
                                      TimePoint now) {
  if (id.empty()) return Error::InvalidArgument("id", "must not be empty");
  if (profile.kind == OrgKind::kCommunity) {
    return Error::InvalidArgument("profile.org_type",
                                  "community organizations are filed with "
                                  "FileCommunityOrganization, not registered");
  }
  const bool group = profile.kind == OrgKind::kSocialGroup;
  if (stage == ApplicationStage::kUnspecified)
    stage = group ? ApplicationStage::kPreparation : ApplicationStage::kEstablishment;
  if (stage != ApplicationStage::kPreparation && stage != ApplicationStage::kEstablishment)
    return Error::InvalidArgument("stage", "must be PREPARATION or ESTABLISHMENT");
  if (group && stage != ApplicationStage::kPreparation)
    return Error::InvalidArgument(
        "stage", "REG-04: a social group applies for preparation (筹备) first, then establishment");
  if (!group && stage == ApplicationStage::kPreparation)
    return Error::InvalidArgument("stage", "only social groups have a preparation stage");
  // Founders rarely have every member at preparation: REG-01 is checked at establishment.
  if (auto err = ValidateProfile(profile, settings, now, /*check_members=*/!group)) return *err;
  if (profile.kind == OrgKind::kFoundation && !settings.foundations_registrable) {
    return Error::FailedPrecondition(
        "REG-11: foundations are registered only by the Ministry or a provincial department "
        "(or an authority they entrusted); registration authority " +
        settings.authority_code + " is not");
  }
  Application app;
  app.id = std::move(id);
  app.profile = std::move(profile);
  app.stage = stage;
  app.status = ApplicationStatus::kSubmitted;
  app.version = 1;
  app.submitted_by = std::move(actor);
  app.submitted_at = now;
  return app;
}

Result<Approval> ApproveApplication(const Application& app, int64_t expected_version,
                                    std::string credit_code, const Actor& actor, TimePoint now) {
  if (auto err = CheckDecidable(app, expected_version, "approved")) return *err;
  if (app.stage == ApplicationStage::kPreparation) {
    return Error::FailedPrecondition("application " + app.id +
                                     " is a preparation; approve it with ApprovePreparation "
                                     "(REG-04)");
  }
  // The code comes from the service's own allocator, so a bad one is a bug, not bad input.
  if (!IsValidCreditCode(credit_code)) {
    return Error::Internal("credit code " + credit_code + " for application " + app.id +
                           " is not a valid GB 32100 code");
  }
  Approval out;
  out.application = app;
  out.application.status = ApplicationStatus::kApproved;
  out.application.version = app.version + 1;
  out.application.decided_at = now;
  out.application.decided_by = actor;
  out.application.organization_id = credit_code;

  out.organization.id = std::move(credit_code);
  out.organization.profile = app.profile;
  out.organization.status = OrgStatus::kActive;
  out.organization.version = 1;
  out.organization.registered_at = now;
  out.organization.status_changed_at = now;
  out.organization.application_id = app.id;
  return out;
}

Result<Application> RejectApplication(const Application& app, int64_t expected_version,
                                      std::string reason, const Actor& actor, TimePoint now) {
  if (auto err = CheckDecidable(app, expected_version, "rejected")) return *err;
  auto trimmed =
      CheckText("reason", reason, {.min = 1, .max = kMaxReasonLength, .single_line = false});
  if (!trimmed) return trimmed.error();
  Application out = app;
  out.status = ApplicationStatus::kRejected;
  out.version = app.version + 1;
  out.decided_at = now;
  out.decided_by = actor;
  out.rejection_reason = std::move(trimmed).value();
  return out;
}

}  // namespace socgov::registration
