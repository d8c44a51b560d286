// The establishment application: validation (REG-01/02/03/10, field rules) and the state machine
// SUBMITTED → APPROVED | REJECTED (domain.md §3.1). Pure: time and ids are passed in.
#pragma once

#include <string>

#include "platform/util/error.h"
#include "registration/domain/types.h"

namespace socgov::registration {

// Field names in errors are the API's field paths, e.g. "profile.name",
// "legal_representative_id_number", "profile.funds.fen".
// Checks every field of a profile before anything is stored; on success the ID number is
// normalized (15 → 18 digits, upper-case X) in `profile`.
Status ValidateProfile(Profile& profile, const RegistrySettings& settings, TimePoint now);

// Validates and builds a SUBMITTED application at version 1.
Result<Application> SubmitApplication(std::string id, Profile profile, Actor actor,
                                      const RegistrySettings& settings, TimePoint now);

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

// Length in Unicode code points of UTF-8 text; nullopt when the text is not valid UTF-8.
std::optional<size_t> Utf8Length(std::string_view s);

}  // namespace socgov::registration
