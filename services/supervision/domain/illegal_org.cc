#include "supervision/domain/illegal_org.h"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <utility>

#include "supervision/domain/text.h"

namespace socgov::supervision {
namespace {

constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxDescription = 1000;
constexpr std::size_t kMaxNote = 500;

Error Refuse(const IllegalOrg& org, std::string_view why) {
  return Error::FailedPrecondition("state " + std::string(IllegalOrgStateName(org.state)) + ": " +
                                   std::string(why));
}

bool Decided(CaseState s) {
  return s == CaseState::kDecided || s == CaseState::kServed || s == CaseState::kExecuting ||
         s == CaseState::kClosed;
}

IllegalOrg Next(IllegalOrg org, IllegalOrgState state) {
  org.state = state;
  ++org.version;
  return org;
}

}  // namespace

std::string_view IllegalOrgStateName(IllegalOrgState s) {
  switch (s) {
    case IllegalOrgState::kFound:
      return "FOUND";
    case IllegalOrgState::kBanned:
      return "BANNED";
    case IllegalOrgState::kDispersed:
      return "DISPERSED";
    case IllegalOrgState::kReferred:
      return "REFERRED";
  }
  return "UNKNOWN";
}

Result<IllegalOrg> RecordIllegalOrg(const IllegalOrgInput& in, Date today) {
  if (Status bad = CheckId("id", in.id)) return *bad;
  auto name = CheckText("name", in.name, kMaxName);
  if (!name.ok()) return name.error();
  if (Status bad = CheckId("jurisdiction", in.jurisdiction)) return *bad;
  auto description = CheckText("description", in.description, kMaxDescription, false);
  if (!description.ok()) return description.error();
  if (in.found_on > today) return Error::InvalidArgument("found_on", "must not be after today");
  if (in.kind == IllegalOrgKind::kActiveAfterRevocation) {
    if (Status bad = CheckId("former_organization_id", in.former_organization_id)) return *bad;
  } else if (!in.former_organization_id.empty()) {
    return Error::InvalidArgument("former_organization_id",
                                  "only for an organization active after revocation");
  }
  IllegalOrg org;
  org.id = in.id;
  org.name = std::move(*name);
  org.kind = in.kind;
  org.former_organization_id = in.former_organization_id;
  org.jurisdiction = in.jurisdiction;
  org.description = std::move(*description);
  org.found_on = in.found_on;
  return org;
}

Result<IllegalOrg> Ban(IllegalOrg org, const Case& decided_case, Date today) {
  if (org.state != IllegalOrgState::kFound && org.state != IllegalOrgState::kDispersed) {
    return Refuse(org, "ENF-13 only a FOUND or DISPERSED organization is banned");
  }
  if (decided_case.target.illegal_org_id != org.id) {
    return Refuse(org, "ENF-13 the case does not concern this organization");
  }
  if (!Decided(decided_case.state) || !decided_case.decision) {
    return Refuse(org, "ENF-13 a ban needs a decided case, the case is " +
                           std::string(CaseStateName(decided_case.state)));
  }
  if (!decided_case.decision->ban) return Refuse(org, "ENF-13 the case's decision is not a ban");
  org.case_id = decided_case.id;
  org.banned_on = decided_case.decision->decided_on;
  org.on_public_list = true;
  org.listed_on = today;
  return Next(std::move(org), IllegalOrgState::kBanned);
}

Result<IllegalOrg> Disperse(IllegalOrg org, const DispersalInput& in, Date today) {
  if (org.state != IllegalOrgState::kFound) {
    return Refuse(org, "ENF-13 only a FOUND organization is dispersed");
  }
  auto note = CheckText("note", in.note, kMaxNote);
  if (!note.ok()) return note.error();
  org.handling_note = std::move(*note);
  org.dispersed_on = today;
  return Next(std::move(org), IllegalOrgState::kDispersed);
}

Result<IllegalOrg> Refer(IllegalOrg org, const ReferralInput& in, Date today) {
  if (org.state != IllegalOrgState::kFound && org.state != IllegalOrgState::kDispersed) {
    return Refuse(org, "ENF-13 only a FOUND or DISPERSED organization is referred");
  }
  auto to = CheckText("to_authority", in.to_authority, kMaxName);
  if (!to.ok()) return to.error();
  auto note = CheckText("note", in.note, kMaxNote);
  if (!note.ok()) return note.error();
  org.referred_to = std::move(*to);
  org.handling_note = std::move(*note);
  org.referred_on = today;
  return Next(std::move(org), IllegalOrgState::kReferred);
}

std::vector<IllegalOrg> PublicList(const std::vector<IllegalOrg>& orgs) {
  std::vector<IllegalOrg> listed;
  std::copy_if(orgs.begin(), orgs.end(), std::back_inserter(listed),
               [](const IllegalOrg& o) { return o.on_public_list; });
  std::sort(listed.begin(), listed.end(), [](const IllegalOrg& a, const IllegalOrg& b) {
    return std::tie(a.banned_on, a.id) < std::tie(b.banned_on, b.id);
  });
  return listed;
}

}  // namespace socgov::supervision
