#include "raw.h"

#include <fcntl.h>
#include <nats/nats.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "platform/bus/consumer.h"
#include "platform/bus/nats.h"
#include "platform/log/log.h"
#include "platform/util/clock.h"
#include "platform/util/uuid.h"
#include "registration/domain/application.h"
#include "registration/store/registration_store.h"

namespace socgov::bench {
namespace {

using Clock = std::chrono::steady_clock;

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

}  // namespace

Histogram FsyncLoop(const std::string& dir, int count) {
  Histogram h;
  const std::string path = dir + "/fsync-probe";
  const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
  if (fd < 0) throw std::runtime_error("fsync probe: cannot open " + path);
  std::string block(4096, 'x');
  for (int i = 0; i < count; ++i) {
    const auto t0 = Clock::now();
    // Append like an AOF does, so each fdatasync has new data and size metadata to flush.
    if (::write(fd, block.data(), block.size()) != static_cast<ssize_t>(block.size())) break;
    ::fdatasync(fd);
    h.Record(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count());
  }
  ::close(fd);
  ::unlink(path.c_str());
  return h;
}

// ---- P2a ------------------------------------------------------------------------------------

struct LuaWorkload::Impl {
  Impl(int port, int workers, std::string tag)
      : pool(Options(port), static_cast<size_t>(workers)),
        store(pool),
        workers(workers),
        tag(std::move(tag)) {
    auto redis = pool.Acquire();
    store.scripts().LoadAll(*redis);
  }
  static store::RedisOptions Options(int port) {
    store::RedisOptions o;
    o.port = port;
    return o;
  }
  // The arguments registration builds for one submit: the application's fields, one event of
  // the size of ApplicationSubmitted, and a stored response of the size of the RPC's.
  std::string Op(uint64_t i) {
    using namespace registration;
    const std::string unique = tag + "-lua-" + std::to_string(i);
    Profile p;
    p.kind = OrgKind::kSocialService;
    p.social_service_form = SocialServiceForm::kLegalPerson;
    p.staff_count = 12;
    p.name = "集美区" + unique + "号社区养老服务中心";
    p.domicile = "厦门市集美区嘉庚路 18 号";
    p.legal_rep.name = "王海峰";
    p.legal_rep.id_number = "350211197405180030";
    p.funds_fen = 1'000'000;
    p.business_scope = "养老照护；社区助餐";
    p.jurisdiction = "350211";
    const TimePoint now = std::chrono::system_clock::now();
    RegistrySettings settings;
    settings.authority_code = "350211";
    auto app = SubmitApplication(NewUuidV7(now), p, ApplicationStage::kEstablishment,
                                 Actor{"clerk.bench", {"clerk"}, "350211"}, settings, now);
    if (!app.ok()) return "domain: " + app.error().message;
    outbox::OutboxEvent e;
    e.id = NewUuidV7(now);
    e.type = outbox::CeType("registration", "application", "submitted");
    e.source = "/socgov/350211/registration";
    e.subject = app->id;
    e.time = FormatRfc3339(now);
    e.dataschema = "socgov.registration.v1.ApplicationSubmitted";
    e.sequence = 1;
    e.jurisdiction = "350211";
    e.actor = "clerk.bench";
    e.nats_subject = outbox::Subject("350211", "registration", "application", "submitted");
    e.data.assign(520, 'e');
    auto out = store.Submit("lua:" + unique, *app, {e}, std::string(560, 'r'));
    return out.ok() ? "" : out.error().message;
  }
  store::RedisPool pool;
  registration::RegistrationStore store;
  int workers;
  std::string tag;
  uint64_t next = 0;
};

LuaWorkload::LuaWorkload(int redis_port, int workers, std::string run_tag)
    : impl_(std::make_unique<Impl>(redis_port, workers, std::move(run_tag))) {}
LuaWorkload::~LuaWorkload() = default;

StepStats LuaWorkload::Step(double rate, double seconds) {
  // Names must stay unique across steps: each step continues the numbering.
  const uint64_t base = impl_->next;
  impl_->next += static_cast<uint64_t>(rate * seconds) + 1;
  return RunPoolStep(rate, seconds, impl_->workers, [this, base](uint64_t i, int) {
    try {
      return impl_->Op(base + i);
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
  });
}

// ---- P2b ------------------------------------------------------------------------------------

struct JetStreamWorkload::Impl {
  explicit Impl(const std::string& url) : logger("bench-jetstream", "000000", &log_sink) {
    auto c = bus::Connection::Connect({url, "socgov-bench-pub"});
    if (!c.ok()) throw std::runtime_error("nats: " + c.error().message);
    pub = std::move(*c);
    auto c2 = bus::Connection::Connect({url, "socgov-bench-sub"});
    if (!c2.ok()) throw std::runtime_error("nats: " + c2.error().message);
    sub = std::move(*c2);
    for (int i = 0; i < 100 && !(pub->connected() && sub->connected()); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    bus::StreamSpec stream{"BENCH_RAW", {"bench.raw.>"}};
    if (auto err = bus::EnsureStream(*pub, stream)) throw std::runtime_error(err->message);
    consumer = std::make_unique<bus::ConsumerLoop>(
        *sub, bus::ConsumerSpec{"BENCH_RAW", "bench", "", 5, 30'000},
        [this](const bus::Delivery& d) { return OnMessage(d); },
        [](const bus::Delivery&, const std::string&) { return true; }, nullptr, logger);
    consumer->Start();
  }
  ~Impl() { consumer.reset(); }

  bus::ApplyResult OnMessage(const bus::Delivery& d) {
    const int64_t sent = std::strtoll(d.data.c_str(), nullptr, 10);
    std::lock_guard<std::mutex> lock(mu);
    received.Record(NowNs() - sent);
    ++count;
    return {bus::Outcome::kApplied, ""};
  }

  std::ostringstream log_sink;  // the consumer's log lines are not needed
  log::Logger logger;
  std::unique_ptr<bus::Connection> pub, sub;
  std::unique_ptr<bus::ConsumerLoop> consumer;
  std::mutex mu;
  Histogram received;
  uint64_t count = 0;
  uint64_t seq = 0;
};

JetStreamWorkload::JetStreamWorkload(const std::string& nats_url)
    : impl_(std::make_unique<Impl>(nats_url)) {}
JetStreamWorkload::~JetStreamWorkload() = default;

StepStats JetStreamWorkload::Step(double rate, double seconds) {
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->received = Histogram();
    impl_->count = 0;
  }
  // The payload: the publish start time, padded to the size of a registration event.
  StepStats pub = RunPoolStep(rate, seconds, 1, [this](uint64_t, int) {
    outbox::OutboxEvent e;
    e.id = "bench-" + std::to_string(++impl_->seq) + "-" + std::to_string(NowNs());
    e.type = "cn.socgov.bench.raw.published.v1";
    e.source = "/socgov/000000/bench";
    e.subject = "raw";
    e.time = FormatRfc3339(std::chrono::system_clock::now());
    e.nats_subject = "bench.raw.event";
    e.data = std::to_string(NowNs());
    e.data.resize(520, ' ');
    auto ack = bus::Publish(*impl_->pub, e, 5000);
    return ack.ok() ? std::string() : "publish: " + ack.error().message;
  });
  // Wait for the consumer to receive what was published (bounded).
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (Clock::now() < deadline) {
    {
      std::lock_guard<std::mutex> lock(impl_->mu);
      if (impl_->count >= pub.ok) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  StepStats s = pub;
  std::lock_guard<std::mutex> lock(impl_->mu);
  s.latency = impl_->received;
  s.ok = impl_->count;
  s.failed = pub.planned > s.ok ? pub.planned - s.ok : 0;
  return s;
}

// ---- P2c ------------------------------------------------------------------------------------

struct RequestReplyWorkload::Impl {
  Impl(const std::string& url, int n) : workers(n) {
    if (natsConnection_ConnectTo(&responder, url.c_str()) != NATS_OK)
      throw std::runtime_error("nats responder: cannot connect to " + url);
    if (natsConnection_Subscribe(&sub, responder, "bench.rr", &Impl::Respond, nullptr) != NATS_OK)
      throw std::runtime_error("nats responder: cannot subscribe");
    natsConnection_Flush(responder);
    for (int i = 0; i < n; ++i) {
      natsConnection* c = nullptr;
      if (natsConnection_ConnectTo(&c, url.c_str()) != NATS_OK)
        throw std::runtime_error("nats requester: cannot connect");
      requesters.push_back(c);
    }
  }
  ~Impl() {
    for (auto* c : requesters) natsConnection_Destroy(c);
    natsSubscription_Destroy(sub);
    natsConnection_Destroy(responder);
  }
  static void Respond(natsConnection* nc, natsSubscription*, natsMsg* msg, void*) {
    if (const char* reply = natsMsg_GetReply(msg))
      natsConnection_Publish(nc, reply, natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
    natsMsg_Destroy(msg);
  }
  int workers;
  natsConnection* responder = nullptr;
  natsSubscription* sub = nullptr;
  std::vector<natsConnection*> requesters;
};

RequestReplyWorkload::RequestReplyWorkload(const std::string& nats_url, int workers)
    : impl_(std::make_unique<Impl>(nats_url, workers)) {}
RequestReplyWorkload::~RequestReplyWorkload() = default;

StepStats RequestReplyWorkload::Step(double rate, double seconds) {
  const std::string payload(520, 'q');
  return RunPoolStep(rate, seconds, impl_->workers, [&](uint64_t, int w) {
    natsMsg* reply = nullptr;
    const natsStatus st =
        natsConnection_Request(&reply, impl_->requesters[w], "bench.rr", payload.data(),
                               static_cast<int>(payload.size()), 5000);
    if (reply != nullptr) natsMsg_Destroy(reply);
    return st == NATS_OK ? std::string() : std::string("request: ") + natsStatus_GetText(st);
  });
}

}  // namespace socgov::bench
