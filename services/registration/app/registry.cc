#include "registration/app/registry.h"

#include <cerrno>
#include <cstdlib>

#include "platform/auth/scope.h"
#include "platform/outbox/event.h"
#include "platform/outbox/outbox.h"
#include "platform/util/uuid.h"
#include "registration/app/command_support.h"
#include "registration/app/to_proto.h"
#include "registration/domain/application.h"
#include "registration/domain/credit_code.h"
#include "registration/domain/dates.h"
#include "registration/domain/lifecycle.h"
#include "registration/domain/names.h"
#include "registration/domain/review.h"
#include "registration/store/registration_store.h"
#include "socgov/registration/v1/events.pb.h"

namespace socgov::registration {
namespace {

constexpr const char* kContext = "registration";

}  // namespace

Result<SerialRead> ParseSerial(const store::Value& v) {
  if (v.is_nil()) return SerialRead{"0", 1};
  const std::string text = v.AsString();
  char* end = nullptr;
  errno = 0;
  const unsigned long long n = std::strtoull(text.c_str(), &end, 10);
  if (v.is_error() || text.empty() || *end != '\0' || errno != 0 || text[0] == '-')
    return Error::Internal(std::string(keys::kSerial) + ": not a counter (" + text + ")");
  return SerialRead{text, static_cast<uint64_t>(n) + 1};
}

void AddSerialGuard(Mutation& m, const SerialRead& serial, const std::string& label) {
  if (serial.reserved) return;
  m.guards.push_back({Mutation::Guard::Kind::kCounter, keys::kSerial, serial.current, label});
}

outbox::OutboxEvent Registry::Event(const google::protobuf::Message& body,
                                    const std::string& aggregate, const std::string& event,
                                    const std::string& aggregate_id, int64_t version,
                                    const std::string& jurisdiction, const std::string& actor,
                                    TimePoint now) const {
  return outbox::MakeEvent(body, {kContext, "registration", settings_.authority_code},
                           {aggregate, event, aggregate_id, version, jurisdiction, actor}, now);
}

Result<v1::CheckNameResponse> Registry::CheckName(const auth::Principal& who,
                                                  const app::CheckName& in) {
  const std::string authority =
      in.jurisdiction.empty() ? settings_.authority_code : in.jurisdiction;
  if (!auth::IsValidJurisdictionCode(authority))
    return Error::InvalidArgument("jurisdiction", "must be a 6-digit GB/T 2260 code");
  // Names in use are known only to the authority's own register.
  if (authority != settings_.authority_code)
    return Error::InvalidArgument("jurisdiction", "this register is " + settings_.authority_code +
                                                      "; ask the registry of " + authority);
  if (auto err = CheckRead(who, authority)) return *err;
  const OrgKind kind = in.kind;
  if (kind < OrgKind::kSocialGroup || kind > OrgKind::kCommunity)
    return Error::InvalidArgument("org_type",
                                  "must be SOCIAL_GROUP, SOCIAL_SERVICE, FOUNDATION or COMMUNITY");
  auto name = CheckText("name", in.name, {.min = 2, .max = 50, .single_line = true});
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

Status ValidateTarget(const std::string& request_id, const char* field, const std::string& id,
                      int64_t version) {
  if (auto err = ValidateRequestId(request_id)) return err;
  if (id.empty()) return Error::InvalidArgument(field, "required");
  if (id.size() > 64) return Error::InvalidArgument(field, "longer than 64 characters");
  if (version <= 0) return Error::InvalidArgument("version", "required (the version you read)");
  return std::nullopt;
}

Registry::Registry(RegistrationStore& store, RegistrySettings settings, const Clock& clock)
    : store_(store), settings_(std::move(settings)), clock_(clock) {}

Result<v1::SubmitApplicationResponse> Registry::Submit(const auth::Principal& who,
                                                       app::SubmitApplication in) {
  if (auto err = ValidateRequestId(in.request_id)) return *err;
  const TimePoint now = clock_.Now();
  auto app = SubmitApplication(NewUuidV7(now), std::move(in.profile), in.stage, ToActor(who),
                               settings_, now);
  if (!app.ok()) return app.error();
  if (auto err = CheckWrite(who, app->profile.jurisdiction)) return *err;

  v1::SubmitApplicationResponse response;
  *response.mutable_application() = ToProto(*app);
  v1::ApplicationSubmitted body;
  *body.mutable_application() = response.application();
  ToProto(app->submitted_by, body.mutable_actor());
  for (const char* rule : {"REG-01", "REG-02", "REG-03", "REG-10", "REG-11", "REG-22"})
    body.add_rule_ids(rule);
  std::vector<outbox::OutboxEvent> events = {Event(body, "application", "submitted", app->id,
                                                   app->version, app->profile.jurisdiction,
                                                   who.subject, now)};
  auto out =
      store_.Submit(IdempotencyKey(who, in.request_id), *app, events, response.SerializeAsString());
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
                                                         const app::DecideApplication& in) {
  using Response = v1::ApproveApplicationResponse;
  const std::string& application_id = in.application_id;
  const int64_t version = in.version;
  if (auto err = ValidateTarget(in.request_id, "application_id", application_id, version))
    return *err;
  const std::string idem = IdempotencyKey(who, in.request_id);
  // One read: the replay, the application, the serial counter a registration would spend and
  // the application's joint reviews (REG-20).
  auto reads = JointReviewReads(application_id);
  reads.insert(reads.begin(), {"GET", keys::kSerial});
  auto read = ReadApplicationTarget<Response>(store_, who, "ApproveApplication", idem, in, reads);
  if (!read.ok()) return read.error();
  if (read->replay) return *read->replay;
  const Application* app = &read->entity;
  const TimePoint now = clock_.Now();
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
                                  app->profile.legal_rep.id_number, &review_id, "",
                                  read->extra.size() > 1 ? &read->extra[1] : nullptr))
    return *err;
  // The code is made from the serial read with the application; a commit that finds it spent
  // is rebuilt on a reserved one (CommitWithSerial).
  return CommitWithSerial(
      store_, read->extra[0], [&](const SerialRead& serial) -> Result<Response> {
        auto code = MakeCreditCode(app->profile.kind, settings_.authority_code, serial.next);
        if (!code.ok()) return code.error();
        auto approval = ApproveApplication(*app, version, *code, ToActor(who), now);
        if (!approval.ok()) return approval.error();
        const Organization& org = approval->organization;
        approval->organization.serial = serial.next;
        approval->application.review_id = review_id;

        Response response;
        *response.mutable_application() = ToProto(approval->application);
        *response.mutable_organization() = ToProto(org);
        v1::ApplicationApproved approved;
        approved.set_application_id(application_id);
        approved.set_organization_id(*code);
        ToProto(approval->application.decided_by, approved.mutable_actor());
        approved.set_version(approval->application.version);
        v1::OrganizationRegistered registered;
        *registered.mutable_organization() = response.organization();
        ToProto(approval->application.decided_by, registered.mutable_actor());
        const std::string& jur = app->profile.jurisdiction;

        Mutation m;
        m.idem_key = keys::Idem("ApproveApplication", idem);
        m.response = response.SerializeAsString();
        // The serial first: a concurrent approval that spent it made the same code, so the counter
        // (a retry), not the organization's existence, is what refused.
        AddSerialGuard(m, serial, "credit-code serial");
        m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::App(app->id),
                            std::to_string(app->version), "application " + app->id});
        m.guards.push_back(
            {Mutation::Guard::Kind::kAbsent, keys::Org(org.id), "", "organization " + org.id});
        m.hashes.push_back({keys::App(app->id), EncodeApplication(approval->application)});
        m.hashes.push_back({keys::Org(org.id), EncodeOrganization(org)});
        // The name passes from the application to the organization (REG-03).
        m.sets.push_back({keys::Name(jur, app->profile.name), "org:" + org.id, 0});
        const std::string score = std::to_string(org.serial);
        m.zops.push_back({keys::kOrgs, org.id, score});
        m.zops.push_back({keys::TypeIndex(org.profile.kind), org.id, score});
        m.zops.push_back({keys::StatusIndex(org.status), org.id, score});
        m.outbox_key = kOutboxKey;
        m.events = {Event(approved, "application", "approved", application_id,
                          approval->application.version, jur, who.subject, now),
                    Event(registered, "organization", "registered", *code, org.version, jur,
                          who.subject, now)};
        return Answer(store_.Mutate(m, "application " + app->id), std::move(response),
                      ApplicationAnswered(application_id, version + 1),
                      ApplicationAnsweredOf<Response>);
      });
}

Result<v1::RejectApplicationResponse> Registry::Reject(const auth::Principal& who,
                                                       app::RejectApplication in) {
  using Response = v1::RejectApplicationResponse;
  const std::string& request_id = in.request_id;
  const std::string& application_id = in.application_id;
  const int64_t version = in.version;
  if (auto err = ValidateTarget(request_id, "application_id", application_id, version)) return *err;
  const std::string idem = IdempotencyKey(who, request_id);
  auto read = ReadApplicationTarget<Response>(store_, who, "RejectApplication", idem, in);
  if (!read.ok()) return read.error();
  if (read->replay) return *read->replay;
  const Application* app = &read->entity;
  const TimePoint now = clock_.Now();
  auto rejected = RejectApplication(*app, version, std::move(in.reason), ToActor(who), now);
  if (!rejected.ok()) return rejected.error();

  Response response;
  *response.mutable_application() = ToProto(*rejected);
  v1::ApplicationRejected body;
  body.set_application_id(application_id);
  body.set_reason(rejected->rejection_reason);
  ToProto(rejected->decided_by, body.mutable_actor());
  body.set_version(rejected->version);
  Mutation m;
  m.idem_key = keys::Idem("RejectApplication", idem);
  m.response = response.SerializeAsString();
  m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::App(app->id),
                      std::to_string(app->version), "application " + app->id});
  m.hashes.push_back({keys::App(app->id), EncodeApplication(*rejected)});
  // A refused name becomes free again, but only if this application still holds it.
  m.dels_if.push_back({keys::Name(app->profile.jurisdiction, app->profile.name), "app:" + app->id});
  m.outbox_key = kOutboxKey;
  m.events = {Event(body, "application", "rejected", application_id, rejected->version,
                    app->profile.jurisdiction, who.subject, now)};
  return Answer(store_.Mutate(m, "application " + app->id), std::move(response),
                ApplicationAnswered(application_id, version + 1), ApplicationAnsweredOf<Response>);
}

Result<v1::Application> Registry::GetApplication(const auth::Principal& who,
                                                 const std::string& id) {
  if (id.empty()) return Error::InvalidArgument("application_id", "required");
  auto app = store_.LoadApplication(id);
  if (!app.ok()) return app.error();
  if (auto err = CheckRead(who, app->profile.jurisdiction)) return *err;
  return ToProto(*app);
}

Result<v1::Organization> Registry::GetOrganization(const auth::Principal& who,
                                                   const std::string& id) {
  if (auto err = ValidateOrganizationId("organization_id", id)) return *err;
  auto org = store_.LoadOrganization(id);
  if (!org.ok()) return org.error();
  if (auto err = CheckRead(who, org->profile.jurisdiction)) return *err;
  return ToProto(*org);
}

Result<v1::ListOrganizationsResponse> Registry::ListOrganizations(
    const auth::Principal& who, const app::ListOrganizations& in) {
  const std::string& page_token = in.page_token;
  const int32_t page_size = in.page_size;
  const OrgFilter requested{in.kind, in.status, in.jurisdiction, in.name_contains,
                            in.organization_id};
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
    if (!org.ok() && org.error().code != ErrorCode::kNotFound) return org.error();
    if (after == 0 && org.ok() && filter.Matches(*org))
      *response.add_organizations() = ToProto(*org);
    response.set_total_size(response.organizations_size());
    return response;
  }
  auto page = store_.ListOrganizations(filter, after, limit);
  if (!page.ok()) return page.error();
  response.set_total_size(page->total);
  auto& rows = page->rows;
  for (auto& [serial, org] : rows) *response.add_organizations() = ToProto(org);
  if (rows.size() == limit)
    response.mutable_page()->set_next_page_token(std::to_string(rows.back().first));
  return response;
}

}  // namespace socgov::registration
