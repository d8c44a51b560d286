#include "party_building/api/party_building_handler.h"

#include "platform/grpcx/status.h"
#include "platform/store/redis.h"

namespace socgov::party_building {
namespace {

// Who may call what (issue 13 item 8): party-work officers keep the records; auditors and admins
// read them; viewers (and the other officers) read counts only: the coverage, never members or
// organizations' details.
#define WRITE_ROLES \
  { "party_work_officer", "admin" }
#define READ_DETAIL_ROLES \
  { "party_work_officer", "auditor", "admin" }
#define READ_COUNT_ROLES                                                                   \
  {                                                                                        \
    "party_work_officer", "auditor", "admin", "viewer", "clerk", "registrar", "inspector", \
        "enforcement_officer", "rating_officer"                                            \
  }

}  // namespace

// The one place a use case's outcome becomes a gRPC status: its Result, a Redis outage
// (UNAVAILABLE, never a crash), or an unexpected exception (INTERNAL, logged here once).
template <typename Resp, typename Call>
grpc::Status PartyBuildingHandler::Serve(grpc::ServerContext* ctx,
                                         std::initializer_list<std::string_view> roles, Resp* resp,
                                         Call&& call, std::source_location rpc) {
  try {
    auto who = grpcx::Authorize(*ctx, verifier_, clock_.Now(), roles);
    if (!who.ok()) return grpcx::ToGrpcStatus(who.error());
    auto r = call(*who);
    if (!r.ok()) return grpcx::ToGrpcStatus(r.error());
    *resp = std::move(r).value();
    return grpc::Status::OK;
  } catch (const store::RedisUnavailable& e) {
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        std::string("store unavailable: ") + e.what());
  } catch (const std::exception& e) {
    logger_.Error("unexpected exception in handler",
                  {{"rpc", rpc.function_name()}, {"error", e.what()}});
    return grpc::Status(grpc::StatusCode::INTERNAL, "internal error");
  }
}

PartyBuildingHandler::PartyBuildingHandler(PartyWork& work, const auth::TokenVerifier& verifier,
                                           const Clock& clock, const log::Logger& logger)
    : work_(work), verifier_(verifier), clock_(clock), logger_(logger) {}

grpc::Status PartyBuildingHandler::ProposePartyOrganization(
    grpc::ServerContext* ctx, const v1::ProposePartyOrganizationRequest* req,
    v1::PartyOrganization* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.Propose(who, *req); });
}

grpc::Status PartyBuildingHandler::ApprovePartyOrganization(
    grpc::ServerContext* ctx, const v1::ApprovePartyOrganizationRequest* req,
    v1::PartyOrganization* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.Approve(who, *req); });
}

grpc::Status PartyBuildingHandler::ActivatePartyOrganization(
    grpc::ServerContext* ctx, const v1::ActivatePartyOrganizationRequest* req,
    v1::PartyOrganization* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.Activate(who, *req); });
}

grpc::Status PartyBuildingHandler::DissolvePartyOrganization(
    grpc::ServerContext* ctx, const v1::DissolvePartyOrganizationRequest* req,
    v1::PartyOrganization* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.Dissolve(who, *req); });
}

grpc::Status PartyBuildingHandler::GetPartyOrganization(grpc::ServerContext* ctx,
                                                        const v1::GetPartyOrganizationRequest* req,
                                                        v1::PartyOrganization* resp) {
  return Serve(ctx, READ_DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return work_.GetOrg(who, *req); });
}

grpc::Status PartyBuildingHandler::ListPartyOrganizations(
    grpc::ServerContext* ctx, const v1::ListPartyOrganizationsRequest* req,
    v1::ListPartyOrganizationsResponse* resp) {
  return Serve(ctx, READ_DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return work_.ListOrgs(who, *req); });
}

grpc::Status PartyBuildingHandler::ApplyTemporaryBranch(grpc::ServerContext* ctx,
                                                        const v1::ApplyTemporaryBranchRequest* req,
                                                        v1::TemporaryBranch* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.ApplyBranch(who, *req); });
}

grpc::Status PartyBuildingHandler::ApproveTemporaryBranch(
    grpc::ServerContext* ctx, const v1::ApproveTemporaryBranchRequest* req,
    v1::TemporaryBranch* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.ApproveBranch(who, *req); });
}

grpc::Status PartyBuildingHandler::FileTemporaryBranch(grpc::ServerContext* ctx,
                                                       const v1::FileTemporaryBranchRequest* req,
                                                       v1::TemporaryBranch* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.FileBranch(who, *req); });
}

grpc::Status PartyBuildingHandler::GetTemporaryBranch(grpc::ServerContext* ctx,
                                                      const v1::GetTemporaryBranchRequest* req,
                                                      v1::TemporaryBranch* resp) {
  return Serve(ctx, READ_DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return work_.GetBranch(who, *req); });
}

grpc::Status PartyBuildingHandler::RecordBranchAction(grpc::ServerContext* ctx,
                                                      const v1::RecordBranchActionRequest* req,
                                                      v1::RecordBranchActionResponse* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.BranchAction(who, *req); });
}

grpc::Status PartyBuildingHandler::AddMember(grpc::ServerContext* ctx,
                                             const v1::AddMemberRequest* req,
                                             v1::PartyMember* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.AddMember(who, *req); });
}

grpc::Status PartyBuildingHandler::GetCoverage(grpc::ServerContext* ctx,
                                               const v1::GetCoverageRequest* req,
                                               v1::Coverage* resp) {
  return Serve(ctx, READ_COUNT_ROLES, resp,
               [&](const auth::Principal& who) { return work_.GetCoverage(who, *req); });
}

grpc::Status PartyBuildingHandler::StartTermElection(grpc::ServerContext* ctx,
                                                     const v1::StartTermElectionRequest* req,
                                                     v1::PartyOrganization* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.StartTermElection(who, *req); });
}

grpc::Status PartyBuildingHandler::CompleteTermElection(grpc::ServerContext* ctx,
                                                        const v1::CompleteTermElectionRequest* req,
                                                        v1::PartyOrganization* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.CompleteTermElection(who, *req); });
}

grpc::Status PartyBuildingHandler::RecordMeeting(grpc::ServerContext* ctx,
                                                 const v1::RecordMeetingRequest* req,
                                                 v1::Meeting* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.RecordMeeting(who, *req); });
}

grpc::Status PartyBuildingHandler::GetMeetingCompliance(grpc::ServerContext* ctx,
                                                        const v1::GetMeetingComplianceRequest* req,
                                                        v1::MeetingCompliance* resp) {
  return Serve(ctx, READ_DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return work_.GetMeetingCompliance(who, *req); });
}

grpc::Status PartyBuildingHandler::AppointInstructor(grpc::ServerContext* ctx,
                                                     const v1::AppointInstructorRequest* req,
                                                     v1::Instructor* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.AppointInstructor(who, *req); });
}

grpc::Status PartyBuildingHandler::EndInstructor(grpc::ServerContext* ctx,
                                                 const v1::EndInstructorRequest* req,
                                                 v1::Instructor* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.EndInstructor(who, *req); });
}

grpc::Status PartyBuildingHandler::RegisterMajorDecision(
    grpc::ServerContext* ctx, const v1::RegisterMajorDecisionRequest* req,
    v1::MajorDecision* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.RegisterDecision(who, *req); });
}

grpc::Status PartyBuildingHandler::RecordDecisionOpinion(
    grpc::ServerContext* ctx, const v1::RecordDecisionOpinionRequest* req,
    v1::MajorDecision* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.RecordOpinion(who, *req); });
}

grpc::Status PartyBuildingHandler::EscalateMajorDecision(
    grpc::ServerContext* ctx, const v1::EscalateMajorDecisionRequest* req,
    v1::MajorDecision* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.EscalateDecision(who, *req); });
}

grpc::Status PartyBuildingHandler::ResolveDecisionEscalation(
    grpc::ServerContext* ctx, const v1::ResolveDecisionEscalationRequest* req,
    v1::MajorDecision* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.ResolveEscalation(who, *req); });
}

grpc::Status PartyBuildingHandler::StartDecisionExecution(
    grpc::ServerContext* ctx, const v1::StartDecisionExecutionRequest* req,
    v1::MajorDecision* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.StartExecution(who, *req); });
}

grpc::Status PartyBuildingHandler::RecordDecisionDeviation(
    grpc::ServerContext* ctx, const v1::RecordDecisionDeviationRequest* req,
    v1::MajorDecision* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.RecordDeviation(who, *req); });
}

grpc::Status PartyBuildingHandler::ResolveDecisionDeviation(
    grpc::ServerContext* ctx, const v1::ResolveDecisionDeviationRequest* req,
    v1::MajorDecision* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.ResolveDeviation(who, *req); });
}

grpc::Status PartyBuildingHandler::CloseMajorDecision(grpc::ServerContext* ctx,
                                                      const v1::CloseMajorDecisionRequest* req,
                                                      v1::MajorDecision* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.CloseDecision(who, *req); });
}

grpc::Status PartyBuildingHandler::GetMajorDecision(grpc::ServerContext* ctx,
                                                    const v1::GetMajorDecisionRequest* req,
                                                    v1::MajorDecision* resp) {
  return Serve(ctx, READ_DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return work_.GetDecision(who, *req); });
}

grpc::Status PartyBuildingHandler::ListMajorDecisions(grpc::ServerContext* ctx,
                                                      const v1::ListMajorDecisionsRequest* req,
                                                      v1::ListMajorDecisionsResponse* resp) {
  return Serve(ctx, READ_DETAIL_ROLES, resp,
               [&](const auth::Principal& who) { return work_.ListDecisions(who, *req); });
}

grpc::Status PartyBuildingHandler::RecordActivity(grpc::ServerContext* ctx,
                                                  const v1::RecordActivityRequest* req,
                                                  v1::Activity* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.RecordActivity(who, *req); });
}

grpc::Status PartyBuildingHandler::RecordEvaluation(grpc::ServerContext* ctx,
                                                    const v1::RecordEvaluationRequest* req,
                                                    v1::Evaluation* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.RecordEvaluation(who, *req); });
}

grpc::Status PartyBuildingHandler::RecordAward(grpc::ServerContext* ctx,
                                               const v1::RecordAwardRequest* req, v1::Award* resp) {
  return Serve(ctx, WRITE_ROLES, resp,
               [&](const auth::Principal& who) { return work_.RecordAward(who, *req); });
}

grpc::Status PartyBuildingHandler::GetSummary(grpc::ServerContext* ctx,
                                              const v1::GetSummaryRequest* req, v1::Summary* resp) {
  return Serve(ctx, READ_COUNT_ROLES, resp,
               [&](const auth::Principal& who) { return work_.GetSummary(who, *req); });
}

}  // namespace socgov::party_building
