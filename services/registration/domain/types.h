// Registration entities as plain C++ values (no protobuf, no Redis): domain.md §2.2, §3.1.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/clock.h"

namespace socgov::registration {

// Numeric values equal the protobuf enums' (socgov.registration.v1), so conversion is a cast and
// unknown wire values stay visible to validation.
enum class OrgKind {
  kUnspecified = 0,
  kSocialGroup = 1,
  kSocialService = 2,
  kFoundation = 3,
  kCommunity = 4  // filed, not registered
};
enum class FoundationKind { kUnspecified = 0, kPublic = 1, kNonPublic = 2 };
enum class SocialServiceForm {
  kUnspecified = 0,
  kLegalPerson = 1,
  kPartnership = 2,
  kIndividual = 3
};
enum class CommunityForm { kUnspecified = 0, kMembership = 1, kService = 2 };
enum class ApplicationStage { kUnspecified = 0, kPreparation = 1, kEstablishment = 2 };
enum class ApplicationStatus {
  kUnspecified = 0,
  kSubmitted = 1,
  kApproved = 2,
  kRejected = 3,
  kPrepApproved = 4,
  kPrepLapsed = 5
};
enum class OrgStatus {
  kUnspecified = 0,
  kActive = 1,
  kChangePending = 2,
  kSuspended = 3,
  kDissolutionResolved = 4,
  kLiquidating = 5,
  kCancelApplied = 6,
  kCancelled = 7,
  kRevoked = 8,
  kCertRevoked = 9,
  kFiled = 10,
  kFilingRemoved = 11
};
enum class DissolutionGround {
  kUnspecified = 0,
  kPurposeCompleted = 1,
  kSelfDissolution = 2,
  kSplitOrMerger = 3,
  kOther = 4
};
enum class ChangeStatus { kUnspecified = 0, kPending = 1, kApproved = 2, kRejected = 3 };
enum class ReviewTrigger {
  kUnspecified = 0,
  kEstablishment = 1,
  kReelection = 2,
  kMidtermChange = 3,
  kChange = 4
};
enum class ReviewStatus { kUnspecified = 0, kOpen = 1, kPassed = 2, kFailed = 3 };
enum class Opinion {
  kUnspecified = 0,
  kPending = 1,
  kNoObjection = 2,
  kObjection = 3,
  kLapsed = 4
};

// Upper-case names as in the protobuf enums without their prefix ("SOCIAL_GROUP", "ACTIVE", ...);
// out-of-range values print as "UNSPECIFIED".
const char* ToString(OrgKind k);
const char* ToString(ApplicationStatus s);
const char* ToString(OrgStatus s);
const char* ToString(FoundationKind k);
const char* ToString(ApplicationStage s);
const char* ToString(ChangeStatus s);
const char* ToString(ReviewTrigger t);
const char* ToString(ReviewStatus s);
const char* ToString(Opinion o);
// Inverse of ToString for statuses read back from the store; kUnspecified when unknown.
OrgStatus OrgStatusFromString(std::string_view s);
ApplicationStatus ApplicationStatusFromString(std::string_view s);

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
  SocialServiceForm social_service_form = SocialServiceForm::kUnspecified;
  CommunityForm community_form = CommunityForm::kUnspecified;
  int32_t staff_count = 0;
  std::string supervisory_unit;  // empty: direct registration (REG-07) or a community filing
  std::string filed_with;        // community filings: street office or township
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
  ApplicationStage stage = ApplicationStage::kEstablishment;
  std::optional<TimePoint> preparation_approved_at;
  std::string founding_deadline;  // YYYY-MM-DD (REG-04/05)
  bool extension_used = false;
  std::string founding_meeting_on;  // YYYY-MM-DD
  std::string review_id;            // REG-20
};

struct CouncilTerm {
  std::string start_date;       // YYYY-MM-DD
  std::string end_date;         // YYYY-MM-DD
  std::string extension_until;  // YYYY-MM-DD or empty (TE-01: ≤ 1 year after end_date)
  std::string review_id;
};

struct ArticlesVersion {
  int32_t number = 0;  // 0: none recorded
  std::string approved_on;
  bool party_building_clause = false;  // PB-09
  std::string party_leading_organ;
  std::string text_sha256;
  std::optional<TimePoint> recorded_at;
};

struct Organization {
  std::string id;  // = credit code
  Profile profile;
  OrgStatus status = OrgStatus::kUnspecified;
  int64_t version = 0;
  uint64_t serial = 0;      // position in the register (credit-code / filing serial)
  TimePoint registered_at;  // registration or filing time
  std::string application_id;
  CouncilTerm council_term;  // start_date empty: none recorded
  ArticlesVersion articles;
  std::string status_reason;
  std::optional<TimePoint> status_changed_at;
  std::string suspended_until;  // YYYY-MM-DD
  std::string penalty_case_id;
  std::string pending_change_id;
  std::string liquidation_ended_on;  // YYYY-MM-DD
  bool cancellation_late = false;    // REG-16
};

// The registered items a change application changes; unset ones stay.
struct OrgChanges {
  std::optional<std::string> name;
  std::optional<std::string> domicile;
  std::optional<Person> legal_rep;
  std::optional<std::string> business_scope;
  std::optional<int64_t> funds_fen;
  std::optional<std::string> supervisory_unit;
  bool empty() const {
    return !name && !domicile && !legal_rep && !business_scope && !funds_fen && !supervisory_unit;
  }
};

struct ChangeApplication {
  std::string id;
  std::string organization_id;
  std::string jurisdiction;  // the organization's
  OrgChanges changes;
  std::string consented_on;  // YYYY-MM-DD
  bool late = false;         // REG-12
  ChangeStatus status = ChangeStatus::kUnspecified;
  int64_t version = 0;
  Actor applied_by;
  TimePoint applied_at;
  Actor decided_by;
  std::optional<TimePoint> decided_at;
  std::string rejection_reason;
  std::string review_id;
};

struct Nominee {
  Person person;  // full ID number, normalized
  std::string post;
  bool retired_cadre = false;
  int32_t other_posts = 0;
  int32_t terms_served = 0;
  std::string birth_date;  // YYYY-MM-DD, from the ID number
};

struct DepartmentOpinion {
  std::string department;
  std::string deadline;  // YYYY-MM-DD
  Opinion opinion = Opinion::kPending;
  std::string comment;
  Actor recorded_by;
  std::optional<TimePoint> recorded_at;
};

// A responsible-person joint review (负责人联审, REG-20/21/22).
struct ReviewCase {
  std::string id;
  std::string subject_id;  // credit code, or application id before establishment
  std::string jurisdiction;
  ReviewTrigger trigger = ReviewTrigger::kUnspecified;
  std::vector<Nominee> nominees;
  std::vector<DepartmentOpinion> opinions;
  ReviewStatus status = ReviewStatus::kUnspecified;
  int64_t version = 0;
  Actor opened_by;
  TimePoint opened_at;
  std::optional<TimePoint> concluded_at;
  std::string publicity_from;   // YYYY-MM-DD
  std::string publicity_until;  // YYYY-MM-DD
  std::string elected_on;       // YYYY-MM-DD
  std::optional<TimePoint> filed_at;
};

// What a deployment is: the registration authority it acts as.
struct RegistrySettings {
  std::string authority_code;  // 6-digit code of this deployment's registration authority
  // REG-11: foundations are registered by provincial (or entrusted) authorities only.
  bool foundations_registrable = false;
  // REG-04: months from preparation approval to the founding meeting.
  int founding_months = 6;
  // REG-05 (Hubei): one extension of this many months; 0 = no extension.
  int preparation_extension_months = 0;
  // REG-05 (Hubei): months a lapsed preparation's name stays blocked; 0 = not blocked.
  int lapse_name_block_months = 0;
  // REG-20: establishment, re-election and legal-representative changes need a passed review.
  bool joint_review_required = true;
  // Departments consulted by default in a joint review.
  std::vector<std::string> review_departments = {"社会工作部", "纪委监委", "组织部",    "统战部",
                                                 "公安局",     "人民法院", "人民检察院"};
  // Days a department has to answer by default.
  int review_answer_days = 10;
};

}  // namespace socgov::registration
