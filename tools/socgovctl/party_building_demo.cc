// `socgovctl demo party-building`: Jimei's party building (issue 13, seed: 9 new branches, the 23
// organizations in scope all covered, the party-building clause in every charter), driven
// through the party-building and registration APIs over the register `demo jimei` loaded: the
// charters of the organizations recorded with the clause (PB-09), 5 branches of their own and 4
// joint branches (PB-01/02) approved by the district's social-organization party committee (PB-05)
// and led (PB-04), their members, and a temporary branch in a council (Neijiang, PB-06/07) applied
// for, approved and filed; then the year's party life: 9 instructors sent down (选派9名机关党员下沉
// 指导, work coverage), monthly meetings (PB-13), 22 activities under the 2 brands 和方程 and
// 双融双促, the annual evaluations (六个好), 和欣社工党支部 named 先进基层党组织 and 4 members
// 党员之星, and one major matter of 和欣 followed from opinion to close (PB-12). The year's days
// are fixed (the branches set up in February and March, activities through the year), never after
// today.
//
// Deterministic and resumable: every write has a fixed request id ("demo-pb:<district>:<step>:<n>")
// and every entity's versions are chained from the answer of its creation, so a re-run replays what
// was done (the service returns the first answers) and continues where it stopped. Registration's
// writes are skipped by state instead (a charter already carrying the clause, a council term
// already recorded). Organizations are chosen from the district's ACTIVE registered ones sorted by
// id, which the steps here do not change.
#include "party_building_demo.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cli.h"
#include "commands.h"
#include "party_building_cli.h"
#include "supervision_demo.h"

namespace socgov::ctl {
namespace demo_pb {
namespace {

struct Size {
  int formal;
  int probationary;
};
// 和欣社工党支部 first: 7 formal members, so a branch committee (PB-04).
constexpr Size kOwnBranches[] = {{7, 1}, {4, 0}, {3, 1}, {5, 0}, {3, 0}};
constexpr int kJointUnits[] = {5, 5, 4, 4};
constexpr Size kJointBranches[] = {{4, 1}, {5, 0}, {3, 1}, {6, 0}};

}  // namespace

std::vector<BranchPlan> PlanBranches(const std::vector<std::string>& organizations) {
  std::vector<BranchPlan> plans;
  size_t next = 0;
  for (const Size& size : kOwnBranches) {
    if (next >= organizations.size()) return plans;
    plans.push_back({false, {organizations[next++]}, size.formal, size.probationary});
  }
  for (size_t j = 0; j < std::size(kJointUnits); ++j) {
    const size_t left = organizations.size() - next;
    if (left < 2) break;
    const size_t units = std::min(left, static_cast<size_t>(kJointUnits[j]));
    BranchPlan plan{true, {}, kJointBranches[j].formal, kJointBranches[j].probationary};
    for (size_t u = 0; u < units; ++u) plan.organizations.push_back(organizations[next++]);
    plans.push_back(std::move(plan));
  }
  return plans;
}

std::vector<std::string> MemberWorkplaces(const BranchPlan& plan) {
  std::vector<std::string> at;
  const size_t units = plan.organizations.size();
  for (int i = 0; i < plan.formal + plan.probationary; ++i) {
    at.push_back(plan.organizations[static_cast<size_t>(i) % units]);
  }
  return at;
}

std::string IdNumber(int n) {
  const unsigned u = static_cast<unsigned>(n);
  char first17[32];
  std::snprintf(first17, sizeof first17, "350211%04u%02u%02u%03u", 1962 + u % 30, 1 + u % 12,
                1 + u % 28, 100 + u % 900);
  // GB 11643-1999 (ISO 7064 MOD 11-2).
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return std::string(first17) + "10X98765432"[sum % 11];
}

}  // namespace demo_pb

namespace {

using config::Config;
using config::ConfigError;
using demo_pb::BranchPlan;
using demo_sup::PlusDays;
using demo_sup::TakeSpread;
using Clock = std::chrono::steady_clock;

// The approving higher organization of every party organization here: the district's party
// committee for social organizations, outside this service. Its authority is data the service
// checks (PB-05, PB-07), given here as the committee holds it.
constexpr const char* kCommittee = "JM-SOC-PARTY-COMMITTEE";
constexpr const char* kCommitteeName = "中共厦门市集美区社会组织综合委员会";
constexpr int kOrganizations = 23;  // the seed's organizations in scope, all covered
constexpr const char* kHome = "和欣社会工作服务中心";  // 和欣社工党支部's organization
constexpr int kTemporaryMembers = 3;                   // PB-07's minimum, not transferred in

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

struct Demo {
  Context officer;    // party_work_officer: every party-building write
  Context registrar;  // the charters and the council term (registration)
  Context viewer;     // the register and the coverage
  std::unique_ptr<PbStub> pb;
  std::unique_ptr<RegStub> reg;
  std::string jurisdiction;
  int year = 0;
  std::string today;

  std::string Rid(const std::string& step, int n) const {
    return "demo-pb:" + jurisdiction + ":" + step + ":" + std::to_string(n);
  }
  // A day of the demo's year, never after today (the service refuses future days).
  std::string Day(int month, int day) const {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return std::min(std::string(text), today);
  }
  template <typename Request, typename Response>
  Response Pb(const Context& as, PbMethod<Request, Response> method, const Request& request) const {
    return PbCall(as, *pb, method, request);
  }
};

// Party building learns the register from registration's events, a moment after registration
// answers: a call naming an organization it does not know yet (or a council term not yet seen) is
// polled until it succeeds, up to a deadline.
bool NotYetKnown(const RpcFailure& e) {
  return e.message().find("is not registered") != std::string::npos ||
         e.message().find("no council term recorded") != std::string::npos;
}

template <typename Request, typename Response>
Response PbOnceKnown(const Demo& demo, PbMethod<Request, Response> method, const Request& request) {
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (true) {
    try {
      return demo.Pb(demo.officer, method, request);
    } catch (const RpcFailure& e) {
      if (!NotYetKnown(e) || Clock::now() > deadline) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

// The district's ACTIVE registered organizations (not community filings), by id.
std::map<std::string, regpb::Organization> ActiveOrgs(const Demo& demo) {
  std::map<std::string, regpb::Organization> out;
  regpb::ListOrganizationsRequest request;
  request.set_jurisdiction(demo.jurisdiction);
  request.mutable_page()->set_page_size(500);
  while (true) {
    const auto page = Call(demo.viewer, *demo.reg, &RegStub::ListOrganizations, request);
    for (const auto& o : page.organizations()) {
      if (o.profile().org_type() != regpb::ORG_TYPE_COMMUNITY &&
          o.status() == regpb::ORG_STATUS_ACTIVE)
        out[o.id()] = o;
    }
    if (page.page().next_page_token().empty()) return out;
    request.mutable_page()->set_page_token(page.page().next_page_token());
  }
}

// The 23 organizations (和欣 social work first) and the temporary branch's host.
struct Chosen {
  std::vector<std::string> covered;
  std::string host;
};

Chosen Choose(const std::map<std::string, regpb::Organization>& orgs) {
  std::vector<std::string> pool;
  std::string home;
  for (const auto& [id, o] : orgs) {
    if (home.empty() && o.profile().name().find(kHome) != std::string::npos) {
      home = id;
    } else {
      pool.push_back(id);
    }
  }
  Chosen chosen;
  if (!home.empty()) chosen.covered.push_back(home);
  const int rest = kOrganizations - static_cast<int>(chosen.covered.size());
  for (auto& id : TakeSpread(pool, rest)) chosen.covered.push_back(std::move(id));
  if (auto host = TakeSpread(pool, 1); !host.empty()) chosen.host = host.front();
  if (chosen.covered.size() < 2 || chosen.host.empty()) {
    throw RpcFailure(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                                  "the register has too few ACTIVE registered organizations in " +
                                      std::string("the district; load it first (demo jimei)")));
  }
  return chosen;
}

// ---- registration's side: the charters (PB-09) and the host's council term (PB-07) ------------

regpb::Organization RecordClause(const Demo& demo, int n, regpb::Organization org) {
  if (org.has_articles() && org.articles().party_building_clause()) return org;
  regpb::RecordArticlesRequest r;
  r.set_request_id(demo.Rid("articles", n));
  r.set_organization_id(org.id());
  r.set_version(org.version());
  r.set_approved_on(demo.today);
  r.set_party_building_clause(true);
  r.set_party_leading_organ(kCommitteeName);
  const std::string text = org.profile().name() +
                           "章程（修正案）：本组织坚持中国共产党的全面领导，根据中国共产党章程的规"
                           "定，设立中国共产党的组织，开展党的活动，为党组织的活动提供必要条件。";
  r.set_text_sha256(Sha256Hex(text));
  return Call(demo.registrar, *demo.reg, &RegStub::RecordArticles, r);
}

regpb::Organization RecordTerm(const Demo& demo, regpb::Organization org) {
  if (!org.council_term().start_date().empty()) return org;
  regpb::RecordCouncilTermRequest r;
  r.set_request_id(demo.Rid("council-term", 1));
  r.set_organization_id(org.id());
  r.set_version(org.version());
  r.set_start_date(demo.today);
  r.set_end_date(PlusDays(demo.today, 1824));  // just under 5 years (TE-01)
  return Call(demo.registrar, *demo.reg, &RegStub::RecordCouncilTerm, r);
}

// ---- party organizations and their members ----------------------------------------------------

pbpb::Approver Committee() {
  pbpb::Approver approver;
  approver.set_party_org_id(kCommittee);
  approver.set_may_approve_establishment(true);
  approver.set_may_approve_probationary_members(true);
  return approver;
}

std::string Person(int branch, int n) {
  return "jm-pb-" + std::to_string(branch) + "-" + std::to_string(n);
}

pbpb::PartyOrganization SetUp(const Demo& demo, int k, const BranchPlan& plan) {
  pbpb::ProposePartyOrganizationRequest propose;
  propose.set_request_id(demo.Rid("propose", k));
  propose.set_type(plan.joint ? pbpb::PARTY_ORG_TYPE_JOINT_BRANCH : pbpb::PARTY_ORG_TYPE_BRANCH);
  for (const auto& id : plan.organizations) propose.add_covered_organization_ids(id);
  propose.set_parent_id(kCommittee);
  propose.set_formal_members(plan.formal);
  propose.set_probationary_members(plan.probationary);
  propose.set_proposed_on(demo.Day(2, 10 + k));
  auto po = PbOnceKnown(demo, &PbStub::ProposePartyOrganization, propose);

  pbpb::ApprovePartyOrganizationRequest approve;
  approve.set_request_id(demo.Rid("approve", k));
  approve.set_party_org_id(po.id());
  approve.set_version(po.version());
  *approve.mutable_approver() = Committee();
  approve.set_approved_on(demo.Day(2, 25));
  po = demo.Pb(demo.officer, &PbStub::ApprovePartyOrganization, approve);

  pbpb::ActivatePartyOrganizationRequest activate;
  activate.set_request_id(demo.Rid("activate", k));
  activate.set_party_org_id(po.id());
  activate.set_version(po.version());
  pbpb::Leadership& l = *activate.mutable_leadership();
  l.set_secretary_person_id(Person(k, 1));
  if (plan.formal >= 7) {  // PB-04: a branch committee of at least 3, the secretary among them
    for (int p = 1; p <= 3; ++p) l.add_committee(Person(k, p));
  } else if (plan.formal >= 4) {
    l.set_deputy_secretary_person_id(Person(k, 2));
  }
  l.set_secretary_is_org_head(!plan.joint && k % 2 == 1);  // 一肩挑 in some of their own
  l.set_cross_appointed(plan.joint ? 1 : 2);               // 双向进入、交叉任职
  // The branch's founding meeting elects its first leadership for 3 years.
  activate.set_on(demo.Day(3, 1 + k));
  activate.set_term_start(activate.on());
  activate.set_term_end(PlusDays(activate.on(), 3 * 365 - 1));
  return demo.Pb(demo.officer, &PbStub::ActivatePartyOrganization, activate);
}

struct Members {
  int formal = 0, probationary = 0, transferred_in = 0;
  std::vector<std::string> formal_ids;  // ID numbers, for the 党员之星 awards
};

void AddMembers(const Demo& demo, const BranchPlan& plan, const std::string& party_org_id, int* n,
                Members* members) {
  const std::vector<std::string> at = demo_pb::MemberWorkplaces(plan);
  for (size_t i = 0; i < at.size(); ++i) {
    const int m = ++*n;
    pbpb::AddMemberRequest r;
    r.set_request_id(demo.Rid("member", m));
    r.set_id_number(demo_pb::IdNumber(m));
    const bool formal = static_cast<int>(i) < plan.formal;
    r.set_kind(formal ? pbpb::MEMBER_KIND_FORMAL : pbpb::MEMBER_KIND_PROBATIONARY);
    r.set_membership_transferred_in(m % 4 == 3);
    r.set_party_org_id(party_org_id);
    r.set_works_at_organization_id(at[i]);
    const auto added = demo.Pb(demo.officer, &PbStub::AddMember, r);
    (formal ? members->formal : members->probationary) += 1;
    if (formal) members->formal_ids.push_back(r.id_number());
    members->transferred_in += added.membership_transferred_in();
  }
}

// ---- the temporary branch (Neijiang, PB-06/07) ------------------------------------------------

struct Temporary {
  pbpb::TemporaryBranch branch;
  std::string refused;  // PB-06's answer to a term election
};

std::string DocNo(const std::string& kind, int year) {
  return "集社党" + kind + "〔" + std::to_string(year) + "〕1号";
}

Temporary RunTemporary(const Demo& demo, const std::string& host) {
  pbpb::ApplyTemporaryBranchRequest apply;
  apply.set_request_id(demo.Rid("tb-apply", 1));
  apply.set_host_organization_id(host);
  apply.set_parent_id(kCommittee);
  apply.set_formal_members_not_transferred(kTemporaryMembers);
  apply.set_application_doc_no(DocNo("申", demo.year));
  auto tb = PbOnceKnown(demo, &PbStub::ApplyTemporaryBranch, apply);

  pbpb::ApproveTemporaryBranchRequest approve;
  approve.set_request_id(demo.Rid("tb-approve", 1));
  approve.set_branch_id(tb.id());
  approve.set_version(tb.version());
  *approve.mutable_approver() = Committee();
  approve.set_approval_doc_no(DocNo("批", demo.year));
  approve.set_secretary_person_id("jm-tb-1");
  tb = demo.Pb(demo.officer, &PbStub::ApproveTemporaryBranch, approve);

  pbpb::FileTemporaryBranchRequest file;
  file.set_request_id(demo.Rid("tb-file", 1));
  file.set_branch_id(tb.id());
  file.set_version(tb.version());
  file.set_filing_doc_no(DocNo("备", demo.year));
  tb = demo.Pb(demo.officer, &PbStub::FileTemporaryBranch, file);

  // PB-06: it educates its members; a term election is refused (nothing is stored either way).
  pbpb::RecordBranchActionRequest action;
  action.set_branch_id(tb.id());
  action.set_action(pbpb::BRANCH_ACTION_EDUCATE);
  demo.Pb(demo.officer, &PbStub::RecordBranchAction, action);
  action.set_action(pbpb::BRANCH_ACTION_HOLD_TERM_ELECTION);
  Temporary out{tb, ""};
  try {
    demo.Pb(demo.officer, &PbStub::RecordBranchAction, action);
    out.refused = "NOT refused";
  } catch (const RpcFailure& e) {
    out.refused = e.what();
  }
  return out;
}

// ---- the year's party life ----------------------------------------------------------------------

// 选派9名机关党员下沉指导: one instructor per new party organization, reaching its organizations.
const std::vector<std::string> kInstructors = {"陈志明", "林晓燕", "黄建国", "郑丽华", "王海峰",
                                               "吴静怡", "刘德胜", "蔡雅琴", "许文斌"};

int AppointInstructors(const Demo& demo, const std::vector<BranchPlan>& plans) {
  int appointed = 0;
  for (size_t k = 0; k < plans.size() && k < kInstructors.size(); ++k) {
    pbpb::AppointInstructorRequest r;
    r.set_request_id(demo.Rid("instructor", static_cast<int>(k + 1)));
    r.set_name(kInstructors[k]);
    for (const auto& id : plans[k].organizations) r.add_reached_organization_ids(id);
    r.set_appointed_on(demo.Day(2, 15));
    demo.Pb(demo.officer, &PbStub::AppointInstructor, r);
    ++appointed;
  }
  return appointed;
}

// PB-13: a branch meeting (组织生活) every month from the founding meeting to this month.
int HoldMeetings(const Demo& demo, const std::vector<pbpb::PartyOrganization>& orgs) {
  static const std::vector<std::string> kSubjects = {
      "支部党员大会：学习党的二十届全会精神", "主题党日：重温入党誓词",
      "党课：社会组织党建工作要点", "组织生活会：对照检查、开展批评与自我批评",
      "主题党日：党员志愿服务进社区"};
  int held = 0, n = 0;
  const int this_month = demo.Day(12, 31).substr(0, 4) == std::to_string(demo.year)
                             ? std::stoi(demo.Day(12, 31).substr(5, 2))
                             : 0;
  for (const auto& po : orgs) {
    const int first = std::stoi(po.term_start().substr(5, 2));
    for (int month = first; month <= this_month; ++month) {
      pbpb::RecordMeetingRequest r;
      r.set_request_id(demo.Rid("meeting", ++n));
      r.set_party_org_id(po.id());
      r.set_kind(pbpb::MEETING_KIND_ORGANIZATIONAL_LIFE);
      r.set_held_on(std::max(demo.Day(month, 20), po.term_start()));
      r.set_entitled(po.formal_members() + po.probationary_members());
      r.set_present(std::max(1, r.entitled() - month % 2));
      r.set_subject(kSubjects[static_cast<size_t>(month) % kSubjects.size()]);
      demo.Pb(demo.officer, &PbStub::RecordMeeting, r);
      ++held;
    }
  }
  return held;
}

// 开展特色党建活动20余场, 孵化“和方程”“双融双促”党建品牌2个; 活动联办 by two organizations now and
// then. All after the branches took office (March).
int HoldActivities(const Demo& demo, const std::vector<pbpb::PartyOrganization>& orgs) {
  struct Spec {
    const char* title;
    const char* brand;
    int participants;
  };
  static const std::vector<Spec> kActivities = {
      {"“和方程”党建园地揭牌暨社工之家开放日", "和方程", 86},
      {"“双融双促”党建引领社会组织发展推进会", "双融双促", 120},
      {"党课联上：社会组织党员学习贯彻党的创新理论", "双融双促", 64},
      {"“和方程”红色社工进社区：独居老人探访", "和方程", 42},
      {"活动联办：党员志愿者助力垃圾分类", "双融双促", 58},
      {"“四个一”教育工程：读一本红色书籍分享会", "", 37},
      {"“和方程”困境儿童关爱行动", "和方程", 45},
      {"资源联用：社会组织党员服务乡村振兴", "双融双促", 51},
      {"“七一”主题党日：重温入党誓词", "", 96},
      {"“和方程”社工党员微课堂", "和方程", 33},
      {"“双融双促”党建业务融合案例交流会", "双融双促", 72},
      {"红色观影：党史学习教育", "", 60},
      {"“和方程”邻里守望志愿服务", "和方程", 48},
      {"党员先锋岗授牌暨服务承诺践诺", "双融双促", 55},
      {"“四个一”教育工程：讲一堂微党课", "", 29},
      {"“和方程”助老助残服务日", "和方程", 40},
      {"“双融双促”赴闽宁协作对口帮扶交流", "双融双促", 26},
      {"优秀非党员分享会：向党组织靠拢", "", 44},
      {"“和方程”社区心理关爱讲座", "和方程", 52},
      {"党建联建共建签约仪式", "双融双促", 68},
      {"国庆主题党日：歌唱祖国快闪", "", 110},
      {"年度党建工作总结暨党员冬训", "双融双促", 89},
  };
  int held = 0;
  for (size_t i = 0; i < kActivities.size() && !orgs.empty(); ++i) {
    const Spec& spec = kActivities[i];
    pbpb::RecordActivityRequest r;
    r.set_request_id(demo.Rid("activity", static_cast<int>(i + 1)));
    // 和方程 is 和欣's brand; the others go round the branches, every third held jointly.
    const size_t host = std::string(spec.brand) == "和方程" ? 0 : (i % orgs.size());
    r.add_party_org_ids(orgs[host].id());
    if (i % 3 == 1 && orgs.size() > 1) r.add_party_org_ids(orgs[(host + 1) % orgs.size()].id());
    const int month = 3 + static_cast<int>(i) * 9 / static_cast<int>(kActivities.size());
    r.set_held_on(
        std::max(demo.Day(month, 8 + static_cast<int>(i % 3) * 7),
                 std::max(orgs[host].term_start(), orgs[(host + 1) % orgs.size()].term_start())));
    r.set_title(spec.title);
    r.set_participants(spec.participants);
    r.set_brand(spec.brand);
    demo.Pb(demo.officer, &PbStub::RecordActivity, r);
    ++held;
  }
  return held;
}

constexpr const char* kEvaluator = "中共厦门市集美区社会组织综合委员会";
constexpr const char* kDistrictCommittee = "中共厦门市集美区委员会";
constexpr int kSixGood = 6;      // of the 9 rated 六个好
constexpr int kStarMembers = 4;  // 4名党员获评非公领域“党员之星”

struct Honours {
  int evaluations = 0, six_good = 0, advanced = 0, stars = 0;
};

Honours EvaluateAndAward(const Demo& demo, const std::vector<pbpb::PartyOrganization>& orgs,
                         const Members& members) {
  Honours h;
  for (size_t k = 0; k < orgs.size(); ++k) {
    pbpb::RecordEvaluationRequest r;
    r.set_request_id(demo.Rid("evaluation", static_cast<int>(k + 1)));
    r.set_party_org_id(orgs[k].id());
    r.set_year(demo.year);
    r.set_six_good(static_cast<int>(k) < kSixGood);
    r.set_evaluated_by(kEvaluator);
    const auto e = demo.Pb(demo.officer, &PbStub::RecordEvaluation, r);
    ++h.evaluations;
    h.six_good += e.six_good();
  }
  if (!orgs.empty()) {  // 和欣社工党支部获评“集美区先进基层党组织”
    pbpb::RecordAwardRequest r;
    r.set_request_id(demo.Rid("award", 1));
    r.set_kind(pbpb::AWARD_KIND_ADVANCED_PARTY_ORG);
    r.set_party_org_id(orgs.front().id());
    r.set_year(demo.year);
    r.set_awarded_by(kDistrictCommittee);
    demo.Pb(demo.officer, &PbStub::RecordAward, r);
    ++h.advanced;
  }
  // 党员之星: formal members spread over the branches.
  const size_t n = members.formal_ids.size();
  for (int s = 0; s < kStarMembers && n > 0; ++s) {
    const std::string& id_number = members.formal_ids[static_cast<size_t>(s) * n / kStarMembers];
    pbpb::RecordAwardRequest r;
    r.set_request_id(demo.Rid("award", 2 + s));
    r.set_kind(pbpb::AWARD_KIND_STAR_MEMBER);
    r.set_member_id_number(id_number);
    r.set_year(demo.year);
    r.set_awarded_by(kDistrictCommittee);
    demo.Pb(demo.officer, &PbStub::RecordAward, r);
    ++h.stars;
  }
  return h;
}

// PB-12 (Fushun): 和欣's annual budget, a major economic matter, studied before the council meeting
// (会前研究) against the six-whether checklist, agreed, executed and followed up to its close.
pbpb::MajorDecision FollowMajorMatter(const Demo& demo, const pbpb::PartyOrganization& po) {
  pbpb::RegisterMajorDecisionRequest reg;
  reg.set_request_id(demo.Rid("decision", 1));
  reg.set_organization_id(po.covered_organization_ids(0));
  reg.set_party_org_id(po.id());
  reg.set_category(pbpb::MATTER_CATEGORY_ECONOMIC_ACTIVITY);
  reg.set_major(true);
  reg.set_title(std::to_string(demo.year) + "年度预算及大额资金使用方案");
  const std::string study = demo.Day(4, 10);
  reg.set_decision_meeting_on(PlusDays(study, 5));
  auto d = demo.Pb(demo.officer, &PbStub::RegisterMajorDecision, reg);

  pbpb::RecordDecisionOpinionRequest opinion;
  opinion.set_request_id(demo.Rid("decision-opinion", 1));
  opinion.set_decision_id(d.id());
  opinion.set_version(d.version());
  auto& o = *opinion.mutable_opinion();
  o.set_form(pbpb::PARTICIPATION_FORM_PRE_MEETING_STUDY);
  pbpb::SixWhether& six = *o.mutable_checklist();  // 六个是否: all six hold
  six.set_follows_party_line(true);
  six.set_lawful(true);
  six.set_within_charter(true);
  six.set_ideologically_sound(true);
  six.set_serves_members_and_public(true);
  six.set_sound_development(true);
  o.set_agree(true);
  o.set_on(study);
  d = demo.Pb(demo.officer, &PbStub::RecordDecisionOpinion, opinion);

  pbpb::StartDecisionExecutionRequest start;
  start.set_request_id(demo.Rid("decision-execute", 1));
  start.set_decision_id(d.id());
  start.set_version(d.version());
  start.set_on(std::max(study, demo.Day(5, 1)));
  d = demo.Pb(demo.officer, &PbStub::StartDecisionExecution, start);

  pbpb::CloseMajorDecisionRequest close;
  close.set_request_id(demo.Rid("decision-close", 1));
  close.set_decision_id(d.id());
  close.set_version(d.version());
  close.set_on(std::max(start.on(), demo.Day(11, 30)));
  return demo.Pb(demo.officer, &PbStub::CloseMajorDecision, close);
}

// ---- summary ----------------------------------------------------------------------------------

std::string Percent(const pbpb::Ratio& r) {
  if (r.denominator() == 0) return "-";
  const int64_t permille = (r.numerator() * 1000 + r.denominator() / 2) / r.denominator();
  return std::to_string(permille / 10) + "." + std::to_string(permille % 10) + " %";
}

std::string TypeName(pbpb::PartyOrgType type) {
  switch (type) {
    case pbpb::PARTY_ORG_TYPE_COMMITTEE:
      return "党委";
    case pbpb::PARTY_ORG_TYPE_GENERAL_BRANCH:
      return "党总支";
    case pbpb::PARTY_ORG_TYPE_BRANCH:
      return "党支部";
    case pbpb::PARTY_ORG_TYPE_JOINT_BRANCH:
      return "联合党支部";
    case pbpb::PARTY_ORG_TYPE_TEMPORARY_BRANCH:
      return "临时党支部";
    default:
      return "?";
  }
}

struct Outcome {
  std::vector<pbpb::PartyOrganization> set_up;  // the demo's, in plan order
  std::string home_org_name;
  Members members;
  int charters_with_clause = 0, charters = 0;
  Temporary temporary;
  pbpb::ListPartyOrganizationsResponse listed;
  pbpb::Coverage coverage;
  int instructors = 0, meetings = 0, activities = 0;
  Honours honours;
  pbpb::MajorDecision decision;
  pbpb::Summary summary;
};

void PrintSummary(const Context& ctx, const Demo& demo, const Outcome& o, double seconds) {
  std::ostream& out = ctx.out;
  out << "party building (" << demo.jurisdiction << ") in " << static_cast<int>(seconds * 10) / 10.0
      << " s:\n";
  std::map<std::string, int> by_type;
  int active = 0, one_shoulder = 0, cross = 0, formal = 0, probationary = 0;
  std::vector<std::string> covered;
  for (const auto& po : o.listed.party_organizations()) {
    by_type[TypeName(po.type())] += 1;
    active += po.state() == pbpb::PARTY_ORG_STATE_ACTIVE;
    one_shoulder += po.leadership().secretary_is_org_head();
    cross += po.leadership().cross_appointed();
    formal += po.formal_members();
    probationary += po.probationary_members();
    covered.insert(covered.end(), po.covered_organization_ids().begin(),
                   po.covered_organization_ids().end());
  }
  std::sort(covered.begin(), covered.end());
  covered.erase(std::unique(covered.begin(), covered.end()), covered.end());
  out << "  party organizations: " << o.listed.party_organizations_size() << " (";
  bool first = true;
  for (const auto& [type, n] : by_type) {
    out << (first ? "" : ", ") << n << " " << type;
    first = false;
  }
  out << "), " << active << " ACTIVE, approved by " << kCommitteeName << " (" << kCommittee
      << "), covering " << covered.size() << " organizations (many-to-many); " << one_shoulder
      << " 一肩挑, " << cross << " cross-appointed (交叉任职)\n";
  if (!o.set_up.empty()) {
    const auto& home = o.set_up.front();
    out << "    " << home.id() << " 和欣社工党支部 (" << o.home_org_name
        << "): " << home.formal_members() << " formal members, a branch committee of "
        << home.leadership().committee_size() << " (PB-04)\n";
  }
  out << "  temporary branches: 1 临时党支部 " << o.temporary.branch.id() << " in the council of "
      << o.temporary.branch.host_organization_id() << " ("
      << o.temporary.branch.formal_members_not_transferred()
      << " formal members not transferred in, PB-07), term " << o.temporary.branch.term_start()
      << ".." << o.temporary.branch.term_end() << " (the council's), "
      << pbpb::PartyOrgState_Name(o.temporary.branch.state()) << "; applied "
      << o.temporary.branch.records().application_doc_no() << " "
      << o.temporary.branch.records().applied_on() << ", approved "
      << o.temporary.branch.records().approval_doc_no() << " "
      << o.temporary.branch.records().approved_on() << ", filed "
      << o.temporary.branch.records().filing_doc_no() << " "
      << o.temporary.branch.records().filed_on() << "\n";
  out << "    a term election in it: " << o.temporary.refused << "\n";
  out << "  members: " << o.members.formal + o.members.probationary << " records ("
      << o.members.formal << " formal, " << o.members.probationary << " probationary), "
      << o.members.transferred_in << " transferred in; the organizations declare " << formal
      << " formal and " << probationary << " probationary\n";
  out << "  charters with the party-building clause (PB-09): " << o.charters_with_clause << " of "
      << o.charters << " named here\n";
  const auto& c = o.coverage;
  out << "  coverage " << c.jurisdiction() << " (PB-08): organization "
      << c.organization().numerator() << "/" << c.organization().denominator() << " ("
      << Percent(c.organization()) << "), work " << c.work().numerator() << "/"
      << c.work().denominator() << " (" << Percent(c.work()) << "); required but missing (PB-01) "
      << c.required_but_missing_size() << "\n";
  const auto& s = o.summary;
  out << "  the year " << demo.year << ": " << o.instructors
      << " instructors (党建指导员) sent down, " << o.meetings << " branch meetings (PB-13), "
      << s.activities() << " activities with " << s.activity_participants()
      << " participants under " << s.brands() << " brands (和方程, 双融双促)\n";
  out << "    evaluations: " << s.evaluations() << " (" << s.six_good()
      << " rated 六个好); awards: " << s.advanced_party_org_awards()
      << " 先进基层党组织 (和欣社工党支部), " << s.star_member_awards() << " 党员之星\n";
  out << "    major matters (PB-12): " << s.major_decisions() << " (" << o.decision.id() << " "
      << o.decision.title() << ": 会前研究, agreed, "
      << pbpb::DecisionState_Name(o.decision.state()) << "), " << s.major_decisions_escalated()
      << " escalated\n";
  out << "  summary " << s.jurisdiction() << ": " << s.formal_members() << " formal and "
      << s.probationary_members() << " probationary members, " << s.transferred_in()
      << " transferred in; " << s.secretary_is_head() << " 一肩挑, " << s.with_cross_appointment()
      << " with cross-appointment (" << s.cross_appointed_people()
      << " people); charter clause (PB-09) " << s.charter_clause().numerator() << "/"
      << s.charter_clause().denominator() << "\n";
}

}  // namespace

int DemoPartyBuilding(const Context& ctx, const Config& flags) {
  const std::string& dir = Required(flags, "tokens-dir");
  const auto start = Clock::now();
  Demo demo{
      .officer = As(ctx, dir, "party_work_officer"),
      .registrar = As(ctx, dir, "registrar"),
      .viewer = As(ctx, dir, "viewer"),
      .pb = PartyBuildingStub(ctx),
      .reg = RegistrationStub(ctx),
      .jurisdiction = flags.GetJurisdiction("jurisdiction"),
      .year = static_cast<int>(flags.GetInt("year", 2000, 2999)),
      .today = ChinaToday(),
  };
  auto orgs = ActiveOrgs(demo);
  const Chosen chosen = Choose(orgs);
  Outcome o;
  o.home_org_name = orgs.at(chosen.covered.front()).profile().name();

  // The charters first (registration), so that the clause reaches party building by the time the
  // branches are set up; the host's council term too.
  for (size_t i = 0; i < chosen.covered.size(); ++i) {
    const auto& org = orgs.at(chosen.covered[i]) =
        RecordClause(demo, static_cast<int>(i + 1), orgs.at(chosen.covered[i]));
    o.charters_with_clause += org.articles().party_building_clause();
    ++o.charters;
  }
  orgs.at(chosen.host) = RecordTerm(
      demo, RecordClause(demo, static_cast<int>(chosen.covered.size() + 1), orgs.at(chosen.host)));
  ctx.err << "demo party-building: " << o.charters << " charters with the clause; setting up "
          << "the party organizations\n";

  const std::vector<BranchPlan> plans = demo_pb::PlanBranches(chosen.covered);
  int member = 0;
  for (size_t k = 0; k < plans.size(); ++k) {
    o.set_up.push_back(SetUp(demo, static_cast<int>(k + 1), plans[k]));
    AddMembers(demo, plans[k], o.set_up.back().id(), &member, &o.members);
  }
  o.temporary = RunTemporary(demo, chosen.host);
  ctx.err << "demo party-building: " << o.set_up.size() << " party organizations and a temporary "
          << "branch; the year's party life\n";
  o.instructors = AppointInstructors(demo, plans);
  o.meetings = HoldMeetings(demo, o.set_up);
  o.activities = HoldActivities(demo, o.set_up);
  o.honours = EvaluateAndAward(demo, o.set_up, o.members);
  if (!o.set_up.empty()) o.decision = FollowMajorMatter(demo, o.set_up.front());

  pbpb::ListPartyOrganizationsRequest list;
  list.set_jurisdiction(demo.jurisdiction);
  o.listed = demo.Pb(demo.officer, &PbStub::ListPartyOrganizations, list);
  pbpb::GetCoverageRequest coverage;
  coverage.set_jurisdiction(demo.jurisdiction);
  o.coverage = demo.Pb(demo.viewer, &PbStub::GetCoverage, coverage);
  // The charters reach party building through registration's events: the summary is read once
  // it counts every clause recorded here (or after a deadline, as it then is).
  pbpb::GetSummaryRequest summary;
  summary.set_jurisdiction(demo.jurisdiction);
  summary.set_year(demo.year);
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  while (true) {
    o.summary = demo.Pb(demo.viewer, &PbStub::GetSummary, summary);
    if (o.summary.charter_clause().numerator() > o.charters || Clock::now() > deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const std::chrono::duration<double> took = Clock::now() - start;
  PrintSummary(ctx, demo, o, took.count());
  return kExitOk;
}

}  // namespace socgov::ctl
