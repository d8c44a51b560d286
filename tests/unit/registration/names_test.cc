// Organization name form rules (REG-03, 《社会组织名称管理办法》).
#include "registration/domain/names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace socgov::registration {
namespace {

constexpr bool kLocal = false;
constexpr bool kNational = true;

// The problems' messages, for readable failures; every problem is asserted to be REG-03.
std::vector<std::string> Problems(std::string_view name, OrgKind kind, bool national = kLocal) {
  std::vector<std::string> out;
  for (const NameProblem& p : CheckNameForm(name, kind, national)) {
    EXPECT_EQ(p.rule_id, "REG-03") << p.message;
    EXPECT_FALSE(p.message.empty());
    out.push_back(p.message);
  }
  return out;
}

bool Fine(std::string_view name, OrgKind kind, bool national = kLocal) {
  return Problems(name, kind, national).empty();
}

bool AnyContains(const std::vector<std::string>& messages, std::string_view part) {
  for (const std::string& m : messages) {
    if (m.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(NamesTest, REG03_WellFormedNamesOfEveryKindPass) {
  EXPECT_TRUE(Fine("厦门市集美区志愿者协会", OrgKind::kSocialGroup));
  EXPECT_TRUE(Fine("厦门市集美区计算机学会", OrgKind::kSocialGroup));
  EXPECT_TRUE(Fine("厦门市集美区闽南文化研究会", OrgKind::kSocialGroup));
  EXPECT_TRUE(Fine("厦门市集美区茶叶商会", OrgKind::kSocialGroup));
  EXPECT_TRUE(Fine("集美区阳光养老服务中心", OrgKind::kSocialService));
  EXPECT_TRUE(Fine("集美区启明职业培训学校", OrgKind::kSocialService));
  EXPECT_TRUE(Fine("集美区小太阳幼儿园", OrgKind::kSocialService));
  EXPECT_TRUE(Fine("集美区康复医院", OrgKind::kSocialService));
  EXPECT_TRUE(Fine("集美区海韵图书馆", OrgKind::kSocialService));
  EXPECT_TRUE(Fine("集美区乐龄服务部", OrgKind::kSocialService));
  EXPECT_TRUE(Fine("集美区慈善基金会", OrgKind::kFoundation));
  EXPECT_TRUE(Fine("集美区侨英街道叶厝社区夕阳红志愿服务队", OrgKind::kCommunity));
  EXPECT_TRUE(Fine("集美区灌口镇田头村广场舞协会", OrgKind::kCommunity));
  EXPECT_TRUE(Fine("集美区后溪镇后溪村读书会", OrgKind::kCommunity));
}

TEST(NamesTest, REG03_LocalNamesMustNotUseNationalWords) {
  for (std::string_view word : {"中国", "全国", "中华"}) {
    const std::string name = "厦门市" + std::string(word) + "书法协会";
    const std::vector<std::string> p = Problems(name, OrgKind::kSocialGroup);
    ASSERT_EQ(p.size(), 1u) << name;
    EXPECT_EQ(p[0], "an organization registered or filed by a local authority must not use " +
                        std::string(word) + " in its name");
  }
}

TEST(NamesTest, REG03_EveryNationalWordIsReported) {
  const std::vector<std::string> p = Problems("中华全国中国书法协会", OrgKind::kSocialGroup);
  EXPECT_EQ(p.size(), 3u);
}

TEST(NamesTest, REG03_NationalAuthorityMayUseNationalWords) {
  EXPECT_TRUE(Fine("中国书法家协会", OrgKind::kSocialGroup, kNational));
  EXPECT_TRUE(Fine("中华慈善基金会", OrgKind::kFoundation, kNational));
  EXPECT_FALSE(Fine("中国书法家协会", OrgKind::kSocialGroup, kLocal));
}

TEST(NamesTest, REG03_NationalWordsApplyToEveryKind) {
  EXPECT_FALSE(Fine("集美区中华养老服务中心", OrgKind::kSocialService));
  EXPECT_FALSE(Fine("集美区中国慈善基金会", OrgKind::kFoundation));
  EXPECT_FALSE(Fine("集美区侨英街道叶厝社区全国志愿服务队", OrgKind::kCommunity));
}

TEST(NamesTest, REG03_SocialGroupMustEndInHui) {
  const std::vector<std::string> p = Problems("厦门市集美区志愿者服务中心", OrgKind::kSocialGroup);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(AnyContains(p, "a social group's name must end in")) << p[0];
  EXPECT_TRUE(AnyContains(p, "协会"));
  EXPECT_FALSE(Fine("厦门市集美区志愿者协会分会场", OrgKind::kSocialGroup));
}

TEST(NamesTest, REG03_SocialGroupMustNotEndInJijinhui) {
  const std::vector<std::string> p = Problems("集美区慈善基金会", OrgKind::kSocialGroup);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(AnyContains(p, "only a foundation's name may end in 基金会")) << p[0];
}

TEST(NamesTest, REG03_SocialServiceMustEndInAnInstitutionForm) {
  const std::vector<std::string> p = Problems("集美区养老服务协会", OrgKind::kSocialService);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(AnyContains(p, "institution form")) << p[0];
  EXPECT_FALSE(Fine("集美区慈善基金会", OrgKind::kSocialService));
  EXPECT_FALSE(Fine("集美区阳光养老", OrgKind::kSocialService));
}

TEST(NamesTest, REG03_FoundationMustEndInJijinhui) {
  const std::vector<std::string> p = Problems("集美区慈善协会", OrgKind::kFoundation);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "a foundation's name must end in 基金会");
  EXPECT_FALSE(Fine("集美区慈善基金", OrgKind::kFoundation));
}

TEST(NamesTest, REG03_NameThatIsOnlyItsFormFails) {
  for (auto [name, kind] :
       std::vector<std::pair<std::string_view, OrgKind>>{{"协会", OrgKind::kSocialGroup},
                                                         {"研究会", OrgKind::kSocialGroup},
                                                         {"会", OrgKind::kSocialGroup},
                                                         {"服务中心", OrgKind::kSocialService},
                                                         {"基金会", OrgKind::kFoundation}}) {
    const std::vector<std::string> p = Problems(name, kind);
    ASSERT_EQ(p.size(), 1u) << name;
    EXPECT_TRUE(AnyContains(p, "the name is only the organization form")) << p[0];
  }
}

TEST(NamesTest, REG03_CommunityNameNamesStreetOrTownship) {
  const std::vector<std::string> p =
      Problems("集美区叶厝社区夕阳红志愿服务队", OrgKind::kCommunity);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(AnyContains(p, "street office or township")) << p[0];
  EXPECT_TRUE(Fine("集美区侨英街道叶厝社区夕阳红志愿服务队", OrgKind::kCommunity));
  EXPECT_TRUE(Fine("集美区灌口镇叶厝社区夕阳红志愿服务队", OrgKind::kCommunity));
  EXPECT_TRUE(Fine("同安区五显乡叶厝村夕阳红志愿服务队", OrgKind::kCommunity));
}

TEST(NamesTest, REG03_CommunityNameNamesCommunityOrVillage) {
  const std::vector<std::string> p =
      Problems("集美区侨英街道夕阳红志愿服务队", OrgKind::kCommunity);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(AnyContains(p, "community or village")) << p[0];
}

TEST(NamesTest, REG03_CommunityNameEndsInAGrassrootsForm) {
  const std::vector<std::string> p =
      Problems("集美区侨英街道叶厝社区夕阳红养老", OrgKind::kCommunity);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(AnyContains(p, "grassroots form")) << p[0];
  for (std::string_view form : {"队", "会", "社", "团", "中心", "站", "组", "班", "协会"}) {
    EXPECT_TRUE(Fine("集美区侨英街道叶厝社区夕阳红" + std::string(form), OrgKind::kCommunity))
        << form;
  }
  EXPECT_FALSE(Fine("集美区侨英街道叶厝社区互助基金会", OrgKind::kCommunity));
}

TEST(NamesTest, REG03_AllProblemsAreReportedTogether) {
  // Local national word, no street office, no community, no grassroots form.
  const std::vector<std::string> p = Problems("中华夕阳红养老", OrgKind::kCommunity);
  EXPECT_EQ(p.size(), 4u);
  EXPECT_TRUE(AnyContains(p, "中华"));
  EXPECT_TRUE(AnyContains(p, "street office"));
  EXPECT_TRUE(AnyContains(p, "community or village"));
  EXPECT_TRUE(AnyContains(p, "grassroots form"));
}

TEST(NamesTest, REG03_EmptyNameHasNoForm) {
  EXPECT_FALSE(Fine("", OrgKind::kSocialGroup));
  EXPECT_FALSE(Fine("", OrgKind::kFoundation));
}

TEST(NamesTest, REG03_FormMustBeAtTheEndNotInside) {
  EXPECT_FALSE(Fine("厦门市协会大楼管理", OrgKind::kSocialGroup));
  EXPECT_FALSE(Fine("集美区基金会之家", OrgKind::kFoundation));
}

TEST(NamesTest, UnknownKindIsReportedNotAccepted) {
  for (OrgKind kind : {OrgKind::kUnspecified, static_cast<OrgKind>(99)}) {
    const std::vector<std::string> p = Problems("厦门市集美区志愿者协会", kind);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0],
              "the organization kind must be SOCIAL_GROUP, SOCIAL_SERVICE, FOUNDATION or "
              "COMMUNITY to check a name's form");
  }
}

}  // namespace
}  // namespace socgov::registration

namespace socgov::registration {
namespace {

TEST(CanonicalName, Reg03SpacingAndFullWidthFormsDoNotMakeANewName) {
  EXPECT_EQ(CanonicalName("集美区 书法研究会"), CanonicalName("集美区书法研究会"));
  EXPECT_EQ(CanonicalName("集美区\u3000书法研究会"), CanonicalName("集美区书法研究会"));
  EXPECT_EQ(CanonicalName("集美区（ＡＢＣ）书法研究会"), "集美区(ABC)书法研究会");
  EXPECT_NE(CanonicalName("集美区书法研究会"), CanonicalName("集美区书画研究会"));
}

}  // namespace
}  // namespace socgov::registration
