#include "supervision/app/support.h"

#include "platform/auth/scope.h"
#include "platform/outbox/event.h"
#include "socgov/supervision/v1/events.pb.h"

namespace socgov::supervision {

void SetActor(const auth::Principal& who, ::socgov::common::v1::Actor* out) {
  out->set_subject(who.subject);
  for (const auto& r : who.roles) out->add_roles(r);
  out->set_jurisdiction(who.jurisdiction);
}

outbox::OutboxEvent MakeEvent(const google::protobuf::Message& body, const std::string& authority,
                              const std::string& aggregate, const std::string& event,
                              const std::string& aggregate_id, std::int64_t version,
                              const std::string& jurisdiction, const std::string& actor,
                              TimePoint now) {
  return outbox::MakeEvent(body, {kContext, "supervision", authority},
                           {aggregate, event, aggregate_id, version, jurisdiction, actor}, now);
}

Result<CreditAccount> AccountOf(const store::Value& row, const std::string& organization_id,
                                const std::string& jurisdiction) {
  const auto hash = store::FlatHash(row);
  if (hash.empty()) {
    CreditAccount fresh;
    fresh.organization_id = organization_id;
    fresh.jurisdiction = jurisdiction;
    return fresh;
  }
  return DecodeCredit(hash);
}

namespace {

namespace ev = ::socgov::supervision::v1;

ev::CreditList ToProtoList(CreditList l) { return static_cast<ev::CreditList>(int(l) + 1); }

}  // namespace

Result<CreditAccount> AddCreditEvent(Mutation& m, const CreditAccount& account,
                                     const CreditEvent& event, const std::string& source,
                                     const auth::Principal& who, const std::string& authority,
                                     TimePoint now) {
  auto after = RecordEvent(account, event, source);
  if (!after.ok()) return after.error();
  return AddCreditWrite(m, account, *after, source, who, authority, now);
}

CreditAccount AddCreditWrite(Mutation& m, const CreditAccount& before,
                             const CreditAccount& after_in, const std::string& cause,
                             const auth::Principal& who, const std::string& authority,
                             TimePoint now) {
  CreditAccount after = after_in;
  const auto changes = ChangesBetween(before.record, after.record);
  // Each published change gets its own sequence number, so a consumer's version gate keeps all
  // of them (an account version per change).
  after.version = before.version + std::max<std::int64_t>(1, std::int64_t(changes.size()));
  const std::string key = keys::Credit(after.organization_id);
  if (before.version == 0)
    m.guards.push_back(
        {Mutation::Guard::Kind::kAbsent, key, "", "credit " + after.organization_id});
  else
    m.guards.push_back({Mutation::Guard::Kind::kVersion, key, std::to_string(before.version),
                        "credit " + after.organization_id});
  m.hashes.push_back({key, EncodeCredit(after)});
  const Listing* was = OpenListing(before.record);
  const Listing* now_open = OpenListing(after.record);
  if (was && (!now_open || now_open->list != was->list))
    m.zops.push_back({keys::CreditList(was->list), after.organization_id, ""});
  if (now_open) m.zops.push_back({keys::CreditList(now_open->list), after.organization_id, "0"});

  std::int64_t seq = before.version;
  const std::string& org = after.organization_id;
  const std::string& jur = after.jurisdiction;
  const CreditEvent* last = after.record.events.empty() ? nullptr : &after.record.events.back();
  for (const auto& c : changes) {
    ++seq;
    switch (c.kind) {
      case CreditChange::Kind::kListed: {
        ev::CreditListed b;
        b.set_organization_id(org);
        b.set_jurisdiction(jur);
        b.set_list(ToProtoList(c.listing.list));
        b.set_reason(c.listing.reason);
        b.set_listed_on(FormatDate(c.listing.listed_on));
        if (last) b.set_event_kind(static_cast<ev::CreditEventKind>(int(last->kind) + 1));
        b.set_source(cause);
        SetActor(who, b.mutable_actor());
        b.add_rule_ids(c.listing.list == CreditList::kAbnormal ? "CR-01" : "CR-06");
        b.add_rule_ids("ENF-14");
        m.events.push_back(
            MakeEvent(b, authority, "credit", "listed", org, seq, jur, who.subject, now));
        break;
      }
      case CreditChange::Kind::kRestarted: {
        ev::CreditClockRestarted b;
        b.set_organization_id(org);
        b.set_jurisdiction(jur);
        b.set_list(ToProtoList(c.listing.list));
        b.set_clock_from(FormatDate(c.listing.clock_from));
        if (last) b.set_event_kind(static_cast<ev::CreditEventKind>(int(last->kind) + 1));
        SetActor(who, b.mutable_actor());
        m.events.push_back(
            MakeEvent(b, authority, "credit", "restarted", org, seq, jur, who.subject, now));
        break;
      }
      case CreditChange::Kind::kEscalated: {
        ev::CreditEscalated b;
        b.set_organization_id(org);
        b.set_jurisdiction(jur);
        b.set_reason(c.listing.reason);
        b.set_escalated_on(FormatDate(c.listing.listed_on));
        if (c.previous) b.set_abnormal_listed_on(FormatDate(c.previous->listed_on));
        SetActor(who, b.mutable_actor());
        b.add_rule_ids("CR-06");
        m.events.push_back(
            MakeEvent(b, authority, "credit", "escalated", org, seq, jur, who.subject, now));
        break;
      }
      case CreditChange::Kind::kRemoved: {
        ev::CreditRemoved b;
        b.set_organization_id(org);
        b.set_jurisdiction(jur);
        b.set_list(ToProtoList(c.listing.list));
        b.set_listed_on(FormatDate(c.listing.listed_on));
        if (c.listing.removed_on) b.set_removed_on(FormatDate(*c.listing.removed_on));
        b.set_removal_reason(c.listing.removal_reason);
        SetActor(who, b.mutable_actor());
        b.add_rule_ids(c.listing.list == CreditList::kAbnormal ? "CR-05" : "CR-07");
        m.events.push_back(
            MakeEvent(b, authority, "credit", "removed", org, seq, jur, who.subject, now));
        break;
      }
    }
  }
  return after;
}

}  // namespace socgov::supervision
