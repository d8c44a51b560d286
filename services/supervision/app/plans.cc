// Double-random sampling plans (双随机、一公开): create, draw reproducibly from the directory's
// organizations, record inspections, interviews and rectifications, publish.
#include <random>

#include "platform/directory/directory.h"
#include "socgov/supervision/v1/events.pb.h"
#include "supervision/app/supervisor.h"
#include "supervision/app/support.h"
#include "supervision/app/to_proto.h"

namespace socgov::supervision {
namespace {

namespace ev = ::socgov::supervision::v1;

std::string PlanAnswered(const std::string& id, std::int64_t version) {
  return "plan " + id + " (version " + std::to_string(version) + ")";
}
std::string AnsweredOf(const v1::SamplingPlan& p) { return PlanAnswered(p.id(), p.version()); }

// A seed nobody chose: 128 bits of system entropy, as hex. Published with the draw, so the
// sample can be checked, but not predicted before the plan exists.
std::string EntropySeed() {
  std::random_device rd;
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 8; ++i) {
    const unsigned v = rd();
    for (int k = 0; k < 4; ++k) s += hex[(v >> (k * 4)) & 0xf];
  }
  return s;
}

// The draw's population: the organizations registered (not filed) here and still active.
bool InPopulation(const directory::Entry& e, const std::string& authority) {
  return e.jurisdiction == authority && e.kind != "COMMUNITY" &&
         (e.status == "ACTIVE" || e.status == "CHANGE_PENDING");
}

}  // namespace

Result<v1::SamplingPlan> Supervisor::CreatePlan(const auth::Principal& who,
                                                const v1::CreateSamplingPlanRequest& in) {
  if (auto err = ValidateRequestId(in.request_id())) return *err;
  if (auto err = CheckWrite(who, settings_.authority)) return *err;
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (in.level() <= v1::PLAN_LEVEL_UNSPECIFIED || in.level() > v1::PlanLevel_MAX)
    return Error::InvalidArgument("level", "COUNTY, CITY or PROVINCE");
  NewPlan plan{
      "",
      settings_.authority,
      in.title(),
      in.content(),
      in.seed().empty() ? EntropySeed() : in.seed(),
      in.year(),
      supervision::DrawPlan{in.ratio_permille(), FromProtoEnum<JurisdictionLevel>(in.level()),
                            in.inspectors_per_check() == 0 ? 2 : in.inspectors_per_check()},
      {in.inspector_pool().begin(), in.inspector_pool().end()}};
  // Validated before an id is spent.
  auto probe = supervision::CreatePlan(plan, today);
  if (!probe.ok()) return probe.error();
  constexpr const char* kRpc = "CreateSamplingPlan";
  const std::string idem = IdemOf(who, in.request_id());
  auto read = store_.ReadForCommand(kRpc, idem, {});
  if (read.prior) return store::Replay<v1::SamplingPlan>(*read.prior);
  auto serial = store_.Increment(keys::kPlanSerial);
  if (!serial.ok()) return serial.error();
  SamplingPlan p = *probe;
  p.id = settings_.authority + "-" + std::to_string(p.year) + "-" + std::to_string(*serial);
  Mutation m;
  m.idem_key = keys::Idem(kRpc, idem);
  m.guards.push_back({Mutation::Guard::Kind::kAbsent, keys::Plan(p.id), "", "plan " + p.id});
  m.hashes.push_back({keys::Plan(p.id), EncodePlan(p)});
  m.zops.push_back({keys::kPlans, p.id, std::to_string(*serial)});
  const v1::SamplingPlan response = ToProto(p);
  m.response = response.SerializeAsString();
  return Answer(store_.Mutate(m, "plan " + p.id), response);
}

// One plan command: read, check version, decide, commit with the plan's events.
template <typename Decide>
Result<v1::SamplingPlan> PlanCommand(SupervisionStore& store, const auth::Principal& who,
                                     const char* rpc, const std::string& request_id,
                                     const std::string& plan_id, std::int64_t version,
                                     Decide decide) {
  if (auto err = ValidateRequestId(request_id)) return *err;
  if (auto err = ValidateId("plan_id", plan_id)) return *err;
  const std::string idem = IdemOf(who, request_id);
  const std::string key = keys::Plan(plan_id);
  auto read = store.ReadForCommand(rpc, idem, {{"HGETALL", key}});
  const auto hash = store::FlatHash(read.rows[0]);
  if (hash.empty()) return Error::NotFound("plan " + plan_id + " not found");
  auto before = DecodePlan(hash);
  if (!before.ok()) return before.error();
  if (auto err = CheckWrite(who, before->jurisdiction)) return *err;
  const std::string target = PlanAnswered(plan_id, version + 1);
  if (auto replay = CheckedReplay<v1::SamplingPlan>(read.prior, target,
                                                    [](auto& p) { return AnsweredOf(p); }))
    return *replay;
  if (version != before->version)
    return Error::Aborted("plan version " + std::to_string(version) + " is stale (current " +
                          std::to_string(before->version) + ")");
  Mutation m;
  m.idem_key = keys::Idem(rpc, idem);
  auto after = decide(*before, m);
  if (!after.ok()) return after.error();
  m.guards.insert(m.guards.begin(), {Mutation::Guard::Kind::kVersion, key,
                                     std::to_string(before->version), "plan " + plan_id});
  m.hashes.insert(m.hashes.begin(), {key, EncodePlan(*after)});
  const v1::SamplingPlan response = ToProto(*after);
  m.response = response.SerializeAsString();
  m.outbox_key = kOutboxKey;
  return Answer(store.Mutate(m, "plan " + plan_id), response, target,
                [](auto& p) { return AnsweredOf(p); });
}

Result<v1::SamplingPlan> Supervisor::DrawPlan(const auth::Principal& who,
                                              const v1::DrawSamplingPlanRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  return PlanCommand(
      store_, who, "DrawSamplingPlan", in.request_id(), in.plan_id(), in.version(),
      [&](const SamplingPlan& before, Mutation& m) -> Result<SamplingPlan> {
        std::vector<std::string> population;
        for (const auto& e : directory_.List(settings_.authority, 0, 1'000'000))
          if (InPopulation(e, settings_.authority)) population.push_back(e.id);
        auto after = DrawSample(before, std::move(population), today);
        if (!after.ok()) return after.error();
        ev::SamplingPlanDrawn body;
        body.set_plan_id(after->id);
        body.set_jurisdiction(after->jurisdiction);
        body.set_year(after->year);
        body.set_ratio_permille(after->draw.ratio_permille);
        body.set_seed(after->seed);
        body.set_population_hash(after->population_hash);
        body.set_population_size(static_cast<std::int64_t>(after->population.size()));
        for (const auto& i : after->inspections) body.add_organization_ids(i.organization_id);
        body.set_drawn_on(FormatDate(today));
        body.set_inspectors_per_check(after->draw.inspectors_per_check);
        SetActor(who, body.mutable_actor());
        body.add_rule_ids("抽查暂行办法 Art 5");
        m.events.push_back(MakeEvent(body, settings_.authority, "sampling_plan", "drawn", after->id,
                                     after->version, after->jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::SamplingPlan> Supervisor::GetPlan(const auth::Principal& who,
                                             const v1::GetSamplingPlanRequest& in) {
  if (auto err = ValidateId("plan_id", in.plan_id())) return *err;
  const auto rows = store_.Read({{"HGETALL", keys::Plan(in.plan_id())}});
  const auto hash = store::FlatHash(rows[0]);
  if (hash.empty()) return Error::NotFound("plan " + in.plan_id() + " not found");
  auto p = DecodePlan(hash);
  if (!p.ok()) return p.error();
  if (auto err = CheckRead(who, p->jurisdiction)) return *err;
  return ToProto(*p);
}

Result<v1::SamplingPlan> Supervisor::RecordInspection(const auth::Principal& who,
                                                      const v1::RecordInspectionRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  auto on = DayOrToday("inspected_on", in.inspected_on(), today);
  if (!on.ok()) return on.error();
  std::optional<Date> deadline;
  if (!in.rectification_deadline().empty()) {
    auto d = ParseDateField("rectification_deadline", in.rectification_deadline());
    if (!d.ok()) return d.error();
    deadline = *d;
  }
  if (in.result() <= v1::INSPECTION_RESULT_UNSPECIFIED || in.result() > v1::InspectionResult_MAX)
    return Error::InvalidArgument("result", "PASSED, PROBLEMS_FOUND or ABSENT");
  const InspectionInput input{in.organization_id(),
                              FromProtoEnum<InspectionResult>(in.result()),
                              in.method(),
                              in.findings(),
                              *on,
                              deadline};
  return PlanCommand(
      store_, who, "RecordInspection", in.request_id(), in.plan_id(), in.version(),
      [&](const SamplingPlan& before, Mutation& m) -> Result<SamplingPlan> {
        auto after = supervision::RecordInspection(before, input, today);
        if (!after.ok()) return after.error();
        const auto counts = CountsOf(*after);
        ev::InspectionRecorded body;
        body.set_plan_id(after->id);
        body.set_organization_id(in.organization_id());
        body.set_jurisdiction(after->jurisdiction);
        body.set_outcome(static_cast<ev::InspectionOutcome>(static_cast<int>(input.result)));
        body.set_inspected_on(FormatDate(*on));
        if (deadline) body.set_rectification_deadline(FormatDate(*deadline));
        body.set_done_count(counts.done);
        body.set_drawn_count(counts.drawn);
        SetActor(who, body.mutable_actor());
        m.events.push_back(MakeEvent(body, settings_.authority, "inspection", "recorded", after->id,
                                     after->version, after->jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::SamplingPlan> Supervisor::RecordInterview(const auth::Principal& who,
                                                     const v1::RecordInterviewRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  auto on = DayOrToday("interviewed_on", in.interviewed_on(), today);
  if (!on.ok()) return on.error();
  return PlanCommand(store_, who, "RecordInterview", in.request_id(), in.plan_id(), in.version(),
                     [&](const SamplingPlan& before, Mutation& m) -> Result<SamplingPlan> {
                       auto after = supervision::RecordInterview(before, in.organization_id(), *on,
                                                                 in.notes(), today);
                       if (!after.ok()) return after.error();
                       ev::InterviewRecorded body;
                       body.set_plan_id(after->id);
                       body.set_organization_id(in.organization_id());
                       body.set_jurisdiction(after->jurisdiction);
                       body.set_interviewed_on(FormatDate(*on));
                       SetActor(who, body.mutable_actor());
                       m.events.push_back(MakeEvent(body, settings_.authority, "inspection",
                                                    "interviewed", after->id, after->version,
                                                    after->jurisdiction, who.subject, now));
                       return after;
                     });
}

Result<v1::SamplingPlan> Supervisor::RecordRectification(const auth::Principal& who,
                                                         const v1::RecordRectificationRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  auto on = DayOrToday("rectified_on", in.rectified_on(), today);
  if (!on.ok()) return on.error();
  return PlanCommand(
      store_, who, "RecordRectification", in.request_id(), in.plan_id(), in.version(),
      [&](const SamplingPlan& before, Mutation& m) -> Result<SamplingPlan> {
        auto after = supervision::RecordRectification(before, in.organization_id(), *on, today);
        if (!after.ok()) return after.error();
        ev::RectificationChanged body;
        body.set_plan_id(after->id);
        body.set_organization_id(in.organization_id());
        body.set_jurisdiction(after->jurisdiction);
        for (const auto& i : after->inspections)
          if (i.organization_id == in.organization_id() && i.rectification_deadline)
            body.set_rectification_deadline(FormatDate(*i.rectification_deadline));
        body.set_rectified_on(FormatDate(*on));
        SetActor(who, body.mutable_actor());
        m.events.push_back(MakeEvent(body, settings_.authority, "inspection", "rectified",
                                     after->id, after->version, after->jurisdiction, who.subject,
                                     now));
        return after;
      });
}

Result<v1::SamplingPlan> Supervisor::PublishPlan(const auth::Principal& who,
                                                 const v1::PublishSamplingPlanRequest& in) {
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  return PlanCommand(store_, who, "PublishSamplingPlan", in.request_id(), in.plan_id(),
                     in.version(),
                     [&](const SamplingPlan& before, Mutation& m) -> Result<SamplingPlan> {
                       auto after = supervision::PublishPlan(before, today);
                       if (!after.ok()) return after.error();
                       const auto c = CountsOf(*after);
                       ev::SamplingPlanPublished body;
                       body.set_plan_id(after->id);
                       body.set_jurisdiction(after->jurisdiction);
                       body.set_year(after->year);
                       body.set_drawn_count(c.drawn);
                       body.set_passed_count(c.passed);
                       body.set_problems_count(c.problems);
                       body.set_absent_count(c.absent);
                       body.set_published_on(FormatDate(today));
                       SetActor(who, body.mutable_actor());
                       m.events.push_back(MakeEvent(body, settings_.authority, "sampling_plan",
                                                    "published", after->id, after->version,
                                                    after->jurisdiction, who.subject, now));
                       return after;
                     });
}

}  // namespace socgov::supervision
