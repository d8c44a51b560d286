// End to end: the registration and audit binaries and socgovctl as separate processes.
#include "stack.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <ctime>
#include <regex>

#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "socgov/audit/v1/audit_service.grpc.pb.h"

namespace socgov::testing {
namespace {

// These two tests follow the event path of the shortest registration, without the joint review
// (REG-20) that lifecycle_e2e_test.cc goes through.
const std::vector<std::pair<std::string, std::string>> kNoJointReview = {
    {"SOCGOV_JOINT_REVIEW_REQUIRED", "false"}};

const char* kSubmitArgs =
    "reg submit --type social-service --social-service-form legal-person "
    "--name 厦门市集美区和欣社会工作服务中心 "
    "--domicile 厦门市集美区杏林街道杏滨路1号 --legal-rep-name 王立新 "
    "--legal-rep-id 11010519491231002X --funds-yuan 30000 --scope 社会工作服务 "
    "--jurisdiction 350211 --output id";

std::string HttpGet(int port, const std::string& path) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    std::string req = "GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n";
    (void)!write(fd, req.data(), req.size());
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

std::vector<std::string> ReflectionServices(const std::string& addr) {
  namespace rf = grpc::reflection::v1alpha;
  auto stub =
      rf::ServerReflection::NewStub(grpc::CreateChannel(addr, grpc::InsecureChannelCredentials()));
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  auto stream = stub->ServerReflectionInfo(&ctx);
  rf::ServerReflectionRequest req;
  req.set_list_services("");
  stream->Write(req);
  stream->WritesDone();
  rf::ServerReflectionResponse resp;
  std::vector<std::string> names;
  while (stream->Read(&resp))
    for (const auto& s : resp.list_services_response().service()) names.push_back(s.name());
  stream->Finish();
  return names;
}

// Milliseconds since the epoch of "YYYY-MM-DDTHH:MM:SS.mmmZ" (what the services write).
long long ParseIso(const std::string& s) {
  std::tm tm{};
  int ms = 0;
  if (std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms) != 7)
    return 0;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<long long>(timegm(&tm)) * 1000 + ms;
}

size_t CountOccurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(EndToEnd, SocgovctlRegistersAnOrganizationAndAuditRecordsIt) {
  Stack stack;
  stack.StartRegistration(kNoJointReview);
  stack.StartAudit();
  ASSERT_TRUE(stack.WaitReady(stack.reg_addr())) << stack.Logs();
  ASSERT_TRUE(stack.WaitReady(stack.audit_addr())) << stack.Logs();

  // Health names and reflection answer (grpcurl relies on v1alpha reflection).
  for (const char* name : {"", "liveness", "readiness"}) {
    EXPECT_EQ(ServingStatus(stack.reg_addr(), name), "SERVING") << name;
    EXPECT_EQ(ServingStatus(stack.audit_addr(), name), "SERVING") << name;
  }
  auto services = ReflectionServices(stack.reg_addr());
  EXPECT_NE(
      std::find(services.begin(), services.end(), "socgov.registration.v1.RegistrationService"),
      services.end());
  services = ReflectionServices(stack.audit_addr());
  EXPECT_NE(std::find(services.begin(), services.end(), "socgov.audit.v1.AuditService"),
            services.end());

  auto submitted = stack.Ctl("clerk", kSubmitArgs);
  ASSERT_EQ(submitted.exit_code, 0) << submitted.out << stack.Logs();
  const std::string app_id = Trim(submitted.out);
  auto approved = stack.Ctl("registrar", "reg approve --id " + app_id + " --output id");
  ASSERT_EQ(approved.exit_code, 0) << approved.out << stack.Logs();
  const auto approved_at = std::chrono::steady_clock::now();
  const std::string org_id = Trim(approved.out);
  ASSERT_TRUE(std::regex_match(org_id, std::regex("52350211[0-9A-HJ-NPQRTUWXY]{10}"))) << org_id;

  auto got = stack.Ctl("viewer", "reg get-org --id " + org_id);
  ASSERT_EQ(got.exit_code, 0) << got.out;
  EXPECT_NE(got.out.find("ORG_STATUS_ACTIVE"), std::string::npos) << got.out;
  EXPECT_EQ(got.out.find("11010519491231002X"), std::string::npos) << "ID number leaked";

  // The audit record appears within a moment; measure how long it takes.
  auto audit_stub = socgov::audit::v1::AuditService::NewStub(
      grpc::CreateChannel(stack.audit_addr(), grpc::InsecureChannelCredentials()));
  const std::string auditor = stack.Token("auditor");
  socgov::audit::v1::ListAuditRecordsResponse last;
  auto records_for = [&](const std::string& aggregate) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + auditor);
    socgov::audit::v1::ListAuditRecordsRequest req;
    req.set_aggregate_id(aggregate);
    return audit_stub->ListAuditRecords(&ctx, req, &last).ok() ? last.records_size() : -1;
  };
  ASSERT_TRUE(WaitFor([&] { return records_for(org_id) == 1; }, std::chrono::seconds(10)))
      << stack.Logs();
  const auto seen = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - approved_at);
  // Commit → recorded, from the two timestamps (same host clock): the pipeline's own delay,
  // without this test's polling and process start-up.
  const auto& rec = last.records(0);
  const auto committed = ParseIso(rec.occurred_at()), recorded = ParseIso(rec.recorded_at());
  std::printf(
      "[measure] approval committed → audit recorded: %lld ms (seen by polling after %lld ms)\n",
      static_cast<long long>(recorded - committed), static_cast<long long>(seen.count()));
  ASSERT_TRUE(WaitFor([&] { return records_for(app_id) == 2; }, std::chrono::seconds(10)));

  auto listed = stack.Ctl("auditor", "audit list --aggregate " + org_id);
  ASSERT_EQ(listed.exit_code, 0) << listed.out;
  EXPECT_NE(listed.out.find("cn.socgov.registration.organization.registered.v1"), std::string::npos)
      << listed.out;
  EXPECT_EQ(listed.out.find("11010519491231002X"), std::string::npos) << "ID number not masked";
  auto verified = stack.Ctl("auditor", "audit verify");
  EXPECT_EQ(verified.exit_code, 0) << verified.out;
  EXPECT_NE(verified.out.find("\"ok\":true"), std::string::npos) << verified.out;

  // Metrics are served as Prometheus text on their own port.
  auto metrics = HttpGet(stack.reg_metrics_port(), "/metrics");
  EXPECT_NE(metrics.find("socgov_rpc_total"), std::string::npos) << metrics.substr(0, 500);

  // SIGTERM → graceful exit 0.
  EXPECT_EQ(stack.registration().Terminate(), 0) << stack.Logs();
  EXPECT_EQ(stack.audit().Terminate(), 0) << stack.Logs();
}

TEST(EndToEnd, KillNineBetweenCommitAndPublishStillDeliversToAuditExactlyOnce) {
  Stack stack;
  stack.StartRegistration(kNoJointReview);
  stack.StartAudit();
  ASSERT_TRUE(stack.WaitReady(stack.reg_addr())) << stack.Logs();
  ASSERT_TRUE(stack.WaitReady(stack.audit_addr())) << stack.Logs();

  // With nats-server down the relay cannot publish: the commands commit, the events wait.
  stack.nats().Stop();
  auto submitted = stack.Ctl("clerk", kSubmitArgs);
  ASSERT_EQ(submitted.exit_code, 0) << submitted.out << stack.Logs();
  const std::string app_id = Trim(submitted.out);
  auto approved = stack.Ctl("registrar", "reg approve --id " + app_id + " --output id");
  ASSERT_EQ(approved.exit_code, 0) << approved.out << stack.Logs();
  stack.registration().Kill9();

  stack.nats().Start();
  stack.StartRegistration(kNoJointReview);
  ASSERT_TRUE(stack.WaitReady(stack.reg_addr())) << stack.Logs();

  auto all_records = [&] {
    auto r = stack.Ctl("auditor", "audit list --page-size 100");
    return r.exit_code == 0 ? r.out : std::string();
  };
  ASSERT_TRUE(WaitFor([&] { return CountOccurrences(all_records(), "\"event_id\"") >= 3; },
                      std::chrono::seconds(30)))
      << all_records() << stack.Logs();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const std::string records = all_records();
  EXPECT_EQ(CountOccurrences(records, "\"event_id\""), 3u) << records;
  EXPECT_EQ(CountOccurrences(records, "application.submitted"), 1u);
  EXPECT_EQ(CountOccurrences(records, "application.approved"), 1u);
  EXPECT_EQ(CountOccurrences(records, "organization.registered"), 1u);
  EXPECT_EQ(stack.Ctl("auditor", "audit verify").exit_code, 0);
}

}  // namespace
}  // namespace socgov::testing
