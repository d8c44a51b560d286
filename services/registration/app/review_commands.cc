// Joint review (负责人联审) use cases: REG-20/21/22.
#include "platform/util/uuid.h"
#include "registration/api/convert.h"
#include "registration/app/command_support.h"
#include "registration/app/registry.h"
#include "registration/domain/lifecycle.h"
#include "registration/domain/review.h"
#include "socgov/registration/v1/events.pb.h"

namespace socgov::registration {

Result<v1::ReviewCase> Registry::OpenReview(const auth::Principal& who,
                                            const v1::OpenReviewRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  constexpr const char* kRpc = "OpenReview";
  const std::string idem = IdempotencyKey(who, req.request_id());
  if (auto replay =
          PriorReplay<v1::ReviewCase>(store_, kRpc, idem, req.subject_id(),
                                      [](const v1::ReviewCase& r) { return r.subject_id(); }))
    return *replay;
  if (req.subject_id().empty()) return Error::InvalidArgument("subject_id", "required");
  // The subject is an organization registered here or an application filed here.
  std::string jurisdiction;
  if (auto org = store_.LoadOrganization(req.subject_id())) {
    jurisdiction = org->profile.jurisdiction;
    if (auto err = CheckMayOperate(*org, "a joint review")) return *err;
  } else if (auto app = store_.LoadApplication(req.subject_id())) {
    jurisdiction = app->profile.jurisdiction;
  } else {
    return Error::NotFound("subject_id: no organization or application " + req.subject_id());
  }
  if (auto err = CheckWrite(who, jurisdiction)) return *err;
  std::vector<NomineeInput> nominees;
  for (const auto& n : req.nominees())
    nominees.push_back(
        {n.name(), n.id_number(), n.post(), n.retired_cadre(), n.other_posts(), n.terms_served()});
  const TimePoint now = clock_.Now();
  auto review = registration::OpenReview(
      NewUuidV7(now), req.subject_id(), jurisdiction,
      static_cast<ReviewTrigger>(static_cast<int>(req.trigger())), nominees,
      std::vector<std::string>(req.departments().begin(), req.departments().end()),
      req.answer_days(), settings_, ToActor(who), now);
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
  return Commit(store_, m, "review " + review->id, std::move(response));
}

Result<v1::ReviewCase> Registry::ReviewCommand(const auth::Principal& who, const char* rpc,
                                               const std::string& request_id,
                                               const std::string& review_id, int64_t version,
                                               const char* event, const DecideReview& decide) {
  if (auto err = ValidateRequestId(request_id)) return *err;
  if (review_id.empty()) return Error::InvalidArgument("review_id", "required");
  if (version <= 0) return Error::InvalidArgument("version", "required (the version you read)");
  const std::string idem = IdempotencyKey(who, request_id);
  auto read = store_.ReadForCommand(rpc, idem, keys::Review(review_id));
  if (read.entity.empty()) return Error::NotFound("review " + review_id + " not found");
  std::optional<ReviewCase> review = DecodeReview(read.entity);
  // A replay is only returned to a caller who passes the same checks.
  if (auto err = CheckWrite(who, review->jurisdiction)) return *err;
  if (auto replay = CheckedReplay<v1::ReviewCase>(
          read.prior, Answered(review_id, version + 1),
          [](const v1::ReviewCase& r) { return Answered(r.id(), r.version()); }))
    return *replay;
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
  return Commit(store_, m, "review " + review_id, std::move(response));
}

Result<v1::ReviewCase> Registry::RecordOpinion(const auth::Principal& who,
                                               const v1::RecordOpinionRequest& req) {
  return ReviewCommand(who, "RecordOpinion", req.request_id(), req.review_id(), req.version(),
                       "opinion_recorded", [&](const ReviewCase& r, TimePoint now) {
                         return registration::RecordOpinion(
                             r, req.version(), req.department(),
                             static_cast<Opinion>(static_cast<int>(req.opinion())), req.comment(),
                             ToActor(who), now);
                       });
}

Result<v1::ReviewCase> Registry::ConcludeReview(const auth::Principal& who,
                                                const v1::ConcludeReviewRequest& req) {
  return ReviewCommand(who, "ConcludeReview", req.request_id(), req.review_id(), req.version(),
                       "concluded", [&](const ReviewCase& r, TimePoint now) {
                         return registration::ConcludeReview(r, req.version(), ToActor(who), now);
                       });
}

Result<v1::ReviewCase> Registry::PublishReview(const auth::Principal& who,
                                               const v1::PublishReviewRequest& req) {
  return ReviewCommand(who, "PublishReview", req.request_id(), req.review_id(), req.version(),
                       "published", [&](const ReviewCase& r, TimePoint now) {
                         return registration::PublishReview(r, req.version(), req.from(),
                                                            req.until(), ToActor(who), now);
                       });
}

Result<v1::ReviewCase> Registry::FileReviewResult(const auth::Principal& who,
                                                  const v1::FileReviewResultRequest& req) {
  return ReviewCommand(who, "FileReviewResult", req.request_id(), req.review_id(), req.version(),
                       "result_filed", [&](const ReviewCase& r, TimePoint now) {
                         return registration::FileReviewResult(r, req.version(), req.elected_on(),
                                                               ToActor(who), now);
                       });
}

Result<v1::ReviewCase> Registry::GetReview(const auth::Principal& who, const std::string& id) {
  if (id.empty()) return Error::InvalidArgument("review_id", "required");
  auto review = store_.LoadReview(id);
  if (!review) return Error::NotFound("review " + id + " not found");
  if (auto err = CheckRead(who, review->jurisdiction)) return *err;
  return ToProto(*review);
}

}  // namespace socgov::registration
