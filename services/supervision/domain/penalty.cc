#include "supervision/domain/penalty.h"

#include <algorithm>
#include <array>

#include "supervision/domain/text.h"

namespace socgov::supervision {
namespace {

constexpr std::size_t kMaxBasisLength = 200;

std::string At(std::size_t i) { return "penalties[" + std::to_string(i) + "]"; }
std::string At(std::size_t i, std::string_view field) { return At(i) + "." + std::string(field); }

bool Has(const std::vector<Penalty>& ps, PenaltyType t) {
  return std::any_of(ps.begin(), ps.end(), [t](const Penalty& p) { return p.type == t; });
}

bool TakesAmount(PenaltyType t) {
  return t == PenaltyType::kFine || t == PenaltyType::kConfiscation;
}

// Each penalty on its own: amount, dates, basis.
Status CheckOne(const Penalty& p, std::size_t i, const PenaltyContext& ctx, Date decided_on,
                const PenaltyRules& rules) {
  const std::string type(PenaltyTypeName(p.type));
  if (ctx.illegal_org && p.type != PenaltyType::kConfiscation) {
    return Error::InvalidArgument(
        At(i, "type"),
        "ENF-13 an illegal organization is banned, its property confiscated; no " + type);
  }
  if (TakesAmount(p.type)) {
    if (p.amount_fen <= 0) return Error::InvalidArgument(At(i, "amount_fen"), "ENF-05 must be > 0");
    if (p.amount_fen > kMaxMoneyFen)
      return Error::InvalidArgument(At(i, "amount_fen"), "too large");
  } else if (p.amount_fen != 0) {
    return Error::InvalidArgument(At(i, "amount_fen"), "must be 0 for a " + type);
  }
  if (p.type == PenaltyType::kSuspension) {
    if (!p.suspend_from || !p.suspend_until) {
      return Error::InvalidArgument(At(i, p.suspend_from ? "suspend_until" : "suspend_from"),
                                    "ENF-04 a suspension needs its period");
    }
    if (*p.suspend_from < decided_on) {
      return Error::InvalidArgument(At(i, "suspend_from"),
                                    "ENF-04 must not be before the decision");
    }
    if (*p.suspend_until < *p.suspend_from) {
      return Error::InvalidArgument(At(i, "suspend_until"),
                                    "ENF-04 must not be before suspend_from");
    }
    if (SuspensionDays(p) > rules.max_suspension_days) {
      return Error::InvalidArgument(At(i, "suspend_until"),
                                    "ENF-04 a suspension lasts at most " +
                                        std::to_string(rules.max_suspension_days) + " days");
    }
  } else if (p.suspend_from || p.suspend_until) {
    return Error::InvalidArgument(At(i, "suspend_from"), "only a suspension has a period");
  }
  if (p.type == PenaltyType::kCertificateRevocation && !ctx.charity) {
    return Error::InvalidArgument(At(i, "type"),
                                  "ENF-04 certificate revocation is for charities only");
  }
  if (auto basis = CheckText(At(i, "basis"), p.basis, kMaxBasisLength, false); !basis.ok()) {
    return basis.error();
  }
  return std::nullopt;
}

Status CheckFineBounds(const Penalty& p, std::size_t i, const PenaltyContext& ctx) {
  const auto turnover = TurnoverFineRange(ctx);
  const auto income = IncomeFineRange(ctx);
  if (!turnover && !income) {
    return Error::InvalidArgument(At(i, "type"),
                                  "ENF-05 a fine needs illegal turnover or illegal income");
  }
  auto within = [&](const std::optional<FineRange>& r) {
    return r && p.amount_fen >= r->min_fen && p.amount_fen <= r->max_fen;
  };
  if (!within(turnover) && !within(income)) {
    return Error::InvalidArgument(
        At(i, "amount_fen"), "ENF-05 must be 1–3× the illegal turnover or 3–5× the illegal income");
  }
  return std::nullopt;
}

int Severity(CreditEventKind k) {
  switch (k) {
    case CreditEventKind::kRevocation:
      return 0;
    case CreditEventKind::kSuspension:
      return 1;
    case CreditEventKind::kFine:
      return 2;
    default:
      return 3;
  }
}

}  // namespace

std::string_view PenaltyTypeName(PenaltyType type) {
  switch (type) {
    case PenaltyType::kWarning:
      return "warning";
    case PenaltyType::kFine:
      return "fine";
    case PenaltyType::kConfiscation:
      return "confiscation";
    case PenaltyType::kSuspension:
      return "suspension";
    case PenaltyType::kReplaceResponsiblePerson:
      return "replacement of the responsible person";
    case PenaltyType::kRevocation:
      return "revocation";
    case PenaltyType::kCertificateRevocation:
      return "certificate revocation";
  }
  return "unknown penalty";
}

Status CheckPenaltyContext(const PenaltyContext& ctx) {
  if (ctx.illegal_turnover_fen < 0 || ctx.illegal_turnover_fen > kMaxMoneyFen) {
    return Error::InvalidArgument("illegal_turnover_fen",
                                  "must be 0.." + std::to_string(kMaxMoneyFen));
  }
  if (ctx.illegal_income_fen < 0 || ctx.illegal_income_fen > kMaxMoneyFen) {
    return Error::InvalidArgument("illegal_income_fen",
                                  "must be 0.." + std::to_string(kMaxMoneyFen));
  }
  return std::nullopt;
}

std::optional<FineRange> TurnoverFineRange(const PenaltyContext& ctx) {
  if (ctx.illegal_turnover_fen <= 0) return std::nullopt;
  return FineRange{ctx.illegal_turnover_fen, 3 * ctx.illegal_turnover_fen};
}

std::optional<FineRange> IncomeFineRange(const PenaltyContext& ctx) {
  if (ctx.illegal_income_fen <= 0) return std::nullopt;
  return FineRange{3 * ctx.illegal_income_fen, 5 * ctx.illegal_income_fen};
}

std::int32_t SuspensionDays(const Penalty& p) {
  if (!p.suspend_from || !p.suspend_until || *p.suspend_until < *p.suspend_from) return 0;
  return static_cast<std::int32_t>((*p.suspend_until - *p.suspend_from).count()) + 1;
}

Status ValidatePenalties(const std::vector<Penalty>& penalties, const PenaltyContext& ctx,
                         Date decided_on, const PenaltyRules& rules) {
  if (Status bad = CheckPenaltyContext(ctx)) return bad;
  std::array<bool, 7> seen{};
  for (std::size_t i = 0; i < penalties.size(); ++i) {
    const Penalty& p = penalties[i];
    const auto slot = static_cast<std::size_t>(p.type);
    if (slot >= seen.size()) return Error::InvalidArgument(At(i, "type"), "unknown penalty type");
    if (seen[slot]) {
      return Error::InvalidArgument(At(i, "type"),
                                    "ENF-04 at most one " + std::string(PenaltyTypeName(p.type)));
    }
    seen[slot] = true;
    if (Status bad = CheckOne(p, i, ctx, decided_on, rules)) return bad;
  }
  const bool revokes = Has(penalties, PenaltyType::kRevocation) ||
                       Has(penalties, PenaltyType::kCertificateRevocation);
  if (Has(penalties, PenaltyType::kRevocation) &&
      Has(penalties, PenaltyType::kCertificateRevocation)) {
    return Error::InvalidArgument(
        "penalties", "ENF-04 revocation and certificate revocation exclude each other");
  }
  if (revokes) {
    // 社团条例 Art 30: revocation is for the serious case instead of the lighter measures; an
    // organization that ceases to exist cannot be suspended or reshaped.
    for (PenaltyType t : {PenaltyType::kWarning, PenaltyType::kSuspension,
                          PenaltyType::kReplaceResponsiblePerson}) {
      if (Has(penalties, t)) {
        return Error::InvalidArgument(
            "penalties", "ENF-04 revocation excludes " + std::string(PenaltyTypeName(t)));
      }
    }
  }
  if (ctx.illegal_org) return std::nullopt;  // ENF-13: illegal property has no turnover bound
  for (std::size_t i = 0; i < penalties.size(); ++i) {
    const Penalty& p = penalties[i];
    if (p.type == PenaltyType::kFine) {
      if (Status bad = CheckFineBounds(p, i, ctx)) return bad;
      if (!Has(penalties, PenaltyType::kConfiscation)) {
        return Error::InvalidArgument(
            At(i, "type"), "ENF-05 a fine comes with the confiscation of the illegal gains");
      }
    }
    if (p.type == PenaltyType::kConfiscation) {
      const std::int64_t most = std::max(ctx.illegal_turnover_fen, ctx.illegal_income_fen);
      if (most == 0) {
        return Error::InvalidArgument(
            At(i, "type"), "ENF-05 nothing to confiscate: no illegal turnover or income");
      }
      if (p.amount_fen > most) {
        return Error::InvalidArgument(
            At(i, "amount_fen"), "ENF-05 must not exceed the illegal turnover or income found");
      }
    }
  }
  return std::nullopt;
}

bool HearingRight(const std::vector<Penalty>& penalties, const PenaltyRules& rules) {
  return std::any_of(penalties.begin(), penalties.end(), [&](const Penalty& p) {
    switch (p.type) {
      case PenaltyType::kRevocation:
      case PenaltyType::kCertificateRevocation:
      case PenaltyType::kSuspension:
        return true;
      case PenaltyType::kFine:
      case PenaltyType::kConfiscation:
        return p.amount_fen >= rules.hearing_amount_threshold_fen;
      default:
        return false;
    }
  });
}

Status CheckNotHeavier(const std::vector<Penalty>& decided, const std::vector<Penalty>& proposed) {
  for (std::size_t i = 0; i < decided.size(); ++i) {
    const Penalty& d = decided[i];
    const auto p = std::find_if(proposed.begin(), proposed.end(),
                                [&](const Penalty& q) { return q.type == d.type; });
    const std::string type(PenaltyTypeName(d.type));
    if (p == proposed.end()) {
      return Error::InvalidArgument(At(i),
                                    "行政处罚法 Art 45 the notice did not propose a " + type);
    }
    if (d.amount_fen > p->amount_fen) {
      return Error::InvalidArgument(At(i, "amount_fen"),
                                    "行政处罚法 Art 45 more than the notice proposed");
    }
    if (SuspensionDays(d) > SuspensionDays(*p)) {
      return Error::InvalidArgument(At(i, "suspend_until"),
                                    "行政处罚法 Art 45 longer than the notice proposed");
    }
  }
  return std::nullopt;
}

Date PaymentDueDate(Date served_on) { return served_on + std::chrono::days{kPaymentDays}; }

Result<AmountOwed> Owed(std::int64_t fine_fen, Date served_on, Date on) {
  if (fine_fen <= 0 || fine_fen > kMaxMoneyFen) {
    return Error::InvalidArgument("fine_fen", "must be 1.." + std::to_string(kMaxMoneyFen));
  }
  if (on < served_on) return Error::InvalidArgument("paid_on", "must not be before service");
  AmountOwed owed;
  owed.fine_fen = fine_fen;
  owed.days_late = std::max<std::int64_t>(0, (on - PaymentDueDate(served_on)).count());
  // 34 days × 3 % passes 100 %: from then on the cap holds, and the product cannot overflow.
  owed.surcharge_fen =
      owed.days_late >= 34 ? fine_fen : std::min(fine_fen, fine_fen * 3 * owed.days_late / 100);
  owed.total_fen = fine_fen + owed.surcharge_fen;
  return owed;
}

std::optional<CreditEvent> PenaltyCreditEvent(const Penalty& p, Date decided_on) {
  switch (p.type) {
    case PenaltyType::kWarning:
      return CreditEvent{CreditEventKind::kWarning, decided_on, 0, false};
    case PenaltyType::kFine:
      return CreditEvent{CreditEventKind::kFine, decided_on, p.amount_fen, false};
    case PenaltyType::kSuspension:
      return CreditEvent{CreditEventKind::kSuspension, decided_on, 0, false};
    case PenaltyType::kRevocation:
    case PenaltyType::kCertificateRevocation:
      return CreditEvent{CreditEventKind::kRevocation, decided_on, 0, false};
    case PenaltyType::kConfiscation:
    case PenaltyType::kReplaceResponsiblePerson:
      return std::nullopt;
  }
  return std::nullopt;
}

std::vector<CreditEvent> DecisionCreditEvents(const std::vector<Penalty>& penalties,
                                              Date decided_on) {
  const bool fined = Has(penalties, PenaltyType::kFine);
  std::vector<CreditEvent> events;
  for (const Penalty& p : penalties) {
    if (p.type == PenaltyType::kWarning && fined) continue;
    if (auto e = PenaltyCreditEvent(p, decided_on)) events.push_back(*e);
  }
  std::stable_sort(events.begin(), events.end(), [](const CreditEvent& a, const CreditEvent& b) {
    return Severity(a.kind) < Severity(b.kind);
  });
  return events;
}

}  // namespace socgov::supervision
