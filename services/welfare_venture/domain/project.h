// A funded venture project (domain.md §3.7):
//   AWARDED → CONTRACTED → TRANCHE1_PAID → IN_PROGRESS → MIDTERM_PASSED → TRANCHE_N_PAID
//   IN_PROGRESS → (mid-term fail) SUSPENDED | TERMINATED;  SUSPENDED → MIDTERM_PASSED | TERMINATED
//   MIDTERM_PASSED | TRANCHE_N_PAID → (final) COMPLETED | REMEDIATION | CLAWBACK
//   REMEDIATION → COMPLETED | CLAWBACK;  COMPLETED | TERMINATED | CLAWBACK → ARCHIVED
// Money moves in tranches (VC-07), each gated by the contract or a passing evaluation; failing
// projects receive nothing more and may be clawed back, which bars the grantee 3 years (credit.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "welfare_venture/domain/application.h"
#include "welfare_venture/domain/dates.h"
#include "welfare_venture/domain/money.h"
#include "welfare_venture/domain/review.h"
#include "welfare_venture/domain/round.h"

namespace socgov::welfare_venture {

enum class ProjectState {
  kAwarded,
  kContracted,
  kTranche1Paid,
  kInProgress,
  kMidtermPassed,
  kTrancheNPaid,
  kSuspended,
  kTerminated,
  kCompleted,
  kRemediation,
  kClawback,
  kArchived,
};
std::string_view ProjectStateName(ProjectState s);

// What releases a tranche.
enum class TrancheGate { kContract, kMidterm, kFinal };

struct Tranche {
  Fen amount_fen = 0;
  TrancheGate gate = TrancheGate::kContract;
  std::optional<Date> paid_on;
};

// 资助协议.
struct Contract {
  std::string number;
  Date signed_on{};
  Date starts_on{};
  Date midterm_due_on{};  // self-assessment and activity records due (VC-08)
  Date ends_on{};
  std::vector<Tranche> tranches;  // the first gated by the contract, the rest by evaluations
};

struct EvaluationResult {
  bool passed = false;
  std::string reason;  // rule and why, when failed
  Date on{};
};

// Third-party financial supervision (VC-09): cumulative figures since the contract.
struct FinancialCheck {
  Date on{};
  std::string checker_id;         // the third party, never the grantee
  Fen reported_expense_fen = 0;   // from the monthly income/expense sheets
  Fen vouchered_expense_fen = 0;  // supported by vouchers
  bool separate_ledger = false;   // VC-10 专账核算
  // Filled in by RecordFinancialCheck.
  Fen unsupported_fen = 0;
  bool passed = false;
  std::string finding;
};

struct VentureProject {
  std::string id;
  std::string application_id;
  std::string round_id;
  int year = 0;
  std::string org_id;
  std::string jurisdiction;  // the round's
  Category category = Category::kOther;
  std::string title;
  std::string summary;
  Fen grant_fen = 0;

  ProjectState state = ProjectState::kAwarded;
  Date state_since{};
  std::optional<Contract> contract;
  std::optional<EvaluationResult> midterm;
  std::optional<Date> final_report_on;
  std::optional<EvaluationResult> final_evaluation;
  std::vector<FinancialCheck> checks;
  Fen disbursed_fen = 0;
  Fen spent_fen = 0;      // vouchered spending as of the latest check
  Fen recovered_fen = 0;  // unused funds returned to the treasury (VC-10)
  Fen clawback_fen = 0;
  std::optional<Date> clawed_back_on;  // the bar's start (VC-07)
};

// AWARDED, from a confirmed award of an AWARDED round. kInvalidArgument naming id or the award
// when it is not the application's.
Result<VentureProject> OpenProject(const VentureRound& round, const AwardLine& award,
                                   const VentureApplication& app, std::string id);

// AWARDED → CONTRACTED. kInvalidArgument naming contract.* for dates out of order (signed ≤
// start < mid-term due < end) and "tranches" unless they are positive, sum exactly to the grant,
// and the first alone is gated by the contract with gates in order contract → mid-term → final.
Result<VentureProject> SignContract(VentureProject p, Contract contract);

// Pays the next tranche on `on` once its gate is met (VC-07): the contract for the first (not
// before signing), a passing mid-term or final evaluation for the others. kFailedPrecondition
// "state X: VC-07 ..." otherwise, and always once the project has failed.
Result<VentureProject> PayTranche(VentureProject p, Date on);

// TRANCHE1_PAID → IN_PROGRESS, not before the contract's start.
Result<VentureProject> StartImplementation(VentureProject p, Date on);

struct MidtermSubmission {
  std::optional<Date> self_assessment_on;   // 自评报告
  std::optional<Date> activity_records_on;  // 活动记录
  bool document_review_passed = false;
  bool field_check_passed = false;
};
enum class MidtermFailure { kSuspend, kTerminate };

// VC-08, filed with the bureau on `on` (not before the due day): material missing or submitted
// after midterm_due_on counts as a fail, as does a failed document review or field check. Pass →
// MIDTERM_PASSED; fail → SUSPENDED or TERMINATED as `on_fail` says, the reason kept in `midterm`.
Result<VentureProject> RecordMidterm(VentureProject p, const MidtermSubmission& submission,
                                     MidtermFailure on_fail, Date on);

// SUSPENDED → MIDTERM_PASSED once rectified and re-evaluated, else TERMINATED.
Result<VentureProject> ReviewSuspension(VentureProject p, bool rectified, Date on);

// VC-09: any state from the first tranche until archived. Records the check with its findings
// (unsupported spending, spending above what was disbursed, no separate ledger) and takes the
// vouchered spending as spent. kInvalidArgument naming checker_id when it is the grantee, or the
// figures when negative, vouchers above the report, or cumulative figures going down.
Result<VentureProject> RecordFinancialCheck(VentureProject p, FinancialCheck check);

// The final report's due day (VC-10): one month after the project's end.
Date FinalReportDueOn(const Contract& contract);

// Records the final report (after the mid-term passed), on or after the project's end.
Result<VentureProject> SubmitFinalReport(VentureProject p, Date on);

enum class FinalFailure { kRemediation, kClawback };

// The final evaluation on `on` (after the project's end), or the re-evaluation after remediation.
// VC-10: no final report by FinalReportDueOn fails regardless of `review_passed`. Pass →
// COMPLETED; fail → REMEDIATION or CLAWBACK (a failed re-evaluation is always CLAWBACK).
Result<VentureProject> RecordFinalEvaluation(VentureProject p, bool review_passed,
                                             FinalFailure on_fail, Date on);

// VC-07 clawback of `amount` (TERMINATED or CLAWBACK), at most what is still outstanding.
// The first clawback's day starts the grantee's 3-year bar.
Result<VentureProject> ClawBack(VentureProject p, Fen amount, Date on);

// VC-10: funds disbursed 2 years or more before `today` and still unspent (spending goes to the
// earliest tranches first), less what was already recovered or clawed back.
Fen RecoverableUnused(const VentureProject& p, Date today);
Result<VentureProject> RecoverUnusedFunds(VentureProject p, Fen amount, Date on);

// COMPLETED (every tranche paid), TERMINATED or CLAWBACK → ARCHIVED.
Result<VentureProject> Archive(VentureProject p, Date on);

// Funded (a tranche paid) and still running: where activities may be reported.
bool AcceptsActivities(const VentureProject& p);

}  // namespace socgov::welfare_venture
