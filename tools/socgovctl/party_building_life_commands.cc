// "socgovctl pb ..." for a party organization's life after establishment: term elections and
// meetings (PB-13), party-building instructors (work coverage, PB-08), activities, annual
// evaluations (六个好) and awards (先进基层党组织, 党员之星), and the counts of a jurisdiction.
#include "party_building_cli.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;
using config::Option;

// --year, required: the service takes 2000 .. this year.
int32_t YearFlag(const Config& flags) {
  Required(flags, "year");
  return static_cast<int32_t>(flags.GetInt("year", 2000, 9999));
}

// ---- term elections and meetings (PB-13) --------------------------------------------------------

int StartElection(const Context& ctx, const Config& flags) {
  pbpb::StartTermElectionRequest request;
  request.set_party_org_id(Required(flags, "party-org"));
  request.set_on(DateFlag(flags, "on", false));
  request.set_request_id(RequestId(flags));
  auto stub = PartyBuildingStub(ctx);
  request.set_version(PartyOrgVersion(ctx, *stub, flags, request.party_org_id()));
  PrintJson(ctx, PbCall(ctx, *stub, &PbStub::StartTermElection, request));
  return kExitOk;
}

int CompleteElection(const Context& ctx, const Config& flags) {
  pbpb::CompleteTermElectionRequest request;
  request.set_party_org_id(Required(flags, "party-org"));
  Required(flags, "eligible");
  Required(flags, "present");
  request.set_eligible(CountFlag(flags, "eligible"));
  request.set_present(CountFlag(flags, "present"));
  *request.mutable_leadership() = LeadershipFlags(flags);
  request.set_term_start(DateFlag(flags, "term-start", true));
  request.set_term_end(DateFlag(flags, "term-end", true));
  request.set_on(DateFlag(flags, "on", false));
  request.set_request_id(RequestId(flags));
  auto stub = PartyBuildingStub(ctx);
  request.set_version(PartyOrgVersion(ctx, *stub, flags, request.party_org_id()));
  PrintJson(ctx, PbCall(ctx, *stub, &PbStub::CompleteTermElection, request));
  return kExitOk;
}

int RecordMeeting(const Context& ctx, const Config& flags) {
  pbpb::RecordMeetingRequest request;
  request.set_party_org_id(Required(flags, "party-org"));
  request.set_kind(EnumFlag<pbpb::MeetingKind>(flags, "kind", true));
  request.set_held_on(DateFlag(flags, "held-on", false));
  Required(flags, "entitled");
  Required(flags, "present");
  request.set_entitled(CountFlag(flags, "entitled"));
  request.set_present(CountFlag(flags, "present"));
  request.set_votes_for(CountFlag(flags, "votes-for"));
  request.set_subject(Required(flags, "subject"));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response = PbCall(ctx, *PartyBuildingStub(ctx), &PbStub::RecordMeeting, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int MeetingCompliance(const Context& ctx, const Config& flags) {
  pbpb::GetMeetingComplianceRequest request;
  request.set_party_org_id(Required(flags, "party-org"));
  request.set_as_of(DateFlag(flags, "as-of", false));
  return PbCallAndPrint(ctx, &PbStub::GetMeetingCompliance, request);
}

// ---- instructors (PB-08 work coverage) ----------------------------------------------------------

int AppointInstructor(const Context& ctx, const Config& flags) {
  pbpb::AppointInstructorRequest request;
  request.set_name(Required(flags, "name"));
  const std::vector<std::string> reached = RepeatedFlag(flags, "org", true);
  if (reached.empty()) throw ConfigError("--org is required (one per organization reached)");
  for (const std::string& org : reached) request.add_reached_organization_ids(org);
  request.set_appointed_on(DateFlag(flags, "appointed-on", false));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response = PbCall(ctx, *PartyBuildingStub(ctx), &PbStub::AppointInstructor, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

// There is no GetInstructor to read the version from: --version is required.
int EndInstructor(const Context& ctx, const Config& flags) {
  pbpb::EndInstructorRequest request;
  request.set_instructor_id(Required(flags, "instructor"));
  Required(flags, "version");
  request.set_version(flags.GetInt("version", 1, kInt64Max));
  request.set_on(DateFlag(flags, "on", false));
  request.set_request_id(RequestId(flags));
  return PbCallAndPrint(ctx, &PbStub::EndInstructor, request);
}

// ---- activities, evaluations, awards ------------------------------------------------------------

int RecordActivity(const Context& ctx, const Config& flags) {
  pbpb::RecordActivityRequest request;
  const std::vector<std::string> hosts = RepeatedFlag(flags, "party-org", true);
  if (hosts.empty()) throw ConfigError("--party-org is required (one per organization holding it)");
  for (const std::string& host : hosts) request.add_party_org_ids(host);
  request.set_held_on(DateFlag(flags, "held-on", false));
  request.set_title(Required(flags, "title"));
  Required(flags, "participants");
  request.set_participants(CountFlag(flags, "participants"));
  request.set_brand(flags.Get("brand"));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response = PbCall(ctx, *PartyBuildingStub(ctx), &PbStub::RecordActivity, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int RecordEvaluation(const Context& ctx, const Config& flags) {
  pbpb::RecordEvaluationRequest request;
  request.set_party_org_id(Required(flags, "party-org"));
  request.set_year(YearFlag(flags));
  request.set_six_good(RequiredBool(flags, "six-good"));
  request.set_evaluated_by(Required(flags, "evaluated-by"));
  request.set_request_id(RequestId(flags));
  return PbCallAndPrint(ctx, &PbStub::RecordEvaluation, request);
}

int RecordAward(const Context& ctx, const Config& flags) {
  pbpb::RecordAwardRequest request;
  request.set_kind(EnumFlag<pbpb::AwardKind>(flags, "kind", true));
  if (request.kind() == pbpb::AWARD_KIND_STAR_MEMBER) {
    if (!flags.Get("party-org").empty()) {
      throw ConfigError("--party-org is not given for STAR_MEMBER: the member's record names it");
    }
    request.set_member_id_number(IdNumberFlag(flags, "member-id-number"));
  } else {
    request.set_party_org_id(Required(flags, "party-org"));
  }
  request.set_year(YearFlag(flags));
  request.set_awarded_by(Required(flags, "awarded-by"));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response = PbCall(ctx, *PartyBuildingStub(ctx), &PbStub::RecordAward, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

int GetSummary(const Context& ctx, const Config& flags) {
  pbpb::GetSummaryRequest request;
  if (!flags.Get("jurisdiction").empty()) {
    request.set_jurisdiction(flags.GetJurisdiction("jurisdiction"));
  }
  if (!flags.Get("year").empty()) request.set_year(YearFlag(flags));
  return PbCallAndPrint(ctx, &PbStub::GetSummary, request);
}

}  // namespace

std::vector<Command> PbLifeCommands() {
  std::vector<Option> complete = {
      kPbPartyOrg,
      {"eligible", "", "members entitled to vote at the election meeting (required)"},
      {"present", "", "members present; PB-13: at least 4/5 of eligible (required)"}};
  for (Option& option : LeadershipOptions()) complete.push_back(std::move(option));
  complete.insert(
      complete.end(),
      {{"on", "", "day of the election, YYYY-MM-DD (default: today)"}, kPbVersion, kPbRequestId});
  const Option year{"year", "", "the year, e.g. 2026 (required)"};
  return {
      {"pb",
       "start-election",
       "a term election (换届) begins: TERM_ELECTION (temporary branches hold none, PB-06)",
       {kPbPartyOrg, {"on", "", "day, YYYY-MM-DD (default: today)"}, kPbVersion, kPbRequestId},
       {},
       StartElection},
      {"pb",
       "complete-election",
       "the election meeting (quorum 4/5, PB-13) elected the next leadership (PB-04): ACTIVE",
       complete,
       kPbLeadershipSwitches,
       CompleteElection,
       {"committee"}},
      {"pb",
       "record-meeting",
       "record a meeting held: organizational life (monthly, PB-13) or a vote on a resolution",
       {kPbPartyOrg,
        {"kind", "", Choices(pbpb::MeetingKind_descriptor(), true)},
        {"held-on", "", "day held, YYYY-MM-DD, not after today (default: today)"},
        {"entitled", "", "members entitled to attend (required)"},
        {"present", "", "members present (required)"},
        {"votes-for", "0", "votes for (RESOLUTION: passes with more than half of entitled)"},
        {"subject", "", "subject, at most 200 characters (required)"},
        kPbRequestId,
        {"output", "json", "json | id (the meeting id)"}},
       {},
       RecordMeeting},
      {"pb",
       "meeting-compliance",
       "the whole months without a meeting since the term began (PB-13)",
       {kPbPartyOrg, {"as-of", "", "day, YYYY-MM-DD (default: today)"}},
       {},
       MeetingCompliance},
      {"pb",
       "appoint-instructor",
       "appoint a party-building instructor (党建指导员) reaching organizations (PB-08 work "
       "coverage)",
       {{"name", "", "the instructor's name (required)"},
        {"org", "",
         "organization reached (credit code), repeatable or comma-separated, 1..50 (required)"},
        {"appointed-on", "", "day appointed, YYYY-MM-DD (default: today)"},
        kPbRequestId,
        {"output", "json", "json | id (the instructor id)"}},
       {},
       AppointInstructor,
       {"org"}},
      {"pb",
       "end-instructor",
       "end an instructor's appointment; the organizations reached no longer count",
       {{"instructor", "", "instructor id (required)"},
        {"version", "", "version the caller saw (required: there is no read of one instructor)"},
        {"on", "", "day, YYYY-MM-DD (default: today)"},
        kPbRequestId},
       {},
       EndInstructor},
      {"pb",
       "record-activity",
       "record a party activity held (活动联办: several party organizations), with its brand",
       {{"party-org", "",
         "party organization holding it, repeatable or comma-separated, 1..20 (required)"},
        {"held-on", "", "day held, YYYY-MM-DD, not after today (default: today)"},
        {"title", "", "title, at most 200 characters (required)"},
        {"participants", "", "people taking part, 1..100000 (required)"},
        {"brand", "", "the party-building brand, e.g. 和方程"},
        kPbRequestId,
        {"output", "json", "json | id (the activity id)"}},
       {},
       RecordActivity,
       {"party-org"}},
      {"pb",
       "record-evaluation",
       "record a party organization's annual evaluation (六个好); one per organization and year",
       {kPbPartyOrg,
        year,
        {"six-good", "", "rated 六个好: --six-good or --six-good=false (required)"},
        {"evaluated-by", "", "who evaluated, at most 64 characters (required)"},
        kPbRequestId},
       {"six-good"},
       RecordEvaluation},
      {"pb",
       "record-award",
       "record an award: 先进基层党组织 to a party organization, 党员之星 to a member",
       {{"kind", "", Choices(pbpb::AwardKind_descriptor(), true)},
        {"party-org", "", "ADVANCED_PARTY_ORG: the party organization awarded"},
        {"member-id-number", "", "STAR_MEMBER: the member's ID number; prefer the file"},
        {"member-id-number-file", "", "STAR_MEMBER: file whose first line is the ID number"},
        year,
        {"awarded-by", "", "who awarded, at most 64 characters (required)"},
        kPbRequestId,
        {"output", "json", "json | id (the award id)"}},
       {},
       RecordAward},
      {"pb",
       "summary",
       "the counts of a jurisdiction: types, members, clause, coverage, activities, awards, "
       "major matters (viewers may read it)",
       {{"jurisdiction", "", "6-digit code (default: the caller's; a city sums its districts)"},
        {"year", "", "evaluations and awards of this year only (default: all years)"}},
       {},
       GetSummary},
  };
}

}  // namespace socgov::ctl
