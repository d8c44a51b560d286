// "socgovctl sup ..." for double-random sampling plans (双随机、一公开), and "sup redraw", which
// re-runs a published draw with the service's own pure domain code (supervision_domain) so anyone
// holding the seed, the population and the pool can check it.
#include <google/protobuf/util/json_util.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "supervision/domain/draw.h"
#include "supervision_cli.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;
using config::Option;
using Json = nlohmann::ordered_json;

const Option kPlan{"plan", "", "plan id (required)"};
const Option kOrg{"org", "", "drawn organization (credit code) (required)"};

// ---- plans -------------------------------------------------------------------------------------

int CreatePlan(const Context& ctx, const Config& flags) {
  suppb::CreateSamplingPlanRequest request;
  request.set_year(YearFlag(flags));
  request.set_title(Required(flags, "title"));
  request.set_level(EnumFlag<suppb::PlanLevel>(flags, "level", true));
  Required(flags, "ratio-permille");
  request.set_ratio_permille(static_cast<int32_t>(flags.GetInt("ratio-permille", 1, 1000)));
  request.set_inspectors_per_check(
      static_cast<int32_t>(flags.GetInt("inspectors-per-check", 0, 100)));
  Required(flags, "pool");
  for (const std::string& inspector : flags.GetList("pool")) request.add_inspector_pool(inspector);
  request.set_seed(flags.Get("seed"));
  request.set_content(flags.Get("content"));
  request.set_request_id(RequestId(flags));
  const bool id_output = WantsIdOutput(flags);
  const auto response = SupCall(ctx, *SupervisionStub(ctx), &SupStub::CreateSamplingPlan, request);
  return PrintResult(ctx, id_output, response.id(), response);
}

// The plan writes that name only the plan: draw and publish.
template <typename Request>
int PlanStep(const Context& ctx, const Config& flags,
             SupMethod<Request, suppb::SamplingPlan> method) {
  Request request;
  request.set_plan_id(Required(flags, "plan"));
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(PlanVersion(ctx, *stub, flags, request.plan_id()));
  PrintJson(ctx, SupCall(ctx, *stub, method, request));
  return kExitOk;
}

int DrawSampling(const Context& ctx, const Config& flags) {
  return PlanStep<suppb::DrawSamplingPlanRequest>(ctx, flags, &SupStub::DrawSamplingPlan);
}

int PublishPlan(const Context& ctx, const Config& flags) {
  return PlanStep<suppb::PublishSamplingPlanRequest>(ctx, flags, &SupStub::PublishSamplingPlan);
}

int GetPlan(const Context& ctx, const Config& flags) {
  suppb::GetSamplingPlanRequest request;
  request.set_plan_id(Required(flags, "plan"));
  return SupCallAndPrint(ctx, &SupStub::GetSamplingPlan, request);
}

// The plan writes about one drawn organization: `fill` sets the step's own fields.
template <typename Request, typename Fill>
int InspectionStep(const Context& ctx, const Config& flags,
                   SupMethod<Request, suppb::SamplingPlan> method, Fill fill) {
  Request request;
  request.set_plan_id(Required(flags, "plan"));
  request.set_organization_id(Required(flags, "org"));
  fill(request);
  request.set_request_id(RequestId(flags));
  auto stub = SupervisionStub(ctx);
  request.set_version(PlanVersion(ctx, *stub, flags, request.plan_id()));
  PrintJson(ctx, SupCall(ctx, *stub, method, request));
  return kExitOk;
}

int Inspect(const Context& ctx, const Config& flags) {
  return InspectionStep<suppb::RecordInspectionRequest>(
      ctx, flags, &SupStub::RecordInspection, [&](suppb::RecordInspectionRequest& request) {
        request.set_result(EnumFlag<suppb::InspectionResult>(flags, "result", true));
        request.set_method(flags.Get("method"));
        request.set_findings(flags.Get("findings"));
        request.set_inspected_on(DateFlag(flags, "inspected-on", false));
        request.set_rectification_deadline(DateFlag(flags, "rectification-deadline", false));
      });
}

int Interview(const Context& ctx, const Config& flags) {
  return InspectionStep<suppb::RecordInterviewRequest>(
      ctx, flags, &SupStub::RecordInterview, [&](suppb::RecordInterviewRequest& request) {
        request.set_interviewed_on(DateFlag(flags, "interviewed-on", false));
        request.set_notes(Required(flags, "notes"));
      });
}

int Rectified(const Context& ctx, const Config& flags) {
  return InspectionStep<suppb::RecordRectificationRequest>(
      ctx, flags, &SupStub::RecordRectification, [&](suppb::RecordRectificationRequest& request) {
        request.set_rectified_on(DateFlag(flags, "rectified-on", false));
      });
}

// ---- redraw ------------------------------------------------------------------------------------

supervision::JurisdictionLevel LevelOf(suppb::PlanLevel level) {
  switch (level) {
    case suppb::PLAN_LEVEL_COUNTY:
      return supervision::JurisdictionLevel::kCounty;
    case suppb::PLAN_LEVEL_CITY:
      return supervision::JurisdictionLevel::kCity;
    case suppb::PLAN_LEVEL_PROVINCE:
      return supervision::JurisdictionLevel::kProvince;
    default:
      throw std::runtime_error("the plan has no level (" + suppb::PlanLevel_Name(level) + ")");
  }
}

// The published facts a draw is re-run from.
struct DrawFacts {
  std::string seed;
  std::vector<std::string> population;
  std::vector<std::string> pool;
  supervision::DrawPlan plan;
};

DrawFacts FactsOfPlan(const suppb::SamplingPlan& plan) {
  const int32_t per_check = plan.inspectors_per_check() == 0 ? 2 : plan.inspectors_per_check();
  return {plan.seed(),
          {plan.population().begin(), plan.population().end()},
          {plan.inspector_pool().begin(), plan.inspector_pool().end()},
          {plan.ratio_permille(), LevelOf(plan.level()), per_check}};
}

std::vector<supervision::Check> ChecksOfPlan(const suppb::SamplingPlan& plan) {
  std::vector<supervision::Check> checks;
  for (const suppb::Inspection& inspection : plan.inspections()) {
    checks.push_back({inspection.organization_id(),
                      {inspection.inspectors().begin(), inspection.inspectors().end()}});
  }
  return checks;
}

Json CheckJson(const supervision::Check& check) {
  return {{"organization_id", check.organization_id}, {"inspectors", check.inspectors}};
}

// The local draw as JSON: what "sup redraw --seed ..." prints.
Json DrawJson(const DrawFacts& facts, const supervision::DrawResult& draw) {
  Json checks = Json::array();
  for (const supervision::Check& check : draw.checks) checks.push_back(CheckJson(check));
  return {{"seed", facts.seed},
          {"population_size", facts.population.size()},
          {"population_hash", draw.population_hash},
          {"checks", std::move(checks)}};
}

// Check by check, the local draw beside the published one; a missing side is null.
Json CompareChecks(const std::vector<supervision::Check>& local,
                   const std::vector<supervision::Check>& published, bool& identical) {
  Json rows = Json::array();
  for (size_t i = 0; i < std::max(local.size(), published.size()); ++i) {
    const bool both = i < local.size() && i < published.size();
    const bool match = both && local[i] == published[i];
    identical = identical && match;
    rows.push_back({{"index", i},
                    {"match", match},
                    {"local", i < local.size() ? CheckJson(local[i]) : Json()},
                    {"published", i < published.size() ? CheckJson(published[i]) : Json()}});
  }
  return rows;
}

supervision::DrawResult RunDraw(const DrawFacts& facts) {
  auto draw =
      supervision::Draw(std::string_view(facts.seed), facts.population, facts.pool, facts.plan);
  if (!draw.ok())
    throw std::runtime_error("the local draw refused the facts: " + draw.error().message);
  return std::move(draw).value();
}

// Prints the comparison of a drawn plan with its local re-run; kExitDrawMismatch on any difference.
int ComparePlan(const Context& ctx, const suppb::SamplingPlan& plan) {
  if (plan.inspections().empty() && plan.population_hash().empty()) {
    throw std::runtime_error("plan " + plan.id() + " is not drawn yet (" +
                             suppb::PlanState_Name(plan.state()) + ")");
  }
  const DrawFacts facts = FactsOfPlan(plan);
  const supervision::DrawResult local = RunDraw(facts);
  bool identical = local.population_hash == plan.population_hash();
  Json hash = {{"match", identical},
               {"local", local.population_hash},
               {"published", plan.population_hash()}};
  Json checks = CompareChecks(local.checks, ChecksOfPlan(plan), identical);
  Json out = {{"plan_id", plan.id()},
              {"identical", identical},
              {"seed", plan.seed()},
              {"population_size", facts.population.size()},
              {"population_hash", std::move(hash)},
              {"checks", std::move(checks)}};
  ctx.out << out.dump() << "\n";
  ctx.err << "redraw: " << (identical ? "identical to" : "DIFFERS from") << " the published draw\n";
  return identical ? kExitOk : kExitDrawMismatch;
}

std::string ReadFile(const std::string& flag, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError("--" + flag + ": cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One id per line; blank lines and surrounding whitespace ignored.
std::vector<std::string> ReadPopulation(const std::string& path) {
  std::istringstream lines(ReadFile("population-file", path));
  std::vector<std::string> ids;
  for (std::string line; std::getline(lines, line);) {
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    ids.push_back(line.substr(first, line.find_last_not_of(" \t\r") + 1 - first));
  }
  return ids;
}

// A plan as "sup plan" printed it (protobuf JSON).
suppb::SamplingPlan ReadPlanFile(const std::string& path) {
  suppb::SamplingPlan plan;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  const auto status =
      google::protobuf::util::JsonStringToMessage(ReadFile("plan-file", path), &plan, options);
  if (!status.ok()) throw ConfigError("--plan-file: not a sampling plan: " + status.ToString());
  return plan;
}

DrawFacts FactsFromFlags(const Config& flags) {
  DrawFacts facts;
  facts.seed = Required(flags, "seed");
  facts.population = ReadPopulation(Required(flags, "population-file"));
  Required(flags, "pool");
  facts.pool = flags.GetList("pool");
  Required(flags, "ratio-permille");
  facts.plan.ratio_permille = static_cast<int32_t>(flags.GetInt("ratio-permille", 1, 1000));
  facts.plan.level = LevelOf(EnumFlag<suppb::PlanLevel>(flags, "level", true));
  facts.plan.inspectors_per_check =
      static_cast<int32_t>(flags.GetInt("inspectors-per-check", 2, 100));
  return facts;
}

// From published facts without the service: prints the draw; with --expect-hash or
// --expect-orgs also whether it matches them.
int RedrawFromFacts(const Context& ctx, const Config& flags) {
  const DrawFacts facts = FactsFromFlags(flags);
  auto draw =
      supervision::Draw(std::string_view(facts.seed), facts.population, facts.pool, facts.plan);
  if (!draw.ok()) throw ConfigError("the draw refused the facts: " + draw.error().message);
  Json out = DrawJson(facts, *draw);
  bool identical = true;
  if (const std::string& hash = flags.Get("expect-hash"); !hash.empty()) {
    out["population_hash_match"] = hash == draw->population_hash;
    identical = identical && hash == draw->population_hash;
  }
  if (!flags.Get("expect-orgs").empty()) {
    std::vector<std::string> drawn;
    for (const supervision::Check& check : draw->checks) drawn.push_back(check.organization_id);
    out["organizations_match"] = drawn == flags.GetList("expect-orgs");
    identical = identical && drawn == flags.GetList("expect-orgs");
  }
  ctx.out << out.dump() << "\n";
  return identical ? kExitOk : kExitDrawMismatch;
}

int Redraw(const Context& ctx, const Config& flags) {
  const int modes =
      !flags.Get("plan").empty() + !flags.Get("plan-file").empty() + !flags.Get("seed").empty();
  if (modes != 1) throw ConfigError("give exactly one of --plan, --plan-file and --seed");
  if (!flags.Get("seed").empty()) return RedrawFromFacts(ctx, flags);
  if (!flags.Get("plan-file").empty())
    return ComparePlan(ctx, ReadPlanFile(flags.Get("plan-file")));
  suppb::GetSamplingPlanRequest request;
  request.set_plan_id(flags.Get("plan"));
  return ComparePlan(ctx, SupCall(ctx, *SupervisionStub(ctx), &SupStub::GetSamplingPlan, request));
}

std::vector<Option> RedrawOptions() {
  return {{"plan", "", "plan id: fetch it and compare its published draw with a local re-run"},
          {"plan-file", "", "the same from a plan saved as JSON (sup plan's output), offline"},
          {"seed", "", "re-run from published facts instead: the seed"},
          {"population-file", "", "with --seed: organization ids, one per line"},
          {"pool", "", "with --seed: inspector pool, comma-separated"},
          {"ratio-permille", "", "with --seed: share drawn, permille"},
          {"level", "", "with --seed: " + EnumChoices(*suppb::PlanLevel_descriptor())},
          {"inspectors-per-check", "2", "with --seed: inspectors per check"},
          {"expect-hash", "", "with --seed: the published population hash; exit 6 if it differs"},
          {"expect-orgs", "",
           "with --seed: the published organizations in draw order, comma-separated; exit 6 if "
           "they differ"}};
}

}  // namespace

std::vector<Command> SupPlanCommands() {
  const Option level{"level", "", EnumChoices(*suppb::PlanLevel_descriptor()) + " (required)"};
  return {
      {"sup",
       "create-plan",
       "create a double-random sampling plan (抽查暂行办法 Art 5 minimums)",
       {{"year", "", "year (required)"},
        {"title", "", "title, e.g. 2026年度社会组织双随机抽查 (required)"},
        level,
        {"ratio-permille", "", "share drawn, permille, e.g. 30 = 3 % (required)"},
        {"inspectors-per-check", "0", "inspectors per check (0: 2)"},
        {"pool", "", "inspector pool, comma-separated (required)"},
        {"seed", "", "seed (default: chosen by the service)"},
        {"content", "", "content of the inspection"},
        kSupRequestId,
        {"output", "json", "json | id (the plan id)"}},
       {},
       CreatePlan},
      {"sup",
       "draw",
       "draw a plan's organizations and inspectors from its seed",
       {kPlan, kSupVersion, kSupRequestId},
       {},
       DrawSampling},
      {"sup", "plan", "read a plan with its seed, population and draw", {kPlan}, {}, GetPlan},
      {"sup",
       "inspect",
       "record the result of one inspection of a drawn plan",
       {kPlan,
        kOrg,
        {"result", "", EnumChoices(*suppb::InspectionResult_descriptor()) + " (required)"},
        {"method", "", "书面 (documents) or 现场 (on site)"},
        {"findings", "", "findings (required unless PASSED)"},
        {"inspected-on", "", "day inspected, YYYY-MM-DD (default: today)"},
        {"rectification-deadline", "", "PROBLEMS_FOUND: rectification deadline, YYYY-MM-DD"},
        kSupVersion,
        kSupRequestId},
       {},
       Inspect},
      {"sup",
       "interview",
       "record the interview (约谈) of a failing or absent organization's responsible persons",
       {kPlan,
        kOrg,
        {"interviewed-on", "", "day, YYYY-MM-DD (default: today)"},
        {"notes", "", "notes (required)"},
        kSupVersion,
        kSupRequestId},
       {},
       Interview},
      {"sup",
       "rectified",
       "record that a rectification notice was complied with",
       {kPlan,
        kOrg,
        {"rectified-on", "", "day verified, YYYY-MM-DD (default: today)"},
        kSupVersion,
        kSupRequestId},
       {},
       Rectified},
      {"sup",
       "publish-plan",
       "publish a plan's results (一公开)",
       {kPlan, kSupVersion, kSupRequestId},
       {},
       PublishPlan},
      {"sup",
       "redraw",
       "re-run a published draw locally; exit 6 when it differs from the published one",
       RedrawOptions(),
       {},
       Redraw},
  };
}

}  // namespace socgov::ctl
