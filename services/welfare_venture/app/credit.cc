// The eligibility read model of supervision's credit listings (CR-10's look-back needs their
// dates): built from supervision's credit.* events only, never from supervision's store.
#include "socgov/supervision/v1/events.pb.h"
#include "welfare_venture/app/support.h"
#include "welfare_venture/app/venture.h"

namespace socgov::welfare_venture {
namespace {

namespace sv1 = ::socgov::supervision::v1;

Result<CreditList> ListOf(sv1::CreditList l) {
  if (l == sv1::CREDIT_LIST_ABNORMAL) return CreditList::kAbnormal;
  if (l == sv1::CREDIT_LIST_SERIOUS) return CreditList::kSerious;
  return Error::InvalidArgument("list", "neither ABNORMAL nor SERIOUS");
}

Result<Date> DayOf(const char* field, const std::string& text) {
  return ParseDateField(field, text);
}

// The open period of `list`, preferring the one from `from` when given.
ListingPeriod* OpenPeriod(std::vector<ListingPeriod>& ls, CreditList list,
                          std::optional<Date> from) {
  ListingPeriod* any = nullptr;
  for (auto& p : ls) {
    if (p.list != list || p.until) continue;
    if (from && p.from == *from) return &p;
    any = &p;
  }
  return any;
}

}  // namespace

Venture::Venture(WelfareVentureStore& store, directory::Directory& directory, const Clock& clock,
                 std::string authority)
    : store_(store), directory_(directory), clock_(clock), authority_(std::move(authority)) {}

std::string Venture::CreditStateKey(const std::string& org_id) { return keys::Credit(org_id); }

Result<std::optional<store::Mutation>> Venture::DecideCreditEvent(
    const std::string& name, const std::string& org_id, const std::string& data,
    const std::vector<std::string>& hash) {
  auto before = DecodeCredit(hash);
  if (!before.ok()) return before.error();
  StoredCredit after = *before;
  if (name == "listed") {
    sv1::CreditListed e;
    if (!e.ParseFromString(data))
      return Error::InvalidArgument("data", "not a socgov.supervision.v1.CreditListed");
    if (e.organization_id() != org_id)
      return Error::InvalidArgument("organization_id", "differs from ce-subject");
    auto list = ListOf(e.list());
    if (!list.ok()) return list.error();
    auto on = DayOf("listed_on", e.listed_on());
    if (!on.ok()) return on.error();
    if (const ListingPeriod* open = OpenPeriod(after.listings, *list, *on);
        open != nullptr && open->from == *on)
      return std::optional<store::Mutation>();  // already known
    after.listings.push_back({*list, *on, std::nullopt});
  } else if (name == "escalated") {
    sv1::CreditEscalated e;
    if (!e.ParseFromString(data))
      return Error::InvalidArgument("data", "not a socgov.supervision.v1.CreditEscalated");
    auto on = DayOf("escalated_on", e.escalated_on());
    if (!on.ok()) return on.error();
    std::optional<Date> from;
    if (!e.abnormal_listed_on().empty()) {
      auto f = DayOf("abnormal_listed_on", e.abnormal_listed_on());
      if (!f.ok()) return f.error();
      from = *f;
    }
    // Off the abnormal list the day it entered the serious list (CR-06).
    if (auto* open = OpenPeriod(after.listings, CreditList::kAbnormal, from)) {
      open->until = *on;
    } else if (from) {
      after.listings.push_back({CreditList::kAbnormal, *from, *on});
    }
    after.listings.push_back({CreditList::kSerious, *on, std::nullopt});
  } else if (name == "removed") {
    sv1::CreditRemoved e;
    if (!e.ParseFromString(data))
      return Error::InvalidArgument("data", "not a socgov.supervision.v1.CreditRemoved");
    auto list = ListOf(e.list());
    if (!list.ok()) return list.error();
    auto from = DayOf("listed_on", e.listed_on());
    if (!from.ok()) return from.error();
    auto until = DayOf("removed_on", e.removed_on());
    if (!until.ok()) return until.error();
    if (auto* open = OpenPeriod(after.listings, *list, *from))
      open->until = *until;
    else  // listed before this service consumed the stream: the period as the removal tells it
      after.listings.push_back({*list, *from, *until});
  } else {
    return std::optional<store::Mutation>();  // restarted: the period's dates do not change
  }
  after.version = before->version + 1;
  Mutation m;
  m.outbox_key = kOutboxKey;
  const std::string key = keys::Credit(org_id);
  if (before->version == 0)
    m.guards.push_back({Mutation::Guard::Kind::kAbsent, key, "", "credit " + org_id});
  else
    m.guards.push_back({Mutation::Guard::Kind::kVersion, key, std::to_string(before->version),
                        "credit " + org_id});
  m.hashes.push_back({key, EncodeCredit(after)});
  return std::optional<store::Mutation>(std::move(m));
}

}  // namespace socgov::welfare_venture
