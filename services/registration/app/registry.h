// Registration use cases: load → decide (pure domain) → save state, indexes, idempotency record and
// events in one store call. Callers pass an authenticated principal; every use case checks the
// entity's jurisdiction against it (architecture.md §5), not only the request's.
#pragma once

// Layer rule, enforced by the build (services/registration/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "registration/app is not visible from the domain and store layers"
#endif

#include <functional>
#include <string>
#include <vector>

#include "platform/auth/token.h"
#include "platform/outbox/outbox.h"
#include "platform/store/command.h"
#include "platform/store/mutation.h"
#include "platform/util/clock.h"
#include "platform/util/error.h"
#include "registration/app/commands.h"
#include "registration/domain/types.h"
#include "socgov/registration/v1/registration_service.pb.h"

namespace socgov::registration {

// Registration's store (store/registration_store.h): only the use cases see it, so its header is
// not included here, where api/ reads the use cases.
class RegistrationStore;

class Registry {
 public:
  Registry(RegistrationStore& store, RegistrySettings settings, const Clock& clock);

  Result<v1::SubmitApplicationResponse> Submit(const auth::Principal& who,
                                               app::SubmitApplication in);
  Result<v1::ApproveApplicationResponse> Approve(const auth::Principal& who,
                                                 const app::DecideApplication& in);
  Result<v1::RejectApplicationResponse> Reject(const auth::Principal& who,
                                               app::RejectApplication in);
  Result<v1::Application> GetApplication(const auth::Principal& who, const std::string& id);
  Result<v1::Organization> GetOrganization(const auth::Principal& who, const std::string& id);
  Result<v1::ListOrganizationsResponse> ListOrganizations(const auth::Principal& who,
                                                          const app::ListOrganizations& in);
  Result<v1::CheckNameResponse> CheckName(const auth::Principal& who, const app::CheckName& in);

  // Preparation (preparation_commands.cc).
  Result<v1::Application> ApplyEstablishment(const auth::Principal& who,
                                             const app::ApplyEstablishment& in);
  Result<v1::Application> ExtendPreparation(const auth::Principal& who,
                                            const app::ExtendPreparation& in);
  Result<v1::LapsePreparationsResponse> LapsePreparations(const auth::Principal& who);

  // Organization lifecycle (organization_commands.cc).
  Result<v1::Organization> FileCommunity(const auth::Principal& who, const app::FileCommunity& in);
  Result<v1::Organization> RemoveFiling(const auth::Principal& who, const app::RemoveFiling& in);
  Result<v1::ChangeApplication> ApplyChange(const auth::Principal& who, const app::ApplyChange& in);
  Result<v1::ApproveChangeResponse> ApproveChange(const auth::Principal& who,
                                                  const app::DecideChange& in);
  Result<v1::ChangeApplication> RejectChange(const auth::Principal& who,
                                             const app::RejectChange& in);
  Result<v1::ChangeApplication> GetChange(const auth::Principal& who, const std::string& id);
  Result<v1::Organization> RecordArticles(const auth::Principal& who,
                                          const app::RecordArticles& in);
  Result<v1::Organization> RecordCouncilTerm(const auth::Principal& who,
                                             const app::RecordCouncilTerm& in);
  Result<v1::Organization> ExtendCouncilTerm(const auth::Principal& who,
                                             const app::ExtendCouncilTerm& in);
  Result<v1::Organization> ResolveDissolution(const auth::Principal& who,
                                              const app::ResolveDissolution& in);
  Result<v1::Organization> StartLiquidation(const auth::Principal& who,
                                            const app::StartLiquidation& in);
  Result<v1::Organization> ApplyCancellation(const auth::Principal& who,
                                             const app::ApplyCancellation& in);
  Result<v1::Organization> ApproveCancellation(const auth::Principal& who,
                                               const app::ApproveCancellation& in);
  Result<v1::Organization> ResumeOrganization(const auth::Principal& who,
                                              const app::ResumeOrganization& in);

  // Joint review (review_commands.cc).
  Result<v1::ReviewCase> OpenReview(const auth::Principal& who, const app::OpenReview& in);
  Result<v1::ReviewCase> RecordOpinion(const auth::Principal& who, const app::RecordOpinion& in);
  Result<v1::ReviewCase> ConcludeReview(const auth::Principal& who, const app::ConcludeReview& in);
  Result<v1::ReviewCase> PublishReview(const auth::Principal& who, const app::PublishReview& in);
  Result<v1::ReviewCase> FileReviewResult(const auth::Principal& who,
                                          const app::FileReviewResult& in);
  Result<v1::ReviewCase> GetReview(const auth::Principal& who, const std::string& id);

  // The writes of supervision's penalty decision (penalty_decisions.cc; `event_id` is its ce-id):
  // the organization's suspension or revocation, its event, and the closing of a pending change.
  // The consumer router commits them with its inbox and gate records. nullopt for a penalty
  // without effect on registration (warning, fine, ...) or a case already applied. kNotFound for
  // organizations not registered here, kFailedPrecondition when its state does not allow the
  // penalty.
  Result<std::optional<store::Mutation>> DecidePenalty(const std::string& event_id,
                                                       const std::string& case_decided_bytes);
  // Low-activity community filings removed by a supervision campaign (campaign.filing_removed):
  // the filing's removal, as the router's writes; nullopt when it is already removed.
  Result<std::optional<store::Mutation>> DecideFilingRemoval(const std::string& event_id,
                                                             const std::string& campaign_bytes);

  const RegistrySettings& settings() const { return settings_; }

 private:
  // An organization command: validate the request id, replay a stored response, load the
  // organization (NOT_FOUND / PERMISSION_DENIED) with `extra` reads in the same round trip,
  // decide with `decide` (given those reads' replies), then store the new state, its
  // status-index move, the event and the response in one mutation.
  using Decide = std::function<Result<Organization>(const Organization&, TimePoint,
                                                    const std::vector<store::Value>& extra)>;
  using EventOf = std::function<std::vector<outbox::OutboxEvent>(
      const Organization& before, const Organization& after, TimePoint now)>;
  Result<v1::Organization> OrgCommand(const auth::Principal& who, const char* rpc,
                                      const app::OrgTarget& target, const Decide& decide,
                                      const EventOf& events,
                                      std::vector<std::vector<std::string>> extra = {});
  // The standard OrganizationStatusChanged event for `after`'s transition.
  std::vector<outbox::OutboxEvent> StatusEvent(const auth::Principal& who, const char* event,
                                               const Organization& before,
                                               const Organization& after,
                                               std::vector<std::string> rule_ids, TimePoint now,
                                               const std::string& cause_event_id = "") const;
  // A review command: as OrgCommand, for a review case.
  using DecideReview = std::function<Result<ReviewCase>(const ReviewCase&, TimePoint)>;
  Result<v1::ReviewCase> ReviewCommand(const auth::Principal& who, const char* rpc,
                                       const app::ReviewTarget& target, const char* event,
                                       const DecideReview& decide);
  // REG-20: when required, a PASSED review of `subject_id` for one of `triggers` that names the
  // person (empty: any nominee). `review_id` non-empty: that review; else any of the subject's.
  // `already_used`: a review that may not serve again (the current term's). `read`: the
  // subject's reviews when the command read them with its target (keys::ReviewsOfRead), else
  // they are read here.
  Status CheckJointReview(const std::string& subject_id, const std::string& review_id,
                          const std::vector<ReviewTrigger>& triggers,
                          const std::string& person_id_number, std::string* used_review_id,
                          const std::string& already_used = "", const store::Value* read = nullptr);
  // The reads a command adds so that CheckJointReview needs none: the subject's reviews, when
  // REG-20 applies.
  std::vector<std::vector<std::string>> JointReviewReads(const std::string& subject_id) const;
  // ApproveApplication of a preparation (preparation_commands.cc).
  Result<v1::ApproveApplicationResponse> ApprovePreparationCommand(const auth::Principal& who,
                                                                   const std::string& idem,
                                                                   const Application& app,
                                                                   int64_t version, TimePoint now);
  // Adds the organization's hash write, version guard and status-index move to `m`.
  void AddOrgWrite(store::Mutation& m, const Organization& before, const Organization& after);
  outbox::OutboxEvent Event(const google::protobuf::Message& body, const std::string& aggregate,
                            const std::string& event, const std::string& aggregate_id,
                            int64_t version, const std::string& jurisdiction,
                            const std::string& actor, TimePoint now) const;

  RegistrationStore& store_;
  RegistrySettings settings_;
  const Clock& clock_;
};

// Request ids are client-chosen idempotency keys: 1..128 printable ASCII characters.
using store::ValidateRequestId;
// The request id, the target's id (`field`: required, at most 64 characters) and the version read.
Status ValidateTarget(const std::string& request_id, const char* field, const std::string& id,
                      int64_t version);
// A credit code (GB 32100) or a community filing number.
Status ValidateOrganizationId(const std::string& field, const std::string& id);

}  // namespace socgov::registration
