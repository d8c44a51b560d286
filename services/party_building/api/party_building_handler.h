// gRPC handlers of PartyBuildingService: authenticate, authorize the roles of each RPC, call
// PartyWork, map errors to statuses. No Redis or NATS here.
#pragma once

// Layer rule, enforced by the build (services/party_building/CMakeLists.txt).
#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE) || defined(SOCGOV_LAYER_APP)
#error "party_building/api is visible only from the api layer and the service definition"
#endif

#include <source_location>

#include "party_building/app/party_work.h"
#include "platform/auth/token.h"
#include "platform/log/log.h"
#include "platform/util/clock.h"
#include "socgov/party_building/v1/party_building_service.grpc.pb.h"

namespace socgov::party_building {

class PartyBuildingHandler final : public v1::PartyBuildingService::Service {
 public:
  PartyBuildingHandler(PartyWork& work, const auth::TokenVerifier& verifier, const Clock& clock,
                       const log::Logger& logger);
  grpc::Status ProposePartyOrganization(grpc::ServerContext* ctx,
                                        const v1::ProposePartyOrganizationRequest* req,
                                        v1::PartyOrganization* resp) override;
  grpc::Status ApprovePartyOrganization(grpc::ServerContext* ctx,
                                        const v1::ApprovePartyOrganizationRequest* req,
                                        v1::PartyOrganization* resp) override;
  grpc::Status ActivatePartyOrganization(grpc::ServerContext* ctx,
                                         const v1::ActivatePartyOrganizationRequest* req,
                                         v1::PartyOrganization* resp) override;
  grpc::Status DissolvePartyOrganization(grpc::ServerContext* ctx,
                                         const v1::DissolvePartyOrganizationRequest* req,
                                         v1::PartyOrganization* resp) override;
  grpc::Status GetPartyOrganization(grpc::ServerContext* ctx,
                                    const v1::GetPartyOrganizationRequest* req,
                                    v1::PartyOrganization* resp) override;
  grpc::Status ListPartyOrganizations(grpc::ServerContext* ctx,
                                      const v1::ListPartyOrganizationsRequest* req,
                                      v1::ListPartyOrganizationsResponse* resp) override;
  grpc::Status ApplyTemporaryBranch(grpc::ServerContext* ctx,
                                    const v1::ApplyTemporaryBranchRequest* req,
                                    v1::TemporaryBranch* resp) override;
  grpc::Status ApproveTemporaryBranch(grpc::ServerContext* ctx,
                                      const v1::ApproveTemporaryBranchRequest* req,
                                      v1::TemporaryBranch* resp) override;
  grpc::Status FileTemporaryBranch(grpc::ServerContext* ctx,
                                   const v1::FileTemporaryBranchRequest* req,
                                   v1::TemporaryBranch* resp) override;
  grpc::Status GetTemporaryBranch(grpc::ServerContext* ctx,
                                  const v1::GetTemporaryBranchRequest* req,
                                  v1::TemporaryBranch* resp) override;
  grpc::Status RecordBranchAction(grpc::ServerContext* ctx,
                                  const v1::RecordBranchActionRequest* req,
                                  v1::RecordBranchActionResponse* resp) override;
  grpc::Status AddMember(grpc::ServerContext* ctx, const v1::AddMemberRequest* req,
                         v1::PartyMember* resp) override;
  grpc::Status GetCoverage(grpc::ServerContext* ctx, const v1::GetCoverageRequest* req,
                           v1::Coverage* resp) override;

  grpc::Status StartTermElection(grpc::ServerContext* ctx, const v1::StartTermElectionRequest* req,
                                 v1::PartyOrganization* resp) override;
  grpc::Status CompleteTermElection(grpc::ServerContext* ctx,
                                    const v1::CompleteTermElectionRequest* req,
                                    v1::PartyOrganization* resp) override;
  grpc::Status RecordMeeting(grpc::ServerContext* ctx, const v1::RecordMeetingRequest* req,
                             v1::Meeting* resp) override;
  grpc::Status GetMeetingCompliance(grpc::ServerContext* ctx,
                                    const v1::GetMeetingComplianceRequest* req,
                                    v1::MeetingCompliance* resp) override;
  grpc::Status AppointInstructor(grpc::ServerContext* ctx, const v1::AppointInstructorRequest* req,
                                 v1::Instructor* resp) override;
  grpc::Status EndInstructor(grpc::ServerContext* ctx, const v1::EndInstructorRequest* req,
                             v1::Instructor* resp) override;
  grpc::Status RegisterMajorDecision(grpc::ServerContext* ctx,
                                     const v1::RegisterMajorDecisionRequest* req,
                                     v1::MajorDecision* resp) override;
  grpc::Status RecordDecisionOpinion(grpc::ServerContext* ctx,
                                     const v1::RecordDecisionOpinionRequest* req,
                                     v1::MajorDecision* resp) override;
  grpc::Status EscalateMajorDecision(grpc::ServerContext* ctx,
                                     const v1::EscalateMajorDecisionRequest* req,
                                     v1::MajorDecision* resp) override;
  grpc::Status ResolveDecisionEscalation(grpc::ServerContext* ctx,
                                         const v1::ResolveDecisionEscalationRequest* req,
                                         v1::MajorDecision* resp) override;
  grpc::Status StartDecisionExecution(grpc::ServerContext* ctx,
                                      const v1::StartDecisionExecutionRequest* req,
                                      v1::MajorDecision* resp) override;
  grpc::Status RecordDecisionDeviation(grpc::ServerContext* ctx,
                                       const v1::RecordDecisionDeviationRequest* req,
                                       v1::MajorDecision* resp) override;
  grpc::Status ResolveDecisionDeviation(grpc::ServerContext* ctx,
                                        const v1::ResolveDecisionDeviationRequest* req,
                                        v1::MajorDecision* resp) override;
  grpc::Status CloseMajorDecision(grpc::ServerContext* ctx,
                                  const v1::CloseMajorDecisionRequest* req,
                                  v1::MajorDecision* resp) override;
  grpc::Status GetMajorDecision(grpc::ServerContext* ctx, const v1::GetMajorDecisionRequest* req,
                                v1::MajorDecision* resp) override;
  grpc::Status ListMajorDecisions(grpc::ServerContext* ctx,
                                  const v1::ListMajorDecisionsRequest* req,
                                  v1::ListMajorDecisionsResponse* resp) override;
  grpc::Status RecordActivity(grpc::ServerContext* ctx, const v1::RecordActivityRequest* req,
                              v1::Activity* resp) override;
  grpc::Status RecordEvaluation(grpc::ServerContext* ctx, const v1::RecordEvaluationRequest* req,
                                v1::Evaluation* resp) override;
  grpc::Status RecordAward(grpc::ServerContext* ctx, const v1::RecordAwardRequest* req,
                           v1::Award* resp) override;
  grpc::Status GetSummary(grpc::ServerContext* ctx, const v1::GetSummaryRequest* req,
                          v1::Summary* resp) override;

 private:
  template <typename Resp, typename Call>
  grpc::Status Serve(grpc::ServerContext* ctx, std::initializer_list<std::string_view> roles,
                     Resp* resp, Call&& call,
                     std::source_location rpc = std::source_location::current());

  PartyWork& work_;
  const auth::TokenVerifier& verifier_;
  const Clock& clock_;
  const log::Logger& logger_;
};

}  // namespace socgov::party_building
