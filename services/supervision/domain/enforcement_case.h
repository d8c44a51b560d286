// The enforcement case (行政处罚案件, domain.md §3.3, ENF-01..14):
//
//   CLUE → PRE_CHECK → FILED → INVESTIGATING → NOTICE_SENT → [HEARING] → REVIEW → DECIDED → SERVED
//        → EXECUTING → CLOSED;   CLUE | PRE_CHECK → DECLINED;   FILED → TRANSFERRED (ENF-01)
//
// Each command is a pure function from one Case to the next at version + 1, with the date passed
// in. Wrong states are kFailedPrecondition "state FILED: ENF-xx ..." naming the current state and
// the rule; bad input is kInvalidArgument "field: reason". Dates in inputs may not be after
// `today` (nothing is recorded ahead of time).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/credit_listing.h"
#include "supervision/domain/dates.h"
#include "supervision/domain/penalty.h"

namespace socgov::supervision {

enum class CaseState {
  kClue,
  kPreCheck,
  kFiled,
  kInvestigating,
  kNoticeSent,
  kHearing,
  kReview,
  kDecided,
  kServed,
  kExecuting,
  kClosed,
  kDeclined,
  kTransferred,
};
std::string_view CaseStateName(CaseState s);  // "CLUE", "PRE_CHECK", ...

enum class CaseSource {
  kComplaint,     // 投诉举报
  kSampling,      // 双随机 inspection
  kAnnualReport,  // 年检 / 年报
  kReferral,      // 移送 by another authority
  kNotification,  // 通报 from another authority
  kDetection,     // a derived detection (zombie, overdue re-election, ...)
  kCampaign,      // 专项整治 item escalated
};

// A registered organization (its credit code or filing number) or an IllegalOrg, never both.
struct CaseTarget {
  std::string organization_id;
  std::string illegal_org_id;
  bool charity = false;  // 慈善组织: ENF-04 certificate revocation
};

// ENF-02: the whole-process record, per stage.
enum class RecordStage { kFiling, kInvestigation, kReview, kDecision, kService, kExecution };
std::string_view RecordStageName(RecordStage s);
enum class RecordKind { kText, kAudioVideo };  // 文字 / 音像
struct EvidenceRecord {
  RecordStage stage = RecordStage::kFiling;
  RecordKind kind = RecordKind::kText;
  std::string description;
  Date recorded_on{};
};

// ENF-11: an approved extension of the 90-day decision period.
struct Extension {
  std::int32_t days = 0;
  std::string approved_by;
  Date approved_on{};
  std::string reason;
};

struct Notice {  // 行政处罚事先告知书
  Date sent_on{};
  std::vector<Penalty> proposed;  // empty when non-punishment is proposed (不予行政处罚告知)
  Date statement_deadline{};      // 陈述、申辩 until (inclusive)
  bool hearing_right = false;     // HearingRight(proposed) at the time of the notice
  bool hearing_requested = false;
  std::optional<Date> hearing_requested_on;
  bool rights_waived = false;  // the party declared it makes no statement and asks no hearing
};
struct Statement {  // 陈述、申辩
  Date made_on{};
  std::string summary;
};
struct Hearing {  // 听证
  Date held_on{};
  std::string presided_by;  // not an investigator (行政处罚法 Art 64)
  std::string summary;
};
struct LegalReview {     // 法制审核
  std::string reviewer;  // not an investigator
  bool passed = false;
  std::string opinion;
  Date reviewed_on{};
};

// ENF-12: the non-punishment list's conditions, all required.
struct NonPunishment {
  bool first_offence = false;
  bool minor = false;
  bool corrected_in_time = false;
  bool no_harm = false;
  std::string reason;
};
struct Decision {
  Date decided_on{};
  std::vector<Penalty> penalties;  // empty for a non-punishment decision
  bool non_punishment = false;     // ENF-12
  std::string non_punishment_reason;
  bool ban = false;  // ENF-13: 取缔 of an illegal organization
};
enum class ServiceMethod { kOnTheSpot, kDelivered };  // 当场 / 送达 (direct, post, ...)

struct Execution {
  std::optional<Date> fine_paid_on;
  std::int64_t amount_paid_fen = 0;  // fine + surcharge
  std::int64_t surcharge_fen = 0;
  bool court_enforcement = false;  // ENF-07: the registry applied to the court instead
};
enum class AppealKind { kReconsideration, kLitigation };  // 行政复议 / 行政诉讼
struct Appeal {
  AppealKind kind = AppealKind::kReconsideration;
  Date filed_on{};
};

struct Case {
  std::string id;
  std::string case_no;  // assigned at filing, e.g. 集民罚字〔2026〕3号
  CaseTarget target;
  std::string target_jurisdiction;  // the registry that registered the target (ENF-01)
  CaseSource source = CaseSource::kComplaint;
  std::string source_ref;  // complaint, inspection, detection or campaign item id
  std::string summary;     // the clue, in brief
  CaseState state = CaseState::kClue;
  Date opened_on{};                  // the clue received: "discovered" for the ENF-03 limitation
  std::optional<Date> violation_on;  // the violation occurred or, if continuing, ended
  std::optional<Date> filed_on;
  std::vector<std::string> investigators;  // ENF-02: ≥ 2, distinct
  std::vector<EvidenceRecord> records;
  std::vector<Extension> extensions;
  PenaltyContext findings;  // the investigation's figures, fixed with the notice
  std::optional<Notice> notice;
  std::vector<Statement> statements;
  std::optional<Hearing> hearing;
  std::optional<LegalReview> review;
  std::optional<Decision> decision;
  std::optional<Date> served_on;
  ServiceMethod service_method = ServiceMethod::kDelivered;
  Execution execution;
  std::vector<Appeal> appeals;  // ENF-10: recorded, the case runs on
  std::optional<Date> closed_on;
  std::optional<Date> ended_on;  // DECLINED or TRANSFERRED on
  std::string end_reason;        // why declined or transferred
  std::string referred_to;       // DECLINED: reported to this registry; TRANSFERRED: sent to it
  std::int64_t version = 1;
};

struct CaseSettings {
  std::string jurisdiction;               // the deployment's registry (ENF-01)
  std::int32_t limitation_years = 2;      // ENF-03, 行政处罚法 Art 36
  std::int32_t decision_days = 90;        // ENF-11, 行政处罚法 Art 60
  std::int32_t max_extension_days = 30;   // ENF-11: per approved extension
  std::int32_t service_days = 7;          // ENF-06
  std::int32_t hearing_request_days = 5;  // 行政处罚法 Art 64: request within 5 days of notice
  PenaltyRules penalties;
};

// ---- commands ----

struct ClueInput {
  std::string id;
  CaseTarget target;
  std::string target_jurisdiction;
  CaseSource source = CaseSource::kComplaint;
  std::string source_ref;
  std::string summary;
};
// A new CLUE opened on `today`, version 1.
Result<Case> OpenClue(const ClueInput& in, Date today);

// CLUE → PRE_CHECK (初步核查).
Result<Case> StartPreCheck(Case c, Date today);

struct DeclineInput {
  std::string reason;
  // ENF-01: a violation by an organization registered elsewhere is reported to its registry.
  std::string referred_to;
};
// CLUE | PRE_CHECK → DECLINED.
Result<Case> Decline(Case c, const DeclineInput& in, const CaseSettings& settings, Date today);

struct FileInput {
  std::string case_no;
  std::vector<std::string> investigators;
  Date violation_on{};
  bool facts_established = false;  // ENF-03: violation facts exist
  bool penalty_warranted = false;  // ENF-03: a penalty is warranted by law
};
// PRE_CHECK → FILED on `today` (立案). ENF-01/ENF-03: the target is registered here
// (kFailedPrecondition "state PRE_CHECK: ENF-01 ..."; decline and report it instead), the facts
// exist and a penalty is warranted, and the clue came within limitation_years of the violation
// (discovered on or before violation_on + limitation_years). ENF-02: ≥ 2 distinct investigators.
Result<Case> File(Case c, const FileInput& in, const CaseSettings& settings, Date today);

struct TransferInput {
  std::string to_jurisdiction;
  std::string reason;
};
// FILED → TRANSFERRED (ENF-01): the target turned out to be registered by `to_jurisdiction`.
Result<Case> Transfer(Case c, const TransferInput& in, const CaseSettings& settings, Date today);

// FILED → INVESTIGATING. ENF-02: a FILING record exists.
Result<Case> StartInvestigation(Case c, Date today);

struct RecordInput {
  RecordStage stage = RecordStage::kFiling;
  RecordKind kind = RecordKind::kText;
  std::string description;
  Date recorded_on{};
};
// ENF-02: adds a record of a stage the case has reached (from FILED until CLOSED, not after
// closing), recorded between the opening of the case and today.
Result<Case> AddRecord(Case c, const RecordInput& in, Date today);

struct ExtensionInput {
  std::int32_t days = 0;
  std::string approved_by;
  std::string reason;
};
// ENF-11: extends the decision deadline by 1..max_extension_days, approved on `today`, which must
// not be after the current deadline: a lapsed deadline cannot be revived. FILED..REVIEW.
Result<Case> ExtendDecisionDeadline(Case c, const ExtensionInput& in, const CaseSettings& settings,
                                    Date today);

struct NoticeInput {
  std::vector<Penalty> proposed;  // ValidatePenalties as of today; empty: non-punishment
  PenaltyContext findings;        // illegal turnover / income; charity and illegal_org come
                                  // from the case's target
  Date statement_deadline{};      // after today
};
// INVESTIGATING → NOTICE_SENT. ENF-02: an INVESTIGATION record exists and the investigators are
// still ≥ 2. Records whether the proposed penalties give a hearing right.
Result<Case> SendNotice(Case c, const NoticeInput& in, const CaseSettings& settings, Date today);

struct StatementInput {
  std::string summary;
};
// NOTICE_SENT: the party's statement (陈述申辩), made today, by the statement deadline.
Result<Case> RecordStatement(Case c, const StatementInput& in, Date today);

// NOTICE_SENT → HEARING: the party asks for a hearing today, within hearing_request_days of the
// notice, which gave a hearing right.
Result<Case> RequestHearing(Case c, const CaseSettings& settings, Date today);

struct HearingInput {
  std::string presided_by;
  std::string summary;
};
// HEARING → REVIEW: the hearing was held today, presided over by someone who did not investigate.
Result<Case> RecordHearing(Case c, const HearingInput& in, Date today);

struct SubmitForReviewInput {
  bool rights_waived = false;  // the party declared in writing it waives statement and hearing
};
// NOTICE_SENT → REVIEW once the party's rights are exhausted: the statement deadline and (with a
// hearing right) the hearing request period are over, or the party waived them.
Result<Case> SubmitForReview(Case c, const SubmitForReviewInput& in, const CaseSettings& settings,
                             Date today);

struct ReviewInput {
  std::string reviewer;
  bool passed = false;
  std::string opinion;
};
// REVIEW: the legal review (法制审核) by someone who did not investigate. A failed review keeps
// the case in REVIEW until a later review passes.
Result<Case> Review(Case c, const ReviewInput& in, Date today);

struct DecisionInput {
  std::vector<Penalty> penalties;
  std::optional<NonPunishment> non_punishment;  // ENF-12, with no penalties
  bool ban = false;                             // ENF-13, illegal organizations only
};
// REVIEW → DECIDED on `today`. ENF-02: a REVIEW record exists and the last review passed.
// ENF-04/05/13: ValidatePenalties with the notice's findings; no heavier than the notice
// (行政处罚法 Art 45). ENF-12: no penalties only with every non-punishment condition met, no
// illegal income and a reason; ENF-13: an illegal organization's decision bans it. A decision
// after the ENF-11 deadline is still made: OverdueDecisions reports it while pending.
Result<Case> Decide(Case c, const DecisionInput& in, const CaseSettings& settings, Date today);

struct ServeInput {
  ServiceMethod method = ServiceMethod::kDelivered;
  Date served_on{};  // on the spot: the day of the decision
};
// DECIDED → SERVED. ENF-02: a DECISION record exists. A service after the ENF-06 period is still
// recorded: OverdueServices reports it while pending.
Result<Case> Serve(Case c, const ServeInput& in, Date today);

// SERVED → EXECUTING. ENF-02: a SERVICE record exists.
Result<Case> StartExecution(Case c, Date today);

struct PaymentInput {
  std::int64_t amount_fen = 0;  // must be exactly what Owed says on paid_on
  Date paid_on{};
};
// EXECUTING, for a decision with a fine: the fine paid at the bank (ENF-07, 收缴分离) with its
// late surcharge. kInvalidArgument naming amount_fen when not what is owed.
Result<Case> RecordPayment(Case c, const PaymentInput& in, Date today);

struct AppealInput {
  AppealKind kind = AppealKind::kReconsideration;
};
// ENF-10: an appeal filed today against a served decision (SERVED, EXECUTING or CLOSED) is
// recorded; the state does not change and execution goes on.
Result<Case> RecordAppeal(Case c, const AppealInput& in, Date today);

struct CloseInput {
  bool court_enforcement = false;  // ENF-07: the fine is left to the court
};
// EXECUTING → CLOSED: ENF-02 an EXECUTION record exists; a fine is paid or sent to the court.
// SERVED → CLOSED for a non-punishment decision, which has nothing to execute.
Result<Case> Close(Case c, const CloseInput& in, Date today);

// ---- queries ----

// ENF-11: filed_on + decision_days + the extensions approved on or before `as_of`; nullopt
// before filing.
std::optional<Date> DecisionDeadline(const Case& c, const CaseSettings& settings, Date as_of);
// ENF-06: decided_on + service_days; nullopt before the decision.
std::optional<Date> ServiceDeadline(const Case& c, const CaseSettings& settings);

struct OverdueCase {
  std::string case_id;
  Date deadline{};
  std::int64_t days_overdue = 0;
  bool operator==(const OverdueCase&) const = default;
};
// ENF-11: cases filed by `as_of` and still undecided on `as_of` (not decided, declined or
// transferred by then) whose deadline as of that day is before it. In input order.
std::vector<OverdueCase> OverdueDecisions(const std::vector<Case>& cases,
                                          const CaseSettings& settings, Date as_of);
// ENF-06: decisions made by `as_of`, not served by `as_of`, whose service deadline is before it.
std::vector<OverdueCase> OverdueServices(const std::vector<Case>& cases,
                                         const CaseSettings& settings, Date as_of);

// ENF-14: the credit events of a decided case (DecisionCreditEvents, dated the decision day);
// none before the decision, for non-punishment, or for an illegal organization, which has no
// credit record.
std::vector<CreditEvent> CaseCreditEvents(const Case& c);

}  // namespace socgov::supervision
