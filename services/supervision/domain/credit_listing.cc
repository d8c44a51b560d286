#include "supervision/domain/credit_listing.h"

#include <utility>

namespace socgov::supervision {
namespace {

struct Situation {
  CreditList list;
  const char* reason;
  bool needs_rectification;
  bool revoked;
};

bool IsMinorPenalty(const CreditEvent& e) {
  return e.kind == CreditEventKind::kWarning ||
         (e.kind == CreditEventKind::kFine && e.fine_fen < kSeriousFineFen);
}

// CR-06(5): a warning or small fine is serious when another one fell within the 3 years before.
// Events certified under CR-03 still count: the certificate spares the listing, not the penalty.
bool SecondMinorPenaltyInThreeYears(const CreditRecord& record, const CreditEvent& e) {
  const Date window_start = AddYears(e.on, -3);
  for (const auto& prior : record.events) {
    if (IsMinorPenalty(prior) && prior.on >= window_start && prior.on <= e.on) return true;
  }
  return false;
}

Situation Classify(const CreditRecord& record, const CreditEvent& e) {
  using K = CreditEventKind;
  constexpr auto kA = CreditList::kAbnormal;
  constexpr auto kS = CreditList::kSerious;
  switch (e.kind) {
    case K::kAnnualReportMissed:
      return {kA, "CR-01(a)", true, false};
    case K::kPartyOrganizationMissing:
      return {kA, "CR-01(b)", true, false};
    case K::kRectificationOverdue:
      return {kA, "CR-01(c)", true, false};
    case K::kFundraisingBreach:
      return {kA, "CR-01(d)", true, false};
    case K::kWarning:
    case K::kFine:
      if (e.kind == K::kFine && e.fine_fen >= kSeriousFineFen) return {kS, "CR-06(4)", true, false};
      if (SecondMinorPenaltyInThreeYears(record, e)) return {kS, "CR-06(5)", true, false};
      // A penalty already served leaves nothing to rectify: CR-05's 6-month removal applies.
      return {kA, "CR-01(e)", false, false};
    case K::kUnreachable:
      return {kA, "CR-01(f)", true, false};
    case K::kOtherAbnormal:
      return {kA, "CR-01(g)", true, false};
    case K::kFraudulentChange:
      return {kS, "CR-06(2)", true, true};
    case K::kSuspension:
      return {kS, "CR-06(3)", true, false};
    case K::kCourtDishonestList:
      return {kS, "CR-06(6)", true, false};
    case K::kRevocation:
      return {kS, "CR-06(7)", true, true};
    case K::kOtherSerious:
      return {kS, "CR-06(8)", true, false};
  }
  return {kA, "CR-01(g)", true, false};
}

Listing* MutableOpenListing(CreditRecord& record) {
  if (record.listings.empty() || record.listings.back().removed_on) return nullptr;
  return &record.listings.back();
}

std::string StateName(const Listing* open) {
  return open == nullptr ? "NORMAL" : std::string(CreditListName(open->list));
}

// The latest date already in the record: nothing may be recorded before it.
std::optional<Date> LatestDate(const CreditRecord& record) {
  std::optional<Date> latest;
  auto take = [&](Date d) {
    if (!latest || d > *latest) latest = d;
  };
  if (!record.events.empty()) take(record.events.back().on);
  if (!record.listings.empty()) {
    take(record.listings.back().listed_on);
    if (record.listings.back().removed_on) take(*record.listings.back().removed_on);
  }
  return latest;
}

Status CheckNotBefore(const CreditRecord& record, std::string_view field, Date d) {
  if (auto latest = LatestDate(record); latest && d < *latest) {
    return Error::InvalidArgument(field, "must not be before " + FormatDate(*latest) +
                                             ", the last date in the credit record");
  }
  return std::nullopt;
}

}  // namespace

std::string_view CreditListName(CreditList list) {
  return list == CreditList::kAbnormal ? "ABNORMAL" : "SERIOUS";
}

const Listing* OpenListing(const CreditRecord& record) {
  if (record.listings.empty() || record.listings.back().removed_on) return nullptr;
  return &record.listings.back();
}

Result<bool> UnreachableByLetters(Date first_letter, Date second_letter) {
  if (second_letter <= first_letter) {
    return Error::InvalidArgument("second_letter", "must be after first_letter");
  }
  const auto days = (second_letter - first_letter).count();
  return days >= 20 && days <= 60;
}

CreditRecord AdvanceTo(CreditRecord record, Date today) {
  Listing* open = MutableOpenListing(record);
  if (open == nullptr || open->list != CreditList::kAbnormal) return record;
  const Date escalate_on = AddYears(open->listed_on, 2);
  if (!open->needs_rectification) {
    const Date remove_on = AddMonths(open->clock_from, 6);
    if (remove_on <= today && remove_on < escalate_on) {
      open->removed_on = remove_on;
      open->removal_reason = "CR-05: nothing to rectify, 6 months listed";
      return record;
    }
  }
  if (escalate_on <= today) {
    open->removed_on = escalate_on;
    open->removal_reason = "CR-06(1): moved to the SERIOUS list after 2 years";
    Listing serious;
    serious.list = CreditList::kSerious;
    serious.reason = "CR-06(1)";
    serious.listed_on = escalate_on;
    serious.clock_from = escalate_on;
    // CR-07: the original rectification is still owed before a CR-06(1) listing can end.
    serious.needs_rectification = open->needs_rectification;
    record.listings.push_back(std::move(serious));
  }
  return record;
}

Result<CreditRecord> ApplyEvent(CreditRecord record, const CreditEvent& event) {
  if (event.kind == CreditEventKind::kFine && event.fine_fen <= 0) {
    return Error::InvalidArgument("event.fine_fen", "must be positive");
  }
  if (auto e = CheckNotBefore(record, "event.on", event.on)) return *e;
  record = AdvanceTo(std::move(record), event.on);
  const Situation s = Classify(record, event);
  record.events.push_back(event);
  // CR-03 spares the ABNORMAL listing only; the SERIOUS situations are decisions of their own.
  if (s.list == CreditList::kAbnormal && event.no_direct_responsibility) return record;

  Listing* open = MutableOpenListing(record);
  if (open != nullptr && (open->list == s.list || open->list == CreditList::kSerious)) {
    // CR-04: a new listable event while listed restarts the listing clock. An ABNORMAL event
    // while SERIOUS restarts the SERIOUS clock: the organization is not clean for CR-07.
    open->clock_from = event.on;
    open->needs_rectification = open->needs_rectification || s.needs_rectification;
    open->revoked = open->revoked || s.revoked;
    return record;
  }
  if (open != nullptr) {  // ABNORMAL → SERIOUS by a direct trigger
    open->removed_on = event.on;
    open->removal_reason = std::string("moved to the SERIOUS list: ") + s.reason;
  }
  Listing listing;
  listing.list = s.list;
  listing.reason = s.reason;
  listing.listed_on = event.on;
  listing.clock_from = event.on;
  listing.needs_rectification = s.needs_rectification;
  listing.revoked = s.revoked;
  record.listings.push_back(std::move(listing));
  return record;
}

Result<CreditRecord> RemoveAbnormal(CreditRecord record, Date today, bool obligations_fulfilled) {
  if (auto e = CheckNotBefore(record, "today", today)) return *e;
  record = AdvanceTo(std::move(record), today);
  Listing* open = MutableOpenListing(record);
  if (open == nullptr || open->list != CreditList::kAbnormal) {
    return Error::FailedPrecondition("state " + StateName(open) +
                                     ": CR-05 removes only an open ABNORMAL listing");
  }
  if (!obligations_fulfilled) {
    return Error::FailedPrecondition(
        "state ABNORMAL: CR-05 removal needs the obligations fulfilled or rectified");
  }
  open->removed_on = today;
  open->removal_reason = "CR-05: obligations fulfilled";
  return record;
}

Result<CreditRecord> RemoveSerious(CreditRecord record, Date today, bool deregistered,
                                   bool original_rectification_done) {
  if (auto e = CheckNotBefore(record, "today", today)) return *e;
  record = AdvanceTo(std::move(record), today);
  Listing* open = MutableOpenListing(record);
  if (open == nullptr || open->list != CreditList::kSerious) {
    return Error::FailedPrecondition("state " + StateName(open) +
                                     ": CR-07 removes only an open SERIOUS listing");
  }
  if (open->revoked) {
    if (!deregistered) {
      return Error::FailedPrecondition(
          "state SERIOUS: CR-07 a revoked organization is removed only after 注销 "
          "(deregistration)");
    }
    open->removed_on = today;
    open->removal_reason = "CR-07: deregistered";
    return record;
  }
  const Date clean_on = AddYears(open->clock_from, 2);
  if (today < clean_on) {
    return Error::FailedPrecondition(
        "state SERIOUS: CR-07 needs 2 years without a new listable event, reached on " +
        FormatDate(clean_on));
  }
  if (open->reason == "CR-06(1)" && open->needs_rectification && !original_rectification_done) {
    return Error::FailedPrecondition(
        "state SERIOUS: CR-07 a CR-06(1) listing ends only with the original rectification done");
  }
  open->removed_on = today;
  open->removal_reason = "CR-07: 2 years without a new listable event";
  return record;
}

}  // namespace socgov::supervision
