// Outcomes of funded projects — activities and their exact totals per project, round, category
// and jurisdiction, published as events for the dashboard (numerators, never averages) — and the
// year's public disclosure (VC-11) as CSV or JSONL.
#include <nlohmann/json.hpp>

#include "platform/auth/scope.h"
#include "platform/store/mutation.h"
#include "platform/util/csv.h"
#include "socgov/welfare_venture/v1/events.pb.h"
#include "welfare_venture/app/support.h"
#include "welfare_venture/app/to_proto.h"
#include "welfare_venture/app/venture.h"
#include "welfare_venture/domain/disclosure.h"

namespace socgov::welfare_venture {
namespace {

namespace ev = ::socgov::welfare_venture::v1;

constexpr int kMaxVolunteersPerActivity = 1000;
// A report retried after a concurrent report spent a totals counter (the counter guards keep the
// totals' sequences gap-free and their figures exact).
constexpr int kCounterAttempts = 8;

const char* GroupName(GroupBy g) {
  switch (g) {
    case GroupBy::kProject:
      return "PROJECT";
    case GroupBy::kRound:
      return "ROUND";
    case GroupBy::kCategory:
      return "CATEGORY";
    case GroupBy::kJurisdiction:
      return "JURISDICTION";
  }
  return "UNKNOWN";
}

std::string KeyOf(const VentureProject& p, GroupBy g) {
  switch (g) {
    case GroupBy::kProject:
      return p.id;
    case GroupBy::kRound:
      return p.round_id;
    case GroupBy::kCategory:
      return std::string(CategoryName(p.category));
    case GroupBy::kJurisdiction:
      return p.jurisdiction;
  }
  return "";
}

// Projects in `jurisdiction`'s tree (and of `round_id` when given) with their activities.
struct Scope {
  std::vector<VentureProject> projects;
  std::vector<Activity> activities;
};

Result<Scope> ScopeOf(WelfareVentureStore& store, const std::string& jurisdiction,
                      const std::string& round_id) {
  auto all = store.AllProjects();
  if (!all.ok()) return all.error();
  Scope s;
  for (const auto& p : *all) {
    if (!auth::JurisdictionCovers(jurisdiction, p.jurisdiction())) continue;
    if (!round_id.empty() && p.project.round_id != round_id) continue;
    s.projects.push_back(p.project);
    auto acts = store.ActivitiesOf(p.project.id);
    if (!acts.ok()) return acts.error();
    for (auto& a : *acts) s.activities.push_back(std::move(a.activity));
  }
  return s;
}

}  // namespace

Result<v1::Activity> Venture::ReportActivity(const auth::Principal& who,
                                             const v1::ReportActivityRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  const auto& in = req.activity();
  if (auto err = ValidateId("activity.project_id", in.project_id())) return *err;
  // An activity is reported after it took place.
  auto day = DayOrToday("activity.on", in.on(), ChinaDate(clock_.Now()));
  if (!day.ok()) return day.error();
  if (in.on().empty()) return Error::InvalidArgument("activity.on", "is required");
  if (auto err = CheckText("activity.place", in.place(), 300)) return *err;
  if (in.volunteer_ids_size() > kMaxVolunteersPerActivity)
    return Error::InvalidArgument("activity.volunteer_ids", "more than 1000");
  Activity a;
  a.id = "draft";
  a.project_id = in.project_id();
  a.on = *day;
  a.place = in.place();
  a.people_served = in.people_served();
  a.volunteer_hours = in.volunteer_hours();
  a.volunteer_ids = {in.volunteer_ids().begin(), in.volunteer_ids().end()};
  const std::string idem = store::IdempotencyKey(who.subject, req.request_id());
  for (int attempt = 1;; ++attempt) {
    const TimePoint now = clock_.Now();
    auto read =
        store_.ReadForCommand("ReportActivity", idem, {{"HGETALL", keys::Project(a.project_id)}});
    if (read.prior) return store::Replay<v1::Activity>(*read.prior);
    const auto hash = store::FlatHash(read.rows[0]);
    if (hash.empty()) return Error::NotFound("project " + a.project_id + " not found");
    auto project = DecodeProject(hash);
    if (!project.ok()) return project.error();
    if (auto err = CheckWrite(who, project->jurisdiction())) return *err;
    // VC-08: only a funded project still running reports activities; the fields within range.
    auto checked = welfare_venture::ReportActivity(project->project, a);
    if (!checked.ok()) return checked.error();
    auto serial = store_.Increment(keys::Serial("activity"));
    if (!serial.ok()) return serial.error();
    StoredActivity s{*checked, project->jurisdiction(), 1};
    s.activity.id = a.project_id + "-A" + std::to_string(*serial);
    auto scope = ScopeOf(store_, project->jurisdiction(), "");
    if (!scope.ok()) return scope.error();
    scope->activities.push_back(s.activity);

    Mutation m;
    m.idem_key = keys::Idem("ReportActivity", idem);
    m.outbox_key = kOutboxKey;
    // The project as read (funded, running) is the one the activity is recorded against.
    m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Project(a.project_id),
                        std::to_string(project->version), "project " + a.project_id});
    m.guards.push_back({Mutation::Guard::Kind::kAbsent, keys::Activity(s.activity.id), "",
                        "activity " + s.activity.id});
    m.hashes.push_back({keys::Activity(s.activity.id), EncodeActivity(s)});
    m.zops.push_back({keys::ActivitiesOf(a.project_id), s.activity.id, std::to_string(*serial)});
    ev::ActivityReported r;
    r.set_activity_id(s.activity.id);
    r.set_project_id(a.project_id);
    r.set_jurisdiction(s.jurisdiction);
    r.set_on(FormatDate(s.activity.on));
    r.set_place(s.activity.place);
    r.set_people_served(s.activity.people_served);
    r.set_volunteer_hours(s.activity.volunteer_hours);
    r.set_volunteers(static_cast<std::int64_t>(s.activity.volunteer_ids.size()));
    SetActor(who, r.mutable_actor());
    m.events.push_back(MakeEvent(r, authority_, "activity", "reported", s.activity.id, 1,
                                 s.jurisdiction, who.subject, now));
    // The four groups this project counts in, each with its own gap-free sequence.
    for (GroupBy g :
         {GroupBy::kProject, GroupBy::kRound, GroupBy::kCategory, GroupBy::kJurisdiction}) {
      auto groups = TotalsBy(scope->projects, scope->activities, g);
      if (!groups.ok()) return groups.error();
      const std::string key = KeyOf(project->project, g);
      const auto it = std::find_if(groups->begin(), groups->end(),
                                   [&](const GroupTotals& t) { return t.key == key; });
      if (it == groups->end()) return Error::Internal("totals lost group " + key);
      const std::string aggregate_id = std::string(GroupName(g)) + ":" + key;
      const std::string counter = keys::Serial("totals:" + aggregate_id);
      const auto row = store_.Read({{"GET", counter}});
      const std::int64_t seq = row[0].str.empty() ? 0 : std::atoll(row[0].str.c_str());
      m.guards.push_back(
          {Mutation::Guard::Kind::kCounter, counter, std::to_string(seq), "totals " + key});
      ev::OutcomeTotalsChanged t;
      t.set_group_by(GroupName(g));
      t.set_key(key);
      t.set_jurisdiction(s.jurisdiction);
      t.set_projects(it->totals.projects);
      t.set_activities(it->totals.activities);
      t.set_people_served(it->totals.people_served);
      t.set_volunteer_hours(it->totals.volunteer_hours);
      t.set_volunteer_turnouts(it->totals.volunteer_turnouts);
      t.set_distinct_volunteers(it->totals.distinct_volunteers);
      t.set_cause("activity.reported");
      t.add_rule_ids("VC-11");
      m.events.push_back(MakeEvent(t, authority_, "outcome", "totals_changed", aggregate_id,
                                   seq + 1, s.jurisdiction, who.subject, now));
    }
    const v1::Activity response = ToProto(s);
    m.response = response.SerializeAsString();
    auto out = store_.Mutate(m, "activity " + s.activity.id);
    if (!out.ok() && store::IsCounterConflict(out.error()) && attempt < kCounterAttempts) continue;
    return store::Answer(out, response);
  }
}

Result<v1::ListActivitiesResponse> Venture::ListActivities(const auth::Principal& who,
                                                           const v1::ListActivitiesRequest& req) {
  if (auto err = ValidateId("project_id", req.project_id())) return *err;
  auto p = store_.GetProject(req.project_id());
  if (!p.ok()) return p.error();
  if (!*p) return Error::NotFound("project " + req.project_id() + " not found");
  if (auto err = CheckRead(who, (*p)->jurisdiction())) return *err;
  auto acts = store_.ActivitiesOf(req.project_id());
  if (!acts.ok()) return acts.error();
  v1::ListActivitiesResponse out;
  for (const auto& a : *acts) *out.add_activities() = ToProto(a);
  return out;
}

Result<v1::GetOutcomeTotalsResponse> Venture::GetOutcomeTotals(
    const auth::Principal& who, const v1::GetOutcomeTotalsRequest& req) {
  if (req.group_by() < v1::GROUP_BY_PROJECT || req.group_by() > v1::GROUP_BY_JURISDICTION)
    return Error::InvalidArgument("group_by", "required: PROJECT, ROUND, CATEGORY or JURISDICTION");
  const std::string jur = req.jurisdiction().empty() ? who.jurisdiction : req.jurisdiction();
  if (auto err = CheckRead(who, jur)) return *err;
  auto scope = ScopeOf(store_, jur, req.round_id());
  if (!scope.ok()) return scope.error();
  auto groups =
      TotalsBy(scope->projects, scope->activities, static_cast<GroupBy>(int(req.group_by()) - 1));
  if (!groups.ok()) return groups.error();
  auto all = TotalsOf(scope->projects, scope->activities);
  if (!all.ok()) return all.error();
  v1::GetOutcomeTotalsResponse out;
  for (const auto& g : *groups) {
    auto* pg = out.add_groups();
    pg->set_key(g.key);
    ToProto(g.totals, pg->mutable_totals());
  }
  ToProto(*all, out.mutable_all());
  return out;
}

Result<v1::ExportDisclosureResponse> Venture::ExportDisclosure(
    const auth::Principal& who, const v1::ExportDisclosureRequest& req) {
  const std::string jur = req.jurisdiction().empty() ? who.jurisdiction : req.jurisdiction();
  if (auto err = CheckRead(who, jur)) return *err;
  auto scope = ScopeOf(store_, jur, "");
  if (!scope.ok()) return scope.error();
  if (req.page_size() < 0 || req.page_size() > 500)
    return Error::InvalidArgument("page_size", "must be 0..500");
  std::size_t offset = 0;
  if (!req.page_token().empty()) {
    if (req.page_token().size() > 9 ||
        req.page_token().find_first_not_of("0123456789") != std::string::npos)
      return Error::InvalidArgument("page_token", "not a token of this export");
    offset = static_cast<std::size_t>(std::stoul(req.page_token()));
  }
  auto all_rows = BuildDisclosure(req.year(), scope->projects, scope->activities);
  if (!all_rows.ok()) return all_rows.error();
  const std::size_t size = req.page_size() == 0 ? 500 : static_cast<std::size_t>(req.page_size());
  if (offset > all_rows->size()) return Error::InvalidArgument("page_token", "past the end");
  const auto first = all_rows->begin() + static_cast<std::ptrdiff_t>(offset);
  const auto last =
      all_rows->begin() + static_cast<std::ptrdiff_t>(std::min(all_rows->size(), offset + size));
  const std::vector<DisclosureRow> page(first, last);
  const std::vector<DisclosureRow>* rows = &page;
  v1::ExportDisclosureResponse out;
  out.set_total(static_cast<std::int32_t>(all_rows->size()));
  if (offset + size < all_rows->size()) out.set_next_page_token(std::to_string(offset + size));
  const bool jsonl = req.format() == v1::EXPORT_FORMAT_JSONL;
  std::string text;
  if (!jsonl && offset == 0)
    text =
        "project_id,round_id,name,content,organization_id,category,period_from,period_until,"
        "amount_fen,disbursed_fen,spent_fen,returned_fen,execution,midterm,final_result,"
        "activities,people_served,volunteer_hours\n";
  for (const auto& r : *rows) {
    auto* p = out.add_rows();
    p->set_project_id(r.project_id);
    p->set_round_id(r.round_id);
    p->set_name(r.name);
    p->set_content(r.content);
    p->set_organization_id(r.org_id);
    p->set_category(r.category);
    p->set_period_from(FormatDate(r.period_from));
    p->set_period_until(FormatDate(r.period_until));
    p->set_amount_fen(r.amount_fen);
    p->set_disbursed_fen(r.disbursed_fen);
    p->set_spent_fen(r.spent_fen);
    p->set_returned_fen(r.returned_fen);
    p->set_execution(r.execution);
    p->set_midterm(r.midterm);
    p->set_final_result(r.final_result);
    p->set_activities(r.activities);
    p->set_people_served(r.people_served);
    p->set_volunteer_hours(r.volunteer_hours);
    if (jsonl) {
      nlohmann::json j = {{"project_id", r.project_id},
                          {"round_id", r.round_id},
                          {"name", r.name},
                          {"content", r.content},
                          {"organization_id", r.org_id},
                          {"category", r.category},
                          {"period_from", p->period_from()},
                          {"period_until", p->period_until()},
                          {"amount_fen", r.amount_fen},
                          {"disbursed_fen", r.disbursed_fen},
                          {"spent_fen", r.spent_fen},
                          {"returned_fen", r.returned_fen},
                          {"execution", r.execution},
                          {"midterm", r.midterm},
                          {"final_result", r.final_result},
                          {"activities", r.activities},
                          {"people_served", r.people_served},
                          {"volunteer_hours", r.volunteer_hours}};
      text += j.dump() + "\n";
      continue;
    }
    const std::vector<std::string> f = {r.project_id,
                                        r.round_id,
                                        r.name,
                                        r.content,
                                        r.org_id,
                                        r.category,
                                        p->period_from(),
                                        p->period_until(),
                                        std::to_string(r.amount_fen),
                                        std::to_string(r.disbursed_fen),
                                        std::to_string(r.spent_fen),
                                        std::to_string(r.returned_fen),
                                        r.execution,
                                        r.midterm,
                                        r.final_result,
                                        std::to_string(r.activities),
                                        std::to_string(r.people_served),
                                        std::to_string(r.volunteer_hours)};
    for (size_t i = 0; i < f.size(); ++i) text += (i ? "," : "") + CsvField(f[i]);
    text += "\n";
  }
  out.set_text(std::move(text));
  return out;
}

}  // namespace socgov::welfare_venture
