// Annual reports (domain.md §3.2): the year's cohort, submission, the supervisory unit's review and
// the registry's conclusion. Exact counts travel in the events (AR-10): each submission and
// conclusion spends a counter with a guard, so the number an event carries is the number of
// commits before it, even under concurrent clerks.
#include <algorithm>
#include <set>

#include "platform/directory/directory.h"
#include "socgov/supervision/v1/events.pb.h"
#include "supervision/app/supervisor.h"
#include "supervision/app/support.h"
#include "supervision/app/to_proto.h"

namespace socgov::supervision {
namespace {

namespace ev = ::socgov::supervision::v1;
constexpr int kCounterAttempts = 8;

Status ValidateYear(int year, Date today) {
  const int now = static_cast<int>(std::chrono::year_month_day{today}.year());
  if (year < now - 5 || year > now)
    return Error::InvalidArgument("year", "must be one of the last five years or this year");
  return std::nullopt;
}

std::string ReportAnswered(const std::string& org, int year, std::int64_t version) {
  return "annual report " + org + "/" + std::to_string(year) + " (version " +
         std::to_string(version) + ")";
}
std::string AnsweredOf(const v1::AnnualReport& r) {
  return ReportAnswered(r.organization_id(), r.year(), r.version());
}

// Organizations of the directory that report for `year` here: registered by this authority on or
// before the cut-off, not filed community organizations (they report to their street office), and
// not ended.
bool InScope(const directory::Entry& e, const std::string& authority) {
  static const std::set<std::string> ended = {"CANCELLED", "REVOKED", "CERT_REVOKED",
                                              "FILING_REMOVED", "FILED"};
  return e.jurisdiction == authority && e.kind != "COMMUNITY" && !ended.contains(e.status);
}

OrgKind KindOf(const std::string& kind) {
  if (kind == "FOUNDATION") return OrgKind::kFoundation;
  if (kind == "SOCIAL_SERVICE") return OrgKind::kPrivateNonEnterprise;
  return OrgKind::kSocialGroup;
}

std::int64_t CounterValue(const store::Value& v) {
  if (v.is_nil()) return 0;
  try {
    return std::stoll(v.AsString());
  } catch (...) {
    return -1;
  }
}

}  // namespace

Supervisor::Supervisor(SupervisionStore& store, directory::Directory& directory,
                       SupervisionSettings settings, const Clock& clock)
    : store_(store), directory_(directory), settings_(std::move(settings)), clock_(clock) {}

Result<v1::ReportYear> Supervisor::OpenReportYear(const auth::Principal& who,
                                                  const v1::OpenReportYearRequest& in) {
  if (auto err = ValidateRequestId(in.request_id())) return *err;
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (auto err = ValidateYear(in.year(), today)) return *err;
  if (auto err = CheckWrite(who, settings_.authority)) return *err;
  const std::string year_key = keys::Year(settings_.authority, in.year());
  constexpr const char* kRpc = "OpenReportYear";
  const std::string idem = IdemOf(who, in.request_id());
  auto read = store_.ReadForCommand(kRpc, idem, {{"HGETALL", year_key}});
  const std::string target = "report year " + std::to_string(in.year());
  if (auto replay = CheckedReplay<v1::ReportYear>(read.prior, target, [](const v1::ReportYear& y) {
        return "report year " + std::to_string(y.year());
      }))
    return *replay;
  if (!store::FlatHash(read.rows[0]).empty())
    return Error::AlreadyExists("report year " + std::to_string(in.year()) + " is already open");

  const CohortRule rule{settings_.cohort_cutoff_month, settings_.cohort_cutoff_day};
  const std::chrono::year_month_day cutoff{std::chrono::year{in.year()},
                                           std::chrono::month{rule.cutoff_month},
                                           std::chrono::day{rule.cutoff_day}};
  std::vector<directory::Entry> cohort;
  for (auto& e : directory_.List(settings_.authority, 0, 1'000'000)) {
    if (!InScope(e, settings_.authority)) continue;
    auto registered = ParseDate(e.registered_on);
    if (!registered) continue;
    ReportingOrg org{KindOf(e.kind), false, e.supervisory_unit.empty(), *registered};
    auto in_cohort = InCohort(org, in.year(), rule);
    if (!in_cohort.ok()) return in_cohort.error();
    if (*in_cohort) cohort.push_back(std::move(e));
  }
  if (cohort.empty())
    return Error::FailedPrecondition("AR-05: no organization registered here on or before " +
                                     FormatDate(Date{cutoff}) + " (the cohort is empty)");
  std::sort(cohort.begin(), cohort.end(), [](auto& a, auto& b) { return a.id < b.id; });
  // AR-08: last year's non-pass obliges a rectification report this year.
  std::vector<std::vector<std::string>> nonpass_reads;
  for (const auto& e : cohort) nonpass_reads.push_back({"GET", keys::NonPass(e.id)});
  const auto nonpass = store_.Read(nonpass_reads);

  ReportYear y{settings_.authority, in.year(), static_cast<std::int64_t>(cohort.size()), today,
               Date{cutoff},        1};
  Mutation m;
  m.idem_key = keys::Idem(kRpc, idem);
  m.guards.push_back({Mutation::Guard::Kind::kAbsent, year_key, "", target});
  m.hashes.push_back({year_key, EncodeYear(y)});
  ev::ReportYearOpened body;
  body.set_jurisdiction(y.jurisdiction);
  body.set_year(y.year);
  body.set_cohort_size(y.cohort_size);
  body.set_cohort_cutoff(FormatDate(y.cohort_cutoff));
  for (size_t i = 0; i < cohort.size(); ++i) {
    const auto& e = cohort[i];
    ReportingOrg org{KindOf(e.kind), false, e.supervisory_unit.empty(),
                     *ParseDate(e.registered_on)};
    const bool prior_non_pass = nonpass[i].AsString() == std::to_string(in.year() - 1);
    AnnualReport r = OpenReport(e.id, e.name, e.jurisdiction, org, in.year(), prior_non_pass);
    m.hashes.push_back({keys::Report(in.year(), e.id), EncodeReport(r)});
    m.zops.push_back({keys::ReportState(in.year(), ReportState::kOpen), e.id, "0"});
    m.zops.push_back({keys::kDue, keys::DueMember(in.year(), e.id),
                      std::to_string(r.deadlines.registry.time_since_epoch().count())});
    body.add_organization_ids(e.id);
  }
  SetActor(who, body.mutable_actor());
  for (const char* r : {"AR-01", "AR-02", "AR-03", "AR-05", "AR-08"}) body.add_rule_ids(r);
  const v1::ReportYear response = ToProto(y, {});
  m.response = response.SerializeAsString();
  m.outbox_key = kOutboxKey;
  m.events = {MakeEvent(body, settings_.authority, "report_year", "opened",
                        y.jurisdiction + ":" + std::to_string(y.year), y.version, y.jurisdiction,
                        who.subject, now)};
  return Answer(store_.Mutate(m, target), response, target,
                [](const v1::ReportYear& r) { return "report year " + std::to_string(r.year()); });
}

Result<v1::ReportYear> Supervisor::GetReportYear(const auth::Principal& who,
                                                 const v1::GetReportYearRequest& in) {
  const std::string jur = in.jurisdiction().empty() ? settings_.authority : in.jurisdiction();
  if (auto err = CheckRead(who, jur)) return *err;
  const auto rows = store_.Read({{"HGETALL", keys::Year(jur, in.year())},
                                 {"GET", keys::YearCount(jur, in.year(), "submitted")},
                                 {"GET", keys::YearCount(jur, in.year(), "concluded")},
                                 {"ZCARD", keys::ReportState(in.year(), ReportState::kOverdue)}});
  const auto hash = store::FlatHash(rows[0]);
  if (hash.empty())
    return Error::NotFound("report year " + std::to_string(in.year()) + " of " + jur +
                           " is not open");
  auto y = DecodeYear(hash);
  if (!y.ok()) return y.error();
  return ToProto(*y, {CounterValue(rows[1]), CounterValue(rows[2]), rows[3].integer});
}

namespace {

// What a report command decided: the report after, its event, and extra writes.
struct ReportChange {
  AnnualReport after;
  std::vector<outbox::OutboxEvent> events;
  std::function<void(Mutation&)> extra;
};

}  // namespace

// The shape every report command shares: one read (replay, report, counter), decide, one
// mutation with the version guard and the state index moves; on a counter spent concurrently, run
// again.
template <typename Decide>
Result<v1::AnnualReport> ReportCommand(SupervisionStore& store, const auth::Principal& who,
                                       const char* rpc, const std::string& request_id,
                                       const std::string& org, int year, std::int64_t version,
                                       const std::string& counter_key, Date today, Decide decide) {
  if (auto err = ValidateRequestId(request_id)) return *err;
  if (auto err = ValidateId("organization_id", org)) return *err;
  if (auto err = ValidateYear(year, today)) return *err;
  const std::string key = keys::Report(year, org);
  const std::string idem = IdemOf(who, request_id);
  for (int attempt = 0;; ++attempt) {
    std::vector<std::vector<std::string>> reads = {{"HGETALL", key}};
    if (!counter_key.empty()) reads.push_back({"GET", counter_key});
    auto read = store.ReadForCommand(rpc, idem, reads);
    const auto hash = store::FlatHash(read.rows[0]);
    if (hash.empty())
      return Error::NotFound("annual report " + std::to_string(year) + " of " + org +
                             " not found (the year is not open, or the organization is not in "
                             "its cohort)");
    auto before = DecodeReport(hash);
    if (!before.ok()) return before.error();
    if (auto err = CheckWrite(who, before->jurisdiction)) return *err;
    const std::string target = ReportAnswered(org, year, version + 1);
    if (auto replay = CheckedReplay<v1::AnnualReport>(read.prior, target,
                                                      [](auto& r) { return AnsweredOf(r); }))
      return *replay;
    if (version != before->version)
      return Error::Aborted("annual report version " + std::to_string(version) +
                            " is stale (current " + std::to_string(before->version) + ")");
    const std::int64_t count = counter_key.empty() ? 0 : CounterValue(read.rows[1]);
    if (count < 0) return Error::Internal("counter " + counter_key + " is not a number");
    auto change = decide(*before, count + 1);
    if (!change.ok()) return change.error();
    Mutation m;
    m.idem_key = keys::Idem(rpc, idem);
    m.guards.push_back(
        {Mutation::Guard::Kind::kVersion, key, std::to_string(before->version), target});
    if (!counter_key.empty())
      m.guards.push_back(
          {Mutation::Guard::Kind::kCounter, counter_key, std::to_string(count), counter_key});
    m.hashes.push_back({key, EncodeReport(change->after)});
    if (change->after.state != before->state) {
      m.zops.push_back({keys::ReportState(year, before->state), org, ""});
      m.zops.push_back({keys::ReportState(year, change->after.state), org, "0"});
    }
    if (change->extra) change->extra(m);
    const v1::AnnualReport response = ToProto(change->after);
    m.response = response.SerializeAsString();
    m.outbox_key = kOutboxKey;
    m.events = std::move(change->events);
    auto out = store.Mutate(m, "annual report " + org + "/" + std::to_string(year));
    if (!out.ok() && store::IsCounterConflict(out.error()) && attempt + 1 < kCounterAttempts)
      continue;
    return Answer(out, response, target, [](auto& r) { return AnsweredOf(r); });
  }
}

Result<v1::AnnualReport> Supervisor::SubmitReport(const auth::Principal& who,
                                                  const v1::SubmitAnnualReportRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  auto received = DayOrToday("submitted_on", in.submitted_on(), today);
  if (!received.ok()) return received.error();
  const auto& s = in.sections();
  ReportSections sections{
      s.compliance(),
      s.registration_changes(),
      s.activities(),
      s.people(),
      s.party_building_report(),
      s.activity_count(),
      s.staff_fulltime(),
      Finances{s.finances().assets_fen(), s.finances().liabilities_fen(),
               s.finances().net_assets_fen(), s.finances().income_fen(),
               s.finances().expenses_fen(), s.finances().donations_received_fen(),
               s.finances().donations_given_fen()}};
  if (auto err = ValidateSections(sections)) return *err;
  const std::string counter = keys::YearCount(settings_.authority, in.year(), "submitted");
  const auto rows = store_.Read({{"HGET", keys::Year(settings_.authority, in.year()), "json"}});
  auto year = rows[0].is_nil() ? Result<ReportYear>(Error::NotFound("report year not open"))
                               : DecodeYear({"json", rows[0].AsString()});
  const std::int64_t cohort = year.ok() ? year->cohort_size : 0;
  return ReportCommand(
      store_, who, "SubmitAnnualReport", in.request_id(), in.organization_id(), in.year(),
      in.version(), counter, today,
      [&](const AnnualReport& before, std::int64_t count) -> Result<ReportChange> {
        auto after = supervision::SubmitReport(before, sections, in.rectification_report(),
                                               *received, today);
        if (!after.ok()) return after.error();
        ev::AnnualReportSubmitted body;
        body.set_organization_id(after->organization_id);
        body.set_jurisdiction(after->jurisdiction);
        body.set_year(after->year);
        body.set_submitted_on(FormatDate(*after->submitted_on));
        body.set_late(after->late);
        body.set_submitted_count(count);
        body.set_cohort_size(cohort);
        body.set_net_assets_fen(after->sections.finances.net_assets_fen);
        body.set_activity_count(after->sections.activity_count);
        SetActor(who, body.mutable_actor());
        for (const char* r : {"AR-01", "AR-08", "AR-10"}) body.add_rule_ids(r);
        ReportChange c{*after, {}, nullptr};
        c.events.push_back(MakeEvent(body, settings_.authority, "annual_report", "submitted",
                                     after->organization_id + ":" + std::to_string(after->year),
                                     after->version, after->jurisdiction, who.subject, now));
        const std::string due = keys::DueMember(after->year, after->organization_id);
        c.extra = [due](Mutation& m) { m.zops.push_back({keys::kDue, due, ""}); };
        return c;
      });
}

Result<v1::AnnualReport> Supervisor::ReviewReport(const auth::Principal& who,
                                                  const v1::ReviewAnnualReportRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  return ReportCommand(
      store_, who, "ReviewAnnualReport", in.request_id(), in.organization_id(), in.year(),
      in.version(), "", today,
      [&](const AnnualReport& before, std::int64_t) -> Result<ReportChange> {
        auto after =
            supervision::ReviewReport(before, in.passed(), in.opinion(), who.subject, today);
        if (!after.ok()) return after.error();
        ev::AnnualReportReviewed body;
        body.set_organization_id(after->organization_id);
        body.set_jurisdiction(after->jurisdiction);
        body.set_year(after->year);
        body.set_passed(in.passed());
        body.set_reviewed_on(FormatDate(today));
        SetActor(who, body.mutable_actor());
        return ReportChange{*after,
                            {MakeEvent(body, settings_.authority, "annual_report", "reviewed",
                                       after->organization_id + ":" + std::to_string(after->year),
                                       after->version, after->jurisdiction, who.subject, now)},
                            nullptr};
      });
}

Result<v1::AnnualReport> Supervisor::ConcludeReport(const auth::Principal& who,
                                                    const v1::ConcludeAnnualReportRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  std::vector<Finding> findings;
  for (int f : in.findings()) {
    if (f <= 0 || f > v1::Finding_MAX) return Error::InvalidArgument("findings", "unknown finding");
    findings.push_back(FromProtoEnum<Finding>(static_cast<v1::Finding>(f)));
  }
  const std::string counter = keys::YearCount(settings_.authority, in.year(), "concluded");
  const auto rows = store_.Read({{"HGET", keys::Year(settings_.authority, in.year()), "json"}});
  auto year = rows[0].is_nil() ? Result<ReportYear>(Error::NotFound("report year not open"))
                               : DecodeYear({"json", rows[0].AsString()});
  const std::int64_t cohort = year.ok() ? year->cohort_size : 0;
  return ReportCommand(
      store_, who, "ConcludeAnnualReport", in.request_id(), in.organization_id(), in.year(),
      in.version(), counter, today,
      [&](const AnnualReport& before, std::int64_t count) -> Result<ReportChange> {
        auto after = supervision::ConcludeReport(before, findings, today);
        if (!after.ok()) return after.error();
        ev::AnnualReportConcluded body;
        body.set_organization_id(after->organization_id);
        body.set_jurisdiction(after->jurisdiction);
        body.set_year(after->year);
        body.set_conclusion(ToProtoEnum<ev::Conclusion>(after->conclusion->conclusion));
        for (const auto& r : after->conclusion->reasons) body.add_reasons(r);
        body.set_concluded_on(FormatDate(today));
        body.set_concluded_count(count);
        body.set_cohort_size(cohort);
        SetActor(who, body.mutable_actor());
        for (const char* r : {"AR-06", "AR-07"}) body.add_rule_ids(r);
        ReportChange c{*after, {}, nullptr};
        c.events.push_back(MakeEvent(body, settings_.authority, "annual_report", "concluded",
                                     after->organization_id + ":" + std::to_string(after->year),
                                     after->version, after->jurisdiction, who.subject, now));
        if (IsNonPass(*after->conclusion)) {
          const std::string key = keys::NonPass(after->organization_id);
          const std::string y = std::to_string(after->year);
          c.extra = [key, y](Mutation& m) { m.sets.push_back({key, y, 0}); };
        }
        return c;
      });
}

Result<v1::AnnualReport> Supervisor::GetReport(const auth::Principal& who,
                                               const v1::GetAnnualReportRequest& in) {
  if (auto err = ValidateId("organization_id", in.organization_id())) return *err;
  const auto rows = store_.Read({{"HGETALL", keys::Report(in.year(), in.organization_id())}});
  const auto hash = store::FlatHash(rows[0]);
  if (hash.empty())
    return Error::NotFound("annual report " + std::to_string(in.year()) + " of " +
                           in.organization_id() + " not found");
  auto r = DecodeReport(hash);
  if (!r.ok()) return r.error();
  if (auto err = CheckRead(who, r->jurisdiction)) return *err;
  return ToProto(*r);
}

Result<v1::ListAnnualReportsResponse> Supervisor::ListReports(
    const auth::Principal& who, const v1::ListAnnualReportsRequest& in) {
  if (auto err = CheckRead(who, settings_.authority)) return *err;
  const int size = in.page().page_size() <= 0 ? 100 : std::min(in.page().page_size(), 1000);
  std::vector<ReportState> states;
  if (in.state() == v1::REPORT_STATE_UNSPECIFIED)
    states = {ReportState::kOpen, ReportState::kSubmitted, ReportState::kSupervisorReviewed,
              ReportState::kConcluded, ReportState::kOverdue};
  else if (in.state() > 0 && in.state() <= v1::ReportState_MAX)
    states = {FromProtoEnum<ReportState>(in.state())};
  else
    return Error::InvalidArgument("state", "unknown state");
  // Pages are in organization-id order across the chosen states (lexicographic ZSET ranges).
  const std::string after = in.page().page_token();
  std::vector<std::string> ids;
  for (ReportState s : states) {
    const auto rows =
        store_.Read({{"ZRANGEBYLEX", keys::ReportState(in.year(), s),
                      after.empty() ? "-" : "(" + after, "+", "LIMIT", "0", std::to_string(size)}});
    for (const auto& e : rows[0].elements) ids.push_back(e.str);
  }
  std::sort(ids.begin(), ids.end());
  if (ids.size() > static_cast<size_t>(size)) ids.resize(size);
  std::vector<std::vector<std::string>> reads;
  for (const auto& id : ids) reads.push_back({"HGETALL", keys::Report(in.year(), id)});
  v1::ListAnnualReportsResponse out;
  for (const auto& row : store_.Read(reads)) {
    auto r = DecodeReport(store::FlatHash(row));
    if (!r.ok()) return r.error();
    *out.add_reports() = ToProto(*r);
  }
  if (ids.size() == static_cast<size_t>(size)) out.mutable_page()->set_next_page_token(ids.back());
  return out;
}

}  // namespace socgov::supervision
