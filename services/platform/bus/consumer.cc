#include "platform/bus/consumer.h"

#include <nats/nats.h>

#include <chrono>
#include <cstdlib>
#include <utility>

#include "platform/metrics/metrics.h"

namespace socgov::bus {
namespace {

constexpr int kFetchTimeoutMs = 1000;

Delivery ToDelivery(natsMsg* msg) {
  Delivery d;
  d.subject = natsMsg_GetSubject(msg);
  const char* data = natsMsg_GetData(msg);
  d.data.assign(data == nullptr ? "" : data, static_cast<size_t>(natsMsg_GetDataLength(msg)));
  const char** keys = nullptr;
  int count = 0;
  if (natsMsgHeader_Keys(msg, &keys, &count) == NATS_OK && keys != nullptr) {
    for (int i = 0; i < count; ++i) {
      const char* value = nullptr;
      if (natsMsgHeader_Get(msg, keys[i], &value) == NATS_OK && value != nullptr)
        d.headers[keys[i]] = value;
    }
    // The key array is allocated by nats.c for the caller; the strings belong to the message.
    std::free(static_cast<void*>(keys));
  }
  jsMsgMetaData* md = nullptr;
  if (natsMsg_GetMetaData(&md, msg) == NATS_OK && md != nullptr) {
    d.stream = md->Stream == nullptr ? "" : md->Stream;
    d.stream_sequence = md->Sequence.Stream;
    d.num_delivered = md->NumDelivered;
    d.num_pending = md->NumPending;
    jsMsgMetaData_Destroy(md);
  }
  return d;
}

}  // namespace

ConsumerLoop::ConsumerLoop(Connection& conn, ConsumerSpec spec, Handler handler,
                           DeadLetterSink dead_letter, metrics::Metrics* metrics,
                           const log::Logger& logger)
    : conn_(conn),
      spec_(std::move(spec)),
      handler_(std::move(handler)),
      dead_letter_(std::move(dead_letter)),
      metrics_(metrics),
      logger_(logger) {}

ConsumerLoop::~ConsumerLoop() { Stop(); }

void ConsumerLoop::Start() {
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this] { Run(); });
}

void ConsumerLoop::Stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void ConsumerLoop::Pause(int ms) {
  for (int waited = 0; waited < ms && !stop_; waited += 20)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

__natsSubscription* ConsumerLoop::Subscribe() {
  if (auto err = EnsureConsumer(conn_, spec_)) {
    if (errors_logged_++ % 20 == 0)
      logger_.Warn("consumer not provisioned", {{"stream", spec_.stream}, {"error", err->message}});
    return nullptr;
  }
  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = spec_.stream.c_str();
  so.Consumer = spec_.durable.c_str();  // bind to the provisioned durable, never create one here
  jsErrCode jerr = static_cast<jsErrCode>(0);
  const char* subject = spec_.filter_subject.empty() ? nullptr : spec_.filter_subject.c_str();
  natsSubscription* sub = nullptr;
  natsStatus s =
      js_PullSubscribe(&sub, conn_.js(), subject, spec_.durable.c_str(), nullptr, &so, &jerr);
  if (s != NATS_OK) {
    if (errors_logged_++ % 20 == 0)
      logger_.Warn("consumer subscribe failed",
                   {{"stream", spec_.stream}, {"error", natsStatus_GetText(s)}});
    return nullptr;
  }
  errors_logged_ = 0;
  logger_.Info("consumer subscribed", {{"stream", spec_.stream}, {"durable", spec_.durable}});
  return sub;
}

ApplyResult ConsumerLoop::Apply(const Delivery& d) {
  try {
    return handler_(d);
  } catch (const std::exception& e) {
    // A handler bug will not heal by retrying; keep the event with the reason instead.
    return {Outcome::kReject, std::string("handler threw: ") + e.what()};
  }
}

void ConsumerLoop::Process(__natsMsg* msg) {
  const Delivery d = ToDelivery(msg);
  if (metrics_ != nullptr) {
    metrics_->SetConsumerLag(spec_.stream, static_cast<double>(d.num_pending));
    if (d.num_delivered > 1) metrics_->IncConsumer(spec_.stream, "redelivered");
  }
  ApplyResult r = Apply(d);
  // A transient failure (e.g. Redis down) is retried here, holding the message, rather than by
  // nak: redeliveries would use up MaxDeliver during an outage and drop valid events.
  for (int backoff = 200; r.outcome == Outcome::kRetry && !stop_;
       backoff = std::min(backoff * 2, 5000)) {
    if (errors_logged_++ % 20 == 0)
      logger_.Warn(
          "event apply failed, retrying",
          {{"stream", spec_.stream}, {"event_id", d.Header("ce-id")}, {"reason", r.reason}});
    natsMsg_InProgress(msg, nullptr);  // keep AckWait from expiring while we wait
    Pause(backoff);
    r = Apply(d);
  }
  switch (r.outcome) {
    case Outcome::kApplied:
    case Outcome::kDuplicate:
    case Outcome::kSkipped: {
      Ack(msg, d);
      const char* what = r.outcome == Outcome::kApplied     ? "applied"
                         : r.outcome == Outcome::kDuplicate ? "duplicate"
                                                            : "skipped";
      ++(r.outcome == Outcome::kApplied     ? applied_
         : r.outcome == Outcome::kDuplicate ? duplicates_
                                            : skipped_);
      if (metrics_ != nullptr) metrics_->IncConsumer(spec_.stream, what);
      errors_logged_ = 0;
      return;
    }
    case Outcome::kHold:
      // Comes back after the delay; the messages behind it are delivered meanwhile.
      natsMsg_NakWithDelay(msg, std::max<int64_t>(r.delay_ms, 1), nullptr);
      if (metrics_ != nullptr) metrics_->IncConsumer(spec_.stream, "held");
      return;
    case Outcome::kRetry:  // only when stopping
      if (static_cast<int>(d.num_delivered) < spec_.max_deliver) {
        natsMsg_Nak(msg, nullptr);  // the next run gets it again
        return;
      }
      // The server will not deliver it again: keep it as a dead letter rather than lose it.
      r = {Outcome::kReject, "still failing at shutdown on delivery " +
                                 std::to_string(d.num_delivered) + ": " + r.reason};
      break;
    case Outcome::kReject:
      break;
  }
  logger_.Error("event dead-lettered",
                {{"stream", spec_.stream}, {"event_id", d.Header("ce-id")}, {"reason", r.reason}});
  bool kept = dead_letter_(d, r.reason);
  for (int backoff = 200; !kept && !stop_; backoff = std::min(backoff * 2, 5000)) {
    natsMsg_InProgress(msg, nullptr);
    Pause(backoff);
    kept = dead_letter_(d, r.reason);
  }
  if (!kept) {
    // Stopping before the dead letter could be stored. The event stays in the stream either way
    // (limits retention); this line is how an operator finds it if no delivery is left.
    logger_.Error("event neither applied nor dead-lettered at shutdown",
                  {{"stream", spec_.stream},
                   {"event_id", d.Header("ce-id")},
                   {"stream_seq", std::to_string(d.stream_sequence)},
                   {"delivery", std::to_string(d.num_delivered)},
                   {"reason", r.reason}});
    natsMsg_Nak(msg, nullptr);
    return;
  }
  natsMsg_Term(msg, nullptr);
  ++dead_lettered_;
  if (metrics_ != nullptr) metrics_->IncConsumer(spec_.stream, "dead_lettered");
}

void ConsumerLoop::Ack(__natsMsg* msg, const Delivery& d) {
  // A synchronous ack that times out (a busy server) or is cut by a disconnect leaves the message
  // pending on the server until AckWait, and then it is delivered again. Keep acking (acks are
  // idempotent, and the ack subject survives a server restart) until one is confirmed, the loop is
  // stopping while disconnected, or AckWait has passed anyway.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(spec_.ack_wait_ms);
  natsStatus s = NATS_OK;
  for (int attempt = 0;; ++attempt) {
    s = natsMsg_AckSync(msg, nullptr, nullptr);
    if (s == NATS_OK) return;
    // Stopping: a few more tries while connected, none while not (the server redelivers it).
    if ((stop_ && (!conn_.connected() || attempt >= 3)) ||
        std::chrono::steady_clock::now() >= deadline)
      break;
    Pause(std::min(50 << std::min(attempt, 5), 1000));
  }
  logger_.Warn("ack not confirmed; the event will be delivered again",
               {{"stream", spec_.stream},
                {"event_id", d.Header("ce-id")},
                {"stream_seq", std::to_string(d.stream_sequence)},
                {"error", natsStatus_GetText(s)}});
}

std::optional<bool> ConsumerLoop::DurableExists() {
  jsConsumerInfo* ci = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetConsumerInfo(&ci, conn_.js(), spec_.stream.c_str(), spec_.durable.c_str(),
                                    nullptr, &jerr);
  if (s == NATS_OK) {
    jsConsumerInfo_Destroy(ci);
    return true;
  }
  if (s == NATS_NOT_FOUND || jerr == JSConsumerNotFoundErr || jerr == JSStreamNotFoundErr)
    return false;
  return std::nullopt;
}

void ConsumerLoop::Run() {
  natsSubscription* sub = nullptr;
  uint64_t seen_reconnects = conn_.reconnects();
  bool verify_durable = false;
  int fetch_failures = 0;
  auto drop = [&] {
    if (sub != nullptr) natsSubscription_Destroy(sub);  // keeps the durable (nats.c >= 3.4)
    sub = nullptr;
    subscribed_ = false;
  };
  while (!stop_) {
    if (conn_.reconnects() != seen_reconnects) {
      seen_reconnects = conn_.reconnects();
      verify_durable = sub != nullptr;
    }
    if (verify_durable && sub != nullptr) {
      if (!conn_.connected()) {
        Pause(250);  // the client reconnects by itself; the subscription comes back with it
        continue;
      }
      // The server may have come back without our durable (a lost JetStream store), and fetches
      // would then time out forever: re-provision and re-subscribe then. A durable that is still
      // there keeps its subscription: dropping it would strand whatever the server had already
      // sent to its pull requests until AckWait expired.
      const std::optional<bool> exists = DurableExists();
      if (!exists) {
        Pause(250);
        continue;
      }
      verify_durable = false;
      if (!*exists) {
        logger_.Info("durable lost with the server's store; re-provisioning",
                     {{"stream", spec_.stream}, {"durable", spec_.durable}});
        drop();
      }
    }
    if (sub == nullptr) {
      sub = Subscribe();
      if (sub == nullptr) {
        Pause(500);
        continue;
      }
      subscribed_ = true;
    }
    // One message per fetch: nats.c 3.4.1 can overflow the heap when a multi-message batch
    // arrives in parts (architecture.md §7).
    natsMsgList list = {nullptr, 0};
    jsErrCode jerr = static_cast<jsErrCode>(0);
    const auto started = std::chrono::steady_clock::now();
    natsStatus s = natsSubscription_Fetch(&list, sub, 1, kFetchTimeoutMs, &jerr);
    if (s == NATS_TIMEOUT) {
      // nats.c 3.4.1 may return a timeout at once after an earlier one (fixed in 3.6): wait out
      // the rest of the interval instead of spinning.
      const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - started)
                               .count();
      if (elapsed < kFetchTimeoutMs / 2) Pause(static_cast<int>(kFetchTimeoutMs - elapsed));
      continue;
    }
    if (s != NATS_OK) {
      natsMsgList_Destroy(&list);
      if (errors_logged_++ % 20 == 0)
        logger_.Warn("consumer fetch failed",
                     {{"stream", spec_.stream}, {"error", natsStatus_GetText(s)}});
      // A pull subscription does not recover from a vanished consumer by itself: check the
      // durable (once connected again) and start over only if it is gone, or if fetching keeps
      // failing on a subscription the server still knows. Dropping a working subscription would
      // strand what the server already sent it until AckWait expired.
      if (++fetch_failures >= 20) {
        drop();
        fetch_failures = 0;
      } else {
        verify_durable = true;
      }
      Pause(250);
      continue;
    }
    fetch_failures = 0;
    for (int i = 0; i < list.Count; ++i) Process(list.Msgs[i]);
    natsMsgList_Destroy(&list);
  }
  drop();
}

}  // namespace socgov::bus
