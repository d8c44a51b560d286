// "socgovctl wv ..." without a server: the requests its commands send are filled from flags by
// reflection over the request's descriptor — scalars, enums by name without their prefix, booleans,
// comma-separated repeated fields, the fields of the one message a request carries (an
// application, an activity) — and --json, which flags override. Bad values name the flag.
#include "welfare_venture_cli.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "commands.h"

namespace socgov::ctl {
namespace {

config::Config FlagsOf(const google::protobuf::Descriptor& d, std::vector<std::string> args) {
  std::vector<const char*> argv = {"wv"};
  for (const auto& a : args) argv.push_back(a.c_str());
  argv.push_back(nullptr);
  return config::Config::Load(RequestOptions(d), static_cast<int>(argv.size() - 1), argv.data());
}

TEST(WvFlags, ScalarsEnumsBooleansAndRepeatedFieldsOfTheCarriedMessage) {
  wvpb::SubmitApplicationRequest req;
  FillRequest(FlagsOf(*req.GetDescriptor(),
                      {"--request-id", "r-1", "--round-id", "350211-WR1", "--category",
                       "children-youth", "--requested-grant-fen", "15000000", "--has-staff", "true",
                       "--project-scope", "居家养老服务,老年助餐助洁", "--on", "2026-03-01"}),
              &req);
  EXPECT_EQ(req.request_id(), "r-1");
  EXPECT_EQ(req.on(), "2026-03-01");
  EXPECT_EQ(req.application().round_id(), "350211-WR1");
  EXPECT_EQ(req.application().category(), wvpb::CATEGORY_CHILDREN_YOUTH);
  EXPECT_EQ(req.application().requested_grant_fen(), 15'000'000);
  EXPECT_TRUE(req.application().has_staff());
  ASSERT_EQ(req.application().project_scope_size(), 2);
  EXPECT_EQ(req.application().project_scope(1), "老年助餐助洁");
}

TEST(WvFlags, JsonGivesTheWholeRequestAndFlagsOverrideIt) {
  wvpb::SignContractRequest req;
  FillRequest(FlagsOf(*req.GetDescriptor(),
                      {"--json",
                       R"({"projectId":"P1","number":"old","tranches":[{"amountFen":"5",)"
                       R"("gate":"TRANCHE_GATE_CONTRACT"}]})",
                       "--number", "集民创投〔2026〕1号"}),
              &req);
  EXPECT_EQ(req.project_id(), "P1");
  EXPECT_EQ(req.number(), "集民创投〔2026〕1号");
  ASSERT_EQ(req.tranches_size(), 1);
  EXPECT_EQ(req.tranches(0).amount_fen(), 5);
  EXPECT_FALSE(req.request_id().empty());  // a fresh UUIDv7
}

TEST(WvFlags, BadValuesNameTheFlag) {
  wvpb::AmountRequest req;
  try {
    FillRequest(FlagsOf(*req.GetDescriptor(), {"--amount-fen", "12x"}), &req);
    FAIL() << "accepted 12x";
  } catch (const config::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("--amount-fen"), std::string::npos) << e.what();
  }
  wvpb::AdvanceRoundRequest adv;
  EXPECT_THROW(FillRequest(FlagsOf(*adv.GetDescriptor(), {"--to", "SOMEWHERE"}), &adv),
               config::ConfigError);
}

TEST(WvFlags, EveryRpcHasACommand) {
  const auto* service = google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
      wvpb::WelfareVentureService::service_full_name());
  ASSERT_NE(service, nullptr);
  // One per RPC, and `wv disclosure` writing the export as a document besides its rows.
  EXPECT_EQ(WelfareVentureCommands().size(), static_cast<size_t>(service->method_count()) + 1);
}

}  // namespace
}  // namespace socgov::ctl
