// Social-group preparation (筹备) use cases: REG-04/05.
#include "registration/app/command_support.h"
#include "registration/app/registry.h"
#include "registration/app/to_proto.h"
#include "registration/domain/dates.h"
#include "registration/domain/lifecycle.h"
#include "registration/domain/review.h"
#include "registration/domain/text.h"
#include "registration/store/registration_store.h"
#include "socgov/registration/v1/events.pb.h"

namespace socgov::registration {
namespace {

int64_t DayNumber(const std::string& date) { return ParseDate(date)->time_since_epoch().count(); }

Status ValidateApplicationTarget(const std::string& request_id, const std::string& application_id,
                                 int64_t version) {
  if (auto err = ValidateRequestId(request_id)) return err;
  if (application_id.empty()) return Error::InvalidArgument("application_id", "required");
  if (version <= 0) return Error::InvalidArgument("version", "required (the version you read)");
  return std::nullopt;
}

// A preparation command's stored response answers the application at the version it made.
std::string AnsweredApplication(const v1::Application& r) { return Answered(r.id(), r.version()); }

constexpr int kMaxLapsesPerCall = 1000;

}  // namespace

Result<v1::ApproveApplicationResponse> Registry::ApprovePreparationCommand(
    const auth::Principal& who, const std::string& idem, const Application& app, int64_t version,
    TimePoint now) {
  auto approved = ApprovePreparation(app, version, settings_, ToActor(who), now);
  if (!approved.ok()) return approved.error();
  v1::ApproveApplicationResponse response;
  *response.mutable_application() = ToProto(*approved);
  v1::PreparationApproved body;
  *body.mutable_application() = response.application();
  ToProto(ToActor(who), body.mutable_actor());
  body.add_rule_ids("REG-04");
  if (settings_.preparation_extension_months > 0) body.add_rule_ids("REG-05");
  Mutation m;
  m.idem_key = keys::Idem("ApproveApplication", idem);
  m.response = response.SerializeAsString();
  m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::App(app.id),
                      std::to_string(app.version), "application " + app.id});
  m.hashes.push_back({keys::App(app.id), EncodeApplication(*approved)});
  m.zops.push_back(
      {keys::kPreparing, app.id, std::to_string(DayNumber(approved->founding_deadline))});
  m.outbox_key = kOutboxKey;
  m.events = {Event(body, "application", "preparation_approved", app.id, approved->version,
                    app.profile.jurisdiction, who.subject, now)};
  return Answer(store_.Mutate(m, "application " + app.id), std::move(response));
}

Result<v1::Application> Registry::ApplyEstablishment(const auth::Principal& who,
                                                     const app::ApplyEstablishment& in) {
  if (auto err = ValidateApplicationTarget(in.request_id, in.application_id, in.version))
    return *err;
  constexpr const char* kRpc = "ApplyEstablishment";
  const std::string idem = IdempotencyKey(who, in.request_id);
  auto read =
      ReadTarget<v1::Application>(store_, kRpc, idem, keys::App(in.application_id),
                                  Answered(in.application_id, in.version + 1), AnsweredApplication);
  if (read.entity.empty())
    return Error::NotFound("application " + in.application_id + " not found");
  auto app = DecodeApplication(read.entity);
  if (!app.ok()) return app.error();
  // A replay is only returned to a caller who passes the same checks.
  if (auto err = CheckWrite(who, app->profile.jurisdiction)) return *err;
  if (read.replay) return *read.replay;
  const TimePoint now = clock_.Now();
  auto next = registration::ApplyEstablishment(*app, in.version, in.establishment, settings_,
                                               ToActor(who), now);
  if (!next.ok()) return next.error();
  if (!in.review_id.empty()) {
    // Named now, the review must already allow the establishment (REG-20).
    std::string review_id;
    if (auto err = CheckJointReview(app->id, in.review_id, {ReviewTrigger::kEstablishment},
                                    app->profile.legal_rep.id_number, &review_id))
      return *err;
    next->review_id = review_id;
  }
  v1::Application response = ToProto(*next);
  v1::EstablishmentApplied body;
  *body.mutable_application() = response;
  ToProto(ToActor(who), body.mutable_actor());
  for (const char* r : {"REG-01", "REG-02", "REG-04"}) body.add_rule_ids(r);
  Mutation m;
  m.idem_key = keys::Idem(kRpc, idem);
  m.response = response.SerializeAsString();
  m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::App(app->id),
                      std::to_string(app->version), "application " + app->id});
  m.hashes.push_back({keys::App(app->id), EncodeApplication(*next)});
  m.zops.push_back({keys::kPreparing, app->id, ""});
  m.outbox_key = kOutboxKey;
  m.events = {Event(body, "application", "establishment_applied", app->id, next->version,
                    app->profile.jurisdiction, who.subject, now)};
  return Answer(store_.Mutate(m, "application " + app->id), std::move(response));
}

Result<v1::Application> Registry::ExtendPreparation(const auth::Principal& who,
                                                    const app::ExtendPreparation& in) {
  if (auto err = ValidateApplicationTarget(in.request_id, in.application_id, in.version))
    return *err;
  constexpr const char* kRpc = "ExtendPreparation";
  const std::string idem = IdempotencyKey(who, in.request_id);
  auto read =
      ReadTarget<v1::Application>(store_, kRpc, idem, keys::App(in.application_id),
                                  Answered(in.application_id, in.version + 1), AnsweredApplication);
  if (read.entity.empty())
    return Error::NotFound("application " + in.application_id + " not found");
  auto app = DecodeApplication(read.entity);
  if (!app.ok()) return app.error();
  // A replay is only returned to a caller who passes the same checks.
  if (auto err = CheckWrite(who, app->profile.jurisdiction)) return *err;
  if (read.replay) return *read.replay;
  const TimePoint now = clock_.Now();
  auto next =
      registration::ExtendPreparation(*app, in.version, in.reason, settings_, ToActor(who), now);
  if (!next.ok()) return next.error();
  v1::Application response = ToProto(*next);
  v1::PreparationExtended body;
  *body.mutable_application() = response;
  ToProto(ToActor(who), body.mutable_actor());
  body.set_reason(std::string(Trim(in.reason)));
  Mutation m;
  m.idem_key = keys::Idem(kRpc, idem);
  m.response = response.SerializeAsString();
  m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::App(app->id),
                      std::to_string(app->version), "application " + app->id});
  m.hashes.push_back({keys::App(app->id), EncodeApplication(*next)});
  m.zops.push_back({keys::kPreparing, app->id, std::to_string(DayNumber(next->founding_deadline))});
  m.outbox_key = kOutboxKey;
  m.events = {Event(body, "application", "preparation_extended", app->id, next->version,
                    app->profile.jurisdiction, who.subject, now)};
  return Answer(store_.Mutate(m, "application " + app->id), std::move(response));
}

Result<v1::LapsePreparationsResponse> Registry::LapsePreparations(const auth::Principal& who) {
  const TimePoint now = clock_.Now();
  const int64_t today = ChinaDate(now).time_since_epoch().count();
  v1::LapsePreparationsResponse response;
  for (const auto& id : store_.PreparationsDueBefore(today, kMaxLapsesPerCall)) {
    auto app = store_.LoadApplication(id);
    if (!app.ok() && app.error().code != ErrorCode::kNotFound) return app.error();
    if (app.ok() && CheckWrite(who, app->profile.jurisdiction)) continue;
    if (!app.ok() || app->status != ApplicationStatus::kPrepApproved) {
      // Not preparing any more (a stale index entry): drop it so it cannot hold up the sweep.
      store_.ForgetPreparation(id);
      continue;
    }
    auto lapsed = LapsePreparation(*app, ToActor(who), now);
    if (!lapsed.ok()) continue;  // extended meanwhile: due later
    v1::PreparationLapsed body;
    *body.mutable_application() = ToProto(*lapsed);
    ToProto(ToActor(who), body.mutable_actor());
    Mutation m;
    // A sweep has no request id; the application's version makes each lapse happen once.
    m.idem_key = keys::Idem("LapsePreparation", id + ":" + std::to_string(lapsed->version));
    m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::App(id),
                        std::to_string(app->version), "application " + id});
    m.hashes.push_back({keys::App(id), EncodeApplication(*lapsed)});
    m.zops.push_back({keys::kPreparing, id, ""});
    const std::string name_key = keys::Name(app->profile.jurisdiction, app->profile.name);
    m.guards.push_back({Mutation::Guard::Kind::kNameFree, name_key, "app:" + id, "name"});
    if (settings_.lapse_name_block_months > 0) {
      // REG-05: the name stays blocked for re-application; Redis expires the hold.
      // Counted from the day after the deadline, however late the sweep ran.
      const Date until = AddMonths(*ParseDate(app->founding_deadline) + std::chrono::days{1},
                                   settings_.lapse_name_block_months);
      body.set_name_blocked_until(FormatDate(until));
      const int64_t until_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                   (until - std::chrono::hours{8}).time_since_epoch())
                                   .count();
      m.dels_if.push_back({name_key, "app:" + id});
      m.sets.push_back({name_key, "lapsed:" + id, until_ms});
    } else {
      m.dels_if.push_back({name_key, "app:" + id});
    }
    m.outbox_key = kOutboxKey;
    m.events = {Event(body, "application", "preparation_lapsed", id, lapsed->version,
                      app->profile.jurisdiction, who.subject, now)};
    auto out = store_.Mutate(m, "application " + id);
    if (out.ok() && out->kind == CommandOutcome::Kind::kApplied) response.add_application_ids(id);
  }
  return response;
}

}  // namespace socgov::registration
