// "socgovctl wv ...": one command per WelfareVentureService RPC. The requests are filled from the
// flags by reflection over the request's descriptor, so a field added to the proto is a flag
// without code here; each command prints the response as JSON.
#include "welfare_venture_cli.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "progress.h"
#include "supervision_cli.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;
using config::Option;
using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// The names the descriptors live as long as the program: string_views into them are safe.
std::string Kebab(std::string_view field) {
  std::string out(field);
  for (char& c : out)
    if (c == '_') c = '-';
  return out;
}

bool IsScalar(const FieldDescriptor& f) { return f.cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE; }

// The one non-repeated message field whose scalars become flags (application, activity, check,
// sheet), when the request has one.
const FieldDescriptor* Carried(const Descriptor& d) {
  for (int i = 0; i < d.field_count(); ++i) {
    const FieldDescriptor* f = d.field(i);
    if (!IsScalar(*f) && !f->is_repeated()) return f;
  }
  return nullptr;
}

// Fields of a carried message the service fills in itself (ids, states, review, findings): not
// flags.
bool ServerSide(const FieldDescriptor& f) {
  static constexpr std::string_view kNames[] = {"id",
                                                "state",
                                                "version",
                                                "jurisdiction",
                                                "submitted_on",
                                                "screening_note",
                                                "expert_ids",
                                                "matching_bonus",
                                                "special_bonus",
                                                "unsupported_fen",
                                                "passed",
                                                "finding"};
  return std::find(std::begin(kNames), std::end(kNames), f.name()) != std::end(kNames);
}

struct Flagged {
  const FieldDescriptor* field;
  const FieldDescriptor* parent;  // nullptr: the request's own field
};

// Every field a flag sets, with its flag name; the request's own fields win a name clash.
std::vector<std::pair<std::string, Flagged>> Flags(const Descriptor& d) {
  std::vector<std::pair<std::string, Flagged>> out;
  std::set<std::string> names;
  for (int i = 0; i < d.field_count(); ++i)
    if (IsScalar(*d.field(i)) && names.insert(Kebab(d.field(i)->name())).second)
      out.push_back({Kebab(d.field(i)->name()), {d.field(i), nullptr}});
  if (const FieldDescriptor* carried = Carried(d)) {
    const Descriptor& inner = *carried->message_type();
    for (int i = 0; i < inner.field_count(); ++i)
      if (IsScalar(*inner.field(i)) && !ServerSide(*inner.field(i)) &&
          names.insert(Kebab(inner.field(i)->name())).second)
        out.push_back({Kebab(inner.field(i)->name()), {inner.field(i), carried}});
  }
  return out;
}

std::string Help(const FieldDescriptor& f) {
  std::string help = f.is_repeated() ? "comma-separated; " : "";
  switch (f.cpp_type()) {
    case FieldDescriptor::CPPTYPE_ENUM:
      return help + EnumChoices(*f.enum_type());
    case FieldDescriptor::CPPTYPE_BOOL:
      return help + "true | false";
    case FieldDescriptor::CPPTYPE_STRING:
      if (f.name() == "on" || f.name().ends_with("_on") || f.name().ends_with("_opens") ||
          f.name().ends_with("_closes"))
        return help + "day, YYYY-MM-DD";
      return help + "text";
    default:
      return help + (f.name().ends_with("_fen") ? "amount in fen (分)" : "integer");
  }
}

void SetOne(const FieldDescriptor& f, const std::string& flag, const std::string& value,
            Message* m) {
  const Reflection* r = m->GetReflection();
  auto integer = [&]() -> long long {
    size_t used = 0;
    long long v = 0;
    try {
      v = std::stoll(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != value.size()) throw ConfigError("--" + flag + ": not an integer");
    return v;
  };
  const bool rep = f.is_repeated();
  switch (f.cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      rep ? r->AddString(m, &f, value) : r->SetString(m, &f, value);
      return;
    case FieldDescriptor::CPPTYPE_INT64:
      rep ? r->AddInt64(m, &f, integer()) : r->SetInt64(m, &f, integer());
      return;
    case FieldDescriptor::CPPTYPE_INT32: {
      const long long v = integer();
      if (v < INT32_MIN || v > INT32_MAX) throw ConfigError("--" + flag + ": out of range");
      rep ? r->AddInt32(m, &f, int32_t(v)) : r->SetInt32(m, &f, int32_t(v));
      return;
    }
    case FieldDescriptor::CPPTYPE_BOOL: {
      if (value != "true" && value != "false") throw ConfigError("--" + flag + ": true or false");
      rep ? r->AddBool(m, &f, value == "true") : r->SetBool(m, &f, value == "true");
      return;
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int v = ParseEnumName(*f.enum_type(), "--" + flag, value);
      rep ? r->AddEnumValue(m, &f, v) : r->SetEnumValue(m, &f, v);
      return;
    }
    default:
      throw ConfigError("--" + flag + ": not settable from a flag (use --json)");
  }
}

// The entity a request changes and how to read its version.
int64_t CurrentVersion(const Context& ctx, WvStub& stub, const Message& request) {
  const Descriptor& d = *request.GetDescriptor();
  const Reflection* r = request.GetReflection();
  auto text = [&](const char* name) -> std::string {
    const FieldDescriptor* f = d.FindFieldByName(name);
    return f == nullptr ? std::string() : r->GetString(request, f);
  };
  if (const std::string id = text("project_id"); !id.empty()) {
    wvpb::GetProjectRequest get;
    get.set_project_id(id);
    return WvCall(ctx, stub, &WvStub::GetProject, get).version();
  }
  if (const std::string id = text("application_id");
      !id.empty() && d.FindFieldByName("round_id") == nullptr) {
    wvpb::GetApplicationRequest get;
    get.set_application_id(id);
    return WvCall(ctx, stub, &WvStub::GetApplication, get).version();
  }
  if (const std::string id = text("round_id"); !id.empty()) {
    wvpb::GetRoundRequest get;
    get.set_round_id(id);
    return WvCall(ctx, stub, &WvStub::GetRound, get).version();
  }
  if (const std::string id = text("application_id"); !id.empty()) {
    wvpb::GetApplicationRequest get;
    get.set_application_id(id);
    return WvCall(ctx, stub, &WvStub::GetApplication, get).version();
  }
  return 0;
}

template <typename T>
struct MethodTraits;
template <typename Req, typename Resp>
struct MethodTraits<grpc::Status (WvStub::*)(grpc::ClientContext*, const Req&, Resp*)> {
  using Request = Req;
  using Response = Resp;
};

template <auto Method>
int Run(const Context& ctx, const Config& flags) {
  typename MethodTraits<decltype(Method)>::Request request;
  FillRequest(flags, &request);
  auto stub = WelfareVentureStub(ctx);
  FillVersion(ctx, *stub, flags, &request);
  PrintJson(ctx, WvCall(ctx, *stub, Method, request));
  return kExitOk;
}

template <auto Method>
Command Make(std::string_view name, std::string_view summary) {
  const Descriptor& d = *MethodTraits<decltype(Method)>::Request::descriptor();
  return {"wv", name, summary, RequestOptions(d), {}, &Run<Method>};
}

// VC-11's disclosure as a document: the CSV or JSONL text to --out (or stdout), page by page with
// a progress bar on stderr, rather than the response as JSON.
int Disclosure(const Context& ctx, const Config& flags) {
  wvpb::ExportDisclosureRequest request;
  FillRequest(flags, &request);
  const std::string& path = flags.Get("out");
  std::ofstream file;
  if (!path.empty()) {
    file.open(path, std::ios::binary | std::ios::trunc);
    if (!file.good()) throw ConfigError("--out: cannot write " + path);
  }
  std::ostream& sink = path.empty() ? ctx.out : file;
  Progress progress(ctx.err, ctx.err_is_terminal);
  auto stub = WelfareVentureStub(ctx);
  std::int64_t done = 0, total = 0;
  for (;;) {
    const auto page = WvCall(ctx, *stub, &WvStub::ExportDisclosure, request);
    sink << page.text();
    done += page.rows_size();
    total = page.total();
    progress.Update(done, total);
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (!path.empty() && !file.good()) throw ConfigError("--out: cannot write " + path);
  progress.Finish(done, total,
                  std::to_string(done) + " funded projects of " + std::to_string(request.year()) +
                      (path.empty() ? "" : " written to " + path));
  return kExitOk;
}

Command DisclosureCommand() {
  std::vector<Option> options = RequestOptions(*wvpb::ExportDisclosureRequest::descriptor());
  options.insert(options.end() - 1, {"out", "", "file to write (default: stdout)"});
  return {"wv",
          "disclosure",
          "export the year's funded projects (VC-11) as CSV or JSONL (--format)",
          std::move(options),
          {},
          &Disclosure};
}

}  // namespace

std::unique_ptr<WvStub> WelfareVentureStub(const Context& ctx) {
  return wvpb::WelfareVentureService::NewStub(Dial(ctx.welfare_venture_addr));
}

std::vector<Option> RequestOptions(const Descriptor& d) {
  std::vector<Option> out;
  for (const auto& [name, f] : Flags(d)) out.push_back({name, "", Help(*f.field)});
  out.push_back({"json", "", "the request as proto JSON; flags given override its fields"});
  return out;
}

void FillRequest(const Config& flags, Message* request) {
  if (const std::string& json = flags.Get("json"); !json.empty()) {
    if (!google::protobuf::util::JsonStringToMessage(json, request).ok())
      throw ConfigError("--json: not a " + request->GetDescriptor()->full_name() + " in JSON");
  }
  for (const auto& [name, f] : Flags(*request->GetDescriptor())) {
    const std::string& value = flags.Get(name);
    if (value.empty()) continue;
    Message* target = request;
    if (f.parent != nullptr) target = request->GetReflection()->MutableMessage(request, f.parent);
    if (f.field->is_repeated()) {
      target->GetReflection()->ClearField(target, f.field);
      for (const std::string& item : RepeatedFlag(flags, name, true))
        SetOne(*f.field, name, item, target);
    } else {
      SetOne(*f.field, name, value, target);
    }
  }
  const FieldDescriptor* rid = request->GetDescriptor()->FindFieldByName("request_id");
  if (rid != nullptr && request->GetReflection()->GetString(*request, rid).empty())
    request->GetReflection()->SetString(request, rid, RequestId(flags));
}

void FillVersion(const Context& ctx, WvStub& stub, const Config& flags, Message* request) {
  const FieldDescriptor* v = request->GetDescriptor()->FindFieldByName("version");
  if (v == nullptr || !flags.Get("version").empty()) return;
  if (request->GetReflection()->GetInt64(*request, v) != 0) return;  // from --json
  request->GetReflection()->SetInt64(request, v, CurrentVersion(ctx, stub, *request));
}

std::vector<Command> WelfareVentureCommands() {
  return {
      Make<&WvStub::CreateRound>("create-round",
                                 "plan a round: fund (VC-01), budget adding up, caps (VC-04), "
                                 "windows (VC-02), scheme (VC-06; criteria via --json)"),
      Make<&WvStub::AdvanceRound>("advance-round", "move a round to its next stage (VC-02)"),
      Make<&WvStub::GetRound>("round", "read a round"),
      Make<&WvStub::ListRounds>("rounds", "list the rounds of a jurisdiction"),
      Make<&WvStub::SubmitApplication>("submit",
                                       "submit an application (VC-02/03/04, CR-10 eligibility)"),
      Make<&WvStub::ScreenApplication>("screen", "screen an application (eligibility again)"),
      Make<&WvStub::WithdrawApplication>("withdraw", "withdraw an application"),
      Make<&WvStub::GetApplication>("application", "read an application with its review"),
      Make<&WvStub::ListApplications>("applications", "list a round's applications"),
      Make<&WvStub::CheckEligibility>("eligibility",
                                      "whether an organization may apply today, and why not"),
      Make<&WvStub::GetCreditFacts>("credit", "the credit facts eligibility rests on"),
      Make<&WvStub::RegisterExpert>("register-expert", "register a review expert"),
      Make<&WvStub::AssignExpert>("assign-expert", "assign an expert (VC-06 recusal)"),
      Make<&WvStub::RecordScoreSheet>(
          "score", "record a score sheet (--panel, --judge-id, scores via --json)"),
      Make<&WvStub::SetBonuses>("bonuses", "set the matching and special bonuses (VC-06)"),
      Make<&WvStub::GetRanking>("ranking", "the ranking and plan of awards (nothing stored)"),
      Make<&WvStub::PublishShortlist>("publish-shortlist",
                                      "publish the shortlist within the budget (VC-04)"),
      Make<&WvStub::FileObjection>("object", "file an objection during publicity"),
      Make<&WvStub::ResolveObjection>("resolve-objection", "resolve an objection"),
      Make<&WvStub::ConfirmAwards>("confirm-awards",
                                   "confirm the awards (eligibility re-checked), open projects"),
      Make<&WvStub::SignContract>("sign-contract",
                                  "sign a project's contract (tranches via --json)"),
      Make<&WvStub::PayTranche>("pay-tranche", "pay the next tranche once its gate is met (VC-07)"),
      Make<&WvStub::StartImplementation>("start", "start a project's implementation"),
      Make<&WvStub::RecordMidterm>("midterm", "record the mid-term evaluation (VC-08)"),
      Make<&WvStub::ReviewSuspension>("review-suspension", "review a suspended project"),
      Make<&WvStub::RecordFinancialCheck>("financial-check",
                                          "record a third-party financial check (VC-09)"),
      Make<&WvStub::SubmitFinalReport>("final-report", "record the final report (VC-10)"),
      Make<&WvStub::RecordFinalEvaluation>("final-evaluation",
                                           "record the final evaluation (VC-10)"),
      Make<&WvStub::ClawBack>("claw-back", "claw back part of a grant (VC-07, 3-year bar)"),
      Make<&WvStub::RecoverUnusedFunds>("recover-unused",
                                        "recover funds unused for 2 years (VC-10)"),
      Make<&WvStub::ArchiveProject>("archive", "archive a finished project"),
      Make<&WvStub::GetProject>("project", "read a project"),
      Make<&WvStub::ListProjects>("projects", "list projects of a round or jurisdiction"),
      Make<&WvStub::ReportActivity>("report-activity", "report an activity of a running project"),
      Make<&WvStub::ListActivities>("activities", "list a project's activities"),
      Make<&WvStub::GetOutcomeTotals>("totals", "outcome totals by project/round/category/area"),
      Make<&WvStub::ExportDisclosure>("disclosure-rows",
                                      "the year's funded projects (VC-11) as JSON rows"),
      DisclosureCommand(),
  };
}

}  // namespace socgov::ctl
