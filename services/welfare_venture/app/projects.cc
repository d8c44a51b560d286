// Funded projects: contract, tranches gated by the contract and the evaluations (VC-07), the
// mid-term evaluation (VC-08), third-party financial checks (VC-09), the final report and
// evaluation (VC-10), clawback with its 3-year bar (VC-07) and recovery of unused funds (VC-10).
#include "platform/auth/scope.h"
#include "welfare_venture/app/events.h"
#include "welfare_venture/app/support.h"
#include "welfare_venture/app/to_proto.h"
#include "welfare_venture/app/venture.h"

namespace socgov::welfare_venture {

namespace ev = ::socgov::welfare_venture::v1;

ev::ProjectChanged ProjectEvent(const StoredProject& s, Date on, const std::string& note,
                                const auth::Principal& who,
                                std::initializer_list<const char*> rules) {
  const VentureProject& p = s.project;
  ev::ProjectChanged b;
  b.set_project_id(p.id);
  b.set_round_id(p.round_id);
  b.set_organization_id(p.org_id);
  b.set_jurisdiction(p.jurisdiction);
  b.set_state(int(p.state) + 1);
  b.set_grant_fen(p.grant_fen);
  b.set_disbursed_fen(p.disbursed_fen);
  b.set_spent_fen(p.spent_fen);
  b.set_recovered_fen(p.recovered_fen);
  b.set_clawback_fen(p.clawback_fen);
  b.set_on(FormatDate(on));
  b.set_note(note.substr(0, 500));
  SetActor(who, b.mutable_actor());
  for (const char* r : rules) b.add_rule_ids(r);
  return b;
}

namespace {

constexpr const char* kProjectKind = "project";

std::string ProjectJurisdiction(const StoredProject& s) { return s.jurisdiction(); }
v1::Project ProjectProto(const StoredProject& s) { return ToProto(s); }

// What a step decided: the project after, the event's name and note.
struct Stepped {
  VentureProject project;
  const char* event;
  std::string note;
};

// One project command: read at `version`, `step` decides with the domain, commit with the event.
template <typename Step>
Result<v1::Project> ProjectCommand(WelfareVentureStore& store, const std::string& authority,
                                   const Clock& clock, const auth::Principal& who, const char* rpc,
                                   const std::string& request_id, const std::string& project_id,
                                   std::int64_t version, Date on,
                                   std::initializer_list<const char*> rules, Step step) {
  const TimePoint now = clock.Now();
  return UpdateEntity<StoredProject, v1::Project>(
      store, who, rpc, request_id, kProjectKind, project_id, version, keys::Project, DecodeProject,
      EncodeProject, ProjectJurisdiction, ProjectProto, {},
      [&](const StoredProject& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredProject> {
        Result<Stepped> stepped = step(before.project, m);
        if (!stepped.ok()) return stepped.error();
        StoredProject after{stepped->project, before.version + 1};
        m.events.push_back(MakeEvent(ProjectEvent(after, on, stepped->note, who, rules), authority,
                                     kProjectKind, stepped->event, after.project.id, after.version,
                                     after.jurisdiction(), who.subject, now));
        return after;
      });
}

Result<Date> Today(const Clock& clock, const char* field, const std::string& text) {
  return DayOrToday(field, text, ChinaDate(clock.Now()));
}

Result<Stepped> Wrap(Result<VentureProject> p, const char* event, std::string note = "") {
  if (!p.ok()) return p.error();
  return Stepped{std::move(*p), event, std::move(note)};
}

}  // namespace

Result<v1::Project> Venture::SignContract(const auth::Principal& who,
                                          const v1::SignContractRequest& req) {
  if (auto err = CheckText("number", req.number(), 100)) return *err;
  Contract c;
  c.number = req.number();
  auto signed_on = ParseDateField("signed_on", req.signed_on());
  if (!signed_on.ok()) return signed_on.error();
  auto starts = ParseDateField("starts_on", req.starts_on());
  if (!starts.ok()) return starts.error();
  auto midterm = ParseDateField("midterm_due_on", req.midterm_due_on());
  if (!midterm.ok()) return midterm.error();
  auto ends = ParseDateField("ends_on", req.ends_on());
  if (!ends.ok()) return ends.error();
  c.signed_on = *signed_on;
  c.starts_on = *starts;
  c.midterm_due_on = *midterm;
  c.ends_on = *ends;
  if (req.tranches_size() == 0 || req.tranches_size() > 12)
    return Error::InvalidArgument("tranches", "1..12 tranches");
  for (const auto& t : req.tranches()) {
    auto gate = GateOf("tranches.gate", t.gate());
    if (!gate.ok()) return gate.error();
    if (auto err = CheckAmount("tranches.amount_fen", t.amount_fen())) return *err;
    c.tranches.push_back({t.amount_fen(), *gate, std::nullopt});
  }
  return ProjectCommand(store_, authority_, clock_, who, "SignContract", req.request_id(),
                        req.project_id(), req.version(), *signed_on, {"VC-07"},
                        [&](const VentureProject& p, Mutation&) {
                          return Wrap(welfare_venture::SignContract(p, c), "contracted");
                        });
}

Result<v1::Project> Venture::PayTranche(const auth::Principal& who,
                                        const v1::ProjectStepRequest& req) {
  auto on = Today(clock_, "on", req.on());
  if (!on.ok()) return on.error();
  return ProjectCommand(store_, authority_, clock_, who, "PayTranche", req.request_id(),
                        req.project_id(), req.version(), *on, {"VC-07"},
                        [&](const VentureProject& p, Mutation&) {
                          return Wrap(welfare_venture::PayTranche(p, *on), "tranche_paid");
                        });
}

Result<v1::Project> Venture::StartImplementation(const auth::Principal& who,
                                                 const v1::ProjectStepRequest& req) {
  auto on = Today(clock_, "on", req.on());
  if (!on.ok()) return on.error();
  return ProjectCommand(store_, authority_, clock_, who, "StartImplementation", req.request_id(),
                        req.project_id(), req.version(), *on, {},
                        [&](const VentureProject& p, Mutation&) {
                          return Wrap(welfare_venture::StartImplementation(p, *on), "started");
                        });
}

Result<v1::Project> Venture::RecordMidterm(const auth::Principal& who,
                                           const v1::RecordMidtermRequest& req) {
  auto on = Today(clock_, "on", req.on());
  if (!on.ok()) return on.error();
  MidtermSubmission s;
  auto self = OptionalDate("self_assessment_on", req.self_assessment_on());
  if (!self.ok()) return self.error();
  auto records = OptionalDate("activity_records_on", req.activity_records_on());
  if (!records.ok()) return records.error();
  s.self_assessment_on = *self;
  s.activity_records_on = *records;
  s.document_review_passed = req.document_review_passed();
  s.field_check_passed = req.field_check_passed();
  const MidtermFailure fail =
      req.terminate_on_fail() ? MidtermFailure::kTerminate : MidtermFailure::kSuspend;
  return ProjectCommand(store_, authority_, clock_, who, "RecordMidterm", req.request_id(),
                        req.project_id(), req.version(), *on, {"VC-08"},
                        [&](const VentureProject& p, Mutation&) -> Result<Stepped> {
                          auto after = welfare_venture::RecordMidterm(p, s, fail, *on);
                          if (!after.ok()) return after.error();
                          const bool passed = after->midterm && after->midterm->passed;
                          return Stepped{*after, passed ? "midterm_passed" : "midterm_failed",
                                         after->midterm ? after->midterm->reason : ""};
                        });
}

Result<v1::Project> Venture::ReviewSuspension(const auth::Principal& who,
                                              const v1::ReviewSuspensionRequest& req) {
  auto on = Today(clock_, "on", req.on());
  if (!on.ok()) return on.error();
  return ProjectCommand(store_, authority_, clock_, who, "ReviewSuspension", req.request_id(),
                        req.project_id(), req.version(), *on, {"VC-08"},
                        [&](const VentureProject& p, Mutation&) {
                          return Wrap(welfare_venture::ReviewSuspension(p, req.rectified(), *on),
                                      "suspension_reviewed");
                        });
}

Result<v1::Project> Venture::RecordFinancialCheck(const auth::Principal& who,
                                                  const v1::RecordFinancialCheckRequest& req) {
  const auto& in = req.check();
  auto on = ParseDateField("check.on", in.on());
  if (!on.ok()) return on.error();
  if (auto err = ValidateId("check.checker_id", in.checker_id())) return *err;
  FinancialCheck c;
  c.on = *on;
  c.checker_id = in.checker_id();
  c.reported_expense_fen = in.reported_expense_fen();
  c.vouchered_expense_fen = in.vouchered_expense_fen();
  c.separate_ledger = in.separate_ledger();
  return ProjectCommand(store_, authority_, clock_, who, "RecordFinancialCheck", req.request_id(),
                        req.project_id(), req.version(), *on, {"VC-09", "VC-10"},
                        [&](const VentureProject& p, Mutation&) -> Result<Stepped> {
                          auto after = welfare_venture::RecordFinancialCheck(p, c);
                          if (!after.ok()) return after.error();
                          const auto& last = after->checks.back();
                          return Stepped{*after, "financial_checked", last.finding};
                        });
}

Result<v1::Project> Venture::SubmitFinalReport(const auth::Principal& who,
                                               const v1::ProjectStepRequest& req) {
  auto on = Today(clock_, "on", req.on());
  if (!on.ok()) return on.error();
  return ProjectCommand(store_, authority_, clock_, who, "SubmitFinalReport", req.request_id(),
                        req.project_id(), req.version(), *on, {"VC-10"},
                        [&](const VentureProject& p, Mutation&) {
                          return Wrap(welfare_venture::SubmitFinalReport(p, *on), "final_reported");
                        });
}

Result<v1::Project> Venture::RecordFinalEvaluation(const auth::Principal& who,
                                                   const v1::RecordFinalEvaluationRequest& req) {
  auto on = Today(clock_, "on", req.on());
  if (!on.ok()) return on.error();
  const FinalFailure fail =
      req.clawback_on_fail() ? FinalFailure::kClawback : FinalFailure::kRemediation;
  return ProjectCommand(
      store_, authority_, clock_, who, "RecordFinalEvaluation", req.request_id(), req.project_id(),
      req.version(), *on, {"VC-10"}, [&](const VentureProject& p, Mutation&) -> Result<Stepped> {
        auto after = welfare_venture::RecordFinalEvaluation(p, req.review_passed(), fail, *on);
        if (!after.ok()) return after.error();
        const char* event = after->state == ProjectState::kCompleted     ? "completed"
                            : after->state == ProjectState::kRemediation ? "remediation"
                                                                         : "clawback_ordered";
        return Stepped{*after, event,
                       after->final_evaluation ? after->final_evaluation->reason : ""};
      });
}

Result<v1::Project> Venture::ClawBack(const auth::Principal& who, const v1::AmountRequest& req) {
  if (auto err = CheckAmount("amount_fen", req.amount_fen())) return *err;
  auto on = Today(clock_, "on", req.on());
  if (!on.ok()) return on.error();
  return ProjectCommand(
      store_, authority_, clock_, who, "ClawBack", req.request_id(), req.project_id(),
      req.version(), *on, {"VC-07"}, [&](const VentureProject& p, Mutation& m) -> Result<Stepped> {
        auto after = welfare_venture::ClawBack(p, req.amount_fen(), *on);
        if (!after.ok()) return after.error();
        // VC-07: the grantee is barred from venture grants for 3 years from the first clawback;
        // the bar is part of the eligibility read model.
        if (after->clawed_back_on) {
          const Date d = *after->clawed_back_on;
          m.zops.push_back({keys::Clawbacks(after->org_id), FormatDate(d),
                            std::to_string(d.time_since_epoch().count())});
        }
        return Stepped{*after, "clawed_back",
                       "VC-07 barred until " + FormatDate(BarEndsOn(*after->clawed_back_on))};
      });
}

Result<v1::Project> Venture::RecoverUnusedFunds(const auth::Principal& who,
                                                const v1::AmountRequest& req) {
  if (auto err = CheckAmount("amount_fen", req.amount_fen())) return *err;
  auto on = Today(clock_, "on", req.on());
  if (!on.ok()) return on.error();
  return ProjectCommand(store_, authority_, clock_, who, "RecoverUnusedFunds", req.request_id(),
                        req.project_id(), req.version(), *on, {"VC-10"},
                        [&](const VentureProject& p, Mutation&) {
                          return Wrap(welfare_venture::RecoverUnusedFunds(p, req.amount_fen(), *on),
                                      "funds_recovered");
                        });
}

Result<v1::Project> Venture::ArchiveProject(const auth::Principal& who,
                                            const v1::ProjectStepRequest& req) {
  auto on = Today(clock_, "on", req.on());
  if (!on.ok()) return on.error();
  return ProjectCommand(store_, authority_, clock_, who, "ArchiveProject", req.request_id(),
                        req.project_id(), req.version(), *on, {},
                        [&](const VentureProject& p, Mutation&) {
                          return Wrap(welfare_venture::Archive(p, *on), "archived");
                        });
}

Result<v1::Project> Venture::GetProject(const auth::Principal& who,
                                        const v1::GetProjectRequest& req) {
  if (auto err = ValidateId("project_id", req.project_id())) return *err;
  auto s = store_.GetProject(req.project_id());
  if (!s.ok()) return s.error();
  if (!*s) return Error::NotFound("project " + req.project_id() + " not found");
  if (auto err = CheckRead(who, (*s)->jurisdiction())) return *err;
  return ToProto(**s);
}

Result<v1::ListProjectsResponse> Venture::ListProjects(const auth::Principal& who,
                                                       const v1::ListProjectsRequest& req) {
  const std::string jur = req.jurisdiction().empty() ? who.jurisdiction : req.jurisdiction();
  if (auto err = CheckRead(who, jur)) return *err;
  auto all = store_.AllProjects();
  if (!all.ok()) return all.error();
  v1::ListProjectsResponse out;
  for (const auto& p : *all) {
    if (!req.round_id().empty() && p.project.round_id != req.round_id()) continue;
    if (!auth::JurisdictionCovers(jur, p.jurisdiction())) continue;
    *out.add_projects() = ToProto(p);
  }
  return out;
}

}  // namespace socgov::welfare_venture
