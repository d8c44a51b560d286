#include "registration/app/registry.h"

#include "platform/auth/scope.h"
#include "platform/outbox/outbox.h"
#include "platform/util/uuid.h"
#include "registration/api/convert.h"
#include "registration/domain/application.h"
#include "registration/domain/credit_code.h"
#include "socgov/registration/v1/events.pb.h"

namespace socgov::registration {
namespace {

constexpr const char* kContext = "registration";

Actor ToActor(const auth::Principal& p) { return Actor{p.subject, p.roles, p.jurisdiction}; }

outbox::OutboxEvent MakeEvent(const google::protobuf::Message& body, const std::string& aggregate,
                              const std::string& event, const std::string& aggregate_id,
                              int64_t version, const std::string& jurisdiction,
                              const std::string& authority, const std::string& actor,
                              TimePoint now) {
  outbox::OutboxEvent e;
  e.id = NewUuidV7(now);
  e.type = outbox::CeType(kContext, aggregate, event);
  e.source = "/socgov/" + authority + "/registration";
  e.subject = aggregate_id;
  e.time = FormatRfc3339(now);
  e.dataschema = body.GetDescriptor()->full_name();
  e.sequence = version;
  e.jurisdiction = jurisdiction;
  e.actor = actor;
  e.nats_subject = outbox::Subject(jurisdiction, kContext, aggregate, event);
  body.SerializeToString(&e.data);
  return e;
}

template <typename Response>
Result<Response> Replay(const std::string& bytes) {
  Response r;
  if (!r.ParseFromString(bytes))
    return Error::Internal("stored response for request id is unreadable");
  return r;
}

// Request ids are chosen by clients, so two callers may pick the same one: the idempotency record
// is kept per caller, and a replay is only returned after the caller passed the same checks.
// Length-prefixed so that no (subject, request id) pair can spell another's key.
std::string IdempotencyKey(const auth::Principal& who, const std::string& request_id) {
  return std::to_string(who.subject.size()) + ":" + who.subject + ":" + request_id;
}

// A stored response answers only the request it was made for: the same request id reused for
// another application (or another name) is a client error, not a replay.
Status CheckReplayMatches(const std::string& replayed_application_id,
                          const std::string& requested_application_id) {
  if (replayed_application_id == requested_application_id) return std::nullopt;
  return Error::InvalidArgument(
      "request_id", "already used by this caller for application " + replayed_application_id);
}

// A replayed decision, checked to answer the same application.
template <typename Response>
Result<Response> ReplayDecision(const std::string& bytes, const std::string& application_id) {
  auto replay = Replay<Response>(bytes);
  if (replay.ok())
    if (auto err = CheckReplayMatches(replay->application().id(), application_id)) return *err;
  return replay;
}

Status ValidateDecisionRequest(const std::string& request_id, const std::string& application_id,
                               int64_t version) {
  if (auto err = ValidateRequestId(request_id)) return err;
  if (application_id.empty()) return Error::InvalidArgument("application_id", "required");
  if (version <= 0) return Error::InvalidArgument("version", "required (the version you read)");
  return std::nullopt;
}

}  // namespace

Status ValidateRequestId(const std::string& request_id) {
  if (request_id.empty()) return Error::InvalidArgument("request_id", "required (idempotency key)");
  if (request_id.size() > 128)
    return Error::InvalidArgument("request_id", "longer than 128 characters");
  for (char c : request_id)
    if (c < 0x21 || c > 0x7e)
      return Error::InvalidArgument("request_id", "only printable ASCII without spaces");
  return std::nullopt;
}

Registry::Registry(RegistrationStore& store, RegistrySettings settings, const Clock& clock)
    : store_(store), settings_(std::move(settings)), clock_(clock) {}

Status Registry::CheckWrite(const auth::Principal& who, const std::string& jurisdiction) const {
  // Registrars act for their own registration authority; an admin may act anywhere within scope.
  if (who.jurisdiction == jurisdiction) return std::nullopt;
  if (who.HasRole("admin") && auth::JurisdictionCovers(who.jurisdiction, jurisdiction))
    return std::nullopt;
  return Error::PermissionDenied("caller of jurisdiction " + who.jurisdiction +
                                 " may not write records of jurisdiction " + jurisdiction);
}

Result<Application> Registry::LoadForDecision(const auth::Principal& who,
                                              const std::string& application_id) {
  auto app = store_.LoadApplication(application_id);
  if (!app) return Error::NotFound("application " + application_id + " not found");
  if (auto err = CheckWrite(who, app->profile.jurisdiction)) return *err;
  return *app;
}

Status Registry::CheckRead(const auth::Principal& who, const std::string& jurisdiction) const {
  if (auth::JurisdictionCovers(who.jurisdiction, jurisdiction)) return std::nullopt;
  return Error::PermissionDenied("caller of jurisdiction " + who.jurisdiction +
                                 " may not read records of jurisdiction " + jurisdiction);
}

Result<v1::SubmitApplicationResponse> Registry::Submit(const auth::Principal& who,
                                                       const std::string& request_id,
                                                       Profile profile) {
  if (auto err = ValidateRequestId(request_id)) return *err;
  const TimePoint now = clock_.Now();
  auto app = SubmitApplication(NewUuidV7(now), std::move(profile), ToActor(who), settings_, now);
  if (!app.ok()) return app.error();
  if (auto err = CheckWrite(who, app->profile.jurisdiction)) return *err;

  v1::SubmitApplicationResponse response;
  *response.mutable_application() = ToProto(*app);
  v1::ApplicationSubmitted body;
  *body.mutable_application() = response.application();
  ToProto(app->submitted_by, body.mutable_actor());
  for (const char* rule : {"REG-01", "REG-02", "REG-03", "REG-10", "REG-22"})
    body.add_rule_ids(rule);
  std::vector<outbox::OutboxEvent> events = {MakeEvent(body, "application", "submitted", app->id,
                                                       app->version, app->profile.jurisdiction,
                                                       settings_.authority_code, who.subject, now)};
  auto out =
      store_.Submit(IdempotencyKey(who, request_id), *app, events, response.SerializeAsString());
  if (!out.ok()) return out.error();
  if (out->kind == CommandOutcome::Kind::kReplayed) {
    auto replay = Replay<v1::SubmitApplicationResponse>(out->replayed_response);
    if (replay.ok() && replay->application().profile().name() != app->profile.name)
      return Error::InvalidArgument("request_id", "already used by this caller for application " +
                                                      replay->application().id() + " (" +
                                                      replay->application().profile().name() + ")");
    return replay;
  }
  return response;
}

Result<v1::ApproveApplicationResponse> Registry::Approve(const auth::Principal& who,
                                                         const std::string& request_id,
                                                         const std::string& application_id,
                                                         int64_t version) {
  if (auto err = ValidateDecisionRequest(request_id, application_id, version)) return *err;
  auto app = LoadForDecision(who, application_id);
  if (!app.ok()) return app.error();
  const std::string idem = IdempotencyKey(who, request_id);
  if (auto prior = store_.PriorResponse("ApproveApplication", idem))
    return ReplayDecision<v1::ApproveApplicationResponse>(*prior, application_id);
  const TimePoint now = clock_.Now();
  // Check state and version before spending a credit-code serial.
  if (app->version != version)
    return Error::Aborted("application " + application_id + " is at version " +
                          std::to_string(app->version) + ", request had " +
                          std::to_string(version));
  if (app->status != ApplicationStatus::kSubmitted)
    return Error::FailedPrecondition(
        "application " + application_id + " is " + ToString(app->status) +
        "; only SUBMITTED applications can be approved (domain.md §3.1)");
  const uint64_t serial = store_.NextCreditCodeSerial();
  auto code = MakeCreditCode(app->profile.kind, settings_.authority_code, serial);
  if (!code.ok()) return code.error();
  auto approval = ApproveApplication(*app, version, *code, ToActor(who), now);
  if (!approval.ok()) return approval.error();

  v1::ApproveApplicationResponse response;
  *response.mutable_application() = ToProto(approval->application);
  *response.mutable_organization() = ToProto(approval->organization);
  v1::ApplicationApproved approved;
  approved.set_application_id(application_id);
  approved.set_organization_id(*code);
  ToProto(approval->application.decided_by, approved.mutable_actor());
  approved.set_version(approval->application.version);
  v1::OrganizationRegistered registered;
  *registered.mutable_organization() = response.organization();
  ToProto(approval->application.decided_by, registered.mutable_actor());
  const std::string& jur = app->profile.jurisdiction;
  std::vector<outbox::OutboxEvent> events = {
      MakeEvent(approved, "application", "approved", application_id, approval->application.version,
                jur, settings_.authority_code, who.subject, now),
      MakeEvent(registered, "organization", "registered", *code, approval->organization.version,
                jur, settings_.authority_code, who.subject, now)};
  auto out = store_.Approve(idem, version, approval->application, approval->organization, serial,
                            events, response.SerializeAsString());
  if (!out.ok()) return out.error();
  if (out->kind == CommandOutcome::Kind::kReplayed)
    return ReplayDecision<v1::ApproveApplicationResponse>(out->replayed_response, application_id);
  return response;
}

Result<v1::RejectApplicationResponse> Registry::Reject(const auth::Principal& who,
                                                       const std::string& request_id,
                                                       const std::string& application_id,
                                                       int64_t version, std::string reason) {
  if (auto err = ValidateDecisionRequest(request_id, application_id, version)) return *err;
  auto app = LoadForDecision(who, application_id);
  if (!app.ok()) return app.error();
  const std::string idem = IdempotencyKey(who, request_id);
  if (auto prior = store_.PriorResponse("RejectApplication", idem))
    return ReplayDecision<v1::RejectApplicationResponse>(*prior, application_id);
  const TimePoint now = clock_.Now();
  auto rejected = RejectApplication(*app, version, std::move(reason), ToActor(who), now);
  if (!rejected.ok()) return rejected.error();

  v1::RejectApplicationResponse response;
  *response.mutable_application() = ToProto(*rejected);
  v1::ApplicationRejected body;
  body.set_application_id(application_id);
  body.set_reason(rejected->rejection_reason);
  ToProto(rejected->decided_by, body.mutable_actor());
  body.set_version(rejected->version);
  std::vector<outbox::OutboxEvent> events = {
      MakeEvent(body, "application", "rejected", application_id, rejected->version,
                app->profile.jurisdiction, settings_.authority_code, who.subject, now)};
  auto out = store_.Reject(idem, version, *rejected, events, response.SerializeAsString());
  if (!out.ok()) return out.error();
  if (out->kind == CommandOutcome::Kind::kReplayed)
    return ReplayDecision<v1::RejectApplicationResponse>(out->replayed_response, application_id);
  return response;
}

Result<v1::Application> Registry::GetApplication(const auth::Principal& who,
                                                 const std::string& id) {
  if (id.empty()) return Error::InvalidArgument("application_id", "required");
  auto app = store_.LoadApplication(id);
  if (!app) return Error::NotFound("application " + id + " not found");
  if (auto err = CheckRead(who, app->profile.jurisdiction)) return *err;
  return ToProto(*app);
}

Result<v1::Organization> Registry::GetOrganization(const auth::Principal& who,
                                                   const std::string& id) {
  if (auto err = ValidateCreditCode("organization_id", id)) return *err;
  auto org = store_.LoadOrganization(id);
  if (!org) return Error::NotFound("organization " + id + " not found");
  if (auto err = CheckRead(who, org->profile.jurisdiction)) return *err;
  return ToProto(*org);
}

Result<v1::ListOrganizationsResponse> Registry::ListOrganizations(const auth::Principal& who,
                                                                  const OrgFilter& requested,
                                                                  const std::string& page_token,
                                                                  int32_t page_size) {
  if (page_size < 0 || page_size > 500)
    return Error::InvalidArgument("page.page_size", "must be between 0 and 500");
  uint64_t after = 0;
  if (!page_token.empty()) {
    char* end = nullptr;
    after = std::strtoull(page_token.c_str(), &end, 10);
    if (end == nullptr || *end != '\0' || page_token[0] == '-')
      return Error::InvalidArgument("page.page_token", "not a token returned by this RPC");
  }
  if (requested.kind != OrgKind::kUnspecified &&
      (static_cast<int>(requested.kind) < 1 || static_cast<int>(requested.kind) > 3))
    return Error::InvalidArgument("org_type", "unknown value");
  if (requested.status != OrgStatus::kUnspecified && requested.status != OrgStatus::kActive)
    return Error::InvalidArgument("status", "unknown value");
  OrgFilter filter = requested;
  if (filter.jurisdiction.empty()) {
    filter.jurisdiction = who.jurisdiction;
  } else {
    if (!auth::IsValidJurisdictionCode(filter.jurisdiction))
      return Error::InvalidArgument("jurisdiction", "must be a 6-digit GB/T 2260 code");
    if (auto err = CheckRead(who, filter.jurisdiction)) return *err;
  }
  const size_t limit = page_size == 0 ? 50 : static_cast<size_t>(page_size);
  auto rows = store_.ListOrganizations(filter, after, limit);
  v1::ListOrganizationsResponse response;
  for (auto& [serial, org] : rows) *response.add_organizations() = ToProto(org);
  if (rows.size() == limit)
    response.mutable_page()->set_next_page_token(std::to_string(rows.back().first));
  return response;
}

}  // namespace socgov::registration
