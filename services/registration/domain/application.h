// The establishment application: validation (REG-01/02/03/10, field rules) and the state machine
// SUBMITTED → APPROVED | REJECTED (domain.md §3.1). Pure: time and ids are passed in.
#pragma once

#include <string>

#include "platform/util/error.h"
#include "registration/domain/text.h"
#include "registration/domain/types.h"

namespace socgov::registration {

// Field names in errors are the API's field paths, e.g. "profile.name",
// "legal_representative_id_number", "profile.funds.fen".
// Checks every field of a profile before anything is stored; on success the ID number is
// normalized (15 → 18 digits, upper-case X) in `profile`.
// REG-01 is skipped when check_members is false (a preparation, or a change that keeps members).
Status ValidateProfile(Profile& profile, const RegistrySettings& settings, TimePoint now,
                       bool check_members = true);
// REG-01/02 (social groups) and REG-10 (foundations).
Status CheckMembersAndFunds(const Profile& p, const RegistrySettings& settings, bool check_members);

// Validates and builds a SUBMITTED application at version 1. An unspecified stage means
// PREPARATION for social groups (REG-04) and ESTABLISHMENT for the others; foundations need a
// deployment that registers them (REG-11); community organizations are filed, not registered.
Result<Application> SubmitApplication(std::string id, Profile profile, ApplicationStage stage,
                                      Actor actor, const RegistrySettings& settings, TimePoint now);

struct Approval {
  Application application;    // APPROVED, version + 1
  Organization organization;  // ACTIVE, version 1, id = credit_code
};
// kAborted when expected_version differs; kFailedPrecondition unless SUBMITTED.
Result<Approval> ApproveApplication(const Application& app, int64_t expected_version,
                                    std::string credit_code, const Actor& actor, TimePoint now);
// Also kInvalidArgument "reason" when the reason is empty or longer than 500 characters.
Result<Application> RejectApplication(const Application& app, int64_t expected_version,
                                      std::string reason, const Actor& actor, TimePoint now);

}  // namespace socgov::registration
