#include "platform/config/config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <initializer_list>
#include <string>
#include <vector>

namespace socgov::config {
namespace {

using Env = std::map<std::string, std::string>;

std::vector<Option> Options() {
  return {
      {"grpc-listen", "127.0.0.1:50051", "gRPC listen address", false},
      {"jurisdiction", "", "own GB/T 2260 code", true},
      {"workers", "4", "worker threads", false},
      {"durable", "true", "fsync every write", false},
      {"peers", "", "comma separated peers", false},
  };
}

// Loads with argv[0] = "svc" followed by `args`.
Config LoadWith(std::initializer_list<const char*> args, const Env& env) {
  std::vector<const char*> argv{"svc"};
  argv.insert(argv.end(), args.begin(), args.end());
  return Config::Load(Options(), static_cast<int>(argv.size()), argv.data(), &env);
}

std::string ErrorOf(std::initializer_list<const char*> args, const Env& env) {
  try {
    LoadWith(args, env);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

// gtest-only substring check, so the test links against gtest_main without gmock.
::testing::AssertionResult HasSubstr(const std::string& haystack, const std::string& needle) {
  if (haystack.find(needle) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << haystack << "\" lacks \"" << needle << "\"";
}

const Env kJur{{"SOCGOV_JURISDICTION", "350211"}};

TEST(ConfigTest, EnvName) {
  EXPECT_EQ(EnvName("grpc-listen"), "SOCGOV_GRPC_LISTEN");
  EXPECT_EQ(EnvName("workers"), "SOCGOV_WORKERS");
}

TEST(ConfigTest, DefaultThenEnvThenFlag) {
  EXPECT_EQ(LoadWith({}, kJur).Get("grpc-listen"), "127.0.0.1:50051");

  Env env = kJur;
  env["SOCGOV_GRPC_LISTEN"] = "0.0.0.0:6000";
  EXPECT_EQ(LoadWith({}, env).Get("grpc-listen"), "0.0.0.0:6000");
  EXPECT_EQ(LoadWith({"--grpc-listen=0.0.0.0:7000"}, env).Get("grpc-listen"), "0.0.0.0:7000");
  EXPECT_EQ(LoadWith({"--grpc-listen", "0.0.0.0:8000"}, env).Get("grpc-listen"), "0.0.0.0:8000");
}

TEST(ConfigTest, LastFlagWins) {
  const Config c = LoadWith({"--workers=2", "--workers", "3"}, kJur);
  EXPECT_EQ(c.GetInt("workers", 1, 64), 3);
}

TEST(ConfigTest, EmptyFlagValueOverridesDefault) {
  EXPECT_EQ(LoadWith({"--grpc-listen="}, kJur).Get("grpc-listen"), "");
}

TEST(ConfigTest, ReadsProcessEnvironmentWhenNoMapIsGiven) {
  ::setenv("SOCGOV_JURISDICTION", "350200", 1);
  const char* argv[] = {"svc"};
  const Config c = Config::Load(Options(), 1, argv, nullptr);
  ::unsetenv("SOCGOV_JURISDICTION");
  EXPECT_EQ(c.GetJurisdiction("jurisdiction"), "350200");
}

TEST(ConfigTest, UnknownFlagIsAnError) {
  EXPECT_EQ(ErrorOf({"--nope=1"}, kJur), "unknown flag --nope");
  EXPECT_EQ(ErrorOf({"--nope", "1"}, kJur), "unknown flag --nope");
}

TEST(ConfigTest, FlagWithoutValueIsAnError) {
  EXPECT_TRUE(HasSubstr(ErrorOf({"--workers"}, kJur), "--workers"));
  // The next flag is not swallowed as the value.
  EXPECT_TRUE(HasSubstr(ErrorOf({"--workers", "--durable=no"}, kJur), "--workers"));
}

TEST(ConfigTest, MissingRequiredOptionNamesFlagAndEnv) {
  EXPECT_EQ(ErrorOf({}, {}), "missing required option --jurisdiction (env SOCGOV_JURISDICTION)");
  EXPECT_EQ(ErrorOf({"--jurisdiction="}, kJur),
            "missing required option --jurisdiction (env SOCGOV_JURISDICTION)");
  EXPECT_EQ(ErrorOf({}, {{"SOCGOV_JURISDICTION", ""}}),
            "missing required option --jurisdiction (env SOCGOV_JURISDICTION)");
  EXPECT_EQ(LoadWith({"--jurisdiction=350000"}, {}).Get("jurisdiction"), "350000");
}

TEST(ConfigTest, HelpSkipsRequiredCheck) {
  EXPECT_TRUE(LoadWith({"--help"}, {}).help_requested());
  EXPECT_TRUE(LoadWith({"-h"}, {}).help_requested());
  EXPECT_FALSE(LoadWith({}, kJur).help_requested());
}

TEST(ConfigTest, PositionalArgumentsKeepTheirOrder) {
  const Config c = LoadWith({"apply", "--workers=2", "file.json", "-x", "--", "--workers"}, kJur);
  EXPECT_EQ(c.positional(), (std::vector<std::string>{"apply", "file.json", "-x", "--workers"}));
  EXPECT_EQ(c.GetInt("workers", 1, 8), 2);
}

TEST(ConfigTest, GetOfUndeclaredOptionThrows) {
  const Config c = LoadWith({}, kJur);
  EXPECT_THROW(c.Get("nope"), ConfigError);
  EXPECT_THROW(c.GetInt("nope", 0, 1), ConfigError);
}

TEST(ConfigTest, GetInt) {
  EXPECT_EQ(LoadWith({"--workers=16"}, kJur).GetInt("workers", 1, 64), 16);
  EXPECT_EQ(LoadWith({"--workers=+16"}, kJur).GetInt("workers", 1, 64), 16);
  EXPECT_EQ(LoadWith({"--workers=-3"}, kJur).GetInt("workers", -5, 5), -3);

  const auto error = [](const char* flag, int64_t min, int64_t max) -> std::string {
    try {
      LoadWith({flag}, kJur).GetInt("workers", min, max);
    } catch (const ConfigError& e) {
      return e.what();
    }
    return "";
  };
  for (const char* bad : {"--workers=abc", "--workers=12x", "--workers=", "--workers=1.5",
                          "--workers=+-1", "--workers=99999999999999999999"}) {
    const std::string e = error(bad, 1, 64);
    EXPECT_TRUE(HasSubstr(e, "--workers")) << bad;
    EXPECT_TRUE(HasSubstr(e, std::string(bad).substr(10))) << bad;
  }
  EXPECT_TRUE(HasSubstr(error("--workers=65", 1, 64), "out of range [1, 64]"));
  EXPECT_TRUE(HasSubstr(error("--workers=65", 1, 64), "\"65\""));
  EXPECT_TRUE(HasSubstr(error("--workers=0", 1, 64), "--workers"));
}

TEST(ConfigTest, GetBool) {
  for (const char* yes : {"true", "TRUE", "1", "yes", "on", "On"}) {
    EXPECT_TRUE(LoadWith({"--durable", yes}, kJur).GetBool("durable")) << yes;
  }
  for (const char* no : {"false", "0", "no", "off", "OFF"}) {
    EXPECT_FALSE(LoadWith({"--durable", no}, kJur).GetBool("durable")) << no;
  }
  EXPECT_THROW(LoadWith({"--durable=maybe"}, kJur).GetBool("durable"), ConfigError);
  EXPECT_THROW(LoadWith({"--durable="}, kJur).GetBool("durable"), ConfigError);
}

TEST(ConfigTest, GetHostPort) {
  for (const char* ok : {"127.0.0.1:0", "0.0.0.0:65535", "redis.local:6379", "[::1]:4222"}) {
    const std::string flag = std::string("--grpc-listen=") + ok;
    EXPECT_EQ(LoadWith({flag.c_str()}, kJur).GetHostPort("grpc-listen"), ok);
  }
  for (const char* bad : {"127.0.0.1", "127.0.0.1:", ":50051", "host:65536", "host:-1", "host:http",
                          "host:123456", "::1:50051", "host:50051 "}) {
    const std::string flag = std::string("--grpc-listen=") + bad;
    try {
      LoadWith({flag.c_str()}, kJur).GetHostPort("grpc-listen");
      ADD_FAILURE() << "accepted " << bad;
    } catch (const ConfigError& e) {
      EXPECT_TRUE(HasSubstr(e.what(), "--grpc-listen")) << bad;
      EXPECT_TRUE(HasSubstr(e.what(), bad));
    }
  }
}

TEST(ConfigTest, GetJurisdiction) {
  EXPECT_EQ(LoadWith({}, kJur).GetJurisdiction("jurisdiction"), "350211");
  for (const char* bad : {"35021", "3502110", "35021a", "000000", " 350211"}) {
    try {
      LoadWith({}, {{"SOCGOV_JURISDICTION", bad}}).GetJurisdiction("jurisdiction");
      ADD_FAILURE() << "accepted " << bad;
    } catch (const ConfigError& e) {
      EXPECT_TRUE(HasSubstr(e.what(), "--jurisdiction")) << bad;
      EXPECT_TRUE(HasSubstr(e.what(), bad));
    }
  }
}

TEST(ConfigTest, GetList) {
  EXPECT_EQ(LoadWith({"--peers= a:1, b:2 ,,c:3,"}, kJur).GetList("peers"),
            (std::vector<std::string>{"a:1", "b:2", "c:3"}));
  EXPECT_TRUE(LoadWith({}, kJur).GetList("peers").empty());
}

TEST(ConfigTest, UsageListsOptionsDefaultsAndEnvNames) {
  const std::string usage = LoadWith({"--help"}, {}).Usage("registration");
  EXPECT_TRUE(HasSubstr(usage, "registration"));
  EXPECT_TRUE(HasSubstr(usage, "--grpc-listen"));
  EXPECT_TRUE(HasSubstr(usage, "SOCGOV_GRPC_LISTEN"));
  EXPECT_TRUE(HasSubstr(usage, "\"127.0.0.1:50051\""));
  EXPECT_TRUE(HasSubstr(usage, "gRPC listen address"));
  EXPECT_TRUE(HasSubstr(usage, "SOCGOV_JURISDICTION, required"));
  EXPECT_TRUE(HasSubstr(usage, "--help"));
}

TEST(ConfigTest, DuplicateDeclarationIsAnError) {
  const char* argv[] = {"svc"};
  const std::vector<Option> dup{{"a", "", "", false}, {"a", "", "", false}};
  const Env env;
  EXPECT_THROW(Config::Load(dup, 1, argv, &env), ConfigError);
}

}  // namespace
}  // namespace socgov::config
