// "socgovctl sup ..." for complaints (投诉举报), illegal organizations (非法社会组织), campaigns
// (专项整治) and detections.
#include "supervision_cli.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;
using config::Option;

// ---- complaints --------------------------------------------------------------------------------

// Absent when no --reporter-* flag is given: the complaint is anonymous.
void FillReporter(const Config& flags, suppb::SubmitComplaintRequest& request) {
  suppb::Reporter reporter;
  reporter.set_name(flags.Get("reporter-name"));
  reporter.set_phone(flags.Get("reporter-phone"));
  reporter.set_email(flags.Get("reporter-email"));
  reporter.set_address(flags.Get("reporter-address"));
  if (reporter.ByteSizeLong() > 0) *request.mutable_reporter() = std::move(reporter);
}

int SubmitComplaint(const Context& ctx, const Config& flags) {
  suppb::SubmitComplaintRequest request;
  request.set_channel(EnumFlag<suppb::ComplaintChannel>(flags, "channel", true));
  request.set_target_name(Required(flags, "target-name"));
  request.set_target_organization_id(flags.Get("target-org"));
  request.set_responsible_person(flags.Get("responsible-person"));
  request.set_place(flags.Get("place"));
  request.set_propaganda_channel(flags.Get("propaganda-channel"));
  request.set_facts(Required(flags, "facts"));
  for (const std::string& item : RepeatedFlag(flags, "evidence", false)) {
    request.add_evidence(item);
  }
  FillReporter(flags, request);
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response = SupCall(ctx, *SupervisionStub(ctx), &SupStub::SubmitComplaint, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int TriageComplaint(const Context& ctx, const Config& flags) {
  suppb::TriageComplaintRequest request;
  request.set_complaint_id(Required(flags, "complaint"));
  request.set_decline_reason(flags.Get("decline-reason"));
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(ComplaintVersion(ctx, *stub, flags, request.complaint_id()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::TriageComplaint, request));
  return kExitOk;
}

int AnswerComplaint(const Context& ctx, const Config& flags) {
  suppb::AnswerComplaintRequest request;
  request.set_complaint_id(Required(flags, "complaint"));
  request.set_reply(Required(flags, "reply"));
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(ComplaintVersion(ctx, *stub, flags, request.complaint_id()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::AnswerComplaint, request));
  return kExitOk;
}

int GetComplaint(const Context& ctx, const Config& flags) {
  suppb::GetComplaintRequest request;
  request.set_complaint_id(Required(flags, "complaint"));
  return SupCallAndPrint(ctx, &SupStub::GetComplaint, request);
}

int ListComplaints(const Context& ctx, const Config& flags) {
  suppb::ListComplaintsRequest request;
  request.set_overdue_as_of(DateFlag(flags, "overdue-as-of", false));
  *request.mutable_page() = PageFlags(flags);
  return SupCallAndPrint(ctx, &SupStub::ListComplaints, request);
}

// ---- illegal organizations ---------------------------------------------------------------------

int RecordIllegal(const Context& ctx, const Config& flags) {
  suppb::RecordIllegalOrgRequest request;
  request.set_name(Required(flags, "name"));
  request.set_kind(EnumFlag<suppb::IllegalOrgKind>(flags, "kind", true));
  request.set_former_organization_id(flags.Get("former-org"));
  request.set_description(Required(flags, "description"));
  request.set_found_on(DateFlag(flags, "found-on", false));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response = SupCall(ctx, *SupervisionStub(ctx), &SupStub::RecordIllegalOrg, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int HandleIllegal(const Context& ctx, const Config& flags) {
  suppb::HandleIllegalOrgRequest request;
  request.set_illegal_org_id(Required(flags, "illegal-org"));
  request.set_disperse_note(flags.Get("disperse-note"));
  request.set_referred_to(flags.Get("referred-to"));
  request.set_referral_note(flags.Get("referral-note"));
  if (request.disperse_note().empty() == request.referred_to().empty()) {
    throw ConfigError("give exactly one of --disperse-note and --referred-to");
  }
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(IllegalOrgVersion(ctx, *stub, flags, request.illegal_org_id()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::HandleIllegalOrg, request));
  return kExitOk;
}

int ListIllegal(const Context& ctx, const Config& flags) {
  suppb::ListIllegalOrgsRequest request;
  request.set_public_only(flags.GetBool("public-only"));
  return SupCallAndPrint(ctx, &SupStub::ListIllegalOrgs, request);
}

// ---- campaigns and detections ------------------------------------------------------------------

int StartCampaign(const Context& ctx, const Config& flags) {
  suppb::StartCampaignRequest request;
  request.set_name(Required(flags, "name"));
  request.set_kind(EnumFlag<suppb::CampaignKind>(flags, "kind", true));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response = SupCall(ctx, *SupervisionStub(ctx), &SupStub::StartCampaign, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int AddCampaignItem(const Context& ctx, const Config& flags) {
  suppb::AddCampaignItemRequest request;
  request.set_campaign_id(Required(flags, "campaign"));
  request.set_organization_id(Required(flags, "org"));
  request.set_problem(Required(flags, "problem"));
  request.set_found_on(DateFlag(flags, "found-on", false));
  request.set_rectification_deadline(DateFlag(flags, "rectification-deadline", false));
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(CampaignVersion(ctx, *stub, flags, request.campaign_id()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::AddCampaignItem, request));
  return kExitOk;
}

int ResolveCampaignItem(const Context& ctx, const Config& flags) {
  suppb::ResolveCampaignItemRequest request;
  request.set_campaign_id(Required(flags, "campaign"));
  request.set_item_id(Required(flags, "item"));
  request.set_resolution(EnumFlag<suppb::ItemResolution>(flags, "resolution", true));
  request.set_rectified_on(DateFlag(flags, "rectified-on", false));
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(CampaignVersion(ctx, *stub, flags, request.campaign_id()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::ResolveCampaignItem, request));
  return kExitOk;
}

int GetCampaign(const Context& ctx, const Config& flags) {
  suppb::GetCampaignRequest request;
  request.set_campaign_id(Required(flags, "campaign"));
  return SupCallAndPrint(ctx, &SupStub::GetCampaign, request);
}

int Detect(const Context& ctx, const Config& flags) {
  suppb::RunDetectionsRequest request;
  request.set_as_of(DateFlag(flags, "as-of", false));
  request.set_activity_cutoff(DateFlag(flags, "activity-cutoff", false));
  request.set_inactivity_months(static_cast<int32_t>(flags.GetInt("inactivity-months", 0, 1200)));
  return SupCallAndPrint(ctx, &SupStub::RunDetections, request);
}

// ---- tables ------------------------------------------------------------------------------------

std::vector<Command> ComplaintCommands() {
  const Option complaint{"complaint", "", "complaint id (required)"};
  return {
      {"sup",
       "complaint-submit",
       "receive a complaint or tip (投诉举报); no --reporter-*: anonymous",
       {{"channel", "", Choices(suppb::ComplaintChannel_descriptor(), true)},
        {"target-name", "", "target's name as reported (required)"},
        {"target-org", "", "target's credit code, when known"},
        {"responsible-person", "", "responsible person named"},
        {"place", "", "place"},
        {"propaganda-channel", "", "where it advertises"},
        {"facts", "", "facts (required)"},
        {"evidence", "", "evidence described; repeatable"},
        {"reporter-name", "", "reporter's name (confidential)"},
        {"reporter-phone", "", "reporter's phone"},
        {"reporter-email", "", "reporter's email"},
        {"reporter-address", "", "reporter's address"},
        kSupRequestId,
        {"output", "json", "json | id (the complaint id)"}},
       {},
       SubmitComplaint,
       {"evidence"}},
      {"sup",
       "complaint-triage",
       "triage a complaint: declined with a reason, or made a clue (a new case)",
       {complaint,
        {"decline-reason", "", "declined with this reason (default: made a clue)"},
        kSupVersion,
        kSupRequestId},
       {},
       TriageComplaint},
      {"sup",
       "complaint-answer",
       "record the answer given to the reporter",
       {complaint, {"reply", "", "the answer (required)"}, kSupVersion, kSupRequestId},
       {},
       AnswerComplaint},
      {"sup", "complaint", "read a complaint", {complaint}, {}, GetComplaint},
      {"sup",
       "complaints",
       "list complaints",
       {{"overdue-as-of", "", "only those past their answer deadline on this day, YYYY-MM-DD"},
        kSupPageSize,
        kSupPageToken},
       {},
       ListComplaints},
  };
}

std::vector<Command> IllegalAndCampaignCommands() {
  const Option campaign{"campaign", "", "campaign id (required)"};
  return {
      {"sup",
       "illegal-record",
       "record an illegal organization found (非法社会组织, ENF-13)",
       {{"name", "", "name it uses (required)"},
        {"kind", "", Choices(suppb::IllegalOrgKind_descriptor(), true)},
        {"former-org", "", "ACTIVE_AFTER_REVOCATION: the former organization's credit code"},
        {"description", "", "what it does (required)"},
        {"found-on", "", "day found, YYYY-MM-DD (default: today)"},
        kSupRequestId,
        {"output", "json", "json | id (the illegal organization id)"}},
       {},
       RecordIllegal},
      {"sup",
       "illegal-handle",
       "disperse (劝散) or refer (移送) an illegal organization",
       {{"illegal-org", "", "illegal organization id (required)"},
        {"disperse-note", "", "dispersed with this note (or --referred-to)"},
        {"referred-to", "", "referred to this authority, e.g. 公安局"},
        {"referral-note", "", "why referred"},
        kSupVersion,
        kSupRequestId},
       {},
       HandleIllegal},
      {"sup",
       "illegal-list",
       "list illegal organizations",
       {Switch("public-only", "only the public list of banned ones")},
       {"public-only"},
       ListIllegal},
      {"sup",
       "campaign-start",
       "start a special campaign (专项整治)",
       {{"name", "", "name, e.g. 2026年僵尸型社会组织专项整治 (required)"},
        {"kind", "", Choices(suppb::CampaignKind_descriptor(), true)},
        kSupRequestId,
        {"output", "json", "json | id (the campaign id)"}},
       {},
       StartCampaign},
      {"sup",
       "campaign-add-item",
       "add an organization and the problem found to a campaign",
       {campaign,
        {"org", "", "organization registered here (required)"},
        {"problem", "", "problem found (required)"},
        {"found-on", "", "day found, YYYY-MM-DD (default: today)"},
        {"rectification-deadline", "", "YYYY-MM-DD"},
        kSupVersion,
        kSupRequestId},
       {},
       AddCampaignItem},
      {"sup",
       "campaign-resolve",
       "resolve a campaign item (ZB-02)",
       {campaign,
        {"item", "", "item id (required)"},
        {"resolution", "", Choices(suppb::ItemResolution_descriptor(), true)},
        {"rectified-on", "", "RECTIFIED: day verified, YYYY-MM-DD (default: today)"},
        kSupVersion,
        kSupRequestId},
       {},
       ResolveCampaignItem},
      {"sup", "campaign", "read a campaign with its exact counts", {campaign}, {}, GetCampaign},
      {"sup",
       "detect",
       "scan for zombie candidates, overdue re-elections, low-activity filings (stores nothing)",
       {{"as-of", "", "day, YYYY-MM-DD (default: today)"},
        {"activity-cutoff", "", "ZB-01(c): no activity since this day, YYYY-MM-DD"},
        {"inactivity-months", "0", "low-activity filings: months without activity (0: 12)"}},
       {},
       Detect},
  };
}

}  // namespace

std::vector<Command> SupComplaintCommands() {
  std::vector<Command> all = ComplaintCommands();
  for (Command& command : IllegalAndCampaignCommands()) all.push_back(std::move(command));
  return all;
}

}  // namespace socgov::ctl
