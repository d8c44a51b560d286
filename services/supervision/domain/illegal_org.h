// Illegal social organizations (非法社会组织, domain.md §2.4, ENF-13):
//
//   FOUND → BANNED (取缔, by a decided case) | DISPERSED (劝散) | REFERRED (移送);
//   DISPERSED → BANNED when the persuasion did not end the activity
//
// A ban is the decision of an enforcement case against the illegal organization, so Ban takes
// that case; a banned organization is on the public list, which is what 取缔 announces.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/dates.h"
#include "supervision/domain/enforcement_case.h"

namespace socgov::supervision {

enum class IllegalOrgKind {
  kUnregistered,           // 未经登记，擅自以社会组织名义进行活动
  kActiveAfterRevocation,  // 被撤销登记 / 吊销登记证书后继续以社会组织名义进行活动
  kBeyondPreparation,  // 社团筹备期间开展筹备以外的活动
};
enum class IllegalOrgState { kFound, kBanned, kDispersed, kReferred };
std::string_view IllegalOrgStateName(IllegalOrgState s);  // "FOUND", "BANNED", ...

struct IllegalOrg {
  std::string id;
  std::string name;
  IllegalOrgKind kind = IllegalOrgKind::kUnregistered;
  // kActiveAfterRevocation: the credit code of the revoked organization it continues.
  std::string former_organization_id;
  std::string jurisdiction;  // where it is active
  std::string description;
  Date found_on{};
  IllegalOrgState state = IllegalOrgState::kFound;
  std::string case_id;  // the case that decided the ban
  std::optional<Date> banned_on;
  std::optional<Date> dispersed_on;
  std::string referred_to;  // e.g. the public security bureau
  std::optional<Date> referred_on;
  std::string handling_note;  // why dispersed or referred
  bool on_public_list = false;
  std::optional<Date> listed_on;
  std::int64_t version = 1;
};

struct IllegalOrgInput {
  std::string id;
  std::string name;
  IllegalOrgKind kind = IllegalOrgKind::kUnregistered;
  std::string former_organization_id;
  std::string jurisdiction;
  std::string description;
  Date found_on{};
};
// A FOUND illegal organization at version 1. kInvalidArgument: found_on after today, a name or
// description missing or too long, a kActiveAfterRevocation without former_organization_id (or
// another kind with one).
Result<IllegalOrg> RecordIllegalOrg(const IllegalOrgInput& in, Date today);

// FOUND | DISPERSED → BANNED (ENF-13). The case targets this organization and is decided
// (DECIDED, SERVED, EXECUTING or CLOSED) with a ban; banned_on is the decision's day, and the
// organization goes on the public list today. kFailedPrecondition "state X: ENF-13 ..." otherwise.
Result<IllegalOrg> Ban(IllegalOrg org, const Case& decided_case, Date today);

struct DispersalInput {
  std::string note;  // who was persuaded, what they undertook
};
// FOUND → DISPERSED (劝散): the organizers agreed to stop; no case, no public listing.
Result<IllegalOrg> Disperse(IllegalOrg org, const DispersalInput& in, Date today);

struct ReferralInput {
  std::string to_authority;  // e.g. "公安局" — the facts point to a crime
  std::string note;
};
// FOUND | DISPERSED → REFERRED (移送).
Result<IllegalOrg> Refer(IllegalOrg org, const ReferralInput& in, Date today);

// ENF-13: the public list — every banned organization, by banned_on then id.
std::vector<IllegalOrg> PublicList(const std::vector<IllegalOrg>& orgs);

}  // namespace socgov::supervision
