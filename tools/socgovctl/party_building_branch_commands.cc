// "socgovctl pb ..." for temporary branches (临时党支部, Neijiang, PB-06/07): the application,
// approval and filing with their document numbers and dates, reading one, and checking an action
// a temporary branch may (educate, manage, supervise) or may not take (PB-06).
#include "party_building_cli.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::Option;

int ApplyTemporary(const Context& ctx, const Config& flags) {
  pbpb::ApplyTemporaryBranchRequest request;
  request.set_host_organization_id(Required(flags, "host-org"));
  request.set_parent_id(Required(flags, "parent"));
  Required(flags, "formal-members-not-transferred");
  request.set_formal_members_not_transferred(CountFlag(flags, "formal-members-not-transferred"));
  request.set_application_doc_no(Required(flags, "application-doc-no"));
  request.set_applied_on(DateFlag(flags, "applied-on", false));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response =
      PbCall(ctx, *PartyBuildingStub(ctx), &PbStub::ApplyTemporaryBranch, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int ApproveTemporary(const Context& ctx, const Config& flags) {
  pbpb::ApproveTemporaryBranchRequest request;
  request.set_branch_id(Required(flags, "branch"));
  *request.mutable_approver() = ApproverFlags(flags);
  request.set_approval_doc_no(Required(flags, "approval-doc-no"));
  request.set_secretary_person_id(Required(flags, "secretary"));
  request.set_approved_on(DateFlag(flags, "approved-on", false));
  request.set_request_id(RequestId(flags));
  auto stub = PartyBuildingStub(ctx);
  request.set_version(BranchVersion(ctx, *stub, flags, request.branch_id()));
  PrintJson(ctx, PbCall(ctx, *stub, &PbStub::ApproveTemporaryBranch, request));
  return kExitOk;
}

int FileTemporary(const Context& ctx, const Config& flags) {
  pbpb::FileTemporaryBranchRequest request;
  request.set_branch_id(Required(flags, "branch"));
  request.set_filing_doc_no(Required(flags, "filing-doc-no"));
  request.set_filed_on(DateFlag(flags, "filed-on", false));
  request.set_request_id(RequestId(flags));
  auto stub = PartyBuildingStub(ctx);
  request.set_version(BranchVersion(ctx, *stub, flags, request.branch_id()));
  PrintJson(ctx, PbCall(ctx, *stub, &PbStub::FileTemporaryBranch, request));
  return kExitOk;
}

int GetTemporary(const Context& ctx, const Config& flags) {
  pbpb::GetTemporaryBranchRequest request;
  request.set_branch_id(Required(flags, "branch"));
  return PbCallAndPrint(ctx, &PbStub::GetTemporaryBranch, request);
}

// Refused actions answer FAILED_PRECONDITION naming PB-06: exit 1 with the service's message.
int BranchAction(const Context& ctx, const Config& flags) {
  pbpb::RecordBranchActionRequest request;
  request.set_branch_id(Required(flags, "branch"));
  request.set_action(EnumFlag<pbpb::BranchAction>(flags, "action", true));
  return PbCallAndPrint(ctx, &PbStub::RecordBranchAction, request);
}

}  // namespace

std::vector<Command> PbBranchCommands() {
  std::vector<Option> approve = {kPbBranch};
  for (Option& option : ApproverOptions()) approve.push_back(std::move(option));
  approve.insert(approve.end(),
                 {{"approval-doc-no", "", "the approval's (批复) document number (required)"},
                  {"secretary", "", "person id of the secretary it appoints (required, PB-06)"},
                  {"approved-on", "", "day of the approval, YYYY-MM-DD (default: today)"},
                  kPbVersion,
                  kPbRequestId});
  return {
      {"pb",
       "apply-temporary",
       "a council applies for a temporary branch (申请, PB-07): PROPOSED; term = the council's",
       {{"host-org", "",
         "social organization whose council it sits in (credit code; registered, with a "
         "council term) (required)"},
        {"parent", "", "the higher party organization applied to (required)"},
        {"formal-members-not-transferred", "",
         "formal council members whose membership is not transferred in; PB-07: at least 3 "
         "(required)"},
        {"application-doc-no", "", "the application's document number (required)"},
        {"applied-on", "", "day of the application, YYYY-MM-DD (default: today)"},
        kPbRequestId,
        {"output", "json", "json | id (the temporary branch id)"}},
       {},
       ApplyTemporary},
      {"pb", "approve-temporary",
       "an organization with authority over probationary members approves it (批复, PB-07)",
       approve, kPbApproverSwitches, ApproveTemporary},
      {"pb",
       "file-temporary",
       "file the approval (备案): ACTIVE",
       {kPbBranch,
        {"filing-doc-no", "", "the filing's document number (required)"},
        {"filed-on", "", "day filed, YYYY-MM-DD (default: today)"},
        kPbVersion,
        kPbRequestId},
       {},
       FileTemporary},
      {"pb", "temporary-branch", "read one temporary branch", {kPbBranch}, {}, GetTemporary},
      {"pb",
       "branch-action",
       "check an action of a temporary branch; refused ones exit 1 naming PB-06 (nothing stored)",
       {kPbBranch, {"action", "", Choices(pbpb::BranchAction_descriptor(), true)}},
       {},
       BranchAction},
  };
}

}  // namespace socgov::ctl
