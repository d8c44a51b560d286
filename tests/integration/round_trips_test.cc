// What each registration command costs in Redis round trips (architecture.md §4): at most one
// read (the replay, the target and what the decision needs, pipelined) and one commit (the mutate
// script). Counted on the connection of a one-connection pool; no joint review (REG-20), whose
// reads are the review's, not the command's.
#include <gtest/gtest.h>

#include "platform/store/redis.h"
#include "registration/api/convert.h"
#include "registration/app/registry.h"
#include "registration/domain/dates.h"
#include "registration/store/registration_store.h"
#include "registration_fixture.h"
#include "support/servers.h"

namespace socgov::testing {
namespace {

namespace reg = ::socgov::registration;

class RoundTrips : public ::testing::Test {
 protected:
  void SetUp() override {
    redis_ = std::make_unique<RedisServer>(dir_.path());
    pool_ = std::make_unique<store::RedisPool>(store::RedisOptions{"127.0.0.1", redis_->port()}, 1);
    store_ = std::make_unique<reg::RegistrationStore>(*pool_);
    {
      auto r = pool_->Acquire();
      store_->scripts().LoadAll(*r);
    }
    reg::RegistrySettings settings;
    settings.authority_code = kJimei;
    settings.joint_review_required = false;
    registry_ = std::make_unique<reg::Registry>(*store_, settings, clock_);
  }
  // Runs `command` and returns the round trips it made (the pool has one connection).
  template <typename Fn>
  uint64_t Count(Fn command) {
    const uint64_t before = pool_->Acquire()->round_trips();
    auto r = command();
    EXPECT_TRUE(r.ok()) << r.error().message;
    return pool_->Acquire()->round_trips() - before;
  }
  reg::app::SubmitApplication Submission(const std::string& name, const std::string& rid) {
    auto req = SocialServiceRequest(name, rid);
    return {rid, reg::FromProto(req.profile(), req.legal_representative_id_number()),
            reg::ApplicationStage::kUnspecified};
  }

  TempDir dir_;
  std::unique_ptr<RedisServer> redis_;
  std::unique_ptr<store::RedisPool> pool_;
  std::unique_ptr<reg::RegistrationStore> store_;
  SystemClock clock_;
  std::unique_ptr<reg::Registry> registry_;
  const auth::Principal registrar_{"registrar.test", {"registrar"}, kJimei, 0};
};

TEST_F(RoundTrips, ApplicationCommandsReadOnceAndCommitOnce) {
  rv1::SubmitApplicationResponse submitted;
  EXPECT_EQ(Count([&] {
              auto r =
                  registry_->Submit(registrar_, Submission("厦门市集美区往返测试服务中心", "s1"));
              if (r.ok()) submitted = *r;
              return r;
            }),
            1u);  // nothing to read: the script checks the name and the id
  const std::string id = submitted.application().id();
  // Approve: the replay, the application and the serial in one read; the registration in one
  // commit (no INCR round trip any more).
  EXPECT_EQ(Count([&] { return registry_->Approve(registrar_, {"a1", id, 1}); }), 2u);
  // A replay: the read finds it.
  EXPECT_EQ(Count([&] { return registry_->Approve(registrar_, {"a1", id, 1}); }), 1u);

  auto other = registry_->Submit(registrar_, Submission("厦门市集美区往返驳回服务中心", "s2"));
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(
      Count([&] {
        return registry_->Reject(registrar_, {{"r1", other->application().id(), 1}, "材料不全"});
      }),
      2u);
}

TEST_F(RoundTrips, PreparationCommandsReadOnceAndCommitOnce) {
  auto sub = Submission("厦门市集美区往返测试协会", "g1");
  sub.profile.kind = reg::OrgKind::kSocialGroup;
  sub.profile.social_service_form = reg::SocialServiceForm::kUnspecified;
  sub.profile.individual_members = 60;
  auto submitted = registry_->Submit(registrar_, sub);
  ASSERT_TRUE(submitted.ok()) << submitted.error().message;
  const std::string id = submitted->application().id();
  rv1::ApproveApplicationResponse prep;
  EXPECT_EQ(Count([&] {
              auto r = registry_->Approve(registrar_, {"p1", id, 1});
              if (r.ok()) prep = *r;
              return r;
            }),
            2u);
  ASSERT_EQ(prep.application().status(), rv1::APPLICATION_STATUS_PREP_APPROVED);
  reg::app::ApplyEstablishment est;
  est.request_id = "e1";
  est.application_id = id;
  est.version = prep.application().version();
  est.establishment = {reg::FormatDate(reg::ChinaDate(std::chrono::system_clock::now())), 60, 0,
                       3'000'000};
  int64_t version = 0;
  EXPECT_EQ(Count([&] {
              auto r = registry_->ApplyEstablishment(registrar_, est);
              if (r.ok()) version = r->version();
              return r;
            }),
            2u);
  EXPECT_EQ(Count([&] { return registry_->Approve(registrar_, {"a2", id, version}); }), 2u);
}

TEST_F(RoundTrips, OrganizationAndReviewCommandsReadOnceAndCommitOnce) {
  auto submitted = registry_->Submit(registrar_, Submission("厦门市集美区往返组织服务中心", "o1"));
  ASSERT_TRUE(submitted.ok());
  auto approved = registry_->Approve(registrar_, {"o1a", submitted->application().id(), 1});
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  const auto& org = approved->organization();
  reg::app::RecordArticles articles;
  articles.request_id = "art";
  articles.organization_id = org.id();
  articles.version = org.version();
  articles.articles = {"2026-11-27", true, "中共厦门市集美区社会组织综合委员会",
                       std::string(64, 'c')};
  int64_t version = 0;
  EXPECT_EQ(Count([&] {
              auto r = registry_->RecordArticles(registrar_, articles);
              if (r.ok()) version = r->version();
              return r;
            }),
            2u);

  // A change application and its approval: the change and its organization in one read.
  reg::app::ApplyChange change;
  change.request_id = "chg";
  change.organization_id = org.id();
  change.version = version;
  change.change.changes.domicile = "厦门市集美区杏林街道杏滨路2号";
  change.change.consented_on = reg::FormatDate(reg::ChinaDate(std::chrono::system_clock::now()));
  rv1::ChangeApplication applied;
  EXPECT_EQ(Count([&] {
              auto r = registry_->ApplyChange(registrar_, change);
              if (r.ok()) applied = *r;
              return r;
            }),
            2u);
  EXPECT_EQ(
      Count([&] {
        return registry_->ApproveChange(registrar_, {"chg-ok", applied.id(), applied.version()});
      }),
      2u);

  reg::app::OpenReview open;
  open.request_id = "rev";
  open.subject_id = org.id();
  open.trigger = reg::ReviewTrigger::kReelection;
  open.nominees = {{"王立新", kValidId, "理事长", false, 0, 0}};
  EXPECT_EQ(Count([&] { return registry_->OpenReview(registrar_, open); }), 2u);

  rv1::OrganizationProfile p;
  p.set_org_type(rv1::ORG_TYPE_COMMUNITY);
  p.set_community_form(rv1::COMMUNITY_FORM_SERVICE);
  p.set_name("集美区侨英街道往返社区志愿服务队");
  p.set_domicile("厦门市集美区侨英街道叶厝社区居委会");
  p.mutable_legal_representative()->set_name("陈美玲");
  p.mutable_funds()->set_fen(100'000);
  p.set_business_scope("助老志愿服务");
  p.set_jurisdiction(kJimei);
  p.set_staff_count(3);
  p.set_filed_with("侨英街道办事处");
  const reg::app::FileCommunity filing{"file", reg::FromProto(p, kValidId)};
  // The replay and the serial in one read; the filing in one commit.
  EXPECT_EQ(Count([&] { return registry_->FileCommunity(registrar_, filing); }), 2u);
}

TEST_F(RoundTrips, AnApprovalReadsTheJointReviewsWithItsTarget) {
  reg::RegistrySettings settings;
  settings.authority_code = kJimei;
  settings.joint_review_required = true;  // REG-20, as deployed
  reg::Registry registry(*store_, settings, clock_);
  auto submitted = registry.Submit(registrar_, Submission("厦门市集美区往返联审服务中心", "j1"));
  ASSERT_TRUE(submitted.ok()) << submitted.error().message;
  const std::string id = submitted->application().id();
  reg::app::OpenReview open;
  open.request_id = "j-open";
  open.subject_id = id;
  open.trigger = reg::ReviewTrigger::kEstablishment;
  open.nominees = {{"王立新", kValidId, "法定代表人", false, 0, 0}};
  auto review = registry.OpenReview(registrar_, open);
  ASSERT_TRUE(review.ok()) << review.error().message;
  int64_t version = review->version();
  for (const auto& o : review->opinions()) {
    reg::app::RecordOpinion op;
    op.request_id = "j-op-" + std::to_string(version);
    op.review_id = review->id();
    op.version = version;
    op.department = o.department();
    op.opinion = reg::Opinion::kNoObjection;
    auto r = registry.RecordOpinion(registrar_, op);
    ASSERT_TRUE(r.ok()) << r.error().message;
    version = r->version();
  }
  reg::app::ConcludeReview conclude;
  conclude.request_id = "j-conclude";
  conclude.review_id = review->id();
  conclude.version = version;
  ASSERT_TRUE(registry.ConcludeReview(registrar_, conclude).ok());
  // The application, the serial and the application's reviews in one read; one commit.
  EXPECT_EQ(Count([&] { return registry.Approve(registrar_, {"j-approve", id, 1}); }), 2u);
}

}  // namespace
}  // namespace socgov::testing
