// The mutate script's argument layout (platform/store/mutation.h): KEYS declared in op order,
// guards before writes, the outbox events last; and the reply interpretation.
#include "platform/store/mutation.h"

#include <gtest/gtest.h>

#include "platform/store/command.h"

namespace socgov::store {
namespace {

using Kind = Mutation::Guard::Kind;

Value Reply(std::vector<std::string> parts) {
  Value v;
  v.type = Value::Type::kArray;
  for (auto& p : parts) {
    Value e;
    e.type = Value::Type::kString;
    e.str = std::move(p);
    v.elements.push_back(std::move(e));
  }
  return v;
}

TEST(Mutation, EncodesKeysInOpOrderAndGuardsBeforeWrites) {
  Mutation m;
  m.idem_key = "{t}:idem:x";
  m.response = "resp";
  m.idem_ttl_seconds = 60;
  m.guards = {{Kind::kVersion, "{t}:a", "3", "a"},
              {Kind::kAbsent, "{t}:b", "", "b"},
              {Kind::kNameFree, "{t}:n", "own", "name"},
              {Kind::kCounter, "{t}:serial", "41", "serial"}};
  m.hashes = {{"{t}:a", {"f", "1", "g", "2"}}};
  m.sets = {{"{t}:n", "held", 0}};
  m.dels_if = {{"{t}:old", "me"}};
  m.zops = {{"{t}:z", "m1", "7"}, {"{t}:z", "m2", ""}};
  m.sadds = {{"{t}:s", "x"}};
  m.hincrs = {{"{t}:h", "f", -3}};
  std::vector<std::string> keys, argv;
  EncodeMutation(m, keys, argv);
  EXPECT_EQ(keys, (std::vector<std::string>{"{t}:idem:x", "{t}:a", "{t}:b", "{t}:n", "{t}:serial",
                                            "{t}:a", "{t}:n", "{t}:old", "{t}:z", "{t}:z", "{t}:s",
                                            "{t}:h"}));
  EXPECT_EQ(argv, (std::vector<std::string>{
                      "resp",   "60",                                       //
                      "V",      "2",  "3",   "a",    "A",  "3", "",   "b",  //
                      "N",      "4",  "own", "name", "C",  "5", "41",       //
                      "serial", "H",  "6",   "2",    "f",  "1", "g",  "2", "S",  "7",
                      "held",   "0",  "D",   "8",    "me", "Z", "9",  "7", "m1", "z",
                      "10",     "m2", "+",   "11",   "x",  "I", "12", "f", "-3"}));
}

TEST(Mutation, AppendsEventsLastWithTheOutboxKey) {
  Mutation m;
  m.idem_key = "{t}:idem";
  m.outbox_key = "{t}:outbox";
  outbox::OutboxEvent e;
  e.id = "id-1";
  e.sequence = 2;
  m.events = {e};
  std::vector<std::string> keys, argv;
  EncodeMutation(m, keys, argv);
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[1], "{t}:outbox");
  ASSERT_GE(argv.size(), 6u);
  EXPECT_EQ(argv[2], "E");
  EXPECT_EQ(argv[3], "2");
  EXPECT_EQ(argv[4], "1");  // one event, its 11 fields follow
  EXPECT_EQ(argv[5], "id-1");
  EXPECT_EQ(argv.size(), 5u + 11u);
}

TEST(Mutation, RefusalsMapToStatusesAndAServiceMayWordItsOwn) {
  auto err = [](const Result<CommandOutcome>& r) { return r.error(); };
  EXPECT_EQ(err(InterpretMutationReply(Reply({"err", "version", "4", "app 1"}), "x")).code,
            ErrorCode::kAborted);
  EXPECT_EQ(err(InterpretMutationReply(Reply({"err", "not_found", "", "app 1"}), "x")).code,
            ErrorCode::kNotFound);
  EXPECT_EQ(err(InterpretMutationReply(Reply({"err", "exists", "", "app 1"}), "x")).code,
            ErrorCode::kAlreadyExists);
  const Error taken = err(InterpretMutationReply(Reply({"err", "name_taken", "h", "name"}), "x"));
  EXPECT_EQ(taken.code, ErrorCode::kAlreadyExists);
  EXPECT_NE(taken.message.find("name"), std::string::npos);
  const Error counter = err(InterpretMutationReply(Reply({"err", "counter", "9", "serial"}), "x"));
  EXPECT_EQ(counter.code, ErrorCode::kAborted);
  EXPECT_TRUE(IsCounterConflict(counter));
  EXPECT_FALSE(
      IsCounterConflict(err(InterpretMutationReply(Reply({"err", "version", "4", "app 1"}), "x"))));
  // The hook rewords what it knows and leaves the rest to the platform.
  RefusalWording rule = [](const Refusal& r) -> std::optional<Error> {
    if (r.kind == "name_taken")
      return Error::AlreadyExists(r.label + ": held by " + r.detail + " (RULE-1)");
    return std::nullopt;
  };
  EXPECT_EQ(
      err(InterpretMutationReply(Reply({"err", "name_taken", "h", "name"}), "x", rule)).message,
      "name: held by h (RULE-1)");
  EXPECT_EQ(err(InterpretMutationReply(Reply({"err", "version", "4", ""}), "cmd", rule)).message,
            "cmd: version changed to 4; read it again and retry");
  auto ok = InterpretMutationReply(Reply({"ok"}), "x");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->kind, CommandOutcome::Kind::kApplied);
  auto dup = InterpretMutationReply(Reply({"dup", "first"}), "x");
  ASSERT_TRUE(dup.ok());
  EXPECT_EQ(dup->kind, CommandOutcome::Kind::kReplayed);
  EXPECT_EQ(dup->replayed_response, "first");
}

TEST(Command, IdempotencyKeysAreLengthPrefixedSoNoPairSpellsAnother) {
  EXPECT_NE(IdempotencyKey("a:1", "x"), IdempotencyKey("a", "1:x"));
  EXPECT_EQ(IdempotencyKey("clerk", "r1"), "5:clerk:r1");
}

}  // namespace
}  // namespace socgov::store
