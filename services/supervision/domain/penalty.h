// Administrative penalties (domain.md §2.4 Penalty, §3.3 ENF-04/05/07/14): what a decision may
// impose, within which bounds, what a fine costs when paid late, and which credit event each
// penalty is. All money is integer fen (int64): ¥1 = 100 fen.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/credit_listing.h"
#include "supervision/domain/dates.h"

namespace socgov::supervision {

// The order and names follow socgov.supervision.v1.PenaltyType.
enum class PenaltyType {
  kWarning,                   // 警告
  kFine,                      // 罚款
  kConfiscation,              // 没收违法所得 / 违法经营额 (or, ENF-13, illegal property)
  kSuspension,                // 限期停止活动
  kReplaceResponsiblePerson,  // 责令撤换直接负责的主管人员
  kRevocation,                // 撤销登记
  kCertificateRevocation,     // 吊销登记证书 (慈善组织)
};
std::string_view PenaltyTypeName(PenaltyType type);  // "warning", "fine", ...

struct Penalty {
  PenaltyType type = PenaltyType::kWarning;
  std::int64_t amount_fen = 0;        // kFine and kConfiscation only
  std::optional<Date> suspend_from;   // kSuspension only: first day
  std::optional<Date> suspend_until;  // kSuspension only: last day
  std::string basis;  // legal basis, e.g. "社会团体登记管理条例 第三十条"

  bool operator==(const Penalty&) const = default;
};

// Largest amount accepted anywhere (¥10 trillion): keeps 5× multiples and surcharges in int64.
inline constexpr std::int64_t kMaxMoneyFen = 1'000'000'000'000'000;

// Deployment settings for penalties.
struct PenaltyRules {
  // 行政处罚法 Art 63: a "较大数额" fine or confiscation gives a hearing right; the amount is set
  // by the province. ¥50,000 by default.
  std::int64_t hearing_amount_threshold_fen = 5'000'000;
  // 限期停止活动 has no statutory maximum; the deployment bounds it (days, both ends included).
  std::int32_t max_suspension_days = 365;
};

// What the investigation established about the target, which bounds the penalties.
struct PenaltyContext {
  std::int64_t illegal_turnover_fen = 0;  // 违法经营额
  std::int64_t illegal_income_fen = 0;    // 违法所得
  bool charity = false;                   // 慈善组织: only they lose a certificate
  bool illegal_org = false;               // ENF-13: banned, not penalized as a registered org
};
// kInvalidArgument naming illegal_turnover_fen / illegal_income_fen when negative or too large.
Status CheckPenaltyContext(const PenaltyContext& ctx);

// ENF-05: the fine bounds where illegal turnover (1–3×) or illegal income (3–5×) exists.
struct FineRange {
  std::int64_t min_fen = 0;
  std::int64_t max_fen = 0;
  bool operator==(const FineRange&) const = default;
};
std::optional<FineRange> TurnoverFineRange(const PenaltyContext& ctx);  // nullopt: no turnover
std::optional<FineRange> IncomeFineRange(const PenaltyContext& ctx);    // nullopt: no income

// Days of a suspension, both ends included; 0 when either end is missing or until < from.
std::int32_t SuspensionDays(const Penalty& p);

// Validates the penalties of one decision (or notice) dated `decided_on`. kInvalidArgument naming
// "penalties" or "penalties[i].<field>" with the rule:
//   ENF-04 at most one of each type; revocation and certificate revocation exclude each other
//          and exclude warning, suspension and replacing the responsible person; certificate
//          revocation for charities only; a suspension has both ends, starts no earlier than the
//          decision, ends no earlier than it starts, and lasts at most max_suspension_days;
//   ENF-05 a fine or confiscation needs an amount > 0; a fine needs illegal turnover or income
//          and lies within 1–3× turnover or 3–5× income (either range suffices when both exist)
//          and comes with the confiscation ("予以没收，可以并处罚款"); a confiscation takes at
//          most the larger of turnover and income;
//   ENF-13 an illegal organization can only have property confiscated (its ban is the case
//          decision's ban flag), with no turnover bound.
// An empty list is valid here: whether a decision may impose nothing is ENF-12's question.
Status ValidatePenalties(const std::vector<Penalty>& penalties, const PenaltyContext& ctx,
                         Date decided_on, const PenaltyRules& rules);

// 行政处罚法 Art 63: revocation, certificate revocation, suspension, or a fine or confiscation of
// at least hearing_amount_threshold_fen give the party a right to a hearing.
bool HearingRight(const std::vector<Penalty>& penalties, const PenaltyRules& rules);

// 行政处罚法 Art 45: the decision may not be heavier than the notice — every decided penalty was
// proposed, with no larger amount and no longer suspension. kInvalidArgument naming
// "penalties[i]" otherwise.
Status CheckNotHeavier(const std::vector<Penalty>& decided, const std::vector<Penalty>& proposed);

// ENF-07: a fine is paid within 15 days of service: the last day is served_on + 15.
inline constexpr int kPaymentDays = 15;
Date PaymentDueDate(Date served_on);

struct AmountOwed {
  std::int64_t fine_fen = 0;
  std::int64_t days_late = 0;  // days after PaymentDueDate, 0 when in time
  std::int64_t surcharge_fen = 0;
  std::int64_t total_fen = 0;  // fine + surcharge
  bool operator==(const AmountOwed&) const = default;
};
// ENF-07: what a fine served on `served_on` costs when paid on `on` (or owed as of `on`): the
// fine, plus 3 % of the fine per day after the due date, computed over all late days at once and
// rounded down to the fen, and never more than the fine itself (行政处罚法 Art 72).
// kInvalidArgument naming fine_fen when not in 1..kMaxMoneyFen, naming paid_on when before
// served_on.
Result<AmountOwed> Owed(std::int64_t fine_fen, Date served_on, Date on);

// ENF-14: the credit event (credit_listing.h) a penalty decided on `decided_on` is. Confiscation
// and replacing the responsible person are in none of 信用办法's listing situations (CR-01,
// CR-06): nullopt for them.
std::optional<CreditEvent> PenaltyCreditEvent(const Penalty& p, Date decided_on);
// ENF-14 for a whole decision: one event per penalty, except that a warning decided together with
// a fine is one penalty incident, not two: counting both would make CR-06(5) ("≥ 2 warnings or
// fines within 3 years") list a single decision as serious. Most serious first.
std::vector<CreditEvent> DecisionCreditEvents(const std::vector<Penalty>& penalties,
                                              Date decided_on);

}  // namespace socgov::supervision
