// The P5 bulk path writes what the RPCs write: one organization registered through gRPC
// (SubmitApplication + ApproveApplication) and one through LoadOrganizations leave the same keys,
// hash fields, index entries, idempotency records and outbox events.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "grpc_ops.h"
#include "scale.h"
#include "stack.h"

namespace socgov::bench {
namespace {

std::vector<std::string> Strings(const store::Value& v) {
  std::vector<std::string> out;
  for (const auto& e : v.elements) out.push_back(e.str);
  std::sort(out.begin(), out.end());
  return out;
}

struct Footprint {
  std::vector<std::string> org_fields, app_fields;
  std::string app_status, org_status, name_holder;
  bool in_all, in_type, in_status;
  std::vector<std::string> event_types;  // outbox entries about this application / organization
};

Footprint Read(store::Redis& r, const std::string& org_id) {
  Footprint f;
  f.org_fields = Strings(r.Command({"HKEYS", "{reg}:org:" + org_id}));
  const std::string app_id = r.Command({"HGET", "{reg}:org:" + org_id, "application_id"}).str;
  f.app_fields = Strings(r.Command({"HKEYS", "{reg}:app:" + app_id}));
  f.app_status = r.Command({"HGET", "{reg}:app:" + app_id, "status"}).str;
  f.org_status = r.Command({"HGET", "{reg}:org:" + org_id, "status"}).str;
  const std::string jur = r.Command({"HGET", "{reg}:org:" + org_id, "jurisdiction"}).str;
  const std::string name = r.Command({"HGET", "{reg}:org:" + org_id, "name"}).str;
  f.name_holder = r.Command({"GET", "{reg}:name:" + jur + ":" + name}).str;
  f.in_all = !r.Command({"ZSCORE", "{reg}:orgs", org_id}).is_nil();
  f.in_type = !r.Command({"ZSCORE", "{reg}:orgs:type:SOCIAL_SERVICE", org_id}).is_nil();
  f.in_status = !r.Command({"ZSCORE", "{reg}:orgs:status:ACTIVE", org_id}).is_nil();
  for (const auto& entry : r.Command({"XRANGE", "{reg}:outbox", "-", "+"}).elements) {
    std::map<std::string, std::string> m;
    const auto& kv = entry.elements[1].elements;
    for (size_t i = 0; i + 1 < kv.size(); i += 2) m[kv[i].str] = kv[i + 1].str;
    if (m["subject"] == app_id || m["subject"] == org_id) f.event_types.push_back(m["type"]);
  }
  std::sort(f.event_types.begin(), f.event_types.end());
  return f;
}

TEST(BulkPath, WritesWhatTheRpcsWrite) {
  testing::TempDir dir;
  Stack stack(dir.path(), {SOCGOV_REGISTRATION_BIN, SOCGOV_AUDIT_BIN, SOCGOV_BENCH_ECHO_BIN});

  // Through the RPCs.
  auto stub = regv1::RegistrationService::NewStub(
      grpc::CreateChannel(stack.registration_addr(), grpc::InsecureChannelCredentials()));
  const std::string token = stack.Token("registrar");
  regv1::SubmitApplicationResponse submitted;
  {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + token);
    const grpc::Status st = stub->SubmitApplication(&ctx, CreateRequest("identity"), &submitted);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }
  regv1::ApproveApplicationResponse approved;
  {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + token);
    regv1::ApproveApplicationRequest req;
    req.set_request_id("identity-a");
    req.set_application_id(submitted.application().id());
    req.set_version(submitted.application().version());
    const grpc::Status st = stub->ApproveApplication(&ctx, req, &approved);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  // Through the bulk path, the same kind as the RPC's (a social service organization).
  const LoadResult load = LoadOrganizations(stack.redis_port(), 1, 1, "identity",
                                            registration::OrgKind::kSocialService);
  ASSERT_EQ(load.loaded, 1u) << load.first_error;

  auto admin = stack.Admin();
  const Footprint rpc = Read(*admin, approved.organization().id());
  const Footprint bulk = Read(*admin, load.org_ids[0]);
  EXPECT_FALSE(rpc.org_fields.empty());
  EXPECT_EQ(rpc.org_fields, bulk.org_fields);
  EXPECT_EQ(rpc.app_fields, bulk.app_fields);
  EXPECT_EQ(rpc.app_status, "APPROVED");
  EXPECT_EQ(bulk.app_status, "APPROVED");
  EXPECT_EQ(rpc.org_status, bulk.org_status);
  EXPECT_EQ(rpc.name_holder, "org:" + approved.organization().id());
  EXPECT_EQ(bulk.name_holder, "org:" + load.org_ids[0]);
  EXPECT_TRUE(rpc.in_all && rpc.in_type && rpc.in_status);
  EXPECT_TRUE(bulk.in_all && bulk.in_type && bulk.in_status);
  EXPECT_EQ(rpc.event_types.size(), 3u);
  EXPECT_EQ(rpc.event_types, bulk.event_types);
  // Two idempotency records per organization (submit and approve), nothing else.
  EXPECT_EQ(admin->Command({"KEYS", "{reg}:idem:*"}).elements.size(), 4u);
}

}  // namespace
}  // namespace socgov::bench
