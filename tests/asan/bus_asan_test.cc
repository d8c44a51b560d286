// The event path (outbox relay → JetStream → consumer loop) built with AddressSanitizer and
// UBSan: Debian's nats.c 3.4.1 has known heap bugs in multi-message fetches (architecture.md §7),
// so the path we use must stay clean under load, with payloads of many sizes and a nats-server
// restart in the middle.
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <sstream>

#include "platform/bus/consumer.h"
#include "platform/bus/nats.h"
#include "platform/outbox/outbox.h"
#include "platform/outbox/relay.h"
#include "platform/store/redis.h"
#include "support/servers.h"

namespace socgov::testing {
namespace {

using std::chrono::seconds;

std::string Payload(int i) {
  // Sizes from 0 bytes to ~200 KB so messages arrive in one read or in many parts.
  const size_t size = static_cast<size_t>((i * 7919) % 200000) * (i % 3 == 0 ? 1 : 0) + i % 97;
  std::string s(size, '\0');
  for (size_t j = 0; j < size; ++j) s[j] = static_cast<char>('a' + (i + j) % 26);
  return s;
}

TEST(BusUnderAsan, RelayAndConsumerDeliverEveryEventIntactAcrossANatsRestart) {
  TempDir dir;
  RedisServer redis(dir.path());
  NatsServer nats(dir.path());
  std::ostringstream sink;
  log::Logger logger("asan", "350211", &sink);
  auto conn = bus::Connection::Connect({nats.url(), "asan"});
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE(WaitFor([&] { return (*conn)->connected(); }, seconds(5)));
  ASSERT_FALSE(bus::EnsureStream(**conn, {"ASAN", {"socgov.v1.350200.350211.asan.>"}}).has_value());
  bus::ConsumerSpec spec{"ASAN", "asan-consumer", "", 10, 5000};
  ASSERT_FALSE(bus::EnsureConsumer(**conn, spec).has_value());
  ASSERT_FALSE(bus::EnsureConsumer(**conn, spec).has_value());  // provisioning is idempotent

  std::mutex mu;
  std::map<std::string, int> seen;
  int corrupted = 0;
  bus::ConsumerLoop loop(
      **conn, spec,
      [&](const bus::Delivery& d) {
        const int i = std::stoi(d.Header("ce-subject"));
        std::lock_guard lock(mu);
        if (d.data != Payload(i)) ++corrupted;
        if (seen[d.Header("ce-id")]++ > 0) return bus::ApplyResult{bus::Outcome::kDuplicate, ""};
        return bus::ApplyResult{bus::Outcome::kApplied, ""};
      },
      [](const bus::Delivery&, const std::string&) { return true; }, nullptr, logger);
  loop.Start();

  store::RedisOptions ro;
  ro.port = redis.port();
  outbox::RelayOptions relay_options;
  relay_options.stream_key = "{asan}:outbox";
  outbox::Relay relay(relay_options, ro, **conn, nullptr, logger);
  relay.Start();

  store::Redis writer(ro);
  constexpr int kEvents = 300;
  auto write = [&](int i) {
    outbox::OutboxEvent e;
    e.id = "evt-" + std::to_string(i);
    e.type = "cn.socgov.asan.thing.happened.v1";
    e.source = "/socgov/350211/asan";
    e.subject = std::to_string(i);
    e.time = "2026-11-27T00:00:00.000Z";
    e.dataschema = "socgov.asan.v1.Thing";
    e.sequence = i;
    e.jurisdiction = "350211";
    e.actor = "asan";
    e.nats_subject = "socgov.v1.350200.350211.asan.thing.happened";
    e.data = Payload(i);
    std::vector<std::string> argv = {"XADD", relay_options.stream_key, "*"};
    auto names = outbox::FieldNames();
    std::vector<std::string> values = {e.id,
                                       e.type,
                                       e.source,
                                       e.subject,
                                       e.time,
                                       e.dataschema,
                                       std::to_string(e.sequence),
                                       e.jurisdiction,
                                       e.actor,
                                       e.nats_subject,
                                       e.data};
    for (size_t f = 0; f < names.size(); ++f) {
      argv.push_back(names[f]);
      argv.push_back(values[f]);
    }
    ASSERT_FALSE(writer.Command(argv).is_error());
  };
  for (int i = 0; i < kEvents / 2; ++i) write(i);
  ASSERT_TRUE(WaitFor(
      [&] {
        std::lock_guard l(mu);
        return seen.size() >= 50;
      },
      seconds(30)));
  nats.Stop();
  for (int i = kEvents / 2; i < kEvents; ++i) write(i);
  nats.Start();

  ASSERT_TRUE(WaitFor(
      [&] {
        std::lock_guard l(mu);
        return static_cast<int>(seen.size()) == kEvents;
      },
      seconds(60)))
      << sink.str();
  relay.Stop(1000);
  loop.Stop();
  std::lock_guard lock(mu);
  EXPECT_EQ(corrupted, 0);
  EXPECT_EQ(static_cast<int>(seen.size()), kEvents);
}

}  // namespace
}  // namespace socgov::testing
