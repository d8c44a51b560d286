// "socgovctl pb ..." for the party organization's part in a social organization's major decisions
// (Fushun's guideline, PB-12): registering a matter, the opinion against the "six whether"
// checklist, escalating a disagreement to the higher party organization and its answer, and the
// follow-up of execution (deviations corrected or escalated) until it closes.
#include "party_building_cli.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;
using config::Option;

const Option kDecision{"decision", "", "major matter id (required)"};
const Option kOn{"on", "", "day, YYYY-MM-DD (default: today)"};

// "lawful, within-charter" or "all": the SixWhether fields that hold, by their names ('-' for '_').
std::string ChecklistItems() {
  const auto* descriptor = pbpb::SixWhether::descriptor();
  std::string items;
  for (int i = 0; i < descriptor->field_count(); ++i) {
    std::string name = descriptor->field(i)->name();
    for (char& c : name) c = c == '_' ? '-' : c;
    items += (items.empty() ? "" : " | ") + name;
  }
  return items;
}

pbpb::SixWhether ChecklistFlag(const Config& flags) {
  pbpb::SixWhether checklist;
  const auto* descriptor = pbpb::SixWhether::descriptor();
  const auto* reflection = checklist.GetReflection();
  for (const std::string& given : RepeatedFlag(flags, "checklist", true)) {
    std::string item = given;
    for (char& c : item) c = c == '-' ? '_' : c;
    if (item == "all") {
      for (int i = 0; i < descriptor->field_count(); ++i)
        reflection->SetBool(&checklist, descriptor->field(i), true);
      continue;
    }
    const auto* field = descriptor->FindFieldByName(item);
    if (field == nullptr) {
      throw ConfigError("--checklist must list all | " + ChecklistItems() + ", got \"" + given +
                        "\"");
    }
    reflection->SetBool(&checklist, field, true);
  }
  return checklist;
}

int RegisterDecision(const Context& ctx, const Config& flags) {
  pbpb::RegisterMajorDecisionRequest request;
  request.set_organization_id(Required(flags, "org"));
  request.set_party_org_id(Required(flags, "party-org"));
  request.set_category(EnumFlag<pbpb::MatterCategory>(flags, "category", true));
  request.set_major(flags.GetBool("major"));
  request.set_title(Required(flags, "title"));
  request.set_decision_meeting_on(DateFlag(flags, "decision-meeting-on", true));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response =
      PbCall(ctx, *PartyBuildingStub(ctx), &PbStub::RegisterMajorDecision, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int DecisionOpinion(const Context& ctx, const Config& flags) {
  pbpb::RecordDecisionOpinionRequest request;
  request.set_decision_id(Required(flags, "decision"));
  pbpb::DecisionOpinion& opinion = *request.mutable_opinion();
  opinion.set_form(EnumFlag<pbpb::ParticipationForm>(flags, "form", true));
  *opinion.mutable_checklist() = ChecklistFlag(flags);
  opinion.set_agree(RequiredBool(flags, "agree"));
  opinion.set_reason(flags.Get("reason"));
  opinion.set_on(DateFlag(flags, "on", false));
  request.set_request_id(RequestId(flags));
  auto stub = PartyBuildingStub(ctx);
  request.set_version(DecisionVersion(ctx, *stub, flags, request.decision_id()));
  PrintJson(ctx, PbCall(ctx, *stub, &PbStub::RecordDecisionOpinion, request));
  return kExitOk;
}

// The steps that name the matter, its version and a day, and little else.
template <typename Request>
int DecisionStep(const Context& ctx, const Config& flags, Request request,
                 PbMethod<Request, pbpb::MajorDecision> method) {
  request.set_decision_id(Required(flags, "decision"));
  request.set_on(DateFlag(flags, "on", false));
  request.set_request_id(RequestId(flags));
  auto stub = PartyBuildingStub(ctx);
  request.set_version(DecisionVersion(ctx, *stub, flags, request.decision_id()));
  PrintJson(ctx, PbCall(ctx, *stub, method, request));
  return kExitOk;
}

int Escalate(const Context& ctx, const Config& flags) {
  pbpb::EscalateMajorDecisionRequest request;
  request.set_higher_party_org_id(Required(flags, "higher-party-org"));
  return DecisionStep(ctx, flags, request, &PbStub::EscalateMajorDecision);
}

int ResolveEscalation(const Context& ctx, const Config& flags) {
  pbpb::ResolveDecisionEscalationRequest request;
  request.set_objection_upheld(RequiredBool(flags, "objection-upheld"));
  return DecisionStep(ctx, flags, request, &PbStub::ResolveDecisionEscalation);
}

int StartExecution(const Context& ctx, const Config& flags) {
  return DecisionStep(ctx, flags, pbpb::StartDecisionExecutionRequest(),
                      &PbStub::StartDecisionExecution);
}

int RecordDeviation(const Context& ctx, const Config& flags) {
  pbpb::RecordDecisionDeviationRequest request;
  request.set_description(Required(flags, "description"));
  return DecisionStep(ctx, flags, request, &PbStub::RecordDecisionDeviation);
}

int ResolveDeviation(const Context& ctx, const Config& flags) {
  pbpb::ResolveDecisionDeviationRequest request;
  Required(flags, "index");
  request.set_index(CountFlag(flags, "index"));
  request.set_corrected(RequiredBool(flags, "corrected"));
  return DecisionStep(ctx, flags, request, &PbStub::ResolveDecisionDeviation);
}

int CloseDecision(const Context& ctx, const Config& flags) {
  return DecisionStep(ctx, flags, pbpb::CloseMajorDecisionRequest(), &PbStub::CloseMajorDecision);
}

int GetDecision(const Context& ctx, const Config& flags) {
  pbpb::GetMajorDecisionRequest request;
  request.set_decision_id(Required(flags, "decision"));
  return PbCallAndPrint(ctx, &PbStub::GetMajorDecision, request);
}

int ListDecisions(const Context& ctx, const Config& flags) {
  pbpb::ListMajorDecisionsRequest request;
  if (!flags.Get("jurisdiction").empty()) {
    request.set_jurisdiction(flags.GetJurisdiction("jurisdiction"));
  }
  request.set_organization_id(flags.Get("org"));
  request.set_limit(static_cast<int32_t>(flags.GetInt("limit", 0, 500)));
  return PbCallAndPrint(ctx, &PbStub::ListMajorDecisions, request);
}

}  // namespace

std::vector<Command> PbDecisionCommands() {
  const auto step = [](std::vector<Option> own) {
    std::vector<Option> options = {kDecision};
    options.insert(options.end(), own.begin(), own.end());
    options.insert(options.end(), {kOn, kPbVersion, kPbRequestId});
    return options;
  };
  return {
      {"pb",
       "register-decision",
       "register a major matter of a social organization for its party organization (PB-12)",
       {{"org", "", "the social organization deciding (credit code) (required)"},
        kPbPartyOrg,
        {"category", "", Choices(pbpb::MatterCategory_descriptor(), true)},
        Switch("major", "on the organization's decision list (决策清单) as a major matter"),
        {"title", "", "what is decided, at most 200 characters (required)"},
        {"decision-meeting-on", "", "day of the decision meeting, YYYY-MM-DD (required)"},
        kPbRequestId,
        {"output", "json", "json | id (the matter id)"}},
       {"major"},
       RegisterDecision},
      {"pb",
       "decision-opinion",
       "the party organization's opinion against the six-whether checklist (六个是否)",
       {kDecision,
        {"form", "", Choices(pbpb::ParticipationForm_descriptor(), true)},
        {"checklist", "",
         "the checks that hold, repeatable or comma-separated: all | " + ChecklistItems()},
        {"agree", "", "it agrees: --agree or --agree=false (required)"},
        {"reason", "", "why it disagrees (required then), at most 500 characters"},
        kOn,
        kPbVersion,
        kPbRequestId},
       {"agree"},
       DecisionOpinion,
       {"checklist"}},
      {"pb",
       "escalate-decision",
       "escalate a disagreement on a major matter to the higher party organization",
       step({{"higher-party-org", "", "the higher party organization (required)"}}),
       {},
       Escalate},
      {"pb",
       "resolve-escalation",
       "the higher organization upholds the objection (WITHDRAWN) or overrules it (AGREED)",
       step({{"objection-upheld", "",
              "--objection-upheld (withdrawn) or --objection-upheld=false (required)"}}),
       {"objection-upheld"},
       ResolveEscalation},
      {"pb",
       "start-execution",
       "execution of the matter starts and is followed up: EXECUTING",
       step({}),
       {},
       StartExecution},
      {"pb",
       "record-deviation",
       "record a deviation found while following up execution",
       step({{"description", "", "what deviated, at most 500 characters (required)"}}),
       {},
       RecordDeviation},
      {"pb",
       "resolve-deviation",
       "a deviation is corrected or escalated to the higher organization",
       step({{"index", "", "index of the deviation in the matter's deviations (required)"},
             {"corrected", "", "--corrected, or --corrected=false: escalated (required)"}}),
       {"corrected"},
       ResolveDeviation},
      {"pb",
       "close-decision",
       "close the follow-up (no deviation open): CLOSED",
       step({}),
       {},
       CloseDecision},
      {"pb", "decision", "read one major matter", {kDecision}, {}, GetDecision},
      {"pb",
       "decisions",
       "list the major matters of a jurisdiction or an organization, in registration order",
       {{"jurisdiction", "", "6-digit code (default: the caller's; a city lists its districts')"},
        {"org", "", "only this organization's"},
        {"limit", "0", "at most this many (0: 500)"}},
       {},
       ListDecisions},
  };
}

}  // namespace socgov::ctl
