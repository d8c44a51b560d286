// Registration entities as plain C++ values (no protobuf, no Redis): domain.md §2.2, §3.1.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/util/clock.h"

namespace socgov::registration {

enum class OrgKind { kUnspecified = 0, kSocialGroup = 1, kSocialService = 2, kFoundation = 3 };
enum class FoundationKind { kUnspecified = 0, kPublic = 1, kNonPublic = 2 };
enum class ApplicationStatus { kUnspecified = 0, kSubmitted = 1, kApproved = 2, kRejected = 3 };
enum class OrgStatus { kUnspecified = 0, kActive = 1 };

const char* ToString(OrgKind k);            // "SOCIAL_GROUP", ...
const char* ToString(ApplicationStatus s);  // "SUBMITTED", ...
const char* ToString(OrgStatus s);          // "ACTIVE"
const char* ToString(FoundationKind k);     // "PUBLIC", ...

struct Actor {
  std::string subject;
  std::vector<std::string> roles;
  std::string jurisdiction;
};

struct Person {
  std::string name;
  std::string id_number;  // full GB 11643 number (uppercase X); only registration stores it
};

struct Profile {
  OrgKind kind = OrgKind::kUnspecified;
  std::string name;
  std::string domicile;
  Person legal_rep;
  int64_t funds_fen = 0;
  std::string business_scope;
  std::string jurisdiction;
  int32_t individual_members = 0;
  int32_t unit_members = 0;
  FoundationKind foundation_kind = FoundationKind::kUnspecified;
  bool funds_in_cash = false;
};

struct Application {
  std::string id;
  Profile profile;
  ApplicationStatus status = ApplicationStatus::kUnspecified;
  int64_t version = 0;
  Actor submitted_by;
  TimePoint submitted_at;
  std::optional<TimePoint> decided_at;
  Actor decided_by;
  std::string rejection_reason;
  std::string organization_id;
};

struct Organization {
  std::string id;  // = credit code
  Profile profile;
  OrgStatus status = OrgStatus::kUnspecified;
  int64_t version = 0;
  TimePoint registered_at;
  std::string application_id;
};

// What a deployment is: the registration authority it acts as.
struct RegistrySettings {
  std::string authority_code;  // 6-digit code of this deployment's registration authority
};

}  // namespace socgov::registration
