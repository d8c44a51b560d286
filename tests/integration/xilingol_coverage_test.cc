// PB-08 reproduced at Xilingol League's level (seed: "盟本级232家社会组织中，已建立党组织117个，
// 覆盖社会组织175家，覆盖率达75.4%"): 117 party organizations — single branches and joint
// branches, many-to-many — covering 175 of the league's 232 organizations, computed by the
// running service from registration's events alone, and rolled up with a banner's organizations
// as a city deployment sees them.
#include "party_building/definition.h"
#include "party_building/domain/coverage.h"
#include "platform/util/clock.h"
#include "platform/util/uuid.h"
#include "registration_fixture.h"
#include "socgov/party_building/v1/party_building_service.grpc.pb.h"
#include "socgov/registration/v1/events.pb.h"

namespace socgov::testing {
namespace {

namespace pv1 = ::socgov::party_building::v1;
using PbStub = pv1::PartyBuildingService::Stub;
using std::chrono::seconds;

constexpr const char* kLeague = "152500";  // 锡林郭勒盟
constexpr const char* kBanner = "152502";  // 锡林浩特市

class XilingolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    redis_ = std::make_unique<RedisServer>(dir_.path());
    nats_ = std::make_unique<NatsServer>(dir_.path());
    store::RedisOptions ro;
    ro.port = redis_->port();
    pool_ = std::make_unique<store::RedisPool>(ro, 2);
    auto c = bus::Connection::Connect({nats_->url(), "test-xilingol"});
    ASSERT_TRUE(c.ok());
    conn_ = std::move(c).value();
    ASSERT_TRUE(WaitFor([&] { return conn_->connected(); }, seconds(5)));
    ASSERT_FALSE(
        bus::EnsureStream(*conn_, {"REGISTRATION", {"socgov.v1.*.*.registration.>"}}).has_value());
    pb_ = std::make_unique<InProcessService>(
        party_building::ServiceDefinition(), dir_.path(), *redis_, *nats_, kTestKey,
        std::map<std::string, std::string>{{"SOCGOV_JURISDICTION", kLeague}});
    ASSERT_TRUE(pb_->Start());
    stub_ = pv1::PartyBuildingService::NewStub(
        grpc::CreateChannel(pb_->addr(), grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    if (pb_) pb_->Stop();
  }

  // Registration's organization.registered for an organization of `jurisdiction`, as registration
  // publishes it (the contract the directory reads).
  void PublishRegistered(const std::string& id, const std::string& jurisdiction, int n) {
    registration::v1::OrganizationRegistered body;
    auto* o = body.mutable_organization();
    o->set_id(id);
    o->set_status(rv1::ORG_STATUS_ACTIVE);
    o->set_registered_at(FormatRfc3339(clock_.Now()));
    o->mutable_profile()->set_org_type(rv1::ORG_TYPE_SOCIAL_GROUP);
    o->mutable_profile()->set_name("锡林郭勒盟第" + std::to_string(n) + "社会团体");
    o->mutable_profile()->set_jurisdiction(jurisdiction);
    outbox::OutboxEvent e;
    e.id = NewUuidV7(clock_.Now());
    e.type = "cn.socgov.registration.organization.registered.v1";
    e.source = "/socgov/" + jurisdiction + "/registration";
    e.subject = id;
    e.time = FormatRfc3339(clock_.Now());
    e.dataschema = body.GetDescriptor()->full_name();
    e.sequence = 1;
    e.jurisdiction = jurisdiction;
    e.actor = "registrar.test";
    const bool league = jurisdiction == kLeague;
    e.nats_subject = std::string("socgov.v1.") + kLeague + "." + (league ? "_" : jurisdiction) +
                     ".registration.organization.registered";
    body.SerializeToString(&e.data);
    ASSERT_TRUE(bus::Publish(*conn_, e, 5000, e.id).ok());
  }

  template <typename Req, typename Resp, typename Fn>
  grpc::Status Pb(Fn fn, const Req& req, Resp* resp, const std::string& role,
                  const std::string& jurisdiction = kLeague) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + Token(role, jurisdiction));
    ctx.set_deadline(std::chrono::system_clock::now() + seconds(30));
    return ((*stub_).*fn)(&ctx, req, resp);
  }

  // Proposed and approved: an established party organization counts for coverage.
  // `jurisdiction`: the officer's (each level writes its own records).
  void Establish(const std::string& key, pv1::PartyOrgType type,
                 const std::vector<std::string>& covered,
                 const std::string& jurisdiction = kLeague) {
    pv1::ProposePartyOrganizationRequest p;
    p.set_request_id("p-" + key);
    p.set_type(type);
    for (const auto& c : covered) p.add_covered_organization_ids(c);
    p.set_parent_id("XL-SOC-COMMITTEE");  // 盟社会组织党委
    p.set_formal_members(type == pv1::PARTY_ORG_TYPE_JOINT_BRANCH ? 4 : 3);
    pv1::PartyOrganization po;
    auto st = Pb(&PbStub::ProposePartyOrganization, p, &po, "party_work_officer", jurisdiction);
    ASSERT_TRUE(st.ok()) << key << ": " << st.error_message();
    pv1::ApprovePartyOrganizationRequest a;
    a.set_request_id("a-" + key);
    a.set_party_org_id(po.id());
    a.set_version(po.version());
    a.mutable_approver()->set_party_org_id("XL-SOC-COMMITTEE");
    a.mutable_approver()->set_may_approve_establishment(true);
    st = Pb(&PbStub::ApprovePartyOrganization, a, &po, "party_work_officer", jurisdiction);
    ASSERT_TRUE(st.ok()) << key << ": " << st.error_message();
  }

  long long DirectorySize() {
    auto r = pool_->Acquire();
    return static_cast<long long>(r->Command({"KEYS", "{pb}:dir:org:*"}).elements.size());
  }

  TempDir dir_;
  SystemClock clock_;
  std::unique_ptr<RedisServer> redis_;
  std::unique_ptr<NatsServer> nats_;
  std::unique_ptr<store::RedisPool> pool_;
  std::unique_ptr<bus::Connection> conn_;
  std::unique_ptr<InProcessService> pb_;
  std::unique_ptr<PbStub> stub_;
};

std::string OrgId(const std::string& prefix, int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%05d", prefix.c_str(), n);
  return buf;
}

TEST_F(XilingolTest, Pb08LeagueLevel117PartyOrganizationsCover175Of232ManyToMany) {
  std::vector<std::string> league;
  for (int i = 0; i < 232; ++i) {
    league.push_back(OrgId("51152500MJX", i));
    PublishRegistered(league.back(), kLeague, i + 1);
  }
  std::vector<std::string> banner;
  for (int i = 0; i < 10; ++i) {
    banner.push_back(OrgId("51152502MJX", i));
    PublishRegistered(banner.back(), kBanner, i + 1);
  }
  ASSERT_TRUE(WaitFor([&] { return DirectorySize() == 242; }, seconds(60))) << pb_->log();

  // 87 branches each cover one organization (0..86).
  for (int i = 0; i < 87; ++i)
    Establish("b" + std::to_string(i), pv1::PARTY_ORG_TYPE_BRANCH, {league[i]});
  // 30 joint branches cover the next 88 (87..174) — 28 of them three each, 2 of them two — and
  // each also one organization a branch already covers: many-to-many, counted once.
  int next = 87;
  for (int j = 0; j < 30; ++j) {
    std::vector<std::string> covered = {league[j]};
    for (int k = 0; k < (j < 28 ? 3 : 2); ++k) covered.push_back(league[next++]);
    Establish("j" + std::to_string(j), pv1::PARTY_ORG_TYPE_JOINT_BRANCH, covered);
  }
  ASSERT_EQ(next, 175);
  // The banner's branches, by the banner's officer: 4 of its 10.
  for (int i = 0; i < 4; ++i)
    Establish("x" + std::to_string(i), pv1::PARTY_ORG_TYPE_BRANCH, {banner[i]}, kBanner);

  // The league deployment sees its own level and the banner's; the league's own part is the
  // seed's figure exactly.
  pv1::GetCoverageRequest req;
  req.set_jurisdiction(kLeague);
  pv1::Coverage cov;
  auto st = Pb(&PbStub::GetCoverage, req, &cov, "viewer");
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(cov.districts_size(), 2);
  const auto& own =
      cov.districts(0).jurisdiction() == kLeague ? cov.districts(0) : cov.districts(1);
  const auto& ban =
      cov.districts(0).jurisdiction() == kLeague ? cov.districts(1) : cov.districts(0);
  EXPECT_EQ(own.organization().numerator(), 175);
  EXPECT_EQ(own.organization().denominator(), 232);
  EXPECT_EQ(party_building::BasisPoints(
                {own.organization().numerator(), own.organization().denominator()}),
            7543);  // 75.4 %
  EXPECT_EQ(ban.organization().numerator(), 4);
  EXPECT_EQ(ban.organization().denominator(), 10);
  // The roll-up adds numerators and denominators: 179 / 242, not the mean of 75.4 % and 40 %.
  EXPECT_EQ(cov.organization().numerator(), 179);
  EXPECT_EQ(cov.organization().denominator(), 242);

  // The counts: 117 party organizations at the league's level, 4 at the banner's.
  pv1::GetSummaryRequest sr;
  sr.set_jurisdiction(kLeague);
  pv1::Summary s;
  ASSERT_TRUE(Pb(&PbStub::GetSummary, sr, &s, "viewer").ok());
  int total = 0;
  for (const auto& t : s.party_organizations()) total += t.count();
  EXPECT_EQ(total, 117 + 4);
  pv1::ListPartyOrganizationsRequest lr;
  lr.set_jurisdiction(kBanner);
  pv1::ListPartyOrganizationsResponse listed;
  ASSERT_TRUE(Pb(&PbStub::ListPartyOrganizations, lr, &listed, "party_work_officer").ok());
  EXPECT_EQ(listed.party_organizations_size(), 4);
}

}  // namespace
}  // namespace socgov::testing
