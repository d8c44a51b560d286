#include "scale.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <mutex>
#include <thread>

#include "platform/auth/token.h"
#include "platform/store/redis.h"
#include "platform/util/clock.h"
#include "registration/app/registry.h"
#include "registration/store/registration_store.h"

namespace socgov::bench {
namespace {

// The 31 provincial-level units of the mainland (GB/T 2260 two-digit prefixes).
constexpr const char* kProvinces[] = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"};

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::vector<std::string> NationalDistricts() {
  // ~2 900 county-level units nationally: 31 provinces × 12 cities × 8 districts = 2 976.
  std::vector<std::string> out;
  for (const char* p : kProvinces)
    for (int city = 1; city <= 12; ++city)
      for (int d = 1; d <= 8; ++d) out.push_back(std::string(p) + TwoDigits(city) + TwoDigits(d));
  // Fixed shuffle, so the heavy districts are spread over provinces rather than all in Beijing.
  std::mt19937_64 rng(20221231);
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

NationalMix::NationalMix(uint64_t seed) : districts_(NationalDistricts()) {
  (void)seed;
  double sum = 0;
  for (size_t k = 1; k <= districts_.size(); ++k) {
    sum += 1.0 / static_cast<double>(k);  // Zipf, exponent 1
    cdf_.push_back(sum);
  }
  for (auto& c : cdf_) c /= sum;
}

const std::string& NationalMix::District(std::mt19937_64& rng) const {
  const double u = std::uniform_real_distribution<double>(0, 1)(rng);
  const size_t k = std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin();
  return districts_[std::min(k, districts_.size() - 1)];
}

registration::OrgKind NationalMix::Kind(uint64_t i) const {
  // Per thousand: 415 social groups, 10 foundations, 575 social service organizations (57.4 % plus
  // the 0.1 % the national statistics leave to other forms).
  const uint64_t r = (i * 7919) % 1000;  // a permutation of 0..999 (7919 is prime)
  if (r < 415) return registration::OrgKind::kSocialGroup;
  if (r < 425) return registration::OrgKind::kFoundation;
  return registration::OrgKind::kSocialService;
}

registration::Profile ScaleProfile(registration::OrgKind kind, const std::string& district,
                                   const std::string& unique) {
  using namespace registration;
  Profile p;
  p.kind = kind;
  p.domicile = "人民路 " + unique + " 号";
  p.legal_rep.name = "王海峰";
  p.legal_rep.id_number = "350211197405180030";
  p.jurisdiction = district;
  switch (kind) {
    case OrgKind::kSocialGroup:
      p.name = "书法" + unique + "号书法家协会";  // REG-03: the form comes last
      p.funds_fen = 5'000'000;                    // 50 000 yuan ≥ REG-02 local minimum
      p.individual_members = 60;
      p.business_scope = "书法创作交流；书法培训";
      break;
    case OrgKind::kFoundation:
      p.name = "慈善" + unique + "号慈善基金会";
      p.foundation_kind = FoundationKind::kNonPublic;
      p.funds_fen = 300'000'000;  // 3 M yuan ≥ REG-10 non-public minimum
      p.funds_in_cash = true;
      p.business_scope = "资助教育、扶贫济困";
      break;
    default:
      p.name = "养老" + unique + "号社区养老服务中心";
      p.social_service_form = SocialServiceForm::kLegalPerson;
      p.staff_count = 12;
      p.funds_fen = 1'000'000;
      p.business_scope = "养老照护；社区助餐";
      break;
  }
  return p;
}

// The use cases a registrar runs to register one organization: a social group applies for
// preparation, is approved, holds its founding meeting (today) and applies for establishment
// (REG-04); the others apply for establishment directly. Returns the credit code.
Result<std::string> Register(registration::Registry& registry, const auth::Principal& who,
                             registration::OrgKind kind, const std::string& district,
                             const std::string& unique, TimePoint now) {
  using registration::OrgKind;
  const std::string rid = "scale-" + unique;
  auto submitted = registry.Submit(who, {rid, ScaleProfile(kind, district, unique),
                                         registration::ApplicationStage::kUnspecified});
  if (!submitted.ok()) return submitted.error();
  std::string app_id = submitted->application().id();
  int64_t version = submitted->application().version();
  if (kind == OrgKind::kSocialGroup) {
    auto prep = registry.Approve(who, {rid + "-p", app_id, version});
    if (!prep.ok()) return prep.error();
    registration::app::ApplyEstablishment req;
    req.request_id = rid + "-e";
    req.application_id = app_id;
    req.version = prep->application().version();
    // The founding meeting is held today (China Standard Time, UTC+8, as the domain counts days).
    const std::time_t t = std::chrono::system_clock::to_time_t(now + std::chrono::hours(8));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    req.establishment.founding_meeting_on = day;
    req.establishment.individual_members = 60;
    req.establishment.funds_fen = 5'000'000;
    auto est = registry.ApplyEstablishment(who, req);
    if (!est.ok()) return est.error();
    version = est->version();
  }
  auto approved = registry.Approve(who, {rid + "-a", app_id, version});
  if (!approved.ok()) return approved.error();
  return approved->organization().id();
}

LoadResult LoadOrganizations(int redis_port, uint64_t count, int threads, const std::string& tag,
                             std::optional<registration::OrgKind> only_kind) {
  store::RedisOptions options;
  options.port = redis_port;
  store::RedisPool pool(options, static_cast<size_t>(threads));
  registration::RegistrationStore store(pool);
  {
    auto redis = pool.Acquire();
    store.scripts().LoadAll(*redis);
  }
  SystemClock clock;
  const NationalMix mix(1);
  LoadResult result;
  result.org_ids.resize(count);
  result.org_districts.resize(count);
  std::atomic<uint64_t> next{0}, loaded{0}, failed{0};
  std::mutex mu;
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::mt19937_64 rng(1000 + t);
      for (uint64_t i = next++; i < count; i = next++) {
        const std::string& district = mix.District(rng);
        const std::string unique = tag + "-" + std::to_string(i);
        auth::Principal who;
        who.subject = "registrar." + district;
        who.roles = {"registrar"};
        who.jurisdiction = district;
        registration::RegistrySettings settings;
        settings.authority_code = district;
        settings.foundations_registrable = true;  // REG-11: treated as an entrusted authority
        settings.joint_review_required = false;   // as the benchmarked service is configured
        registration::Registry registry(store, settings, clock);
        const registration::OrgKind kind = only_kind.value_or(mix.Kind(i));
        std::string error;
        try {
          auto org = Register(registry, who, kind, district, unique, clock.Now());
          if (org.ok()) {
            result.org_ids[i] = *org;
            result.org_districts[i] = district;
            ++loaded;
            continue;
          }
          error = org.error().message;
        } catch (const std::exception& e) {
          error = e.what();
        }
        ++failed;
        std::lock_guard<std::mutex> lock(mu);
        if (result.first_error.empty()) result.first_error = error;
      }
    });
  }
  for (auto& w : workers) w.join();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  result.loaded = loaded;
  result.failed = failed;
  return result;
}

}  // namespace socgov::bench
