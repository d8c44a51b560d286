// The district → city event topology (deploy/README.md) with real nats-servers on loopback, started
// from the same configuration files the Kubernetes manifests ship (deploy/k8s/base/nats/nats.conf
// plus the leafnodes.conf of components/stream-sources or components/leaf-remote): a city hub and
// two districts as leaf nodes, each its own JetStream domain. The city's streams are provisioned
// by the code socgov-streams runs.
#include <gtest/gtest.h>
#include <nats/nats.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "platform/bus/nats.h"
#include "platform/outbox/outbox.h"
#include "platform/util/uuid.h"
#include "streams/provision.h"
#include "support/servers.h"

namespace socgov {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;
using testing::NatsConfig;
using testing::NatsServer;
using testing::TempDir;
using testing::WaitFor;

constexpr const char* kCity = "350200";
constexpr const char* kJimei = "350211";
constexpr const char* kHuli = "350206";
constexpr const char* kServicePassword = "service-test-password";
constexpr const char* kReaderPassword = "reader-test-password";
constexpr const char* kLeafPassword = "leaf-test-password";
constexpr const char* kContext = "registration";
constexpr auto kConverge = 20s;

std::string DeployDir() { return SOCGOV_DEPLOY_DIR; }

// Copies nats.conf and the role's leafnodes.conf side by side (nats.conf includes
// ./leafnodes.conf).
std::string AssembleConfig(const std::string& dir, const std::string& leafnodes_component) {
  const fs::path conf = fs::path(dir) / "conf";
  fs::create_directories(conf);
  const fs::path k8s = fs::path(DeployDir()) / "k8s";
  fs::copy_file(k8s / "base/nats/nats.conf", conf / "nats.conf");
  fs::copy_file(k8s / "components" / leafnodes_component / "leafnodes.conf",
                conf / "leafnodes.conf");
  return (conf / "nats.conf").string();
}

std::vector<std::pair<std::string, std::string>> CommonEnv(const std::string& jurisdiction) {
  const std::string domain = streams::DomainOf(jurisdiction);
  return {{"NATS_SERVER_NAME", domain},
          {"NATS_JS_DOMAIN", domain},
          {"NATS_SERVICE_PASSWORD", kServicePassword},
          {"NATS_READER_PASSWORD", kReaderPassword}};
}

std::string UserUrl(const NatsServer& server, const std::string& user, const std::string& pw) {
  return "nats://" + user + ":" + pw + "@127.0.0.1:" + std::to_string(server.port());
}

// One jurisdiction's nats-server in its own folder.
struct Deployment {
  std::string jurisdiction;
  std::string dir;
  std::string config_file;
  std::unique_ptr<NatsServer> server;

  std::unique_ptr<bus::Connection> Connect() const {
    auto conn = bus::Connection::Connect(
        {UserUrl(*server, "socgov", kServicePassword), "topology-test-" + jurisdiction});
    if (!conn.ok())
      throw std::runtime_error("connect " + jurisdiction + ": " + conn.error().message);
    EXPECT_TRUE(WaitFor([&] { return (*conn)->connected(); }, 5s));
    return std::move(*conn);
  }
};

outbox::OutboxEvent Event(const std::string& jurisdiction, int n) {
  outbox::OutboxEvent e;
  e.id = NewUuidV7(std::chrono::system_clock::now());
  e.type = outbox::CeType(kContext, "organization", "registered");
  e.source = "/socgov/" + jurisdiction + "/registration";
  e.subject = "org-" + jurisdiction + "-" + std::to_string(n);
  e.time = "2026-11-28T00:00:00Z";
  e.dataschema = "socgov.registration.v1.OrganizationRegistered";
  e.sequence = 1;
  e.jurisdiction = jurisdiction;
  e.actor = "registrar.test";
  e.nats_subject = outbox::Subject(jurisdiction, kContext, "organization", "registered");
  e.data = "event " + std::to_string(n);
  return e;
}

// Publishes `count` new events in a deployment; returns their ids. Every publish must be acked by
// the deployment's own JetStream, linked to the city or not.
std::vector<std::string> PublishEvents(bus::Connection& conn, const std::string& jurisdiction,
                                       int first, int count) {
  std::vector<std::string> ids;
  for (int n = first; n < first + count; ++n) {
    const auto e = Event(jurisdiction, n);
    auto ack = bus::Publish(conn, e, 2000);
    EXPECT_TRUE(ack.ok()) << (ack.ok() ? "" : ack.error().message);
    if (ack.ok()) {
      EXPECT_FALSE(ack->duplicate);
    }
    ids.push_back(e.id);
  }
  return ids;
}

uint64_t MessageCount(bus::Connection& conn, const std::string& stream) {
  jsStreamInfo* si = nullptr;
  if (js_GetStreamInfo(&si, conn.js(), stream.c_str(), nullptr, nullptr) != NATS_OK) return 0;
  const uint64_t n = si->State.Msgs;
  jsStreamInfo_Destroy(si);
  return n;
}

// Messages delivered to a consumer and not acked yet; -1 when the consumer cannot be read.
int64_t AckPending(bus::Connection& conn, const std::string& stream, const std::string& durable) {
  jsConsumerInfo* ci = nullptr;
  if (js_GetConsumerInfo(&ci, conn.js(), stream.c_str(), durable.c_str(), nullptr, nullptr) !=
      NATS_OK) {
    return -1;
  }
  const auto n = static_cast<int64_t>(ci->NumAckPending);
  jsConsumerInfo_Destroy(ci);
  return n;
}

// The city reaches a district's JetStream through the leaf link: the domain's API answers.
bool DomainReachable(bus::Connection& conn, const std::string& domain) {
  jsOptions o;
  jsOptions_Init(&o);
  o.Domain = domain.c_str();
  o.Wait = 500;
  jsAccountInfo* ai = nullptr;
  const natsStatus s = js_GetAccountInfo(&ai, conn.js(), &o, nullptr);
  if (ai != nullptr) jsAccountInfo_Destroy(ai);
  return s == NATS_OK;
}

// Nats-Msg-Id of every message in the stream, in stream order.
std::vector<std::string> MessageIds(bus::Connection& conn, const std::string& stream) {
  std::vector<std::string> ids;
  const uint64_t n = MessageCount(conn, stream);
  for (uint64_t seq = 1; seq <= n; ++seq) {
    natsMsg* msg = nullptr;
    if (js_GetMsg(&msg, conn.js(), stream.c_str(), seq, nullptr, nullptr) != NATS_OK) {
      ADD_FAILURE() << "cannot read " << stream << " sequence " << seq;
      continue;
    }
    const char* id = nullptr;
    natsMsgHeader_Get(msg, "Nats-Msg-Id", &id);
    ids.push_back(id != nullptr ? id : "");
    natsMsg_Destroy(msg);
  }
  return ids;
}

// The read-only user's connection, recording asynchronous errors (permission violations).
class ReaderConnection {
 public:
  explicit ReaderConnection(const std::string& url) {
    natsOptions* opts = nullptr;
    natsStatus s = natsOptions_Create(&opts);
    if (s == NATS_OK) s = natsOptions_SetURL(opts, url.c_str());
    if (s == NATS_OK) s = natsOptions_SetErrorHandler(opts, &ReaderConnection::OnError, this);
    if (s == NATS_OK) s = natsConnection_Connect(&nc_, opts);
    if (opts != nullptr) natsOptions_Destroy(opts);
    if (s == NATS_OK) s = natsConnection_JetStream(&js_, nc_, nullptr);
    EXPECT_EQ(s, NATS_OK) << natsStatus_GetText(s);
  }
  ~ReaderConnection() {
    if (sub_ != nullptr) natsSubscription_Destroy(sub_);
    if (js_ != nullptr) jsCtx_Destroy(js_);
    if (nc_ != nullptr) {
      natsConnection_Close(nc_);
      natsConnection_Destroy(nc_);
    }
  }
  ReaderConnection(const ReaderConnection&) = delete;
  ReaderConnection& operator=(const ReaderConnection&) = delete;

  natsConnection* nc() const { return nc_; }
  jsCtx* js() const { return js_; }
  bool not_permitted() const { return not_permitted_.load(); }

  // Reads the whole stream through the provisioned durable (fetch batch 1: architecture.md §7).
  std::vector<std::string> ReadAll(const std::string& stream, const std::string& durable) {
    jsSubOptions so;
    jsSubOptions_Init(&so);
    so.Stream = stream.c_str();
    so.Consumer = durable.c_str();
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = js_PullSubscribe(&sub_, js_, nullptr, durable.c_str(), nullptr, &so, &jerr);
    EXPECT_EQ(s, NATS_OK) << natsStatus_GetText(s) << " jerr " << jerr;
    std::vector<std::string> ids;
    while (s == NATS_OK) {
      natsMsgList list{};
      s = natsSubscription_Fetch(&list, sub_, 1, 1000, &jerr);
      if (s != NATS_OK) break;
      for (int i = 0; i < list.Count; ++i) {
        const char* id = nullptr;
        natsMsgHeader_Get(list.Msgs[i], "Nats-Msg-Id", &id);
        ids.push_back(id != nullptr ? id : "");
        EXPECT_EQ(natsMsg_Ack(list.Msgs[i], nullptr), NATS_OK);
      }
      natsMsgList_Destroy(&list);
    }
    EXPECT_EQ(s, NATS_TIMEOUT) << natsStatus_GetText(s);  // the end of the stream
    return ids;
  }

 private:
  static void OnError(natsConnection*, natsSubscription*, natsStatus err, void* closure) {
    if (err == NATS_NOT_PERMITTED) static_cast<ReaderConnection*>(closure)->not_permitted_ = true;
  }
  natsConnection* nc_ = nullptr;
  jsCtx* js_ = nullptr;
  natsSubscription* sub_ = nullptr;
  std::atomic<bool> not_permitted_{false};
};

class TopologyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    leaf_port_ = testing::FreePort();
    city_.jurisdiction = kCity;
    city_.dir = root_.path() + "/city";
    fs::create_directories(city_.dir);
    city_.config_file = AssembleConfig(city_.dir, "stream-sources");
    auto env = CommonEnv(kCity);
    env.insert(env.end(), {{"NATS_LEAF_HOST", "127.0.0.1"},
                           {"NATS_LEAF_PORT", std::to_string(leaf_port_)},
                           {"NATS_LEAF_PASSWORD", kLeafPassword}});
    city_.server = std::make_unique<NatsServer>(city_.dir, NatsConfig{city_.config_file, env});
    for (const char* code : {kJimei, kHuli}) {
      Deployment& d = districts_[code];
      d.jurisdiction = code;
      d.dir = root_.path() + "/district-" + code;
      fs::create_directories(d.dir);
      d.config_file = AssembleConfig(d.dir, "leaf-remote");
      d.server = std::make_unique<NatsServer>(d.dir, DistrictConfig(d, leaf_port_));
    }
  }

  static NatsConfig DistrictConfig(const Deployment& d, int hub_leaf_port) {
    auto env = CommonEnv(d.jurisdiction);
    env.emplace_back("NATS_LEAF_URL", "nats-leaf://leaf:" + std::string(kLeafPassword) +
                                          "@127.0.0.1:" + std::to_string(hub_leaf_port));
    return {d.config_file, env};
  }

  TempDir root_;
  int leaf_port_ = 0;
  Deployment city_;
  std::map<std::string, Deployment> districts_;
};

TEST_F(TopologyTest, CityCatchesUpWithACutOffDistrictExactlyOnce) {
  const std::string stream = streams::StreamName(kContext);
  auto city = city_.Connect();
  std::map<std::string, std::unique_ptr<bus::Connection>> district;
  for (auto& [code, d] : districts_) {
    district[code] = d.Connect();
    // Each district's service provisions its own stream, as socgov-registration does.
    ASSERT_FALSE(
        bus::EnsureStream(*district[code], {stream, {streams::OwnSubject(code, kContext)}}));
    ASSERT_TRUE(WaitFor([&] { return DomainReachable(*city, streams::DomainOf(code)); }, 10s))
        << code << "'s leaf link did not come up";
  }
  // The city's own service may create the stream before socgov-streams adds the sources.
  ASSERT_FALSE(bus::EnsureStream(*city, {stream, {streams::OwnSubject(kCity, kContext)}}));
  streams::SourcedStreamSpec spec;
  spec.stream = {stream, {streams::OwnSubject(kCity, kContext)}};
  // A city starts with one district and adds another later; repeating changes nothing.
  spec.source_domains = {streams::DomainOf(kJimei)};
  ASSERT_FALSE(streams::EnsureSourcedStream(*city, spec));
  spec.source_domains = {streams::DomainOf(kJimei), streams::DomainOf(kHuli)};
  ASSERT_FALSE(streams::EnsureSourcedStream(*city, spec));
  ASSERT_FALSE(streams::EnsureSourcedStream(*city, spec));
  ASSERT_FALSE(bus::EnsureConsumer(*city, {stream, "reader", ""}));
  EXPECT_EQ(streams::SourcedDomains(*city, stream).size(), 2u);

  std::set<std::string> expected;
  auto add = [&](const std::vector<std::string>& ids) { expected.insert(ids.begin(), ids.end()); };
  add(PublishEvents(*district[kJimei], kJimei, 0, 5));
  add(PublishEvents(*district[kHuli], kHuli, 0, 5));
  add(PublishEvents(*city, kCity, 0, 2));
  ASSERT_TRUE(WaitFor([&] { return MessageCount(*city, stream) == expected.size(); }, kConverge))
      << "city has " << MessageCount(*city, stream) << " of " << expected.size();

  // Cut Jimei off: its nats-server comes back with the leaf remote pointing at nothing.
  Deployment& jimei = districts_[kJimei];
  jimei.server->Stop();
  jimei.server->set_config(DistrictConfig(jimei, testing::FreePort()));
  jimei.server->Start();
  ASSERT_TRUE(WaitFor([&] { return district[kJimei]->connected(); }, 10s));
  EXPECT_FALSE(DomainReachable(*city, streams::DomainOf(kJimei)));

  // Jimei keeps working on its own; Huli's events still reach the city.
  const auto cut_off = PublishEvents(*district[kJimei], kJimei, 5, 10);
  add(cut_off);
  // A relay re-publishing after a restart sends the same Nats-Msg-Id again: absorbed by dedup.
  {
    auto again = Event(kJimei, 5);
    again.id = cut_off.front();
    auto ack = bus::Publish(*district[kJimei], again, 2000);
    ASSERT_TRUE(ack.ok());
    EXPECT_TRUE(ack->duplicate);
  }
  add(PublishEvents(*district[kHuli], kHuli, 5, 5));
  const uint64_t reachable = expected.size() - cut_off.size();
  ASSERT_TRUE(WaitFor([&] { return MessageCount(*city, stream) == reachable; }, kConverge))
      << "city has " << MessageCount(*city, stream) << " of " << reachable;
  EXPECT_EQ(MessageCount(*district[kJimei], stream), 15u);

  // Heal: the district reconnects to the hub and the city's source resumes where it stopped.
  jimei.server->Stop();
  jimei.server->set_config(DistrictConfig(jimei, leaf_port_));
  jimei.server->Start();
  ASSERT_TRUE(WaitFor([&] { return MessageCount(*city, stream) >= expected.size(); }, kConverge))
      << "city has " << MessageCount(*city, stream) << " of " << expected.size();

  const auto ids = MessageIds(*city, stream);
  const std::set<std::string> unique(ids.begin(), ids.end());
  EXPECT_EQ(ids.size(), expected.size()) << "an event arrived twice";
  EXPECT_EQ(unique, expected);

  // Other systems read everything through their own durable and may publish nothing.
  ReaderConnection reader(UserUrl(*city_.server, "reader", kReaderPassword));
  const auto read = reader.ReadAll(stream, "reader");
  EXPECT_EQ(std::set<std::string>(read.begin(), read.end()), expected);
  EXPECT_EQ(read.size(), expected.size());
  // Its acks are allowed: nothing is left pending, and no permissions violation so far.
  natsConnection_FlushTimeout(reader.nc(), 2000);
  EXPECT_TRUE(WaitFor([&] { return AckPending(*city, stream, "reader") == 0; }, 5s));
  EXPECT_FALSE(reader.not_permitted());

  const auto forged = Event(kCity, 99);
  EXPECT_EQ(natsConnection_PublishString(reader.nc(), forged.nats_subject.c_str(), "forged"),
            NATS_OK);  // core publish is asynchronous; the server answers with -ERR
  natsConnection_FlushTimeout(reader.nc(), 2000);
  EXPECT_TRUE(WaitFor([&] { return reader.not_permitted(); }, 5s))
      << "the read-only user published without a permissions violation";
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MaxWait = 500;
  jsPubAck* ack = nullptr;
  EXPECT_NE(js_Publish(&ack, reader.js(), forged.nats_subject.c_str(), "forged", 6, &po, nullptr),
            NATS_OK);
  if (ack != nullptr) jsPubAck_Destroy(ack);
  EXPECT_EQ(MessageCount(*city, stream), expected.size());
}

// The streams Job of the city overlay: socgov-streams with socgov-config's SOCGOV_* variables.
TEST_F(TopologyTest, StreamsJobAddsTheDistrictSourcesAndTheReaderDurable) {
  const std::vector<std::pair<std::string, std::string>> env = {
      {"SOCGOV_NATS_URL", UserUrl(*city_.server, "socgov", kServicePassword)},
      {"SOCGOV_JURISDICTION", kCity},
      {"SOCGOV_CONTEXTS", kContext},
      {"SOCGOV_READER_DURABLE", "reader"},
      {"SOCGOV_SOURCE_DOMAINS", "district-350211,district-350206"},
      {"SOCGOV_WAIT_SECONDS", "20"}};
  const std::string log = root_.path() + "/streams.log";
  for (int run = 0; run < 2; ++run) {  // a second run finds everything in place
    testing::ChildProcess job({SOCGOV_STREAMS_BIN}, log, env);
    ASSERT_TRUE(WaitFor([&] { return !job.running(); }, 30s)) << testing::ReadFile(log);
    ASSERT_EQ(job.Terminate(), 0) << testing::ReadFile(log);
  }
  auto city = city_.Connect();
  const std::string stream = streams::StreamName(kContext);
  EXPECT_EQ(streams::SourcedDomains(*city, stream),
            (std::vector<std::string>{"district-350211", "district-350206"}));
  jsStreamInfo* si = nullptr;
  ASSERT_EQ(js_GetStreamInfo(&si, city->js(), stream.c_str(), nullptr, nullptr), NATS_OK);
  ASSERT_EQ(si->Config->SubjectsLen, 1);
  EXPECT_STREQ(si->Config->Subjects[0], "socgov.v1.350200._.registration.>");
  jsStreamInfo_Destroy(si);
  jsConsumerInfo* ci = nullptr;
  EXPECT_EQ(js_GetConsumerInfo(&ci, city->js(), stream.c_str(), "reader", nullptr, nullptr),
            NATS_OK);
  if (ci != nullptr) jsConsumerInfo_Destroy(ci);
}

}  // namespace
}  // namespace socgov
