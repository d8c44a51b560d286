// "socgovctl sup ..." for enforcement cases: open, read, list, and one command per ActOnCase step.
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

// ---- tables ------------------------------------------------------------------------------------

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

}  // namespace

std::vector<Command> SupCaseCommands() {
  std::vector<Command> all = CaseReadCommands();
  for (Command& command : CaseStepCommands()) all.push_back(std::move(command));
  return all;
}

}  // namespace socgov::ctl
