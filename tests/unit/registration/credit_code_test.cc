// GB 32100 / GB 11714 check characters (domain.md §4.1). Vectors come from the spec's worked
// examples; the mutation test checks the algorithm's error detection rather than a list of codes.
#include "registration/domain/credit_code.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace socgov::registration {
namespace {

TEST(CreditCode, WorkedExample51100000500009247DPasses) {
  EXPECT_EQ(CreditCodeCheckChar("51100000500009247"), 'D');
  EXPECT_TRUE(IsValidCreditCode("51100000500009247D"));
  EXPECT_FALSE(ValidateCreditCode("credit_code", "51100000500009247D").has_value());
}

TEST(CreditCode, GbExampleWithLettersComputesCheck3) {
  EXPECT_EQ(CreditCodeCheckChar("91350100M000100Y4"), '3');
  EXPECT_TRUE(IsValidCreditCode("91350100M000100Y43"));
}

TEST(CreditCode, NegativeVector51100000500000024GFails) {
  EXPECT_EQ(CreditCodeCheckChar("51100000500000024"), 'M');
  EXPECT_FALSE(IsValidCreditCode("51100000500000024G"));
  const Status err = ValidateCreditCode("credit_code", "51100000500000024G");
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(err->message, "credit_code: check character is G, expected M");
}

TEST(CreditCode, SumDivisibleBy31MapsToZero) {
  // 31 - 0 = 31 is not a charset index; the standard maps it to '0'.
  EXPECT_EQ(CreditCodeCheckChar("00000000000000000"), '0');
  EXPECT_TRUE(IsValidCreditCode("000000000000000000"));
}

TEST(CreditCode, EverySingleCharacterChangeIsDetected) {
  for (const std::string valid : {"51100000500009247D", "91350100M000100Y43"}) {
    ASSERT_TRUE(IsValidCreditCode(valid));
    for (size_t pos = 0; pos < valid.size(); ++pos) {
      for (char c : kCreditCodeCharset) {
        if (c == valid[pos]) continue;
        std::string flipped = valid;
        flipped[pos] = c;
        EXPECT_FALSE(IsValidCreditCode(flipped)) << flipped;
      }
    }
  }
}

TEST(CreditCode, ShapeIsChecked) {
  EXPECT_FALSE(IsValidCreditCode(""));
  EXPECT_FALSE(IsValidCreditCode("51100000500009247"));    // 17 characters
  EXPECT_FALSE(IsValidCreditCode("51100000500009247DD"));  // 19 characters
  EXPECT_FALSE(IsValidCreditCode("91350100m000100Y43"));   // lower case
  for (char excluded : std::string("IOSVZ")) {
    std::string first17 = "91350100M000100Y4";
    first17[8] = excluded;
    EXPECT_FALSE(CreditCodeCheckChar(first17).has_value()) << excluded;
  }

  // A letter in the division code (positions 3–8) fails even with a matching check character.
  const std::string first17 = "511A0000500009247";
  const std::optional<char> check = CreditCodeCheckChar(first17);
  ASSERT_TRUE(check.has_value());
  EXPECT_FALSE(IsValidCreditCode(first17 + *check));
  const Status err = ValidateCreditCode("organization_id", first17 + *check);
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->message, "organization_id: position 4 must be a digit");
}

TEST(CreditCode, ValidateNamesTheFieldAndReason) {
  Status err = ValidateCreditCode("organization_id", "123");
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(err->message, "organization_id: must be 18 characters, got 3");

  err = ValidateCreditCode("organization_id", "5110000050000924?D");
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->message.find("position 17 is not in the GB 32100 character set"),
            std::string::npos)
      << err->message;
}

TEST(CreditCode, CheckCharRejectsWrongLength) {
  EXPECT_FALSE(CreditCodeCheckChar("").has_value());
  EXPECT_FALSE(CreditCodeCheckChar("5110000050000924").has_value());
  EXPECT_FALSE(CreditCodeCheckChar("51100000500009247D").has_value());
}

TEST(OrgCode, WorkedExampleBody50000924Gives7) {
  EXPECT_EQ(OrgCodeCheckChar("50000924"), '7');
  EXPECT_EQ(OrgCodeCheckChar("M000100Y"), '4');  // positions 9–17 of 91350100M000100Y43
}

TEST(OrgCode, LettersUseFullAlphabetValues) {
  // M=22, J=19: 66 + 133 + 2 = 201, 201 mod 11 = 3 → 8. With the 31-set values (M=21, J=18) the
  // answer would be 7.
  EXPECT_EQ(OrgCodeCheckChar("MJ000001"), '8');
}

TEST(OrgCode, TenMapsToXAndElevenToZero) {
  EXPECT_EQ(OrgCodeCheckChar("00000006"), 'X');  // 12 mod 11 = 1 → 10
  EXPECT_EQ(OrgCodeCheckChar("00000000"), '0');  // 0 mod 11 = 0 → 11
}

TEST(OrgCode, RejectsOtherCharacters) {
  EXPECT_FALSE(OrgCodeCheckChar("mj000001").has_value());
  EXPECT_FALSE(OrgCodeCheckChar("MJ-00001").has_value());
  EXPECT_FALSE(OrgCodeCheckChar("MJ00001").has_value());
  EXPECT_FALSE(OrgCodeCheckChar("MJ0000001").has_value());
}

TEST(MakeCreditCode, ProducesValidCodeWithValidBody) {
  for (OrgKind kind : {OrgKind::kSocialGroup, OrgKind::kSocialService, OrgKind::kFoundation}) {
    for (uint64_t serial : {uint64_t{1}, uint64_t{42}, uint64_t{123456}, kMaxCreditCodeSerial}) {
      Result<std::string> code = MakeCreditCode(kind, "350211", serial);
      ASSERT_TRUE(code.ok()) << code.error().message;
      EXPECT_TRUE(IsValidCreditCode(*code)) << *code;
      EXPECT_EQ(OrgCodeCheckChar(code->substr(8, 8)), (*code)[16]) << *code;
    }
  }
}

TEST(MakeCreditCode, LayoutPutsTypeAuthorityAndSerialInPlace) {
  Result<std::string> code = MakeCreditCode(OrgKind::kSocialService, "350211", 42);
  ASSERT_TRUE(code.ok());
  ASSERT_EQ(code->size(), 18u);
  EXPECT_EQ((*code)[0], '5');  // civil affairs
  EXPECT_EQ((*code)[1], '2');
  EXPECT_EQ(code->substr(2, 6), "350211");
  EXPECT_EQ(code->substr(8, 8), "MJ000042");

  EXPECT_EQ((*MakeCreditCode(OrgKind::kSocialGroup, "321281", 1))[1], '1');
  EXPECT_EQ((*MakeCreditCode(OrgKind::kFoundation, "100000", 1))[1], '3');
  EXPECT_EQ(MakeCreditCode(OrgKind::kFoundation, "100000", 1)->substr(2, 6), "100000");
}

TEST(MakeCreditCode, DistinctSerialsGiveDistinctCodes) {
  std::set<std::string> codes;
  for (uint64_t serial = 1; serial <= 5000; ++serial) {
    codes.insert(*MakeCreditCode(OrgKind::kSocialGroup, "350211", serial));
  }
  codes.insert(*MakeCreditCode(OrgKind::kSocialGroup, "350211", kMaxCreditCodeSerial));
  EXPECT_EQ(codes.size(), 5001u);
}

TEST(MakeCreditCode, RejectsBadInput) {
  auto expect_invalid = [](const Result<std::string>& r) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  };
  expect_invalid(MakeCreditCode(OrgKind::kUnspecified, "350211", 1));
  expect_invalid(MakeCreditCode(static_cast<OrgKind>(7), "350211", 1));
  expect_invalid(MakeCreditCode(OrgKind::kSocialGroup, "", 1));
  expect_invalid(MakeCreditCode(OrgKind::kSocialGroup, "35021", 1));
  expect_invalid(MakeCreditCode(OrgKind::kSocialGroup, "3502111", 1));
  expect_invalid(MakeCreditCode(OrgKind::kSocialGroup, "35021A", 1));
  expect_invalid(MakeCreditCode(OrgKind::kSocialGroup, "350211", 0));
  expect_invalid(MakeCreditCode(OrgKind::kSocialGroup, "350211", kMaxCreditCodeSerial + 1));
}

}  // namespace
}  // namespace socgov::registration
