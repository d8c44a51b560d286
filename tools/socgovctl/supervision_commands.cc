// "socgovctl sup ...": one command per SupervisionService RPC (this file: report years, annual
// reports, the sweep and credit records; supervision_plan_commands.cc: sampling plans and redraw;
// supervision_case_commands.cc: cases, complaints, illegal organizations, campaigns, detections).
// Each builds the request from its flags, calls through SupCall (failures surface as RpcFailure)
// and prints the response as JSON.
#include "supervision_cli.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;
using config::Option;

const Option kOrg{"org", "", "organization (credit code) (required)"};
const Option kYearOpt{"year", "", "year reported on, e.g. 2025 (required)"};

// ---- report years and annual reports ----------------------------------------------------------

int OpenYear(const Context& ctx, const Config& flags) {
  suppb::OpenReportYearRequest request;
  request.set_year(YearFlag(flags));
  request.set_request_id(RequestId(flags));
  return SupCallAndPrint(ctx, &SupStub::OpenReportYear, request);
}

int GetYear(const Context& ctx, const Config& flags) {
  suppb::GetReportYearRequest request;
  request.set_year(YearFlag(flags));
  request.set_jurisdiction(flags.Get("jurisdiction"));
  return SupCallAndPrint(ctx, &SupStub::GetReportYear, request);
}

suppb::Finances FinancesFromFlags(const Config& flags) {
  suppb::Finances finances;
  finances.set_assets_fen(FenAmountFlag(flags, "assets-fen"));
  finances.set_liabilities_fen(FenAmountFlag(flags, "liabilities-fen"));
  // Net assets default to assets − liabilities; a given value is sent as is for the server to
  // check.
  finances.set_net_assets_fen(flags.Get("net-assets-fen").empty()
                                  ? finances.assets_fen() - finances.liabilities_fen()
                                  : FenAmountFlag(flags, "net-assets-fen", true));
  finances.set_income_fen(FenAmountFlag(flags, "income-fen"));
  finances.set_expenses_fen(FenAmountFlag(flags, "expenses-fen"));
  finances.set_donations_received_fen(FenAmountFlag(flags, "donations-received-fen"));
  finances.set_donations_given_fen(FenAmountFlag(flags, "donations-given-fen"));
  return finances;
}

suppb::ReportSections SectionsFromFlags(const Config& flags) {
  suppb::ReportSections sections;
  sections.set_compliance(flags.Get("compliance"));
  sections.set_registration_changes(flags.Get("registration-changes"));
  sections.set_activities(flags.Get("activities"));
  sections.set_activity_count(Int32Flag(flags, "activity-count"));
  sections.set_people(flags.Get("people"));
  sections.set_staff_fulltime(Int32Flag(flags, "staff-fulltime"));
  *sections.mutable_finances() = FinancesFromFlags(flags);
  sections.set_party_building_report(flags.Get("party-building-report"));
  return sections;
}

int SubmitReport(const Context& ctx, const Config& flags) {
  suppb::SubmitAnnualReportRequest request;
  request.set_organization_id(Required(flags, "org"));
  request.set_year(YearFlag(flags));
  request.set_submitted_on(DateFlag(flags, "submitted-on", false));
  *request.mutable_sections() = SectionsFromFlags(flags);
  request.set_rectification_report(flags.Get("rectification-report"));
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(ReportVersion(ctx, *stub, flags, request.organization_id(), request.year()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::SubmitAnnualReport, request));
  return kExitOk;
}

int ReviewReport(const Context& ctx, const Config& flags) {
  suppb::ReviewAnnualReportRequest request;
  request.set_organization_id(Required(flags, "org"));
  request.set_year(YearFlag(flags));
  request.set_passed(RequiredBool(flags, "passed"));
  request.set_opinion(Required(flags, "opinion"));
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(ReportVersion(ctx, *stub, flags, request.organization_id(), request.year()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::ReviewAnnualReport, request));
  return kExitOk;
}

int ConcludeReport(const Context& ctx, const Config& flags) {
  suppb::ConcludeAnnualReportRequest request;
  request.set_organization_id(Required(flags, "org"));
  request.set_year(YearFlag(flags));
  for (const std::string& finding : RepeatedFlag(flags, "finding", true)) {
    request.add_findings(ParseEnum<suppb::Finding>("--finding", finding));
  }
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(ReportVersion(ctx, *stub, flags, request.organization_id(), request.year()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::ConcludeAnnualReport, request));
  return kExitOk;
}

int GetReport(const Context& ctx, const Config& flags) {
  suppb::GetAnnualReportRequest request;
  request.set_organization_id(Required(flags, "org"));
  request.set_year(YearFlag(flags));
  return SupCallAndPrint(ctx, &SupStub::GetAnnualReport, request);
}

int ListReports(const Context& ctx, const Config& flags) {
  suppb::ListAnnualReportsRequest request;
  request.set_year(YearFlag(flags));
  request.set_state(EnumFlag<suppb::ReportState>(flags, "state", false));
  *request.mutable_page() = PageFlags(flags);
  return SupCallAndPrint(ctx, &SupStub::ListAnnualReports, request);
}

int Sweep(const Context& ctx, const Config& flags) {
  suppb::SweepRequest request;
  request.set_as_of(DateFlag(flags, "as-of", false));
  request.set_request_id(RequestId(flags));
  return SupCallAndPrint(ctx, &SupStub::Sweep, request);
}

// ---- credit records ----------------------------------------------------------------------------

int GetCredit(const Context& ctx, const Config& flags) {
  suppb::GetCreditRecordRequest request;
  request.set_organization_id(Required(flags, "org"));
  return SupCallAndPrint(ctx, &SupStub::GetCreditRecord, request);
}

int ListListings(const Context& ctx, const Config& flags) {
  suppb::ListCreditListingsRequest request;
  request.set_list(EnumFlag<suppb::CreditList>(flags, "list", true));
  *request.mutable_page() = PageFlags(flags);
  return SupCallAndPrint(ctx, &SupStub::ListCreditListings, request);
}

int WasListed(const Context& ctx, const Config& flags) {
  suppb::WasListedRequest request;
  request.set_organization_id(Required(flags, "org"));
  request.set_list(EnumFlag<suppb::CreditList>(flags, "list", true));
  request.set_from(DateFlag(flags, "from", true));
  request.set_to(DateFlag(flags, "to", true));
  return SupCallAndPrint(ctx, &SupStub::WasListed, request);
}

int RecordCreditEvent(const Context& ctx, const Config& flags) {
  suppb::RecordCreditEventRequest request;
  request.set_organization_id(Required(flags, "org"));
  suppb::CreditEvent& event = *request.mutable_event();
  event.set_kind(EnumFlag<suppb::CreditEventKind>(flags, "kind", true));
  event.set_on(DateFlag(flags, "on", true));
  event.set_fine_fen(FenAmountFlag(flags, "fine-fen"));
  event.set_no_direct_responsibility(flags.GetBool("no-direct-responsibility"));
  event.set_source(flags.Get("source"));
  request.set_first_letter_on(DateFlag(flags, "first-letter-on", false));
  request.set_second_letter_on(DateFlag(flags, "second-letter-on", false));
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(CreditVersion(ctx, *stub, flags, request.organization_id()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::RecordCreditEvent, request));
  return kExitOk;
}

int RemoveListing(const Context& ctx, const Config& flags) {
  suppb::RemoveCreditListingRequest request;
  request.set_organization_id(Required(flags, "org"));
  request.set_obligations_fulfilled(flags.GetBool("obligations-fulfilled"));
  request.set_deregistered(flags.GetBool("deregistered"));
  request.set_original_rectification_done(flags.GetBool("original-rectification-done"));
  if (!request.obligations_fulfilled() && !request.deregistered() &&
      !request.original_rectification_done()) {
    throw ConfigError(
        "give a ground: --obligations-fulfilled, --deregistered or --original-rectification-done");
  }
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(CreditVersion(ctx, *stub, flags, request.organization_id()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::RemoveCreditListing, request));
  return kExitOk;
}

int RecordObjection(const Context& ctx, const Config& flags) {
  suppb::RecordObjectionRequest request;
  request.set_organization_id(Required(flags, "org"));
  request.set_filed_on(DateFlag(flags, "filed-on", true));
  request.set_grounds(Required(flags, "grounds"));
  request.set_upheld(flags.GetBool("upheld"));
  request.set_answer(Required(flags, "answer"));
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(CreditVersion(ctx, *stub, flags, request.organization_id()));
  PrintJson(ctx, SupCall(ctx, *stub, &SupStub::RecordObjection, request));
  return kExitOk;
}

Option Fen(const std::string& name, const std::string& what) {
  return {name, "", what + ", integer fen"};
}

std::vector<Option> SubmitReportOptions() {
  return {kOrg,
          kYearOpt,
          {"submitted-on", "", "day received, YYYY-MM-DD (default: today)"},
          {"compliance", "", "compliance with laws and the articles"},
          {"registration-changes", "", "registration changes during the year"},
          {"activities", "", "activities held"},
          {"activity-count", "0", "number of activities held"},
          {"people", "", "staff, council, supervisors"},
          {"staff-fulltime", "0", "full-time staff at year end"},
          Fen("assets-fen", "total assets"),
          Fen("liabilities-fen", "total liabilities"),
          Fen("net-assets-fen", "net assets (default: assets − liabilities; may be negative)"),
          Fen("income-fen", "income of the year"),
          Fen("expenses-fen", "expenses of the year"),
          Fen("donations-received-fen", "donations received"),
          Fen("donations-given-fen", "donations given"),
          {"party-building-report", "", "party-building work report (PB-10)"},
          {"rectification-report", "", "AR-08 rectification report, when required"},
          kSupVersion,
          kSupRequestId};
}

std::vector<Command> ReportCommands() {
  return {
      {"sup",
       "open-year",
       "open a report year: fix its cohort and open one report per organization (AR-05)",
       {kYearOpt, kSupRequestId},
       {},
       OpenYear},
      {"sup",
       "year",
       "read a report year with its exact counts",
       {kYearOpt, {"jurisdiction", "", "jurisdiction code (default: the caller's)"}},
       {},
       GetYear},
      {"sup",
       "submit-report",
       "record an organization's annual report as received (AR-01..04, AR-08)",
       SubmitReportOptions(),
       {},
       SubmitReport},
      {"sup",
       "review-report",
       "record the supervisory unit's review of a submitted report",
       {kOrg,
        kYearOpt,
        {"passed", "", "the unit agreed: --passed or --passed=false (required)"},
        {"opinion", "", "the unit's opinion (required)"},
        kSupVersion,
        kSupRequestId},
       {"passed"},
       ReviewReport},
      {"sup",
       "conclude-report",
       "conclude a report from the registry's findings; none: PASS (AR-06/07)",
       {kOrg,
        kYearOpt,
        {"finding", "",
         "finding, repeatable or comma-separated: " + EnumChoices(*suppb::Finding_descriptor())},
        kSupVersion,
        kSupRequestId},
       {},
       ConcludeReport,
       {"finding"}},
      {"sup",
       "report",
       "read one organization's report of a year",
       {kOrg, kYearOpt},
       {},
       GetReport},
      {"sup",
       "reports",
       "list the reports of a year",
       {kYearOpt,
        {"state", "", EnumChoices(*suppb::ReportState_descriptor())},
        kSupPageSize,
        kSupPageToken},
       {},
       ListReports},
      {"sup",
       "sweep",
       "run the date-driven rules as of a day (overdue reports, listings, removals)",
       {{"as-of", "", "day, YYYY-MM-DD (default: today)"}, kSupRequestId},
       {},
       Sweep},
  };
}

std::vector<Command> CreditCommands() {
  const Option list{"list", "", "ABNORMAL | SERIOUS (required)"};
  return {
      {"sup", "credit", "read an organization's credit record", {kOrg}, {}, GetCredit},
      {"sup",
       "listings",
       "list the organizations on a credit list now",
       {list, kSupPageSize, kSupPageToken},
       {},
       ListListings},
      {"sup",
       "was-listed",
       "whether an organization was on a list on any day of a period (CR-10)",
       {kOrg,
        list,
        {"from", "", "first day, YYYY-MM-DD (required)"},
        {"to", "", "last day, YYYY-MM-DD, inclusive (required)"}},
       {},
       WasListed},
      {"sup",
       "record-credit-event",
       "record a listable credit event found by the registry (CR-02, CR-06(6))",
       {kOrg,
        {"kind", "", EnumChoices(*suppb::CreditEventKind_descriptor()) + " (required)"},
        {"on", "", "day of the event, YYYY-MM-DD (required)"},
        Fen("fine-fen", "fines: the amount"),
        {"no-direct-responsibility", "false",
         "CR-03: the supervisory unit certified no direct responsibility; may be bare"},
        {"source", "", "where it came from"},
        {"first-letter-on", "", "UNREACHABLE: first registered letter, YYYY-MM-DD"},
        {"second-letter-on", "", "UNREACHABLE: second registered letter, YYYY-MM-DD"},
        kSupVersion,
        kSupRequestId},
       {"no-direct-responsibility"},
       RecordCreditEvent},
      {"sup",
       "remove-listing",
       "remove the open listing (CR-05, CR-07)",
       {kOrg,
        {"obligations-fulfilled", "false", "CR-05: obligations verified fulfilled; may be bare"},
        {"deregistered", "false", "CR-07: the organization is deregistered; may be bare"},
        {"original-rectification-done", "false",
         "CR-07: the original rectification is complete; may be bare"},
        kSupVersion,
        kSupRequestId},
       {"obligations-fulfilled", "deregistered", "original-rectification-done"},
       RemoveListing},
      {"sup",
       "objection",
       "record an objection to a listing and its outcome (CR-08)",
       {kOrg,
        {"filed-on", "", "day filed, YYYY-MM-DD (required)"},
        {"grounds", "", "the organization's grounds (required)"},
        {"upheld", "false", "upheld: the listing is removed as an error; may be bare"},
        {"answer", "", "the registry's answer (required)"},
        kSupVersion,
        kSupRequestId},
       {"upheld"},
       RecordObjection},
  };
}

}  // namespace

std::vector<Command> SupReportCommands() {
  std::vector<Command> all = ReportCommands();
  for (Command& command : CreditCommands()) all.push_back(std::move(command));
  return all;
}

}  // namespace socgov::ctl
