// The date-driven rules, as of a day: AR-09 overdue reports (→ CR-01(a)), CR-01(c) overdue
// rectifications, and the credit transitions time alone makes (CR-05 six months, CR-06(1) two
// years). Each item is its own mutation with version guards, so a sweep racing a clerk loses only
// that item, which the next sweep (hourly) takes up; running it twice changes nothing.
#include "socgov/supervision/v1/events.pb.h"
#include "supervision/app/supervisor.h"
#include "supervision/app/support.h"
#include "supervision/app/to_proto.h"

namespace socgov::supervision {
namespace {

namespace ev = ::socgov::supervision::v1;
constexpr int kBatch = 500;

// The mutate script always writes an idempotency record: a sweep item's names what it changed
// and at which version, so a repeated item is a no-op, and it expires after a day.
void SweepIdem(Mutation& m, const std::string& what, std::int64_t version) {
  m.idem_key = keys::Idem("Sweep", what + "@" + std::to_string(version));
  m.idem_ttl_seconds = 24 * 3600;
}

bool Committed(const Result<CommandOutcome>& out) {
  return out.ok() && out->kind == CommandOutcome::Kind::kApplied;
}

}  // namespace

Result<v1::SweepResponse> Supervisor::Sweep(const auth::Principal& who,
                                            const v1::SweepRequest& in) {
  if (!in.request_id().empty())
    if (auto err = ValidateRequestId(in.request_id())) return *err;
  if (auto err = CheckWrite(who, settings_.authority)) return *err;
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  auto as_of = DayOrToday("as_of", in.as_of(), today);
  if (!as_of.ok()) return as_of.error();
  const Date day = *as_of;
  v1::SweepResponse out;
  out.set_as_of(FormatDate(day));

  // AR-09: OPEN reports whose registry deadline is before the day.
  const std::string before_day = "(" + std::to_string(day.time_since_epoch().count());
  for (;;) {
    const auto due = store_.Read(
        {{"ZRANGEBYSCORE", keys::kDue, "-inf", before_day, "LIMIT", "0", std::to_string(kBatch)}});
    if (due[0].elements.empty()) break;
    int progressed = 0;
    for (const auto& member : due[0].elements) {
      const auto colon = member.str.find(':');
      if (colon == std::string::npos) continue;
      const int year = std::stoi(member.str.substr(0, colon));
      const std::string org = member.str.substr(colon + 1);
      const auto rows =
          store_.Read({{"HGETALL", keys::Report(year, org)}, {"HGETALL", keys::Credit(org)}});
      auto report = DecodeReport(store::FlatHash(rows[0]));
      Mutation m;
      SweepIdem(m, "due:" + member.str, report.ok() ? report->version : 0);
      m.zops.push_back({keys::kDue, member.str, ""});
      std::optional<OverdueOutcome> overdue;
      if (report.ok()) overdue = MarkOverdue(*report, day);
      if (overdue) {
        auto account = AccountOf(rows[1], org, report->jurisdiction);
        if (!account.ok()) return account.error();
        m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Report(year, org),
                            std::to_string(report->version), "annual report"});
        m.hashes.push_back({keys::Report(year, org), EncodeReport(overdue->report)});
        m.zops.push_back({keys::ReportState(year, report->state), org, ""});
        m.zops.push_back({keys::ReportState(year, ReportState::kOverdue), org, "0"});
        ev::AnnualReportOverdue body;
        body.set_organization_id(org);
        body.set_jurisdiction(report->jurisdiction);
        body.set_year(year);
        body.set_registry_deadline(FormatDate(report->deadlines.registry));
        SetActor(who, body.mutable_actor());
        for (const char* r : {"AR-09", "CR-01"}) body.add_rule_ids(r);
        m.outbox_key = kOutboxKey;
        m.events.push_back(MakeEvent(body, settings_.authority, "annual_report", "overdue",
                                     org + ":" + std::to_string(year), overdue->report.version,
                                     report->jurisdiction, who.subject, now));
        const auto listed_before = OpenListing(account->record) != nullptr;
        auto after =
            AddCreditEvent(m, *account, overdue->credit_event,
                           "annual report " + std::to_string(year), who, settings_.authority, now);
        if (!after.ok()) return after.error();
        if (Committed(store_.Mutate(m, "overdue report " + org))) {
          out.set_reports_overdue(out.reports_overdue() + 1);
          if (!listed_before && OpenListing(after->record)) out.set_listed(out.listed() + 1);
          ++progressed;
        }
      } else if (Committed(store_.Mutate(m, "due index"))) {
        ++progressed;  // submitted or concluded meanwhile: only the index entry goes
      }
    }
    if (progressed == 0 || due[0].elements.size() < static_cast<size_t>(kBatch)) break;
  }

  // CR-01(c): rectifications whose deadline passed.
  const auto plans = store_.Read({{"ZRANGE", keys::kPlans, "0", "-1"}});
  for (const auto& id : plans[0].elements) {
    const auto rows = store_.Read({{"HGETALL", keys::Plan(id.str)}});
    auto plan = DecodePlan(store::FlatHash(rows[0]));
    if (!plan.ok() || plan->state == PlanState::kCreated) continue;
    SamplingPlan after = *plan;
    const auto overdue = MarkOverdueRectifications(after, day);
    if (overdue.empty()) continue;
    std::vector<std::vector<std::string>> reads;
    for (const auto& o : overdue) reads.push_back({"HGETALL", keys::Credit(o.organization_id)});
    const auto accounts = store_.Read(reads);
    Mutation m;
    SweepIdem(m, "plan:" + after.id, plan->version);
    m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Plan(after.id),
                        std::to_string(plan->version), "plan " + after.id});
    m.hashes.push_back({keys::Plan(after.id), EncodePlan(after)});
    m.outbox_key = kOutboxKey;
    int listed = 0;
    for (size_t i = 0; i < overdue.size(); ++i) {
      const auto& o = overdue[i];
      ev::RectificationChanged body;
      body.set_plan_id(after.id);
      body.set_organization_id(o.organization_id);
      body.set_jurisdiction(after.jurisdiction);
      body.set_rectification_deadline(FormatDate(o.deadline));
      SetActor(who, body.mutable_actor());
      m.events.push_back(MakeEvent(body, settings_.authority, "inspection", "rectification_overdue",
                                   after.id, after.version, after.jurisdiction, who.subject, now));
      auto account = AccountOf(accounts[i], o.organization_id, after.jurisdiction);
      if (!account.ok()) return account.error();
      const bool was = OpenListing(account->record) != nullptr;
      auto credited = AddCreditEvent(m, *account, o.credit_event, "sampling plan " + after.id, who,
                                     settings_.authority, now);
      if (!credited.ok()) return credited.error();
      if (!was && OpenListing(credited->record)) ++listed;
    }
    if (Committed(store_.Mutate(m, "overdue rectifications of plan " + after.id))) {
      out.set_rectifications_overdue(out.rectifications_overdue() +
                                     static_cast<int>(overdue.size()));
      out.set_listed(out.listed() + listed);
    }
  }

  // CR-05 / CR-06(1): what time alone changes on open listings.
  for (CreditList list : {CreditList::kAbnormal, CreditList::kSerious}) {
    const auto ids = store_.Read({{"ZRANGE", keys::CreditList(list), "0", "-1"}});
    for (const auto& id : ids[0].elements) {
      const auto rows = store_.Read({{"HGETALL", keys::Credit(id.str)}});
      auto account = DecodeCredit(store::FlatHash(rows[0]));
      if (!account.ok()) continue;
      CreditAccount after = *account;
      after.record = AdvanceTo(after.record, day);
      const auto changes = ChangesBetween(account->record, after.record);
      if (changes.empty()) continue;
      Mutation m;
      SweepIdem(m, "credit:" + id.str, account->version);
      m.outbox_key = kOutboxKey;
      AddCreditWrite(m, *account, after, "sweep as of " + FormatDate(day), who, settings_.authority,
                     now);
      if (!Committed(store_.Mutate(m, "credit " + id.str))) continue;
      for (const auto& c : changes) {
        if (c.kind == CreditChange::Kind::kEscalated) out.set_escalated(out.escalated() + 1);
        if (c.kind == CreditChange::Kind::kRemoved) out.set_removed(out.removed() + 1);
      }
    }
  }
  return out;
}

}  // namespace socgov::supervision
