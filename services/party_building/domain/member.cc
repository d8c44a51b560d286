#include "party_building/domain/member.h"

#include <array>
#include <chrono>

namespace socgov::party_building {
namespace {

// 2^(17-i) mod 11 (domain.md §4.2). Copied rather than shared with registration: the services are
// deployed and changed independently.
constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";
constexpr int kMinBirthYear = 1900;

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ParseInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<char> IdCheckDigit(std::string_view first17) {
  if (first17.size() != kWeights.size() || !AllDigits(first17)) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < kWeights.size(); ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheckChars[sum % 11];
}

Result<std::string> NormalizeIdNumber(std::string_view field, std::string_view id, Date today) {
  std::string n;
  if (id.size() == 15) {
    if (!AllDigits(id)) {
      return Error::InvalidArgument(field, "a 15-character ID number has only digits");
    }
    // Legacy numbers (before 1999) omit the century, always 19, and the check character.
    n = std::string(id.substr(0, 6)) + "19" + std::string(id.substr(6));
    n += *IdCheckDigit(n);
  } else if (id.size() == 18) {
    if (!AllDigits(id.substr(0, 17))) {
      return Error::InvalidArgument(field, "the first 17 characters must be digits");
    }
    const char check = id[17] == 'x' ? 'X' : id[17];
    if (check != *IdCheckDigit(id.substr(0, 17))) {
      return Error::InvalidArgument(field, "check character does not match (GB 11643)");
    }
    n = std::string(id.substr(0, 17)) + check;
  } else {
    return Error::InvalidArgument(field, "must be 18 characters or a legacy 15-digit number");
  }
  const std::chrono::year_month_day birth{std::chrono::year{ParseInt(n.substr(6, 4))},
                                          std::chrono::month(ParseInt(n.substr(10, 2))),
                                          std::chrono::day(ParseInt(n.substr(12, 2)))};
  if (!birth.ok() || static_cast<int>(birth.year()) < kMinBirthYear) {
    return Error::InvalidArgument(field, "birth date is not a real day");
  }
  if (Date{birth} > today) return Error::InvalidArgument(field, "birth date is in the future");
  return n;
}

std::string MaskIdNumber(std::string_view id) {
  std::string out(id);
  if (id.size() >= 12) {
    for (size_t i = 6; i + 4 < id.size(); ++i) out[i] = '*';
  } else {
    // Keeping six and four characters of a value this short would keep nearly all of it.
    out.assign(id.size(), '*');
  }
  return out;
}

Result<PartyMember> NewMember(PartyMember input, Date today) {
  auto id = NormalizeIdNumber("id_number", input.id_number, today);
  if (!id) return id.error();
  if (input.party_org_id.empty()) return Error::InvalidArgument("party_org_id", "is required");
  input.id_number = std::move(id).value();
  return input;
}

Status CheckSingleOrganization(const PartyMember& candidate,
                               const std::vector<PartyMember>& existing) {
  for (const auto& m : existing) {
    if (m.id_number != candidate.id_number) continue;
    if (m.party_org_id == candidate.party_org_id) {
      return Error::AlreadyExists("member " + MaskIdNumber(m.id_number) +
                                  " is already recorded in this party organization");
    }
    return Error::FailedPrecondition("state ENROLLED: member " + MaskIdNumber(m.id_number) +
                                     " belongs to another party organization; a member belongs "
                                     "to one party organization");
  }
  return std::nullopt;
}

MemberCounts CountMembers(const std::vector<PartyMember>& members, std::string_view party_org_id) {
  MemberCounts c;
  for (const auto& m : members) {
    if (!party_org_id.empty() && m.party_org_id != party_org_id) continue;
    if (m.kind == MemberKind::kFormal) {
      ++c.formal;
      if (!m.membership_transferred_in) ++c.formal_not_transferred;
    } else {
      ++c.probationary;
    }
    if (m.membership_transferred_in) ++c.transferred_in;
  }
  return c;
}

}  // namespace socgov::party_building
