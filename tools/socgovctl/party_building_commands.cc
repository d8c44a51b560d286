// "socgovctl pb ...": one command per PartyBuildingService RPC (this file: party organizations,
// members and coverage; party_building_branch_commands.cc: temporary branches). Each builds the
// request from its flags, calls through PbCall (failures surface as RpcFailure) and prints the
// response as JSON, or its id alone for --output id.
#include "party_building_cli.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;
using config::Option;

// The types a proposal may name: a temporary branch goes through pb apply-temporary (PB-07).
std::string ProposableTypes() {
  std::string choices = EnumChoices(*pbpb::PartyOrgType_descriptor());
  const std::string temporary = " | TEMPORARY_BRANCH";
  if (const size_t at = choices.find(temporary); at != std::string::npos) {
    choices.erase(at, temporary.size());
  }
  return choices;
}

// ---- party organizations ----------------------------------------------------------------------

int Propose(const Context& ctx, const Config& flags) {
  pbpb::ProposePartyOrganizationRequest request;
  request.set_type(EnumFlag<pbpb::PartyOrgType>(flags, "type", true));
  if (request.type() == pbpb::PARTY_ORG_TYPE_TEMPORARY_BRANCH) {
    throw ConfigError("--type TEMPORARY_BRANCH is not proposed: use pb apply-temporary (PB-07)");
  }
  const std::vector<std::string> covered = RepeatedFlag(flags, "org", true);
  if (covered.empty()) throw ConfigError("--org is required (one per covered organization)");
  for (const std::string& org : covered) request.add_covered_organization_ids(org);
  request.set_parent_id(flags.Get("parent"));
  request.set_formal_members(CountFlag(flags, "formal-members"));
  request.set_probationary_members(CountFlag(flags, "probationary-members"));
  request.set_size_exception_approved(flags.GetBool("size-exception-approved"));
  request.set_proposed_on(DateFlag(flags, "proposed-on", false));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response =
      PbCall(ctx, *PartyBuildingStub(ctx), &PbStub::ProposePartyOrganization, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int Approve(const Context& ctx, const Config& flags) {
  pbpb::ApprovePartyOrganizationRequest request;
  request.set_party_org_id(Required(flags, "party-org"));
  *request.mutable_approver() = ApproverFlags(flags);
  request.set_approved_on(DateFlag(flags, "approved-on", false));
  request.set_request_id(RequestId(flags));
  auto stub = PartyBuildingStub(ctx);
  request.set_version(PartyOrgVersion(ctx, *stub, flags, request.party_org_id()));
  PrintJson(ctx, PbCall(ctx, *stub, &PbStub::ApprovePartyOrganization, request));
  return kExitOk;
}

int Activate(const Context& ctx, const Config& flags) {
  pbpb::ActivatePartyOrganizationRequest request;
  request.set_party_org_id(Required(flags, "party-org"));
  *request.mutable_leadership() = LeadershipFlags(flags);
  request.set_term_start(DateFlag(flags, "term-start", true));
  request.set_term_end(DateFlag(flags, "term-end", true));
  request.set_on(DateFlag(flags, "on", false));
  request.set_request_id(RequestId(flags));
  auto stub = PartyBuildingStub(ctx);
  request.set_version(PartyOrgVersion(ctx, *stub, flags, request.party_org_id()));
  PrintJson(ctx, PbCall(ctx, *stub, &PbStub::ActivatePartyOrganization, request));
  return kExitOk;
}

int Dissolve(const Context& ctx, const Config& flags) {
  pbpb::DissolvePartyOrganizationRequest request;
  request.set_party_org_id(Required(flags, "party-org"));
  request.set_dissolved_on(DateFlag(flags, "dissolved-on", false));
  request.set_request_id(RequestId(flags));
  auto stub = PartyBuildingStub(ctx);
  request.set_version(PartyOrgVersion(ctx, *stub, flags, request.party_org_id()));
  PrintJson(ctx, PbCall(ctx, *stub, &PbStub::DissolvePartyOrganization, request));
  return kExitOk;
}

int GetPartyOrg(const Context& ctx, const Config& flags) {
  pbpb::GetPartyOrganizationRequest request;
  request.set_party_org_id(Required(flags, "party-org"));
  return PbCallAndPrint(ctx, &PbStub::GetPartyOrganization, request);
}

int ListPartyOrgs(const Context& ctx, const Config& flags) {
  pbpb::ListPartyOrganizationsRequest request;
  if (!flags.Get("jurisdiction").empty()) {
    request.set_jurisdiction(flags.GetJurisdiction("jurisdiction"));
  }
  request.set_limit(static_cast<int32_t>(flags.GetInt("limit", 0, 500)));
  return PbCallAndPrint(ctx, &PbStub::ListPartyOrganizations, request);
}

// ---- members ----------------------------------------------------------------------------------

int AddMember(const Context& ctx, const Config& flags) {
  pbpb::AddMemberRequest request;
  request.set_id_number(IdNumberFlag(flags, "id-number"));
  request.set_kind(EnumFlag<pbpb::MemberKind>(flags, "kind", true));
  request.set_membership_transferred_in(flags.GetBool("transferred-in"));
  request.set_party_org_id(Required(flags, "party-org"));
  request.set_works_at_organization_id(flags.Get("works-at"));
  request.set_request_id(RequestId(flags));
  return PbCallAndPrint(ctx, &PbStub::AddMember, request);
}

// ---- coverage ---------------------------------------------------------------------------------

int GetCoverage(const Context& ctx, const Config& flags) {
  pbpb::GetCoverageRequest request;
  if (!flags.Get("jurisdiction").empty()) {
    request.set_jurisdiction(flags.GetJurisdiction("jurisdiction"));
  }
  return PbCallAndPrint(ctx, &PbStub::GetCoverage, request);
}

}  // namespace

std::vector<Command> PbOrganizationCommands() {
  std::vector<Option> approve = {kPbPartyOrg};
  for (Option& option : ApproverOptions()) approve.push_back(std::move(option));
  approve.insert(
      approve.end(),
      {{"approved-on", "", "day approved, YYYY-MM-DD (default: today)"}, kPbVersion, kPbRequestId});
  std::vector<Option> activate = {kPbPartyOrg};
  for (Option& option : LeadershipOptions()) activate.push_back(std::move(option));
  activate.insert(
      activate.end(),
      {{"on", "", "day it took office, YYYY-MM-DD (default: today)"}, kPbVersion, kPbRequestId});
  return {
      {"pb",
       "propose",
       "propose a party organization (PB-01..03 checked): PROPOSED",
       {{"type", "", ProposableTypes() + " (required)"},
        {"org", "",
         "covered social organization (credit code), repeatable or comma-separated (required; "
         "a joint branch covers 2 to 5, PB-02)"},
        {"parent", "", "the higher party organization (empty: top level)"},
        {"formal-members", "0", "formal members (PB-01: a branch needs 3)"},
        {"probationary-members", "0", "probationary members"},
        Switch("size-exception-approved", "PB-03: the higher organization allowed the size"),
        {"proposed-on", "", "day proposed, YYYY-MM-DD (default: today)"},
        kPbRequestId,
        {"output", "json", "json | id (the party organization id)"}},
       {"size-exception-approved"},
       Propose,
       {"org"}},
      {"pb", "approve", "the higher organization approves a proposal (PB-05): ESTABLISHED", approve,
       kPbApproverSwitches, Approve},
      {"pb",
       "activate",
       "the first leadership takes office for a term (PB-04): ACTIVE",
       activate,
       kPbLeadershipSwitches,
       Activate,
       {"committee"}},
      {"pb",
       "dissolve",
       "dissolve a party organization: DISSOLVED",
       {kPbPartyOrg,
        {"dissolved-on", "", "day dissolved, YYYY-MM-DD (default: today)"},
        kPbVersion,
        kPbRequestId},
       {},
       Dissolve},
      {"pb", "party-org", "read one party organization", {kPbPartyOrg}, {}, GetPartyOrg},
      {"pb",
       "party-orgs",
       "list the party organizations of a jurisdiction, in proposal order",
       {{"jurisdiction", "", "6-digit code (default: the caller's; a city lists its districts')"},
        {"limit", "0", "at most this many (0: 500)"}},
       {},
       ListPartyOrgs},
      {"pb",
       "add-member",
       "add a party member record to a party organization (one organization each)",
       {{"id-number", "", "18-character ID number (GB 11643); prefer --id-number-file"},
        {"id-number-file", "", "file whose first line is the ID number (kept out of ps)"},
        {"kind", "", Choices(pbpb::MemberKind_descriptor(), true)},
        Switch("transferred-in", "the membership (组织关系) is transferred in"),
        kPbPartyOrg,
        {"works-at", "", "social organization the member works in (credit code)"},
        kPbRequestId},
       {"transferred-in"},
       AddMember},
      {"pb",
       "coverage",
       "organization and work coverage, exact, and organizations missing one (PB-08, PB-01)",
       {{"jurisdiction", "", "6-digit code (default: the caller's; a city covers its districts)"}},
       {},
       GetCoverage},
  };
}

}  // namespace socgov::ctl
