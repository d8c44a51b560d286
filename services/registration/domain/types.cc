#include "registration/domain/types.h"

#include <array>
#include <utility>

namespace socgov::registration {
namespace {

// Names indexed by the enum's value; out-of-range values (a cast from an unchecked wire integer)
// print as UNSPECIFIED rather than returning null, so logging an invalid value can never crash.
template <typename Enum, size_t N>
const char* Name(Enum v, const std::array<const char*, N>& names) {
  const auto i = static_cast<int>(v);
  return i > 0 && static_cast<size_t>(i) < N ? names[i] : "UNSPECIFIED";
}

constexpr std::array<const char*, 5> kOrgKinds = {"UNSPECIFIED", "SOCIAL_GROUP", "SOCIAL_SERVICE",
                                                  "FOUNDATION", "COMMUNITY"};
constexpr std::array<const char*, 6> kApplicationStatuses = {
    "UNSPECIFIED", "SUBMITTED", "APPROVED", "REJECTED", "PREP_APPROVED", "PREP_LAPSED"};
constexpr std::array<const char*, 12> kOrgStatuses = {
    "UNSPECIFIED", "ACTIVE",         "CHANGE_PENDING", "SUSPENDED", "DISSOLUTION_RESOLVED",
    "LIQUIDATING", "CANCEL_APPLIED", "CANCELLED",      "REVOKED",   "CERT_REVOKED",
    "FILED",       "FILING_REMOVED"};
constexpr std::array<const char*, 3> kFoundationKinds = {"UNSPECIFIED", "PUBLIC", "NON_PUBLIC"};
constexpr std::array<const char*, 3> kStages = {"UNSPECIFIED", "PREPARATION", "ESTABLISHMENT"};
constexpr std::array<const char*, 4> kChangeStatuses = {"UNSPECIFIED", "PENDING", "APPROVED",
                                                        "REJECTED"};
constexpr std::array<const char*, 5> kTriggers = {"UNSPECIFIED", "ESTABLISHMENT", "REELECTION",
                                                  "MIDTERM_CHANGE", "CHANGE"};
constexpr std::array<const char*, 4> kReviewStatuses = {"UNSPECIFIED", "OPEN", "PASSED", "FAILED"};
constexpr std::array<const char*, 5> kOpinions = {"UNSPECIFIED", "PENDING", "NO_OBJECTION",
                                                  "OBJECTION", "LAPSED"};

template <typename Enum, size_t N>
Enum FromName(std::string_view s, const std::array<const char*, N>& names) {
  for (size_t i = 1; i < N; ++i)
    if (s == names[i]) return static_cast<Enum>(i);
  return static_cast<Enum>(0);
}

}  // namespace

const char* ToString(OrgKind k) { return Name(k, kOrgKinds); }
const char* ToString(ApplicationStatus s) { return Name(s, kApplicationStatuses); }
const char* ToString(OrgStatus s) { return Name(s, kOrgStatuses); }
const char* ToString(FoundationKind k) { return Name(k, kFoundationKinds); }
const char* ToString(ApplicationStage s) { return Name(s, kStages); }
const char* ToString(ChangeStatus s) { return Name(s, kChangeStatuses); }
const char* ToString(ReviewTrigger t) { return Name(t, kTriggers); }
const char* ToString(ReviewStatus s) { return Name(s, kReviewStatuses); }
const char* ToString(Opinion o) { return Name(o, kOpinions); }

OrgStatus OrgStatusFromString(std::string_view s) { return FromName<OrgStatus>(s, kOrgStatuses); }
ApplicationStatus ApplicationStatusFromString(std::string_view s) {
  return FromName<ApplicationStatus>(s, kApplicationStatuses);
}

}  // namespace socgov::registration
