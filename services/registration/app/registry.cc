#include "registration/app/registry.h"

#include "platform/auth/scope.h"
#include "platform/outbox/outbox.h"
#include "platform/util/uuid.h"
#include "registration/api/convert.h"
#include "registration/app/command_support.h"
#include "registration/domain/application.h"
#include "registration/domain/credit_code.h"
#include "registration/domain/dates.h"
#include "registration/domain/lifecycle.h"
#include "registration/domain/names.h"
#include "registration/domain/review.h"
#include "socgov/registration/v1/events.pb.h"

namespace socgov::registration {
namespace {

constexpr const char* kContext = "registration";

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

// A stored response answers only the request it was made for: the same request id reused for
// another application (or another name) is a client error, not a replay.
Status CheckReplayMatches(const std::string& replayed_application_id,
                          const std::string& requested_application_id) {
  if (replayed_application_id == requested_application_id) return std::nullopt;
  return Error::InvalidArgument(
      "request_id", "already used by this caller for application " + replayed_application_id);
}

// A replayed decision, checked to answer the same application.
// A replayed decision, checked to answer the same application at the same version (one request
// id reused for the preparation and the establishment approval is not a replay).
template <typename Response>
Result<Response> ReplayDecision(const std::string& bytes, const std::string& application_id,
                                int64_t version) {
  auto replay = Replay<Response>(bytes);
  if (replay.ok())
    if (auto err = CheckReplayMatches(
            Answered(replay->application().id(), replay->application().version()),
            Answered(application_id, version + 1)))
      return *err;
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

outbox::OutboxEvent Registry::Event(const google::protobuf::Message& body,
                                    const std::string& aggregate, const std::string& event,
                                    const std::string& aggregate_id, int64_t version,
                                    const std::string& jurisdiction, const std::string& actor,
                                    TimePoint now) const {
  return MakeEvent(body, aggregate, event, aggregate_id, version, jurisdiction,
                   settings_.authority_code, actor, now);
}

Result<v1::CheckNameResponse> Registry::CheckName(const auth::Principal& who,
                                                  const v1::CheckNameRequest& req) {
  const std::string authority =
      req.jurisdiction().empty() ? settings_.authority_code : req.jurisdiction();
  if (!auth::IsValidJurisdictionCode(authority))
    return Error::InvalidArgument("jurisdiction", "must be a 6-digit GB/T 2260 code");
  // Names in use are known only to the authority's own register.
  if (authority != settings_.authority_code)
    return Error::InvalidArgument("jurisdiction", "this register is " + settings_.authority_code +
                                                      "; ask the registry of " + authority);
  if (auto err = CheckRead(who, authority)) return *err;
  const auto kind = static_cast<OrgKind>(static_cast<int>(req.org_type()));
  if (kind < OrgKind::kSocialGroup || kind > OrgKind::kCommunity)
    return Error::InvalidArgument("org_type",
                                  "must be SOCIAL_GROUP, SOCIAL_SERVICE, FOUNDATION or COMMUNITY");
  auto name = CheckText("name", req.name(), {.min = 2, .max = 50, .single_line = true});
  if (!name) return name.error();
  v1::CheckNameResponse response;
  for (const auto& p : CheckNameForm(*name, kind, authority == "100000")) {
    auto* v = response.add_violations();
    v->set_rule_id(p.rule_id);
    v->set_message(p.message);
  }
  if (auto holder = store_.NameHolder(authority, *name))
    response.set_held_by(DescribeNameHolder(*holder));
  response.set_available(response.violations_size() == 0 && response.held_by().empty());
  return response;
}

Status ValidateOrganizationId(const std::string& field, const std::string& id) {
  if (id.rfind("SQ", 0) == 0) {
    // Community filing number: SQ + 6-digit authority + 8-digit serial.
    bool digits = id.size() == 16;
    for (size_t i = 2; digits && i < id.size(); ++i) digits = id[i] >= '0' && id[i] <= '9';
    if (digits) return std::nullopt;
    return Error::InvalidArgument(field, "not a filing number (SQ + 14 digits)");
  }
  return ValidateCreditCode(field, id);
}

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
                                                       Profile profile, ApplicationStage stage) {
  if (auto err = ValidateRequestId(request_id)) return *err;
  const TimePoint now = clock_.Now();
  auto app =
      SubmitApplication(NewUuidV7(now), std::move(profile), stage, ToActor(who), settings_, now);
  if (!app.ok()) return app.error();
  if (auto err = CheckWrite(who, app->profile.jurisdiction)) return *err;

  v1::SubmitApplicationResponse response;
  *response.mutable_application() = ToProto(*app);
  v1::ApplicationSubmitted body;
  *body.mutable_application() = response.application();
  ToProto(app->submitted_by, body.mutable_actor());
  for (const char* rule : {"REG-01", "REG-02", "REG-03", "REG-10", "REG-11", "REG-22"})
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
  const std::string idem = IdempotencyKey(who, request_id);
  auto read = store_.ReadForCommand("ApproveApplication", idem, keys::App(application_id));
  if (read.entity.empty()) return Error::NotFound("application " + application_id + " not found");
  std::optional<Application> app = DecodeApplication(read.entity);
  // A replay is only returned to a caller who passes the same checks.
  if (auto err = CheckWrite(who, app->profile.jurisdiction)) return *err;
  if (read.prior)
    return ReplayDecision<v1::ApproveApplicationResponse>(*read.prior, application_id, version);
  const TimePoint now = clock_.Now();
  // Check state and version before spending a credit-code serial.
  if (app->version != version)
    return Error::Aborted("application " + application_id + " is at version " +
                          std::to_string(app->version) + ", request had " +
                          std::to_string(version));
  if (app->status != ApplicationStatus::kSubmitted)
    return Error::FailedPrecondition(
        "application " + application_id + " is " + ToString(app->status) +
        "; only SUBMITTED applications can be approved (REG-04, REG-09)");
  if (app->stage == ApplicationStage::kPreparation)
    return ApprovePreparationCommand(who, idem, *app, version, now);
  std::string review_id;
  if (auto err = CheckJointReview(application_id, app->review_id, {ReviewTrigger::kEstablishment},
                                  app->profile.legal_rep.id_number, &review_id))
    return *err;
  const uint64_t serial = store_.NextCreditCodeSerial();
  auto code = MakeCreditCode(app->profile.kind, settings_.authority_code, serial);
  if (!code.ok()) return code.error();
  auto approval = ApproveApplication(*app, version, *code, ToActor(who), now);
  if (!approval.ok()) return approval.error();
  approval->organization.serial = serial;
  approval->application.review_id = review_id;

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
    return ReplayDecision<v1::ApproveApplicationResponse>(out->replayed_response, application_id,
                                                          version);
  return response;
}

Result<v1::RejectApplicationResponse> Registry::Reject(const auth::Principal& who,
                                                       const std::string& request_id,
                                                       const std::string& application_id,
                                                       int64_t version, std::string reason) {
  if (auto err = ValidateDecisionRequest(request_id, application_id, version)) return *err;
  const std::string idem = IdempotencyKey(who, request_id);
  auto read = store_.ReadForCommand("RejectApplication", idem, keys::App(application_id));
  if (read.entity.empty()) return Error::NotFound("application " + application_id + " not found");
  std::optional<Application> app = DecodeApplication(read.entity);
  // A replay is only returned to a caller who passes the same checks.
  if (auto err = CheckWrite(who, app->profile.jurisdiction)) return *err;
  if (read.prior)
    return ReplayDecision<v1::RejectApplicationResponse>(*read.prior, application_id, version);
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
    return ReplayDecision<v1::RejectApplicationResponse>(out->replayed_response, application_id,
                                                         version);
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
  if (auto err = ValidateOrganizationId("organization_id", id)) return *err;
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
  if (static_cast<int>(requested.kind) < 0 ||
      static_cast<int>(requested.kind) > static_cast<int>(OrgKind::kCommunity))
    return Error::InvalidArgument("org_type", "unknown value");
  if (static_cast<int>(requested.status) < 0 ||
      static_cast<int>(requested.status) > static_cast<int>(OrgStatus::kFilingRemoved))
    return Error::InvalidArgument("status", "unknown value");
  OrgFilter filter = requested;
  if (!filter.name_contains.empty()) {
    auto len = Utf8Length(filter.name_contains);
    if (!len) return Error::InvalidArgument("name_contains", "must be valid UTF-8");
    if (*len > 50) return Error::InvalidArgument("name_contains", "must be at most 50 characters");
  }
  if (!filter.id.empty()) {
    if (auto err = ValidateOrganizationId("organization_id", filter.id)) return *err;
  }
  if (filter.jurisdiction.empty()) {
    filter.jurisdiction = who.jurisdiction;
  } else {
    if (!auth::IsValidJurisdictionCode(filter.jurisdiction))
      return Error::InvalidArgument("jurisdiction", "must be a 6-digit GB/T 2260 code");
    if (auto err = CheckRead(who, filter.jurisdiction)) return *err;
  }
  const size_t limit = page_size == 0 ? 50 : static_cast<size_t>(page_size);
  v1::ListOrganizationsResponse response;
  if (!filter.id.empty()) {
    // One organization by its id: no index walk.
    auto org = store_.LoadOrganization(filter.id);
    if (after == 0 && org && filter.Matches(*org)) *response.add_organizations() = ToProto(*org);
    response.set_total_size(response.organizations_size());
    return response;
  }
  auto page = store_.ListOrganizations(filter, after, limit);
  response.set_total_size(page.total);
  auto& rows = page.rows;
  for (auto& [serial, org] : rows) *response.add_organizations() = ToProto(org);
  if (rows.size() == limit)
    response.mutable_page()->set_next_page_token(std::to_string(rows.back().first));
  return response;
}

}  // namespace socgov::registration
