#include "supervision/domain/enforcement_case.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "supervision/domain/text.h"

namespace socgov::supervision {
namespace {

constexpr std::size_t kMaxCaseNo = 64;
constexpr std::size_t kMaxSummary = 500;
constexpr std::size_t kMaxReason = 500;
constexpr std::size_t kMaxDescription = 1000;
constexpr std::size_t kMaxLongText = 2000;

Error Refuse(const Case& c, std::string_view why) {
  return Error::FailedPrecondition("state " + std::string(CaseStateName(c.state)) + ": " +
                                   std::string(why));
}

bool In(const Case& c, std::initializer_list<CaseState> states) {
  return std::find(states.begin(), states.end(), c.state) != states.end();
}

// Where the linear part of the machine stands; DECLINED and TRANSFERRED are off it.
bool OnTheMainLine(const Case& c) {
  return c.state != CaseState::kDeclined && c.state != CaseState::kTransferred;
}

CaseState EntryState(RecordStage s) {
  switch (s) {
    case RecordStage::kFiling:
      return CaseState::kFiled;
    case RecordStage::kInvestigation:
      return CaseState::kInvestigating;
    case RecordStage::kReview:
      return CaseState::kReview;
    case RecordStage::kDecision:
      return CaseState::kDecided;
    case RecordStage::kService:
      return CaseState::kServed;
    case RecordStage::kExecution:
      return CaseState::kExecuting;
  }
  return CaseState::kClosed;
}

bool HasRecord(const Case& c, RecordStage stage) {
  return std::any_of(c.records.begin(), c.records.end(),
                     [stage](const EvidenceRecord& r) { return r.stage == stage; });
}

Status RequireRecord(const Case& c, RecordStage stage) {
  if (HasRecord(c, stage)) return std::nullopt;
  return Refuse(c, "ENF-02 no " + std::string(RecordStageName(stage)) +
                       " record: each stage is recorded before the case leaves it");
}

bool IsInvestigator(const Case& c, std::string_view person) {
  return std::find(c.investigators.begin(), c.investigators.end(), person) != c.investigators.end();
}

Status CheckInvestigators(const std::vector<std::string>& investigators) {
  if (Status bad = CheckDistinctIds("investigators", investigators)) return bad;
  if (investigators.size() < 2) {
    return Error::InvalidArgument("investigators", "ENF-02 at least 2 distinct investigators");
  }
  return std::nullopt;
}

Status CheckNotAfter(std::string_view field, Date d, Date today) {
  if (d > today) return Error::InvalidArgument(field, "must not be after today");
  return std::nullopt;
}

const Penalty* FineOf(const Case& c) {
  if (!c.decision) return nullptr;
  for (const Penalty& p : c.decision->penalties) {
    if (p.type == PenaltyType::kFine) return &p;
  }
  return nullptr;
}

PenaltyContext ContextFor(const Case& c, PenaltyContext findings) {
  findings.charity = c.target.charity;
  findings.illegal_org = !c.target.illegal_org_id.empty();
  return findings;
}

Case Next(Case c, CaseState state) {
  c.state = state;
  ++c.version;
  return c;
}

}  // namespace

std::string_view CaseStateName(CaseState s) {
  switch (s) {
    case CaseState::kClue:
      return "CLUE";
    case CaseState::kPreCheck:
      return "PRE_CHECK";
    case CaseState::kFiled:
      return "FILED";
    case CaseState::kInvestigating:
      return "INVESTIGATING";
    case CaseState::kNoticeSent:
      return "NOTICE_SENT";
    case CaseState::kHearing:
      return "HEARING";
    case CaseState::kReview:
      return "REVIEW";
    case CaseState::kDecided:
      return "DECIDED";
    case CaseState::kServed:
      return "SERVED";
    case CaseState::kExecuting:
      return "EXECUTING";
    case CaseState::kClosed:
      return "CLOSED";
    case CaseState::kDeclined:
      return "DECLINED";
    case CaseState::kTransferred:
      return "TRANSFERRED";
  }
  return "UNKNOWN";
}

std::string_view RecordStageName(RecordStage s) {
  switch (s) {
    case RecordStage::kFiling:
      return "FILING";
    case RecordStage::kInvestigation:
      return "INVESTIGATION";
    case RecordStage::kReview:
      return "REVIEW";
    case RecordStage::kDecision:
      return "DECISION";
    case RecordStage::kService:
      return "SERVICE";
    case RecordStage::kExecution:
      return "EXECUTION";
  }
  return "UNKNOWN";
}

Result<Case> OpenClue(const ClueInput& in, Date today) {
  if (Status bad = CheckId("id", in.id)) return *bad;
  const bool registered = !in.target.organization_id.empty();
  const bool illegal = !in.target.illegal_org_id.empty();
  if (registered == illegal) {
    return Error::InvalidArgument("target",
                                  "exactly one of organization_id and illegal_org_id is required");
  }
  if (Status bad = registered ? CheckId("target.organization_id", in.target.organization_id)
                              : CheckId("target.illegal_org_id", in.target.illegal_org_id)) {
    return *bad;
  }
  if (Status bad = CheckId("target_jurisdiction", in.target_jurisdiction)) return *bad;
  if (!in.source_ref.empty()) {
    if (Status bad = CheckId("source_ref", in.source_ref)) return *bad;
  }
  auto summary = CheckText("summary", in.summary, kMaxSummary);
  if (!summary.ok()) return summary.error();
  Case c;
  c.id = in.id;
  c.target = in.target;
  c.target_jurisdiction = in.target_jurisdiction;
  c.source = in.source;
  c.source_ref = in.source_ref;
  c.summary = std::move(*summary);
  c.state = CaseState::kClue;
  c.opened_on = today;
  c.version = 1;
  return c;
}

Result<Case> StartPreCheck(Case c, Date /*today*/) {
  if (c.state != CaseState::kClue) return Refuse(c, "§3.3 only a CLUE goes to pre-check");
  return Next(std::move(c), CaseState::kPreCheck);
}

Result<Case> Decline(Case c, const DeclineInput& in, const CaseSettings& settings, Date today) {
  if (!In(c, {CaseState::kClue, CaseState::kPreCheck})) {
    return Refuse(c, "§3.3 only a CLUE or PRE_CHECK is declined; a filed case is decided");
  }
  auto reason = CheckText("reason", in.reason, kMaxReason);
  if (!reason.ok()) return reason.error();
  if (!in.referred_to.empty()) {
    if (Status bad = CheckId("referred_to", in.referred_to)) return *bad;
    if (in.referred_to == settings.jurisdiction) {
      return Error::InvalidArgument("referred_to", "ENF-01 must be another registry");
    }
  }
  c.end_reason = std::move(*reason);
  c.referred_to = in.referred_to;
  c.ended_on = today;
  return Next(std::move(c), CaseState::kDeclined);
}

Result<Case> File(Case c, const FileInput& in, const CaseSettings& settings, Date today) {
  if (c.state != CaseState::kPreCheck) return Refuse(c, "ENF-03 only a PRE_CHECK is filed");
  auto case_no = CheckText("case_no", in.case_no, kMaxCaseNo);
  if (!case_no.ok()) return case_no.error();
  if (Status bad = CheckInvestigators(in.investigators)) return *bad;
  if (in.violation_on > c.opened_on) {
    return Error::InvalidArgument("violation_on", "must not be after the clue was received");
  }
  if (c.target_jurisdiction != settings.jurisdiction) {
    return Refuse(c,
                  "ENF-01 the target is registered by another registry: decline and report it "
                  "there");
  }
  if (!in.facts_established) return Refuse(c, "ENF-03 filing needs established violation facts");
  if (!in.penalty_warranted) return Refuse(c, "ENF-03 filing needs a penalty warranted by law");
  if (c.opened_on > AddYears(in.violation_on, settings.limitation_years)) {
    return Refuse(c, "ENF-03 discovered after the " + std::to_string(settings.limitation_years) +
                         "-year limitation (行政处罚法 Art 36)");
  }
  c.case_no = std::move(*case_no);
  c.investigators = in.investigators;
  c.violation_on = in.violation_on;
  c.filed_on = today;
  return Next(std::move(c), CaseState::kFiled);
}

Result<Case> Transfer(Case c, const TransferInput& in, const CaseSettings& settings, Date today) {
  if (c.state != CaseState::kFiled) return Refuse(c, "ENF-01 only a FILED case is transferred");
  if (Status bad = CheckId("to_jurisdiction", in.to_jurisdiction)) return *bad;
  if (in.to_jurisdiction == settings.jurisdiction) {
    return Error::InvalidArgument("to_jurisdiction", "ENF-01 must be another registry");
  }
  auto reason = CheckText("reason", in.reason, kMaxReason);
  if (!reason.ok()) return reason.error();
  c.target_jurisdiction = in.to_jurisdiction;
  c.referred_to = in.to_jurisdiction;
  c.end_reason = std::move(*reason);
  c.ended_on = today;
  return Next(std::move(c), CaseState::kTransferred);
}

Result<Case> StartInvestigation(Case c, Date /*today*/) {
  if (c.state != CaseState::kFiled) return Refuse(c, "ENF-02 only a FILED case is investigated");
  if (Status bad = RequireRecord(c, RecordStage::kFiling)) return *bad;
  return Next(std::move(c), CaseState::kInvestigating);
}

Result<Case> AddRecord(Case c, const RecordInput& in, Date today) {
  if (!OnTheMainLine(c) || c.state < CaseState::kFiled || c.state > CaseState::kExecuting) {
    return Refuse(c, "ENF-02 records are kept from filing until closure");
  }
  if (EntryState(in.stage) > c.state) {
    return Error::InvalidArgument(
        "stage", "ENF-02 the case has not reached " + std::string(RecordStageName(in.stage)));
  }
  auto description = CheckText("description", in.description, kMaxDescription);
  if (!description.ok()) return description.error();
  if (Status bad = CheckNotAfter("recorded_on", in.recorded_on, today)) return *bad;
  if (in.recorded_on < c.opened_on) {
    return Error::InvalidArgument("recorded_on", "must not be before the case was opened");
  }
  c.records.push_back({in.stage, in.kind, std::move(*description), in.recorded_on});
  ++c.version;
  return c;
}

Result<Case> ExtendDecisionDeadline(Case c, const ExtensionInput& in, const CaseSettings& settings,
                                    Date today) {
  if (!OnTheMainLine(c) || c.state < CaseState::kFiled || c.state > CaseState::kReview) {
    return Refuse(c, "ENF-11 only a filed, undecided case has a decision deadline to extend");
  }
  if (in.days < 1 || in.days > settings.max_extension_days) {
    return Error::InvalidArgument(
        "days", "ENF-11 must be 1.." + std::to_string(settings.max_extension_days));
  }
  if (Status bad = CheckId("approved_by", in.approved_by)) return *bad;
  auto reason = CheckText("reason", in.reason, kMaxReason);
  if (!reason.ok()) return reason.error();
  if (today > *DecisionDeadline(c, settings, today)) {
    return Refuse(c, "ENF-11 the decision deadline has passed: an extension is approved before it");
  }
  c.extensions.push_back({in.days, in.approved_by, today, std::move(*reason)});
  ++c.version;
  return c;
}

Result<Case> SendNotice(Case c, const NoticeInput& in, const CaseSettings& settings, Date today) {
  if (c.state != CaseState::kInvestigating) {
    return Refuse(c, "§3.3 the notice follows the investigation (INVESTIGATING)");
  }
  if (Status bad = RequireRecord(c, RecordStage::kInvestigation)) return *bad;
  if (c.investigators.size() < 2) return Refuse(c, "ENF-02 fewer than 2 investigators");
  const PenaltyContext ctx = ContextFor(c, in.findings);
  if (Status bad = ValidatePenalties(in.proposed, ctx, today, settings.penalties)) return *bad;
  if (in.statement_deadline <= today) {
    return Error::InvalidArgument("statement_deadline", "must be after the notice");
  }
  c.findings = ctx;
  Notice notice;
  notice.sent_on = today;
  notice.proposed = in.proposed;
  notice.statement_deadline = in.statement_deadline;
  notice.hearing_right = HearingRight(in.proposed, settings.penalties);
  c.notice = std::move(notice);
  return Next(std::move(c), CaseState::kNoticeSent);
}

Result<Case> RecordStatement(Case c, const StatementInput& in, Date today) {
  if (c.state != CaseState::kNoticeSent) {
    return Refuse(c, "§3.3 statements are made after the notice (NOTICE_SENT)");
  }
  if (today > c.notice->statement_deadline) {
    return Refuse(c, "行政处罚法 Art 44 the statement deadline has passed");
  }
  auto summary = CheckText("summary", in.summary, kMaxLongText);
  if (!summary.ok()) return summary.error();
  c.statements.push_back({today, std::move(*summary)});
  ++c.version;
  return c;
}

Result<Case> RequestHearing(Case c, const CaseSettings& settings, Date today) {
  if (c.state != CaseState::kNoticeSent) {
    return Refuse(c, "§3.3 a hearing is requested after the notice (NOTICE_SENT)");
  }
  if (!c.notice->hearing_right) {
    return Refuse(c, "行政处罚法 Art 63 the proposed penalties give no hearing right");
  }
  if (today > c.notice->sent_on + std::chrono::days{settings.hearing_request_days}) {
    return Refuse(c, "行政处罚法 Art 64 a hearing is requested within " +
                         std::to_string(settings.hearing_request_days) + " days of the notice");
  }
  c.notice->hearing_requested = true;
  c.notice->hearing_requested_on = today;
  return Next(std::move(c), CaseState::kHearing);
}

Result<Case> RecordHearing(Case c, const HearingInput& in, Date today) {
  if (c.state != CaseState::kHearing) return Refuse(c, "§3.3 no hearing was requested");
  if (Status bad = CheckId("presided_by", in.presided_by)) return *bad;
  if (IsInvestigator(c, in.presided_by)) {
    return Error::InvalidArgument("presided_by",
                                  "行政处罚法 Art 64 must not be an investigator of the case");
  }
  auto summary = CheckText("summary", in.summary, kMaxLongText);
  if (!summary.ok()) return summary.error();
  c.hearing = Hearing{today, in.presided_by, std::move(*summary)};
  return Next(std::move(c), CaseState::kReview);
}

Result<Case> SubmitForReview(Case c, const SubmitForReviewInput& in, const CaseSettings& settings,
                             Date today) {
  if (c.state != CaseState::kNoticeSent) {
    return Refuse(c, "§3.3 review follows the notice or the hearing");
  }
  if (!in.rights_waived) {
    if (today <= c.notice->statement_deadline) {
      return Refuse(c, "行政处罚法 Art 44 the statement period is still running");
    }
    if (c.notice->hearing_right &&
        today <= c.notice->sent_on + std::chrono::days{settings.hearing_request_days}) {
      return Refuse(c, "行政处罚法 Art 64 the hearing request period is still running");
    }
  }
  c.notice->rights_waived = in.rights_waived;
  return Next(std::move(c), CaseState::kReview);
}

Result<Case> Review(Case c, const ReviewInput& in, Date today) {
  if (c.state != CaseState::kReview) {
    return Refuse(c, "§3.3 legal review (行政处罚法 Art 58) happens in REVIEW");
  }
  if (Status bad = CheckId("reviewer", in.reviewer)) return *bad;
  if (IsInvestigator(c, in.reviewer)) {
    return Error::InvalidArgument("reviewer", "must not be an investigator of the case");
  }
  auto opinion = CheckText("opinion", in.opinion, kMaxLongText);
  if (!opinion.ok()) return opinion.error();
  c.review = LegalReview{in.reviewer, in.passed, std::move(*opinion), today};
  ++c.version;
  return c;
}

Result<Case> Decide(Case c, const DecisionInput& in, const CaseSettings& settings, Date today) {
  if (c.state != CaseState::kReview) return Refuse(c, "§3.3 only a case in REVIEW is decided");
  if (Status bad = RequireRecord(c, RecordStage::kReview)) return *bad;
  if (!c.review || !c.review->passed) {
    return Refuse(c, "§3.3 the legal review (行政处罚法 Art 58) has not passed");
  }
  const bool illegal_org = !c.target.illegal_org_id.empty();
  if (Status bad = ValidatePenalties(in.penalties, c.findings, today, settings.penalties)) {
    return *bad;
  }
  if (in.ban && !illegal_org) {
    return Error::InvalidArgument("ban", "ENF-13 only an illegal organization is banned");
  }
  if (illegal_org && !in.ban) {
    return Error::InvalidArgument("ban", "ENF-13 an illegal organization is banned (取缔)");
  }
  std::string reason;
  if (in.non_punishment) {
    if (illegal_org) {
      return Error::InvalidArgument("non_punishment", "ENF-13 an illegal organization is banned");
    }
    if (!in.penalties.empty()) {
      return Error::InvalidArgument("penalties", "ENF-12 a non-punishment decision imposes none");
    }
    const NonPunishment& np = *in.non_punishment;
    if (!np.first_offence) return Refuse(c, "ENF-12 non-punishment needs a first offence");
    if (!np.minor) return Refuse(c, "ENF-12 non-punishment needs a minor violation");
    if (!np.corrected_in_time) return Refuse(c, "ENF-12 non-punishment needs timely correction");
    if (!np.no_harm) return Refuse(c, "ENF-12 non-punishment needs no harmful consequence");
    if (c.findings.illegal_income_fen > 0) {
      return Refuse(c, "ENF-12 non-punishment needs no illegal income");
    }
    auto checked = CheckText("non_punishment.reason", np.reason, kMaxReason);
    if (!checked.ok()) return checked.error();
    reason = std::move(*checked);
  } else if (in.penalties.empty() && !in.ban) {
    return Error::InvalidArgument("penalties", "at least one, or an ENF-12 non-punishment");
  }
  if (Status bad = CheckNotHeavier(in.penalties, c.notice->proposed)) return *bad;
  c.decision =
      Decision{today, in.penalties, in.non_punishment.has_value(), std::move(reason), in.ban};
  return Next(std::move(c), CaseState::kDecided);
}

Result<Case> Serve(Case c, const ServeInput& in, Date today) {
  if (c.state != CaseState::kDecided) return Refuse(c, "ENF-06 only a decision is served");
  if (Status bad = RequireRecord(c, RecordStage::kDecision)) return *bad;
  if (Status bad = CheckNotAfter("served_on", in.served_on, today)) return *bad;
  if (in.served_on < c.decision->decided_on) {
    return Error::InvalidArgument("served_on", "must not be before the decision");
  }
  if (in.method == ServiceMethod::kOnTheSpot && in.served_on != c.decision->decided_on) {
    return Error::InvalidArgument("served_on", "ENF-06 on the spot is the day of the decision");
  }
  c.served_on = in.served_on;
  c.service_method = in.method;
  return Next(std::move(c), CaseState::kServed);
}

Result<Case> StartExecution(Case c, Date /*today*/) {
  if (c.state != CaseState::kServed) return Refuse(c, "§3.3 only a served decision is executed");
  if (c.decision && c.decision->non_punishment) {
    return Refuse(c, "ENF-12 a non-punishment decision has nothing to execute: close it");
  }
  if (Status bad = RequireRecord(c, RecordStage::kService)) return *bad;
  return Next(std::move(c), CaseState::kExecuting);
}

Result<Case> RecordPayment(Case c, const PaymentInput& in, Date today) {
  if (c.state != CaseState::kExecuting) return Refuse(c, "ENF-07 fines are paid in EXECUTING");
  const Penalty* fine = FineOf(c);
  if (fine == nullptr) return Refuse(c, "ENF-07 the decision imposes no fine");
  if (c.execution.fine_paid_on) return Refuse(c, "ENF-07 the fine is already paid");
  if (Status bad = CheckNotAfter("paid_on", in.paid_on, today)) return *bad;
  auto owed = Owed(fine->amount_fen, *c.served_on, in.paid_on);
  if (!owed.ok()) return owed.error();
  if (in.amount_fen != owed->total_fen) {
    return Error::InvalidArgument("amount_fen", "ENF-07 must be the " +
                                                    std::to_string(owed->total_fen) +
                                                    " fen owed on paid_on (fine + surcharge)");
  }
  c.execution.fine_paid_on = in.paid_on;
  c.execution.amount_paid_fen = owed->total_fen;
  c.execution.surcharge_fen = owed->surcharge_fen;
  ++c.version;
  return c;
}

Result<Case> RecordAppeal(Case c, const AppealInput& in, Date today) {
  if (!In(c, {CaseState::kServed, CaseState::kExecuting, CaseState::kClosed})) {
    return Refuse(c, "ENF-10 only a served decision is appealed");
  }
  c.appeals.push_back({in.kind, today});
  ++c.version;  // ENF-10: the state stays; execution is not suspended
  return c;
}

Result<Case> Close(Case c, const CloseInput& in, Date today) {
  if (c.state == CaseState::kServed && c.decision && c.decision->non_punishment) {
    if (Status bad = RequireRecord(c, RecordStage::kService)) return *bad;
    c.closed_on = today;
    return Next(std::move(c), CaseState::kClosed);
  }
  if (c.state != CaseState::kExecuting) {
    return Refuse(c, "§3.3 a case closes after execution (EXECUTING)");
  }
  if (Status bad = RequireRecord(c, RecordStage::kExecution)) return *bad;
  if (FineOf(c) != nullptr && !c.execution.fine_paid_on) {
    if (!in.court_enforcement) return Refuse(c, "ENF-07 the fine is not paid");
    if (today <= PaymentDueDate(*c.served_on)) {
      return Refuse(c, "ENF-07 the payment period is still running: no court enforcement yet");
    }
    c.execution.court_enforcement = true;
  }
  c.closed_on = today;
  return Next(std::move(c), CaseState::kClosed);
}

std::optional<Date> DecisionDeadline(const Case& c, const CaseSettings& settings, Date as_of) {
  if (!c.filed_on) return std::nullopt;
  std::int64_t days = settings.decision_days;
  for (const Extension& e : c.extensions) {
    if (e.approved_on <= as_of) days += e.days;
  }
  return *c.filed_on + std::chrono::days{days};
}

std::optional<Date> ServiceDeadline(const Case& c, const CaseSettings& settings) {
  if (!c.decision) return std::nullopt;
  return c.decision->decided_on + std::chrono::days{settings.service_days};
}

std::vector<OverdueCase> OverdueDecisions(const std::vector<Case>& cases,
                                          const CaseSettings& settings, Date as_of) {
  std::vector<OverdueCase> out;
  for (const Case& c : cases) {
    if (!c.filed_on || *c.filed_on > as_of) continue;
    if (c.decision && c.decision->decided_on <= as_of) continue;
    if (c.ended_on && *c.ended_on <= as_of) continue;
    const Date deadline = *DecisionDeadline(c, settings, as_of);
    if (as_of > deadline) out.push_back({c.id, deadline, (as_of - deadline).count()});
  }
  return out;
}

std::vector<OverdueCase> OverdueServices(const std::vector<Case>& cases,
                                         const CaseSettings& settings, Date as_of) {
  std::vector<OverdueCase> out;
  for (const Case& c : cases) {
    if (!c.decision || c.decision->decided_on > as_of) continue;
    if (c.served_on && *c.served_on <= as_of) continue;
    const Date deadline = *ServiceDeadline(c, settings);
    if (as_of > deadline) out.push_back({c.id, deadline, (as_of - deadline).count()});
  }
  return out;
}

std::vector<CreditEvent> CaseCreditEvents(const Case& c) {
  if (!c.decision || c.decision->non_punishment || c.target.organization_id.empty()) return {};
  return DecisionCreditEvents(c.decision->penalties, c.decision->decided_on);
}

}  // namespace socgov::supervision
