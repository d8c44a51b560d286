#include "registration/domain/types.h"

namespace socgov::registration {

// Out-of-range values (a cast from an unchecked wire integer) print as UNSPECIFIED rather than
// returning null, so logging an invalid value can never crash.

const char* ToString(OrgKind k) {
  switch (k) {
    case OrgKind::kSocialGroup:
      return "SOCIAL_GROUP";
    case OrgKind::kSocialService:
      return "SOCIAL_SERVICE";
    case OrgKind::kFoundation:
      return "FOUNDATION";
    case OrgKind::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

const char* ToString(ApplicationStatus s) {
  switch (s) {
    case ApplicationStatus::kSubmitted:
      return "SUBMITTED";
    case ApplicationStatus::kApproved:
      return "APPROVED";
    case ApplicationStatus::kRejected:
      return "REJECTED";
    case ApplicationStatus::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

const char* ToString(OrgStatus s) {
  switch (s) {
    case OrgStatus::kActive:
      return "ACTIVE";
    case OrgStatus::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

const char* ToString(FoundationKind k) {
  switch (k) {
    case FoundationKind::kPublic:
      return "PUBLIC";
    case FoundationKind::kNonPublic:
      return "NON_PUBLIC";
    case FoundationKind::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

}  // namespace socgov::registration
