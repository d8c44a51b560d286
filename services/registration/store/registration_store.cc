#include "registration/store/registration_store.h"

#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

#include "platform/auth/scope.h"
#include "registration/domain/names.h"
#include "registration/store/scripts.h"

namespace socgov::registration {
namespace {

using keys::StatusIndex;
using keys::TypeIndex;
std::string AppKey(const std::string& id) { return keys::App(id); }
std::string OrgKey(const std::string& id) { return keys::Org(id); }
std::string NameKey(const std::string& authority, const std::string& name) {
  return keys::Name(authority, name);
}
std::string IdemKey(const std::string& rpc, const std::string& request_id) {
  return keys::Idem(rpc, request_id);
}

std::string OptMillis(const std::optional<TimePoint>& t) {
  return t ? std::to_string(UnixMillis(*t)) : std::string();
}
struct StoredHash;
std::optional<TimePoint> GetOptMillis(const StoredHash& m, const char* k);

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

// A stored hash being decoded: its fields, and the first field that did not parse. Decoders
// report it as an error (a damaged record) instead of throwing.
struct StoredHash {
  std::map<std::string, std::string> fields;
  mutable std::optional<Error> bad;
};

// A decimal integer field; "" reads as 0.
std::optional<int64_t> ParseInt(const std::string& text) {
  if (text.empty()) return 0;
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

int64_t ToInt(const StoredHash& m, const char* k) {
  auto it = m.fields.find(k);
  if (it == m.fields.end()) return 0;
  auto v = ParseInt(it->second);
  if (!v && !m.bad)
    m.bad = Error::Internal("stored field " + std::string(k) + " is not an integer: " + it->second);
  return v.value_or(0);
}
std::string Get(const StoredHash& m, const char* k) {
  auto it = m.fields.find(k);
  return it == m.fields.end() ? std::string() : it->second;
}
StoredHash ToMap(const std::vector<std::string>& flat) {
  StoredHash m;
  for (size_t i = 0; i + 1 < flat.size(); i += 2) m.fields[flat[i]] = flat[i + 1];
  return m;
}
// The entity, or the error of its first unreadable field, named with `what`.
template <typename T>
Result<T> Decoded(T value, const StoredHash& m, const std::string& what) {
  if (m.bad) return Error::Internal(what + ": " + m.bad->message);
  return value;
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
                         p.funds_in_cash ? "1" : "0",
                         "social_service_form",
                         std::to_string(static_cast<int>(p.social_service_form)),
                         "community_form",
                         std::to_string(static_cast<int>(p.community_form)),
                         "staff_count",
                         std::to_string(p.staff_count),
                         "supervisory_unit",
                         p.supervisory_unit,
                         "filed_with",
                         p.filed_with});
}
Profile DecodeProfile(const StoredHash& m) {
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
  p.social_service_form = static_cast<SocialServiceForm>(ToInt(m, "social_service_form"));
  p.community_form = static_cast<CommunityForm>(ToInt(m, "community_form"));
  p.staff_count = static_cast<int32_t>(ToInt(m, "staff_count"));
  p.supervisory_unit = Get(m, "supervisory_unit");
  p.filed_with = Get(m, "filed_with");
  return p;
}
void EncodeActor(const char* prefix, const Actor& a, std::vector<std::string>& out) {
  const std::string p(prefix);
  out.insert(out.end(), {p + "_subject", a.subject, p + "_roles", Join(a.roles),
                         p + "_jurisdiction", a.jurisdiction});
}
Actor DecodeActor(const char* prefix, const StoredHash& m) {
  const std::string p(prefix);
  Actor a;
  a.subject = Get(m, (p + "_subject").c_str());
  a.roles = Split(Get(m, (p + "_roles").c_str()));
  a.jurisdiction = Get(m, (p + "_jurisdiction").c_str());
  return a;
}

std::optional<TimePoint> GetOptMillis(const StoredHash& m, const char* k) {
  if (Get(m, k).empty()) return std::nullopt;
  return FromUnixMillis(ToInt(m, k));
}

using store::FlatHash;

// The holder, with why it still holds the name.
std::string HolderText(const std::string& holder) {
  const std::string who = DescribeNameHolder(holder);
  if (holder.rfind("change:", 0) == 0) return who + " (pending)";
  if (holder.rfind("lapsed:", 0) == 0) return who + " (blocked for re-application, REG-05)";
  return who;
}

// Registration's wording of a name conflict: the field, the holder and the rule (REG-03). The
// other refusals keep the platform's wording.
std::optional<Error> RegistrationWording(const store::Refusal& r) {
  if (r.kind != "name_taken") return std::nullopt;
  return Error::AlreadyExists(r.label + ": already used by " + HolderText(r.detail) +
                              " at this registration authority (REG-03)");
}

}  // namespace

bool OrgFilter::Matches(const Organization& o) const {
  if (kind != OrgKind::kUnspecified && o.profile.kind != kind) return false;
  if (status != OrgStatus::kUnspecified && o.status != status) return false;
  if (!jurisdiction.empty() && !auth::JurisdictionCovers(jurisdiction, o.profile.jurisdiction))
    return false;
  // UTF-8 is self-synchronizing: a byte match of a valid fragment is a character match.
  return name_contains.empty() || o.profile.name.find(name_contains) != std::string::npos;
}

std::string DescribeNameHolder(const std::string& holder) {
  if (holder.rfind("app:", 0) == 0) return "application " + holder.substr(4);
  if (holder.rfind("org:", 0) == 0) return "organization " + holder.substr(4);
  if (holder.rfind("change:", 0) == 0) return "change application " + holder.substr(7);
  if (holder.rfind("lapsed:", 0) == 0) return "lapsed preparation " + holder.substr(7);
  return holder;
}

namespace keys {
std::string App(const std::string& id) { return "{reg}:app:" + id; }
std::string Org(const std::string& id) { return "{reg}:org:" + id; }
std::string Change(const std::string& id) { return "{reg}:change:" + id; }
std::string Review(const std::string& id) { return "{reg}:review:" + id; }
std::string ReviewsOf(const std::string& subject_id) { return "{reg}:reviews:of:" + subject_id; }
// Names are unique in their canonical form (REG-03): spacing and full-width letters do not make a
// new name.
std::string Name(const std::string& authority, const std::string& name) {
  return "{reg}:name:" + authority + ":" + CanonicalName(name);
}
std::string Idem(const std::string& rpc, const std::string& request_id) {
  return "{reg}:idem:" + rpc + ":" + request_id;
}
std::string TypeIndex(OrgKind k) { return std::string("{reg}:orgs:type:") + ToString(k); }
std::string StatusIndex(OrgStatus s) { return std::string("{reg}:orgs:status:") + ToString(s); }
std::vector<std::string> OrgOfChangeRead(const std::string& change_id) {
  return {"EVAL", scripts::OrgOfChangeScript(), "1", Change(change_id)};
}
std::vector<std::string> ReviewsOfRead(const std::string& subject_id) {
  return {"EVAL", scripts::ReviewsOfScript(), "1", ReviewsOf(subject_id)};
}
}  // namespace keys

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
  out.insert(out.end(),
             {"stage", std::to_string(static_cast<int>(a.stage)), "preparation_approved_at_ms",
              OptMillis(a.preparation_approved_at), "founding_deadline", a.founding_deadline,
              "extension_used", a.extension_used ? "1" : "0", "founding_meeting_on",
              a.founding_meeting_on, "review_id", a.review_id});
  return out;
}

Result<Application> DecodeApplication(const std::vector<std::string>& flat) {
  auto m = ToMap(flat);
  Application a;
  a.id = Get(m, "id");
  a.status = ApplicationStatusFromString(Get(m, "status"));
  a.version = ToInt(m, "version");
  a.profile = DecodeProfile(m);
  a.submitted_by = DecodeActor("submitted_by", m);
  a.submitted_at = FromUnixMillis(ToInt(m, "submitted_at_ms"));
  if (!Get(m, "decided_at_ms").empty()) a.decided_at = FromUnixMillis(ToInt(m, "decided_at_ms"));
  a.decided_by = DecodeActor("decided_by", m);
  a.rejection_reason = Get(m, "rejection_reason");
  a.organization_id = Get(m, "organization_id");
  // Applications stored before stages existed were establishment applications.
  a.stage = Get(m, "stage").empty() ? ApplicationStage::kEstablishment
                                    : static_cast<ApplicationStage>(ToInt(m, "stage"));
  a.preparation_approved_at = GetOptMillis(m, "preparation_approved_at_ms");
  a.founding_deadline = Get(m, "founding_deadline");
  a.extension_used = Get(m, "extension_used") == "1";
  a.founding_meeting_on = Get(m, "founding_meeting_on");
  a.review_id = Get(m, "review_id");
  const std::string what = "application " + a.id;
  return Decoded(std::move(a), m, what);
}

std::vector<std::string> EncodeOrganization(const Organization& o) {
  std::vector<std::string> out = {
      "id", o.id, "status", ToString(o.status), "version", std::to_string(o.version)};
  EncodeProfile(o.profile, out);
  out.insert(out.end(), {"registered_at_ms",
                         std::to_string(UnixMillis(o.registered_at)),
                         "application_id",
                         o.application_id,
                         "serial",
                         std::to_string(o.serial),
                         "term_start",
                         o.council_term.start_date,
                         "term_end",
                         o.council_term.end_date,
                         "term_extension_until",
                         o.council_term.extension_until,
                         "term_review_id",
                         o.council_term.review_id,
                         "articles_number",
                         std::to_string(o.articles.number),
                         "articles_approved_on",
                         o.articles.approved_on,
                         "articles_party_clause",
                         o.articles.party_building_clause ? "1" : "0",
                         "articles_party_organ",
                         o.articles.party_leading_organ,
                         "articles_sha256",
                         o.articles.text_sha256,
                         "articles_recorded_at_ms",
                         OptMillis(o.articles.recorded_at),
                         "status_reason",
                         o.status_reason,
                         "status_changed_at_ms",
                         OptMillis(o.status_changed_at),
                         "suspended_until",
                         o.suspended_until,
                         "penalty_case_id",
                         o.penalty_case_id,
                         "pending_change_id",
                         o.pending_change_id,
                         "liquidation_ended_on",
                         o.liquidation_ended_on,
                         "cancellation_late",
                         o.cancellation_late ? "1" : "0"});
  return out;
}

Result<Organization> DecodeOrganization(const std::vector<std::string>& flat) {
  auto m = ToMap(flat);
  Organization o;
  o.id = Get(m, "id");
  o.status = OrgStatusFromString(Get(m, "status"));
  o.version = ToInt(m, "version");
  o.profile = DecodeProfile(m);
  o.registered_at = FromUnixMillis(ToInt(m, "registered_at_ms"));
  o.application_id = Get(m, "application_id");
  o.serial = static_cast<uint64_t>(ToInt(m, "serial"));
  o.council_term = {Get(m, "term_start"), Get(m, "term_end"), Get(m, "term_extension_until"),
                    Get(m, "term_review_id")};
  o.articles.number = static_cast<int32_t>(ToInt(m, "articles_number"));
  o.articles.approved_on = Get(m, "articles_approved_on");
  o.articles.party_building_clause = Get(m, "articles_party_clause") == "1";
  o.articles.party_leading_organ = Get(m, "articles_party_organ");
  o.articles.text_sha256 = Get(m, "articles_sha256");
  o.articles.recorded_at = GetOptMillis(m, "articles_recorded_at_ms");
  o.status_reason = Get(m, "status_reason");
  o.status_changed_at = GetOptMillis(m, "status_changed_at_ms");
  o.suspended_until = Get(m, "suspended_until");
  o.penalty_case_id = Get(m, "penalty_case_id");
  o.pending_change_id = Get(m, "pending_change_id");
  o.liquidation_ended_on = Get(m, "liquidation_ended_on");
  o.cancellation_late = Get(m, "cancellation_late") == "1";
  const std::string what = "organization " + o.id;
  return Decoded(std::move(o), m, what);
}

std::vector<std::string> EncodeChange(const ChangeApplication& c) {
  std::vector<std::string> out = {"id",
                                  c.id,
                                  "organization_id",
                                  c.organization_id,
                                  "jurisdiction",
                                  c.jurisdiction,
                                  "consented_on",
                                  c.consented_on,
                                  "late",
                                  c.late ? "1" : "0",
                                  "status",
                                  ToString(c.status),
                                  "version",
                                  std::to_string(c.version),
                                  "applied_at_ms",
                                  std::to_string(UnixMillis(c.applied_at)),
                                  "decided_at_ms",
                                  OptMillis(c.decided_at),
                                  "rejection_reason",
                                  c.rejection_reason,
                                  "review_id",
                                  c.review_id};
  EncodeActor("applied_by", c.applied_by, out);
  EncodeActor("decided_by", c.decided_by, out);
  // Each item: a presence flag and its value, so "set to empty" differs from "unchanged".
  auto item = [&](const char* k, const std::optional<std::string>& v) {
    out.insert(out.end(),
               {std::string("has_") + k, v ? "1" : "0", std::string("new_") + k, v.value_or("")});
  };
  item("name", c.changes.name);
  item("domicile", c.changes.domicile);
  item("business_scope", c.changes.business_scope);
  item("supervisory_unit", c.changes.supervisory_unit);
  item("funds_fen", c.changes.funds_fen
                        ? std::optional<std::string>(std::to_string(*c.changes.funds_fen))
                        : std::nullopt);
  item("legal_rep_name",
       c.changes.legal_rep ? std::optional<std::string>(c.changes.legal_rep->name) : std::nullopt);
  item("legal_rep_id_number", c.changes.legal_rep
                                  ? std::optional<std::string>(c.changes.legal_rep->id_number)
                                  : std::nullopt);
  return out;
}

Result<ChangeApplication> DecodeChange(const std::vector<std::string>& flat) {
  auto m = ToMap(flat);
  ChangeApplication c;
  c.id = Get(m, "id");
  c.organization_id = Get(m, "organization_id");
  c.jurisdiction = Get(m, "jurisdiction");
  c.consented_on = Get(m, "consented_on");
  c.late = Get(m, "late") == "1";
  const std::string st = Get(m, "status");
  c.status = st == "PENDING"    ? ChangeStatus::kPending
             : st == "APPROVED" ? ChangeStatus::kApproved
             : st == "REJECTED" ? ChangeStatus::kRejected
                                : ChangeStatus::kUnspecified;
  c.version = ToInt(m, "version");
  c.applied_at = FromUnixMillis(ToInt(m, "applied_at_ms"));
  c.decided_at = GetOptMillis(m, "decided_at_ms");
  c.rejection_reason = Get(m, "rejection_reason");
  c.review_id = Get(m, "review_id");
  c.applied_by = DecodeActor("applied_by", m);
  c.decided_by = DecodeActor("decided_by", m);
  auto item = [&](const char* k) -> std::optional<std::string> {
    if (Get(m, (std::string("has_") + k).c_str()) != "1") return std::nullopt;
    return Get(m, (std::string("new_") + k).c_str());
  };
  c.changes.name = item("name");
  c.changes.domicile = item("domicile");
  c.changes.business_scope = item("business_scope");
  c.changes.supervisory_unit = item("supervisory_unit");
  if (auto f = item("funds_fen")) {
    auto fen = ParseInt(*f);
    if (!fen) return Error::Internal("change " + c.id + ": stored new_funds_fen is not an integer");
    c.changes.funds_fen = *fen;
  }
  if (auto n = item("legal_rep_name"))
    c.changes.legal_rep = Person{*n, item("legal_rep_id_number").value_or("")};
  const std::string what = "change " + c.id;
  return Decoded(std::move(c), m, what);
}

std::vector<std::string> EncodeReview(const ReviewCase& r) {
  nlohmann::json nominees = nlohmann::json::array();
  for (const auto& n : r.nominees)
    nominees.push_back({{"name", n.person.name},
                        {"id_number", n.person.id_number},
                        {"post", n.post},
                        {"retired_cadre", n.retired_cadre},
                        {"other_posts", n.other_posts},
                        {"terms_served", n.terms_served},
                        {"birth_date", n.birth_date}});
  nlohmann::json opinions = nlohmann::json::array();
  for (const auto& o : r.opinions)
    opinions.push_back({{"department", o.department},
                        {"deadline", o.deadline},
                        {"opinion", static_cast<int>(o.opinion)},
                        {"comment", o.comment},
                        {"by_subject", o.recorded_by.subject},
                        {"by_roles", Join(o.recorded_by.roles)},
                        {"by_jurisdiction", o.recorded_by.jurisdiction},
                        {"recorded_at_ms", OptMillis(o.recorded_at)}});
  std::vector<std::string> out = {"id",
                                  r.id,
                                  "subject_id",
                                  r.subject_id,
                                  "jurisdiction",
                                  r.jurisdiction,
                                  "trigger",
                                  std::to_string(static_cast<int>(r.trigger)),
                                  "status",
                                  std::to_string(static_cast<int>(r.status)),
                                  "version",
                                  std::to_string(r.version),
                                  "opened_at_ms",
                                  std::to_string(UnixMillis(r.opened_at)),
                                  "concluded_at_ms",
                                  OptMillis(r.concluded_at),
                                  "publicity_from",
                                  r.publicity_from,
                                  "publicity_until",
                                  r.publicity_until,
                                  "elected_on",
                                  r.elected_on,
                                  "filed_at_ms",
                                  OptMillis(r.filed_at),
                                  "nominees",
                                  nominees.dump(),
                                  "opinions",
                                  opinions.dump()};
  EncodeActor("opened_by", r.opened_by, out);
  return out;
}

Result<ReviewCase> DecodeReview(const std::vector<std::string>& flat) {
  auto m = ToMap(flat);
  ReviewCase r;
  r.id = Get(m, "id");
  r.subject_id = Get(m, "subject_id");
  r.jurisdiction = Get(m, "jurisdiction");
  r.trigger = static_cast<ReviewTrigger>(ToInt(m, "trigger"));
  r.status = static_cast<ReviewStatus>(ToInt(m, "status"));
  r.version = ToInt(m, "version");
  r.opened_at = FromUnixMillis(ToInt(m, "opened_at_ms"));
  r.concluded_at = GetOptMillis(m, "concluded_at_ms");
  r.publicity_from = Get(m, "publicity_from");
  r.publicity_until = Get(m, "publicity_until");
  r.elected_on = Get(m, "elected_on");
  r.filed_at = GetOptMillis(m, "filed_at_ms");
  r.opened_by = DecodeActor("opened_by", m);
  // json::value() throws on a field of the wrong type: a damaged record is an error, not a crash.
  try {
    auto nominees = nlohmann::json::parse(Get(m, "nominees"), nullptr, /*allow_exceptions=*/false);
    if (nominees.is_array())
      for (const auto& n : nominees)
        r.nominees.push_back(Nominee{Person{n.value("name", ""), n.value("id_number", "")},
                                     n.value("post", ""), n.value("retired_cadre", false),
                                     n.value("other_posts", 0), n.value("terms_served", 0),
                                     n.value("birth_date", "")});
    auto opinions = nlohmann::json::parse(Get(m, "opinions"), nullptr, false);
    if (opinions.is_array())
      for (const auto& o : opinions) {
        DepartmentOpinion d;
        d.department = o.value("department", "");
        d.deadline = o.value("deadline", "");
        d.opinion = static_cast<Opinion>(o.value("opinion", 0));
        d.comment = o.value("comment", "");
        d.recorded_by = Actor{o.value("by_subject", ""), Split(o.value("by_roles", "")),
                              o.value("by_jurisdiction", "")};
        const std::string at = o.value("recorded_at_ms", "");
        if (!at.empty()) {
          auto ms = ParseInt(at);
          if (!ms)
            return Error::Internal("review " + r.id + ": stored opinion time is not an integer");
          d.recorded_at = FromUnixMillis(*ms);
        }
        r.opinions.push_back(std::move(d));
      }
  } catch (const nlohmann::json::exception& e) {
    return Error::Internal("review " + r.id + ": stored nominees or opinions: " + e.what());
  }
  const std::string what = "review " + r.id;
  return Decoded(std::move(r), m, what);
}

RegistrationStore::RegistrationStore(store::RedisPool& pool) : pool_(pool) {
  store::AddMutateScript(scripts_);
  scripts_.Add("page", scripts::PageScript());
}

// The entity at `key` decoded, or NOT_FOUND naming `what`.
template <typename T, typename Decode>
Result<T> LoadHash(store::RedisPool& pool, const std::string& key, const std::string& what,
                   Decode decode) {
  auto redis = pool.Acquire();
  store::Value v = redis->Command({"HGETALL", key});
  if (v.elements.empty()) return Error::NotFound(what + " not found");
  return decode(FlatHash(v));
}

Result<ChangeApplication> RegistrationStore::LoadChange(const std::string& id) {
  return LoadHash<ChangeApplication>(pool_, keys::Change(id), "change application " + id,
                                     DecodeChange);
}

Result<ReviewCase> RegistrationStore::LoadReview(const std::string& id) {
  return LoadHash<ReviewCase>(pool_, keys::Review(id), "review " + id, DecodeReview);
}

Result<Application> RegistrationStore::LoadApplication(const std::string& id) {
  return LoadHash<Application>(pool_, AppKey(id), "application " + id, DecodeApplication);
}

Result<Organization> RegistrationStore::LoadOrganization(const std::string& id) {
  return LoadHash<Organization>(pool_, OrgKey(id), "organization " + id, DecodeOrganization);
}

Result<std::vector<ReviewCase>> DecodeReviews(const store::Value& reply) {
  if (reply.is_error()) return Error::Internal("reviews script: " + reply.str);
  std::vector<ReviewCase> out;
  for (const auto& row : reply.elements) {
    auto review = DecodeReview(FlatHash(row));
    if (!review.ok()) return review.error();
    out.push_back(std::move(review).value());
  }
  return out;
}

Result<std::vector<ReviewCase>> RegistrationStore::ReviewsOf(const std::string& subject_id) {
  auto redis = pool_.Acquire();
  return DecodeReviews(redis->Command(keys::ReviewsOfRead(subject_id)));
}

std::optional<std::string> RegistrationStore::NameHolder(const std::string& authority,
                                                         const std::string& name) {
  auto redis = pool_.Acquire();
  store::Value v = redis->Command({"GET", keys::Name(authority, name)});
  if (v.type != store::Value::Type::kString) return std::nullopt;
  return v.str;
}

std::optional<uint64_t> RegistrationStore::OrgSerial(const std::string& id) {
  auto redis = pool_.Acquire();
  store::Value v = redis->Command({"ZSCORE", keys::kOrgs, id});
  if (v.type != store::Value::Type::kString) return std::nullopt;
  auto serial = ParseInt(v.str);
  if (!serial || *serial < 0) return std::nullopt;
  return static_cast<uint64_t>(*serial);
}

std::vector<std::string> RegistrationStore::PreparationsDueBefore(int64_t before_day,
                                                                  size_t limit) {
  auto redis = pool_.Acquire();
  store::Value v =
      redis->Command({"ZRANGEBYSCORE", keys::kPreparing, "-inf", "(" + std::to_string(before_day),
                      "LIMIT", "0", std::to_string(limit)});
  std::vector<std::string> out;
  for (const auto& e : v.elements) out.push_back(e.str);
  return out;
}

Result<CommandOutcome> RegistrationStore::Mutate(const Mutation& m, const std::string& what) {
  auto redis = pool_.Acquire();
  return store::RunMutation(*redis, scripts_, m, what, RegistrationWording);
}

std::string RegistrationStore::IndexFor(const OrgFilter& filter) {
  if (filter.kind != OrgKind::kUnspecified) return TypeIndex(filter.kind);
  if (filter.status != OrgStatus::kUnspecified) return StatusIndex(filter.status);
  return keys::kOrgs;
}

store::CommandRead RegistrationStore::ReadForCommand(
    const std::string& rpc, const std::string& request_id,
    const std::vector<std::vector<std::string>>& reads) {
  auto redis = pool_.Acquire();
  return store::ReadForCommand(*redis, IdemKey(rpc, request_id), reads);
}

Result<uint64_t> RegistrationStore::ReserveSerial() {
  auto redis = pool_.Acquire();
  store::Value v = redis->Command({"INCR", keys::kSerial});
  if (v.type != store::Value::Type::kInteger || v.integer <= 0)
    return Error::Internal(std::string("INCR ") + keys::kSerial + ": " + v.str);
  return static_cast<uint64_t>(v.integer);
}

void RegistrationStore::ForgetPreparation(const std::string& id) {
  auto redis = pool_.Acquire();
  redis->Command({"ZREM", keys::kPreparing, id});
}

Result<CommandOutcome> RegistrationStore::Submit(const std::string& request_id,
                                                 const Application& app,
                                                 const std::vector<outbox::OutboxEvent>& events,
                                                 const std::string& response) {
  Mutation m;
  m.idem_key = IdemKey("SubmitApplication", request_id);
  m.response = response;
  const std::string name_key = NameKey(app.profile.jurisdiction, app.profile.name);
  // Any holder, even a lapsed preparation's block (REG-05), makes the name unavailable.
  m.guards.push_back({Mutation::Guard::Kind::kNameFree, name_key, "", "profile.name"});
  m.guards.push_back({Mutation::Guard::Kind::kAbsent, AppKey(app.id), "", "application " + app.id});
  m.hashes.push_back({AppKey(app.id), EncodeApplication(app)});
  m.sets.push_back({name_key, "app:" + app.id, 0});
  m.outbox_key = kOutboxKey;
  m.events = events;
  return Mutate(m, "application " + app.id);
}

Result<RegistrationStore::Page> RegistrationStore::ListOrganizations(const OrgFilter& filter,
                                                                     uint64_t after_serial,
                                                                     size_t limit) {
  // Walk the narrowest index; the other filters are applied to the loaded entities. Each batch is
  // one read-only script (ids, hashes and the index size in one round trip).
  const std::string index = IndexFor(filter);
  Page page;
  auto redis = pool_.Acquire();
  uint64_t cursor = after_serial;
  constexpr size_t kBatch = 200;
  const size_t batch = std::min(kBatch, std::max<size_t>(limit, 1));
  while (page.rows.size() < limit) {
    store::Value v =
        scripts_.Eval(*redis, "page", {index}, {std::to_string(cursor), std::to_string(batch)});
    if (v.is_error()) throw store::RedisUnavailable("page script: " + v.str);
    if (v.elements.empty()) break;
    page.total = v.elements[0].integer;
    const size_t rows = (v.elements.size() - 1) / 3;
    for (size_t r = 0; r < rows && page.rows.size() < limit; ++r) {
      auto score = ParseInt(v.elements[2 + 3 * r].str);
      if (!score || *score < 0)
        return Error::Internal(index + ": score " + v.elements[2 + 3 * r].str + " is no serial");
      const auto serial = static_cast<uint64_t>(*score);
      cursor = serial;
      const auto& hash = v.elements[3 + 3 * r];
      if (hash.elements.empty()) continue;  // removed between index and hash: not listed
      auto o = DecodeOrganization(FlatHash(hash));
      if (!o.ok()) return o.error();
      if (filter.Matches(*o)) page.rows.emplace_back(serial, std::move(o).value());
    }
    if (rows < batch) break;
  }
  return page;
}

}  // namespace socgov::registration
