#include "platform/bus/nats.h"

#include <nats/nats.h>

#include <cstring>

namespace socgov::bus {
namespace {

std::string NatsError(const std::string& what, natsStatus s,
                      jsErrCode jerr = static_cast<jsErrCode>(0)) {
  std::string msg = what + ": " + natsStatus_GetText(s);
  if (jerr != 0) msg += " (jetstream error " + std::to_string(static_cast<int>(jerr)) + ")";
  const char* last = nats_GetLastError(nullptr);
  if (last != nullptr && *last != '\0') msg += " [" + std::string(last) + "]";
  return msg;
}

constexpr int64_t kNanosPerMilli = 1'000'000;

// Owns a natsOptions for the duration of Connect.
struct OptionsGuard {
  natsOptions* o = nullptr;
  ~OptionsGuard() {
    if (o != nullptr) natsOptions_Destroy(o);
  }
};

}  // namespace

void Connection::OnReconnected(natsConnection*, void* closure) {
  static_cast<Connection*>(closure)->reconnects_.fetch_add(1);
}

Result<std::unique_ptr<Connection>> Connection::Connect(const NatsOptions& options) {
  // The constructor is private (only Connect makes connections), so make_unique cannot call it;
  // the pointer is owned from the start.
  std::unique_ptr<Connection> conn(new Connection());
  OptionsGuard opts;
  natsStatus s = natsOptions_Create(&opts.o);
  if (s == NATS_OK) s = natsOptions_SetURL(opts.o, options.url.c_str());
  if (s == NATS_OK) s = natsOptions_SetName(opts.o, options.name.c_str());
  if (s == NATS_OK) s = natsOptions_SetTimeout(opts.o, options.connect_timeout_ms);
  // Reconnect forever: a service outlives any nats-server restart; the outbox holds events
  // meanwhile.
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(opts.o, -1);
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(opts.o, options.reconnect_wait_ms);
  if (s == NATS_OK)
    s = natsOptions_SetReconnectBufSize(opts.o, 0);  // fail publishes fast while down
  if (s == NATS_OK)
    s = natsOptions_SetReconnectedCB(opts.o, &Connection::OnReconnected, conn.get());
  if (s == NATS_OK)
    s = natsOptions_SetRetryOnFailedConnect(opts.o, true, &Connection::OnReconnected, conn.get());
  if (s != NATS_OK) return Error::Internal(NatsError("nats options", s));
  s = natsConnection_Connect(&conn->nc_, opts.o);
  // With RetryOnFailedConnect, NATS_NOT_YET_CONNECTED means "keep trying in the background".
  if (s != NATS_OK && s != NATS_NOT_YET_CONNECTED)
    return Error::Unavailable(NatsError("nats connect " + options.url, s));
  s = natsConnection_JetStream(&conn->js_, conn->nc_, nullptr);
  if (s != NATS_OK) return Error::Internal(NatsError("jetstream context", s));
  return conn;
}

Connection::~Connection() {
  if (js_ != nullptr) jsCtx_Destroy(js_);
  if (nc_ != nullptr) {
    natsConnection_Close(nc_);
    natsConnection_Destroy(nc_);
  }
}

bool Connection::connected() const {
  return nc_ != nullptr && natsConnection_Status(nc_) == NATS_CONN_STATUS_CONNECTED;
}

std::string Connection::server_id() const {
  char buf[128] = {0};
  if (natsConnection_GetConnectedServerId(nc_, buf, sizeof buf) != NATS_OK) return "";
  return buf;
}

void Connection::Flush(int timeout_ms) {
  if (nc_ == nullptr) return;
  if (connected()) natsConnection_FlushTimeout(nc_, timeout_ms);
}

bool StreamExists(Connection& conn, const std::string& name) {
  jsStreamInfo* si = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&si, conn.js(), name.c_str(), nullptr, &jerr);
  if (si != nullptr) jsStreamInfo_Destroy(si);
  return s == NATS_OK;
}

Status EnsureStream(Connection& conn, const StreamSpec& spec) {
  // An existing stream is left as it is: operators may have added sources (a city stream sourcing
  // its districts), limits or replicas that a service's minimal spec does not know about.
  if (StreamExists(conn, spec.name)) return std::nullopt;
  std::vector<const char*> subjects;
  for (const auto& sub : spec.subjects) subjects.push_back(sub.c_str());
  jsStreamConfig cfg;
  jsStreamConfig_Init(&cfg);
  cfg.Name = spec.name.c_str();
  cfg.Subjects = subjects.data();
  cfg.SubjectsLen = static_cast<int>(subjects.size());
  cfg.Storage = js_FileStorage;
  cfg.Retention = js_LimitsPolicy;
  cfg.Duplicates = spec.duplicate_window_ms * kNanosPerMilli;
  jsStreamInfo* si = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_AddStream(&si, conn.js(), &cfg, nullptr, &jerr);
  if (si != nullptr) jsStreamInfo_Destroy(si);
  if (s == NATS_OK || StreamExists(conn, spec.name)) return std::nullopt;  // or a racing creator
  return Error::Unavailable(NatsError("stream " + spec.name, s, jerr));
}

Status EnsureConsumer(Connection& conn, const ConsumerSpec& spec) {
  jsConsumerInfo* ci = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  if (js_GetConsumerInfo(&ci, conn.js(), spec.stream.c_str(), spec.durable.c_str(), nullptr,
                         &jerr) == NATS_OK) {
    jsConsumerInfo_Destroy(ci);
    return std::nullopt;
  }
  jsConsumerConfig cc;
  jsConsumerConfig_Init(&cc);
  cc.Durable = spec.durable.c_str();
  cc.AckPolicy = js_AckExplicit;
  cc.DeliverPolicy = js_DeliverAll;
  cc.AckWait = spec.ack_wait_ms * kNanosPerMilli;
  cc.MaxDeliver = spec.max_deliver;
  if (!spec.filter_subject.empty()) cc.FilterSubject = spec.filter_subject.c_str();
  ci = nullptr;
  jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_AddConsumer(&ci, conn.js(), spec.stream.c_str(), &cc, nullptr, &jerr);
  if (ci != nullptr) jsConsumerInfo_Destroy(ci);
  if (s != NATS_OK)
    return Error::Unavailable(NatsError("consumer " + spec.stream + "/" + spec.durable, s, jerr));
  return std::nullopt;
}

Status DeleteConsumer(Connection& conn, const std::string& stream, const std::string& durable) {
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_DeleteConsumer(conn.js(), stream.c_str(), durable.c_str(), nullptr, &jerr);
  if (s == NATS_OK || s == NATS_NOT_FOUND || jerr == JSConsumerNotFoundErr ||
      jerr == JSStreamNotFoundErr)
    return std::nullopt;
  return Error::Unavailable(NatsError("delete consumer " + stream + "/" + durable, s, jerr));
}

Result<PubAck> Publish(Connection& conn, const outbox::OutboxEvent& e, int timeout_ms,
                       const std::string& msg_id) {
  natsMsg* msg = nullptr;
  natsStatus s = natsMsg_Create(&msg, e.nats_subject.c_str(), nullptr, e.data.data(),
                                static_cast<int>(e.data.size()));
  if (s != NATS_OK) return Error::Internal(NatsError("create message", s));
  const std::string seq = std::to_string(e.sequence);
  const std::pair<const char*, const std::string*> headers[] = {
      {"ce-specversion", nullptr},     {"ce-id", &e.id},
      {"ce-source", &e.source},        {"ce-type", &e.type},
      {"ce-subject", &e.subject},      {"ce-time", &e.time},
      {"ce-datacontenttype", nullptr}, {"ce-dataschema", &e.dataschema},
      {"ce-sequence", &seq},           {"ce-jurisdiction", &e.jurisdiction},
      {"ce-actor", &e.actor},          {"Nats-Msg-Id", msg_id.empty() ? &e.id : &msg_id},
  };
  for (const auto& [name, value] : headers) {
    const char* v = value != nullptr                           ? value->c_str()
                    : std::strcmp(name, "ce-specversion") == 0 ? "1.0"
                                                               : "application/protobuf";
    if (s == NATS_OK) s = natsMsgHeader_Set(msg, name, v);
  }
  if (s != NATS_OK) {
    natsMsg_Destroy(msg);
    return Error::Internal(NatsError("set headers", s));
  }
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MaxWait = timeout_ms;
  jsPubAck* ack = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  s = js_PublishMsg(&ack, conn.js(), msg, &po, &jerr);
  natsMsg_Destroy(msg);
  if (s != NATS_OK) {
    if (ack != nullptr) jsPubAck_Destroy(ack);
    return Error::Unavailable(NatsError("publish " + e.nats_subject, s, jerr));
  }
  PubAck out{ack->Sequence, ack->Duplicate};
  jsPubAck_Destroy(ack);
  return out;
}

std::string Delivery::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

}  // namespace socgov::bus
