// End to end: an event the consumer router must not apply is dead-lettered with its reason, listed
// with `socgovctl dlq list`, and re-driven with `socgovctl dlq retry` — applied once its cause is
// gone (a penalty that arrived before the organization's registration), dead-lettered again while
// it persists (a forged source).
#include <nlohmann/json.hpp>

#include "platform/bus/nats.h"
#include "platform/outbox/outbox.h"
#include "platform/util/uuid.h"
#include "registration/domain/credit_code.h"
#include "socgov/supervision/v1/events.pb.h"
#include "stack.h"

namespace socgov::testing {
namespace {

namespace sv = ::socgov::supervision::v1;
using nlohmann::json;

outbox::OutboxEvent CaseDecided(const std::string& org_id, const std::string& case_id,
                                const std::string& source) {
  sv::CaseDecided d;
  d.set_case_id(case_id);
  d.set_case_no("集民罚字〔2026〕9号");
  d.set_organization_id(org_id);
  d.set_jurisdiction("350211");
  auto* p = d.add_penalties();
  p->set_type(sv::PENALTY_TYPE_SUSPENSION);
  p->set_suspend_from("2026-12-01");
  p->set_suspend_until("2027-03-01");
  p->set_basis("民办非企业单位登记管理暂行条例 第二十五条");
  d.mutable_actor()->set_subject("enforcer.e2e");
  outbox::OutboxEvent e;
  e.id = NewUuidV7(std::chrono::system_clock::now());
  e.type = "cn.socgov.supervision.case.decided.v1";
  e.source = source;
  e.subject = case_id;
  e.time = FormatRfc3339(std::chrono::system_clock::now());
  e.dataschema = "socgov.supervision.v1.CaseDecided";
  e.sequence = 1;
  e.jurisdiction = "350211";
  e.actor = "enforcer.e2e";
  e.nats_subject = outbox::Subject("350211", "supervision", "case", "decided");
  d.SerializeToString(&e.data);
  return e;
}

json Json(const CommandResult& r) { return json::parse(r.out, nullptr, false); }

TEST(DeadLetters, MismatchedAndPrematureEventsAreDeadLetteredListedAndReDriven) {
  Stack stack;
  stack.StartRegistration({{"SOCGOV_JOINT_REVIEW_REQUIRED", "false"}});
  ASSERT_TRUE(stack.WaitReady(stack.reg_addr())) << stack.Logs();
  auto conn = bus::Connection::Connect({stack.nats().url(), "e2e-supervision"});
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE(WaitFor([&] { return (*conn)->connected(); }, std::chrono::seconds(5)));
  // Supervision's stream, as supervision creates it.
  ASSERT_FALSE(bus::EnsureStream(**conn, {"SUPERVISION", {"socgov.v1.350200.350211.supervision.>"}})
                   .has_value());

  // The first organization this register approves gets serial 1: its code is known in advance,
  // so supervision's decision can arrive before the registration does.
  const auto code =
      registration::MakeCreditCode(registration::OrgKind::kSocialService, "350211", 1);
  ASSERT_TRUE(code.ok());
  ASSERT_TRUE(
      bus::Publish(**conn, CaseDecided(*code, "case-early", "/socgov/350211/supervision"), 5000)
          .ok());
  // A forged decision: registration's source publishing supervision's event type.
  ASSERT_TRUE(
      bus::Publish(**conn, CaseDecided(*code, "case-forged", "/socgov/350211/registration"), 5000)
          .ok());

  json listed;
  ASSERT_TRUE(WaitFor(
      [&] {
        listed = Json(stack.Ctl("admin", "dlq list --service registration"));
        return listed.is_object() && listed.value("dead_letters", json::array()).size() == 2;
      },
      std::chrono::seconds(20)))
      << listed.dump() << stack.Logs();
  std::string early_id, forged_id;
  for (const auto& d : listed["dead_letters"]) {
    EXPECT_EQ(d["route"], "penalties");
    if (d["aggregate_id"] == "case-early") {
      early_id = d["id"];
      EXPECT_EQ(d["kind"], "rejected");
      EXPECT_NE(d["reason"].get<std::string>().find("not registered here"), std::string::npos)
          << d.dump();
    } else {
      forged_id = d["id"];
      EXPECT_EQ(d["kind"], "mismatch");
      EXPECT_NE(d["reason"].get<std::string>().find("ce-source"), std::string::npos) << d.dump();
    }
  }
  ASSERT_FALSE(early_id.empty());
  ASSERT_FALSE(forged_id.empty());
  // Reading dead letters is for admins and auditors only.
  EXPECT_EQ(stack.Ctl("viewer", "dlq list --service registration").exit_code, 1);

  // While the organization is not registered, a re-drive fails again (exit 5) and keeps it.
  auto again = stack.Ctl("admin", "dlq retry --service registration --id " + early_id);
  EXPECT_EQ(again.exit_code, 5) << again.out;
  const std::string early_again = Json(again).value("new_id", "");
  ASSERT_FALSE(early_again.empty()) << again.out;

  // Register the organization; the re-driven decision now suspends it.
  auto submitted =
      stack.Ctl("clerk",
                "reg submit --type social-service --social-service-form legal-person "
                "--name 厦门市集美区先到服务中心 --domicile 厦门市集美区杏林街道杏滨路1号 "
                "--legal-rep-name 王立新 --legal-rep-id 11010519491231002X --funds-yuan 30000 "
                "--scope 社会工作服务 --jurisdiction 350211 --output id");
  ASSERT_EQ(submitted.exit_code, 0) << submitted.out;
  auto approved =
      stack.Ctl("registrar", "reg approve --id " + Trim(submitted.out) + " --output id");
  ASSERT_EQ(approved.exit_code, 0) << approved.out;
  ASSERT_EQ(Trim(approved.out), *code);
  auto redriven = stack.Ctl("admin", "dlq retry --service registration --id " + early_again);
  ASSERT_EQ(redriven.exit_code, 0) << redriven.out << stack.Logs();
  EXPECT_EQ(Json(redriven)["applied"], true);
  auto org = Json(stack.Ctl("viewer", "reg get-org --id " + *code));
  EXPECT_EQ(org["status"], "ORG_STATUS_SUSPENDED") << org.dump();

  // The forged one stays forged: dead-lettered again, never applied.
  auto forged = stack.Ctl("admin", "dlq retry --service registration --id " + forged_id);
  EXPECT_EQ(forged.exit_code, 5) << forged.out;
  EXPECT_EQ(Json(forged)["outcome"], "dead_lettered");
  listed = Json(stack.Ctl("admin", "dlq list --service registration"));
  ASSERT_EQ(listed["dead_letters"].size(), 1u) << listed.dump();
  EXPECT_EQ(listed["dead_letters"][0]["kind"], "mismatch");
  EXPECT_EQ(listed["dead_letters"][0]["attempts"], "2");  // int64 prints as a JSON string
  EXPECT_EQ(Json(stack.Ctl("viewer", "reg get-org --id " + *code))["version"], org["version"]);
}

}  // namespace
}  // namespace socgov::testing
