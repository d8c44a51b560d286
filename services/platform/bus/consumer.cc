#include "platform/bus/consumer.h"

#include <nats/nats.h>

#include <chrono>
#include <cstdlib>
#include <utility>

#include "platform/metrics/metrics.h"

namespace socgov::bus {
namespace {

constexpr int kFetchTimeoutMs = 1000;
constexpr int64_t kRetryDelayMs = 1000;

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

void ConsumerLoop::Run() {
  natsSubscription* sub = nullptr;
  auto pause = [this](int ms) {
    for (int waited = 0; waited < ms && !stop_; waited += 50)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  };
  int consecutive_errors = 0;
  while (!stop_) {
    if (sub == nullptr) {
      jsSubOptions so;
      jsSubOptions_Init(&so);
      so.Stream = spec_.stream.c_str();
      so.Consumer =
          spec_.durable.c_str();  // bind to the provisioned durable, never create one here
      jsErrCode jerr = static_cast<jsErrCode>(0);
      const char* subject = spec_.filter_subject.empty() ? nullptr : spec_.filter_subject.c_str();
      natsStatus s =
          js_PullSubscribe(&sub, conn_.js(), subject, spec_.durable.c_str(), nullptr, &so, &jerr);
      if (s != NATS_OK) {
        sub = nullptr;
        if (consecutive_errors++ % 20 == 0)
          logger_.Warn("consumer subscribe failed",
                       {{"stream", spec_.stream}, {"error", natsStatus_GetText(s)}});
        pause(500);
        continue;
      }
      consecutive_errors = 0;
      subscribed_ = true;
      logger_.Info("consumer subscribed", {{"stream", spec_.stream}, {"durable", spec_.durable}});
    }
    // One message per fetch: nats.c 3.4.1 can overflow the heap when a multi-message batch
    // arrives in parts (architecture.md §7).
    natsMsgList list = {nullptr, 0};
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = natsSubscription_Fetch(&list, sub, 1, kFetchTimeoutMs, &jerr);
    if (s == NATS_TIMEOUT) continue;
    if (s != NATS_OK) {
      natsMsgList_Destroy(&list);
      if (consecutive_errors++ % 20 == 0)
        logger_.Warn("consumer fetch failed",
                     {{"stream", spec_.stream}, {"error", natsStatus_GetText(s)}});
      if (s == NATS_INVALID_SUBSCRIPTION || s == NATS_CONNECTION_CLOSED || s == NATS_NOT_FOUND) {
        natsSubscription_Destroy(sub);
        sub = nullptr;
        subscribed_ = false;
      }
      pause(250);
      continue;
    }
    consecutive_errors = 0;
    for (int i = 0; i < list.Count; ++i) {
      natsMsg* msg = list.Msgs[i];
      Delivery d = ToDelivery(msg);
      ApplyResult r;
      try {
        r = handler_(d);
      } catch (const std::exception& e) {
        r = {Outcome::kRetry, e.what()};
      }
      if (metrics_ != nullptr)
        metrics_->SetConsumerLag(spec_.stream, static_cast<double>(d.num_pending));
      if (d.num_delivered > 1 && metrics_ != nullptr)
        metrics_->IncConsumer(spec_.stream, "redelivered");
      switch (r.outcome) {
        case Outcome::kApplied:
          natsMsg_AckSync(msg, nullptr, nullptr);
          ++applied_;
          if (metrics_ != nullptr) metrics_->IncConsumer(spec_.stream, "applied");
          break;
        case Outcome::kDuplicate:
          natsMsg_AckSync(msg, nullptr, nullptr);
          ++duplicates_;
          if (metrics_ != nullptr) metrics_->IncConsumer(spec_.stream, "duplicate");
          break;
        case Outcome::kRetry:
          if (static_cast<int>(d.num_delivered) < spec_.max_deliver) {
            logger_.Warn(
                "event apply failed, will retry",
                {{"stream", spec_.stream}, {"event_id", d.Header("ce-id")}, {"reason", r.reason}});
            natsMsg_NakWithDelay(msg, kRetryDelayMs, nullptr);
            break;
          }
          r.reason =
              "gave up after " + std::to_string(d.num_delivered) + " deliveries: " + r.reason;
          [[fallthrough]];
        case Outcome::kReject:
          logger_.Error(
              "event dead-lettered",
              {{"stream", spec_.stream}, {"event_id", d.Header("ce-id")}, {"reason", r.reason}});
          if (!dead_letter_(d, r.reason)) {
            natsMsg_NakWithDelay(msg, kRetryDelayMs, nullptr);
            break;
          }
          natsMsg_Term(msg, nullptr);
          ++dead_lettered_;
          if (metrics_ != nullptr) metrics_->IncConsumer(spec_.stream, "dead_lettered");
          break;
      }
    }
    natsMsgList_Destroy(&list);
  }
  if (sub != nullptr) natsSubscription_Destroy(sub);  // keeps the durable consumer (nats.c ≥ 3.4)
  subscribed_ = false;
}

}  // namespace socgov::bus
