// Party member records (domain.md §2.5 PartyMemberRecord): formal or probationary, membership
// (组织关系) transferred in or not, one party organization each. The ID number is kept only in
// this service; everything that leaves it carries MaskIdNumber's form.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "party_building/domain/dates.h"
#include "platform/util/error.h"

namespace socgov::party_building {

enum class MemberKind { kFormal, kProbationary };  // 正式党员, 预备党员

struct PartyMember {
  std::string id_number;  // normalized: 18 characters, check 'X' upper-case
  MemberKind kind = MemberKind::kFormal;
  bool membership_transferred_in = false;  // 组织关系是否转入
  std::string party_org_id;
};

// GB 11643-1999 (ISO 7064 MOD 11-2, domain.md §4.2) check character for the first 17 digits;
// nullopt when they are not 17 digits.
std::optional<char> IdCheckDigit(std::string_view first17);

// Validates and normalizes an ID number: 18 characters (lower-case x accepted, stored upper-case)
// or a legacy 15-digit number (century 19 inserted, check digit appended); the birth date must be
// a real day no later than `today`. kInvalidArgument naming `field`; the message never repeats the
// number.
Result<std::string> NormalizeIdNumber(std::string_view field, std::string_view id, Date today);

// 110105********002X: the address code and the last four stay, the birth date and the rest go.
// Values too short to mask that way become all '*'.
std::string MaskIdNumber(std::string_view id);

// A new member record: the ID number normalized, party_org_id required.
Result<PartyMember> NewMember(PartyMember input, Date today);

// One party organization each: kFailedPrecondition "state ENROLLED: ..." (with the masked number)
// when `existing` holds the person in a party organization other than the candidate's. The same
// organization again is kAlreadyExists.
Status CheckSingleOrganization(const PartyMember& candidate,
                               const std::vector<PartyMember>& existing);

struct MemberCounts {
  int formal = 0;
  int probationary = 0;
  int transferred_in = 0;
  int formal_not_transferred = 0;  // PB-07's condition counts these
};
// Counts the members of `party_org_id`, or of all records when it is empty.
MemberCounts CountMembers(const std::vector<PartyMember>& members,
                          std::string_view party_org_id = {});

}  // namespace socgov::party_building
