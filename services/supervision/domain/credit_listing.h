// Credit lists (domain.md §3.4): the 活动异常名录 (ABNORMAL) and the 严重违法失信名单 (SERIOUS).
// An organization's credit record is its event and listing history; every transition is a pure
// function from one record to the next, with the date passed in. At most one listing is open at a
// time (the §3.4 state machine: NORMAL, ABNORMAL or SERIOUS); closed listings stay in the history
// so that "was X on list L during [t1, t2]" (credit_query.h) can be answered later.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/dates.h"

namespace socgov::supervision {

enum class CreditList { kAbnormal, kSerious };
std::string_view CreditListName(CreditList list);

// What happened to the organization. Each kind maps onto one CR-01 / CR-06 situation.
enum class CreditEventKind {
  kAnnualReportMissed,        // CR-01(a)
  kPartyOrganizationMissing,  // CR-01(b)
  kRectificationOverdue,      // CR-01(c)
  kFundraisingBreach,         // CR-01(d)
  kWarning,                   // CR-01(e); a second within 3 years: CR-06(5)
  kFine,                      // CR-01(e) below ¥50,000, CR-06(4) from ¥50,000; CR-06(5)
  kUnreachable,               // CR-01(f), see UnreachableByLetters (CR-02)
  kOtherAbnormal,             // CR-01(g)
  kFraudulentChange,          // CR-06(2): change registration by fraud, revoked
  kSuspension,                // CR-06(3): 限期停止活动
  kCourtDishonestList,        // CR-06(6): on the courts' 失信被执行人 list
  kRevocation,                // CR-06(7): 撤销登记 / 吊销登记证书
  kOtherSerious,              // CR-06(8)
};

struct CreditEvent {
  CreditEventKind kind = CreditEventKind::kOtherAbnormal;
  Date on{};
  std::int64_t fine_fen = 0;  // kFine only; ¥50,000 = 5,000,000 fen
  // CR-03: the supervisory unit certifies the organization bears no direct responsibility.
  bool no_direct_responsibility = false;
};

// Why a listing was made: the rule and situation, e.g. "CR-01(a)", "CR-06(1)".
struct Listing {
  CreditList list = CreditList::kAbnormal;
  std::string reason;  // rule ID with situation, e.g. "CR-06(4)"
  Date listed_on{};
  // CR-04: the removal clock (CR-05's 6 months, CR-07's 2 years) runs from the latest listable
  // event, not from listed_on. The escalation of CR-06(1) counts from listed_on: a new offence
  // must not postpone escalation.
  Date clock_from{};
  bool needs_rectification = true;  // CR-05: nothing to rectify → removed after 6 months
  bool revoked = false;             // CR-07: a revoked organization leaves only on 注销
  std::optional<Date> removed_on;   // on the list during [listed_on, removed_on)
  std::string removal_reason;
};

struct CreditRecord {
  std::vector<CreditEvent> events;  // in date order
  std::vector<Listing> listings;    // in date order; at most the last one is open
};

inline constexpr std::int64_t kSeriousFineFen = 5'000'000;  // ¥50,000 (CR-01(e) / CR-06(4))

// The open listing, if any.
const Listing* OpenListing(const CreditRecord& record);

// CR-02: unreachable at the domicile when two registered letters went unsigned, sent 20 to 60
// days apart. kInvalidArgument naming second_letter when it is not after first_letter.
Result<bool> UnreachableByLetters(Date first_letter, Date second_letter);

// Records the event and lists, restarts or escalates as CR-01/03/04/06 say. First brings the
// record up to the event's date (AdvanceTo). kInvalidArgument naming event.on when it is before
// the last recorded event; naming event.fine_fen when a fine is not positive.
Result<CreditRecord> ApplyEvent(CreditRecord record, const CreditEvent& event);

// The transitions that time alone makes, up to and including `today`: CR-06(1) an ABNORMAL
// listing that reached 2 years moves to SERIOUS; CR-05 an ABNORMAL listing with nothing to
// rectify is removed 6 months after its clock.
CreditRecord AdvanceTo(CreditRecord record, Date today);

// CR-05: removal of an ABNORMAL listing on application, once the registry has verified the
// obligations fulfilled. kFailedPrecondition "state NORMAL/SERIOUS: CR-05 ..." when no ABNORMAL
// listing is open, or when obligations are not fulfilled.
Result<CreditRecord> RemoveAbnormal(CreditRecord record, Date today, bool obligations_fulfilled);

// CR-07: removal of a SERIOUS listing. Revoked organizations (CR-06(2), CR-06(7)) only once
// deregistered (注销); others after 2 years with no new listable event, and CR-06(1) listings
// only when the original rectification is also complete. kFailedPrecondition naming the state
// and CR-07 otherwise.
Result<CreditRecord> RemoveSerious(CreditRecord record, Date today, bool deregistered,
                                   bool original_rectification_done);

}  // namespace socgov::supervision
