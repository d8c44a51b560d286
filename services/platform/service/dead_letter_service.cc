#include "platform/service/dead_letter_service.h"

#include "platform/auth/scope.h"
#include "platform/grpcx/status.h"

namespace socgov::service {
namespace {

// Redis stream ids: <ms>-<seq>, digits only.
bool IsStreamId(const std::string& id) {
  const size_t dash = id.find('-');
  if (id.empty() || id.size() > 41 || dash == std::string::npos || dash == 0 ||
      dash + 1 == id.size())
    return false;
  for (size_t i = 0; i < id.size(); ++i)
    if (i != dash && (id[i] < '0' || id[i] > '9')) return false;
  return true;
}

void ToProto(const bus::DeadLetter& d, platform::v1::DeadLetter* out) {
  out->set_id(d.entry_id);
  out->set_route(d.route);
  out->set_reason(auth::MaskIdNumbersInText(d.reason));
  out->set_kind(d.kind);
  out->set_stream(d.stream);
  out->set_stream_sequence(d.stream_sequence);
  out->set_subject(d.subject);
  out->set_delivered(d.delivered);
  out->set_attempts(d.attempts);
  out->set_dead_at(d.dead_at);
  auto header = [&d](const char* name) {
    auto it = d.headers.find(name);
    return it == d.headers.end() ? std::string() : it->second;
  };
  out->set_event_id(header("ce-id"));
  out->set_event_type(header("ce-type"));
  out->set_source(header("ce-source"));
  out->set_aggregate_id(auth::MaskIdNumbersInText(header("ce-subject")));
  out->set_sequence(std::strtoll(header("ce-sequence").c_str(), nullptr, 10));
  out->set_jurisdiction(header("ce-jurisdiction"));
  out->set_data_bytes(static_cast<int64_t>(d.data.size()));
}

}  // namespace

grpc::Status DeadLetterService::ListDeadLetters(grpc::ServerContext* ctx,
                                                const platform::v1::ListDeadLettersRequest* req,
                                                platform::v1::ListDeadLettersResponse* resp) {
  auto who = grpcx::Authorize(*ctx, verifier_, clock_.Now(), {"admin", "auditor"});
  if (!who.ok()) return grpcx::ToGrpcStatus(who.error());
  if (req->page_size() < 0 || req->page_size() > 500)
    return grpcx::ToGrpcStatus(Error::InvalidArgument("page_size", "must be 0..500"));
  if (!req->page_token().empty() && !IsStreamId(req->page_token()))
    return grpcx::ToGrpcStatus(Error::InvalidArgument("page_token", "not a token of this RPC"));
  if (req->route().size() > 64)
    return grpcx::ToGrpcStatus(Error::InvalidArgument("route", "longer than 64 characters"));
  const size_t limit = req->page_size() == 0 ? 50 : static_cast<size_t>(req->page_size());
  try {
    std::string after = req->page_token();
    // A route filter skips other routes' records; read in batches until the page is full.
    while (static_cast<size_t>(resp->dead_letters_size()) < limit) {
      const auto batch = router_.ListDeadLetters(after, limit);
      for (const auto& d : batch) {
        after = d.entry_id;
        if (!req->route().empty() && d.route != req->route()) continue;
        ToProto(d, resp->add_dead_letters());
        if (static_cast<size_t>(resp->dead_letters_size()) == limit) break;
      }
      if (batch.size() < limit) {
        after.clear();
        break;
      }
    }
    if (static_cast<size_t>(resp->dead_letters_size()) == limit) resp->set_next_page_token(after);
  } catch (const store::RedisUnavailable& e) {
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        std::string("store unavailable: ") + e.what());
  }
  return grpc::Status::OK;
}

grpc::Status DeadLetterService::RetryDeadLetter(grpc::ServerContext* ctx,
                                                const platform::v1::RetryDeadLetterRequest* req,
                                                platform::v1::RetryDeadLetterResponse* resp) {
  auto who = grpcx::Authorize(*ctx, verifier_, clock_.Now(), {"admin"});
  if (!who.ok()) return grpcx::ToGrpcStatus(who.error());
  if (!IsStreamId(req->id()))
    return grpcx::ToGrpcStatus(Error::InvalidArgument("id", "not a dead-letter id (<ms>-<seq>)"));
  try {
    auto r = router_.RedriveDeadLetter(req->id());
    if (!r.ok()) return grpcx::ToGrpcStatus(r.error());
    resp->set_applied(r->applied);
    resp->set_outcome(r->outcome);
    resp->set_reason(auth::MaskIdNumbersInText(r->reason));
    resp->set_new_id(r->new_entry_id);
  } catch (const store::RedisUnavailable& e) {
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        std::string("store unavailable: ") + e.what());
  }
  return grpc::Status::OK;
}

}  // namespace socgov::service
