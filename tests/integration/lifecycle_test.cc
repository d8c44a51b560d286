// The registration lifecycle through the real gRPC API on real Redis and NATS: preparation and
// establishment with the joint review (REG-04/20), changes (REG-12/13), dissolution to
// cancellation (REG-14..16), community filings, penalties from supervision's events (REG-17/19),
// search, and bad input that must change nothing.
#include "registration/api/penalty_consumer.h"
#include "registration_fixture.h"
#include "socgov/supervision/v1/events.pb.h"

namespace socgov::testing {
namespace {

namespace sv = ::socgov::supervision::v1;
using Stub = rv1::RegistrationService::Stub;

// A second valid GB 11643 number (born 1985-06-15), for a new legal representative.
std::string IdNumber(const std::string& first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return first17 + "10X98765432"[sum % 11];
}

class LifecycleTest : public RegistrationFixture {
 protected:
  std::map<std::string, std::string> Env() const override {
    return {{"SOCGOV_JOINT_REVIEW_REQUIRED", "true"},
            {"SOCGOV_REVIEW_DEPARTMENTS", "社会工作部,公安局"}};
  }
  const Clock& clock() const override { return fixed_; }

  std::string Tok(const std::string& role) const {
    auth::Principal p{role + ".test", {role}, kJimei, 0};
    p.expires_at =
        std::chrono::duration_cast<std::chrono::seconds>(fixed_.Now().time_since_epoch()).count() +
        3600;
    return auth::MintToken(kTestKey, p, fixed_.Now());
  }

  template <typename Req, typename Resp>
  grpc::Status Rpc(grpc::Status (Stub::*fn)(grpc::ClientContext*, const Req&, Resp*),
                   const Req& req, Resp* resp, const std::string& role = "registrar") {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + Tok(role));
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    return ((*stub_).*fn)(&ctx, req, resp);
  }

  // Opens, answers (all NO_OBJECTION) and concludes a review; returns it PASSED.
  rv1::ReviewCase PassedReview(const std::string& subject, rv1::ReviewTrigger trigger,
                               const std::string& name, const std::string& id_number) {
    rv1::OpenReviewRequest open;
    open.set_request_id("open-" + subject + "-" + std::to_string(trigger) + id_number);
    open.set_subject_id(subject);
    open.set_trigger(trigger);
    auto* n = open.add_nominees();
    n->set_name(name);
    n->set_id_number(id_number);
    n->set_post("法定代表人");
    rv1::ReviewCase review;
    EXPECT_TRUE(Rpc(&Stub::OpenReview, open, &review, "clerk").ok());
    for (const auto& o : review.opinions()) {
      rv1::RecordOpinionRequest op;
      op.set_request_id("op-" + review.id() + "-" + std::to_string(review.version()));
      op.set_review_id(review.id());
      op.set_version(review.version());
      op.set_department(o.department());
      op.set_opinion(rv1::OPINION_NO_OBJECTION);
      auto st = Rpc(&Stub::RecordOpinion, op, &review);
      EXPECT_TRUE(st.ok()) << st.error_message();
    }
    rv1::ConcludeReviewRequest c;
    c.set_request_id("conclude-" + review.id());
    c.set_review_id(review.id());
    c.set_version(review.version());
    auto st = Rpc(&Stub::ConcludeReview, c, &review);
    EXPECT_TRUE(st.ok()) << st.error_message();
    EXPECT_EQ(review.status(), rv1::REVIEW_STATUS_PASSED);
    return review;
  }

  // A social service organization, reviewed and registered: ACTIVE.
  rv1::Organization RegisterService(const std::string& name) {
    rv1::SubmitApplicationResponse sub;
    // Request ids are ASCII: derive them from the (Chinese) name.
    const std::string key = std::to_string(std::hash<std::string>{}(name));
    auto st =
        Rpc(&Stub::SubmitApplication, SocialServiceRequest(name, "sub-" + key), &sub, "clerk");
    EXPECT_TRUE(st.ok()) << st.error_message();
    PassedReview(sub.application().id(), rv1::REVIEW_TRIGGER_ESTABLISHMENT, "王立新", kValidId);
    rv1::ApproveApplicationResponse approved;
    st = Approve(sub.application().id(), 1, "approve-" + key, &approved);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return approved.organization();
  }

  grpc::Status Approve(const std::string& app_id, int64_t version, const std::string& request_id,
                       rv1::ApproveApplicationResponse* resp) {
    rv1::ApproveApplicationRequest req;
    req.set_request_id(request_id);
    req.set_application_id(app_id);
    req.set_version(version);
    return Rpc(&Stub::ApproveApplication, req, resp);
  }

  rv1::Organization GetOrg(const std::string& id) {
    rv1::GetOrganizationRequest req;
    req.set_organization_id(id);
    rv1::Organization org;
    EXPECT_TRUE(Rpc(&Stub::GetOrganization, req, &org, "viewer").ok());
    return org;
  }

  FixedClock fixed_{*ParseRfc3339("2026-11-28T02:00:00Z")};  // 10:00 in China
};

TEST_F(LifecycleTest, Reg04Reg20SocialGroupGoesThroughPreparationReviewAndEstablishment) {
  rv1::SubmitApplicationRequest req = SocialServiceRequest("厦门市集美区青年志愿者协会", "prep-1");
  auto* p = req.mutable_profile();
  p->set_org_type(rv1::ORG_TYPE_SOCIAL_GROUP);
  p->clear_social_service_form();
  p->set_individual_members(12);  // founders only: REG-01 is checked at establishment
  rv1::SubmitApplicationResponse sub;
  ASSERT_TRUE(Rpc(&Stub::SubmitApplication, req, &sub, "clerk").ok());
  EXPECT_EQ(sub.application().stage(), rv1::APPLICATION_STAGE_PREPARATION);

  rv1::ApproveApplicationResponse prep;
  ASSERT_TRUE(Approve(sub.application().id(), 1, "prep-approve", &prep).ok());
  EXPECT_EQ(prep.application().status(), rv1::APPLICATION_STATUS_PREP_APPROVED);
  EXPECT_EQ(prep.application().founding_deadline(), "2027-05-28");  // REG-04: six months
  EXPECT_FALSE(prep.has_organization());

  rv1::ApplyEstablishmentRequest est;
  est.set_request_id("est-1");
  est.set_application_id(sub.application().id());
  est.set_version(prep.application().version());
  est.set_founding_meeting_on("2027-01-10");
  est.set_individual_members(49);
  est.mutable_funds()->set_fen(3'000'000);
  fixed_.Set(*ParseRfc3339("2027-01-15T02:00:00Z"));
  rv1::Application app;
  auto st = Rpc(&Stub::ApplyEstablishment, est, &app, "clerk");
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("REG-01"), std::string::npos) << st.error_message();
  est.set_individual_members(60);
  ASSERT_TRUE(Rpc(&Stub::ApplyEstablishment, est, &app, "clerk").ok());
  EXPECT_EQ(app.status(), rv1::APPLICATION_STATUS_SUBMITTED);
  EXPECT_EQ(app.stage(), rv1::APPLICATION_STAGE_ESTABLISHMENT);

  // REG-20: no review yet → refused, nothing stored.
  const std::string before = Snapshot();
  rv1::ApproveApplicationResponse done;
  st = Approve(app.id(), app.version(), "est-approve", &done);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(st.error_message().find("REG-20"), std::string::npos) << st.error_message();
  EXPECT_EQ(Snapshot(), before);

  PassedReview(app.id(), rv1::REVIEW_TRIGGER_ESTABLISHMENT, "王立新", kValidId);
  st = Approve(app.id(), app.version(), "est-approve", &done);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(done.organization().status(), rv1::ORG_STATUS_ACTIVE);
  EXPECT_EQ(done.organization().id().substr(0, 2), "51");  // social group type digit
  EXPECT_FALSE(done.application().review_id().empty());
}

TEST_F(LifecycleTest, Reg04PreparationLapsesAfterTheDeadlineAndTheSweepIsIdempotent) {
  rv1::SubmitApplicationRequest req = SocialServiceRequest("厦门市集美区书法研究会", "prep-2");
  req.mutable_profile()->set_org_type(rv1::ORG_TYPE_SOCIAL_GROUP);
  req.mutable_profile()->clear_social_service_form();
  rv1::SubmitApplicationResponse sub;
  ASSERT_TRUE(Rpc(&Stub::SubmitApplication, req, &sub, "clerk").ok());
  rv1::ApproveApplicationResponse prep;
  ASSERT_TRUE(Approve(sub.application().id(), 1, "prep-approve-2", &prep).ok());

  rv1::LapsePreparationsResponse lapsed;
  ASSERT_TRUE(Rpc(&Stub::LapsePreparations, rv1::LapsePreparationsRequest(), &lapsed).ok());
  EXPECT_EQ(lapsed.application_ids_size(), 0);        // not due yet
  fixed_.Set(*ParseRfc3339("2027-05-29T02:00:00Z"));  // the day after the deadline
  ASSERT_TRUE(Rpc(&Stub::LapsePreparations, rv1::LapsePreparationsRequest(), &lapsed).ok());
  ASSERT_EQ(lapsed.application_ids_size(), 1);
  ASSERT_TRUE(Rpc(&Stub::LapsePreparations, rv1::LapsePreparationsRequest(), &lapsed).ok());
  EXPECT_EQ(lapsed.application_ids_size(), 0);

  rv1::GetApplicationRequest get;
  get.set_application_id(sub.application().id());
  rv1::Application app;
  ASSERT_TRUE(Rpc(&Stub::GetApplication, get, &app, "viewer").ok());
  EXPECT_EQ(app.status(), rv1::APPLICATION_STATUS_PREP_LAPSED);
  // Without the REG-05 setting the name is free again.
  rv1::CheckNameRequest check;
  check.set_name("厦门市集美区书法研究会");
  check.set_org_type(rv1::ORG_TYPE_SOCIAL_GROUP);
  rv1::CheckNameResponse name;
  ASSERT_TRUE(Rpc(&Stub::CheckName, check, &name, "clerk").ok());
  EXPECT_TRUE(name.available()) << name.held_by();
}

TEST_F(LifecycleTest, Reg12Reg13Reg20ChangeRegistrationMovesTheNameAndNeedsAReviewForANewLegalRep) {
  const auto org = RegisterService("厦门市集美区和美社会工作服务中心");
  ASSERT_EQ(org.status(), rv1::ORG_STATUS_ACTIVE);

  // A new legal representative without a joint review: refused, nothing stored (REG-20).
  rv1::ApplyChangeRequest change;
  change.set_request_id("chg-1");
  change.set_organization_id(org.id());
  change.set_version(org.version());
  change.set_consented_on("2026-10-01");  // 58 days ago: late (REG-12)
  change.mutable_changes()->set_name("厦门市集美区和美社区服务中心");
  change.mutable_changes()->mutable_legal_representative()->set_name("李华");
  const std::string new_rep = IdNumber("35021119850615123");
  change.set_legal_representative_id_number(new_rep);
  const std::string before = Snapshot();
  rv1::ChangeApplication applied;
  auto st = Rpc(&Stub::ApplyChange, change, &applied, "clerk");
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("REG-20"), std::string::npos);
  EXPECT_EQ(Snapshot(), before);

  PassedReview(org.id(), rv1::REVIEW_TRIGGER_CHANGE, "李华", new_rep);
  st = Rpc(&Stub::ApplyChange, change, &applied, "clerk");
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_TRUE(applied.late());
  EXPECT_EQ(GetOrg(org.id()).status(), rv1::ORG_STATUS_CHANGE_PENDING);

  // While pending, a second change is refused.
  change.set_request_id("chg-2");
  change.set_version(org.version() + 1);
  EXPECT_EQ(Rpc(&Stub::ApplyChange, change, &applied, "clerk").error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  rv1::ApproveChangeRequest approve;
  approve.set_request_id("chg-approve");
  approve.set_change_id(applied.id());
  approve.set_version(applied.version());
  rv1::ApproveChangeResponse changed;
  st = Rpc(&Stub::ApproveChange, approve, &changed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(changed.organization().status(), rv1::ORG_STATUS_ACTIVE);
  EXPECT_EQ(changed.organization().profile().name(), "厦门市集美区和美社区服务中心");
  EXPECT_EQ(changed.organization().profile().legal_representative().name(), "李华");
  EXPECT_EQ(changed.organization().profile().legal_representative().id_number_masked().find(
                new_rep.substr(6, 8)),
            std::string::npos);

  // The old name is free, the new one taken by this organization (REG-03).
  rv1::CheckNameRequest check;
  check.set_org_type(rv1::ORG_TYPE_SOCIAL_SERVICE);
  check.set_name("厦门市集美区和美社会工作服务中心");
  rv1::CheckNameResponse name;
  ASSERT_TRUE(Rpc(&Stub::CheckName, check, &name, "clerk").ok());
  EXPECT_TRUE(name.available());
  check.set_name("厦门市集美区和美社区服务中心");
  ASSERT_TRUE(Rpc(&Stub::CheckName, check, &name, "clerk").ok());
  EXPECT_FALSE(name.available());
  EXPECT_EQ(name.held_by(), "organization " + org.id());
}

TEST_F(LifecycleTest, Reg14Reg15Reg16DissolutionLiquidationAndCancellation) {
  const auto org = RegisterService("厦门市集美区夕阳红养老服务中心");
  rv1::ResolveDissolutionRequest dissolve;
  dissolve.set_request_id("dis-1");
  dissolve.set_organization_id(org.id());
  dissolve.set_version(org.version());
  dissolve.set_ground(rv1::DISSOLUTION_GROUND_SELF_DISSOLUTION);
  dissolve.set_resolved_on("2026-11-20");
  rv1::Organization o;
  ASSERT_TRUE(Rpc(&Stub::ResolveDissolution, dissolve, &o, "clerk").ok());
  EXPECT_EQ(o.status(), rv1::ORG_STATUS_DISSOLUTION_RESOLVED);

  rv1::StartLiquidationRequest liquidate;
  liquidate.set_request_id("liq-1");
  liquidate.set_organization_id(org.id());
  liquidate.set_version(o.version());
  liquidate.add_liquidation_group("王立新");
  liquidate.add_liquidation_group("陈静");
  ASSERT_TRUE(Rpc(&Stub::StartLiquidation, liquidate, &o, "clerk").ok());
  EXPECT_EQ(o.status(), rv1::ORG_STATUS_LIQUIDATING);

  // REG-15: nothing but liquidation while liquidating.
  rv1::RecordArticlesRequest articles;
  articles.set_request_id("art-1");
  articles.set_organization_id(org.id());
  articles.set_version(o.version());
  articles.set_approved_on("2026-11-27");
  articles.set_text_sha256(std::string(64, 'a'));
  rv1::Organization unused;
  auto st = Rpc(&Stub::RecordArticles, articles, &unused);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(st.error_message().find("REG-15"), std::string::npos) << st.error_message();

  rv1::ApplyCancellationRequest cancel;
  cancel.set_request_id("can-1");
  cancel.set_organization_id(org.id());
  cancel.set_version(o.version());
  cancel.set_liquidation_ended_on("2026-11-05");  // 23 days ago: late (REG-16)
  cancel.set_residual_assets_disposition("剩余财产捐赠给厦门市慈善总会");
  st = Rpc(&Stub::ApplyCancellation, cancel, &unused, "clerk");
  ASSERT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);  // no audit report
  EXPECT_NE(st.error_message().find("REG-15"), std::string::npos);
  cancel.set_audit_report_received(true);
  ASSERT_TRUE(Rpc(&Stub::ApplyCancellation, cancel, &o, "clerk").ok());
  EXPECT_EQ(o.status(), rv1::ORG_STATUS_CANCEL_APPLIED);
  EXPECT_TRUE(o.cancellation_late());

  rv1::ApproveCancellationRequest approve;
  approve.set_request_id("can-ok");
  approve.set_organization_id(org.id());
  approve.set_version(o.version());
  approve.set_certificate_and_seals_collected(true);
  ASSERT_TRUE(Rpc(&Stub::ApproveCancellation, approve, &o).ok());
  EXPECT_EQ(o.status(), rv1::ORG_STATUS_CANCELLED);
  // A replay of the same request answers the same, changing nothing.
  rv1::Organization again;
  ASSERT_TRUE(Rpc(&Stub::ApproveCancellation, approve, &again).ok());
  EXPECT_EQ(again.version(), o.version());

  // The status index moved; the name is free again, the code stays taken.
  EXPECT_EQ(RedisInt({"ZCARD", "{reg}:orgs:status:ACTIVE"}), 0);
  EXPECT_EQ(RedisInt({"ZCARD", "{reg}:orgs:status:CANCELLED"}), 1);
  EXPECT_EQ(RedisInt({"EXISTS", "{reg}:name:350211:厦门市集美区夕阳红养老服务中心"}), 0);
}

TEST_F(LifecycleTest, CommunityOrganizationsAreFiledWithAFilingNumberAndCanBeRemoved) {
  rv1::FileCommunityOrganizationRequest req;
  req.set_request_id("file-1");
  auto* p = req.mutable_profile();
  p->set_org_type(rv1::ORG_TYPE_COMMUNITY);
  p->set_community_form(rv1::COMMUNITY_FORM_SERVICE);
  p->set_name("集美区侨英街道叶厝社区夕阳红志愿服务队");
  p->set_domicile("厦门市集美区侨英街道叶厝社区居委会");
  p->mutable_legal_representative()->set_name("陈美玲");
  p->mutable_funds()->set_fen(100'000);
  p->set_business_scope("助老志愿服务");
  p->set_jurisdiction(kJimei);
  p->set_staff_count(2);
  p->set_filed_with("侨英街道办事处");
  req.set_legal_representative_id_number(kValidId);
  rv1::Organization org;
  auto st = Rpc(&Stub::FileCommunityOrganization, req, &org, "clerk");
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("profile.staff_count"), std::string::npos);
  p->set_staff_count(5);
  st = Rpc(&Stub::FileCommunityOrganization, req, &org, "clerk");
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(org.status(), rv1::ORG_STATUS_FILED);
  EXPECT_EQ(org.id().substr(0, 8), "SQ350211");
  EXPECT_TRUE(org.uscc().empty());
  EXPECT_EQ(GetOrg(org.id()).profile().filed_with(), "侨英街道办事处");

  req.set_request_id("file-2");  // same name again
  EXPECT_EQ(Rpc(&Stub::FileCommunityOrganization, req, &org, "clerk").error_code(),
            grpc::StatusCode::ALREADY_EXISTS);

  rv1::RemoveFilingRequest remove;
  remove.set_request_id("rm-1");
  remove.set_organization_id(GetOrg(org.id()).id());
  remove.set_version(1);
  remove.set_reason("连续两年无活动");
  rv1::Organization removed;
  ASSERT_TRUE(Rpc(&Stub::RemoveFiling, remove, &removed).ok());
  EXPECT_EQ(removed.status(), rv1::ORG_STATUS_FILING_REMOVED);
}

TEST_F(LifecycleTest, Reg17Reg19PenaltyEventsFromSupervisionSuspendAndRevokeExactlyOnce) {
  const auto org = RegisterService("厦门市集美区启航青少年服务中心");
  // Supervision's stream, as the supervision service will create it.
  ASSERT_FALSE(bus::EnsureStream(*conn_, {"SUPERVISION", {"socgov.v1.350200.350211.supervision.>"}})
                   .has_value());
  // The service's penalty route starts consuming once the stream exists (within its next tick).
  ASSERT_TRUE(WaitFor(
      [&] {
        jsConsumerInfo* ci = nullptr;
        if (js_GetConsumerInfo(&ci, conn_->js(), "SUPERVISION", "registration-penalties", nullptr,
                               nullptr) != NATS_OK)
          return false;
        jsConsumerInfo_Destroy(ci);
        return true;
      },
      std::chrono::seconds(10)));

  int published = 0;
  auto publish = [&](const std::string& event_id, const sv::CaseDecided& d) {
    outbox::OutboxEvent e;
    e.id = event_id;
    e.type = "cn.socgov.supervision.case.decided.v1";
    e.source = "/socgov/350211/supervision";
    e.subject = d.case_id();
    e.time = FormatRfc3339(std::chrono::system_clock::now());
    e.dataschema = "socgov.supervision.v1.CaseDecided";
    e.jurisdiction = kJimei;
    e.actor = "enforcer.test";
    e.nats_subject = registration::CaseDecidedSubject(kJimei);
    e.sequence = 1;  // the case's version; only case.decided is consumed here
    d.SerializeToString(&e.data);
    // A fresh Nats-Msg-Id each time, so JetStream's dedup cannot hide a redelivery from the
    // service's own dedup.
    e.id = event_id;
    ASSERT_TRUE(bus::Publish(*conn_, e, 5000, event_id + "/" + std::to_string(++published)).ok());
  };
  sv::CaseDecided suspend;
  suspend.set_case_id("case-1");
  suspend.set_case_no("集民罚字〔2026〕3号");
  suspend.set_organization_id(org.id());
  suspend.set_jurisdiction(kJimei);
  auto* pen = suspend.add_penalties();
  pen->set_type(sv::PENALTY_TYPE_SUSPENSION);
  pen->set_suspend_from("2026-11-28");
  pen->set_suspend_until("2027-02-27");
  pen->set_basis("社会团体登记管理条例 第三十条");
  suspend.mutable_actor()->set_subject("enforcer.test");
  publish("0190c0de-0000-7000-8000-000000000001", suspend);
  ASSERT_TRUE(WaitFor([&] { return GetOrg(org.id()).status() == rv1::ORG_STATUS_SUSPENDED; },
                      std::chrono::seconds(10)))
      << ServiceLog();
  EXPECT_EQ(GetOrg(org.id()).suspended_until(), "2027-02-27");
  const int64_t suspended_version = GetOrg(org.id()).version();

  // The same event delivered again (a redelivery) changes nothing: the router's inbox.
  publish("0190c0de-0000-7000-8000-000000000001", suspend);
  ASSERT_TRUE(
      WaitFor([&] { return DurableSettled(*conn_, "SUPERVISION", "registration-penalties"); },
              std::chrono::seconds(10)));
  EXPECT_EQ(GetOrg(org.id()).version(), suspended_version);
  // Even when the inbox record is gone (a durable replayed from the start), the case is
  // recognized as already applied.
  RedisInt({"DEL", "{reg}:inbox:penalties:0190c0de-0000-7000-8000-000000000001"});
  publish("0190c0de-0000-7000-8000-000000000001", suspend);
  ASSERT_TRUE(
      WaitFor([&] { return DurableSettled(*conn_, "SUPERVISION", "registration-penalties"); },
              std::chrono::seconds(10)));
  EXPECT_EQ(GetOrg(org.id()).version(), suspended_version);

  sv::CaseDecided revoke = suspend;
  revoke.set_case_id("case-2");
  revoke.clear_penalties();
  revoke.add_penalties()->set_type(sv::PENALTY_TYPE_REVOCATION);
  publish("0190c0de-0000-7000-8000-000000000002", revoke);
  ASSERT_TRUE(WaitFor([&] { return GetOrg(org.id()).status() == rv1::ORG_STATUS_REVOKED; },
                      std::chrono::seconds(10)));

  // REG-19: after revocation only liquidation; a change is refused.
  rv1::ApplyChangeRequest change;
  change.set_request_id("chg-after-revoke");
  change.set_organization_id(org.id());
  change.set_version(GetOrg(org.id()).version());
  change.set_consented_on("2026-11-27");
  change.mutable_changes()->set_domicile("厦门市集美区杏林湾路2号");
  rv1::ChangeApplication unused;
  EXPECT_EQ(Rpc(&Stub::ApplyChange, change, &unused, "clerk").error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  // A decision about an organization not registered here is kept as a dead letter.
  sv::CaseDecided stranger = suspend;
  stranger.set_case_id("case-3");
  stranger.set_organization_id("51350211MJ0000099X");
  publish("0190c0de-0000-7000-8000-000000000003", stranger);
  ASSERT_TRUE(WaitFor(
      [&] {
        return RedisInt({"XLEN", "{reg}:dlq"}) == 1;
      },
      std::chrono::seconds(10)));
}

TEST_F(LifecycleTest, SearchFindsByChineseFragmentIdKindAndStatusWithATotal) {
  const auto a = RegisterService("厦门市集美区阳光养老服务中心");
  RegisterService("厦门市集美区彩虹儿童服务中心");
  RegisterService("厦门市集美区银龄养老服务中心");
  rv1::ListOrganizationsRequest req;
  req.set_name_contains("养老");
  rv1::ListOrganizationsResponse resp;
  ASSERT_TRUE(Rpc(&Stub::ListOrganizations, req, &resp, "viewer").ok());
  ASSERT_EQ(resp.organizations_size(), 2);
  EXPECT_EQ(resp.total_size(), 3);
  req.Clear();
  req.set_organization_id(a.id());
  ASSERT_TRUE(Rpc(&Stub::ListOrganizations, req, &resp, "viewer").ok());
  ASSERT_EQ(resp.organizations_size(), 1);
  EXPECT_EQ(resp.organizations(0).profile().name(), "厦门市集美区阳光养老服务中心");
  req.Clear();
  req.set_org_type(rv1::ORG_TYPE_SOCIAL_SERVICE);
  req.set_status(rv1::ORG_STATUS_ACTIVE);
  ASSERT_TRUE(Rpc(&Stub::ListOrganizations, req, &resp, "viewer").ok());
  EXPECT_EQ(resp.organizations_size(), 3);
  req.set_status(static_cast<rv1::OrgStatus>(42));
  EXPECT_EQ(Rpc(&Stub::ListOrganizations, req, &resp, "viewer").error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(LifecycleTest, BadInputIsRefusedNamingTheFieldAndChangesNothing) {
  const auto org = RegisterService("厦门市集美区启明社会工作服务中心");
  const std::string before = Snapshot();
  const auto outbox_len = RedisInt({"XLEN", registration::kOutboxKey});
  auto expect_invalid = [&](grpc::Status st, const std::string& field) {
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
    EXPECT_NE(st.error_message().find(field), std::string::npos) << st.error_message();
  };
  rv1::Organization o;
  // Malformed credit code.
  rv1::GetOrganizationRequest get;
  get.set_organization_id("51350211MJ00000010");
  expect_invalid(Rpc(&Stub::GetOrganization, get, &o, "viewer"), "organization_id");
  // Wrong check digit / impossible birth date in a nominee's ID number (REG-22).
  rv1::OpenReviewRequest open;
  open.set_request_id("bad-review");
  open.set_subject_id(org.id());
  open.set_trigger(rv1::REVIEW_TRIGGER_REELECTION);
  auto* n = open.add_nominees();
  n->set_name("张三");
  n->set_post("会长");
  n->set_id_number("110105194912310021");
  rv1::ReviewCase review;
  expect_invalid(Rpc(&Stub::OpenReview, open, &review, "clerk"), "nominees[0].id_number");
  n->set_id_number(IdNumber("35021119990230123"));  // 30 February
  expect_invalid(Rpc(&Stub::OpenReview, open, &review, "clerk"), "nominees[0].id_number");
  // Unknown enum value.
  n->set_id_number(kValidId);
  open.set_trigger(static_cast<rv1::ReviewTrigger>(99));
  expect_invalid(Rpc(&Stub::OpenReview, open, &review, "clerk"), "trigger");
  // Empty and over-long names, negative funds in a change.
  rv1::ApplyChangeRequest change;
  change.set_request_id("bad-change");
  change.set_organization_id(org.id());
  change.set_version(org.version());
  change.set_consented_on("2026-11-27");
  change.mutable_changes()->set_name("");
  rv1::ChangeApplication ch;
  expect_invalid(Rpc(&Stub::ApplyChange, change, &ch, "clerk"), "changes.name");
  std::string long_name;
  for (int i = 0; i < 49; ++i) long_name += "集";
  change.mutable_changes()->set_name(long_name + "服务中心");
  expect_invalid(Rpc(&Stub::ApplyChange, change, &ch, "clerk"), "changes.name");
  change.mutable_changes()->clear_name();
  change.mutable_changes()->mutable_funds()->set_fen(-100);
  expect_invalid(Rpc(&Stub::ApplyChange, change, &ch, "clerk"), "changes.funds.fen");
  // A stale version.
  change.mutable_changes()->clear_funds();
  change.mutable_changes()->set_domicile("厦门市集美区杏林湾路9号");
  change.set_version(org.version() - 1 + 7);
  EXPECT_EQ(Rpc(&Stub::ApplyChange, change, &ch, "clerk").error_code(), grpc::StatusCode::ABORTED);
  // A date that does not exist.
  change.set_version(org.version());
  change.set_consented_on("2026-02-30");
  expect_invalid(Rpc(&Stub::ApplyChange, change, &ch, "clerk"), "consented_on");

  EXPECT_EQ(Snapshot(), before);
  EXPECT_EQ(RedisInt({"XLEN", registration::kOutboxKey}), outbox_len);
}

TEST_F(LifecycleTest, Reg22ReviewResponsesAndEventsNeverCarryAFullIdNumber) {
  rv1::SubmitApplicationResponse sub;
  ASSERT_TRUE(Rpc(&Stub::SubmitApplication, SocialServiceRequest("厦门市集美区明德书院", "pii-1"),
                  &sub, "clerk")
                  .ok());
  const auto review =
      PassedReview(sub.application().id(), rv1::REVIEW_TRIGGER_ESTABLISHMENT, "王立新", kValidId);
  const std::string bytes = review.SerializeAsString();
  EXPECT_EQ(bytes.find(kValidId), std::string::npos);
  EXPECT_EQ(bytes.find("19491231"), std::string::npos) << "birth date completes the masked number";
  EXPECT_EQ(bytes.find("1949-12-31"), std::string::npos);
  EXPECT_EQ(review.nominees(0).age_at_opening(), 76);
  // Nor does any event in the outbox.
  auto r = pool_->Acquire();
  auto entries = r->Command({"XRANGE", registration::kOutboxKey, "-", "+"});
  ASSERT_GT(entries.elements.size(), 3u);
  for (const auto& e : entries.elements)
    for (const auto& f : e.elements[1].elements) {
      EXPECT_EQ(f.str.find(kValidId), std::string::npos);
      EXPECT_EQ(f.str.find("1949-12-31"), std::string::npos);
    }
}

TEST_F(LifecycleTest, Reg03APendingChangeHoldsItsNewNameUntilDecided) {
  const auto org = RegisterService("厦门市集美区同心社会工作服务中心");
  rv1::ApplyChangeRequest change;
  change.set_request_id("hold-1");
  change.set_organization_id(org.id());
  change.set_version(org.version());
  change.set_consented_on("2026-11-27");
  change.mutable_changes()->set_name("厦门市集美区同心社区服务中心");
  rv1::ChangeApplication applied;
  ASSERT_TRUE(Rpc(&Stub::ApplyChange, change, &applied, "clerk").ok());

  rv1::CheckNameRequest check;
  check.set_org_type(rv1::ORG_TYPE_SOCIAL_SERVICE);
  check.set_name("厦门市集美区同心社区服务中心");
  rv1::CheckNameResponse name;
  ASSERT_TRUE(Rpc(&Stub::CheckName, check, &name, "clerk").ok());
  EXPECT_FALSE(name.available());
  EXPECT_EQ(name.held_by(), "change application " + applied.id());
  // Spacing or full-width letters do not make it another name.
  rv1::SubmitApplicationResponse sub;
  auto st = Rpc(&Stub::SubmitApplication,
                SocialServiceRequest("厦门市集美区 同心社区服务中心", "hold-2"), &sub, "clerk");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::ALREADY_EXISTS) << st.error_message();

  rv1::RejectChangeRequest reject;
  reject.set_request_id("hold-3");
  reject.set_change_id(applied.id());
  reject.set_version(applied.version());
  reject.set_reason("名称与业务范围不符");
  ASSERT_TRUE(Rpc(&Stub::RejectChange, reject, &applied).ok());
  ASSERT_TRUE(Rpc(&Stub::CheckName, check, &name, "clerk").ok());
  EXPECT_TRUE(name.available()) << name.held_by();
}

TEST_F(LifecycleTest, ARequestIdReusedForAnotherTransitionOfTheSameEntityIsNotAReplay) {
  const auto org = RegisterService("厦门市集美区恒爱社会工作服务中心");
  rv1::RecordArticlesRequest articles;
  articles.set_request_id("same-id");
  articles.set_organization_id(org.id());
  articles.set_version(org.version());
  articles.set_approved_on("2026-11-27");
  articles.set_party_building_clause(true);
  articles.set_party_leading_organ("中共厦门市集美区社会组织综合委员会");
  articles.set_text_sha256(std::string(64, 'b'));
  rv1::Organization first;
  ASSERT_TRUE(Rpc(&Stub::RecordArticles, articles, &first).ok());
  rv1::Organization again;
  ASSERT_TRUE(Rpc(&Stub::RecordArticles, articles, &again).ok());  // a true retry
  EXPECT_EQ(again.version(), first.version());
  articles.set_version(first.version());  // the next amendment, same request id
  auto st = Rpc(&Stub::RecordArticles, articles, &again);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_NE(st.error_message().find("request_id"), std::string::npos);
}

class HubeiRulesTest : public LifecycleTest {
 protected:
  std::map<std::string, std::string> Env() const override {
    auto env = LifecycleTest::Env();
    env["SOCGOV_PREPARATION_EXTENSION_MONTHS"] = "3";  // REG-05
    env["SOCGOV_LAPSE_NAME_BLOCK_MONTHS"] = "12";
    return env;
  }
};

TEST_F(HubeiRulesTest, Reg05OneExtensionThenTheLapsedNameIsBlockedForAYear) {
  rv1::SubmitApplicationRequest req = SocialServiceRequest("厦门市集美区围棋协会", "hubei-1");
  req.mutable_profile()->set_org_type(rv1::ORG_TYPE_SOCIAL_GROUP);
  req.mutable_profile()->clear_social_service_form();
  rv1::SubmitApplicationResponse sub;
  ASSERT_TRUE(Rpc(&Stub::SubmitApplication, req, &sub, "clerk").ok());
  rv1::ApproveApplicationResponse prep;
  ASSERT_TRUE(Approve(sub.application().id(), 1, "hubei-prep", &prep).ok());
  rv1::ExtendPreparationRequest extend;
  extend.set_request_id("hubei-ext");
  extend.set_application_id(sub.application().id());
  extend.set_version(prep.application().version());
  extend.set_reason("会员发展未达到成立条件，申请延期三个月");
  rv1::Application extended;
  ASSERT_TRUE(Rpc(&Stub::ExtendPreparation, extend, &extended).ok());
  EXPECT_EQ(extended.founding_deadline(), "2027-08-28");
  extend.set_request_id("hubei-ext-2");
  extend.set_version(extended.version());
  rv1::Application unused;
  auto st = Rpc(&Stub::ExtendPreparation, extend, &unused);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(st.error_message().find("REG-05"), std::string::npos);

  fixed_.Set(*ParseRfc3339("2027-09-01T02:00:00Z"));
  rv1::LapsePreparationsResponse lapsed;
  ASSERT_TRUE(Rpc(&Stub::LapsePreparations, rv1::LapsePreparationsRequest(), &lapsed).ok());
  ASSERT_EQ(lapsed.application_ids_size(), 1);
  rv1::CheckNameRequest check;
  check.set_org_type(rv1::ORG_TYPE_SOCIAL_GROUP);
  check.set_name("厦门市集美区围棋协会");
  rv1::CheckNameResponse name;
  ASSERT_TRUE(Rpc(&Stub::CheckName, check, &name, "clerk").ok());
  EXPECT_FALSE(name.available());
  EXPECT_EQ(name.held_by(), "lapsed preparation " + sub.application().id());
  // Redis expires the hold a year after the deadline (2027-08-29 + 12 months, China time).
  const auto ttl_ms = RedisInt({"PTTL", "{reg}:name:350211:厦门市集美区围棋协会"});
  EXPECT_GT(ttl_ms, 0);
}

}  // namespace
}  // namespace socgov::testing
