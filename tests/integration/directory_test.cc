// The organization directory read model (platform/directory), embedded in a consumer service
// started through the kit, built from registration's real events, and rebuilt by replay.
#include "platform/directory/directory.h"

#include "registration_fixture.h"

namespace socgov::testing {
namespace {

using std::chrono::seconds;

// A consuming service that embeds nothing but the directory (as supervision will).
service::Definition ConsumerWithDirectory(directory::Directory** out) {
  return {.name = "dirtest", .key_tag = "{dt}", .options = {}, .wire = [out](service::Kit& kit) {
            *out = &directory::EmbedDirectory(kit);
          }};
}

class DirectoryTest : public RegistrationFixture {
 protected:
  rv1::Organization Register(const std::string& name, const std::string& key) {
    rv1::SubmitApplicationResponse s;
    EXPECT_TRUE(Submit(SocialServiceRequest(name, "dir-" + key), &s).ok());
    rv1::ApproveApplicationResponse a;
    EXPECT_TRUE(Approve(s.application().id(), 1, "dir-approve-" + key, &a).ok());
    return a.organization();
  }
  template <typename Req>
  rv1::Organization Org(grpc::Status (rv1::RegistrationService::Stub::*fn)(grpc::ClientContext*,
                                                                           const Req&,
                                                                           rv1::Organization*),
                        const Req& req) {
    rv1::Organization out;
    auto st = Call(fn, req, &out, Token("registrar"));
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }
};

TEST_F(DirectoryTest, EmbeddedDirectoryFollowsRegistrationAndIsRebuiltByReplay) {
  directory::Directory* dir = nullptr;
  auto consumer = std::make_unique<InProcessService>(ConsumerWithDirectory(&dir), dir_.path(),
                                                     *redis_, *nats_, kTestKey);
  ASSERT_TRUE(consumer->Start());
  const auto a = Register("厦门市集美区目录一号服务中心", "1");
  auto b = Register("厦门市集美区目录二号服务中心", "2");
  rv1::RecordArticlesRequest articles;
  articles.set_request_id("dir-art");
  articles.set_organization_id(b.id());
  articles.set_version(b.version());
  articles.set_approved_on("2026-11-27");
  articles.set_party_building_clause(true);  // PB-09
  articles.set_party_leading_organ("中共厦门市集美区社会组织综合委员会");
  articles.set_text_sha256(std::string(64, 'c'));
  b = Org(&rv1::RegistrationService::Stub::RecordArticles, articles);
  rv1::ResolveDissolutionRequest dissolve;
  dissolve.set_request_id("dir-dissolve");
  dissolve.set_organization_id(a.id());
  dissolve.set_version(a.version());
  dissolve.set_ground(rv1::DISSOLUTION_GROUND_SELF_DISSOLUTION);
  dissolve.set_resolved_on("2026-11-20");
  const auto a2 = Org(&rv1::RegistrationService::Stub::ResolveDissolution, dissolve);

  ASSERT_TRUE(WaitFor(
      [&] {
        auto ea = dir->Get(a.id());
        auto eb = dir->Get(b.id());
        return ea && eb && ea->version == a2.version() && eb->version == b.version();
      },
      seconds(20)))
      << consumer->log();
  auto ea = dir->Get(a.id());
  EXPECT_EQ(ea->name, "厦门市集美区目录一号服务中心");
  EXPECT_EQ(ea->kind, "SOCIAL_SERVICE");
  EXPECT_EQ(ea->status, rv1::OrgStatus_Name(a2.status()).substr(std::string("ORG_STATUS_").size()));
  EXPECT_EQ(ea->jurisdiction, kJimei);
  EXPECT_EQ(ea->registered_on.size(), 10u);
  auto eb = dir->Get(b.id());
  EXPECT_TRUE(eb->party_building_clause);
  EXPECT_EQ(eb->articles_number, b.articles().number());
  EXPECT_EQ(eb->status, "ACTIVE");
  // The city sees its district's organizations; a neighbouring district none.
  EXPECT_EQ(dir->List("350200", 0, 10).size(), 2u);
  EXPECT_EQ(dir->List("350211", 0, 10).size(), 2u);
  EXPECT_TRUE(dir->List("350206", 0, 10).empty());
  // It never read registration's keys: everything it holds is under its own tag.
  EXPECT_GT(RedisInt({"EXISTS", "{dt}:dir:org:" + a.id()}), 0);

  // Rebuild by replay: stop, drop the directory and its durable, start again.
  const auto before_a = *dir->Get(a.id());
  const auto before_b = *dir->Get(b.id());
  consumer->Stop();
  ASSERT_FALSE(dir->Clear(*conn_, "dirtest-directory").has_value());
  EXPECT_FALSE(dir->Get(a.id()).has_value());
  consumer.reset();
  consumer = std::make_unique<InProcessService>(ConsumerWithDirectory(&dir), dir_.path(), *redis_,
                                                *nats_, kTestKey);
  ASSERT_TRUE(consumer->Start());
  ASSERT_TRUE(WaitFor(
      [&] {
        auto x = dir->Get(a.id());
        auto y = dir->Get(b.id());
        return x && y && x->version == before_a.version && y->version == before_b.version;
      },
      seconds(20)))
      << consumer->log();
  EXPECT_EQ(dir->Get(a.id())->status, before_a.status);
  EXPECT_EQ(dir->Get(b.id())->party_building_clause, before_b.party_building_clause);
  EXPECT_EQ(consumer->kit().router().counts("directory").dead_lettered, 0u);
}

}  // namespace
}  // namespace socgov::testing
