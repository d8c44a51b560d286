#include "supervision/definition.h"

#include "platform/directory/directory.h"
#include "supervision/api/party_consumer.h"
#include "supervision/api/supervision_handler.h"
#include "supervision/app/supervisor.h"
#include "supervision/store/supervision_store.h"

namespace socgov::supervision {
namespace {

using namespace std::chrono_literals;

SupervisionSettings ReadSettings(const config::Config& cfg, const std::string& jurisdiction) {
  SupervisionSettings s;
  s.authority = jurisdiction;
  const std::string cutoff = cfg.Get("cohort-cutoff");
  unsigned m = 0, d = 0;
  if (cutoff.size() != 5 || cutoff[2] != '-' ||
      std::sscanf(cutoff.c_str(), "%2u-%2u", &m, &d) != 2 ||
      !std::chrono::month_day{std::chrono::month{m}, std::chrono::day{d}}.ok())
    throw config::ConfigError("cohort-cutoff: MM-DD, e.g. 12-31 or 06-30 (AR-05)");
  s.cohort_cutoff_month = m;
  s.cohort_cutoff_day = d;
  s.limitation_years = static_cast<std::int32_t>(cfg.GetInt("limitation-years", 1, 5));
  s.decision_days = static_cast<std::int32_t>(cfg.GetInt("decision-days", 30, 365));
  s.service_days = static_cast<std::int32_t>(cfg.GetInt("service-days", 1, 30));
  s.complaint_answer_days = static_cast<std::int32_t>(cfg.GetInt("complaint-answer-days", 1, 90));
  const auto t = cfg.GetList("rating-thresholds");
  try {
    if (t.size() != 4) throw std::invalid_argument("count");
    s.rating_thresholds = {std::stoi(t[0]), std::stoi(t[1]), std::stoi(t[2]), std::stoi(t[3])};
  } catch (const std::exception&) {
    throw config::ConfigError("rating-thresholds: four scores, 5A,4A,3A,2A, e.g. 900,800,700,600");
  }
  if (auto err = ValidateThresholds(s.rating_thresholds))
    throw config::ConfigError("rating-thresholds: " + err->message + " (RT-06)");
  return s;
}

void Wire(service::Kit& kit) {
  const SupervisionSettings settings = ReadSettings(kit.config(), kit.jurisdiction());
  auto& store = kit.Make<SupervisionStore>(kit.redis());
  kit.LoadScripts(store.scripts());
  kit.Publish({kOutboxKey, "SUPERVISION", "supervision"});
  // Facts about organizations: registration's events, kept under {sup}:dir:*.
  auto& directory = directory::EmbedDirectory(kit);
  auto& supervisor = kit.Make<Supervisor>(store, directory, settings, kit.clock());
  // CR-01(b) / PB-11: party building's facts; it may be deployed later, consumed once it exists.
  kit.Consume(
      PartyOrgRoute(supervisor, kit.jurisdiction(), kit.config().Get("party-building-durable")));
  kit.Serve(kit.Make<SupervisionHandler>(supervisor, kit.verifier(), kit.clock(), kit.logger()));
  // AR-09, CR-01(c), CR-05, CR-06(1): the date-driven rules, at start and then hourly.
  const auth::Principal sweeper{"supervision.sweeper", {"inspector"}, kit.jurisdiction(), 0};
  kit.Every("sweep", 1h, [&supervisor, sweeper, &logger = kit.logger()] {
    auto done = supervisor.Sweep(sweeper, v1::SweepRequest());
    if (!done.ok()) {
      logger.Warn("sweep failed", {{"error", done.error().message}});
      return;
    }
    if (done->reports_overdue() + done->rectifications_overdue() + done->escalated() +
            done->removed() >
        0)
      logger.Info("sweep",
                  {{"reports_overdue", std::to_string(done->reports_overdue())},
                   {"rectifications_overdue", std::to_string(done->rectifications_overdue())},
                   {"listed", std::to_string(done->listed())},
                   {"escalated", std::to_string(done->escalated())},
                   {"removed", std::to_string(done->removed())}});
  });
}

}  // namespace

service::Definition ServiceDefinition() {
  return {.name = "supervision",
          .key_tag = "{sup}",
          .grpc_listen = "127.0.0.1:50052",
          .metrics_listen = "127.0.0.1:9152",
          .options = {{"cohort-cutoff", "12-31",
                       "AR-05: organizations registered on or before this day (MM-DD) of a year "
                       "report on it (MCA 社团: 12-31; 民非 / Jiaxing: 06-30)"},
                      {"limitation-years", "2",
                       "ENF-03: years after a violation within which a case may be filed"},
                      {"decision-days", "90", "ENF-11: days from filing to the decision"},
                      {"service-days", "7", "ENF-06: days from the decision to its service"},
                      {"rating-thresholds", "900,800,700,600",
                       "RT-06: lowest scores of 5A, 4A, 3A and 2A (Chanhe; Anqing: 950,901,...)"},
                      {"complaint-answer-days", "15",
                       "days within which a complaint's reporter is answered"},
                      {"party-building-durable", "supervision-party-orgs",
                       "durable consumer of party building's party_org events (CR-01(b))"}},
          .wire = Wire};
}

}  // namespace socgov::supervision
