// Credit lists (domain.md §3.4): the record of each organization, the public lists, the CR-10
// period query, events the registry records itself, removals and objections. Listings made by
// other commands (a late report, an overdue rectification, a penalty) are recorded by them, in
// their own mutation (support.h AddCreditEvent).
#include "platform/directory/directory.h"
#include "supervision/app/supervisor.h"
#include "supervision/app/support.h"
#include "supervision/app/to_proto.h"
#include "supervision/domain/credit_query.h"

namespace socgov::supervision {
namespace {

std::string CreditAnswered(const std::string& org, std::int64_t version) {
  return "credit " + org + " (after version " + std::to_string(version) + ")";
}

}  // namespace

// One credit command: read (replay, account), check the version the caller read, decide, commit.
template <typename Decide>
Result<v1::CreditRecord> CreditCommand(SupervisionStore& store, directory::Directory& directory,
                                       const std::string& authority, const auth::Principal& who,
                                       const char* rpc, const std::string& request_id,
                                       const std::string& org, std::int64_t version,
                                       const std::string& cause, TimePoint now, Decide decide) {
  if (auto err = ValidateRequestId(request_id)) return *err;
  if (auto err = ValidateId("organization_id", org)) return *err;
  const std::string idem = IdemOf(who, request_id);
  auto read = store.ReadForCommand(rpc, idem, {{"HGETALL", keys::Credit(org)}});
  const std::string target = CreditAnswered(org, version);
  // The response names the version it was made from in its events' count; a replay answers the
  // same organization.
  if (read.prior) {
    auto replay = store::Replay<v1::CreditRecord>(*read.prior);
    if (replay.ok() && replay->organization_id() != org)
      return Error::InvalidArgument(
          "request_id", "already used by this caller for credit " + replay->organization_id());
    return replay;
  }
  std::string jurisdiction;
  if (store::FlatHash(read.rows[0]).empty()) {
    auto entry = directory.Get(org);
    if (!entry) return Error::NotFound("organization " + org + " is not registered here");
    jurisdiction = entry->jurisdiction;
  }
  auto before = AccountOf(read.rows[0], org, jurisdiction);
  if (!before.ok()) return before.error();
  if (auto err = CheckWrite(who, before->jurisdiction)) return *err;
  if (version != before->version)
    return Error::Aborted("credit record version " + std::to_string(version) +
                          " is stale (current " + std::to_string(before->version) + ")");
  auto after = decide(*before);
  if (!after.ok()) return after.error();
  Mutation m;
  m.idem_key = keys::Idem(rpc, idem);
  const CreditAccount stored = AddCreditWrite(m, *before, *after, cause, who, authority, now);
  const v1::CreditRecord response = ToProto(stored);
  m.response = response.SerializeAsString();
  m.outbox_key = kOutboxKey;
  return Answer(store.Mutate(m, "credit " + org), response);
}

Result<v1::CreditRecord> Supervisor::GetCredit(const auth::Principal& who,
                                               const v1::GetCreditRecordRequest& in) {
  if (auto err = ValidateId("organization_id", in.organization_id())) return *err;
  const auto rows = store_.Read({{"HGETALL", keys::Credit(in.organization_id())}});
  if (store::FlatHash(rows[0]).empty()) {
    auto entry = directory_.Get(in.organization_id());
    if (!entry)
      return Error::NotFound("organization " + in.organization_id() + " is not registered here");
    if (auto err = CheckRead(who, entry->jurisdiction)) return *err;
    CreditAccount fresh{in.organization_id(), entry->jurisdiction, {}, {}, {}, 0};
    return ToProto(fresh);
  }
  auto a = DecodeCredit(store::FlatHash(rows[0]));
  if (!a.ok()) return a.error();
  if (auto err = CheckRead(who, a->jurisdiction)) return *err;
  return ToProto(*a);
}

Result<v1::ListCreditListingsResponse> Supervisor::ListListings(
    const auth::Principal& who, const v1::ListCreditListingsRequest& in) {
  if (in.list() != v1::CREDIT_LIST_ABNORMAL && in.list() != v1::CREDIT_LIST_SERIOUS)
    return Error::InvalidArgument("list", "ABNORMAL or SERIOUS");
  const int size = in.page().page_size() <= 0 ? 100 : std::min(in.page().page_size(), 1000);
  const std::string after = in.page().page_token();
  const auto ids =
      store_.Read({{"ZRANGEBYLEX", keys::CreditList(FromProtoEnum<CreditList>(in.list())),
                    after.empty() ? "-" : "(" + after, "+", "LIMIT", "0", std::to_string(size)}});
  std::vector<std::vector<std::string>> reads;
  for (const auto& e : ids[0].elements) reads.push_back({"HGETALL", keys::Credit(e.str)});
  v1::ListCreditListingsResponse out;
  for (const auto& row : store_.Read(reads)) {
    auto a = DecodeCredit(store::FlatHash(row));
    if (!a.ok()) return a.error();
    const Listing* open = OpenListing(a->record);
    if (!open || CheckRead(who, a->jurisdiction)) continue;
    auto* r = out.add_rows();
    r->set_organization_id(a->organization_id);
    if (auto e = directory_.Get(a->organization_id)) r->set_organization_name(e->name);
    r->set_jurisdiction(a->jurisdiction);
    *r->mutable_listing() = ToProto(*open);
  }
  if (ids[0].elements.size() == static_cast<size_t>(size))
    out.mutable_page()->set_next_page_token(ids[0].elements.back().str);
  return out;
}

Result<v1::WasListedResponse> Supervisor::WasListed(const auth::Principal& who,
                                                    const v1::WasListedRequest& in) {
  if (auto err = ValidateId("organization_id", in.organization_id())) return *err;
  if (in.list() != v1::CREDIT_LIST_ABNORMAL && in.list() != v1::CREDIT_LIST_SERIOUS)
    return Error::InvalidArgument("list", "ABNORMAL or SERIOUS");
  auto from = ParseDateField("from", in.from());
  if (!from.ok()) return from.error();
  auto to = ParseDateField("to", in.to());
  if (!to.ok()) return to.error();
  const auto rows = store_.Read({{"HGETALL", keys::Credit(in.organization_id())}});
  CreditRecord r;
  if (!store::FlatHash(rows[0]).empty()) {
    auto a = DecodeCredit(store::FlatHash(rows[0]));
    if (!a.ok()) return a.error();
    if (auto err = CheckRead(who, a->jurisdiction)) return *err;
    r = a->record;
  } else if (auto entry = directory_.Get(in.organization_id()); !entry) {
    return Error::NotFound("organization " + in.organization_id() + " is not registered here");
  } else if (auto err = CheckRead(who, entry->jurisdiction)) {
    return *err;
  }
  auto listed = supervision::WasListed(r, FromProtoEnum<CreditList>(in.list()), *from, *to);
  if (!listed.ok()) return listed.error();
  v1::WasListedResponse out;
  out.set_listed(*listed);
  return out;
}

Result<v1::CreditRecord> Supervisor::RecordCreditEvent(const auth::Principal& who,
                                                       const v1::RecordCreditEventRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  const auto kind = in.event().kind();
  switch (kind) {
    case v1::CREDIT_EVENT_KIND_PARTY_ORGANIZATION_MISSING:
    case v1::CREDIT_EVENT_KIND_FUNDRAISING_BREACH:
    case v1::CREDIT_EVENT_KIND_UNREACHABLE:
    case v1::CREDIT_EVENT_KIND_OTHER_ABNORMAL:
    case v1::CREDIT_EVENT_KIND_FRAUDULENT_CHANGE:
    case v1::CREDIT_EVENT_KIND_COURT_DISHONEST_LIST:
    case v1::CREDIT_EVENT_KIND_OTHER_SERIOUS:
      break;
    case v1::CREDIT_EVENT_KIND_UNSPECIFIED:
      return Error::InvalidArgument("event.kind", "required");
    default:
      return Error::InvalidArgument(
          "event.kind",
          "recorded by its own command (annual report sweep, inspection, enforcement case)");
  }
  auto on = DayOrToday("event.on", in.event().on(), today);
  if (!on.ok()) return on.error();
  if (kind == v1::CREDIT_EVENT_KIND_UNREACHABLE) {
    auto first = ParseDateField("first_letter_on", in.first_letter_on());
    if (!first.ok()) return first.error();
    auto second = ParseDateField("second_letter_on", in.second_letter_on());
    if (!second.ok()) return second.error();
    auto unreachable = UnreachableByLetters(*first, *second);
    if (!unreachable.ok()) return unreachable.error();
    if (!*unreachable)
      return Error::InvalidArgument("second_letter_on",
                                    "CR-02 the two letters must be 20 to 60 days apart");
    if (*on < *second) return Error::InvalidArgument("event.on", "before the second letter");
  }
  if (in.event().source().size() > 200)
    return Error::InvalidArgument("event.source", "at most 200 bytes");
  const CreditEvent event{FromProtoEnum<CreditEventKind>(kind), *on, 0,
                          in.event().no_direct_responsibility()};
  const std::string source =
      in.event().source().empty() ? "recorded by " + who.subject : in.event().source();
  return CreditCommand(store_, directory_, settings_.authority, who, "RecordCreditEvent",
                       in.request_id(), in.organization_id(), in.version(), source, now,
                       [&](const CreditAccount& a) { return RecordEvent(a, event, source); });
}

Result<v1::CreditRecord> Supervisor::RemoveListing(const auth::Principal& who,
                                                   const v1::RemoveCreditListingRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  return CreditCommand(
      store_, directory_, settings_.authority, who, "RemoveCreditListing", in.request_id(),
      in.organization_id(), in.version(), "removal by " + who.subject, now,
      [&](CreditAccount a) -> Result<CreditAccount> {
        const Listing* open = OpenListing(AdvanceTo(a.record, today));
        if (!open) return Error::FailedPrecondition("state NORMAL: CR-05 nothing to remove");
        auto record = open->list == CreditList::kAbnormal
                          ? RemoveAbnormal(a.record, today, in.obligations_fulfilled())
                          : RemoveSerious(a.record, today, in.deregistered(),
                                          in.original_rectification_done());
        if (!record.ok()) return record.error();
        a.record = std::move(record).value();
        return a;
      });
}

Result<v1::CreditRecord> Supervisor::RecordObjection(const auth::Principal& who,
                                                     const v1::RecordObjectionRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  auto filed = DayOrToday("filed_on", in.filed_on(), today);
  if (!filed.ok()) return filed.error();
  return CreditCommand(
      store_, directory_, settings_.authority, who, "RecordObjection", in.request_id(),
      in.organization_id(), in.version(), "objection", now, [&](CreditAccount a) {
        a.record = AdvanceTo(std::move(a.record), today);
        return DecideObjection(
            std::move(a), Objection{*filed, in.grounds(), in.answer(), who.subject, in.upheld()},
            today);
      });
}

}  // namespace socgov::supervision
