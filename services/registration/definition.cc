#include "registration/definition.h"

#include "registration/api/penalty_consumer.h"
#include "registration/api/registration_handler.h"
#include "registration/app/registry.h"
#include "registration/store/registration_store.h"

namespace socgov::registration {
namespace {

using namespace std::chrono_literals;

RegistrySettings ReadSettings(const config::Config& cfg, const std::string& jurisdiction) {
  RegistrySettings s;
  s.authority_code = jurisdiction;
  s.foundations_registrable = cfg.Get("register-foundations") == "auto"
                                  ? jurisdiction.ends_with("0000")
                                  : cfg.GetBool("register-foundations");
  s.founding_months = static_cast<int>(cfg.GetInt("founding-months", 1, 24));
  s.preparation_extension_months =
      static_cast<int>(cfg.GetInt("preparation-extension-months", 0, 12));
  s.lapse_name_block_months = static_cast<int>(cfg.GetInt("lapse-name-block-months", 0, 60));
  s.joint_review_required = cfg.GetBool("joint-review-required");
  s.review_departments = cfg.GetList("review-departments");
  if (s.review_departments.empty())
    throw config::ConfigError("review-departments: at least one department");
  s.review_answer_days = static_cast<int>(cfg.GetInt("review-answer-days", 1, 60));
  return s;
}

void Wire(service::Kit& kit) {
  const RegistrySettings settings = ReadSettings(kit.config(), kit.jurisdiction());
  auto& store = kit.Make<RegistrationStore>(kit.redis());
  kit.LoadScripts(store.scripts());
  kit.Publish({kOutboxKey, "REGISTRATION", "registration"});
  auto& registry = kit.Make<Registry>(store, settings, kit.clock());
  // Supervision may be deployed after registration: its decisions are consumed once they exist.
  kit.Consume(PenaltyRoute(registry, kit.jurisdiction(), kit.config().Get("penalty-durable")));
  kit.Consume(
      FilingRemovalRoute(registry, kit.jurisdiction(), kit.config().Get("filing-removal-durable")));
  kit.Serve(kit.Make<RegistrationHandler>(registry, kit.verifier(), kit.clock(), kit.logger()));
  // REG-04: lapse preparations past their founding deadline, at start and then hourly.
  const auth::Principal sweeper{"registration.sweeper", {"registrar"}, kit.jurisdiction(), 0};
  kit.Every("lapse-sweep", 1h, [&registry, sweeper, &logger = kit.logger()] {
    auto lapsed = registry.LapsePreparations(sweeper);
    if (lapsed.ok() && lapsed->application_ids_size() > 0)
      logger.Info("preparations lapsed",
                  {{"count", std::to_string(lapsed->application_ids_size())}});
  });
}

}  // namespace

service::Definition ServiceDefinition() {
  return {
      .name = "registration",
      .key_tag = "{reg}",
      .grpc_listen = "127.0.0.1:50051",
      .metrics_listen = "127.0.0.1:9151",
      .options =
          {{"register-foundations", "auto",
            "REG-11: whether this authority registers foundations (auto: only provincial codes)"},
           {"founding-months", "6",
            "REG-04: months from preparation approval to the founding meeting"},
           {"preparation-extension-months", "0",
            "REG-05: months of the one preparation extension (Hubei: 3; 0 = none)"},
           {"lapse-name-block-months", "0",
            "REG-05: months a lapsed preparation's name stays blocked (Hubei: 12; 0 = none)"},
           {"joint-review-required", "true",
            "REG-20: establishment, re-election and legal-representative changes need a passed "
            "joint review"},
           {"review-departments", "社会工作部,纪委监委,组织部,统战部,公安局,人民法院,人民检察院",
            "departments consulted in a joint review (comma separated)"},
           {"review-answer-days", "10", "days a department has to answer in a joint review"},
           {"penalty-durable", "registration-penalties",
            "durable consumer of supervision's case.decided events"},
           {"filing-removal-durable", "registration-filing-removals",
            "durable consumer of supervision's campaign.filing_removed events"}},
      .wire = Wire};
}

}  // namespace socgov::registration
