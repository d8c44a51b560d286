// Organization lifecycle use cases: each loads, decides with a pure function of
// domain/lifecycle.h, and stores state + indexes + event + response in one mutation.
#include "platform/auth/scope.h"
#include "platform/util/uuid.h"
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

Status ValidateTarget(const std::string& request_id, const char* field, const std::string& id,
                      int64_t version) {
  if (auto err = ValidateRequestId(request_id)) return err;
  if (id.empty()) return Error::InvalidArgument(field, "required");
  if (id.size() > 64) return Error::InvalidArgument(field, "longer than 64 characters");
  if (version <= 0) return Error::InvalidArgument("version", "required (the version you read)");
  return std::nullopt;
}

}  // namespace

void Registry::AddOrgWrite(Mutation& m, const Organization& before, const Organization& after) {
  Organization o = after;
  if (o.serial == 0) o.serial = store_.OrgSerial(o.id).value_or(0);
  m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Org(o.id),
                      std::to_string(before.version), "organization " + o.id});
  m.hashes.push_back({keys::Org(o.id), EncodeOrganization(o)});
  if (before.status != o.status) {
    m.zops.push_back({keys::StatusIndex(before.status), o.id, ""});
    m.zops.push_back({keys::StatusIndex(o.status), o.id, std::to_string(o.serial)});
  }
  // A cancelled or removed organization's name is free again (its code never is).
  if ((o.status == OrgStatus::kCancelled || o.status == OrgStatus::kFilingRemoved) &&
      before.status != o.status)
    m.dels_if.push_back({keys::Name(o.profile.jurisdiction, o.profile.name), "org:" + o.id});
}

std::vector<outbox::OutboxEvent> Registry::StatusEvent(
    const auth::Principal& who, const char* event, const Organization& before,
    const Organization& after, std::vector<std::string> rule_ids, TimePoint now,
    const std::string& cause_event_id) const {
  v1::OrganizationStatusChanged body;
  *body.mutable_organization() = ToProto(after);
  body.set_previous_status(static_cast<v1::OrgStatus>(static_cast<int>(before.status)));
  ToProto(ToActor(who), body.mutable_actor());
  for (auto& r : rule_ids) body.add_rule_ids(r);
  body.set_cause_event_id(cause_event_id);
  return {Event(body, "organization", event, after.id, after.version, after.profile.jurisdiction,
                who.subject, now)};
}

Result<v1::Organization> Registry::OrgCommand(const auth::Principal& who, const char* rpc,
                                              const app::OrgTarget& target, const Decide& decide,
                                              const EventOf& events) {
  const std::string& org_id = target.organization_id;
  const int64_t version = target.version;
  if (auto err = ValidateTarget(target.request_id, "organization_id", org_id, version)) return *err;
  const std::string idem = IdempotencyKey(who, target.request_id);
  auto read = ReadTarget<v1::Organization>(
      store_, rpc, idem, keys::Org(org_id), Answered(org_id, version + 1),
      [](const v1::Organization& r) { return Answered(r.id(), r.version()); });
  if (read.entity.empty()) return Error::NotFound("organization " + org_id + " not found");
  auto org = DecodeOrganization(read.entity);
  if (!org.ok()) return org.error();
  // A replay is only returned to a caller who passes the same checks.
  if (auto err = CheckWrite(who, org->profile.jurisdiction)) return *err;
  if (read.replay) return *read.replay;
  const TimePoint now = clock_.Now();
  if (org->version != version)
    return Error::Aborted("organization " + org_id + " is at version " +
                          std::to_string(org->version) + ", request had " +
                          std::to_string(version));
  auto after = decide(*org, now);
  if (!after.ok()) return after.error();
  v1::Organization response = ToProto(*after);
  Mutation m;
  m.idem_key = keys::Idem(rpc, idem);
  m.response = response.SerializeAsString();
  AddOrgWrite(m, *org, *after);
  m.outbox_key = kOutboxKey;
  m.events = events(*org, *after, now);
  return Answer(store_.Mutate(m, std::string(rpc) + " " + org_id), std::move(response));
}

Status Registry::CheckJointReview(const std::string& subject_id, const std::string& review_id,
                                  const std::vector<ReviewTrigger>& triggers,
                                  const std::string& person_id_number, std::string* used_review_id,
                                  const std::string& already_used) {
  if (!settings_.joint_review_required) return std::nullopt;
  std::vector<ReviewCase> candidates;
  if (!review_id.empty()) {
    if (review_id.size() > 64) return Error::InvalidArgument("review_id", "longer than 64");
    auto r = store_.LoadReview(review_id);
    if (!r.ok() && r.error().code == ErrorCode::kNotFound)
      return Error::NotFound("review_id: review " + review_id + " not found");
    if (!r.ok()) return r.error();
    if (r->id == already_used)
      return Error::FailedPrecondition("review_id: review " + review_id +
                                       " was already used for the current term (REG-20)");
    candidates.push_back(std::move(*r));
  } else {
    auto reviews = store_.ReviewsOf(subject_id);
    if (!reviews.ok()) return reviews.error();
    candidates = std::move(reviews).value();
  }
  Status first_problem;
  for (const auto& r : candidates) {
    if (!already_used.empty() && r.id == already_used) continue;
    auto problem = CheckReviewAllows(r, subject_id, triggers, person_id_number);
    if (!problem) {
      if (used_review_id) *used_review_id = r.id;
      return std::nullopt;
    }
    if (!first_problem) first_problem = problem;
  }
  if (first_problem) return first_problem;
  return Error::FailedPrecondition(
      "REG-20: no passed joint review (负责人联审) of " + subject_id +
      " for its responsible persons; open one with OpenReview and conclude it first");
}

// ---- community filings ----

Result<v1::Organization> Registry::FileCommunity(const auth::Principal& who,
                                                 const app::FileCommunity& in) {
  if (auto err = ValidateRequestId(in.request_id)) return *err;
  const std::string idem = IdempotencyKey(who, in.request_id);
  return WithSerial(store_, [&](std::optional<uint64_t> reserved) {
    return FileCommunityOnce(who, idem, in.profile, reserved);
  });
}

Result<v1::Organization> Registry::FileCommunityOnce(const auth::Principal& who,
                                                     const std::string& idem,
                                                     const Profile& profile,
                                                     std::optional<uint64_t> reserved) {
  constexpr const char* kRpc = "FileCommunityOrganization";
  // One read: the replay and the serial counter the filing number is made from.
  auto read = store_.ReadForCommand(kRpc, idem, {{"GET", keys::kSerial}});
  if (auto replay = CheckedReplay<v1::Organization>(
          read.prior, std::string(Trim(profile.name)),
          [](const v1::Organization& r) { return r.profile().name(); }))
    return *replay;
  const TimePoint now = clock_.Now();
  auto probe = FileCommunityOrganization("probe", profile, settings_, now);
  if (!probe.ok()) return probe.error();
  if (auto err = CheckWrite(who, probe->profile.jurisdiction)) return *err;
  auto serial =
      reserved ? Result<SerialRead>(SerialRead{"", *reserved}) : ParseSerial(read.rows[0]);
  if (!serial.ok()) return serial.error();
  Organization org = std::move(probe).value();
  org.id = FilingNumber(settings_.authority_code, serial->next);
  org.serial = serial->next;

  v1::Organization response = ToProto(org);
  v1::CommunityOrganizationFiled body;
  *body.mutable_organization() = response;
  ToProto(ToActor(who), body.mutable_actor());
  for (const char* r : {"REG-03", "REG-22"}) body.add_rule_ids(r);
  Mutation m;
  m.idem_key = keys::Idem(kRpc, idem);
  m.response = response.SerializeAsString();
  const std::string name_key = keys::Name(org.profile.jurisdiction, org.profile.name);
  m.guards.push_back({Mutation::Guard::Kind::kNameFree, name_key, "", "profile.name"});
  // The counter before the filing number made from it (see ApproveOnce).
  if (!reserved)
    m.guards.push_back(
        {Mutation::Guard::Kind::kCounter, keys::kSerial, serial->current, "filing-number serial"});
  m.guards.push_back({Mutation::Guard::Kind::kAbsent, keys::Org(org.id), "", "filing " + org.id});
  m.hashes.push_back({keys::Org(org.id), EncodeOrganization(org)});
  m.sets.push_back({name_key, "org:" + org.id, 0});
  const std::string score = std::to_string(org.serial);
  m.zops.push_back({keys::kOrgs, org.id, score});
  m.zops.push_back({keys::TypeIndex(org.profile.kind), org.id, score});
  m.zops.push_back({keys::StatusIndex(org.status), org.id, score});
  m.outbox_key = kOutboxKey;
  m.events = {Event(body, "organization", "filed", org.id, org.version, org.profile.jurisdiction,
                    who.subject, now)};
  return Answer(store_.Mutate(m, "filing " + org.id), std::move(response));
}

Result<v1::Organization> Registry::RemoveFiling(const auth::Principal& who,
                                                const app::RemoveFiling& in) {
  return OrgCommand(
      who, "RemoveFiling", in,
      [&](const Organization& org, TimePoint now) {
        return registration::RemoveFiling(org, in.version, in.reason, now);
      },
      [&](const Organization& before, const Organization& after, TimePoint now) {
        v1::FilingRemoved body;
        *body.mutable_organization() = ToProto(after);
        ToProto(ToActor(who), body.mutable_actor());
        body.set_reason(after.status_reason);
        return std::vector<outbox::OutboxEvent>{
            Event(body, "organization", "filing_removed", after.id, after.version,
                  after.profile.jurisdiction, who.subject, now)};
      });
}

// ---- change registration ----

Result<v1::ChangeApplication> Registry::ApplyChange(const auth::Principal& who,
                                                    const app::ApplyChange& in) {
  if (auto err = ValidateTarget(in.request_id, "organization_id", in.organization_id, in.version))
    return *err;
  constexpr const char* kRpc = "ApplyChange";
  const std::string idem = IdempotencyKey(who, in.request_id);
  auto read = ReadTarget<v1::ChangeApplication>(
      store_, kRpc, idem, keys::Org(in.organization_id), in.organization_id,
      [](const v1::ChangeApplication& r) { return r.organization_id(); });
  if (read.entity.empty())
    return Error::NotFound("organization " + in.organization_id + " not found");
  auto org = DecodeOrganization(read.entity);
  if (!org.ok()) return org.error();
  if (auto err = CheckWrite(who, org->profile.jurisdiction)) return *err;
  if (read.replay) return *read.replay;
  const TimePoint now = clock_.Now();
  auto decided = registration::ApplyChange(NewUuidV7(now), *org, in.version, in.change, settings_,
                                           ToActor(who), now);
  if (!decided.ok()) return decided.error();
  // "变更必备": a new legal representative passed a joint review (REG-20).
  if (decided->change.changes.legal_rep) {
    std::string review_id;
    if (auto err = CheckJointReview(org->id, in.review_id,
                                    {ReviewTrigger::kChange, ReviewTrigger::kMidtermChange},
                                    decided->change.changes.legal_rep->id_number, &review_id))
      return *err;
    decided->change.review_id = review_id;
  }
  v1::ChangeApplication response = ToProto(decided->change);
  v1::ChangeApplied body;
  *body.mutable_change() = response;
  ToProto(ToActor(who), body.mutable_actor());
  body.set_organization_version(decided->organization.version);
  Mutation m;
  m.idem_key = keys::Idem(kRpc, idem);
  m.response = response.SerializeAsString();
  AddOrgWrite(m, *org, decided->organization);
  m.guards.push_back({Mutation::Guard::Kind::kAbsent, keys::Change(decided->change.id), "",
                      "change " + decided->change.id});
  if (decided->change.changes.name) {
    // The new name is held for the change while it is pending (REG-03 counts pending ones).
    const std::string key = keys::Name(org->profile.jurisdiction, *decided->change.changes.name);
    m.guards.push_back({Mutation::Guard::Kind::kNameFree, key, "", "changes.name"});
    m.sets.push_back({key, "change:" + decided->change.id, 0});
  }
  m.hashes.push_back({keys::Change(decided->change.id), EncodeChange(decided->change)});
  m.outbox_key = kOutboxKey;
  m.events = {Event(body, "organization", "change_applied", org->id, decided->organization.version,
                    org->profile.jurisdiction, who.subject, now)};
  return Answer(store_.Mutate(m, "change of " + org->id), std::move(response));
}

Result<v1::ApproveChangeResponse> Registry::ApproveChange(const auth::Principal& who,
                                                          const app::DecideChange& in) {
  if (auto err = ValidateTarget(in.request_id, "change_id", in.change_id, in.version)) return *err;
  constexpr const char* kRpc = "ApproveChange";
  const std::string idem = IdempotencyKey(who, in.request_id);
  auto read = ReadTarget<v1::ApproveChangeResponse>(
      store_, kRpc, idem, keys::Change(in.change_id), Answered(in.change_id, in.version + 1),
      [](const v1::ApproveChangeResponse& r) {
        return Answered(r.change().id(), r.change().version());
      });
  if (read.entity.empty())
    return Error::NotFound("change application " + in.change_id + " not found");
  auto change = DecodeChange(read.entity);
  if (!change.ok()) return change.error();
  if (auto err = CheckWrite(who, change->jurisdiction)) return *err;
  if (read.replay) return *read.replay;
  auto org = store_.LoadOrganization(change->organization_id);
  if (!org.ok() && org.error().code == ErrorCode::kNotFound)
    return Error::Internal("organization of change " + change->id + " is missing");
  if (!org.ok()) return org.error();
  const TimePoint now = clock_.Now();
  auto decided = registration::ApproveChange(*change, in.version, *org, ToActor(who), now);
  if (!decided.ok()) return decided.error();
  v1::ApproveChangeResponse response;
  *response.mutable_change() = ToProto(decided->change);
  *response.mutable_organization() = ToProto(decided->organization);
  v1::OrganizationChanged body;
  *body.mutable_organization() = response.organization();
  *body.mutable_change() = response.change();
  ToProto(ToActor(who), body.mutable_actor());
  body.set_announce(MustAnnounce(change->changes));
  Mutation m;
  m.idem_key = keys::Idem(kRpc, idem);
  m.response = response.SerializeAsString();
  m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Change(change->id),
                      std::to_string(change->version), "change " + change->id});
  AddOrgWrite(m, *org, decided->organization);
  m.hashes.push_back({keys::Change(change->id), EncodeChange(decided->change)});
  if (change->changes.name) {
    const std::string new_key = keys::Name(org->profile.jurisdiction, *change->changes.name);
    m.guards.push_back(
        {Mutation::Guard::Kind::kNameFree, new_key, "change:" + change->id, "changes.name"});
    m.dels_if.push_back(
        {keys::Name(org->profile.jurisdiction, org->profile.name), "org:" + org->id});
    m.sets.push_back({new_key, "org:" + org->id, 0});
  }
  m.outbox_key = kOutboxKey;
  m.events = {Event(body, "organization", "changed", org->id, decided->organization.version,
                    org->profile.jurisdiction, who.subject, now)};
  return Answer(store_.Mutate(m, "change " + change->id), std::move(response));
}

Result<v1::ChangeApplication> Registry::RejectChange(const auth::Principal& who,
                                                     const app::RejectChange& in) {
  if (auto err = ValidateTarget(in.request_id, "change_id", in.change_id, in.version)) return *err;
  constexpr const char* kRpc = "RejectChange";
  const std::string idem = IdempotencyKey(who, in.request_id);
  auto read = ReadTarget<v1::ChangeApplication>(
      store_, kRpc, idem, keys::Change(in.change_id), Answered(in.change_id, in.version + 1),
      [](const v1::ChangeApplication& r) { return Answered(r.id(), r.version()); });
  if (read.entity.empty())
    return Error::NotFound("change application " + in.change_id + " not found");
  auto change = DecodeChange(read.entity);
  if (!change.ok()) return change.error();
  if (auto err = CheckWrite(who, change->jurisdiction)) return *err;
  if (read.replay) return *read.replay;
  auto org = store_.LoadOrganization(change->organization_id);
  if (!org.ok() && org.error().code == ErrorCode::kNotFound)
    return Error::Internal("organization of change " + change->id + " is missing");
  if (!org.ok()) return org.error();
  const TimePoint now = clock_.Now();
  auto decided =
      registration::RejectChange(*change, in.version, *org, in.reason, ToActor(who), now);
  if (!decided.ok()) return decided.error();
  v1::ChangeApplication response = ToProto(decided->change);
  v1::ChangeRejected body;
  *body.mutable_change() = response;
  ToProto(ToActor(who), body.mutable_actor());
  body.set_organization_version(decided->organization.version);
  Mutation m;
  m.idem_key = keys::Idem(kRpc, idem);
  m.response = response.SerializeAsString();
  m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Change(change->id),
                      std::to_string(change->version), "change " + change->id});
  AddOrgWrite(m, *org, decided->organization);
  m.hashes.push_back({keys::Change(change->id), EncodeChange(decided->change)});
  if (change->changes.name)
    m.dels_if.push_back(
        {keys::Name(org->profile.jurisdiction, *change->changes.name), "change:" + change->id});
  m.outbox_key = kOutboxKey;
  m.events = {Event(body, "organization", "change_rejected", org->id, decided->organization.version,
                    org->profile.jurisdiction, who.subject, now)};
  return Answer(store_.Mutate(m, "change " + change->id), std::move(response));
}

Result<v1::ChangeApplication> Registry::GetChange(const auth::Principal& who,
                                                  const std::string& id) {
  if (id.empty()) return Error::InvalidArgument("change_id", "required");
  auto change = store_.LoadChange(id);
  if (!change.ok()) return change.error();
  if (auto err = CheckRead(who, change->jurisdiction)) return *err;
  return ToProto(*change);
}

// ---- articles and terms ----

Result<v1::Organization> Registry::RecordArticles(const auth::Principal& who,
                                                  const app::RecordArticles& in) {
  return OrgCommand(
      who, "RecordArticles", in,
      [&](const Organization& org, TimePoint now) {
        return registration::RecordArticles(org, in.version, in.articles, now);
      },
      [&](const Organization&, const Organization& after, TimePoint now) {
        v1::ArticlesRecorded body;
        body.set_organization_id(after.id);
        *body.mutable_articles() = ToProto(after.articles);
        ToProto(ToActor(who), body.mutable_actor());
        body.set_organization_version(after.version);
        body.set_jurisdiction(after.profile.jurisdiction);
        return std::vector<outbox::OutboxEvent>{
            Event(body, "organization", "articles_recorded", after.id, after.version,
                  after.profile.jurisdiction, who.subject, now)};
      });
}

Result<v1::Organization> Registry::RecordCouncilTerm(const auth::Principal& who,
                                                     const app::RecordCouncilTerm& in) {
  return OrgCommand(
      who, "RecordCouncilTerm", in,
      [&](const Organization& org, TimePoint now) -> Result<Organization> {
        // A new term follows a re-election whose persons passed a joint review (REG-20).
        // A re-election's review may serve one term only. The first term recorded after
        // establishment may rest on the establishment review of the application.
        std::string review_id;
        Status err = CheckJointReview(org.id, in.review_id, {ReviewTrigger::kReelection}, "",
                                      &review_id, org.council_term.review_id);
        if (err && org.council_term.start_date.empty() && !org.application_id.empty() &&
            in.review_id.empty() &&
            !CheckJointReview(org.application_id, "", {ReviewTrigger::kEstablishment}, "",
                              &review_id))
          err = std::nullopt;
        if (err) return *err;
        return registration::RecordCouncilTerm(org, in.version, in.start_date, in.end_date,
                                               review_id, now);
      },
      [&](const Organization&, const Organization& after, TimePoint now) {
        v1::CouncilTermRecorded body;
        body.set_organization_id(after.id);
        *body.mutable_term() = ToProto(after.council_term);
        ToProto(ToActor(who), body.mutable_actor());
        body.set_organization_version(after.version);
        body.set_jurisdiction(after.profile.jurisdiction);
        return std::vector<outbox::OutboxEvent>{
            Event(body, "organization", "council_term_recorded", after.id, after.version,
                  after.profile.jurisdiction, who.subject, now)};
      });
}

Result<v1::Organization> Registry::ExtendCouncilTerm(const auth::Principal& who,
                                                     const app::ExtendCouncilTerm& in) {
  return OrgCommand(
      who, "ExtendCouncilTerm", in,
      [&](const Organization& org, TimePoint now) {
        return registration::ExtendCouncilTerm(org, in.version, in.extension_until, in.reason, now);
      },
      [&](const Organization&, const Organization& after, TimePoint now) {
        v1::CouncilTermExtended body;
        body.set_organization_id(after.id);
        *body.mutable_term() = ToProto(after.council_term);
        ToProto(ToActor(who), body.mutable_actor());
        body.set_organization_version(after.version);
        body.set_jurisdiction(after.profile.jurisdiction);
        body.set_reason(std::string(Trim(in.reason)));
        return std::vector<outbox::OutboxEvent>{
            Event(body, "organization", "council_term_extended", after.id, after.version,
                  after.profile.jurisdiction, who.subject, now)};
      });
}

// ---- dissolution, liquidation, cancellation, resumption ----

Result<v1::Organization> Registry::ResolveDissolution(const auth::Principal& who,
                                                      const app::ResolveDissolution& in) {
  return OrgCommand(
      who, "ResolveDissolution", in,
      [&](const Organization& org, TimePoint now) {
        return registration::ResolveDissolution(org, in.version, in.ground, in.resolved_on,
                                                in.consented_on, now);
      },
      [&](const Organization& before, const Organization& after, TimePoint now) {
        return StatusEvent(who, "dissolution_resolved", before, after, {"REG-14"}, now);
      });
}

Result<v1::Organization> Registry::StartLiquidation(const auth::Principal& who,
                                                    const app::StartLiquidation& in) {
  return OrgCommand(
      who, "StartLiquidation", in,
      [&](const Organization& org, TimePoint now) {
        return registration::StartLiquidation(org, in.version, in.liquidation_group, now);
      },
      [&](const Organization& before, const Organization& after, TimePoint now) {
        return StatusEvent(who, "liquidation_started", before, after, {"REG-15", "REG-19"}, now);
      });
}

Result<v1::Organization> Registry::ApplyCancellation(const auth::Principal& who,
                                                     const app::ApplyCancellation& in) {
  return OrgCommand(
      who, "ApplyCancellation", in,
      [&](const Organization& org, TimePoint now) {
        return registration::ApplyCancellation(org, in.version, in.cancellation, now);
      },
      [&](const Organization& before, const Organization& after, TimePoint now) {
        return StatusEvent(who, "cancellation_applied", before, after, {"REG-15", "REG-16"}, now);
      });
}

Result<v1::Organization> Registry::ApproveCancellation(const auth::Principal& who,
                                                       const app::ApproveCancellation& in) {
  return OrgCommand(
      who, "ApproveCancellation", in,
      [&](const Organization& org, TimePoint now) {
        return registration::ApproveCancellation(org, in.version,
                                                 in.certificate_and_seals_collected, now);
      },
      [&](const Organization& before, const Organization& after, TimePoint now) {
        return StatusEvent(who, "cancelled", before, after, {"REG-13", "REG-16"}, now);
      });
}

Result<v1::Organization> Registry::ResumeOrganization(const auth::Principal& who,
                                                      const app::ResumeOrganization& in) {
  return OrgCommand(
      who, "ResumeOrganization", in,
      [&](const Organization& org, TimePoint now) {
        return registration::ResumeOrganization(org, in.version, in.rectification_received_on, now);
      },
      [&](const Organization& before, const Organization& after, TimePoint now) {
        return StatusEvent(who, "resumed", before, after, {}, now);
      });
}

}  // namespace socgov::registration
