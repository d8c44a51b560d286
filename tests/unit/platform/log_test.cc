#include "platform/log/log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "platform/util/clock.h"

namespace socgov::log {
namespace {

using nlohmann::json;

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(LogTest, WritesOneJsonObjectPerLine) {
  std::ostringstream out;
  Logger logger("registration", "350211", &out);
  logger.Info("started", {{"rpc", "Register"}, {"event_id", "0193"}});
  logger.Warn("slow");
  logger.Error("failed");
  logger.Log(Level::kDebug, "detail");

  const std::string text = out.str();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  const auto lines = Lines(text);
  ASSERT_EQ(lines.size(), 4u);

  const json first = json::parse(lines[0]);
  EXPECT_EQ(first["level"], "info");
  EXPECT_EQ(first["service"], "registration");
  EXPECT_EQ(first["jurisdiction"], "350211");
  EXPECT_EQ(first["msg"], "started");
  EXPECT_EQ(first["rpc"], "Register");
  EXPECT_EQ(first["event_id"], "0193");
  // The standard keys come first, in a fixed order, so lines are easy to read by eye too.
  EXPECT_EQ(lines[0].rfind(R"({"ts":")", 0), 0u);

  const std::string ts = first["ts"];
  ASSERT_TRUE(ParseRfc3339(ts).has_value()) << ts;
  EXPECT_EQ(ts.size(), std::string("2026-11-27T23:13:19.123Z").size());
  EXPECT_EQ(ts.back(), 'Z');

  EXPECT_EQ(json::parse(lines[1])["level"], "warn");
  EXPECT_EQ(json::parse(lines[2])["level"], "error");
  EXPECT_EQ(json::parse(lines[3])["level"], "debug");
}

TEST(LogTest, EscapesMessageAndFields) {
  std::ostringstream out;
  Logger logger("audit", "350200", &out);
  const std::string nasty =
      "quote\" backslash\\ newline\n tab\t cr\r bell\x07 nul" + std::string(1, '\0') + " 中文 ok";
  logger.Info(nasty, {{"key\"with\nnewline", nasty}});

  const auto lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 1u) << out.str();
  const json j = json::parse(lines[0]);
  EXPECT_EQ(j["msg"], nasty);
  EXPECT_EQ(j["key\"with\nnewline"], nasty);
  EXPECT_NE(lines[0].find("中文"), std::string::npos) << "UTF-8 should pass through unescaped";
}

TEST(LogTest, FieldsCannotShadowStandardKeys) {
  std::ostringstream out;
  Logger logger("audit", "350200", &out);
  logger.Info("m", {{"level", "fake"}, {"msg", "fake"}});
  const json j = json::parse(Lines(out.str()).at(0));
  EXPECT_EQ(j["level"], "info");
  EXPECT_EQ(j["msg"], "m");
  EXPECT_EQ(j["field_level"], "fake");
  EXPECT_EQ(j["field_msg"], "fake");
}

TEST(LogTest, ConcurrentLinesDoNotInterleave) {
  std::ostringstream out;
  Logger logger("dashboard", "350200", &out);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&logger, t] {
      for (int i = 0; i < 500; ++i) {
        logger.Info("tick", {{"thread", std::to_string(t)}, {"i", std::to_string(i)}});
      }
    });
  }
  for (auto& th : threads) th.join();
  const auto lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 2000u);
  for (const auto& line : lines) {
    ASSERT_TRUE(json::accept(line)) << line;
  }
}

TEST(JsonEscapeTest, EscapesPerRfc8259) {
  EXPECT_EQ(JsonEscape("plain"), "plain");
  EXPECT_EQ(JsonEscape("a\"b"), "a\\\"b");
  EXPECT_EQ(JsonEscape("a\\b"), "a\\\\b");
  EXPECT_EQ(JsonEscape("\n\t\r\b\f"), "\\n\\t\\r\\b\\f");
  EXPECT_EQ(JsonEscape(std::string("\x01\x1f", 2)), "\\u0001\\u001f");
  EXPECT_EQ(JsonEscape(std::string(1, '\0')), "\\u0000");
  EXPECT_EQ(JsonEscape("/"), "/");
  EXPECT_EQ(JsonEscape("厦门 é 🙂"), "厦门 é 🙂");
}

TEST(JsonEscapeTest, ReplacesMalformedUtf8SoTheLineStaysValid) {
  EXPECT_EQ(JsonEscape("a\xff"
                       "b"),
            "a\\ufffdb");
  EXPECT_EQ(JsonEscape("\xe5\x8e"), "\\ufffd\\ufffd");             // truncated 3-byte sequence
  EXPECT_EQ(JsonEscape("\xc0\xaf"), "\\ufffd\\ufffd");             // overlong '/'
  EXPECT_EQ(JsonEscape("\xed\xa0\x80"), "\\ufffd\\ufffd\\ufffd");  // surrogate
  const std::string line = "\"" + JsonEscape("bad \xe5\x8e tail") + "\"";
  EXPECT_TRUE(json::accept(line)) << line;
}

}  // namespace
}  // namespace socgov::log
