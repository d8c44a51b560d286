// Applications and eligibility (VC-02, VC-03, CR-10, VC-07): the applicant's facts are the
// directory's entry (registration's events) and the credit read model (supervision's events).
#include <set>

#include "platform/directory/directory.h"
#include "socgov/welfare_venture/v1/events.pb.h"
#include "welfare_venture/app/events.h"
#include "welfare_venture/app/support.h"
#include "welfare_venture/app/to_proto.h"
#include "welfare_venture/app/venture.h"

namespace socgov::welfare_venture {

namespace ev = ::socgov::welfare_venture::v1;

ev::ApplicationChanged AppEvent(const StoredApplication& s, Date on, const std::string& note,
                                const auth::Principal& who,
                                std::initializer_list<const char*> rules) {
  ev::ApplicationChanged b;
  b.set_application_id(s.app.id);
  b.set_round_id(s.app.round_id);
  b.set_organization_id(s.app.org_id);
  b.set_jurisdiction(s.jurisdiction);
  b.set_state(int(s.app.state) + 1);
  b.set_category(int(s.app.category) + 1);
  b.set_requested_grant_fen(s.app.requested_grant_fen);
  b.set_on(FormatDate(on));
  b.set_note(note.substr(0, 500));
  SetActor(who, b.mutable_actor());
  for (const char* r : rules) b.add_rule_ids(r);
  return b;
}

namespace {

constexpr const char* kAppKind = "application";

// The 章程 scope text as keywords: split on the separators clerks use.
std::vector<std::string> ScopeKeywords(const std::string& text) {
  static const char* const kSeps[] = {"、", "，", "；", ",", ";", " ", "\n"};
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < text.size();) {
    bool sep = false;
    for (const char* s : kSeps) {
      const std::string_view v(s);
      if (text.compare(i, v.size(), v) == 0) {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
        i += v.size();
        sep = true;
        break;
      }
    }
    if (!sep) cur += text[i++];
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

OrgStatus StatusOf(const std::string& s) {
  if (s == "ACTIVE") return OrgStatus::kActive;
  if (s == "CHANGE_PENDING") return OrgStatus::kChangePending;
  if (s == "SUSPENDED") return OrgStatus::kSuspended;
  if (s == "CANCELLED") return OrgStatus::kCancelled;
  if (s == "REVOKED" || s == "CERT_REVOKED") return OrgStatus::kRevoked;
  return OrgStatus::kDissolving;  // DISSOLUTION_RESOLVED, LIQUIDATING, CANCEL_APPLIED
}

std::string AppJurisdiction(const StoredApplication& s) { return s.jurisdiction; }
v1::Application AppProto(const StoredApplication& s) { return ToProto(s); }

}  // namespace

Result<ApplicantFacts> Venture::FactsOf(const std::string& org_id, bool premises, bool staff,
                                        bool qualifications) {
  ApplicantFacts f;
  f.org_id = org_id;
  f.has_premises = premises;
  f.has_staff = staff;
  f.has_qualifications = qualifications;
  if (auto e = directory_.Get(org_id)) {
    // A community filing (备案) or a removed filing is not a registered organization (VC-03).
    f.registered = e->kind != "COMMUNITY" && e->status != "FILING_REMOVED";
    f.status = StatusOf(e->status);
    auto since = ParseDate(e->status_since.empty() ? e->registered_on : e->status_since);
    if (since) f.status_since = *since;
    f.jurisdiction = e->jurisdiction;
    f.business_scope = ScopeKeywords(e->business_scope);
  }
  auto credit = store_.GetCredit(org_id);
  if (!credit.ok()) return credit.error();
  f.credit.listings = credit->listings;
  f.credit.clawbacks = store_.ClawbacksOf(org_id);
  return f;
}

Result<v1::Application> Venture::Submit(const auth::Principal& who,
                                        const v1::SubmitApplicationRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  const v1::Application& in = req.application();
  if (auto err = ValidateId("application.round_id", in.round_id())) return *err;
  if (auto err = ValidateId("application.organization_id", in.organization_id())) return *err;
  auto category = CategoryOf("application.category", in.category());
  if (!category.ok()) return category.error();
  if (auto err = CheckText("application.title", in.title(), 300)) return *err;
  if (auto err = CheckText("application.summary", in.summary(), 4000, false)) return *err;
  if (auto err = CheckText("application.beneficiaries", in.beneficiaries(), 500, false))
    return *err;
  if (in.project_scope_size() > 50)
    return Error::InvalidArgument("application.project_scope", "more than 50 keywords");
  VentureApplication a;
  a.id = "draft";
  a.round_id = in.round_id();
  a.org_id = in.organization_id();
  a.category = *category;
  a.title = in.title();
  a.summary = in.summary();
  a.budget_fen = in.budget_fen();
  a.self_raised_fen = in.self_raised_fen();
  a.requested_grant_fen = in.requested_grant_fen();
  a.personnel_cost_fen = in.personnel_cost_fen();
  a.service_area = in.service_area();
  a.beneficiary_area = in.beneficiary_area();
  a.beneficiaries = in.beneficiaries();
  a.planned_beneficiaries = in.planned_beneficiaries();
  a.project_scope = {in.project_scope().begin(), in.project_scope().end()};
  if (auto err = ValidateApplication(a)) {
    err->message = "application." + err->message;
    return *err;
  }
  auto round = store_.GetRound(a.round_id);
  if (!round.ok()) return round.error();
  if (!*round) return Error::NotFound("round " + a.round_id + " not found");
  if (auto err = CheckWrite(who, (*round)->jurisdiction())) return *err;
  auto facts = FactsOf(a.org_id, in.has_premises(), in.has_staff(), in.has_qualifications());
  if (!facts.ok()) return facts.error();
  // VC-02 call open, VC-03/CR-10/VC-07 eligibility on the day, VC-04/05: before an id is spent.
  auto submitted = welfare_venture::Submit((*round)->round, *facts, a, *on);
  if (!submitted.ok()) return submitted.error();
  const StoredRound& r = **round;
  return CreateEntity<StoredApplication, v1::Application>(
      store_, who, "SubmitApplication", req.request_id(), authority_, kAppKind, "WA", keys::App,
      keys::kApps,
      [&](const std::string& id, Mutation& m) -> Result<StoredApplication> {
        StoredApplication s;
        s.app = *submitted;
        s.app.id = id;
        s.review.application_id = id;
        s.review.org_id = s.app.org_id;
        s.has_premises = in.has_premises();
        s.has_staff = in.has_staff();
        s.has_qualifications = in.has_qualifications();
        s.jurisdiction = r.jurisdiction();
        // The round must still be the one read (its call still open).
        m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Round(r.round.id),
                            std::to_string(r.version), "round " + r.round.id});
        m.zops.push_back({keys::AppsOf(r.round.id), id, id.substr(id.rfind("WA") + 2)});
        m.events.push_back(MakeEvent(AppEvent(s, *on, "", who, {"VC-02", "VC-03", "CR-10"}),
                                     authority_, kAppKind, "submitted", id, 1, s.jurisdiction,
                                     who.subject, now));
        return s;
      },
      EncodeApplication, AppProto);
}

Result<v1::Application> Venture::Screen(const auth::Principal& who,
                                        const v1::ScreenApplicationRequest& req) {
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  return UpdateEntity<StoredApplication, v1::Application>(
      store_, who, "ScreenApplication", req.request_id(), kAppKind, req.application_id(),
      req.version(), keys::App, DecodeApplication, EncodeApplication, AppJurisdiction, AppProto, {},
      [&](const StoredApplication& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredApplication> {
        auto round = store_.GetRound(before.app.round_id);
        if (!round.ok()) return round.error();
        if (!*round) return Error::NotFound("round " + before.app.round_id + " not found");
        auto facts = FactsOf(before.app.org_id, before.has_premises, before.has_staff,
                             before.has_qualifications);
        if (!facts.ok()) return facts.error();
        auto app = welfare_venture::Screen((*round)->round, *facts, before.app, *on);
        if (!app.ok()) return app.error();
        StoredApplication after = before;
        after.app = *app;
        after.version = before.version + 1;
        const bool in = app->state == ApplicationState::kScreenedIn;
        m.events.push_back(
            MakeEvent(AppEvent(after, *on, app->screening_note, who, {"VC-03", "CR-10"}),
                      authority_, kAppKind, in ? "screened_in" : "screened_out", after.app.id,
                      after.version, after.jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::Application> Venture::Withdraw(const auth::Principal& who,
                                          const v1::WithdrawApplicationRequest& req) {
  const TimePoint now = clock_.Now();
  return UpdateEntity<StoredApplication, v1::Application>(
      store_, who, "WithdrawApplication", req.request_id(), kAppKind, req.application_id(),
      req.version(), keys::App, DecodeApplication, EncodeApplication, AppJurisdiction, AppProto, {},
      [&](const StoredApplication& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredApplication> {
        auto app = welfare_venture::Withdraw(before.app);
        if (!app.ok()) return app.error();
        StoredApplication after = before;
        after.app = *app;
        after.version = before.version + 1;
        m.events.push_back(MakeEvent(AppEvent(after, ChinaDate(now), "", who, {"VC-02"}),
                                     authority_, kAppKind, "withdrawn", after.app.id, after.version,
                                     after.jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::Application> Venture::GetApplication(const auth::Principal& who,
                                                const v1::GetApplicationRequest& req) {
  if (auto err = ValidateId("application_id", req.application_id())) return *err;
  auto s = store_.GetApplication(req.application_id());
  if (!s.ok()) return s.error();
  if (!*s) return Error::NotFound("application " + req.application_id() + " not found");
  if (auto err = CheckRead(who, (*s)->jurisdiction)) return *err;
  return ToProto(**s);
}

Result<v1::ListApplicationsResponse> Venture::ListApplications(
    const auth::Principal& who, const v1::ListApplicationsRequest& req) {
  if (auto err = ValidateId("round_id", req.round_id())) return *err;
  auto round = store_.GetRound(req.round_id());
  if (!round.ok()) return round.error();
  if (!*round) return Error::NotFound("round " + req.round_id() + " not found");
  if (auto err = CheckRead(who, (*round)->jurisdiction())) return *err;
  auto apps = store_.ApplicationsOf(req.round_id());
  if (!apps.ok()) return apps.error();
  v1::ListApplicationsResponse out;
  for (const auto& a : *apps) *out.add_applications() = ToProto(a);
  return out;
}

Result<v1::CheckEligibilityResponse> Venture::CheckEligibility(
    const auth::Principal& who, const v1::CheckEligibilityRequest& req) {
  if (auto err = ValidateId("round_id", req.round_id())) return *err;
  if (auto err = ValidateId("organization_id", req.organization_id())) return *err;
  auto on = DayOrToday("on", req.on(), ChinaDate(clock_.Now()));
  if (!on.ok()) return on.error();
  auto round = store_.GetRound(req.round_id());
  if (!round.ok()) return round.error();
  if (!*round) return Error::NotFound("round " + req.round_id() + " not found");
  if (auto err = CheckRead(who, (*round)->jurisdiction())) return *err;
  auto facts = FactsOf(req.organization_id(), true, true, true);
  if (!facts.ok()) return facts.error();
  v1::CheckEligibilityResponse out;
  auto refusal = CheckApplicant((*round)->round, *facts, *on);
  out.set_eligible(!refusal.has_value());
  if (refusal) out.set_reason(refusal->message);
  auto credit = store_.GetCredit(req.organization_id());
  if (!credit.ok()) return credit.error();
  *out.mutable_credit() = CreditToProto(req.organization_id(), *credit, facts->credit.clawbacks);
  return out;
}

Result<v1::CreditFacts> Venture::GetCreditFacts(const auth::Principal& who,
                                                const v1::GetCreditFactsRequest& req) {
  if (auto err = ValidateId("organization_id", req.organization_id())) return *err;
  if (auto e = directory_.Get(req.organization_id()))
    if (auto err = CheckRead(who, e->jurisdiction)) return *err;
  auto credit = store_.GetCredit(req.organization_id());
  if (!credit.ok()) return credit.error();
  return CreditToProto(req.organization_id(), *credit, store_.ClawbacksOf(req.organization_id()));
}

}  // namespace socgov::welfare_venture
