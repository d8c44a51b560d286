#include "party_building/app/party_work.h"

#include <algorithm>
#include <set>

#include "party_building/app/entity_command.h"
#include "party_building/app/support.h"
#include "party_building/app/views.h"
#include "party_building/domain/member.h"
#include "platform/auth/scope.h"
#include "platform/directory/directory.h"
#include "socgov/party_building/v1/events.pb.h"

namespace socgov::party_building {
namespace {

namespace ev = ::socgov::party_building::v1;

constexpr const char* kOrgKind = "party_org";
constexpr const char* kBranchKind = "branch";

v1::TemporaryBranch ToProto(const StoredBranch& s) {
  const TemporaryBranch& b = s.branch;
  v1::TemporaryBranch p;
  p.set_id(b.id);
  p.set_host_organization_id(b.host_org_id);
  p.set_jurisdiction(s.jurisdiction);
  p.set_parent_id(b.parent_id);
  p.set_formal_members_not_transferred(b.formal_members_not_transferred);
  p.set_term_start(DateText(b.term.start));
  p.set_term_end(DateText(b.term.end));
  p.set_state(static_cast<v1::PartyOrgState>(int(b.state) + 1));
  p.set_approved_by(b.approved_by);
  p.set_secretary_person_id(b.secretary_person_id);
  auto* r = p.mutable_records();
  r->set_applied_on(DateText(b.records.applied_on));
  r->set_application_doc_no(b.records.application_doc_no);
  if (b.records.approved_on) r->set_approved_on(FormatDate(*b.records.approved_on));
  r->set_approval_doc_no(b.records.approval_doc_no);
  if (b.records.filed_on) r->set_filed_on(FormatDate(*b.records.filed_on));
  r->set_filing_doc_no(b.records.filing_doc_no);
  if (b.dissolution) {
    p.set_dissolved_on(FormatDate(b.dissolution->on));
    p.set_dissolution_reason(static_cast<v1::DissolutionReason>(int(b.dissolution->reason) + 1));
  }
  p.set_version(s.version);
  return p;
}

v1::PartyMember ToProto(const StoredMember& s) {
  v1::PartyMember p;
  p.set_id_number_masked(MaskIdNumber(s.member.id_number));
  p.set_kind(s.member.kind == MemberKind::kFormal ? v1::MEMBER_KIND_FORMAL
                                                  : v1::MEMBER_KIND_PROBATIONARY);
  p.set_membership_transferred_in(s.member.membership_transferred_in);
  p.set_party_org_id(s.member.party_org_id);
  p.set_works_at_organization_id(s.works_at_org_id);
  p.set_version(s.version);
  return p;
}

ev::PartyOrgChanged OrgEvent(const StoredOrg& s, Date on, const auth::Principal& who,
                             std::initializer_list<const char*> rules) {
  ev::PartyOrgChanged b;
  b.set_party_org_id(s.org.id);
  b.set_jurisdiction(s.jurisdiction);
  b.set_type(int(s.org.type) + 1);
  b.set_state(int(s.org.state) + 1);
  for (const auto& c : s.org.covered_org_ids) b.add_covered_organization_ids(c);
  b.set_formal_members(s.org.formal_members);
  b.set_probationary_members(s.org.probationary_members);
  b.set_parent_id(s.org.parent_id);
  b.set_approved_by(s.org.approved_by);
  b.set_on(FormatDate(on));
  SetActor(who, b.mutable_actor());
  for (const char* r : rules) b.add_rule_ids(r);
  return b;
}

// The event's code of a dissolution reason (events.proto: TERM_ENDED | HOST_CANCELLED |
// HOST_REVOKED), stable for subscribers, unlike the domain's readable name.
std::string ReasonCode(DissolutionReason r) {
  switch (r) {
    case DissolutionReason::kTermEnded:
      return "TERM_ENDED";
    case DissolutionReason::kHostCancelled:
      return "HOST_CANCELLED";
    case DissolutionReason::kHostRevoked:
      return "HOST_REVOKED";
  }
  return "UNSPECIFIED";
}

ev::TemporaryBranchChanged BranchEvent(const StoredBranch& s, Date on, const std::string& doc_no,
                                       const auth::Principal& who,
                                       std::initializer_list<const char*> rules) {
  ev::TemporaryBranchChanged b;
  b.set_branch_id(s.branch.id);
  b.set_host_organization_id(s.branch.host_org_id);
  b.set_jurisdiction(s.jurisdiction);
  b.set_state(int(s.branch.state) + 1);
  b.set_parent_id(s.branch.parent_id);
  b.set_formal_members_not_transferred(s.branch.formal_members_not_transferred);
  b.set_term_end(FormatDate(s.branch.term.end));
  b.set_on(FormatDate(on));
  b.set_doc_no(doc_no);
  if (s.branch.dissolution) b.set_dissolution_reason(ReasonCode(s.branch.dissolution->reason));
  SetActor(who, b.mutable_actor());
  for (const char* r : rules) b.add_rule_ids(r);
  return b;
}

Result<Approver> ApproverOf(const v1::Approver& a) {
  if (auto err = ValidateId("approver.party_org_id", a.party_org_id())) return *err;
  return Approver{a.party_org_id(), a.may_approve_establishment(),
                  a.may_approve_probationary_members()};
}

Status ValidateCount(const char* field, std::int32_t n) {
  if (n < 0) return Error::InvalidArgument(field, "must not be negative");
  if (n > 100000) return Error::InvalidArgument(field, "more than 100000");
  return std::nullopt;
}

std::string OrgJurisdiction(const StoredOrg& s) { return s.jurisdiction; }
std::string BranchJurisdiction(const StoredBranch& s) { return s.jurisdiction; }

}  // namespace

PartyWork::PartyWork(PartyBuildingStore& store, directory::Directory& directory, const Clock& clock,
                     std::string authority, int escalation_days)
    : store_(store),
      directory_(directory),
      clock_(clock),
      authority_(std::move(authority)),
      escalation_days_(escalation_days) {}

std::vector<std::string> PartyWork::HigherChain(const std::string& parent_id) {
  std::vector<std::string> chain;
  std::string next = parent_id;
  while (!next.empty() && chain.size() < 16 &&
         std::find(chain.begin(), chain.end(), next) == chain.end()) {
    chain.push_back(next);
    auto rows = store_.Read({{"HGETALL", keys::Org(next)}});
    const auto hash = store::FlatHash(rows[0]);
    if (hash.empty()) break;  // a higher organization outside this service (e.g. 综合党委)
    auto parent = DecodeOrg(hash);
    if (!parent.ok()) break;
    next = parent->org.parent_id;
  }
  return chain;
}

Result<PartyWork::Links> PartyWork::AllLinks() {
  Links l;
  auto orgs = store_.AllOrgs();
  if (!orgs.ok()) return orgs.error();
  l.orgs = std::move(*orgs);
  auto branches = store_.AllBranches();
  if (!branches.ok()) return branches.error();
  l.branches = std::move(*branches);
  auto instructors = store_.AllInstructors();
  if (!instructors.ok()) return instructors.error();
  l.instructors = std::move(*instructors);
  return l;
}

Result<PartyWork::Computed> PartyWork::CoverageOf(const std::string& jurisdiction,
                                                  const Links& links) {
  CoverageInput in;
  std::vector<std::vector<std::string>> reads;
  // Exactly this jurisdiction's organizations (a city's own, not its districts'): the parts a
  // roll-up adds up must not overlap.
  for (const auto& e : directory_.List(jurisdiction, 0, 1'000'000)) {
    if (!InScope(e) || e.jurisdiction != jurisdiction) continue;
    in.orgs_in_scope.push_back(e.id);
    reads.push_back({"GET", keys::Formal(e.id)});
  }
  for (const auto& s : links.orgs)
    if (Counts(s.org.state) && s.jurisdiction == jurisdiction)
      in.links.push_back({s.org.id, s.org.covered_org_ids});
  // Temporary branches reach their host (work coverage); they are not a regular party
  // organization of it, so organization coverage does not count them.
  for (const auto& b : links.branches)
    if (Counts(b.branch.state) && b.jurisdiction == jurisdiction)
      in.instructor_reached.push_back(b.branch.host_org_id);
  for (const auto& i : links.instructors)
    if (i.value.Serving() && i.jurisdiction == jurisdiction)
      for (const auto& id : i.value.reached_org_ids) in.instructor_reached.push_back(id);
  auto c = ComputeCoverage(in);
  if (!c.ok()) return c.error();
  std::vector<OrgPartyFacts> facts;
  const auto counts = store_.Read(reads);
  for (size_t i = 0; i < in.orgs_in_scope.size(); ++i)
    facts.push_back(
        {in.orgs_in_scope[i], counts[i].str.empty() ? 0 : std::atoi(counts[i].str.c_str())});
  return Computed{*c, RequiredButMissing(facts, in.links)};
}

namespace {

// The values a mutation commits replace the stored ones (matched by `id_of`).
template <typename T, typename IdOf>
void Overlay(std::vector<T>& all, const std::vector<T>& changes, IdOf id_of) {
  for (const auto& after : changes) {
    auto it =
        std::find_if(all.begin(), all.end(), [&](const T& s) { return id_of(s) == id_of(after); });
    if (it == all.end())
      all.push_back(after);
    else
      *it = after;
  }
}

}  // namespace

Status PartyWork::AddCoverageEvent(Mutation& m, const std::string& jurisdiction,
                                   const std::vector<StoredOrg>& org_changes,
                                   const std::vector<StoredBranch>& branch_changes,
                                   const std::string& cause, const auth::Principal& who,
                                   TimePoint now,
                                   const std::vector<StoredInstructor>& instructor_changes) {
  auto links = AllLinks();
  if (!links.ok()) return links.error();
  Overlay(links->orgs, org_changes, [](const StoredOrg& s) { return s.org.id; });
  Overlay(links->branches, branch_changes, [](const StoredBranch& s) { return s.branch.id; });
  Overlay(links->instructors, instructor_changes,
          [](const StoredInstructor& s) { return s.value.id; });
  auto c = CoverageOf(jurisdiction, *links);
  if (!c.ok()) return c.error();
  const std::string counter = keys::Serial("coverage:" + jurisdiction);
  const auto row = store_.Read({{"GET", counter}});
  const std::int64_t seq = row[0].str.empty() ? 0 : std::atoll(row[0].str.c_str());
  m.guards.push_back({Mutation::Guard::Kind::kCounter, counter, std::to_string(seq),
                      "coverage of " + jurisdiction});
  ev::CoverageChanged b;
  b.set_jurisdiction(jurisdiction);
  b.set_organization_numerator(c->coverage.organization.numerator);
  b.set_organization_denominator(c->coverage.organization.denominator);
  b.set_work_numerator(c->coverage.work.numerator);
  b.set_work_denominator(c->coverage.work.denominator);
  b.set_cause(cause);
  b.add_rule_ids("PB-08");
  m.events.push_back(MakeEvent(b, authority_, "coverage", "changed", jurisdiction, seq + 1,
                               jurisdiction, who.subject, now));
  return std::nullopt;
}

// ---- party organizations ---------------------------------------------------------------------

Result<v1::PartyOrganization> PartyWork::Propose(const auth::Principal& who,
                                                 const v1::ProposePartyOrganizationRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  if (req.type() == v1::PARTY_ORG_TYPE_UNSPECIFIED || req.type() > v1::PARTY_ORG_TYPE_JOINT_BRANCH)
    return Error::InvalidArgument("type", req.type() == v1::PARTY_ORG_TYPE_TEMPORARY_BRANCH
                                              ? "temporary branches: ApplyTemporaryBranch"
                                              : "required: COMMITTEE, GENERAL_BRANCH, BRANCH or "
                                                "JOINT_BRANCH");
  if (auto err = ValidateCount("formal_members", req.formal_members())) return *err;
  if (auto err = ValidateCount("probationary_members", req.probationary_members())) return *err;
  if (!req.parent_id().empty())
    if (auto err = ValidateId("parent_id", req.parent_id())) return *err;
  auto on = DayOrToday("proposed_on", req.proposed_on(), today);
  if (!on.ok()) return on.error();
  if (req.covered_organization_ids().empty())
    return Error::InvalidArgument("covered_organization_ids",
                                  "must name at least one organization");
  std::set<std::string> seen;
  std::string jurisdiction;
  for (const auto& id : req.covered_organization_ids()) {
    if (!seen.insert(id).second)
      return Error::InvalidArgument("covered_organization_ids", "lists " + id + " twice");
    if (auto err = ValidateId("covered_organization_ids", id)) return *err;
    auto entry = directory_.Get(id);
    if (!entry)
      return Error::InvalidArgument("covered_organization_ids",
                                    "organization " + id + " is not registered");
    if (!InScope(*entry))
      return Error::InvalidArgument("covered_organization_ids",
                                    "organization " + id + " is " + entry->status);
    if (jurisdiction.empty()) jurisdiction = entry->jurisdiction;
    if (entry->jurisdiction != jurisdiction)
      return Error::InvalidArgument("covered_organization_ids",
                                    "organizations of one jurisdiction only");
  }
  PartyOrganization draft;
  draft.id = "draft";
  draft.type = static_cast<PartyOrgType>(int(req.type()) - 1);
  draft.parent_id = req.parent_id();
  draft.covered_org_ids = {req.covered_organization_ids().begin(),
                           req.covered_organization_ids().end()};
  draft.formal_members = req.formal_members();
  draft.probationary_members = req.probationary_members();
  draft.size_exception_approved = req.size_exception_approved();
  // PB-01..03 before anything is spent (an id's serial included).
  auto checked = party_building::Propose(draft, *on);
  if (!checked.ok()) return checked.error();
  if (auto err = CheckWrite(who, jurisdiction)) return *err;
  return CreateEntity<StoredOrg, v1::PartyOrganization>(
      store_, who, "ProposePartyOrganization", req.request_id(), authority_, kOrgKind, "PO",
      keys::Org, keys::kOrgs,
      [&](const std::string& id, Mutation& m) -> Result<StoredOrg> {
        StoredOrg s{*checked, jurisdiction, 1};
        s.org.id = id;
        m.events.push_back(MakeEvent(OrgEvent(s, *on, who, {"PB-01", "PB-02", "PB-03"}), authority_,
                                     kOrgKind, "proposed", id, 1, jurisdiction, who.subject, now));
        return s;
      },
      EncodeOrg, [](const StoredOrg& s) { return ToProto(s); });
}

Result<v1::PartyOrganization> PartyWork::Approve(const auth::Principal& who,
                                                 const v1::ApprovePartyOrganizationRequest& req) {
  auto approver = ApproverOf(req.approver());
  if (!approver.ok()) return approver.error();
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("approved_on", req.approved_on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  return UpdateEntity<StoredOrg, v1::PartyOrganization>(
      store_, who, "ApprovePartyOrganization", req.request_id(), kOrgKind, req.party_org_id(),
      req.version(), keys::Org, DecodeOrg, EncodeOrg, OrgJurisdiction,
      [](const StoredOrg& s) { return ToProto(s); }, {},
      [&](const StoredOrg& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredOrg> {
        auto org =
            party_building::Approve(before.org, *approver, HigherChain(before.org.parent_id), *on);
        if (!org.ok()) return org.error();
        StoredOrg after{*org, before.jurisdiction, before.version + 1};
        m.events.push_back(MakeEvent(OrgEvent(after, *on, who, {"PB-05"}), authority_, kOrgKind,
                                     "approved", after.org.id, after.version, after.jurisdiction,
                                     who.subject, now));
        if (auto err = AddCoverageEvent(m, after.jurisdiction, {after}, {}, "party_org.approved",
                                        who, now))
          return *err;
        return after;
      });
}

Result<v1::PartyOrganization> PartyWork::Activate(const auth::Principal& who,
                                                  const v1::ActivatePartyOrganizationRequest& req) {
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("on", req.on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  auto term = TermFrom(req.term_start(), req.term_end());
  if (!term.ok()) return term.error();
  auto leadership = LeadershipFrom(req.leadership());
  if (!leadership.ok()) return leadership.error();
  return UpdateEntity<StoredOrg, v1::PartyOrganization>(
      store_, who, "ActivatePartyOrganization", req.request_id(), kOrgKind, req.party_org_id(),
      req.version(), keys::Org, DecodeOrg, EncodeOrg, OrgJurisdiction,
      [](const StoredOrg& s) { return ToProto(s); }, {},
      [&](const StoredOrg& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredOrg> {
        auto org = party_building::Activate(before.org, *leadership, *term, *on);
        if (!org.ok()) return org.error();
        StoredOrg after{*org, before.jurisdiction, before.version + 1};
        m.events.push_back(MakeEvent(OrgEvent(after, *on, who, {"PB-04"}), authority_, kOrgKind,
                                     "established", after.org.id, after.version, after.jurisdiction,
                                     who.subject, now));
        return after;
      });
}

Result<v1::PartyOrganization> PartyWork::Dissolve(const auth::Principal& who,
                                                  const v1::DissolvePartyOrganizationRequest& req) {
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("dissolved_on", req.dissolved_on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  return UpdateEntity<StoredOrg, v1::PartyOrganization>(
      store_, who, "DissolvePartyOrganization", req.request_id(), kOrgKind, req.party_org_id(),
      req.version(), keys::Org, DecodeOrg, EncodeOrg, OrgJurisdiction,
      [](const StoredOrg& s) { return ToProto(s); }, {},
      [&](const StoredOrg& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredOrg> {
        auto org = party_building::Dissolve(before.org, *on);
        if (!org.ok()) return org.error();
        StoredOrg after{*org, before.jurisdiction, before.version + 1};
        m.events.push_back(MakeEvent(OrgEvent(after, *on, who, {}), authority_, kOrgKind,
                                     "dissolved", after.org.id, after.version, after.jurisdiction,
                                     who.subject, now));
        if (Counts(before.org.state)) {
          if (auto err = AddCoverageEvent(m, after.jurisdiction, {after}, {}, "party_org.dissolved",
                                          who, now))
            return *err;
          // PB-01/PB-11: an organization this one covered that has 3 formal members and no other
          // party organization is again one that should have one.
          auto orgs = store_.AllOrgs();
          if (!orgs.ok()) return orgs.error();
          for (const auto& covered : before.org.covered_org_ids) {
            bool still = false;
            for (const auto& s : *orgs)
              if (s.org.id != before.org.id && Counts(s.org.state))
                still =
                    still || std::find(s.org.covered_org_ids.begin(), s.org.covered_org_ids.end(),
                                       covered) != s.org.covered_org_ids.end();
            if (still || !directory_.Get(covered)) continue;
            const auto row = store_.Read({{"GET", keys::Formal(covered)}});
            const std::int64_t formal = row[0].str.empty() ? 0 : std::atoll(row[0].str.c_str());
            if (formal >= kMinFormalForBranch)
              if (auto err =
                      AddRequiredMissing(m, covered, formal, "party_org.dissolved", who, now))
                return *err;
          }
        }
        return after;
      });
}

Result<v1::PartyOrganization> PartyWork::GetOrg(const auth::Principal& who,
                                                const v1::GetPartyOrganizationRequest& req) {
  if (auto err = ValidateId("party_org_id", req.party_org_id())) return *err;
  const auto hash = store::FlatHash(store_.Read({{"HGETALL", keys::Org(req.party_org_id())}})[0]);
  if (hash.empty())
    return Error::NotFound("party organization " + req.party_org_id() + " not found");
  auto s = DecodeOrg(hash);
  if (!s.ok()) return s.error();
  if (auto err = CheckRead(who, s->jurisdiction)) return *err;
  return ToProto(*s);
}

Result<v1::ListPartyOrganizationsResponse> PartyWork::ListOrgs(
    const auth::Principal& who, const v1::ListPartyOrganizationsRequest& req) {
  const std::string jur = req.jurisdiction().empty() ? who.jurisdiction : req.jurisdiction();
  if (auto err = CheckRead(who, jur)) return *err;
  if (req.limit() < 0) return Error::InvalidArgument("limit", "must not be negative");
  const int limit = req.limit() == 0 ? 500 : std::min(req.limit(), 500);
  auto orgs = store_.AllOrgs();
  if (!orgs.ok()) return orgs.error();
  v1::ListPartyOrganizationsResponse out;
  for (const auto& s : *orgs)
    if (auth::JurisdictionCovers(jur, s.jurisdiction) && out.party_organizations_size() < limit)
      *out.add_party_organizations() = ToProto(s);
  return out;
}

// ---- temporary branches ----------------------------------------------------------------------

Result<v1::TemporaryBranch> PartyWork::ApplyBranch(const auth::Principal& who,
                                                   const v1::ApplyTemporaryBranchRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  if (auto err = ValidateId("host_organization_id", req.host_organization_id())) return *err;
  if (auto err = ValidateId("parent_id", req.parent_id())) return *err;
  if (auto err =
          ValidateCount("formal_members_not_transferred", req.formal_members_not_transferred()))
    return *err;
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("applied_on", req.applied_on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  auto host = directory_.Get(req.host_organization_id());
  if (!host)
    return Error::InvalidArgument(
        "host_organization_id",
        "organization " + req.host_organization_id() + " is not registered");
  if (host->status != "ACTIVE")
    return Error::FailedPrecondition("state " + host->status + ": organization " + host->id +
                                     " is not active (PB-07)");
  // PB-07: the term is the council's, as registration recorded it.
  const auto start = ParseDate(host->term_start);
  const auto end =
      ParseDate(!host->term_extension_until.empty() ? host->term_extension_until : host->term_end);
  if (!start || !end)
    return Error::FailedPrecondition("organization " + host->id +
                                     " has no council term recorded (PB-07)");
  const CouncilFacts council{host->id, Term{*start, *end}, req.formal_members_not_transferred()};
  auto checked =
      ApplyForTemporaryBranch("draft", req.parent_id(), council, req.application_doc_no(), *on);
  if (!checked.ok()) return checked.error();
  if (auto err = CheckWrite(who, host->jurisdiction)) return *err;
  return CreateEntity<StoredBranch, v1::TemporaryBranch>(
      store_, who, "ApplyTemporaryBranch", req.request_id(), authority_, kBranchKind, "TB",
      keys::Branch, keys::kBranches,
      [&](const std::string& id, Mutation& m) -> Result<StoredBranch> {
        StoredBranch s{*checked, host->jurisdiction, 1};
        s.branch.id = id;
        m.zops.push_back({keys::BranchesOf(host->id), id, "0"});
        m.events.push_back(MakeEvent(BranchEvent(s, *on, req.application_doc_no(), who, {"PB-07"}),
                                     authority_, "temporary_branch", "applied", id, 1,
                                     host->jurisdiction, who.subject, now));
        return s;
      },
      EncodeBranch, [](const StoredBranch& s) { return ToProto(s); });
}

Result<v1::TemporaryBranch> PartyWork::ApproveBranch(const auth::Principal& who,
                                                     const v1::ApproveTemporaryBranchRequest& req) {
  auto approver = ApproverOf(req.approver());
  if (!approver.ok()) return approver.error();
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("approved_on", req.approved_on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  return UpdateEntity<StoredBranch, v1::TemporaryBranch>(
      store_, who, "ApproveTemporaryBranch", req.request_id(), kBranchKind, req.branch_id(),
      req.version(), keys::Branch, DecodeBranch, EncodeBranch, BranchJurisdiction,
      [](const StoredBranch& s) { return ToProto(s); }, {},
      [&](const StoredBranch& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredBranch> {
        auto b =
            ApproveTemporaryBranch(before.branch, *approver, HigherChain(before.branch.parent_id),
                                   req.approval_doc_no(), req.secretary_person_id(), *on);
        if (!b.ok()) return b.error();
        StoredBranch after{*b, before.jurisdiction, before.version + 1};
        m.events.push_back(
            MakeEvent(BranchEvent(after, *on, req.approval_doc_no(), who, {"PB-06", "PB-07"}),
                      authority_, "temporary_branch", "approved", after.branch.id, after.version,
                      after.jurisdiction, who.subject, now));
        if (auto err = AddCoverageEvent(m, after.jurisdiction, {}, {after},
                                        "temporary_branch.approved", who, now))
          return *err;
        return after;
      });
}

Result<v1::TemporaryBranch> PartyWork::FileBranch(const auth::Principal& who,
                                                  const v1::FileTemporaryBranchRequest& req) {
  const TimePoint now = clock_.Now();
  auto on = DayOrToday("filed_on", req.filed_on(), ChinaDate(now));
  if (!on.ok()) return on.error();
  return UpdateEntity<StoredBranch, v1::TemporaryBranch>(
      store_, who, "FileTemporaryBranch", req.request_id(), kBranchKind, req.branch_id(),
      req.version(), keys::Branch, DecodeBranch, EncodeBranch, BranchJurisdiction,
      [](const StoredBranch& s) { return ToProto(s); }, {},
      [&](const StoredBranch& before, const std::vector<store::Value>&,
          Mutation& m) -> Result<StoredBranch> {
        auto b = FileTemporaryBranch(before.branch, req.filing_doc_no(), *on);
        if (!b.ok()) return b.error();
        StoredBranch after{*b, before.jurisdiction, before.version + 1};
        m.events.push_back(MakeEvent(BranchEvent(after, *on, req.filing_doc_no(), who, {}),
                                     authority_, "temporary_branch", "filed", after.branch.id,
                                     after.version, after.jurisdiction, who.subject, now));
        return after;
      });
}

Result<v1::TemporaryBranch> PartyWork::GetBranch(const auth::Principal& who,
                                                 const v1::GetTemporaryBranchRequest& req) {
  if (auto err = ValidateId("branch_id", req.branch_id())) return *err;
  const auto hash = store::FlatHash(store_.Read({{"HGETALL", keys::Branch(req.branch_id())}})[0]);
  if (hash.empty()) return Error::NotFound("temporary branch " + req.branch_id() + " not found");
  auto s = DecodeBranch(hash);
  if (!s.ok()) return s.error();
  if (auto err = CheckRead(who, s->jurisdiction)) return *err;
  return ToProto(*s);
}

Result<v1::RecordBranchActionResponse> PartyWork::BranchAction(
    const auth::Principal& who, const v1::RecordBranchActionRequest& req) {
  if (req.action() == v1::BRANCH_ACTION_UNSPECIFIED || !v1::BranchAction_IsValid(req.action()))
    return Error::InvalidArgument("action", "required");
  if (auto err = ValidateId("branch_id", req.branch_id())) return *err;
  const auto hash = store::FlatHash(store_.Read({{"HGETALL", keys::Branch(req.branch_id())}})[0]);
  if (hash.empty()) return Error::NotFound("temporary branch " + req.branch_id() + " not found");
  auto s = DecodeBranch(hash);
  if (!s.ok()) return s.error();
  if (auto err = CheckWrite(who, s->jurisdiction)) return *err;
  if (auto err =
          CheckAction(s->branch, static_cast<party_building::BranchAction>(int(req.action()) - 1)))
    return *err;
  v1::RecordBranchActionResponse out;
  out.set_branch_id(req.branch_id());
  out.set_action(req.action());
  return out;
}

Result<std::optional<Mutation>> PartyWork::DecideHostEnded(const std::string& event_id,
                                                           const std::string& org_id,
                                                           HostStatus status) {
  const auto ids = store_.Read({{"ZRANGE", keys::BranchesOf(org_id), "0", "-1"}});
  std::vector<std::vector<std::string>> reads;
  for (const auto& id : ids[0].elements) reads.push_back({"HGETALL", keys::Branch(id.str)});
  if (reads.empty()) return std::optional<Mutation>();
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  const auth::Principal actor{"party_building.router", {"party_work_officer"}, authority_, 0};
  Mutation m;
  m.outbox_key = kOutboxKey;
  std::vector<StoredBranch> changed;
  for (const auto& row : store_.Read(reads)) {
    auto before = DecodeBranch(store::FlatHash(row));
    if (!before.ok()) return before.error();
    auto d = DissolutionFor(before->branch, status, today);
    if (!d) continue;
    auto b = DissolveTemporaryBranch(before->branch, *d);
    if (!b.ok()) return b.error();
    StoredBranch after{*b, before->jurisdiction, before->version + 1};
    m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Branch(after.branch.id),
                        std::to_string(before->version), "branch " + after.branch.id});
    m.hashes.push_back({keys::Branch(after.branch.id), EncodeBranch(after)});
    auto body = BranchEvent(after, d->on, "", actor, {"PB-06", "PB-07"});
    body.set_cause_event_id(event_id);
    m.events.push_back(MakeEvent(body, authority_, "temporary_branch", "dissolved", after.branch.id,
                                 after.version, after.jurisdiction, actor.subject, now));
    changed.push_back(after);
  }
  if (changed.empty()) return std::optional<Mutation>();
  if (auto err = AddCoverageEvent(m, changed.front().jurisdiction, {}, changed,
                                  "temporary_branch.dissolved", actor, now))
    return *err;
  return std::optional<Mutation>(std::move(m));
}

Result<int> PartyWork::SweepTerms() {
  auto branches = store_.AllBranches();
  if (!branches.ok()) return branches.error();
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  const auth::Principal actor{"party_building.sweeper", {"party_work_officer"}, authority_, 0};
  int dissolved = 0;
  for (const auto& before : *branches) {
    auto d = DissolutionFor(before.branch, HostStatus::kActive, today);
    if (!d) continue;
    auto b = DissolveTemporaryBranch(before.branch, *d);
    if (!b.ok()) return b.error();
    StoredBranch after{*b, before.jurisdiction, before.version + 1};
    Mutation m;
    m.idem_key = keys::Idem("SweepTerms", after.branch.id + ":" + std::to_string(after.version));
    m.outbox_key = kOutboxKey;
    m.guards.push_back({Mutation::Guard::Kind::kVersion, keys::Branch(after.branch.id),
                        std::to_string(before.version), "branch " + after.branch.id});
    m.hashes.push_back({keys::Branch(after.branch.id), EncodeBranch(after)});
    m.events.push_back(MakeEvent(BranchEvent(after, d->on, "", actor, {"PB-07"}), authority_,
                                 "temporary_branch", "dissolved", after.branch.id, after.version,
                                 after.jurisdiction, actor.subject, now));
    if (Counts(before.branch.state))
      if (auto err = AddCoverageEvent(m, after.jurisdiction, {}, {after},
                                      "temporary_branch.dissolved", actor, now))
        return *err;
    m.response = after.branch.id;
    auto out = store_.Mutate(m, "branch " + after.branch.id);
    if (!out.ok()) return out.error();
    ++dissolved;
  }
  return dissolved;
}

Status PartyWork::AddRequiredMissing(Mutation& m, const std::string& org_id, std::int64_t formal,
                                     const std::string& cause, const auth::Principal& who,
                                     TimePoint now) {
  auto entry = directory_.Get(org_id);
  if (!entry) return Error::Internal("organization " + org_id + " left the directory");
  const std::string counter = keys::Serial("required_missing:" + org_id);
  const auto row = store_.Read({{"GET", counter}});
  const std::int64_t seq = row[0].str.empty() ? 0 : std::atoll(row[0].str.c_str());
  m.guards.push_back({Mutation::Guard::Kind::kCounter, counter, std::to_string(seq),
                      "required_missing of " + org_id});
  ev::RequiredMissing missing;
  missing.set_organization_id(org_id);
  missing.set_jurisdiction(entry->jurisdiction);
  missing.set_formal_members(static_cast<std::int32_t>(formal));
  missing.set_found_on(FormatDate(ChinaDate(now)));
  missing.add_rule_ids("PB-01");
  missing.add_rule_ids("PB-11");
  SetActor(who, missing.mutable_actor());
  missing.set_cause(cause);
  m.events.push_back(MakeEvent(missing, authority_, kOrgKind, "required_missing", org_id, seq + 1,
                               entry->jurisdiction, who.subject, now));
  return std::nullopt;
}

// ---- members and coverage --------------------------------------------------------------------

Result<v1::PartyMember> PartyWork::AddMember(const auth::Principal& who,
                                             const v1::AddMemberRequest& req) {
  if (auto err = ValidateRequestId(req.request_id())) return *err;
  if (req.kind() != v1::MEMBER_KIND_FORMAL && req.kind() != v1::MEMBER_KIND_PROBATIONARY)
    return Error::InvalidArgument("kind", "required: FORMAL or PROBATIONARY");
  if (auto err = ValidateId("party_org_id", req.party_org_id())) return *err;
  const TimePoint now = clock_.Now();
  const Date today = ChinaDate(now);
  PartyMember input{
      req.id_number(),
      req.kind() == v1::MEMBER_KIND_FORMAL ? MemberKind::kFormal : MemberKind::kProbationary,
      req.membership_transferred_in(), req.party_org_id()};
  auto member = NewMember(input, today);
  if (!member.ok()) return member.error();
  if (!req.works_at_organization_id().empty()) {
    if (auto err = ValidateId("works_at_organization_id", req.works_at_organization_id()))
      return *err;
    if (!directory_.Get(req.works_at_organization_id()))
      return Error::InvalidArgument(
          "works_at_organization_id",
          "organization " + req.works_at_organization_id() + " is not registered");
  }
  const std::string idem = IdemOf(who, req.request_id());
  const std::string member_key = keys::Member(member->id_number);
  const std::string formal_key = req.works_at_organization_id().empty()
                                     ? std::string()
                                     : keys::Formal(req.works_at_organization_id());
  std::vector<std::vector<std::string>> reads = {{"HGETALL", keys::Org(req.party_org_id())},
                                                 {"HGETALL", member_key}};
  if (!formal_key.empty()) reads.push_back({"GET", formal_key});
  auto read = store_.ReadForCommand("AddMember", idem, reads);
  if (read.prior) return store::Replay<v1::PartyMember>(*read.prior);
  const auto org_hash = store::FlatHash(read.rows[0]);
  if (org_hash.empty())
    return Error::InvalidArgument("party_org_id",
                                  "party organization " + req.party_org_id() + " not found");
  auto org = DecodeOrg(org_hash);
  if (!org.ok()) return org.error();
  if (org->org.state == PartyOrgState::kDissolved)
    return Error::FailedPrecondition("state DISSOLVED: party organization " + org->org.id);
  if (auto err = CheckWrite(who, org->jurisdiction)) return *err;
  const auto existing_hash = store::FlatHash(read.rows[1]);
  if (!existing_hash.empty()) {
    auto existing = DecodeMember(existing_hash);
    if (!existing.ok()) return existing.error();
    if (auto err = CheckSingleOrganization(*member, {existing->member})) return *err;
  }
  StoredMember stored{*member, req.works_at_organization_id(), org->jurisdiction, 1};
  Mutation m;
  m.idem_key = keys::Idem("AddMember", idem);
  m.outbox_key = kOutboxKey;
  m.guards.push_back({Mutation::Guard::Kind::kAbsent, member_key, "",
                      "member " + MaskIdNumber(member->id_number)});
  m.hashes.push_back({member_key, EncodeMember(stored)});
  m.sadds.push_back({keys::kMembers, member->id_number});
  ev::MemberAdded added;
  added.set_id_number_masked(MaskIdNumber(member->id_number));
  added.set_party_org_id(org->org.id);
  added.set_jurisdiction(org->jurisdiction);
  added.set_kind(int(req.kind()));
  added.set_membership_transferred_in(req.membership_transferred_in());
  added.set_works_at_organization_id(req.works_at_organization_id());
  SetActor(who, added.mutable_actor());
  m.events.push_back(MakeEvent(added, authority_, "member", "added",
                               MaskIdNumber(member->id_number), 1, org->jurisdiction, who.subject,
                               now));
  if (!formal_key.empty() && member->kind == MemberKind::kFormal) {
    const std::int64_t formal = read.rows[2].str.empty() ? 0 : std::atoll(read.rows[2].str.c_str());
    m.guards.push_back({Mutation::Guard::Kind::kCounter, formal_key, std::to_string(formal),
                        "formal members of " + req.works_at_organization_id()});
    // PB-01 / CR-01(b): the organization reaches 3 formal members and nothing covers it.
    if (formal + 1 == kMinFormalForBranch) {
      auto orgs = store_.AllOrgs();
      if (!orgs.ok()) return orgs.error();
      bool covered = false;
      for (const auto& s : *orgs)
        if (Counts(s.org.state))
          for (const auto& c : s.org.covered_org_ids)
            covered = covered || c == req.works_at_organization_id();
      if (!covered)
        if (auto err = AddRequiredMissing(m, req.works_at_organization_id(), formal + 1,
                                          "member.added", who, now))
          return *err;
    }
  }
  const v1::PartyMember response = ToProto(stored);
  m.response = response.SerializeAsString();
  return Answer(store_.Mutate(m, "member"), response);
}

Result<v1::Coverage> PartyWork::GetCoverage(const auth::Principal& who,
                                            const v1::GetCoverageRequest& req) {
  const std::string jur = req.jurisdiction().empty() ? who.jurisdiction : req.jurisdiction();
  if (auto err = CheckRead(who, jur)) return *err;
  auto links = AllLinks();
  if (!links.ok()) return links.error();
  auto fill = [](const std::string& j, const Computed& c, v1::Coverage& out) {
    out.set_jurisdiction(j);
    out.mutable_organization()->set_numerator(c.coverage.organization.numerator);
    out.mutable_organization()->set_denominator(c.coverage.organization.denominator);
    out.mutable_work()->set_numerator(c.coverage.work.numerator);
    out.mutable_work()->set_denominator(c.coverage.work.denominator);
    for (const auto& id : c.required_but_missing) out.add_required_but_missing(id);
  };
  v1::Coverage out;
  if (auth::IsCountyLevel(jur)) {
    auto c = CoverageOf(jur, *links);
    if (!c.ok()) return c.error();
    fill(jur, *c, out);
    return out;
  }
  // A city (or province): each jurisdiction below it on its own, the total their sums (PB-08
  // roll-up: numerators and denominators add, rates never average).
  std::set<std::string> parts;
  for (const auto& e : directory_.List(jur, 0, 1'000'000))
    if (InScope(e)) parts.insert(e.jurisdiction);
  std::vector<Coverage> sums;
  for (const auto& part : parts) {
    auto c = CoverageOf(part, *links);
    if (!c.ok()) return c.error();
    fill(part, *c, *out.add_districts());
    sums.push_back(c->coverage);
  }
  const Coverage total = RollUp(sums);
  out.set_jurisdiction(jur);
  out.mutable_organization()->set_numerator(total.organization.numerator);
  out.mutable_organization()->set_denominator(total.organization.denominator);
  out.mutable_work()->set_numerator(total.work.numerator);
  out.mutable_work()->set_denominator(total.work.denominator);
  for (const auto& d : out.districts())
    for (const auto& id : d.required_but_missing()) out.add_required_but_missing(id);
  return out;
}

}  // namespace socgov::party_building
