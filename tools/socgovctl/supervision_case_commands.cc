// "socgovctl sup ..." for enforcement cases (one command per ActOnCase step), complaints, illegal
// organizations, campaigns and detections.
#include <sstream>

#include "supervision_cli.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;
using config::Option;

// ---- cases -------------------------------------------------------------------------------------

int OpenCase(const Context& ctx, const Config& flags) {
  suppb::OpenCaseRequest request;
  request.set_organization_id(flags.Get("org"));
  request.set_illegal_org_id(flags.Get("illegal-org"));
  if (request.organization_id().empty() == request.illegal_org_id().empty()) {
    throw ConfigError("give exactly one of --org and --illegal-org");
  }
  request.set_source(EnumFlag<suppb::CaseSource>(flags, "source", true));
  request.set_source_ref(flags.Get("source-ref"));
  request.set_summary(Required(flags, "summary"));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response = SupCall(ctx, *SupervisionStub(ctx), &SupStub::OpenCase, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int GetCase(const Context& ctx, const Config& flags) {
  suppb::GetCaseRequest request;
  request.set_case_id(Required(flags, "case"));
  return SupCallAndPrint(ctx, &SupStub::GetCase, request);
}

int ListCases(const Context& ctx, const Config& flags) {
  suppb::ListCasesRequest request;
  request.set_state(EnumFlag<suppb::CaseState>(flags, "state", false));
  *request.mutable_page() = PageFlags(flags);
  return SupCallAndPrint(ctx, &SupStub::ListCases, request);
}

int OverdueCases(const Context& ctx, const Config& flags) {
  suppb::ListOverdueCasesRequest request;
  request.set_as_of(DateFlag(flags, "as-of", false));
  return SupCallAndPrint(ctx, &SupStub::ListOverdueCases, request);
}

// One ActOnCase step: `fill` sets the action (and validates its flags before any call).
template <typename Fill>
int CaseStep(const Context& ctx, const Config& flags, Fill fill) {
  suppb::ActOnCaseRequest request;
  request.set_case_id(Required(flags, "case"));
  fill(request);
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(CaseVersion(ctx, *stub, flags, request.case_id()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::ActOnCase, request));
  return kExitOk;
}

int64_t FenPart(const std::string& entry, const std::string& text) {
  if (text.empty()) return 0;
  if (text.find_first_not_of("0123456789") != std::string::npos || text.size() > 18) {
    throw ConfigError("--penalty amounts are integer fen, got \"" + entry + "\"");
  }
  return std::stoll(text);
}

// "TYPE[:amount_fen[:from:until]]", e.g. WARNING, FINE:500000, SUSPENSION::2026-05-01:2026-07-31.
suppb::CasePenalty ParsePenalty(const std::string& entry, const std::string& basis) {
  std::vector<std::string> parts;
  std::istringstream in(entry);
  for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
  if (parts.empty() || parts.size() == 3 || parts.size() > 4) {
    throw ConfigError("--penalty entries are TYPE[:amount_fen[:from:until]], got \"" + entry +
                      "\"");
  }
  suppb::CasePenalty penalty;
  penalty.set_type(ParseEnum<suppb::PenaltyType>("--penalty", parts[0]));
  if (parts.size() > 1) penalty.set_amount_fen(FenPart(entry, parts[1]));
  if (parts.size() == 4) {
    if (!IsDate(parts[2]) || !IsDate(parts[3])) {
      throw ConfigError("--penalty: from and until are dates YYYY-MM-DD, got \"" + entry + "\"");
    }
    penalty.set_suspend_from(parts[2]);
    penalty.set_suspend_until(parts[3]);
  }
  penalty.set_basis(basis);
  return penalty;
}

template <typename Penalties>
void AddPenalties(const Config& flags, Penalties& penalties) {
  for (const std::string& entry : RepeatedFlag(flags, "penalty", true)) {
    *penalties.Add() = ParsePenalty(entry, flags.Get("basis"));
  }
}

using Act = suppb::ActOnCaseRequest;

int PreCheck(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [](Act& r) { r.mutable_pre_check(); });
}

int Decline(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    r.mutable_decline()->set_reason(Required(flags, "reason"));
    r.mutable_decline()->set_referred_to(flags.Get("referred-to"));
  });
}

int FileCase(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    Act::FileCase& file = *r.mutable_file();
    file.set_case_no(Required(flags, "case-no"));
    Required(flags, "investigators");
    for (const std::string& name : flags.GetList("investigators")) file.add_investigators(name);
    file.set_violation_on(DateFlag(flags, "violation-on", true));
    file.set_facts_established(flags.GetBool("facts-established"));
    file.set_penalty_warranted(flags.GetBool("penalty-warranted"));
  });
}

int Transfer(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    r.mutable_transfer()->set_to_jurisdiction(Required(flags, "to-jurisdiction"));
    r.mutable_transfer()->set_reason(flags.Get("reason"));
  });
}

int Investigate(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [](Act& r) { r.mutable_start_investigation(); });
}

int AddRecord(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    suppb::CaseRecord& record = *r.mutable_add_record()->mutable_record();
    record.set_stage(EnumFlag<suppb::RecordStage>(flags, "stage", true));
    record.set_description(Required(flags, "description"));
    record.set_audio_video(flags.GetBool("audio-video"));
    record.set_recorded_on(DateFlag(flags, "recorded-on", true));
  });
}

int Extend(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    Required(flags, "days");
    r.mutable_extend()->set_days(static_cast<int32_t>(flags.GetInt("days", 1, 365)));
    r.mutable_extend()->set_approved_by(Required(flags, "approved-by"));
    r.mutable_extend()->set_reason(flags.Get("reason"));
  });
}

int Notice(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    Act::SendNotice& notice = *r.mutable_send_notice();
    AddPenalties(flags, *notice.mutable_proposed());
    notice.mutable_findings()->set_illegal_income_fen(FenAmountFlag(flags, "illegal-income-fen"));
    notice.mutable_findings()->set_illegal_turnover_fen(
        FenAmountFlag(flags, "illegal-turnover-fen"));
    notice.set_statement_deadline(DateFlag(flags, "statement-deadline", true));
  });
}

int Statement(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags,
                  [&](Act& r) { r.mutable_statement()->set_summary(Required(flags, "summary")); });
}

int RequestHearing(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [](Act& r) { r.mutable_request_hearing(); });
}

int Hearing(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    r.mutable_hearing_held()->set_presided_by(Required(flags, "presided-by"));
    r.mutable_hearing_held()->set_summary(flags.Get("summary"));
  });
}

int SubmitReview(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    r.mutable_submit_for_review()->set_rights_waived(flags.GetBool("rights-waived"));
  });
}

int Review(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    r.mutable_review()->set_reviewer(Required(flags, "reviewer"));
    r.mutable_review()->set_passed(RequiredBool(flags, "passed"));
    r.mutable_review()->set_opinion(flags.Get("opinion"));
  });
}

int Decide(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    Act::Decide& decide = *r.mutable_decide();
    AddPenalties(flags, *decide.mutable_penalties());
    decide.set_non_punishment(flags.GetBool("non-punishment"));
    decide.set_first_offence(flags.GetBool("first-offence"));
    decide.set_minor(flags.GetBool("minor"));
    decide.set_corrected_in_time(flags.GetBool("corrected-in-time"));
    decide.set_no_harm(flags.GetBool("no-harm"));
    decide.set_non_punishment_reason(flags.Get("non-punishment-reason"));
    decide.set_ban(flags.GetBool("ban"));
    if (decide.non_punishment() && decide.penalties_size() > 0) {
      throw ConfigError("--non-punishment and --penalty exclude each other");
    }
  });
}

int Serve(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    r.mutable_serve()->set_on_the_spot(flags.GetBool("on-the-spot"));
    r.mutable_serve()->set_served_on(DateFlag(flags, "served-on", true));
  });
}

int Execute(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [](Act& r) { r.mutable_start_execution(); });
}

int Payment(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    Required(flags, "amount-fen");
    r.mutable_payment()->set_amount_fen(FenAmountFlag(flags, "amount-fen"));
    r.mutable_payment()->set_paid_on(DateFlag(flags, "paid-on", true));
  });
}

int Appeal(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags,
                  [&](Act& r) { r.mutable_appeal()->set_litigation(flags.GetBool("litigation")); });
}

int Close(const Context& ctx, const Config& flags) {
  return CaseStep(ctx, flags, [&](Act& r) {
    r.mutable_close()->set_court_enforcement(flags.GetBool("court-enforcement"));
  });
}

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

std::string Choices(const google::protobuf::EnumDescriptor* descriptor, bool required) {
  return EnumChoices(*descriptor) + (required ? " (required)" : "");
}

Option Switch(const std::string& name, const std::string& what) {
  return {name, "false", what + "; may be bare"};
}

// A step's own options between --case and --version, --request-id.
std::vector<Option> StepOptions(std::vector<Option> own) {
  own.insert(own.begin(), {"case", "", "case id (required)"});
  own.push_back(kSupVersion);
  own.push_back(kSupRequestId);
  return own;
}

std::string PenaltyHelp() {
  return "TYPE[:amount_fen[:from:until]], repeatable or comma-separated; TYPE is one of " +
         EnumChoices(*suppb::PenaltyType_descriptor());
}

std::vector<Command> CaseReadCommands() {
  return {
      {"sup",
       "open-case",
       "open an enforcement case from a clue",
       {{"org", "", "registered organization targeted (or --illegal-org)"},
        {"illegal-org", "", "illegal organization targeted (sup illegal-record's id)"},
        {"source", "", Choices(suppb::CaseSource_descriptor(), true)},
        {"source-ref", "", "the complaint, plan, detection or campaign item it came from"},
        {"summary", "", "the clue in brief (required)"},
        kSupRequestId,
        {"output", "json", "json | id (the case id)"}},
       {},
       OpenCase},
      {"sup", "case", "read a case", {{"case", "", "case id (required)"}}, {}, GetCase},
      {"sup",
       "cases",
       "list cases, optionally of one state",
       {{"state", "", Choices(suppb::CaseState_descriptor(), false)}, kSupPageSize, kSupPageToken},
       {},
       ListCases},
      {"sup",
       "overdue-cases",
       "cases past their decision (ENF-11) or service (ENF-06) deadline",
       {{"as-of", "", "day, YYYY-MM-DD (default: today)"}},
       {},
       OverdueCases},
  };
}

std::vector<Command> CaseStepCommands() {
  const Option penalty{"penalty", "", PenaltyHelp()};
  const Option basis{"basis", "",
                     "legal basis of every penalty, e.g. 社会团体登记管理条例 第三十条"};
  return {
      {"sup", "case-pre-check", "CLUE → PRE_CHECK", StepOptions({}), {}, PreCheck},
      {"sup",
       "case-decline",
       "CLUE | PRE_CHECK → DECLINED",
       StepOptions({{"reason", "", "why (required)"},
                    {"referred-to", "", "ENF-01: the registry the violation is reported to"}}),
       {},
       Decline},
      {"sup",
       "case-file",
       "PRE_CHECK → FILED (立案, ENF-01/02/03)",
       StepOptions({{"case-no", "", "case number, e.g. 集民罚字〔2026〕3号 (required)"},
                    {"investigators", "", "at least two, comma-separated (required)"},
                    {"violation-on", "", "day of the violation, YYYY-MM-DD (required)"},
                    Switch("facts-established", "ENF-03: the violation facts exist"),
                    Switch("penalty-warranted", "ENF-03: a penalty is warranted")}),
       {"facts-established", "penalty-warranted"},
       FileCase},
      {"sup",
       "case-transfer",
       "FILED → TRANSFERRED to the competent registry (ENF-01)",
       StepOptions({{"to-jurisdiction", "", "the competent registry's code (required)"},
                    {"reason", "", "why"}}),
       {},
       Transfer},
      {"sup", "case-investigate", "FILED → INVESTIGATING", StepOptions({}), {}, Investigate},
      {"sup",
       "case-record",
       "add a record to the whole-process record (ENF-02)",
       StepOptions({{"stage", "", Choices(suppb::RecordStage_descriptor(), true)},
                    {"description", "", "what was recorded (required)"},
                    Switch("audio-video", "audio-video (音像) rather than text"),
                    {"recorded-on", "", "day, YYYY-MM-DD (required)"}}),
       {"audio-video"},
       AddRecord},
      {"sup",
       "case-extend",
       "extend the decision deadline (ENF-11)",
       StepOptions({{"days", "", "days (required)"},
                    {"approved-by", "", "who approved (required)"},
                    {"reason", "", "why"}}),
       {},
       Extend},
      {"sup",
       "case-notice",
       "INVESTIGATING → NOTICE_SENT (告知); no --penalty: non-punishment proposed",
       StepOptions({penalty,
                    basis,
                    {"statement-deadline", "", "YYYY-MM-DD, after today (required)"},
                    {"illegal-income-fen", "", "违法所得, integer fen"},
                    {"illegal-turnover-fen", "", "违法经营额, integer fen"}}),
       {},
       Notice,
       {"penalty"}},
      {"sup",
       "case-statement",
       "record the party's statement (陈述申辩)",
       StepOptions({{"summary", "", "in brief (required)"}}),
       {},
       Statement},
      {"sup", "case-request-hearing", "NOTICE_SENT → HEARING", StepOptions({}), {}, RequestHearing},
      {"sup",
       "case-hearing",
       "HEARING → REVIEW: the hearing was held",
       StepOptions({{"presided-by", "", "presiding officer, not an investigator (required)"},
                    {"summary", "", "in brief"}}),
       {},
       Hearing},
      {"sup",
       "case-submit-review",
       "NOTICE_SENT → REVIEW (法制审核)",
       StepOptions({Switch("rights-waived", "the party waived statement and hearing in writing")}),
       {"rights-waived"},
       SubmitReview},
      {"sup",
       "case-review",
       "record the legal review",
       StepOptions({{"reviewer", "", "reviewer, not an investigator (required)"},
                    {"passed", "", "--passed or --passed=false (required)"},
                    {"opinion", "", "opinion"}}),
       {"passed"},
       Review},
      {"sup",
       "case-decide",
       "REVIEW → DECIDED; published as case.decided",
       StepOptions({penalty,
                    basis,
                    Switch("non-punishment", "ENF-12: not punished (needs the next four)"),
                    Switch("first-offence", "first offence"),
                    Switch("minor", "minor"),
                    Switch("corrected-in-time", "corrected in time"),
                    Switch("no-harm", "no harm"),
                    {"non-punishment-reason", "", "why not punished"},
                    Switch("ban", "ENF-13: ban (取缔) the illegal organization")}),
       {"non-punishment", "first-offence", "minor", "corrected-in-time", "no-harm", "ban"},
       Decide,
       {"penalty"}},
      {"sup",
       "case-serve",
       "DECIDED → SERVED (ENF-06)",
       StepOptions({Switch("on-the-spot", "served on the spot (当场) rather than delivered"),
                    {"served-on", "", "day served, YYYY-MM-DD (required)"}}),
       {"on-the-spot"},
       Serve},
      {"sup", "case-execute", "SERVED → EXECUTING", StepOptions({}), {}, Execute},
      {"sup",
       "case-payment",
       "record the fine paid (ENF-07)",
       StepOptions({{"amount-fen", "", "amount with surcharge, integer fen (required)"},
                    {"paid-on", "", "day paid, YYYY-MM-DD (required)"}}),
       {},
       Payment},
      {"sup",
       "case-appeal",
       "record an appeal (ENF-10: execution goes on)",
       StepOptions({Switch("litigation", "行政诉讼 rather than 行政复议")}),
       {"litigation"},
       Appeal},
      {"sup",
       "case-close",
       "→ CLOSED (结案)",
       StepOptions({Switch("court-enforcement", "ENF-07: the fine is left to the court")}),
       {"court-enforcement"},
       Close},
  };
}

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

std::vector<Command> SupCaseCommands() {
  std::vector<Command> all = CaseReadCommands();
  for (auto part : {CaseStepCommands(), ComplaintCommands(), IllegalAndCampaignCommands()}) {
    all.insert(all.end(), std::make_move_iterator(part.begin()),
               std::make_move_iterator(part.end()));
  }
  return all;
}

}  // namespace socgov::ctl
