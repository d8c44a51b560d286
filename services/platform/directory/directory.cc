#include "platform/directory/directory.h"

#include <chrono>

#include "platform/auth/scope.h"
#include "platform/bus/nats.h"
#include "platform/directory/snapshot.h"
#include "platform/service/kit.h"
#include "platform/util/clock.h"
#include "platform/util/dates.h"
#include "socgov/registration/v1/events.pb.h"

namespace socgov::directory {
namespace {

namespace rv1 = ::socgov::registration::v1;

std::string StripPrefix(const std::string& name, const std::string& prefix) {
  return name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
}

// Registration time (RFC 3339 UTC) → the China-time calendar date a clerk reads, and its millis.
std::pair<std::string, int64_t> RegisteredOn(const std::string& rfc3339) {
  const auto t = ParseRfc3339(rfc3339);
  if (!t) return {"", 0};
  return {FormatDate(ChinaDate(*t)), UnixMillis(*t)};
}

std::vector<std::string> TermFields(const rv1::CouncilTerm& t) {
  return {"term_start", t.start_date(),         "term_end",
          t.end_date(), "term_extension_until", t.extension_until()};
}

std::vector<std::string> ArticlesFields(const rv1::ArticlesVersion& a) {
  return {"articles_number", std::to_string(a.number()), "party_building_clause",
          a.party_building_clause() ? "1" : "0"};
}

// The snapshot messages: every one carries the whole organization in field `organization`.
template <typename Message>
std::optional<rv1::Organization> SnapshotOf(const std::string& data, bool* parsed) {
  Message m;
  *parsed = m.ParseFromString(data);
  if (!*parsed) return std::nullopt;
  return m.organization();
}

// Decodes the organization snapshot an event carries, when it carries one.
Result<std::optional<rv1::Organization>> Snapshot(const bus::Event& e, bool* known) {
  const std::string schema = e.delivery->Header("ce-dataschema");
  bool parsed = true;
  *known = true;
  std::optional<rv1::Organization> org;
  if (schema == rv1::OrganizationRegistered::descriptor()->full_name())
    org = SnapshotOf<rv1::OrganizationRegistered>(e.data(), &parsed);
  else if (schema == rv1::CommunityOrganizationFiled::descriptor()->full_name())
    org = SnapshotOf<rv1::CommunityOrganizationFiled>(e.data(), &parsed);
  else if (schema == rv1::FilingRemoved::descriptor()->full_name())
    org = SnapshotOf<rv1::FilingRemoved>(e.data(), &parsed);
  else if (schema == rv1::OrganizationChanged::descriptor()->full_name())
    org = SnapshotOf<rv1::OrganizationChanged>(e.data(), &parsed);
  else if (schema == rv1::OrganizationStatusChanged::descriptor()->full_name())
    org = SnapshotOf<rv1::OrganizationStatusChanged>(e.data(), &parsed);
  else
    *known = false;
  if (!parsed) return Error::InvalidArgument("data", "not a " + schema);
  return org;
}

}  // namespace

Result<std::optional<rv1::Organization>> OrganizationSnapshot(const bus::Event& e) {
  bool known = false;
  return Snapshot(e, &known);
}

namespace {

Result<std::optional<std::string>> PayloadJurisdiction(const bus::Event& e) {
  bool known = false;
  auto org = Snapshot(e, &known);
  if (!org.ok()) return org.error();
  if (*org) return std::optional<std::string>((*org)->profile().jurisdiction());
  const std::string schema = e.delivery->Header("ce-dataschema");
  if (schema == rv1::ArticlesRecorded::descriptor()->full_name()) {
    rv1::ArticlesRecorded m;
    if (!m.ParseFromString(e.data())) return Error::InvalidArgument("data", "not " + schema);
    return std::optional<std::string>(m.jurisdiction());
  }
  if (schema == rv1::CouncilTermRecorded::descriptor()->full_name() ||
      schema == rv1::CouncilTermExtended::descriptor()->full_name()) {
    rv1::CouncilTermRecorded m;  // same fields 1..5 as CouncilTermExtended
    if (!m.ParseFromString(e.data())) return Error::InvalidArgument("data", "not " + schema);
    return std::optional<std::string>(m.jurisdiction());
  }
  return std::optional<std::string>();
}

Entry Decode(const std::vector<std::string>& flat) {
  Entry e;
  for (size_t i = 0; i + 1 < flat.size(); i += 2) {
    const std::string& k = flat[i];
    const std::string& v = flat[i + 1];
    if (k == "id") e.id = v;
    if (k == "name") e.name = v;
    if (k == "kind") e.kind = v;
    if (k == "status") e.status = v;
    if (k == "jurisdiction") e.jurisdiction = v;
    if (k == "registered_on") e.registered_on = v;
    if (k == "supervisory_unit") e.supervisory_unit = v;
    if (k == "term_start") e.term_start = v;
    if (k == "term_end") e.term_end = v;
    if (k == "term_extension_until") e.term_extension_until = v;
    if (k == "articles_number") e.articles_number = static_cast<int32_t>(std::atoi(v.c_str()));
    if (k == "party_building_clause") e.party_building_clause = v == "1";
    if (k == "business_scope") e.business_scope = v;
    if (k == "status_since") e.status_since = v;
    if (k == "version") e.version = std::strtoll(v.c_str(), nullptr, 10);
  }
  return e;
}

}  // namespace

Directory::Directory(std::string tag, store::RedisPool& pool) : tag_(std::move(tag)), pool_(pool) {}

Result<std::optional<store::Mutation>> Directory::WritesFor(const bus::Event& e) const {
  if (e.aggregate != "organization") return std::optional<store::Mutation>();
  bool known = false;
  auto snapshot = Snapshot(e, &known);
  if (!snapshot.ok()) return snapshot.error();
  store::Mutation m;
  const std::string key = OrgKey(e.aggregate_id);
  if (*snapshot) {
    const rv1::Organization& o = **snapshot;
    if (o.id() != e.aggregate_id)
      return Error::InvalidArgument("organization.id", "differs from ce-subject");
    const auto [on, ms] = RegisteredOn(o.registered_at());
    std::vector<std::string> fields = {
        "id",
        o.id(),
        "name",
        o.profile().name(),
        "kind",
        StripPrefix(rv1::OrgType_Name(o.profile().org_type()), "ORG_TYPE_"),
        "status",
        StripPrefix(rv1::OrgStatus_Name(o.status()), "ORG_STATUS_"),
        "jurisdiction",
        o.profile().jurisdiction(),
        "registered_on",
        on,
        "supervisory_unit",
        o.profile().supervisory_unit(),
        "business_scope",
        o.profile().business_scope(),
        "status_since",
        o.status_changed_at().empty() ? on : RegisteredOn(o.status_changed_at()).first,
        "version",
        std::to_string(e.sequence)};
    const auto term = TermFields(o.council_term());
    const auto articles = ArticlesFields(o.articles());
    fields.insert(fields.end(), term.begin(), term.end());
    fields.insert(fields.end(), articles.begin(), articles.end());
    m.hashes.push_back({key, std::move(fields)});
    m.zops.push_back({AllKey(), o.id(), std::to_string(ms)});
    m.zops.push_back({JurKey(o.profile().jurisdiction()), o.id(), std::to_string(ms)});
    return std::optional<store::Mutation>(std::move(m));
  }
  const std::string schema = e.delivery->Header("ce-dataschema");
  std::vector<std::string> fields;
  if (schema == rv1::ArticlesRecorded::descriptor()->full_name()) {
    rv1::ArticlesRecorded a;
    if (!a.ParseFromString(e.data())) return Error::InvalidArgument("data", "not " + schema);
    fields = ArticlesFields(a.articles());
  } else if (schema == rv1::CouncilTermRecorded::descriptor()->full_name() ||
             schema == rv1::CouncilTermExtended::descriptor()->full_name()) {
    rv1::CouncilTermRecorded t;
    if (!t.ParseFromString(e.data())) return Error::InvalidArgument("data", "not " + schema);
    fields = TermFields(t.term());
  } else {
    return std::optional<store::Mutation>();  // change_applied, change_rejected: version only
  }
  fields.insert(fields.end(), {"version", std::to_string(e.sequence)});
  m.hashes.push_back({key, std::move(fields)});
  return std::optional<store::Mutation>(std::move(m));
}

bus::Route Directory::MakeRoute(const std::string& durable, const std::string& jurisdiction) {
  bus::Route r;
  r.name = "directory";
  const std::string city = auth::CityOf(jurisdiction);
  const std::string district = auth::IsCountyLevel(jurisdiction) ? jurisdiction : "*";
  const std::string city_token = jurisdiction.ends_with("0000") ? "*" : city;
  r.consumer = {
      .stream = "REGISTRATION",
      .durable = durable,
      .filter_subject = "socgov.v1." + city_token + "." + district + ".registration.organization.>",
      .max_deliver = 0,
      .ack_wait_ms = 30'000};
  r.owner = "registration";
  r.gate = bus::Gate::kStrict;
  r.payload_jurisdiction = PayloadJurisdiction;
  r.handler = [this](const bus::Event& e, const bus::AggregateState&) {
    auto writes = WritesFor(e);
    if (!writes.ok()) return bus::Decision::Reject(writes.error().message);
    if (!*writes) return bus::Decision::Ignore(e.name + " does not change the directory");
    return bus::Decision::Apply(std::move(**writes));
  };
  return r;
}

std::optional<Entry> Directory::Get(const std::string& id) {
  auto redis = pool_.Acquire();
  store::Value v = redis->Command({"HGETALL", OrgKey(id)});
  if (v.elements.empty()) return std::nullopt;
  std::vector<std::string> flat;
  for (const auto& e : v.elements) flat.push_back(e.str);
  return Decode(flat);
}

std::vector<Entry> Directory::List(const std::string& jurisdiction, int64_t after_ms,
                                   size_t limit) {
  auto redis = pool_.Acquire();
  const std::string index = auth::IsCountyLevel(jurisdiction) ? JurKey(jurisdiction) : AllKey();
  std::vector<Entry> out;
  std::string cursor = "(" + std::to_string(after_ms);
  while (out.size() < limit) {
    store::Value ids = redis->Command({"ZRANGEBYSCORE", index, cursor, "+inf", "LIMIT", "0",
                                       std::to_string(std::max<size_t>(limit, 1))});
    if (ids.elements.empty()) break;
    std::vector<std::vector<std::string>> reads;
    for (const auto& id : ids.elements) reads.push_back({"HGETALL", OrgKey(id.str)});
    for (const auto& row : redis->Pipeline(reads)) {
      std::vector<std::string> flat;
      for (const auto& e : row.elements) flat.push_back(e.str);
      Entry e = Decode(flat);
      if (!e.id.empty() && auth::JurisdictionCovers(jurisdiction, e.jurisdiction) &&
          out.size() < limit)
        out.push_back(std::move(e));
    }
    if (ids.elements.size() < std::max<size_t>(limit, 1)) break;
    store::Value score = redis->Command({"ZSCORE", index, ids.elements.back().str});
    cursor = "(" + score.str;
  }
  return out;
}

Status Directory::Clear(bus::Connection& conn, const std::string& durable) {
  if (auto err = bus::DeleteConsumer(conn, "REGISTRATION", durable)) return err;
  auto redis = pool_.Acquire();
  // SCAN by pattern: the directory's own keys and its route's inbox and gate records.
  const std::vector<std::string> patterns = {tag_ + ":dir:*", tag_ + ":inbox:directory:*",
                                             tag_ + ":gate:directory:*"};
  for (const std::string& pattern : patterns) {
    std::string cursor = "0";
    do {
      store::Value v = redis->Command({"SCAN", cursor, "MATCH", pattern, "COUNT", "500"});
      if (v.elements.size() != 2) return Error::Unavailable("SCAN failed: " + v.str);
      cursor = v.elements[0].str;
      std::vector<std::string> del = {"UNLINK"};
      for (const auto& k : v.elements[1].elements) del.push_back(k.str);
      if (del.size() > 1) redis->Command(del);
    } while (cursor != "0");
  }
  return std::nullopt;
}

Directory& EmbedDirectory(service::Kit& kit) {
  auto& dir = kit.Make<Directory>(kit.key_tag(), kit.redis());
  kit.Consume(dir.MakeRoute(kit.name() + "-directory", kit.jurisdiction()));
  return dir;
}

}  // namespace socgov::directory
