// "socgovctl reg ...": one command per RegistrationService RPC. Each builds the request from its
// flags, makes the call(s) through Call (failures surface as RpcFailure) and prints the response as
// JSON, or just the id the next script step needs with --output id.
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "cli.h"
#include "commands.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;

// ---- request builders ------------------------------------------------------------------------

// The facts every application or filing carries; the kind-specific ones are set by the caller.
void FillProfile(const Config& flags, regpb::OrganizationProfile& profile) {
  profile.set_name(Required(flags, "name"));
  profile.set_domicile(Required(flags, "domicile"));
  profile.mutable_legal_representative()->set_name(Required(flags, "legal-rep-name"));
  Required(flags, "funds-yuan");
  profile.mutable_funds()->set_fen(FenFlag(flags, "funds-yuan"));
  profile.set_business_scope(Required(flags, "scope"));
  profile.set_jurisdiction(Required(flags, "jurisdiction"));
  profile.set_individual_members(Int32Flag(flags, "individual-members"));
  profile.set_unit_members(Int32Flag(flags, "unit-members"));
}

int32_t NomineeCount(std::string_view key, std::string_view text) {
  int64_t n = 0;
  if (text.empty() || text.size() > 3) throw ConfigError("--nominees: bad " + std::string(key));
  for (char c : text) {
    if (c < '0' || c > '9') throw ConfigError("--nominees: bad " + std::string(key));
    n = n * 10 + (c - '0');
  }
  return static_cast<int32_t>(n);
}

// "NAME:ID:POST[:retired-cadre][:other-posts=N][:terms-served=N]".
regpb::NomineeInput ParseNominee(const std::string& entry) {
  std::vector<std::string> parts;
  std::istringstream in(entry);
  for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
  if (parts.size() < 3 || parts[0].empty() || parts[1].empty() || parts[2].empty()) {
    throw ConfigError(
        "--nominees entries are NAME:ID:POST[:retired-cadre][:other-posts=N]"
        "[:terms-served=N], got \"" +
        entry + "\"");
  }
  regpb::NomineeInput nominee;
  nominee.set_name(parts[0]);
  nominee.set_id_number(parts[1]);
  nominee.set_post(parts[2]);
  for (size_t i = 3; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    if (part == "retired-cadre") {
      nominee.set_retired_cadre(true);
    } else if (part.starts_with("other-posts=")) {
      nominee.set_other_posts(NomineeCount("other-posts", part.substr(12)));
    } else if (part.starts_with("terms-served=")) {
      nominee.set_terms_served(NomineeCount("terms-served", part.substr(13)));
    } else {
      throw ConfigError("--nominees: unknown attribute \"" + std::string(part) + "\"");
    }
  }
  return nominee;
}

// ---- list and search -------------------------------------------------------------------------

regpb::ListOrganizationsRequest request;
// One page as JSON, or with --all every page, one organization (or id) per line.
int ListPages(const Context& ctx, const Config& flags, regpb::ListOrganizationsRequest request,
              bool id_output) {
  request.mutable_page()->set_page_size(Int32Flag(flags, "page-size"));
  request.mutable_page()->set_page_token(flags.Get("page-token"));
  const bool all = flags.GetBool("all");
  auto stub = RegistrationStub(ctx);
  // Tokens already used: a server that hands one back again would otherwise loop us forever.
  std::set<std::string> seen_tokens;
  while (true) {
    const auto response = Call(ctx, *stub, &RegStub::ListOrganizations, request);
    if (!all && !id_output) {
      PrintJson(ctx, response);
      return kExitOk;
    }
    for (const regpb::Organization& organization : response.organizations()) {
      PrintResult(ctx, id_output, organization.id(), organization);
    }
    const std::string& next = response.page().next_page_token();
    if (!all || next.empty()) return kExitOk;
    if (!seen_tokens.insert(next).second) {
      ctx.err << "error: server repeated page token \"" << next << "\"; stopping\n";
      return kExitFailure;
    }
    request.mutable_page()->set_page_token(next);
  }
}

}  // namespace

regpb::ListOrganizationsRequest ListFilters(const Config& flags) {
  regpb::ListOrganizationsRequest request;
  if (const std::string& type = flags.Get("type"); !type.empty()) {
    request.set_org_type(ParseOrgType("--type", type));
  }
  request.set_status(ParseOrgStatus(flags.Get("status")));
  request.set_jurisdiction(flags.Get("jurisdiction"));
  return request;
}

// ---- applications ----------------------------------------------------------------------------

int RegSubmit(const Context& ctx, const Config& flags) {
  regpb::SubmitApplicationRequest request;
  regpb::OrganizationProfile& profile = *request.mutable_profile();
  profile.set_org_type(ParseOrgType("--type", Required(flags, "type")));
  FillProfile(flags, profile);
  request.set_legal_representative_id_number(Required(flags, "legal-rep-id"));
  profile.set_foundation_kind(ParseFoundationKind(flags.Get("foundation-kind")));
  profile.set_funds_in_cash(flags.GetBool("funds-in-cash"));
  profile.set_social_service_form(ParseSocialServiceForm(flags.Get("social-service-form")));
  profile.set_supervisory_unit(flags.Get("supervisory-unit"));
  request.set_stage(ParseStage(flags.Get("stage")));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);

  auto stub = RegistrationStub(ctx);
  const auto response = Call(ctx, *stub, &RegStub::SubmitApplication, request);
  return PrintResult(ctx, id_output, response.application().id(), response);
}

int RegApprove(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  const std::string request_id = RequestId(flags);
  const bool id_output = WantsIdOutput(flags);
  auto stub = RegistrationStub(ctx);
  regpb::ApproveApplicationRequest request;
  request.set_request_id(request_id);
  request.set_application_id(id);
  request.set_version(ApplicationVersion(ctx, *stub, flags, id));
  const auto response = Call(ctx, *stub, &RegStub::ApproveApplication, request);
  // A preparation approval registers nothing yet: the application id is what comes next.
  const std::string& printed_id =
      response.has_organization() ? response.organization().id() : response.application().id();
  return PrintResult(ctx, id_output, printed_id, response);
}

int RegReject(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  auto stub = RegistrationStub(ctx);
  regpb::RejectApplicationRequest request;
  request.set_reason(Required(flags, "reason"));
  request.set_request_id(RequestId(flags));
  request.set_application_id(id);
  request.set_version(ApplicationVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::RejectApplication, request));
  return kExitOk;
}

int RegGetApp(const Context& ctx, const Config& flags) {
  regpb::GetApplicationRequest request;
  request.set_application_id(Required(flags, "id"));
  PrintJson(ctx, Call(ctx, *RegistrationStub(ctx), &RegStub::GetApplication, request));
  return kExitOk;
}

int RegApplyEstablishment(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::ApplyEstablishmentRequest request;
  request.set_founding_meeting_on(DateFlag(flags, "founding-meeting-on", true));
  request.set_individual_members(Int32Flag(flags, "individual-members"));
  request.set_unit_members(Int32Flag(flags, "unit-members"));
  Required(flags, "funds-yuan");
  request.mutable_funds()->set_fen(FenFlag(flags, "funds-yuan"));
  request.set_review_id(flags.Get("review-id"));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  auto stub = RegistrationStub(ctx);
  request.set_application_id(id);
  request.set_version(ApplicationVersion(ctx, *stub, flags, id));
  const auto response = Call(ctx, *stub, &RegStub::ApplyEstablishment, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int RegExtendPreparation(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::ExtendPreparationRequest request;
  request.set_reason(Required(flags, "reason"));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_application_id(id);
  request.set_version(ApplicationVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::ExtendPreparation, request));
  return kExitOk;
}

int RegLapsePreparations(const Context& ctx, const Config& flags) {
  const bool id_output = WantsIdOutput(flags);
  const auto response = Call(ctx, *RegistrationStub(ctx), &RegStub::LapsePreparations,
                             regpb::LapsePreparationsRequest());
  if (!id_output) {
    PrintJson(ctx, response);
    return kExitOk;
  }
  for (const std::string& id : response.application_ids()) ctx.out << id << "\n";
  return kExitOk;
}

// ---- organizations: read, list, names --------------------------------------------------------

int RegGetOrg(const Context& ctx, const Config& flags) {
  regpb::GetOrganizationRequest request;
  request.set_organization_id(Required(flags, "id"));
  PrintJson(ctx, Call(ctx, *RegistrationStub(ctx), &RegStub::GetOrganization, request));
  return kExitOk;
}

int RegList(const Context& ctx, const Config& flags) {
  return ListPages(ctx, flags, ListFilters(flags), /*id_output=*/false);
}

int RegSearch(const Context& ctx, const Config& flags) {
  regpb::ListOrganizationsRequest request = ListFilters(flags);
  request.set_name_contains(flags.Get("name-contains"));
  request.set_organization_id(flags.Get("code"));
  return ListPages(ctx, flags, std::move(request), WantsIdOutput(flags));
}

int RegCheckName(const Context& ctx, const Config& flags) {
  regpb::CheckNameRequest request;
  request.set_name(Required(flags, "name"));
  request.set_org_type(ParseOrgType("--type", Required(flags, "type")));
  request.set_jurisdiction(flags.Get("jurisdiction"));
  const auto response = Call(ctx, *RegistrationStub(ctx), &RegStub::CheckName, request);
  PrintJson(ctx, response);
  return response.available() ? kExitOk : kExitNameTaken;
}

// ---- community filings -----------------------------------------------------------------------

int RegFileCommunity(const Context& ctx, const Config& flags) {
  regpb::FileCommunityOrganizationRequest request;
  regpb::OrganizationProfile& profile = *request.mutable_profile();
  profile.set_org_type(regpb::ORG_TYPE_COMMUNITY);
  FillProfile(flags, profile);
  profile.set_community_form(ParseCommunityForm(Required(flags, "community-form")));
  profile.set_staff_count(Int32Flag(flags, "staff"));
  profile.set_filed_with(Required(flags, "filed-with"));
  request.set_legal_representative_id_number(Required(flags, "legal-rep-id"));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response =
      Call(ctx, *RegistrationStub(ctx), &RegStub::FileCommunityOrganization, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int RegRemoveFiling(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::RemoveFilingRequest request;
  request.set_reason(Required(flags, "reason"));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_organization_id(id);
  request.set_version(OrganizationVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::RemoveFiling, request));
  return kExitOk;
}

// ---- changes ---------------------------------------------------------------------------------

namespace {

// Only the items given on the command line change; --direct-registration clears the supervisory
// unit, which an empty --supervisory-unit could not express.
regpb::OrganizationChanges ChangesFromFlags(const Config& flags) {
  regpb::OrganizationChanges changes;
  if (const std::string& v = flags.Get("name"); !v.empty()) changes.set_name(v);
  if (const std::string& v = flags.Get("domicile"); !v.empty()) changes.set_domicile(v);
  if (const std::string& v = flags.Get("scope"); !v.empty()) changes.set_business_scope(v);
  if (!flags.Get("funds-yuan").empty()) {
    changes.mutable_funds()->set_fen(FenFlag(flags, "funds-yuan"));
  }
  if (const std::string& v = flags.Get("legal-rep-name"); !v.empty()) {
    changes.mutable_legal_representative()->set_name(v);
    Required(flags, "legal-rep-id");
  }
  const bool direct = flags.GetBool("direct-registration");
  const std::string& unit = flags.Get("supervisory-unit");
  if (direct && !unit.empty()) {
    throw ConfigError("--direct-registration and --supervisory-unit exclude each other");
  }
  if (direct) changes.set_supervisory_unit("");
  if (!unit.empty()) changes.set_supervisory_unit(unit);
  return changes;
}

}  // namespace

int RegApplyChange(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::ApplyChangeRequest request;
  *request.mutable_changes() = ChangesFromFlags(flags);
  request.set_legal_representative_id_number(flags.Get("legal-rep-id"));
  request.set_consented_on(DateFlag(flags, "consented-on", true));
  request.set_review_id(flags.Get("review-id"));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  auto stub = RegistrationStub(ctx);
  request.set_organization_id(id);
  request.set_version(OrganizationVersion(ctx, *stub, flags, id));
  const auto response = Call(ctx, *stub, &RegStub::ApplyChange, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int RegApproveChange(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::ApproveChangeRequest request;
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  auto stub = RegistrationStub(ctx);
  request.set_change_id(id);
  request.set_version(ChangeVersion(ctx, *stub, flags, id));
  const auto response = Call(ctx, *stub, &RegStub::ApproveChange, request);
  return PrintResult(ctx, id_output, response.organization().id(), response);
}

int RegRejectChange(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::RejectChangeRequest request;
  request.set_reason(Required(flags, "reason"));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_change_id(id);
  request.set_version(ChangeVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::RejectChange, request));
  return kExitOk;
}

int RegGetChange(const Context& ctx, const Config& flags) {
  regpb::GetChangeRequest request;
  request.set_change_id(Required(flags, "id"));
  PrintJson(ctx, Call(ctx, *RegistrationStub(ctx), &RegStub::GetChange, request));
  return kExitOk;
}

// ---- articles and council terms --------------------------------------------------------------

namespace {

// --text-file hashes the approved text here so the operator need not run sha256sum.
std::string ArticlesSha256(const Config& flags) {
  const std::string& given = flags.Get("text-sha256");
  const std::string& file = flags.Get("text-file");
  if (given.empty() == file.empty()) {
    throw ConfigError("give exactly one of --text-sha256 and --text-file");
  }
  if (!given.empty()) return given;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return Sha256Hex(text);
}

}  // namespace

int RegRecordArticles(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::RecordArticlesRequest request;
  request.set_approved_on(DateFlag(flags, "approved-on", true));
  request.set_party_building_clause(flags.GetBool("party-building-clause"));
  request.set_party_leading_organ(flags.Get("party-leading-organ"));
  request.set_text_sha256(ArticlesSha256(flags));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_organization_id(id);
  request.set_version(OrganizationVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::RecordArticles, request));
  return kExitOk;
}

int RegRecordCouncilTerm(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::RecordCouncilTermRequest request;
  request.set_start_date(DateFlag(flags, "start", true));
  request.set_end_date(DateFlag(flags, "end", true));
  request.set_review_id(flags.Get("review-id"));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_organization_id(id);
  request.set_version(OrganizationVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::RecordCouncilTerm, request));
  return kExitOk;
}

int RegExtendCouncilTerm(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::ExtendCouncilTermRequest request;
  request.set_extension_until(DateFlag(flags, "until", true));
  request.set_reason(Required(flags, "reason"));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_organization_id(id);
  request.set_version(OrganizationVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::ExtendCouncilTerm, request));
  return kExitOk;
}

// ---- dissolution, liquidation, cancellation, resumption --------------------------------------

int RegResolveDissolution(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::ResolveDissolutionRequest request;
  request.set_ground(ParseDissolutionGround(Required(flags, "ground")));
  request.set_resolved_on(DateFlag(flags, "resolved-on", true));
  request.set_consented_on(DateFlag(flags, "consented-on", false));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_organization_id(id);
  request.set_version(OrganizationVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::ResolveDissolution, request));
  return kExitOk;
}

int RegStartLiquidation(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::StartLiquidationRequest request;
  Required(flags, "group");
  for (const std::string& member : flags.GetList("group")) request.add_liquidation_group(member);
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_organization_id(id);
  request.set_version(OrganizationVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::StartLiquidation, request));
  return kExitOk;
}

int RegApplyCancellation(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::ApplyCancellationRequest request;
  request.set_liquidation_ended_on(DateFlag(flags, "liquidation-ended-on", true));
  request.set_audit_report_received(flags.GetBool("audit-report-received"));
  request.set_residual_assets_disposition(Required(flags, "residual-assets"));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_organization_id(id);
  request.set_version(OrganizationVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::ApplyCancellation, request));
  return kExitOk;
}

int RegApproveCancellation(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::ApproveCancellationRequest request;
  request.set_certificate_and_seals_collected(flags.GetBool("certificate-and-seals-collected"));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_organization_id(id);
  request.set_version(OrganizationVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::ApproveCancellation, request));
  return kExitOk;
}

int RegResume(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::ResumeOrganizationRequest request;
  request.set_rectification_received_on(DateFlag(flags, "rectification-received-on", true));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_organization_id(id);
  request.set_version(OrganizationVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::ResumeOrganization, request));
  return kExitOk;
}

// ---- joint reviews ---------------------------------------------------------------------------

int RegOpenReview(const Context& ctx, const Config& flags) {
  regpb::OpenReviewRequest request;
  request.set_subject_id(Required(flags, "subject"));
  request.set_trigger(ParseReviewTrigger(Required(flags, "trigger")));
  Required(flags, "nominees");
  for (const std::string& entry : flags.GetList("nominees")) {
    *request.add_nominees() = ParseNominee(entry);
  }
  for (const std::string& department : flags.GetList("departments")) {
    request.add_departments(department);
  }
  request.set_answer_days(static_cast<int32_t>(flags.GetInt("answer-days", 0, 365)));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response = Call(ctx, *RegistrationStub(ctx), &RegStub::OpenReview, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int RegRecordOpinion(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::RecordOpinionRequest request;
  request.set_department(Required(flags, "department"));
  request.set_opinion(ParseOpinion(Required(flags, "opinion")));
  request.set_comment(flags.Get("comment"));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_review_id(id);
  request.set_version(ReviewVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::RecordOpinion, request));
  return kExitOk;
}

int RegConcludeReview(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::ConcludeReviewRequest request;
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_review_id(id);
  request.set_version(ReviewVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::ConcludeReview, request));
  return kExitOk;
}

int RegPublishReview(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::PublishReviewRequest request;
  request.set_from(DateFlag(flags, "from", true));
  request.set_until(DateFlag(flags, "until", true));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_review_id(id);
  request.set_version(ReviewVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::PublishReview, request));
  return kExitOk;
}

int RegFileReviewResult(const Context& ctx, const Config& flags) {
  const std::string& id = Required(flags, "id");
  regpb::FileReviewResultRequest request;
  request.set_elected_on(DateFlag(flags, "elected-on", true));
  request.set_request_id(RequestId(flags));
  auto stub = RegistrationStub(ctx);
  request.set_review_id(id);
  request.set_version(ReviewVersion(ctx, *stub, flags, id));
  PrintJson(ctx, Call(ctx, *stub, &RegStub::FileReviewResult, request));
  return kExitOk;
}

int RegGetReview(const Context& ctx, const Config& flags) {
  regpb::GetReviewRequest request;
  request.set_review_id(Required(flags, "id"));
  PrintJson(ctx, Call(ctx, *RegistrationStub(ctx), &RegStub::GetReview, request));
  return kExitOk;
}

}  // namespace socgov::ctl
