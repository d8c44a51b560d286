// Enforcement cases (行政处罚, domain.md §3.3): a clue opened against a registered organization
// (known from the directory) or an illegal organization, then one procedural step per ActOnCase.
// A decision is published as case.decided (the contract registration consumes to suspend or
// revoke), and its penalties are credit events in the same mutation (ENF-14).
#include <algorithm>

#include "platform/directory/directory.h"
#include "socgov/supervision/v1/events.pb.h"
#include "supervision/app/case_support.h"
#include "supervision/app/entity_command.h"
#include "supervision/app/to_proto.h"

namespace socgov::supervision {
namespace {

namespace ev = ::socgov::supervision::v1;
using Act = v1::ActOnCaseRequest;

ev::CaseProgressed Progress(const Case& c, const std::string& step, Date on,
                            const auth::Principal& who, std::vector<std::string> rules) {
  ev::CaseProgressed b;
  b.set_case_id(c.id);
  b.set_case_no(c.case_no);
  b.set_organization_id(c.target.organization_id);
  b.set_illegal_org_id(c.target.illegal_org_id);
  b.set_jurisdiction(c.target_jurisdiction);
  b.set_step(step);
  b.set_state(std::string(CaseStateName(c.state)));
  b.set_on(FormatDate(on));
  static const char* sources[] = {"COMPLAINT",    "SAMPLING",  "ANNUAL_REPORT", "REFERRAL",
                                  "NOTIFICATION", "DETECTION", "CAMPAIGN"};
  b.set_source(sources[static_cast<int>(c.source)]);
  SetActor(who, b.mutable_actor());
  for (auto& r : rules) b.add_rule_ids(r);
  return b;
}

Result<Date> DateField(const std::string& field, const std::string& text) {
  return ParseDateField(field, text);
}

Result<std::vector<Penalty>> Penalties(
    const google::protobuf::RepeatedPtrField<v1::CasePenalty>& in, const std::string& field) {
  std::vector<Penalty> out;
  for (int i = 0; i < in.size(); ++i) {
    auto p = FromProto(in[i], field + "[" + std::to_string(i) + "]");
    if (!p.ok()) return p.error();
    out.push_back(*p);
  }
  return out;
}

// The step's domain transition, its event name and its rule IDs.
struct Step {
  Result<Case> after;
  std::string event;
  std::vector<std::string> rules;
};

Step Apply(const Case& c, const Act& in, const CaseSettings& s, const std::string& actor,
           Date today) {
  switch (in.action_case()) {
    case Act::kPreCheck:
      return {StartPreCheck(c, today), "pre_check_started", {}};
    case Act::kDecline:
      return {Decline(c, {in.decline().reason(), in.decline().referred_to()}, s, today),
              "declined",
              {"ENF-01", "ENF-03"}};
    case Act::kFile: {
      const auto& f = in.file();
      auto violation = DateField("file.violation_on", f.violation_on());
      if (!violation.ok()) return {violation.error(), "", {}};
      return {File(c,
                   {f.case_no(),
                    {f.investigators().begin(), f.investigators().end()},
                    *violation,
                    f.facts_established(),
                    f.penalty_warranted()},
                   s, today),
              "filed",
              {"ENF-01", "ENF-02", "ENF-03"}};
    }
    case Act::kTransfer:
      return {Transfer(c, {in.transfer().to_jurisdiction(), in.transfer().reason()}, s, today),
              "transferred",
              {"ENF-01"}};
    case Act::kStartInvestigation:
      return {StartInvestigation(c, today), "investigation_started", {"ENF-02"}};
    case Act::kAddRecord: {
      const auto& r = in.add_record().record();
      if (r.stage() <= v1::RECORD_STAGE_UNSPECIFIED || r.stage() > v1::RecordStage_MAX)
        return {Error::InvalidArgument("add_record.record.stage", "unknown stage"), "", {}};
      auto on = DayOrToday("add_record.record.recorded_on", r.recorded_on(), today);
      if (!on.ok()) return {on.error(), "", {}};
      return {AddRecord(c,
                        {FromProtoEnum<RecordStage>(r.stage()),
                         r.audio_video() ? RecordKind::kAudioVideo : RecordKind::kText,
                         r.description(), *on},
                        today),
              "record_added",
              {"ENF-02"}};
    }
    case Act::kExtend:
      return {
          ExtendDecisionDeadline(
              c, {in.extend().days(), in.extend().approved_by(), in.extend().reason()}, s, today),
          "deadline_extended",
          {"ENF-11"}};
    case Act::kSendNotice: {
      const auto& n = in.send_notice();
      auto proposed = Penalties(n.proposed(), "send_notice.proposed");
      if (!proposed.ok()) return {proposed.error(), "", {}};
      auto deadline = DateField("send_notice.statement_deadline", n.statement_deadline());
      if (!deadline.ok()) return {deadline.error(), "", {}};
      PenaltyContext findings;
      findings.illegal_turnover_fen = n.findings().illegal_turnover_fen();
      findings.illegal_income_fen = n.findings().illegal_income_fen();
      return {SendNotice(c, {*proposed, findings, *deadline}, s, today),
              "notice_sent",
              {"ENF-04", "ENF-05"}};
    }
    case Act::kStatement:
      return {RecordStatement(c, {in.statement().summary()}, today), "statement_recorded", {}};
    case Act::kRequestHearing:
      return {RequestHearing(c, s, today), "hearing_requested", {}};
    case Act::kHearingHeld:
      return {
          RecordHearing(c, {in.hearing_held().presided_by(), in.hearing_held().summary()}, today),
          "hearing_held",
          {}};
    case Act::kSubmitForReview:
      return {SubmitForReview(c, {in.submit_for_review().rights_waived()}, s, today),
              "review_submitted",
              {}};
    case Act::kReview:
      return {
          Review(c, {in.review().reviewer(), in.review().passed(), in.review().opinion()}, today),
          "reviewed",
          {"ENF-02"}};
    case Act::kDecide: {
      const auto& d = in.decide();
      auto penalties = Penalties(d.penalties(), "decide.penalties");
      if (!penalties.ok()) return {penalties.error(), "", {}};
      DecisionInput di{*penalties, std::nullopt, d.ban()};
      if (d.non_punishment())
        di.non_punishment = NonPunishment{d.first_offence(), d.minor(), d.corrected_in_time(),
                                          d.no_harm(), d.non_punishment_reason()};
      return {
          Decide(c, di, s, today), "decided", {"ENF-04", "ENF-05", "ENF-12", "ENF-13", "ENF-14"}};
    }
    case Act::kServe: {
      auto on = DayOrToday("serve.served_on", in.serve().served_on(), today);
      if (!on.ok()) return {on.error(), "", {}};
      return {
          Serve(c,
                {in.serve().on_the_spot() ? ServiceMethod::kOnTheSpot : ServiceMethod::kDelivered,
                 *on},
                today),
          "served",
          {"ENF-06"}};
    }
    case Act::kStartExecution:
      return {StartExecution(c, today), "execution_started", {"ENF-08", "ENF-09"}};
    case Act::kPayment: {
      auto on = DayOrToday("payment.paid_on", in.payment().paid_on(), today);
      if (!on.ok()) return {on.error(), "", {}};
      return {RecordPayment(c, {in.payment().amount_fen(), *on}, today),
              "payment_recorded",
              {"ENF-07"}};
    }
    case Act::kAppeal:
      return {RecordAppeal(c,
                           {in.appeal().litigation() ? AppealKind::kLitigation
                                                     : AppealKind::kReconsideration},
                           today),
              "appeal_recorded",
              {"ENF-10"}};
    case Act::kClose:
      return {Close(c, {in.close().court_enforcement()}, today), "closed", {"ENF-07"}};
    case Act::ACTION_NOT_SET:
      break;
  }
  (void)actor;
  return {Error::InvalidArgument("action", "required: one step of the case"), "", {}};
}

// case.decided, the contract registration consumes (suspension, revocation).
ev::CaseDecided Decided(const Case& c, const CaseSettings& s, const auth::Principal& who,
                        const std::vector<std::string>& rules) {
  ev::CaseDecided b;
  b.set_case_id(c.id);
  b.set_case_no(c.case_no);
  b.set_organization_id(c.target.organization_id);
  b.set_jurisdiction(c.target_jurisdiction);
  for (const auto& p : c.decision->penalties) {
    auto* e = b.add_penalties();
    e->set_type(ToProtoEnum<ev::PenaltyType>(p.type));
    e->mutable_amount()->set_fen(p.amount_fen);
    if (p.suspend_from) e->set_suspend_from(FormatDate(*p.suspend_from));
    if (p.suspend_until) e->set_suspend_until(FormatDate(*p.suspend_until));
    e->set_basis(p.basis);
  }
  b.set_decided_on(FormatDate(c.decision->decided_on));
  SetActor(who, b.mutable_actor());
  for (const auto& r : rules) b.add_rule_ids(r);
  const bool revokes =
      std::any_of(c.decision->penalties.begin(), c.decision->penalties.end(),
                  [](const Penalty& p) { return p.type == PenaltyType::kRevocation; });
  if (revokes) b.add_rule_ids("REG-17");
  b.set_non_punishment(c.decision->non_punishment);
  if (auto d = ServiceDeadline(c, s)) b.set_service_deadline(FormatDate(*d));
  return b;
}

}  // namespace

CaseSettings CaseRules(const SupervisionSettings& s) {
  CaseSettings c;
  c.jurisdiction = s.authority;
  c.limitation_years = s.limitation_years;
  c.decision_days = s.decision_days;
  c.service_days = s.service_days;
  return c;
}

Result<std::string> NewCaseId(SupervisionStore& store, const std::string& authority) {
  auto serial = store.Increment(keys::Serial("case"));
  if (!serial.ok()) return serial.error();
  return authority + "-C" + std::to_string(*serial);
}

void AddNewCase(Mutation& m, const Case& c, const auth::Principal& who,
                const std::string& authority, TimePoint now) {
  m.guards.push_back({Mutation::Guard::Kind::kAbsent, keys::Case(c.id), "", "case " + c.id});
  m.hashes.push_back({keys::Case(c.id), EncodeCase(c)});
  const std::string serial = c.id.substr(c.id.rfind('C') + 1);
  m.zops.push_back({keys::kCases, c.id, serial});
  m.events.push_back(MakeEvent(Progress(c, "opened", c.opened_on, who, {}), authority, "case",
                               "opened", c.id, c.version, c.target_jurisdiction, who.subject, now));
}

Result<v1::EnforcementCase> Supervisor::OpenCase(const auth::Principal& who,
                                                 const v1::OpenCaseRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (auto err = ValidateRequestId(in.request_id())) return *err;
  if (in.organization_id().empty() == in.illegal_org_id().empty())
    return Error::InvalidArgument("organization_id",
                                  "name exactly one target: organization_id or illegal_org_id");
  if (in.source() <= v1::CASE_SOURCE_UNSPECIFIED || in.source() > v1::CaseSource_MAX)
    return Error::InvalidArgument("source", "required");
  ClueInput clue;
  clue.source = FromProtoEnum<CaseSource>(in.source());
  clue.source_ref = in.source_ref();
  clue.summary = in.summary();
  if (!in.organization_id().empty()) {
    if (auto err = ValidateId("organization_id", in.organization_id())) return *err;
    auto entry = directory_.Get(in.organization_id());
    if (!entry)
      return Error::NotFound("organization " + in.organization_id() +
                             " is not registered here (ENF-01: report it to its registry)");
    clue.target.organization_id = entry->id;
    clue.target_jurisdiction = entry->jurisdiction;
  } else {
    if (auto err = ValidateId("illegal_org_id", in.illegal_org_id())) return *err;
    const auto rows = store_.Read({{"HGETALL", keys::Illegal(in.illegal_org_id())}});
    auto org = DecodeIllegalOrg(store::FlatHash(rows[0]));
    if (store::FlatHash(rows[0]).empty())
      return Error::NotFound("illegal organization " + in.illegal_org_id() + " not found");
    if (!org.ok()) return org.error();
    clue.target.illegal_org_id = org->id;
    clue.target_jurisdiction = org->jurisdiction;
  }
  if (auto err = CheckWrite(who, clue.target_jurisdiction)) return *err;
  // Validated before an id is spent.
  clue.id = "probe";
  if (auto probe = OpenClue(clue, today); !probe.ok()) return probe.error();
  const CaseSettings rules = CaseRules(settings_);
  return CreateEntity<Case, v1::EnforcementCase>(
      store_, who, "OpenCase", in.request_id(), settings_.authority, "case", "C", keys::Case,
      keys::kCases,
      [&](const std::string& id, Mutation& m) -> Result<Case> {
        clue.id = id;
        auto c = OpenClue(clue, today);
        if (!c.ok()) return c.error();
        m.events.push_back(MakeEvent(Progress(*c, "opened", today, who, {}), settings_.authority,
                                     "case", "opened", c->id, c->version, c->target_jurisdiction,
                                     who.subject, now));
        return c;
      },
      EncodeCase, [&](const Case& c) { return ToProto(c, rules, today); });
}

Result<v1::EnforcementCase> Supervisor::ActOnCase(const auth::Principal& who,
                                                  const v1::ActOnCaseRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  const CaseSettings rules = CaseRules(settings_);
  // A decision reads what it changes besides the case: the organization's credit account
  // (ENF-14) or the illegal organization it bans (ENF-13). Read with the case, in one round trip.
  std::vector<std::vector<std::string>> extra;
  std::string target_org, target_illegal;
  if (in.action_case() == Act::kDecide) {
    const auto rows = store_.Read({{"HGET", keys::Case(in.case_id()), "json"}});
    if (!rows[0].is_nil()) {
      auto c = DecodeCase({"json", rows[0].AsString()});
      if (c.ok()) {
        target_org = c->target.organization_id;
        target_illegal = c->target.illegal_org_id;
      }
    }
    if (!target_org.empty()) extra.push_back({"HGETALL", keys::Credit(target_org)});
    if (!target_illegal.empty()) extra.push_back({"HGETALL", keys::Illegal(target_illegal)});
  }
  return UpdateEntity<Case, v1::EnforcementCase>(
      store_, who, "ActOnCase", in.request_id(), "case", in.case_id(), in.version(), keys::Case,
      DecodeCase, EncodeCase,
      [](const Case& c) -> const std::string& { return c.target_jurisdiction; },
      [&](const Case& c) { return ToProto(c, rules, today); }, extra,
      [&](const Case& before, const std::vector<store::Value>& rows, Mutation& m) -> Result<Case> {
        Step step = Apply(before, in, rules, who.subject, today);
        if (!step.after.ok()) return step.after.error();
        const Case& after = *step.after;
        const bool decision = in.action_case() == Act::kDecide;
        if (decision && !after.target.organization_id.empty()) {
          if (after.target.organization_id != target_org)
            return Error::Aborted("case changed while deciding: run again");
          m.events.push_back(MakeEvent(Decided(after, rules, who, step.rules), settings_.authority,
                                       "case", "decided", after.id, after.version,
                                       after.target_jurisdiction, who.subject, now));
          // ENF-14: every penalty is a credit event, in the same commit.
          auto account =
              AccountOf(rows[0], after.target.organization_id, after.target_jurisdiction);
          if (!account.ok()) return account.error();
          CreditAccount credited = *account;
          for (const auto& e : CaseCreditEvents(after)) {
            auto next = RecordEvent(credited, e, "case " + after.case_no);
            if (!next.ok()) return next.error();
            credited = std::move(next).value();
          }
          if (credited.record.events.size() != account->record.events.size())
            AddCreditWrite(m, *account, credited, "case " + after.case_no, who, settings_.authority,
                           now);
          return after;
        }
        if (decision && !after.target.illegal_org_id.empty()) {
          if (after.target.illegal_org_id != target_illegal)
            return Error::Aborted("case changed while deciding: run again");
          // ENF-13: the ban is applied with the decision.
          m.events.push_back(MakeEvent(Progress(after, "ban_decided", today, who, step.rules),
                                       settings_.authority, "case", "ban_decided", after.id,
                                       after.version, after.target_jurisdiction, who.subject, now));
          if (after.decision && after.decision->ban) {
            auto org = DecodeIllegalOrg(store::FlatHash(rows[0]));
            if (!org.ok()) return org.error();
            auto banned = Ban(*org, after, today);
            if (!banned.ok()) return banned.error();
            m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Illegal(org->id),
                                std::to_string(org->version), "illegal organization " + org->id});
            m.hashes.push_back({keys::Illegal(org->id), EncodeIllegalOrg(*banned)});
            ev::IllegalOrgChanged b;
            b.set_illegal_org_id(banned->id);
            b.set_name(banned->name);
            b.set_jurisdiction(banned->jurisdiction);
            b.set_state(std::string(IllegalOrgStateName(banned->state)));
            b.set_case_id(after.id);
            b.set_on(FormatDate(today));
            b.set_on_public_list(banned->on_public_list);
            SetActor(who, b.mutable_actor());
            b.add_rule_ids("ENF-13");
            m.events.push_back(MakeEvent(b, settings_.authority, "illegal_org", "banned",
                                         banned->id, banned->version, banned->jurisdiction,
                                         who.subject, now));
          }
          return after;
        }
        m.events.push_back(MakeEvent(Progress(after, step.event, today, who, step.rules),
                                     settings_.authority, "case", step.event, after.id,
                                     after.version, after.target_jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::EnforcementCase> Supervisor::GetCase(const auth::Principal& who,
                                                const v1::GetCaseRequest& in) {
  if (auto err = ValidateId("case_id", in.case_id())) return *err;
  const auto rows = store_.Read({{"HGETALL", keys::Case(in.case_id())}});
  const auto hash = store::FlatHash(rows[0]);
  if (hash.empty()) return Error::NotFound("case " + in.case_id() + " not found");
  auto c = DecodeCase(hash);
  if (!c.ok()) return c.error();
  if (auto err = CheckRead(who, c->target_jurisdiction)) return *err;
  return ToProto(*c, CaseRules(settings_), ChinaDate(clock_.Now()));
}

Result<std::vector<Case>> AllCases(SupervisionStore& store) {
  const auto ids = store.Read({{"ZRANGE", keys::kCases, "0", "-1"}});
  std::vector<std::vector<std::string>> reads;
  for (const auto& id : ids[0].elements) reads.push_back({"HGETALL", keys::Case(id.str)});
  std::vector<Case> out;
  for (const auto& row : store.Read(reads)) {
    auto c = DecodeCase(store::FlatHash(row));
    if (!c.ok()) return c.error();
    out.push_back(std::move(c).value());
  }
  return out;
}

Result<v1::ListCasesResponse> Supervisor::ListCases(const auth::Principal& who,
                                                    const v1::ListCasesRequest& in) {
  if (auto err = CheckRead(who, settings_.authority)) return *err;
  if (in.state() < 0 || in.state() > v1::CaseState_MAX)
    return Error::InvalidArgument("state", "unknown state");
  const int size = in.page().page_size() <= 0 ? 100 : std::min(in.page().page_size(), 1000);
  auto cases = AllCases(store_);
  if (!cases.ok()) return cases.error();
  const CaseSettings rules = CaseRules(settings_);
  const Date today = ChinaDate(clock_.Now());
  v1::ListCasesResponse out;
  bool past_token = in.page().page_token().empty();
  for (const auto& c : *cases) {
    if (!past_token) {
      past_token = c.id == in.page().page_token();
      continue;
    }
    if (in.state() != v1::CASE_STATE_UNSPECIFIED && c.state != FromProtoEnum<CaseState>(in.state()))
      continue;
    if (CheckRead(who, c.target_jurisdiction)) continue;
    if (out.cases_size() == size) {
      out.mutable_page()->set_next_page_token(out.cases(size - 1).id());
      break;
    }
    *out.add_cases() = ToProto(c, rules, today);
  }
  return out;
}

Result<v1::ListOverdueCasesResponse> Supervisor::ListOverdueCases(
    const auth::Principal& who, const v1::ListOverdueCasesRequest& in) {
  if (auto err = CheckRead(who, settings_.authority)) return *err;
  const Date today = ChinaDate(clock_.Now());
  auto as_of = DayOrToday("as_of", in.as_of(), today);
  if (!as_of.ok()) return as_of.error();
  auto cases = AllCases(store_);
  if (!cases.ok()) return cases.error();
  const CaseSettings rules = CaseRules(settings_);
  auto number_of = [&](const std::string& id) {
    for (const auto& c : *cases)
      if (c.id == id) return c.case_no;
    return std::string();
  };
  v1::ListOverdueCasesResponse out;
  for (const auto& o : OverdueDecisions(*cases, rules, *as_of)) {
    auto* r = out.add_decisions();
    r->set_case_id(o.case_id);
    r->set_case_no(number_of(o.case_id));
    r->set_deadline(FormatDate(o.deadline));
    r->set_days_overdue(o.days_overdue);
  }
  for (const auto& o : OverdueServices(*cases, rules, *as_of)) {
    auto* r = out.add_services();
    r->set_case_id(o.case_id);
    r->set_case_no(number_of(o.case_id));
    r->set_deadline(FormatDate(o.deadline));
    r->set_days_overdue(o.days_overdue);
  }
  return out;
}

}  // namespace socgov::supervision
