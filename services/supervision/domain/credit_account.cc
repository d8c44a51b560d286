#include "supervision/domain/credit_account.h"

namespace socgov::supervision {

std::vector<CreditChange> ChangesBetween(const CreditRecord& before, const CreditRecord& after) {
  std::vector<CreditChange> out;
  const size_t n = before.listings.size();
  // An ABNORMAL listing closed by escalation: a SERIOUS listing opens the same day right after it.
  // Its end is told by the kEscalated of the SERIOUS listing, not as a removal.
  auto closed_by_escalation = [&](size_t i) {
    const Listing& l = after.listings[i];
    return l.list == CreditList::kAbnormal && l.removed_on && i + 1 < after.listings.size() &&
           after.listings[i + 1].list == CreditList::kSerious &&
           after.listings[i + 1].listed_on == *l.removed_on;
  };
  for (size_t i = 0; i < after.listings.size(); ++i) {
    const Listing& now = after.listings[i];
    if (i < n) {
      const Listing& was = before.listings[i];
      if (!was.removed_on && now.removed_on) {
        if (!closed_by_escalation(i))
          out.push_back({CreditChange::Kind::kRemoved, now, std::nullopt});
      } else if (!now.removed_on && now.clock_from != was.clock_from) {
        out.push_back({CreditChange::Kind::kRestarted, now, std::nullopt});
      }
      continue;
    }
    const bool escalation = i > 0 && now.list == CreditList::kSerious &&
                            after.listings[i - 1].list == CreditList::kAbnormal &&
                            after.listings[i - 1].removed_on &&
                            *after.listings[i - 1].removed_on == now.listed_on &&
                            (i - 1 >= n || !before.listings[i - 1].removed_on);
    if (escalation)
      out.push_back({CreditChange::Kind::kEscalated, now, after.listings[i - 1]});
    else
      out.push_back({CreditChange::Kind::kListed, now, std::nullopt});
    if (now.removed_on && !closed_by_escalation(i))
      out.push_back({CreditChange::Kind::kRemoved, now, std::nullopt});
  }
  return out;
}

Result<CreditAccount> RecordEvent(CreditAccount a, const CreditEvent& event, std::string source) {
  auto next = ApplyEvent(std::move(a.record), event);
  if (!next.ok()) return next.error();
  a.record = std::move(next).value();
  a.sources.push_back(std::move(source));
  ++a.version;
  return a;
}

Result<CreditAccount> DecideObjection(CreditAccount a, Objection o, Date today) {
  if (o.grounds.empty()) return Error::InvalidArgument("grounds", "required");
  if (o.answer.empty()) return Error::InvalidArgument("answer", "required");
  if (o.grounds.size() > 4000 || o.answer.size() > 4000)
    return Error::InvalidArgument(o.grounds.size() > 4000 ? "grounds" : "answer",
                                  "at most 4000 bytes");
  if (o.filed_on > today) return Error::InvalidArgument("filed_on", "in the future");
  Listing* open = nullptr;
  if (!a.record.listings.empty() && !a.record.listings.back().removed_on)
    open = &a.record.listings.back();
  if (!open) return Error::FailedPrecondition("state NORMAL: CR-08 no open listing to object to");
  if (o.filed_on < open->listed_on) return Error::InvalidArgument("filed_on", "before the listing");
  if (o.upheld) {
    open->removed_on = today;
    open->removal_reason = "CR-08: objection upheld, listing corrected";
  }
  a.objections.push_back(std::move(o));
  ++a.version;
  return a;
}

}  // namespace socgov::supervision
