// The inputs of registration's use cases as plain structs (no transport types below the handler,
// architecture.md §2): api/ converts each gRPC request into one of these. Values are as the
// client sent them; the use cases validate them and name the request's fields in errors.
#pragma once

// Layer rule, enforced by the build (services/registration/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "registration/app is not visible from the domain and store layers"
#endif

#include <cstdint>
#include <string>
#include <vector>

#include "registration/domain/lifecycle.h"
#include "registration/domain/review.h"
#include "registration/domain/types.h"

namespace socgov::registration::app {

// ---- applications ----

struct SubmitApplication {
  std::string request_id;
  Profile profile;  // legal_rep carries the full ID number
  ApplicationStage stage = ApplicationStage::kUnspecified;
};
struct DecideApplication {  // approve
  std::string request_id;
  std::string application_id;
  int64_t version = 0;
};
struct RejectApplication {
  std::string request_id;
  std::string application_id;
  int64_t version = 0;
  std::string reason;
};
struct CheckName {
  std::string jurisdiction;  // empty: this register's authority
  OrgKind kind = OrgKind::kUnspecified;
  std::string name;
};
struct ListOrganizations {
  OrgKind kind = OrgKind::kUnspecified;
  OrgStatus status = OrgStatus::kUnspecified;
  std::string jurisdiction;
  std::string name_contains;
  std::string organization_id;
  std::string page_token;
  int32_t page_size = 0;
};

// ---- preparation (REG-04/05) ----

struct ApplyEstablishment {
  std::string request_id;
  std::string application_id;
  int64_t version = 0;
  EstablishmentInput establishment;
  std::string review_id;  // optional: a joint review that already allows it (REG-20)
};
struct ExtendPreparation {
  std::string request_id;
  std::string application_id;
  int64_t version = 0;
  std::string reason;
};

// ---- organizations ----

// The target every organization command names.
struct OrgTarget {
  std::string request_id;
  std::string organization_id;
  int64_t version = 0;
};
struct FileCommunity {
  std::string request_id;
  Profile profile;
};
struct RemoveFiling : OrgTarget {
  std::string reason;
};
struct ApplyChange : OrgTarget {
  ChangeInput change;  // changes.legal_rep carries the full ID number
  std::string review_id;
};
struct DecideChange {  // approve
  std::string request_id;
  std::string change_id;
  int64_t version = 0;
};
struct RejectChange : DecideChange {
  std::string reason;
};
struct RecordArticles : OrgTarget {
  ArticlesInput articles;
};
struct RecordCouncilTerm : OrgTarget {
  std::string start_date;
  std::string end_date;
  std::string review_id;
};
struct ExtendCouncilTerm : OrgTarget {
  std::string extension_until;
  std::string reason;
};
struct ResolveDissolution : OrgTarget {
  DissolutionGround ground = DissolutionGround::kUnspecified;
  std::string resolved_on;
  std::string consented_on;
};
struct StartLiquidation : OrgTarget {
  std::vector<std::string> liquidation_group;
};
struct ApplyCancellation : OrgTarget {
  CancellationInput cancellation;
};
struct ApproveCancellation : OrgTarget {
  bool certificate_and_seals_collected = false;
};
struct ResumeOrganization : OrgTarget {
  std::string rectification_received_on;
};

// ---- joint review (REG-20/21/22) ----

struct OpenReview {
  std::string request_id;
  std::string subject_id;
  ReviewTrigger trigger = ReviewTrigger::kUnspecified;
  std::vector<NomineeInput> nominees;
  std::vector<std::string> departments;
  int32_t answer_days = 0;
};
struct ReviewTarget {
  std::string request_id;
  std::string review_id;
  int64_t version = 0;
};
struct RecordOpinion : ReviewTarget {
  std::string department;
  Opinion opinion = Opinion::kUnspecified;
  std::string comment;
};
struct ConcludeReview : ReviewTarget {};
struct PublishReview : ReviewTarget {
  std::string from;
  std::string until;
};
struct FileReviewResult : ReviewTarget {
  std::string elected_on;
};

}  // namespace socgov::registration::app
