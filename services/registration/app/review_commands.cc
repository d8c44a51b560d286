// Joint review (负责人联审) use cases: REG-20/21/22.
#include "platform/util/uuid.h"
#include "registration/app/command_support.h"
#include "registration/app/registry.h"
#include "registration/app/to_proto.h"
#include "registration/domain/lifecycle.h"
#include "registration/domain/review.h"
#include "registration/store/registration_store.h"
#include "socgov/registration/v1/events.pb.h"

namespace socgov::registration {

Result<v1::ReviewCase> Registry::OpenReview(const auth::Principal& who, const app::OpenReview& in) {
  if (auto err = ValidateRequestId(in.request_id)) return *err;
  if (in.subject_id.empty()) return Error::InvalidArgument("subject_id", "required");
  constexpr const char* kRpc = "OpenReview";
  const std::string idem = IdempotencyKey(who, in.request_id);
  // One read: the replay and the subject, an organization registered here or an application
  // filed here.
  auto read =
      ReadTarget<v1::ReviewCase>(store_, kRpc, idem, keys::Org(in.subject_id), in.subject_id,
                                 [](const v1::ReviewCase& r) { return r.subject_id(); },
                                 {{"HGETALL", keys::App(in.subject_id)}});
  std::optional<Organization> org;
  std::string jurisdiction;
  if (!read.entity.empty()) {
    auto decoded = DecodeOrganization(read.entity);
    if (!decoded.ok()) return decoded.error();
    org = std::move(decoded).value();
    jurisdiction = org->profile.jurisdiction;
  } else if (auto hash = store::FlatHash(read.extra[0]); !hash.empty()) {
    auto app = DecodeApplication(hash);
    if (!app.ok()) return app.error();
    jurisdiction = app->profile.jurisdiction;
  } else {
    return Error::NotFound("subject_id: no organization or application " + in.subject_id);
  }
  // A replay is only returned to a caller who passes the same checks.
  if (auto err = CheckWrite(who, jurisdiction)) return *err;
  if (read.replay) return *read.replay;
  if (org)
    if (auto err = CheckMayOperate(*org, "a joint review")) return *err;
  const TimePoint now = clock_.Now();
  auto review =
      registration::OpenReview(NewUuidV7(now), in.subject_id, jurisdiction, in.trigger, in.nominees,
                               in.departments, in.answer_days, settings_, ToActor(who), now);
  if (!review.ok()) return review.error();
  v1::ReviewCase response = ToProto(*review);
  v1::ReviewOpened body;
  *body.mutable_review() = response;
  ToProto(ToActor(who), body.mutable_actor());
  for (const char* r : {"REG-20", "REG-21", "REG-22"}) body.add_rule_ids(r);
  Mutation m;
  m.idem_key = keys::Idem(kRpc, idem);
  m.response = response.SerializeAsString();
  m.guards.push_back(
      {Mutation::Guard::Kind::kAbsent, keys::Review(review->id), "", "review " + review->id});
  m.hashes.push_back({keys::Review(review->id), EncodeReview(*review)});
  m.sadds.push_back({keys::ReviewsOf(review->subject_id), review->id});
  m.outbox_key = kOutboxKey;
  m.events = {
      Event(body, "review", "opened", review->id, review->version, jurisdiction, who.subject, now)};
  return Answer(store_.Mutate(m, "review " + review->id), std::move(response));
}

Result<v1::ReviewCase> Registry::ReviewCommand(const auth::Principal& who, const char* rpc,
                                               const app::ReviewTarget& target, const char* event,
                                               const DecideReview& decide) {
  const std::string& request_id = target.request_id;
  const std::string& review_id = target.review_id;
  const int64_t version = target.version;
  if (auto err = ValidateRequestId(request_id)) return *err;
  if (review_id.empty()) return Error::InvalidArgument("review_id", "required");
  if (version <= 0) return Error::InvalidArgument("version", "required (the version you read)");
  const std::string idem = IdempotencyKey(who, request_id);
  auto read = ReadTarget<v1::ReviewCase>(
      store_, rpc, idem, keys::Review(review_id), Answered(review_id, version + 1),
      [](const v1::ReviewCase& r) { return Answered(r.id(), r.version()); });
  if (read.entity.empty()) return Error::NotFound("review " + review_id + " not found");
  auto review = DecodeReview(read.entity);
  if (!review.ok()) return review.error();
  // A replay is only returned to a caller who passes the same checks.
  if (auto err = CheckWrite(who, review->jurisdiction)) return *err;
  if (read.replay) return *read.replay;
  const TimePoint now = clock_.Now();
  auto next = decide(*review, now);
  if (!next.ok()) return next.error();
  v1::ReviewCase response = ToProto(*next);
  Mutation m;
  m.idem_key = keys::Idem(rpc, idem);
  m.response = response.SerializeAsString();
  m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Review(review_id),
                      std::to_string(review->version), "review " + review_id});
  m.hashes.push_back({keys::Review(review_id), EncodeReview(*next)});
  m.outbox_key = kOutboxKey;
  const std::string ev(event);
  auto add = [&](google::protobuf::Message& body) {
    m.events = {Event(body, "review", ev, review_id, next->version, review->jurisdiction,
                      who.subject, now)};
  };
  common::v1::Actor actor;
  ToProto(ToActor(who), &actor);
  if (ev == "opinion_recorded") {
    v1::ReviewOpinionRecorded body;
    *body.mutable_review() = response;
    *body.mutable_actor() = actor;
    // The department whose opinion changed from PENDING.
    for (size_t i = 0; i < next->opinions.size() && i < review->opinions.size(); ++i)
      if (next->opinions[i].opinion != review->opinions[i].opinion)
        body.set_department(next->opinions[i].department);
    add(body);
  } else if (ev == "concluded") {
    v1::ReviewConcluded body;
    *body.mutable_review() = response;
    *body.mutable_actor() = actor;
    add(body);
  } else if (ev == "published") {
    v1::ReviewPublished body;
    *body.mutable_review() = response;
    *body.mutable_actor() = actor;
    add(body);
  } else {
    v1::ReviewResultFiled body;
    *body.mutable_review() = response;
    *body.mutable_actor() = actor;
    add(body);
  }
  return Answer(store_.Mutate(m, "review " + review_id), std::move(response));
}

Result<v1::ReviewCase> Registry::RecordOpinion(const auth::Principal& who,
                                               const app::RecordOpinion& in) {
  return ReviewCommand(
      who, "RecordOpinion", in, "opinion_recorded", [&](const ReviewCase& r, TimePoint now) {
        return registration::RecordOpinion(r, in.version, in.department, in.opinion, in.comment,
                                           ToActor(who), now);
      });
}

Result<v1::ReviewCase> Registry::ConcludeReview(const auth::Principal& who,
                                                const app::ConcludeReview& in) {
  return ReviewCommand(who, "ConcludeReview", in, "concluded",
                       [&](const ReviewCase& r, TimePoint now) {
                         return registration::ConcludeReview(r, in.version, ToActor(who), now);
                       });
}

Result<v1::ReviewCase> Registry::PublishReview(const auth::Principal& who,
                                               const app::PublishReview& in) {
  return ReviewCommand(
      who, "PublishReview", in, "published", [&](const ReviewCase& r, TimePoint now) {
        return registration::PublishReview(r, in.version, in.from, in.until, ToActor(who), now);
      });
}

Result<v1::ReviewCase> Registry::FileReviewResult(const auth::Principal& who,
                                                  const app::FileReviewResult& in) {
  return ReviewCommand(
      who, "FileReviewResult", in, "result_filed", [&](const ReviewCase& r, TimePoint now) {
        return registration::FileReviewResult(r, in.version, in.elected_on, ToActor(who), now);
      });
}

Result<v1::ReviewCase> Registry::GetReview(const auth::Principal& who, const std::string& id) {
  if (id.empty()) return Error::InvalidArgument("review_id", "required");
  auto review = store_.LoadReview(id);
  if (!review.ok()) return review.error();
  if (auto err = CheckRead(who, review->jurisdiction)) return *err;
  return ToProto(*review);
}

}  // namespace socgov::registration
