#include "welfare_venture/domain/project.h"

#include <algorithm>
#include <string>

namespace socgov::welfare_venture {
namespace {

Error Precondition(ProjectState state, std::string_view rule_and_reason) {
  return Error::FailedPrecondition("state " + std::string(ProjectStateName(state)) + ": " +
                                   std::string(rule_and_reason));
}

Status CheckTime(const VentureProject& p, Date on) {
  if (on < p.state_since) return Error::InvalidArgument("on", "is before the project's last step");
  return std::nullopt;
}

VentureProject Moved(VentureProject p, ProjectState to, Date on) {
  p.state = to;
  p.state_since = on;
  return p;
}

bool Failed(ProjectState s) {
  return s == ProjectState::kSuspended || s == ProjectState::kTerminated ||
         s == ProjectState::kRemediation || s == ProjectState::kClawback ||
         s == ProjectState::kArchived;
}

bool AfterMidterm(ProjectState s) {
  return s == ProjectState::kMidtermPassed || s == ProjectState::kTrancheNPaid;
}

Status CheckContract(const VentureProject& p, const Contract& c) {
  if (c.number.empty()) return Error::InvalidArgument("contract.number", "is required");
  if (c.starts_on < c.signed_on) {
    return Error::InvalidArgument("contract.starts_on", "is before the signing");
  }
  if (c.midterm_due_on <= c.starts_on || c.midterm_due_on >= c.ends_on) {
    return Error::InvalidArgument("contract.midterm_due_on", "must fall inside the project");
  }
  if (c.tranches.empty() || c.tranches.size() > 6) {
    return Error::InvalidArgument("tranches", "VC-07 one to six tranches");
  }
  Fen sum = 0;
  for (std::size_t i = 0; i < c.tranches.size(); ++i) {
    const Tranche& t = c.tranches[i];
    if (auto bad = CheckAmount("tranches.amount_fen", t.amount_fen)) return bad;
    if (t.amount_fen == 0) return Error::InvalidArgument("tranches.amount_fen", "must be positive");
    if (t.paid_on) return Error::InvalidArgument("tranches.paid_on", "is set by payment");
    if ((i == 0) != (t.gate == TrancheGate::kContract)) {
      return Error::InvalidArgument("tranches.gate",
                                    "VC-07 the first tranche, and only it, follows the contract");
    }
    if (i > 0 && t.gate < c.tranches[i - 1].gate) {
      return Error::InvalidArgument("tranches.gate", "VC-07 gates run contract, mid-term, final");
    }
    sum += t.amount_fen;
  }
  if (sum != p.grant_fen) {
    return Error::InvalidArgument("tranches", "VC-07 must sum to the grant (off by " +
                                                  std::to_string(sum - p.grant_fen) + " fen)");
  }
  return std::nullopt;
}

Fen Outstanding(const VentureProject& p) {
  return p.disbursed_fen - p.recovered_fen - p.clawback_fen;
}

}  // namespace

std::string_view ProjectStateName(ProjectState s) {
  switch (s) {
    case ProjectState::kAwarded:
      return "AWARDED";
    case ProjectState::kContracted:
      return "CONTRACTED";
    case ProjectState::kTranche1Paid:
      return "TRANCHE1_PAID";
    case ProjectState::kInProgress:
      return "IN_PROGRESS";
    case ProjectState::kMidtermPassed:
      return "MIDTERM_PASSED";
    case ProjectState::kTrancheNPaid:
      return "TRANCHE_N_PAID";
    case ProjectState::kSuspended:
      return "SUSPENDED";
    case ProjectState::kTerminated:
      return "TERMINATED";
    case ProjectState::kCompleted:
      return "COMPLETED";
    case ProjectState::kRemediation:
      return "REMEDIATION";
    case ProjectState::kClawback:
      return "CLAWBACK";
    case ProjectState::kArchived:
      return "ARCHIVED";
  }
  return "UNKNOWN";
}

Result<VentureProject> OpenProject(const VentureRound& r, const AwardLine& award,
                                   const VentureApplication& app, std::string id) {
  if (r.state != RoundState::kAwarded) {
    return Error::FailedPrecondition("state " + std::string(RoundStateName(r.state)) +
                                     ": VC-02 projects follow the round's awards");
  }
  if (id.empty()) return Error::InvalidArgument("id", "is required");
  if (award.application_id != app.id || app.round_id != r.id) {
    return Error::InvalidArgument("award", "is not this application's in this round");
  }
  if (auto bad = CheckAmount("award.grant_fen", award.grant_fen)) return *bad;
  if (award.grant_fen == 0) return Error::InvalidArgument("award.grant_fen", "must be positive");
  VentureProject p;
  p.id = std::move(id);
  p.application_id = app.id;
  p.round_id = r.id;
  p.year = r.year;
  p.org_id = app.org_id;
  p.jurisdiction = r.jurisdiction;
  p.category = app.category;
  p.title = app.title;
  p.summary = app.summary;
  p.grant_fen = award.grant_fen;
  p.state = ProjectState::kAwarded;
  p.state_since = *r.awarded_on;
  return p;
}

Result<VentureProject> SignContract(VentureProject p, Contract c) {
  if (p.state != ProjectState::kAwarded) {
    return Precondition(p.state, "VC-02 the contract is signed once, after the award");
  }
  if (auto bad = CheckTime(p, c.signed_on)) return *bad;
  if (auto bad = CheckContract(p, c)) return *bad;
  const Date on = c.signed_on;
  p.contract = std::move(c);
  return Moved(std::move(p), ProjectState::kContracted, on);
}

Result<VentureProject> PayTranche(VentureProject p, Date on) {
  if (!p.contract) return Precondition(p.state, "VC-07 no tranche is paid before the contract");
  if (Failed(p.state)) {
    return Precondition(p.state, "VC-07 a project that failed its evaluation receives no funds");
  }
  if (auto bad = CheckTime(p, on)) return *bad;
  auto& tranches = p.contract->tranches;
  auto next =
      std::find_if(tranches.begin(), tranches.end(), [](const Tranche& t) { return !t.paid_on; });
  if (next == tranches.end()) return Precondition(p.state, "VC-07 every tranche is paid");
  const std::string n = std::to_string(next - tranches.begin() + 1);
  ProjectState to = p.state;
  switch (next->gate) {
    case TrancheGate::kContract:
      if (p.state != ProjectState::kContracted) {
        return Precondition(p.state, "VC-07 tranche 1 follows the contract");
      }
      to = ProjectState::kTranche1Paid;
      break;
    case TrancheGate::kMidterm:
      if (!AfterMidterm(p.state)) {
        return Precondition(p.state, "VC-07 tranche " + n + " waits for a passing mid-term");
      }
      to = ProjectState::kTrancheNPaid;
      break;
    case TrancheGate::kFinal:
      if (p.state != ProjectState::kCompleted) {
        return Precondition(p.state,
                            "VC-07 tranche " + n + " waits for a passing final evaluation");
      }
      break;
  }
  next->paid_on = on;
  p.disbursed_fen += next->amount_fen;
  if (to == p.state) return p;
  return Moved(std::move(p), to, on);
}

Result<VentureProject> StartImplementation(VentureProject p, Date on) {
  if (p.state != ProjectState::kTranche1Paid) {
    return Precondition(p.state, "VC-02 implementation starts once tranche 1 is paid");
  }
  if (auto bad = CheckTime(p, on)) return *bad;
  if (on < p.contract->starts_on) {
    return Precondition(p.state,
                        "VC-02 the project starts on " + FormatDate(p.contract->starts_on));
  }
  return Moved(std::move(p), ProjectState::kInProgress, on);
}

Result<VentureProject> RecordMidterm(VentureProject p, const MidtermSubmission& s,
                                     MidtermFailure on_fail, Date on) {
  if (p.state != ProjectState::kInProgress) {
    return Precondition(p.state, "VC-08 the mid-term evaluates a project in progress");
  }
  if (auto bad = CheckTime(p, on)) return *bad;
  const Date due = p.contract->midterm_due_on;
  if (on < due) {
    return Precondition(p.state, "VC-08 the mid-term result is filed from " + FormatDate(due));
  }
  EvaluationResult result{true, "", on};
  auto fail = [&](std::string reason) {
    if (result.passed) result = {false, std::move(reason), on};
  };
  if (!s.self_assessment_on || !s.activity_records_on) {
    fail("VC-08 mid-term material missing (due " + FormatDate(due) + ")");
  } else if (*s.self_assessment_on > due || *s.activity_records_on > due) {
    fail("VC-08 mid-term material submitted after " + FormatDate(due));
  }
  if (!s.document_review_passed) fail("VC-08 the document review failed");
  if (!s.field_check_passed) fail("VC-08 the field check failed");
  const bool passed = result.passed;
  p.midterm = std::move(result);
  if (passed) return Moved(std::move(p), ProjectState::kMidtermPassed, on);
  return Moved(
      std::move(p),
      on_fail == MidtermFailure::kSuspend ? ProjectState::kSuspended : ProjectState::kTerminated,
      on);
}

Result<VentureProject> ReviewSuspension(VentureProject p, bool rectified, Date on) {
  if (p.state != ProjectState::kSuspended) {
    return Precondition(p.state, "VC-08 only a suspended project is reviewed for rectification");
  }
  if (auto bad = CheckTime(p, on)) return *bad;
  if (rectified) {
    p.midterm = EvaluationResult{true, "", on};
    return Moved(std::move(p), ProjectState::kMidtermPassed, on);
  }
  return Moved(std::move(p), ProjectState::kTerminated, on);
}

Result<VentureProject> RecordFinancialCheck(VentureProject p, FinancialCheck c) {
  if (p.disbursed_fen == 0 || p.state == ProjectState::kArchived) {
    return Precondition(p.state, "VC-09 financial checks cover funded projects until archived");
  }
  if (auto bad = CheckTime(p, c.on)) return *bad;
  if (c.checker_id.empty()) return Error::InvalidArgument("checker_id", "is required");
  if (c.checker_id == p.org_id) {
    return Error::InvalidArgument("checker_id", "VC-09 the check is by a third party");
  }
  if (auto bad = CheckAmount("reported_expense_fen", c.reported_expense_fen)) return *bad;
  if (auto bad = CheckAmount("vouchered_expense_fen", c.vouchered_expense_fen)) return *bad;
  if (c.vouchered_expense_fen > c.reported_expense_fen) {
    return Error::InvalidArgument("vouchered_expense_fen", "must not exceed the reported expense");
  }
  if (!p.checks.empty() && (c.reported_expense_fen < p.checks.back().reported_expense_fen ||
                            c.vouchered_expense_fen < p.checks.back().vouchered_expense_fen)) {
    return Error::InvalidArgument("reported_expense_fen", "cumulative figures never go down");
  }
  c.unsupported_fen = c.reported_expense_fen - c.vouchered_expense_fen;
  std::vector<std::string> findings;
  if (c.unsupported_fen > 0) {
    findings.push_back("VC-09 " + FormatYuan(c.unsupported_fen) + " of expenses lack vouchers");
  }
  if (c.reported_expense_fen > p.disbursed_fen) {
    findings.push_back("VC-09 expenses exceed the " + FormatYuan(p.disbursed_fen) + " disbursed");
  }
  if (!c.separate_ledger) findings.push_back("VC-10 the grant is not kept in a separate ledger");
  c.passed = findings.empty();
  c.finding.clear();
  for (const auto& f : findings) c.finding += (c.finding.empty() ? "" : "; ") + f;
  p.spent_fen = std::min(c.vouchered_expense_fen, p.disbursed_fen);
  p.checks.push_back(std::move(c));
  return p;
}

Date FinalReportDueOn(const Contract& c) { return AddMonths(c.ends_on, 1); }

Result<VentureProject> SubmitFinalReport(VentureProject p, Date on) {
  if (!AfterMidterm(p.state) && p.state != ProjectState::kRemediation) {
    return Precondition(p.state, "VC-10 the final report follows a passed mid-term");
  }
  if (p.final_report_on) return Precondition(p.state, "VC-10 the final report is already in");
  if (on < p.contract->ends_on) {
    return Precondition(p.state, "VC-10 the final report follows the project's end on " +
                                     FormatDate(p.contract->ends_on));
  }
  p.final_report_on = on;
  return p;
}

Result<VentureProject> RecordFinalEvaluation(VentureProject p, bool review_passed,
                                             FinalFailure on_fail, Date on) {
  const bool re_evaluation = p.state == ProjectState::kRemediation;
  if (!AfterMidterm(p.state) && !re_evaluation) {
    return Precondition(p.state, "VC-08 the final evaluation follows a passed mid-term");
  }
  if (auto bad = CheckTime(p, on)) return *bad;
  if (on < p.contract->ends_on) {
    return Precondition(p.state, "VC-10 the final evaluation follows the project's end on " +
                                     FormatDate(p.contract->ends_on));
  }
  const Date due = FinalReportDueOn(*p.contract);
  EvaluationResult result{true, "", on};
  if (!p.final_report_on || *p.final_report_on > due) {
    result = {false, "VC-10 the final report was due by " + FormatDate(due), on};
  } else if (!review_passed) {
    result = {false, "VC-08 the final evaluation failed", on};
  }
  const bool passed = result.passed;
  p.final_evaluation = std::move(result);
  if (passed) return Moved(std::move(p), ProjectState::kCompleted, on);
  const bool remediate = on_fail == FinalFailure::kRemediation && !re_evaluation;
  return Moved(std::move(p), remediate ? ProjectState::kRemediation : ProjectState::kClawback, on);
}

Result<VentureProject> ClawBack(VentureProject p, Fen amount, Date on) {
  if (p.state != ProjectState::kTerminated && p.state != ProjectState::kClawback) {
    return Precondition(p.state, "VC-07 only a terminated or failed project is clawed back");
  }
  if (auto bad = CheckTime(p, on)) return *bad;
  if (auto bad = CheckAmount("amount", amount)) return *bad;
  if (amount == 0) return Error::InvalidArgument("amount", "must be positive");
  if (amount > Outstanding(p)) {
    return Error::InvalidArgument(
        "amount", "is more than the " + FormatYuan(Outstanding(p)) + " still with the grantee");
  }
  p.clawback_fen += amount;
  if (!p.clawed_back_on) p.clawed_back_on = on;
  return p;
}

Fen RecoverableUnused(const VentureProject& p, Date today) {
  if (!p.contract) return 0;
  Fen old = 0;
  for (const auto& t : p.contract->tranches) {
    if (t.paid_on && AddYears(*t.paid_on, 2) <= today) old += t.amount_fen;
  }
  return std::max<Fen>(0, old - p.spent_fen - p.recovered_fen - p.clawback_fen);
}

Result<VentureProject> RecoverUnusedFunds(VentureProject p, Fen amount, Date on) {
  if (auto bad = CheckAmount("amount", amount)) return *bad;
  if (amount == 0) return Error::InvalidArgument("amount", "must be positive");
  const Fen recoverable = RecoverableUnused(p, on);
  if (amount > recoverable) {
    return Precondition(p.state,
                        "VC-10 only funds unused 2 years after disbursement are "
                        "recovered; " +
                            FormatYuan(recoverable) + " are due");
  }
  p.recovered_fen += amount;
  return p;
}

Result<VentureProject> Archive(VentureProject p, Date on) {
  if (p.state != ProjectState::kCompleted && p.state != ProjectState::kTerminated &&
      p.state != ProjectState::kClawback) {
    return Precondition(p.state, "VC-11 only a finished project is archived");
  }
  if (auto bad = CheckTime(p, on)) return *bad;
  if (p.state == ProjectState::kCompleted) {
    for (const auto& t : p.contract->tranches) {
      if (!t.paid_on) return Precondition(p.state, "VC-07 a tranche is still unpaid");
    }
  }
  return Moved(std::move(p), ProjectState::kArchived, on);
}

bool AcceptsActivities(const VentureProject& p) {
  switch (p.state) {
    case ProjectState::kTranche1Paid:
    case ProjectState::kInProgress:
    case ProjectState::kMidtermPassed:
    case ProjectState::kTrancheNPaid:
    case ProjectState::kRemediation:
      return true;
    default:
      return false;
  }
}

}  // namespace socgov::welfare_venture
