// nats.c adapter: an RAII connection that reconnects forever (and retries a failed first connect),
// JetStream stream/consumer provisioning that is safe to repeat, and publishing with CloudEvents
// headers. nats.c types stay out of this header.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/outbox/outbox.h"
#include "platform/util/error.h"

struct __natsConnection;
struct __jsCtx;

namespace socgov::bus {

struct NatsOptions {
  std::string url = "nats://127.0.0.1:4222";
  std::string name = "socgov";
  int connect_timeout_ms = 2000;
  int reconnect_wait_ms = 250;
};

class Connection {
 public:
  // Returns at once even when the server is down (RetryOnFailedConnect); connected() tells.
  static Result<std::unique_ptr<Connection>> Connect(const NatsOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool connected() const;
  // Increments each time the client reconnects; with server_id() it shows a server restart.
  uint64_t reconnects() const { return reconnects_.load(); }
  std::string server_id() const;
  __natsConnection* raw() const { return nc_; }
  __jsCtx* js() const { return js_; }
  // Sends whatever is buffered (acks, publishes) before shutdown; subscriptions are already gone
  // by then, so there is nothing left to drain.
  void Flush(int timeout_ms);

 private:
  Connection() = default;
  static void OnReconnected(__natsConnection* nc, void* closure);
  __natsConnection* nc_ = nullptr;
  __jsCtx* js_ = nullptr;
  std::atomic<uint64_t> reconnects_{0};
};

struct StreamSpec {
  std::string name;                             // e.g. REGISTRATION
  std::vector<std::string> subjects;            // e.g. socgov.v1.350200.350211.registration.>
  int64_t duplicate_window_ms = 5 * 60 * 1000;  // must exceed the relay's re-publish window
};
// Creates the stream when it does not exist; an existing stream is left unchanged. Idempotent.
Status EnsureStream(Connection& conn, const StreamSpec& spec);
bool StreamExists(Connection& conn, const std::string& name);

struct ConsumerSpec {
  std::string stream;
  std::string durable;
  std::string filter_subject;  // empty: whole stream
  int max_deliver = 5;
  int64_t ack_wait_ms = 30'000;
};
// Creates the durable pull consumer when missing; idempotent.
Status EnsureConsumer(Connection& conn, const ConsumerSpec& spec);
// Deletes a durable consumer (a read model about to be rebuilt by replay); absent is fine.
Status DeleteConsumer(Connection& conn, const std::string& stream, const std::string& durable);

// Publishes one outbox event with CloudEvents headers and Nats-Msg-Id = ce-id; waits for the
// PubAck. Returns an error when there is no ack within timeout_ms.
struct PubAck {
  uint64_t stream_sequence = 0;
  bool duplicate = false;
};
// `msg_id` overrides Nats-Msg-Id (tests that must get past JetStream's dedup); empty = ce-id.
Result<PubAck> Publish(Connection& conn, const outbox::OutboxEvent& event, int timeout_ms,
                       const std::string& msg_id = "");

// A message received from a stream, headers copied out of nats.c.
struct Delivery {
  std::string subject;
  std::map<std::string, std::string> headers;  // ce-* headers, Nats-Msg-Id
  std::string data;
  std::string stream;
  uint64_t stream_sequence = 0;
  uint64_t num_delivered = 1;
  uint64_t num_pending = 0;

  std::string Header(const std::string& name) const;
};

}  // namespace socgov::bus
