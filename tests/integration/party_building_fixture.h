// The party-building service in-process on the kit beside registration (issue 13), on real
// redis-server and nats-server -js: the fixture the party-building integration tests share.
#pragma once

#include <atomic>
#include <cstdio>
#include <memory>

#include "party_building/definition.h"
#include "party_building/domain/member.h"
#include "platform/util/dates.h"
#include "registration_fixture.h"
#include "socgov/party_building/v1/events.pb.h"
#include "socgov/party_building/v1/party_building_service.grpc.pb.h"
#include "support/movable_clock.h"

namespace socgov::testing {

namespace pv1 = ::socgov::party_building::v1;
using PbStub = pv1::PartyBuildingService::Stub;
using std::chrono::seconds;

// A valid 18-character ID number (GB 11643) of person `n`.
inline std::string IdNumber(int n) {
  char first17[18];
  std::snprintf(first17, sizeof first17, "11010519800101%03d", n);
  return std::string(first17) + *party_building::IdCheckDigit(first17);
}

class PartyBuildingTest : public RegistrationFixture {
 protected:
  void SetUp() override {
    RegistrationFixture::SetUp();
    if (HasFatalFailure()) return;
    StartPb();
  }
  void TearDown() override {
    if (pb_) pb_->Stop();
    RegistrationFixture::TearDown();
  }
  void StartPb() {
    pb_ = std::make_unique<InProcessService>(party_building::ServiceDefinition(), dir_.path(),
                                             *redis_, *nats_, kTestKey,
                                             std::map<std::string, std::string>{}, &pb_clock_);
    ASSERT_TRUE(pb_->Start());
    pb_stub_ = pv1::PartyBuildingService::NewStub(
        grpc::CreateChannel(pb_->addr(), grpc::InsecureChannelCredentials()));
  }

  std::string PbToken(const std::string& role) {
    auth::Principal p{role + ".test", {role}, kJimei, 0};
    const auto now = pb_clock_.Now();
    p.expires_at =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() + 3600;
    return auth::MintToken(kTestKey, p, now);
  }

  template <typename Req, typename Resp, typename Fn>
  grpc::Status Pb(Fn fn, const Req& req, Resp* resp,
                  const std::string& role = "party_work_officer") {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + PbToken(role));
    ctx.set_deadline(std::chrono::system_clock::now() + seconds(10));
    return ((*pb_stub_).*fn)(&ctx, req, resp);
  }

  // Registers an organization in registration and waits until party building's directory has it.
  rv1::Organization Register(const std::string& name, const std::string& key) {
    auto req = SocialServiceRequest(name, "pb-" + key);
    rv1::SubmitApplicationResponse s;
    auto st = Submit(req, &s);
    EXPECT_TRUE(st.ok()) << st.error_message();
    rv1::ApproveApplicationResponse a;
    EXPECT_TRUE(Approve(s.application().id(), 1, "pb-approve-" + key, &a).ok());
    const std::string id = a.organization().id();
    EXPECT_TRUE(WaitFor(
        [&] {
          return RedisInt({"EXISTS", "{pb}:dir:org:" + id}) == 1;
        },
        seconds(20)))
        << pb_->log();
    return a.organization();
  }

  // The council term as the directory would hold it after registration's RecordCouncilTerm (a
  // re-election review first, TE-01/REG-20): written straight into the directory's hash.
  void SetCouncilTerm(const std::string& org, const std::string& start, const std::string& end) {
    auto r = pool_->Acquire();
    r->Command({"HSET", "{pb}:dir:org:" + org, "term_start", start, "term_end", end});
  }

  pv1::ProposePartyOrganizationRequest Proposal(const std::string& request_id,
                                                pv1::PartyOrgType type,
                                                std::vector<std::string> covered, int formal) {
    pv1::ProposePartyOrganizationRequest r;
    r.set_request_id(request_id);
    r.set_type(type);
    for (auto& c : covered) r.add_covered_organization_ids(c);
    r.set_parent_id("JM-SOC-COMMITTEE");  // 集美区社会组织综合党委, outside this service
    r.set_formal_members(formal);
    return r;
  }

  // A party organization proposed, approved and in office (term 2026-01-01..2028-12-31, a
  // secretary only: fewer than 7 formal members).
  pv1::PartyOrganization ActiveOrg(const std::string& key, pv1::PartyOrgType type,
                                   std::vector<std::string> covered, int formal) {
    pv1::PartyOrganization po;
    auto st = Pb(&PbStub::ProposePartyOrganization,
                 Proposal("p-" + key, type, std::move(covered), formal), &po);
    EXPECT_TRUE(st.ok()) << st.error_message();
    pv1::ApprovePartyOrganizationRequest approve;
    approve.set_request_id("a-" + key);
    approve.set_party_org_id(po.id());
    approve.set_version(po.version());
    approve.mutable_approver()->set_party_org_id("JM-SOC-COMMITTEE");
    approve.mutable_approver()->set_may_approve_establishment(true);
    st = Pb(&PbStub::ApprovePartyOrganization, approve, &po);
    EXPECT_TRUE(st.ok()) << st.error_message();
    pv1::ActivatePartyOrganizationRequest activate;
    activate.set_request_id("act-" + key);
    activate.set_party_org_id(po.id());
    activate.set_version(po.version());
    activate.set_term_start("2026-01-01");
    activate.set_term_end("2028-12-31");
    activate.mutable_leadership()->set_secretary_person_id("P-" + key);
    st = Pb(&PbStub::ActivatePartyOrganization, activate, &po);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return po;
  }

  pv1::Coverage CoverageNow() {
    pv1::GetCoverageRequest req;
    pv1::Coverage out;
    auto st = Pb(&PbStub::GetCoverage, req, &out, "viewer");
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }

  long long Keys(const std::string& pattern) {
    auto r = pool_->Acquire();
    return static_cast<long long>(r->Command({"KEYS", pattern}).elements.size());
  }

  MovableClock pb_clock_;
  std::unique_ptr<InProcessService> pb_;
  std::unique_ptr<PbStub> pb_stub_;
};

}  // namespace socgov::testing
