// "socgovctl sup ..." without a server: commands are driven in-process through RunCommand with a
// Context over string streams. Usage errors must be caught before any RPC (the address below
// refuses connections, so a stray call would show as exit 1), enum flags take the proto names
// without their prefix, and "sup redraw" re-runs a draw from published facts exactly as the
// service's domain code does, telling a tampered draw apart (exit 6).
#include "supervision_cli.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "supervision/domain/draw.h"

namespace socgov::ctl {
namespace {

struct Outcome {
  int exit_code;
  std::string out;
  std::string err;
};

Outcome Sup(const std::string& name, const std::vector<std::string>& args) {
  const Command* command = FindCommand("sup", name);
  EXPECT_NE(command, nullptr) << "sup " << name;
  if (command == nullptr) return {-1, "", ""};
  std::ostringstream out;
  std::ostringstream err;
  const Context ctx{.registration_addr = "127.0.0.1:1",
                    .supervision_addr = "127.0.0.1:1",
                    .audit_addr = "127.0.0.1:1",
                    .party_building_addr = "127.0.0.1:1",
                    .welfare_venture_addr = "127.0.0.1:1",
                    .timeout = std::chrono::milliseconds(500),
                    .token = "",
                    .out = out,
                    .err = err};
  const int code = RunCommand(*command, ctx, args);
  return {code, out.str(), err.str()};
}

// The first line of stderr: "socgovctl sup NAME: MESSAGE" (the usage follows).
std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

void ExpectUsageError(const std::string& name, const std::vector<std::string>& args,
                      const std::string& flag) {
  const Outcome run = Sup(name, args);
  EXPECT_EQ(run.exit_code, kExitUsage) << "sup " << name << ": " << run.err;
  EXPECT_NE(FirstLine(run.err).find(flag), std::string::npos)
      << "sup " << name << " should name " << flag << ", said: " << FirstLine(run.err);
  EXPECT_TRUE(run.out.empty());
}

TEST(SupFlags, MissingOrMalformedFlagsAreUsageErrorsNamingTheFlag) {
  ExpectUsageError("open-year", {}, "--year");
  ExpectUsageError("year", {"--year", "twenty"}, "--year");
  ExpectUsageError("submit-report",
                   {"--org", "X", "--year", "2025", "--submitted-on", "2025-13-01"},
                   "--submitted-on");
  ExpectUsageError("submit-report", {"--org", "X", "--year", "2025", "--assets-fen", "12.5"},
                   "--assets-fen");
  ExpectUsageError("submit-report", {"--year", "2025"}, "--org");
  ExpectUsageError("review-report", {"--org", "X", "--year", "2025", "--opinion", "ok"},
                   "--passed");
  ExpectUsageError("sweep", {"--as-of", "yesterday"}, "--as-of");
  ExpectUsageError("was-listed", {"--org", "X", "--list", "ABNORMAL", "--from", "2026-01-01"},
                   "--to");
  ExpectUsageError("remove-listing", {"--org", "X"}, "--obligations-fulfilled");
  ExpectUsageError("create-plan",
                   {"--year", "2026", "--title", "t", "--level", "COUNTY", "--pool", "a,b"},
                   "--ratio-permille");
  ExpectUsageError("open-case", {"--source", "COMPLAINT", "--summary", "s"}, "--org");
  ExpectUsageError("case-file", {"--case", "C", "--investigators", "a,b"}, "--case-no");
  ExpectUsageError("case-record",
                   {"--case", "C", "--description", "d", "--recorded-on", "2026-03-01"}, "--stage");
  ExpectUsageError("case-review", {"--case", "C", "--reviewer", "r"}, "--passed");
  ExpectUsageError("case-payment", {"--case", "C", "--paid-on", "2026-03-01"}, "--amount-fen");
  ExpectUsageError("complaint-submit", {"--channel", "PHONE", "--target-name", "t"}, "--facts");
  ExpectUsageError("illegal-handle", {"--illegal-org", "I"}, "--disperse-note");
  ExpectUsageError("detect", {"--inactivity-months", "-1"}, "--inactivity-months");
}

TEST(SupFlags, PenaltyEntriesAreCheckedLocally) {
  const std::vector<std::string> base = {"--case", "C", "--statement-deadline", "2026-05-01"};
  const auto with = [&](const std::string& penalty) {
    std::vector<std::string> args = base;
    args.insert(args.end(), {"--penalty", penalty});
    return args;
  };
  ExpectUsageError("case-notice", with("FINE:12x"), "--penalty");
  ExpectUsageError("case-notice", with("SUSPENSION::2026-05-01"), "--penalty");
  ExpectUsageError("case-notice", with("SUSPENSION::2026-05-01:someday"), "--penalty");
  ExpectUsageError("case-notice", with("JAIL"), "--penalty");
  ExpectUsageError("case-decide",
                   {"--case", "C", "--penalty", "WARNING", "--non-punishment", "--first-offence"},
                   "--non-punishment");
}

TEST(SupFlags, UnknownFlagIsAUsageError) {
  ExpectUsageError("credit", {"--org", "X", "--organization", "Y"}, "--organization");
}

TEST(SupEnums, ProtoNamesWithoutPrefixCaseInsensitive) {
  EXPECT_EQ(ParseEnum<suppb::CreditList>("--list", "ABNORMAL"), suppb::CREDIT_LIST_ABNORMAL);
  EXPECT_EQ(ParseEnum<suppb::CreditList>("--list", "serious"), suppb::CREDIT_LIST_SERIOUS);
  EXPECT_EQ(ParseEnum<suppb::CreditList>("--list", "credit_list_serious"),
            suppb::CREDIT_LIST_SERIOUS);
  EXPECT_EQ(ParseEnum<suppb::InspectionResult>("--result", "problems-found"),
            suppb::INSPECTION_RESULT_PROBLEMS_FOUND);
  EXPECT_EQ(ParseEnum<suppb::Finding>("--finding", "Meetings_Not_Per_Charter"),
            suppb::FINDING_MEETINGS_NOT_PER_CHARTER);
  EXPECT_EQ(ParseEnum<suppb::ItemResolution>("--resolution", "cancelled_voluntarily"),
            suppb::ITEM_RESOLUTION_CANCELLED_VOLUNTARILY);
  EXPECT_EQ(ParseEnum<suppb::PenaltyType>("--penalty", "fine"), suppb::PENALTY_TYPE_FINE);
}

TEST(SupEnums, BadValueListsTheChoices) {
  EXPECT_EQ(EnumChoices(*suppb::CreditList_descriptor()), "ABNORMAL | SERIOUS");
  EXPECT_EQ(EnumChoices(*suppb::PlanLevel_descriptor()), "COUNTY | CITY | PROVINCE");
  for (const std::string bad : {"NORMAL", "UNSPECIFIED", "", "CREDIT_LIST_"}) {
    try {
      ParseEnum<suppb::CreditList>("--list", bad);
      ADD_FAILURE() << "accepted \"" << bad << "\"";
    } catch (const config::ConfigError& e) {
      EXPECT_STREQ(e.what(), ("--list must be ABNORMAL | SERIOUS, got \"" + bad + "\"").c_str());
    }
  }
  const Outcome run = Sup("listings", {"--list", "blacklist"});
  EXPECT_EQ(run.exit_code, kExitUsage);
  EXPECT_EQ(FirstLine(run.err),
            "socgovctl sup listings: --list must be ABNORMAL | SERIOUS, got \"blacklist\"");
}

// A command of the test's own with a repeatable --x, echoing what the command receives.
int EchoRepeated(const Context& ctx, const config::Config& flags) {
  for (const std::string& value : RepeatedFlag(flags, "x", true)) ctx.out << value << ";";
  return kExitOk;
}

TEST(SupFlags, RepeatableFlagsCollectEveryOccurrence) {
  const Command echo{"t", "echo", "", {{"x", "", ""}, {"y", "", ""}}, {}, EchoRepeated, {"x"}};
  std::ostringstream out;
  std::ostringstream err;
  const Context ctx{.registration_addr = "",
                    .supervision_addr = "",
                    .audit_addr = "",
                    .party_building_addr = "",
                    .welfare_venture_addr = "",
                    .token = "",
                    .out = out,
                    .err = err};
  EXPECT_EQ(RunCommand(echo, ctx, {"--x", "a", "--y", "1", "--x=b,c", "--x", " d "}), kExitOk);
  EXPECT_EQ(out.str(), "a;b;c;d;");
  EXPECT_EQ(RunCommand(echo, ctx, {"--x"}), kExitUsage);
  EXPECT_NE(err.str().find("--x needs a value"), std::string::npos) << err.str();
}

// A switch or repeatable flag that is not an option, or an option declared twice, would only
// show when someone ran the command; --help loads every option.
TEST(SupUsage, EveryCommandHasHelpAndDeclaresItsSwitches) {
  int commands = 0;
  for (const Command& command : Commands()) {
    if (command.group != "sup") continue;
    ++commands;
    const auto declared = [&](std::string_view name) {
      for (const config::Option& option : command.options) {
        if (option.name == name) return true;
      }
      return false;
    };
    for (std::string_view name : command.switches) EXPECT_TRUE(declared(name)) << name;
    for (std::string_view name : command.repeatable) EXPECT_TRUE(declared(name)) << name;
    const Outcome run = Sup(std::string(command.name), {"--help"});
    EXPECT_EQ(run.exit_code, kExitOk) << command.name << ": " << run.err;
    EXPECT_TRUE(run.out.starts_with("usage: socgovctl sup " + std::string(command.name)));
  }
  EXPECT_EQ(commands, 58);  // the 38 RPCs besides ActOnCase, its 19 steps, and redraw
}

TEST(SupUsage, GlobalUsageNamesTheSupervisionAddress) {
  EXPECT_NE(GlobalUsage().find("--supervision-addr"), std::string::npos);
  EXPECT_NE(GlobalUsage().find("SOCGOV_SUPERVISION_ADDR (127.0.0.1:50052)"), std::string::npos);
  EXPECT_NE(GlobalUsage().find("sup redraw"), std::string::npos);
}

// ---- redraw
// --------------------------------------------------------------------------------------

class SupRedraw : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("supervision_cli_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    // Listed out of order, with blank lines and stray whitespace: the draw sorts the ids.
    for (int i = 40; i >= 1; --i) population_.push_back("51350211MJ" + std::to_string(1000 + i));
    std::ofstream file(PopulationFile());
    for (const std::string& id : population_) file << "  " << id << "\r\n\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string PopulationFile() const { return (dir_ / "population.txt").string(); }

  supervision::DrawResult Expected() const {
    auto draw = supervision::Draw(std::string_view(kSeed), population_, pool_,
                                  {100, supervision::JurisdictionLevel::kCity, 2});
    EXPECT_TRUE(draw.ok());
    return *draw;
  }

  std::vector<std::string> FactArgs() const {
    return {"--seed",
            kSeed,
            "--population-file",
            PopulationFile(),
            "--pool",
            "li,wang,zhang,chen,lin",
            "--ratio-permille",
            "100",
            "--level",
            "city"};
  }

  // The plan as the service would publish it.
  suppb::SamplingPlan PublishedPlan() const {
    suppb::SamplingPlan plan;
    plan.set_id("plan-1");
    plan.set_seed(kSeed);
    plan.set_level(suppb::PLAN_LEVEL_CITY);
    plan.set_ratio_permille(100);
    plan.set_inspectors_per_check(2);
    plan.set_state(suppb::PLAN_STATE_DRAWN);
    for (const std::string& inspector : pool_) plan.add_inspector_pool(inspector);
    for (const std::string& id : population_) plan.add_population(id);
    const supervision::DrawResult draw = Expected();
    plan.set_population_hash(draw.population_hash);
    for (const supervision::Check& check : draw.checks) {
      suppb::Inspection& inspection = *plan.add_inspections();
      inspection.set_organization_id(check.organization_id);
      for (const std::string& inspector : check.inspectors) inspection.add_inspectors(inspector);
      inspection.set_result(suppb::INSPECTION_RESULT_PENDING);
    }
    return plan;
  }

  std::string WritePlan(const suppb::SamplingPlan& plan) const {
    const std::string path = (dir_ / "plan.json").string();
    std::ofstream(path) << ToJson(plan);
    return path;
  }

  static constexpr const char* kSeed = "2026-集美-双随机-1";
  std::filesystem::path dir_;
  std::vector<std::string> population_;
  std::vector<std::string> pool_ = {"li", "wang", "zhang", "chen", "lin"};
};

TEST_F(SupRedraw, FromPublishedFactsReproducesTheDomainDraw) {
  const Outcome run = Sup("redraw", FactArgs());
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  const auto out = nlohmann::json::parse(run.out);
  const supervision::DrawResult expected = Expected();
  ASSERT_EQ(expected.checks.size(), 4u);  // ceil(10 % of 40)
  EXPECT_EQ(out["seed"], kSeed);
  EXPECT_EQ(out["population_size"], 40);
  EXPECT_EQ(out["population_hash"], expected.population_hash);
  ASSERT_EQ(out["checks"].size(), expected.checks.size());
  for (size_t i = 0; i < expected.checks.size(); ++i) {
    EXPECT_EQ(out["checks"][i]["organization_id"], expected.checks[i].organization_id);
    EXPECT_EQ(out["checks"][i]["inspectors"].get<std::vector<std::string>>(),
              expected.checks[i].inspectors);
  }
}

TEST_F(SupRedraw, ExpectedFactsMatchOrExitSix) {
  const supervision::DrawResult expected = Expected();
  std::string orgs;
  for (const supervision::Check& check : expected.checks) {
    orgs += (orgs.empty() ? "" : ",") + check.organization_id;
  }
  std::vector<std::string> args = FactArgs();
  args.insert(args.end(), {"--expect-hash", expected.population_hash, "--expect-orgs", orgs});
  Outcome run = Sup("redraw", args);
  EXPECT_EQ(run.exit_code, kExitOk) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["organizations_match"], true);

  // The same organizations in another order is another draw.
  std::vector<std::string> swapped = FactArgs();
  swapped.insert(swapped.end(), {"--expect-orgs", expected.checks[1].organization_id + "," +
                                                      expected.checks[0].organization_id});
  run = Sup("redraw", swapped);
  EXPECT_EQ(run.exit_code, kExitDrawMismatch);
  EXPECT_EQ(nlohmann::json::parse(run.out)["organizations_match"], false);

  std::vector<std::string> hash = FactArgs();
  hash.insert(hash.end(), {"--expect-hash", "0000000000000000"});
  run = Sup("redraw", hash);
  EXPECT_EQ(run.exit_code, kExitDrawMismatch);
  EXPECT_EQ(nlohmann::json::parse(run.out)["population_hash_match"], false);
}

TEST_F(SupRedraw, PublishedPlanFileIsIdentical) {
  const Outcome run = Sup("redraw", {"--plan-file", WritePlan(PublishedPlan())});
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  const auto out = nlohmann::json::parse(run.out);
  EXPECT_EQ(out["identical"], true);
  EXPECT_EQ(out["population_hash"]["match"], true);
  for (const auto& check : out["checks"]) EXPECT_EQ(check["match"], true);
  EXPECT_NE(run.err.find("identical"), std::string::npos);
}

TEST_F(SupRedraw, TamperedInspectorIsAMismatch) {
  suppb::SamplingPlan plan = PublishedPlan();
  plan.mutable_inspections(2)->set_inspectors(1, "friend-of-the-director");
  const Outcome run = Sup("redraw", {"--plan-file", WritePlan(plan)});
  EXPECT_EQ(run.exit_code, kExitDrawMismatch);
  const auto out = nlohmann::json::parse(run.out);
  EXPECT_EQ(out["identical"], false);
  EXPECT_EQ(out["population_hash"]["match"], true);
  EXPECT_EQ(out["checks"][0]["match"], true);
  EXPECT_EQ(out["checks"][2]["match"], false);
  EXPECT_EQ(out["checks"][2]["published"]["inspectors"][1], "friend-of-the-director");
  EXPECT_NE(run.err.find("DIFFERS"), std::string::npos);
}

TEST_F(SupRedraw, AlteredPopulationOrMissingCheckIsAMismatch) {
  suppb::SamplingPlan plan = PublishedPlan();
  plan.set_population_hash("0123456789abcdef");
  EXPECT_EQ(Sup("redraw", {"--plan-file", WritePlan(plan)}).exit_code, kExitDrawMismatch);

  plan = PublishedPlan();
  plan.mutable_inspections()->RemoveLast();
  const Outcome run = Sup("redraw", {"--plan-file", WritePlan(plan)});
  EXPECT_EQ(run.exit_code, kExitDrawMismatch);
  const auto out = nlohmann::json::parse(run.out);
  EXPECT_TRUE(out["checks"][3]["published"].is_null());
}

TEST_F(SupRedraw, UndrawnPlanIsAFailure) {
  suppb::SamplingPlan plan = PublishedPlan();
  plan.clear_inspections();
  plan.clear_population_hash();
  plan.set_state(suppb::PLAN_STATE_CREATED);
  const Outcome run = Sup("redraw", {"--plan-file", WritePlan(plan)});
  EXPECT_EQ(run.exit_code, kExitFailure);
  EXPECT_NE(run.err.find("not drawn"), std::string::npos) << run.err;
}

TEST_F(SupRedraw, ModesAndFactsAreValidated) {
  ExpectUsageError("redraw", {}, "--plan");
  ExpectUsageError("redraw", {"--plan", "p", "--seed", "s"}, "--plan");
  std::vector<std::string> args = FactArgs();
  args.back() = "district";
  ExpectUsageError("redraw", args, "--level");
  args = FactArgs();
  args[3] = (dir_ / "missing.txt").string();
  ExpectUsageError("redraw", args, "--population-file");
  args = FactArgs();
  args[7] = "10";  // 1 %: below the city floor of 4 %
  ExpectUsageError("redraw", args, "ratio_permille");
}

}  // namespace
}  // namespace socgov::ctl
