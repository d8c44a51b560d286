#include "platform/auth/scope.h"

#include <gtest/gtest.h>

#include <string>

namespace socgov::auth {
namespace {

TEST(ScopeTest, CoversMatrix) {
  EXPECT_TRUE(JurisdictionCovers("350200", "350211"));
  EXPECT_FALSE(JurisdictionCovers("350211", "350200"));
  EXPECT_TRUE(JurisdictionCovers("350000", "350200"));
  EXPECT_TRUE(JurisdictionCovers("350000", "350211"));
  EXPECT_FALSE(JurisdictionCovers("350211", "350212"));
  EXPECT_TRUE(JurisdictionCovers("350211", "350211"));
  EXPECT_TRUE(JurisdictionCovers("350200", "350200"));
  EXPECT_TRUE(JurisdictionCovers("350000", "350000"));
  EXPECT_FALSE(JurisdictionCovers("350200", "350000"));
  EXPECT_FALSE(JurisdictionCovers("350200", "350111"));  // sibling city's district
  EXPECT_FALSE(JurisdictionCovers("350000", "360211"));  // other province
  EXPECT_FALSE(JurisdictionCovers("350100", "350211"));
}

TEST(ScopeTest, InvalidCodesCoverNothing) {
  EXPECT_FALSE(JurisdictionCovers("", "350211"));
  EXPECT_FALSE(JurisdictionCovers("350200", ""));
  EXPECT_FALSE(JurisdictionCovers("3502", "350211"));
  EXPECT_FALSE(JurisdictionCovers("350200", "3502110"));
  EXPECT_FALSE(JurisdictionCovers("000000", "350211"));
  EXPECT_FALSE(JurisdictionCovers("35020a", "35020a"));
  EXPECT_FALSE(JurisdictionCovers("350200", "35021x"));
}

TEST(ScopeTest, Validity) {
  EXPECT_TRUE(IsValidJurisdictionCode("350211"));
  EXPECT_TRUE(IsValidJurisdictionCode("110000"));
  EXPECT_FALSE(IsValidJurisdictionCode("000000"));
  EXPECT_FALSE(IsValidJurisdictionCode("35021"));
  EXPECT_FALSE(IsValidJurisdictionCode("3502111"));
  EXPECT_FALSE(IsValidJurisdictionCode("35021X"));
  EXPECT_FALSE(IsValidJurisdictionCode(" 35021"));
  EXPECT_FALSE(IsValidJurisdictionCode(""));
}

TEST(ScopeTest, Levels) {
  EXPECT_TRUE(IsCountyLevel("350211"));
  EXPECT_FALSE(IsCountyLevel("350200"));
  EXPECT_FALSE(IsCountyLevel("350000"));
  EXPECT_FALSE(IsCountyLevel("35021a"));
}

TEST(ScopeTest, CityOf) {
  EXPECT_EQ(CityOf("350211"), "350200");
  EXPECT_EQ(CityOf("350200"), "350200");
  EXPECT_EQ(CityOf("350000"), "350000");
  EXPECT_EQ(CityOf("bad"), "");
}

TEST(MaskTest, MasksIdNumbers) {
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskIdNumber("110105491231002"), "110105*****1002");
  EXPECT_EQ(MaskIdNumber("12345678"), "****5678");
  EXPECT_EQ(MaskIdNumber("1234"), "****");
  EXPECT_EQ(MaskIdNumber(""), "");
}

TEST(MaskTest, MasksIdNumbersInJson) {
  const std::string payload =
      R"({"name":"张三","id_number":"11010519491231002X","old_id":"110105491231002",)"
      R"("lower":"35021119800101123x","credit_code":"52350211MJ000001X7"})";
  const std::string masked = MaskIdNumbersInText(payload);
  EXPECT_EQ(masked, R"({"name":"张三","id_number":"110105********002X","old_id":"110105*****1002",)"
                    R"("lower":"350211********123x","credit_code":"52350211MJ000001X7"})");
  EXPECT_EQ(masked.find("11010519491231002X"), std::string::npos);
}

TEST(MaskTest, LeavesOtherRunsIntact) {
  EXPECT_EQ(MaskIdNumbersInText("52350211MJ000001X7"), "52350211MJ000001X7");
  EXPECT_EQ(MaskIdNumbersInText("1101051949123100211"), "1101051949123100211");  // 19 digits
  EXPECT_EQ(MaskIdNumbersInText("11010549123100"), "11010549123100");            // 14 digits
  EXPECT_EQ(MaskIdNumbersInText("1101054912310021"), "1101054912310021");        // 16 digits
  EXPECT_EQ(MaskIdNumbersInText("a11010519491231002X"), "a11010519491231002X");
  EXPECT_EQ(MaskIdNumbersInText("11010519491231002Xa"), "11010519491231002Xa");
  EXPECT_EQ(MaskIdNumbersInText("1101051949123100XX"), "1101051949123100XX");
  EXPECT_EQ(MaskIdNumbersInText("ts 1795821199123"), "ts 1795821199123");  // unix ms
  EXPECT_EQ(MaskIdNumbersInText(""), "");
}

TEST(MaskTest, MasksRunsInFreeText) {
  EXPECT_EQ(MaskIdNumbersInText("身份证11010519491231002X，电话"),
            "身份证110105********002X，电话");
  EXPECT_EQ(MaskIdNumbersInText("a 11010519491231002X b 110105491231002."),
            "a 110105********002X b 110105*****1002.");
  EXPECT_EQ(MaskIdNumbersInText("11010519491231002X,35021119800101123X"),
            "110105********002X,350211********123X");
  // A JSON escape right before the number must not hide it.
  EXPECT_EQ(MaskIdNumbersInText(R"("line\n11010519491231002X\t")"),
            R"("line\n110105********002X\t")");
  EXPECT_EQ(MaskIdNumbersInText(R"("\u4e2d11010519491231002X")"), R"("\u4e2d110105********002X")");
}

}  // namespace
}  // namespace socgov::auth
