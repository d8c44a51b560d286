#include "party_building/domain/member.h"

#include <gtest/gtest.h>

#include <string>

namespace socgov::party_building {
namespace {

Date D(const char* s) { return *ParseDate(s); }

constexpr const char* kSample = "11010519491231002X";  // GB 11643's own example (domain.md §4.2)

void ExpectInvalidWithoutEcho(const Result<std::string>& r, std::string_view input) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message.rfind("id_number:", 0), 0u) << r.error().message;
  EXPECT_EQ(r.error().message.find(input), std::string::npos) << r.error().message;
}

PartyMember Member(std::string id, std::string org, MemberKind kind = MemberKind::kFormal,
                   bool transferred = false) {
  return PartyMember{std::move(id), kind, transferred, std::move(org)};
}

TEST(Member, Gb11643CheckDigitOfTheStandardsSample) {
  EXPECT_EQ(IdCheckDigit("11010519491231002"), 'X');
  EXPECT_EQ(IdCheckDigit("1101051949123100"), std::nullopt);
  EXPECT_EQ(IdCheckDigit("1101051949123100A"), std::nullopt);
}

TEST(Member, Gb11643NormalizesIdNumbers) {
  EXPECT_EQ(*NormalizeIdNumber("id_number", kSample, D("2026-01-01")), kSample);
  EXPECT_EQ(*NormalizeIdNumber("id_number", "11010519491231002x", D("2026-01-01")), kSample);
  // Legacy 15 digits: 19 inserted, check digit appended.
  EXPECT_EQ(*NormalizeIdNumber("id_number", "110105491231002", D("2026-01-01")), kSample);
}

TEST(Member, Gb11643RefusesBadIdNumbersWithoutEchoingThem) {
  const Date today = D("2026-01-01");
  ExpectInvalidWithoutEcho(NormalizeIdNumber("id_number", "110105194912310021", today),
                           "110105194912310021");  // wrong check digit
  ExpectInvalidWithoutEcho(NormalizeIdNumber("id_number", "1101051949123", today), "1101051949123");
  ExpectInvalidWithoutEcho(NormalizeIdNumber("id_number", "11010519491231A02X", today),
                           "11010519491231A02X");
  ExpectInvalidWithoutEcho(NormalizeIdNumber("id_number", "11010549123100A", today),
                           "11010549123100A");
  // 1949-02-30 is no day; the check digit is made right so only the date is wrong.
  const std::string feb30 = std::string("11010519490230002") + *IdCheckDigit("11010519490230002");
  ExpectInvalidWithoutEcho(NormalizeIdNumber("id_number", feb30, today), feb30);
  const std::string future = std::string("11010520300101002") + *IdCheckDigit("11010520300101002");
  ExpectInvalidWithoutEcho(NormalizeIdNumber("id_number", future, today), future);
}

TEST(Member, Gb11643MasksIdNumbers) {
  EXPECT_EQ(MaskIdNumber(kSample), "110105********002X");
  EXPECT_EQ(MaskIdNumber("110105491231002"), "110105*****1002");
  EXPECT_EQ(MaskIdNumber("12345"), "*****");
  EXPECT_EQ(MaskIdNumber(""), "");
}

TEST(Member, Gb11643NewMemberIsNormalizedAndBelongsToAnOrganization) {
  const auto m = NewMember(Member("11010519491231002x", "po-1"), D("2026-01-01"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->id_number, kSample);
  const auto no_org = NewMember(Member(kSample, ""), D("2026-01-01"));
  ASSERT_FALSE(no_org.ok());
  EXPECT_EQ(no_org.error().message.rfind("party_org_id:", 0), 0u);
  const auto bad_id = NewMember(Member("123", "po-1"), D("2026-01-01"));
  ASSERT_FALSE(bad_id.ok());
  EXPECT_EQ(bad_id.error().message.rfind("id_number:", 0), 0u);
}

TEST(Member, Pb01MemberCountsInOneOrganizationSoASecondIsRefusedMasked) {
  const std::vector<PartyMember> existing{Member("110105491231002", "po-other"),
                                          Member(kSample, "po-2")};
  const auto s = CheckSingleOrganization(Member(kSample, "po-1"), existing);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(s->message.rfind("state ENROLLED:", 0), 0u) << s->message;
  EXPECT_NE(s->message.find("110105********002X"), std::string::npos) << s->message;
  EXPECT_EQ(s->message.find(kSample), std::string::npos) << s->message;

  const auto again = CheckSingleOrganization(Member(kSample, "po-2"), existing);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->code, ErrorCode::kAlreadyExists);
  EXPECT_FALSE(CheckSingleOrganization(Member(kSample, "po-1"), {}));
}

TEST(Member, Pb07CountsFormalProbationaryAndTransferred) {
  // Xilingol: 550 members served, of whom 53 have transferred their membership in.
  std::vector<PartyMember> all;
  for (int i = 0; i < 550; ++i) {
    all.push_back(Member("m" + std::to_string(i), i % 2 ? "po-a" : "po-b",
                         i < 500 ? MemberKind::kFormal : MemberKind::kProbationary, i < 53));
  }
  const auto c = CountMembers(all);
  EXPECT_EQ(c.formal + c.probationary, 550);
  EXPECT_EQ(c.formal, 500);
  EXPECT_EQ(c.transferred_in, 53);
  EXPECT_EQ(c.formal_not_transferred, 447);
  const auto a = CountMembers(all, "po-a");
  EXPECT_EQ(a.formal + a.probationary, 275);
}

}  // namespace
}  // namespace socgov::party_building
