#include "registration/store/registration_store.h"

#include <map>

#include "platform/auth/scope.h"
#include "registration/store/scripts.h"

namespace socgov::registration {
namespace {

constexpr const char* kIdemTtlSeconds = "2592000";  // 30 days: long past any client retry

std::string AppKey(const std::string& id) { return "{reg}:app:" + id; }
std::string OrgKey(const std::string& id) { return "{reg}:org:" + id; }
std::string NameKey(const std::string& authority, const std::string& name) {
  return "{reg}:name:" + authority + ":" + name;
}
std::string IdemKey(const std::string& rpc, const std::string& request_id) {
  return "{reg}:idem:" + rpc + ":" + request_id;
}
std::string TypeIndex(OrgKind k) { return std::string("{reg}:orgs:type:") + ToString(k); }
std::string StatusIndex(OrgStatus s) { return std::string("{reg}:orgs:status:") + ToString(s); }

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}
std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

int64_t ToInt(const std::map<std::string, std::string>& m, const char* k) {
  auto it = m.find(k);
  return it == m.end() || it->second.empty() ? 0 : std::stoll(it->second);
}
std::string Get(const std::map<std::string, std::string>& m, const char* k) {
  auto it = m.find(k);
  return it == m.end() ? std::string() : it->second;
}
std::map<std::string, std::string> ToMap(const std::vector<std::string>& flat) {
  std::map<std::string, std::string> m;
  for (size_t i = 0; i + 1 < flat.size(); i += 2) m[flat[i]] = flat[i + 1];
  return m;
}

void EncodeProfile(const Profile& p, std::vector<std::string>& out) {
  out.insert(out.end(), {"kind",
                         std::to_string(static_cast<int>(p.kind)),
                         "name",
                         p.name,
                         "domicile",
                         p.domicile,
                         "legal_rep_name",
                         p.legal_rep.name,
                         "legal_rep_id_number",
                         p.legal_rep.id_number,
                         "funds_fen",
                         std::to_string(p.funds_fen),
                         "business_scope",
                         p.business_scope,
                         "jurisdiction",
                         p.jurisdiction,
                         "individual_members",
                         std::to_string(p.individual_members),
                         "unit_members",
                         std::to_string(p.unit_members),
                         "foundation_kind",
                         std::to_string(static_cast<int>(p.foundation_kind)),
                         "funds_in_cash",
                         p.funds_in_cash ? "1" : "0"});
}
Profile DecodeProfile(const std::map<std::string, std::string>& m) {
  Profile p;
  p.kind = static_cast<OrgKind>(ToInt(m, "kind"));
  p.name = Get(m, "name");
  p.domicile = Get(m, "domicile");
  p.legal_rep.name = Get(m, "legal_rep_name");
  p.legal_rep.id_number = Get(m, "legal_rep_id_number");
  p.funds_fen = ToInt(m, "funds_fen");
  p.business_scope = Get(m, "business_scope");
  p.jurisdiction = Get(m, "jurisdiction");
  p.individual_members = static_cast<int32_t>(ToInt(m, "individual_members"));
  p.unit_members = static_cast<int32_t>(ToInt(m, "unit_members"));
  p.foundation_kind = static_cast<FoundationKind>(ToInt(m, "foundation_kind"));
  p.funds_in_cash = Get(m, "funds_in_cash") == "1";
  return p;
}
void EncodeActor(const char* prefix, const Actor& a, std::vector<std::string>& out) {
  const std::string p(prefix);
  out.insert(out.end(), {p + "_subject", a.subject, p + "_roles", Join(a.roles),
                         p + "_jurisdiction", a.jurisdiction});
}
Actor DecodeActor(const char* prefix, const std::map<std::string, std::string>& m) {
  const std::string p(prefix);
  Actor a;
  a.subject = Get(m, (p + "_subject").c_str());
  a.roles = Split(Get(m, (p + "_roles").c_str()));
  a.jurisdiction = Get(m, (p + "_jurisdiction").c_str());
  return a;
}

std::vector<std::string> FlatHash(const store::Value& v) {
  std::vector<std::string> out;
  for (const auto& e : v.elements) out.push_back(e.str);
  return out;
}

// Field-count prefixed pairs, as hset_from() in the scripts expects.
void AppendFields(const std::vector<std::string>& fields, std::vector<std::string>& argv) {
  argv.push_back(std::to_string(fields.size() / 2));
  argv.insert(argv.end(), fields.begin(), fields.end());
}

Result<CommandOutcome> Interpret(const store::Value& v, const std::string& what) {
  if (v.is_error()) return Error::Internal("redis script " + what + ": " + v.str);
  if (v.type != store::Value::Type::kArray || v.elements.empty())
    return Error::Internal("redis script " + what + ": unexpected reply");
  const std::string& tag = v.elements[0].str;
  if (tag == "ok") return CommandOutcome{};
  if (tag == "dup" && v.elements.size() >= 2)
    return CommandOutcome{CommandOutcome::Kind::kReplayed, v.elements[1].str};
  const std::string kind = v.elements.size() > 1 ? v.elements[1].str : "";
  const std::string detail = v.elements.size() > 2 ? v.elements[2].AsString() : "";
  if (kind == "name_taken")
    return Error::AlreadyExists("profile.name: already used by " + detail +
                                " at this registration authority (REG-03)");
  if (kind == "not_found") return Error::NotFound(what + ": not found");
  if (kind == "version")
    return Error::Aborted(what + ": version changed to " + detail + "; read it again and retry");
  if (kind == "state")
    return Error::FailedPrecondition(
        what + ": application is " + detail +
        "; only SUBMITTED applications can be decided (domain.md §3.1)");
  if (kind == "exists" || kind == "code_taken")
    return Error::AlreadyExists(what + ": " + detail + " exists");
  return Error::Internal("redis script " + what + ": " + kind);
}

}  // namespace

std::vector<std::string> EncodeApplication(const Application& a) {
  std::vector<std::string> out = {
      "id", a.id, "status", ToString(a.status), "version", std::to_string(a.version)};
  EncodeProfile(a.profile, out);
  EncodeActor("submitted_by", a.submitted_by, out);
  out.insert(out.end(),
             {"submitted_at_ms", std::to_string(UnixMillis(a.submitted_at)), "decided_at_ms",
              a.decided_at ? std::to_string(UnixMillis(*a.decided_at)) : "", "rejection_reason",
              a.rejection_reason, "organization_id", a.organization_id});
  EncodeActor("decided_by", a.decided_by, out);
  return out;
}

Application DecodeApplication(const std::vector<std::string>& flat) {
  auto m = ToMap(flat);
  Application a;
  a.id = Get(m, "id");
  const std::string st = Get(m, "status");
  a.status = st == "SUBMITTED"  ? ApplicationStatus::kSubmitted
             : st == "APPROVED" ? ApplicationStatus::kApproved
             : st == "REJECTED" ? ApplicationStatus::kRejected
                                : ApplicationStatus::kUnspecified;
  a.version = ToInt(m, "version");
  a.profile = DecodeProfile(m);
  a.submitted_by = DecodeActor("submitted_by", m);
  a.submitted_at = FromUnixMillis(ToInt(m, "submitted_at_ms"));
  if (!Get(m, "decided_at_ms").empty()) a.decided_at = FromUnixMillis(ToInt(m, "decided_at_ms"));
  a.decided_by = DecodeActor("decided_by", m);
  a.rejection_reason = Get(m, "rejection_reason");
  a.organization_id = Get(m, "organization_id");
  return a;
}

std::vector<std::string> EncodeOrganization(const Organization& o) {
  std::vector<std::string> out = {
      "id", o.id, "status", ToString(o.status), "version", std::to_string(o.version)};
  EncodeProfile(o.profile, out);
  out.insert(out.end(), {"registered_at_ms", std::to_string(UnixMillis(o.registered_at)),
                         "application_id", o.application_id});
  return out;
}

Organization DecodeOrganization(const std::vector<std::string>& flat) {
  auto m = ToMap(flat);
  Organization o;
  o.id = Get(m, "id");
  o.status = Get(m, "status") == "ACTIVE" ? OrgStatus::kActive : OrgStatus::kUnspecified;
  o.version = ToInt(m, "version");
  o.profile = DecodeProfile(m);
  o.registered_at = FromUnixMillis(ToInt(m, "registered_at_ms"));
  o.application_id = Get(m, "application_id");
  return o;
}

RegistrationStore::RegistrationStore(store::RedisPool& pool) : pool_(pool) {
  scripts_.Add("submit", scripts::SubmitScript());
  scripts_.Add("approve", scripts::ApproveScript());
  scripts_.Add("reject", scripts::RejectScript());
}

std::optional<std::string> RegistrationStore::PriorResponse(const std::string& rpc,
                                                            const std::string& request_id) {
  auto redis = pool_.Acquire();
  store::Value v = redis->Command({"GET", IdemKey(rpc, request_id)});
  if (v.type != store::Value::Type::kString) return std::nullopt;
  return v.str;
}

std::optional<Application> RegistrationStore::LoadApplication(const std::string& id) {
  auto redis = pool_.Acquire();
  store::Value v = redis->Command({"HGETALL", AppKey(id)});
  if (v.elements.empty()) return std::nullopt;
  return DecodeApplication(FlatHash(v));
}

std::optional<Organization> RegistrationStore::LoadOrganization(const std::string& id) {
  auto redis = pool_.Acquire();
  store::Value v = redis->Command({"HGETALL", OrgKey(id)});
  if (v.elements.empty()) return std::nullopt;
  return DecodeOrganization(FlatHash(v));
}

uint64_t RegistrationStore::NextCreditCodeSerial() {
  auto redis = pool_.Acquire();
  store::Value v = redis->Command({"INCR", "{reg}:uscc:serial"});
  if (v.type != store::Value::Type::kInteger) throw store::RedisUnavailable("INCR: " + v.str);
  return static_cast<uint64_t>(v.integer);
}

Result<CommandOutcome> RegistrationStore::Submit(const std::string& request_id,
                                                 const Application& app,
                                                 const std::vector<outbox::OutboxEvent>& events,
                                                 const std::string& response) {
  std::vector<std::string> keys = {IdemKey("SubmitApplication", request_id),
                                   NameKey(app.profile.jurisdiction, app.profile.name),
                                   AppKey(app.id), kOutboxKey};
  std::vector<std::string> argv = {response, kIdemTtlSeconds, app.id};
  AppendFields(EncodeApplication(app), argv);
  outbox::AppendScriptArgs(events, argv);
  auto redis = pool_.Acquire();
  return Interpret(scripts_.Eval(*redis, "submit", keys, argv), "application " + app.id);
}

Result<CommandOutcome> RegistrationStore::Approve(const std::string& request_id,
                                                  int64_t expected_version, const Application& app,
                                                  const Organization& org, uint64_t serial,
                                                  const std::vector<outbox::OutboxEvent>& events,
                                                  const std::string& response) {
  std::vector<std::string> keys = {IdemKey("ApproveApplication", request_id),
                                   AppKey(app.id),
                                   OrgKey(org.id),
                                   NameKey(app.profile.jurisdiction, app.profile.name),
                                   "{reg}:orgs",
                                   TypeIndex(org.profile.kind),
                                   StatusIndex(org.status),
                                   kOutboxKey};
  std::vector<std::string> argv = {response, kIdemTtlSeconds, std::to_string(expected_version),
                                   org.id, std::to_string(serial)};
  AppendFields(EncodeApplication(app), argv);
  AppendFields(EncodeOrganization(org), argv);
  outbox::AppendScriptArgs(events, argv);
  auto redis = pool_.Acquire();
  return Interpret(scripts_.Eval(*redis, "approve", keys, argv), "application " + app.id);
}

Result<CommandOutcome> RegistrationStore::Reject(const std::string& request_id,
                                                 int64_t expected_version, const Application& app,
                                                 const std::vector<outbox::OutboxEvent>& events,
                                                 const std::string& response) {
  std::vector<std::string> keys = {IdemKey("RejectApplication", request_id), AppKey(app.id),
                                   NameKey(app.profile.jurisdiction, app.profile.name), kOutboxKey};
  std::vector<std::string> argv = {response, kIdemTtlSeconds, std::to_string(expected_version),
                                   app.id};
  AppendFields(EncodeApplication(app), argv);
  outbox::AppendScriptArgs(events, argv);
  auto redis = pool_.Acquire();
  return Interpret(scripts_.Eval(*redis, "reject", keys, argv), "application " + app.id);
}

std::vector<std::pair<uint64_t, Organization>> RegistrationStore::ListOrganizations(
    const OrgFilter& filter, uint64_t after_serial, size_t limit) {
  // Walk the narrowest index; the other filters are applied to the loaded entities.
  std::string index = "{reg}:orgs";
  if (filter.kind != OrgKind::kUnspecified)
    index = TypeIndex(filter.kind);
  else if (filter.status != OrgStatus::kUnspecified)
    index = StatusIndex(filter.status);
  std::vector<std::pair<uint64_t, Organization>> out;
  auto redis = pool_.Acquire();
  uint64_t cursor = after_serial;
  constexpr size_t kBatch = 200;
  while (out.size() < limit) {
    store::Value ids = redis->Command({"ZRANGEBYSCORE", index, "(" + std::to_string(cursor), "+inf",
                                       "WITHSCORES", "LIMIT", "0", std::to_string(kBatch)});
    if (ids.elements.empty()) break;
    std::vector<std::vector<std::string>> cmds;
    std::vector<uint64_t> serials;
    for (size_t i = 0; i + 1 < ids.elements.size(); i += 2) {
      cmds.push_back({"HGETALL", OrgKey(ids.elements[i].str)});
      serials.push_back(std::stoull(ids.elements[i + 1].str));
    }
    auto rows = redis->Pipeline(cmds);
    for (size_t i = 0; i < rows.size() && out.size() < limit; ++i) {
      cursor = serials[i];
      if (rows[i].elements.empty()) continue;
      Organization o = DecodeOrganization(FlatHash(rows[i]));
      if (filter.kind != OrgKind::kUnspecified && o.profile.kind != filter.kind) continue;
      if (filter.status != OrgStatus::kUnspecified && o.status != filter.status) continue;
      if (!filter.jurisdiction.empty() &&
          !auth::JurisdictionCovers(filter.jurisdiction, o.profile.jurisdiction))
        continue;
      out.emplace_back(serials[i], std::move(o));
    }
    if (ids.elements.size() / 2 < kBatch) break;
  }
  return out;
}

}  // namespace socgov::registration
