// gRPC requests as the use cases' plain commands (app/commands.h). Only api/ converts: below the
// handler nothing sees a request message. Enum values outside the known set are kept (as
// out-of-range domain values) so that validation, not conversion, rejects them with a field name.
#pragma once

// Layer rule, enforced by the build (services/registration/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE) || defined(SOCGOV_LAYER_APP)
#error "registration/api is visible only from the api layer and main"
#endif

#include "registration/app/commands.h"
#include "registration/domain/types.h"
#include "socgov/registration/v1/registration_service.pb.h"

namespace socgov::registration {

namespace pb = ::socgov::registration::v1;

Profile FromProto(const pb::OrganizationProfile& p, const std::string& legal_rep_id_number);
OrgKind FromProto(pb::OrgType t);
OrgStatus FromProto(pb::OrgStatus s);
OrgChanges FromProto(const pb::OrganizationChanges& c, const std::string& legal_rep_id_number);

app::SubmitApplication ToCommand(const pb::SubmitApplicationRequest& r);
app::DecideApplication ToCommand(const pb::ApproveApplicationRequest& r);
app::RejectApplication ToCommand(const pb::RejectApplicationRequest& r);
app::CheckName ToCommand(const pb::CheckNameRequest& r);
app::ListOrganizations ToCommand(const pb::ListOrganizationsRequest& r);
app::ApplyEstablishment ToCommand(const pb::ApplyEstablishmentRequest& r);
app::ExtendPreparation ToCommand(const pb::ExtendPreparationRequest& r);
app::FileCommunity ToCommand(const pb::FileCommunityOrganizationRequest& r);
app::RemoveFiling ToCommand(const pb::RemoveFilingRequest& r);
app::ApplyChange ToCommand(const pb::ApplyChangeRequest& r);
app::DecideChange ToCommand(const pb::ApproveChangeRequest& r);
app::RejectChange ToCommand(const pb::RejectChangeRequest& r);
app::RecordArticles ToCommand(const pb::RecordArticlesRequest& r);
app::RecordCouncilTerm ToCommand(const pb::RecordCouncilTermRequest& r);
app::ExtendCouncilTerm ToCommand(const pb::ExtendCouncilTermRequest& r);
app::ResolveDissolution ToCommand(const pb::ResolveDissolutionRequest& r);
app::StartLiquidation ToCommand(const pb::StartLiquidationRequest& r);
app::ApplyCancellation ToCommand(const pb::ApplyCancellationRequest& r);
app::ApproveCancellation ToCommand(const pb::ApproveCancellationRequest& r);
app::ResumeOrganization ToCommand(const pb::ResumeOrganizationRequest& r);
app::OpenReview ToCommand(const pb::OpenReviewRequest& r);
app::RecordOpinion ToCommand(const pb::RecordOpinionRequest& r);
app::ConcludeReview ToCommand(const pb::ConcludeReviewRequest& r);
app::PublishReview ToCommand(const pb::PublishReviewRequest& r);
app::FileReviewResult ToCommand(const pb::FileReviewResultRequest& r);

}  // namespace socgov::registration
