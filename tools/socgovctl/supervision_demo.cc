// `socgovctl demo supervision`: a supervision year like Jimei's (issue 10), driven through the
// supervision API over the register `demo jimei` loaded: the report year opened, a double-random
// plan drawn, inspected, interviewed and published, four campaigns (zombie clean-up with its
// revocation cases, overdue re-elections, low-activity community filings, the charity sector),
// six illegal organizations banned and a public reporting channel.
//
// Deterministic and resumable: every write has a fixed request id ("demo-sup:<year>:<step>:<n>"),
// and every entity's versions are chained from the answer of its creation, so a re-run replays
// what was done (the service returns the first answers) and continues where it stopped.
// Organizations are chosen from sets that the year itself does not change: the registered ones
// from the plan's population (fixed and stored at the draw), the community ones from the filings
// (FILED or FILING_REMOVED), each sorted by id.
#include "supervision_demo.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "cli.h"
#include "commands.h"
#include "supervision_cli.h"

namespace socgov::ctl {
namespace demo_sup {

int64_t SampleSize(int64_t population, int ratio_permille) {
  return (population * ratio_permille + 999) / 1000;
}

int RatioPermille(int64_t population, int target) {
  int best = 30;
  for (int r = 30; r <= 1000; ++r) {
    const int64_t gap = std::abs(SampleSize(population, r) - target);
    if (gap <= std::abs(SampleSize(population, best) - target)) best = r;
    if (SampleSize(population, r) > target) break;
  }
  return best;
}

std::vector<std::string> TakeSpread(std::vector<std::string>& pool, int count) {
  const size_t n = std::min(pool.size(), static_cast<size_t>(std::max(count, 0)));
  std::vector<size_t> at;
  for (size_t i = 0; i < n; ++i) at.push_back(i * pool.size() / n);
  std::vector<std::string> taken;
  for (size_t i : at) taken.push_back(pool[i]);
  for (auto it = at.rbegin(); it != at.rend(); ++it)
    pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(*it));
  return taken;
}

int Scaled(int n, size_t have, int need) {
  if (have >= static_cast<size_t>(need)) return n;
  return static_cast<int>(static_cast<int64_t>(n) * static_cast<int64_t>(have) / need);
}

std::string PlusDays(const std::string& day, int days) {
  int y = 0, m = 0, d = 0;
  char dash1 = 0, dash2 = 0;
  std::istringstream in(day);
  in >> y >> dash1 >> m >> dash2 >> d;
  const std::chrono::sys_days from{std::chrono::year{y} / std::chrono::month(m) /
                                   std::chrono::day(d)};
  const std::chrono::year_month_day to{from + std::chrono::days{days}};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(to.year()),
                static_cast<unsigned>(to.month()), static_cast<unsigned>(to.day()));
  return out;
}

}  // namespace demo_sup

namespace {

using demo_sup::PlusDays;
using demo_sup::RatioPermille;
using demo_sup::Scaled;
using demo_sup::TakeSpread;

using config::Config;
using config::ConfigError;
using Clock = std::chrono::steady_clock;

// ---- the year in figures (Jimei, issue 10) ----------------------------------------------------

constexpr int kDrawTarget = 28;
constexpr int kProblemsFound = 3;  // of the draw; one more is absent
constexpr int kZombies = 31;
constexpr int kVoluntaryCancellations = 2;  // of the zombies; the rest are revoked
constexpr int kOverdueReelections = 90;
constexpr int kCharityProblems = 46;
constexpr int kLowActivityFilings = 246;
constexpr int kComplaintTargets = 5;  // complaints about registered organizations (clues)
constexpr int kRectifyDays = 30;

const std::vector<std::string> kInspectors = {"chen.ming", "lin.fang", "huang.wei", "zheng.hui",
                                              "wu.jing",   "xu.lei",   "cai.yan",   "zhang.tao"};
// Investigators work in pairs; the legal reviewer is never one of them.
const std::vector<std::string> kInvestigators = {"wang.jun", "li.na",  "zhou.qiang",
                                                 "ye.lan",   "su.bin", "he.li"};
constexpr const char* kReviewer = "fu.zhengyi";

// ---- plumbing ----------------------------------------------------------------------------------

struct Org {
  std::string id;
  std::string name;
  regpb::OrgType type = regpb::ORG_TYPE_UNSPECIFIED;
  regpb::OrgStatus status = regpb::ORG_STATUS_UNSPECIFIED;
};

// One caller per role over one channel per service.
struct Demo {
  Context inspector;
  Context officer;
  Context reporter;  // the public portal's account
  Context viewer;
  std::unique_ptr<SupStub> sup;
  std::unique_ptr<RegStub> reg;
  int year = 0;
  std::string today;  // China date of this run, for deadlines only
  std::map<std::string, Org> orgs;

  std::string Rid(const std::string& step, int n) const {
    return "demo-sup:" + std::to_string(year) + ":" + step + ":" + std::to_string(n);
  }
  template <typename Request, typename Response>
  Response Call(const Context& as, SupMethod<Request, Response> method,
                const Request& request) const {
    return SupCall(as, *sup, method, request);
  }
  const std::string& NameOf(const std::string& id) const {
    static const std::string kUnknown;
    auto it = orgs.find(id);
    return it == orgs.end() ? kUnknown : it->second.name;
  }
};

std::string ReadToken(const std::string& dir, const std::string& role) {
  const std::string path = dir + "/" + role + ".jwt";
  std::ifstream in(path);
  std::string token;
  if (!(in >> token)) throw ConfigError("--tokens-dir: cannot read a token from " + path);
  return token;
}

Context As(const Context& ctx, const std::string& dir, const std::string& role) {
  Context as = ctx;
  as.token = ReadToken(dir, role);
  return as;
}

bool Registered(const Org& o) {
  return o.type != regpb::ORG_TYPE_COMMUNITY &&
         (o.status == regpb::ORG_STATUS_ACTIVE || o.status == regpb::ORG_STATUS_CHANGE_PENDING);
}

// Every organization of the jurisdiction registration lists, by id.
std::map<std::string, Org> ListOrgs(const Demo& demo, const std::string& jurisdiction) {
  std::map<std::string, Org> out;
  regpb::ListOrganizationsRequest request;
  request.set_jurisdiction(jurisdiction);
  request.mutable_page()->set_page_size(500);
  while (true) {
    const auto page = Call(demo.viewer, *demo.reg, &RegStub::ListOrganizations, request);
    for (const auto& o : page.organizations())
      out[o.id()] = Org{o.id(), o.profile().name(), o.profile().org_type(), o.status()};
    if (page.page().next_page_token().empty()) return out;
    request.mutable_page()->set_page_token(page.page().next_page_token());
  }
}

// Supervision learns the register from registration's events: waits until it knows every
// organization the year may name.
void WaitForDirectory(const Demo& demo) {
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  for (const auto& [id, org] : demo.orgs) {
    if (!Registered(org) && org.status != regpb::ORG_STATUS_FILED) continue;
    suppb::GetCreditRecordRequest request;
    request.set_organization_id(id);
    while (true) {
      try {
        demo.Call(demo.viewer, &SupStub::GetCreditRecord, request);
        break;
      } catch (const RpcFailure& e) {
        if (e.code() != grpc::StatusCode::NOT_FOUND || Clock::now() > deadline) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  }
}

// ---- report year ------------------------------------------------------------------------------

suppb::ReportYear OpenYear(const Demo& demo) {
  suppb::OpenReportYearRequest open;
  open.set_request_id(demo.Rid("year", 1));
  open.set_year(demo.year);
  try {
    return demo.Call(demo.inspector, &SupStub::OpenReportYear, open);
  } catch (const RpcFailure& e) {
    if (e.code() != grpc::StatusCode::ALREADY_EXISTS) throw;
  }
  suppb::GetReportYearRequest get;
  get.set_year(demo.year);
  return demo.Call(demo.inspector, &SupStub::GetReportYear, get);
}

// ---- double-random plan -----------------------------------------------------------------------

suppb::SamplingPlan CreateAndDraw(const Demo& demo, int64_t population) {
  suppb::CreateSamplingPlanRequest create;
  create.set_request_id(demo.Rid("plan", 1));
  create.set_year(demo.year);
  create.set_title(std::to_string(demo.year) + "年度集美区社会组织“双随机、一公开”抽查");
  create.set_level(suppb::PLAN_LEVEL_COUNTY);
  create.set_ratio_permille(RatioPermille(population, kDrawTarget));
  create.set_inspectors_per_check(2);
  for (const auto& name : kInspectors) create.add_inspector_pool(name);
  create.set_seed("jimei-" + std::to_string(demo.year) + "-双随机");
  create.set_content("登记事项、章程执行、内部治理、财务管理、业务活动开展情况");
  const auto plan = demo.Call(demo.inspector, &SupStub::CreateSamplingPlan, create);
  suppb::DrawSamplingPlanRequest draw;
  draw.set_request_id(demo.Rid("plan-draw", 1));
  draw.set_plan_id(plan.id());
  draw.set_version(plan.version());
  return demo.Call(demo.inspector, &SupStub::DrawSamplingPlan, draw);
}

// Which drawn inspections fail: kProblemsFound spread over the draw, and one absent near its end.
suppb::InspectionResult ResultOf(int i, int drawn) {
  if (drawn < kProblemsFound + 1) return suppb::INSPECTION_RESULT_PASSED;
  for (int k = 0; k < kProblemsFound; ++k)
    if (i == (2 * k + 1) * drawn / (2 * kProblemsFound + 1))
      return suppb::INSPECTION_RESULT_PROBLEMS_FOUND;
  return i == drawn - 2 ? suppb::INSPECTION_RESULT_ABSENT : suppb::INSPECTION_RESULT_PASSED;
}

suppb::SamplingPlan Inspect(const Demo& demo, suppb::SamplingPlan plan) {
  static const std::vector<std::string> kProblems = {
      "财务管理不规范：未按规定设置会计账簿，大额支出无审批记录",
      "未按章程规定召开会员（代表）大会和理事会", "内部管理制度不健全，档案资料缺失"};
  const int drawn = plan.inspections_size();
  int problems = 0;
  for (int i = 0; i < drawn; ++i) {
    const std::string org = plan.inspections(i).organization_id();
    suppb::RecordInspectionRequest r;
    r.set_request_id(demo.Rid("inspect", i + 1));
    r.set_plan_id(plan.id());
    r.set_version(plan.version());
    r.set_organization_id(org);
    r.set_result(ResultOf(i, drawn));
    r.set_method(r.result() == suppb::INSPECTION_RESULT_PASSED && i % 2 == 0 ? "书面" : "现场");
    if (r.result() == suppb::INSPECTION_RESULT_PROBLEMS_FOUND) {
      r.set_findings(kProblems[static_cast<size_t>(problems++) % kProblems.size()]);
      r.set_rectification_deadline(PlusDays(demo.today, kRectifyDays));
    } else if (r.result() == suppb::INSPECTION_RESULT_ABSENT) {
      r.set_findings("登记住所无人办公，电话无法接通，未能接受检查");
    }
    plan = demo.Call(demo.inspector, &SupStub::RecordInspection, r);
  }
  return plan;
}

// Xilingol's practice: the responsible persons of failing or absent organizations are interviewed.
suppb::SamplingPlan Interview(const Demo& demo, suppb::SamplingPlan plan) {
  int n = 0;
  for (int i = 0; i < plan.inspections_size(); ++i) {
    const auto& inspection = plan.inspections(i);
    if (inspection.result() != suppb::INSPECTION_RESULT_PROBLEMS_FOUND &&
        inspection.result() != suppb::INSPECTION_RESULT_ABSENT)
      continue;
    suppb::RecordInterviewRequest r;
    r.set_request_id(demo.Rid("interview", ++n));
    r.set_plan_id(plan.id());
    r.set_version(plan.version());
    r.set_organization_id(inspection.organization_id());
    r.set_notes(inspection.result() == suppb::INSPECTION_RESULT_ABSENT
                    ? "约谈法定代表人：说明未接受检查的原因，责令三十日内到登记管理机关接受检查"
                    : "约谈法定代表人和秘书长：通报检查发现的问题，责令限期整改并书面报告");
    plan = demo.Call(demo.inspector, &SupStub::RecordInterview, r);
  }
  return plan;
}

suppb::SamplingPlan RunPlan(const Demo& demo, int64_t population) {
  suppb::SamplingPlan plan = Interview(demo, Inspect(demo, CreateAndDraw(demo, population)));
  suppb::PublishSamplingPlanRequest publish;
  publish.set_request_id(demo.Rid("plan-publish", 1));
  publish.set_plan_id(plan.id());
  publish.set_version(plan.version());
  return demo.Call(demo.inspector, &SupStub::PublishSamplingPlan, publish);
}

// ---- cases ------------------------------------------------------------------------------------

// What varies between the demo's cases; the procedure is the same (§3.3, ENF-02 records at each
// stage, rights waived in writing, legal review by a non-investigator).
struct CaseScript {
  std::string key;  // request ids: "<key>-<step>"
  std::string case_no;
  std::vector<std::string> investigators;
  std::vector<suppb::CasePenalty> penalties;  // proposed and decided; empty: none proposed
  bool ban = false;
  std::string records[6];  // FILING .. EXECUTION
};

class CaseRunner {
 public:
  CaseRunner(const Demo& demo, const CaseScript& script, suppb::EnforcementCase c)
      : demo_(demo), script_(script), case_(std::move(c)) {}

  suppb::EnforcementCase Run() {
    Act([](auto& r) { r.mutable_pre_check(); });
    Act([&](auto& r) {
      auto* f = r.mutable_file();
      f->set_case_no(script_.case_no);
      for (const auto& who : script_.investigators) f->add_investigators(who);
      f->set_violation_on(case_.opened_on());
      f->set_facts_established(true);
      f->set_penalty_warranted(true);
    });
    Record(suppb::RECORD_STAGE_FILING);
    Act([](auto& r) { r.mutable_start_investigation(); });
    Record(suppb::RECORD_STAGE_INVESTIGATION);
    Act([&](auto& r) {
      auto* n = r.mutable_send_notice();
      for (const auto& p : script_.penalties) *n->add_proposed() = p;
      n->set_statement_deadline(PlusDays(demo_.today, 10));
    });
    Act([](auto& r) { r.mutable_submit_for_review()->set_rights_waived(true); });
    Record(suppb::RECORD_STAGE_REVIEW);
    Act([](auto& r) {
      r.mutable_review()->set_reviewer(kReviewer);
      r.mutable_review()->set_passed(true);
      r.mutable_review()->set_opinion("事实清楚，证据确凿，程序合法，适用依据正确，同意");
    });
    Act([&](auto& r) {
      auto* d = r.mutable_decide();
      for (const auto& p : script_.penalties) *d->add_penalties() = p;
      d->set_ban(script_.ban);
    });
    Record(suppb::RECORD_STAGE_DECISION);
    Act([](auto& r) { r.mutable_serve()->set_on_the_spot(false); });
    Record(suppb::RECORD_STAGE_SERVICE);
    Act([](auto& r) { r.mutable_start_execution(); });
    Record(suppb::RECORD_STAGE_EXECUTION);
    Act([](auto& r) { r.mutable_close(); });
    return case_;
  }

 private:
  template <typename Fill>
  void Act(Fill fill) {
    suppb::ActOnCaseRequest r;
    r.set_request_id("demo-sup:" + std::to_string(demo_.year) + ":" + script_.key + "-" +
                     std::to_string(++step_));
    r.set_case_id(case_.id());
    r.set_version(case_.version());
    fill(r);
    case_ = demo_.Call(demo_.officer, &SupStub::ActOnCase, r);
  }

  void Record(suppb::RecordStage stage) {
    Act([&](auto& r) {
      auto* record = r.mutable_add_record()->mutable_record();
      record->set_stage(stage);
      record->set_audio_video(stage == suppb::RECORD_STAGE_INVESTIGATION ||
                              stage == suppb::RECORD_STAGE_SERVICE);
      record->set_description(script_.records[stage - 1]);
    });
  }

  const Demo& demo_;
  const CaseScript& script_;
  suppb::EnforcementCase case_;
  int step_ = 0;
};

std::string CaseNo(int year, int n) {
  return "集民罚字〔" + std::to_string(year) + "〕" + std::to_string(n) + "号";
}

std::vector<std::string> PairOf(int n) {
  const size_t k = kInvestigators.size();
  const size_t first = static_cast<size_t>(n) % k;
  return {kInvestigators[first],
          kInvestigators[(first + 1 + static_cast<size_t>(n) / k % (k - 1)) % k]};
}

std::string RevocationBasis(regpb::OrgType type) {
  switch (type) {
    case regpb::ORG_TYPE_SOCIAL_GROUP:
      return "社会团体登记管理条例 第三十条";
    case regpb::ORG_TYPE_FOUNDATION:
      return "基金会管理条例 第四十二条";
    default:
      return "民办非企业单位登记管理暂行条例 第二十五条";
  }
}

// ---- campaigns --------------------------------------------------------------------------------

suppb::Campaign StartCampaign(const Demo& demo, const Context& as, const std::string& step,
                              const std::string& name, suppb::CampaignKind kind) {
  suppb::StartCampaignRequest r;
  r.set_request_id(demo.Rid(step, 0));
  r.set_name(name);
  r.set_kind(kind);
  return demo.Call(as, &SupStub::StartCampaign, r);
}

// Adds one item per organization, the problem of the i-th from `problem(i)`.
template <typename Problem>
suppb::Campaign AddItems(const Demo& demo, const Context& as, const std::string& step,
                         suppb::Campaign c, const std::vector<std::string>& ids, Problem problem) {
  for (size_t i = 0; i < ids.size(); ++i) {
    suppb::AddCampaignItemRequest r;
    r.set_request_id(demo.Rid(step + "-add", static_cast<int>(i + 1)));
    r.set_campaign_id(c.id());
    r.set_version(c.version());
    r.set_organization_id(ids[i]);
    r.set_problem(problem(i));
    r.set_rectification_deadline(PlusDays(demo.today, kRectifyDays));
    c = demo.Call(as, &SupStub::AddCampaignItem, r);
  }
  return c;
}

// Resolves the items, in the order found, the i-th as `resolution(i)`.
template <typename Resolution>
suppb::Campaign ResolveItems(const Demo& demo, const Context& as, const std::string& step,
                             suppb::Campaign c, Resolution resolution) {
  const int items = c.items_size();
  for (int i = 0; i < items; ++i) {
    suppb::ResolveCampaignItemRequest r;
    r.set_request_id(demo.Rid(step + "-resolve", i + 1));
    r.set_campaign_id(c.id());
    r.set_version(c.version());
    r.set_item_id(c.items(i).id());
    r.set_resolution(resolution(i));
    c = demo.Call(as, &SupStub::ResolveCampaignItem, r);
  }
  return c;
}

std::string Title(const Demo& demo, const std::string& what) {
  return std::to_string(demo.year) + "年集美区" + what;
}

struct ZombieOutcome {
  suppb::Campaign campaign;
  std::vector<std::string> revoked;  // organizations whose case decided a revocation
  int closed = 0;
};

// The year's four campaigns, started one after the other so that their ids are always the same
// (Z1..Z4 on a fresh stack); their items are then worked on at once.
struct Campaigns {
  suppb::Campaign zombie, reelection, low_activity, charity;
};

Campaigns StartCampaigns(const Demo& demo) {
  return {
      StartCampaign(demo, demo.officer, "zombie", Title(demo, "僵尸型社会组织专项整治"),
                    suppb::CAMPAIGN_KIND_ZOMBIE_CLEANUP),
      StartCampaign(demo, demo.inspector, "reelection", Title(demo, "社会组织逾期未换届专项整治"),
                    suppb::CAMPAIGN_KIND_OVERDUE_REELECTION),
      StartCampaign(demo, demo.inspector, "low-activity", Title(demo, "活动不活跃社区社会组织清理"),
                    suppb::CAMPAIGN_KIND_LOW_ACTIVITY_COMMUNITY),
      StartCampaign(demo, demo.inspector, "charity", Title(demo, "慈善领域突出问题专项整治"),
                    suppb::CAMPAIGN_KIND_CHARITY_SECTOR),
  };
}

ZombieOutcome RunZombies(const Demo& demo, suppb::Campaign c, const std::vector<std::string>& ids) {
  const std::string step = "zombie";
  c = AddItems(demo, demo.officer, step, c, ids, [](size_t) {
    return std::string(
        "连续两年未参加年检（年报），一年以上未开展业务活动，登记住所无法联系（ZB-01）");
  });
  const int voluntary = std::min(kVoluntaryCancellations, c.items_size() / 2);
  const int escalated = c.items_size() - voluntary;
  c = ResolveItems(demo, demo.officer, step, c, [&](int i) {
    return i < escalated ? suppb::ITEM_RESOLUTION_ESCALATED
                         : suppb::ITEM_RESOLUTION_CANCELLED_VOLUNTARILY;
  });
  ZombieOutcome out{c, {}, 0};
  for (int i = 0; i < escalated; ++i) {
    const auto& item = c.items(i);
    suppb::CasePenalty revocation;
    revocation.set_type(suppb::PENALTY_TYPE_REVOCATION);
    revocation.set_basis(RevocationBasis(demo.orgs.count(item.organization_id())
                                             ? demo.orgs.at(item.organization_id()).type
                                             : regpb::ORG_TYPE_SOCIAL_SERVICE));
    const CaseScript script{"zombie-case" + std::to_string(i + 1),
                            CaseNo(demo.year, i + 1),
                            PairOf(i),
                            {revocation},
                            false,
                            {"立案审批表：专项整治移送，僵尸型社会组织线索",
                             "住所地现场核查笔录（音像记录）：登记住所无人办公，负责人无法联系",
                             "法制审核意见书", "行政处罚决定书：撤销登记",
                             "邮寄送达回证（音像记录）", "撤销登记公告，收缴登记证书和印章"}};
    // A case opened by an escalation starts at version 1 (OpenClue), like every case.
    suppb::EnforcementCase opened;
    opened.set_id(item.case_id());
    opened.set_version(1);
    const auto closed = CaseRunner(demo, script, opened).Run();
    if (closed.state() == suppb::CASE_STATE_CLOSED) ++out.closed;
    out.revoked.push_back(item.organization_id());
  }
  return out;
}

suppb::Campaign RunRectified(const Demo& demo, const std::string& step, suppb::Campaign c,
                             const std::vector<std::string>& ids,
                             const std::vector<std::string>& problems) {
  c = AddItems(demo, demo.inspector, step, c, ids,
               [&](size_t i) { return problems[i % problems.size()]; });
  return ResolveItems(demo, demo.inspector, step, c,
                      [](int) { return suppb::ITEM_RESOLUTION_RECTIFIED; });
}

suppb::Campaign RunLowActivity(const Demo& demo, suppb::Campaign c,
                               const std::vector<std::string>& ids) {
  const std::string step = "low-activity";
  c = AddItems(demo, demo.inspector, step, c, ids,
               [](size_t) { return std::string("连续一年以上未开展活动，备案信息无法核实"); });
  return ResolveItems(demo, demo.inspector, step, c,
                      [](int) { return suppb::ITEM_RESOLUTION_FILING_REMOVED; });
}

// ---- illegal organizations --------------------------------------------------------------------

struct IllegalSpec {
  std::string name;
  suppb::IllegalOrgKind kind;
  std::string former;  // ACTIVE_AFTER_REVOCATION
  std::string description;
};

// Three unregistered, two active after a revocation of this year (while there are revoked
// zombies to name), one beyond its preparation.
std::vector<IllegalSpec> IllegalSpecs(const Demo& demo, const std::vector<std::string>& revoked) {
  std::vector<IllegalSpec> specs = {
      {"中华国学文化研究总会集美分会", suppb::ILLEGAL_ORG_KIND_UNREGISTERED, "",
       "未经登记，以社会组织名义举办国学培训班并收取费用"},
      {"厦门市集美区养生保健促进会", suppb::ILLEGAL_ORG_KIND_UNREGISTERED, "",
       "未经登记，以协会名义组织老年人养生讲座并推销保健品"},
      {"海峡两岸企业家联谊总会集美办事处", suppb::ILLEGAL_ORG_KIND_UNREGISTERED, "",
       "未经登记，以联谊会名义发展会员、收取会费、颁发牌匾"},
  };
  for (size_t i = 0; i < 2; ++i) {
    if (i < revoked.size()) {
      specs.push_back({demo.NameOf(revoked[i]), suppb::ILLEGAL_ORG_KIND_ACTIVE_AFTER_REVOCATION,
                       revoked[i], "被撤销登记后仍以原名称对外开展活动、收取费用"});
    } else {
      specs.push_back({"集美区乡村振兴发展联合会" + std::to_string(i + 1),
                       suppb::ILLEGAL_ORG_KIND_UNREGISTERED, "",
                       "未经登记，以联合会名义开展评比表彰活动"});
    }
  }
  specs.push_back({"厦门市集美区青年摄影协会（筹）", suppb::ILLEGAL_ORG_KIND_BEYOND_PREPARATION, "",
                   "筹备期间以协会名义发展会员、收取会费并举办收费培训班，超出筹备活动范围"});
  return specs;
}

struct IllegalOutcome {
  std::vector<suppb::IllegalOrg> orgs;  // as listed after the bans
  int banned_cases = 0;
};

IllegalOutcome RunIllegalOrgs(const Demo& demo, const std::vector<std::string>& revoked,
                              int first_case_no) {
  const auto specs = IllegalSpecs(demo, revoked);
  IllegalOutcome out;
  for (size_t i = 0; i < specs.size(); ++i) {
    const int n = static_cast<int>(i + 1);
    suppb::RecordIllegalOrgRequest record;
    record.set_request_id(demo.Rid("illegal", n));
    record.set_name(specs[i].name);
    record.set_kind(specs[i].kind);
    record.set_former_organization_id(specs[i].former);
    record.set_description(specs[i].description);
    const auto org = demo.Call(demo.officer, &SupStub::RecordIllegalOrg, record);
    suppb::OpenCaseRequest open;
    open.set_request_id(demo.Rid("illegal-case", n));
    open.set_illegal_org_id(org.id());
    open.set_source(i % 2 == 0 ? suppb::CASE_SOURCE_COMPLAINT : suppb::CASE_SOURCE_REFERRAL);
    open.set_summary(specs[i].description);
    const auto opened = demo.Call(demo.officer, &SupStub::OpenCase, open);
    const CaseScript script{"illegal-case" + std::to_string(n),
                            CaseNo(demo.year, first_case_no + n - 1),
                            PairOf(first_case_no + n),
                            {},
                            true,
                            {"立案审批表：非法社会组织线索", "活动场所现场检查笔录（音像记录）",
                             "法制审核意见书", "取缔决定书（ENF-13）", "送达回证（音像记录）",
                             "取缔公告，收缴印章和牌匾，向社会公开曝光"}};
    if (CaseRunner(demo, script, opened).Run().state() == suppb::CASE_STATE_CLOSED)
      ++out.banned_cases;
  }
  const auto listed =
      demo.Call(demo.officer, &SupStub::ListIllegalOrgs, suppb::ListIllegalOrgsRequest());
  out.orgs.assign(listed.orgs().begin(), listed.orgs().end());
  return out;
}

// ---- complaints -------------------------------------------------------------------------------

struct ComplaintSpec {
  suppb::ComplaintChannel channel;
  std::string target_org;  // a registered organization: made a clue
  std::string target_name;
  std::string facts;
  std::string decline_reason;  // empty: made a clue
  bool anonymous;
};

std::vector<ComplaintSpec> ComplaintSpecs(const Demo& demo,
                                          const std::vector<std::string>& targets) {
  static const std::vector<std::string> kFacts = {
      "以培训名义向会员摊派费用，未开具合法票据", "理事会长期不开会，负责人个人决定大额支出",
      "以本组织名义对外开展评比表彰并收取费用", "向服务对象强制收取额外服务费用",
      "公开宣传中夸大服务资质，与登记业务范围不符"};
  std::vector<ComplaintSpec> specs;
  for (size_t i = 0; i < targets.size(); ++i) {
    specs.push_back({i % 2 == 0 ? suppb::COMPLAINT_CHANNEL_ONLINE : suppb::COMPLAINT_CHANNEL_PHONE,
                     targets[i], demo.NameOf(targets[i]), kFacts[i % kFacts.size()], "",
                     i % 2 == 1});
  }
  const std::vector<ComplaintSpec> declined = {
      {suppb::COMPLAINT_CHANNEL_ONLINE, "", "中华国学文化研究总会集美分会",
       "未经登记以社会组织名义举办收费国学培训班",
       "该组织未经登记，已作为非法社会组织立案查处（ENF-13），本件不另立案", true},
      {suppb::COMPLAINT_CHANNEL_LETTER, "", "厦门市集美区养生保健促进会",
       "在社区组织养生讲座并推销保健品",
       "该组织未经登记，已作为非法社会组织立案查处（ENF-13），本件不另立案", false},
      {suppb::COMPLAINT_CHANNEL_PHONE, "", "厦门市思明区某文化交流协会", "在集美区开展收费活动",
       "不属本机关登记管辖，已告知向思明区民政局反映（ENF-01）", true},
      {suppb::COMPLAINT_CHANNEL_VISIT, "", "某小区业主委员会", "业主委员会账目不公开",
       "业主委员会不属于社会组织，已告知向街道办事处和住房建设部门反映", false},
      {suppb::COMPLAINT_CHANNEL_EMAIL, "", "某培训机构", "退费纠纷，要求退还学费",
       "属于消费纠纷，不属于社会组织登记管理机关职责，已告知向市场监管部门投诉", false},
  };
  specs.insert(specs.end(), declined.begin(), declined.end());
  return specs;
}

struct ComplaintOutcome {
  int received = 0, anonymous = 0, clues = 0, declined = 0, answered = 0;
};

// Triages and answers a received complaint. Unlike the other steps these are skipped by state
// when done: a triage into a clue moves the complaint two versions (triaged, then linked to its
// case), and the service checks a replay against one, so replaying it is refused
// (INVALID_ARGUMENT "request_id: already used").
suppb::Complaint Triage(const Demo& demo, const ComplaintSpec& spec, int n,
                        const suppb::Complaint& received) {
  suppb::GetComplaintRequest get;
  get.set_complaint_id(received.id());
  suppb::Complaint c = demo.Call(demo.officer, &SupStub::GetComplaint, get);
  if (c.state() == suppb::COMPLAINT_STATE_RECEIVED) {
    suppb::TriageComplaintRequest triage;
    triage.set_request_id(demo.Rid("complaint-triage", n));
    triage.set_complaint_id(c.id());
    triage.set_version(c.version());
    triage.set_decline_reason(spec.decline_reason);
    c = demo.Call(demo.officer, &SupStub::TriageComplaint, triage);
  }
  if (c.state() == suppb::COMPLAINT_STATE_ANSWERED) return c;
  suppb::AnswerComplaintRequest answer;
  answer.set_request_id(demo.Rid("complaint-answer", n));
  answer.set_complaint_id(c.id());
  answer.set_version(c.version());
  answer.set_reply(spec.decline_reason.empty()
                       ? "您反映的问题已受理并转为案件线索，我局将依法核查处理。感谢您的监督。"
                       : "经研判：" + spec.decline_reason + "。感谢您的监督。");
  return demo.Call(demo.officer, &SupStub::AnswerComplaint, answer);
}

ComplaintOutcome RunComplaints(const Demo& demo, const std::vector<std::string>& targets) {
  ComplaintOutcome out;
  const auto specs = ComplaintSpecs(demo, targets);
  for (size_t i = 0; i < specs.size(); ++i) {
    const ComplaintSpec& spec = specs[i];
    const int n = static_cast<int>(i + 1);
    suppb::SubmitComplaintRequest submit;
    submit.set_request_id(demo.Rid("complaint", n));
    submit.set_channel(spec.channel);
    submit.set_target_name(spec.target_name);
    submit.set_target_organization_id(spec.target_org);
    submit.set_facts(spec.facts);
    if (!spec.anonymous) {
      submit.mutable_reporter()->set_name("举报人" + std::to_string(n));
      submit.mutable_reporter()->set_phone("1380592" + std::to_string(1000 + n * 37));
    }
    const auto received = demo.Call(demo.reporter, &SupStub::SubmitComplaint, submit);
    const auto answered = Triage(demo, spec, n, received);
    ++out.received;
    if (received.anonymous()) ++out.anonymous;
    if (!answered.case_id().empty()) ++out.clues;
    if (!answered.decline_reason().empty()) ++out.declined;
    if (answered.state() == suppb::COMPLAINT_STATE_ANSWERED) ++out.answered;
  }
  return out;
}

// ---- registration's side ----------------------------------------------------------------------

// Registration revokes through case.decided (its router, asynchronously): how many it shows.
int WaitForRevocations(const Demo& demo, const std::vector<std::string>& ids) {
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  size_t revoked = 0;
  for (const auto& id : ids) {
    regpb::GetOrganizationRequest get;
    get.set_organization_id(id);
    while (true) {
      const auto org = Call(demo.viewer, *demo.reg, &RegStub::GetOrganization, get);
      if (org.status() == regpb::ORG_STATUS_REVOKED) {
        ++revoked;
        break;
      }
      if (Clock::now() > deadline) return static_cast<int>(revoked);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  return static_cast<int>(revoked);
}

// ---- summary ----------------------------------------------------------------------------------

std::string Permille(int permille) {
  return std::to_string(permille / 10) + "." + std::to_string(permille % 10) + " %";
}

void PrintPlan(std::ostream& out, const suppb::SamplingPlan& p) {
  int passed = 0, problems = 0, absent = 0, interviews = 0;
  for (const auto& i : p.inspections()) {
    passed += i.result() == suppb::INSPECTION_RESULT_PASSED;
    problems += i.result() == suppb::INSPECTION_RESULT_PROBLEMS_FOUND;
    absent += i.result() == suppb::INSPECTION_RESULT_ABSENT;
    interviews += !i.interviewed_on().empty();
  }
  out << "  double-random plan " << p.id() << ": " << p.inspections_size() << " of "
      << p.population_size() << " drawn (" << Permille(p.ratio_permille()) << ", seed \""
      << p.seed() << "\", population hash " << p.population_hash() << "), " << passed << " passed, "
      << problems << " problems found (rectify within " << kRectifyDays << " days), " << absent
      << " absent, " << interviews << " interviews, "
      << (p.state() == suppb::PLAN_STATE_PUBLISHED ? "published" : "NOT published") << "\n";
}

void PrintCampaign(std::ostream& out, const suppb::Campaign& c) {
  const auto& n = c.counts();
  out << "  campaign " << c.id() << " " << c.name() << ": " << n.found() << " found";
  if (n.rectified()) out << ", " << n.rectified() << " rectified";
  if (n.escalated()) out << ", " << n.escalated() << " escalated to cases";
  if (n.removed()) out << ", " << n.removed() << " filings removed";
  if (n.cancelled_voluntarily())
    out << ", " << n.cancelled_voluntarily() << " guided voluntary cancellations";
  if (n.open()) out << ", " << n.open() << " open";
  out << "\n";
}

struct Year {
  suppb::ReportYear reports;
  suppb::SamplingPlan plan;
  ZombieOutcome zombies;
  int revoked_in_registration = 0;
  suppb::Campaign reelection, low_activity, charity;
  IllegalOutcome illegal;
  ComplaintOutcome complaints;
};

void PrintSummary(const Context& ctx, const Year& y, double seconds) {
  std::ostream& out = ctx.out;
  out << "supervision year " << y.reports.year() << " (" << y.reports.jurisdiction() << ") in "
      << static_cast<int>(seconds * 10) / 10.0 << " s:\n";
  out << "  report year " << y.reports.year() << ": cohort " << y.reports.cohort_size()
      << ", received " << y.reports.submitted() << " (due in " << y.reports.year() + 1 << ")\n";
  PrintPlan(out, y.plan);
  PrintCampaign(out, y.zombies.campaign);
  out << "    " << y.zombies.closed
      << " cases closed with a revocation decision; registration shows "
      << y.revoked_in_registration << " of " << y.zombies.revoked.size() << " REVOKED\n";
  PrintCampaign(out, y.reelection);
  PrintCampaign(out, y.low_activity);
  PrintCampaign(out, y.charity);
  int banned = 0, listed = 0;
  for (const auto& o : y.illegal.orgs) {
    banned += o.state() == suppb::ILLEGAL_ORG_STATE_BANNED;
    listed += o.on_public_list();
  }
  out << "  illegal organizations: " << y.illegal.orgs.size() << " recorded, " << banned
      << " banned (取缔) by " << y.illegal.banned_cases << " closed cases, " << listed
      << " on the public list\n";
  const auto& c = y.complaints;
  out << "  complaints: " << c.received << " received from the public (" << c.anonymous
      << " anonymous), " << c.clues << " made clues (cases), " << c.declined << " declined, "
      << c.answered << " answered\n";
}

// ---- the year ---------------------------------------------------------------------------------

Year RunYear(const Demo& demo) {
  Year y;
  y.reports = OpenYear(demo);
  int64_t population = 0;
  for (const auto& [id, org] : demo.orgs) population += Registered(org);
  y.plan = RunPlan(demo, population);
  demo.inspector.err << "demo supervision: report year " << demo.year << " open (cohort "
                     << y.reports.cohort_size() << "); plan " << y.plan.id() << " drawn "
                     << y.plan.inspections_size() << " of " << y.plan.population_size()
                     << " and published\n";

  // The registered organizations the year names: the plan's population (stored at the draw, so a
  // re-run picks the same ones), the drawn ones left out.
  std::vector<std::string> pool(y.plan.population().begin(), y.plan.population().end());
  for (const auto& i : y.plan.inspections())
    pool.erase(std::remove(pool.begin(), pool.end(), i.organization_id()), pool.end());
  const int need = kZombies + kOverdueReelections + kCharityProblems + kComplaintTargets;
  const size_t have = pool.size();
  const auto zombies = TakeSpread(pool, Scaled(kZombies, have, need));
  const auto reelections = TakeSpread(pool, Scaled(kOverdueReelections, have, need));
  const auto charity = TakeSpread(pool, Scaled(kCharityProblems, have, need));
  const auto complained = TakeSpread(pool, Scaled(kComplaintTargets, have, need));

  std::vector<std::string> filings;
  for (const auto& [id, org] : demo.orgs)
    if (org.type == regpb::ORG_TYPE_COMMUNITY &&
        (org.status == regpb::ORG_STATUS_FILED || org.status == regpb::ORG_STATUS_FILING_REMOVED))
      filings.push_back(id);
  const int removed = Scaled(kLowActivityFilings, filings.size(), 606);

  // Four independent lines of work at once (each entity's steps in order): the zombie clean-up
  // and its cases, the illegal organizations (two active after this year's revocations) and the
  // complaints, which open cases too (so case ids come in the same order every time); the
  // re-elections; the community filings; the charity sector.
  demo.inspector.err << "demo supervision: campaigns, cases, illegal organizations, complaints\n";
  const Campaigns started = StartCampaigns(demo);
  auto enforcement = std::async(std::launch::async, [&] {
    ZombieOutcome z = RunZombies(demo, started.zombie, zombies);
    IllegalOutcome i = RunIllegalOrgs(demo, z.revoked, static_cast<int>(z.revoked.size()) + 1);
    return std::tuple{std::move(z), std::move(i), RunComplaints(demo, complained)};
  });
  auto reelection = std::async(std::launch::async, [&] {
    return RunRectified(
        demo, "reelection", started.reelection, reelections,
        {"理事会任期届满逾期未换届（TE-02）", "换届选举未按章程规定程序进行，负责人超届任职"});
  });
  auto low_activity = std::async(std::launch::async, [&] {
    return RunLowActivity(demo, started.low_activity, TakeSpread(filings, removed));
  });
  auto charity_campaign = std::async(std::launch::async, [&] {
    return RunRectified(
        demo, "charity", started.charity, charity,
        {"公开募捐未按规定公开募得款物的使用情况", "慈善项目管理费用超出规定比例",
         "接受捐赠未按规定开具捐赠票据", "慈善信息公开不及时、不完整", "与关联方交易未按规定披露"});
  });
  std::tie(y.zombies, y.illegal, y.complaints) = enforcement.get();
  y.reelection = reelection.get();
  y.low_activity = low_activity.get();
  y.charity = charity_campaign.get();
  y.revoked_in_registration = WaitForRevocations(demo, y.zombies.revoked);
  return y;
}

}  // namespace

int DemoSupervision(const Context& ctx, const Config& flags) {
  const std::string& dir = Required(flags, "tokens-dir");
  const auto start = Clock::now();
  Demo demo{
      .inspector = As(ctx, dir, "inspector"),
      .officer = As(ctx, dir, "enforcement_officer"),
      .reporter = As(ctx, dir, "public"),
      .viewer = As(ctx, dir, "viewer"),
      .sup = SupervisionStub(ctx),
      .reg = RegistrationStub(ctx),
      .year = static_cast<int>(flags.GetInt("year", 2000, 2999)),
      .today = ChinaToday(),
      .orgs = {},
  };
  demo.orgs = ListOrgs(demo, flags.GetJurisdiction("jurisdiction"));
  WaitForDirectory(demo);
  const Year year = RunYear(demo);
  const std::chrono::duration<double> took = Clock::now() - start;
  PrintSummary(ctx, year, took.count());
  if (year.revoked_in_registration != static_cast<int>(year.zombies.revoked.size())) {
    ctx.err << "demo supervision: registration did not show every revocation within 30 s\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace socgov::ctl
