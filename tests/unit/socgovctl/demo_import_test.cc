// The Jimei demo generator and the import file parser (tools/socgovctl/demo.h, import.h): the demo
// must be loadable by the real server rules it was written for (REG-01/02/03/22), and stay the
// same bytes from run to run.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "demo.h"
#include "import.h"

namespace socgov::ctl {
namespace {

namespace regpb = ::socgov::registration::v1;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Demo(const DemoCounts& counts = {}) {
  std::ostringstream out;
  WriteJimeiDemo(out, counts);
  return out.str();
}

bool Contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

bool EndsWithAny(const std::string& s, std::initializer_list<std::string_view> suffixes) {
  for (std::string_view suffix : suffixes) {
    if (s.ends_with(suffix)) return true;
  }
  return false;
}

TEST(Gb11643, CheckCharacterIsMod11_2) {
  EXPECT_EQ(Gb11643("11010519491231002"), "11010519491231002X");  // the standard's example
  EXPECT_EQ(Gb11643("44052418800101001"), "440524188001010014");
  EXPECT_THROW(Gb11643("1234"), std::invalid_argument);
}

TEST(JimeiDemo, HasTheSeedProportions) {
  std::map<regpb::OrgType, int> kinds;
  for (const std::string& line : Lines(Demo())) {
    ++kinds[ParseImportLine(line, 1, "").profile.org_type()];
  }
  EXPECT_EQ(kinds[regpb::ORG_TYPE_SOCIAL_GROUP], 83);
  EXPECT_EQ(kinds[regpb::ORG_TYPE_SOCIAL_SERVICE], 201);
  EXPECT_EQ(kinds[regpb::ORG_TYPE_COMMUNITY], 606);
  EXPECT_EQ(kinds[regpb::ORG_TYPE_FOUNDATION], 0);  // REG-11: not registrable in a district
}

TEST(JimeiDemo, IsDeterministic) { EXPECT_EQ(Demo(), Demo()); }

TEST(JimeiDemo, SatisfiesTheRegistrationRules) {
  std::set<std::string> names;
  std::set<std::string> id_numbers;
  for (const std::string& line : Lines(Demo())) {
    const ImportRecord record = ParseImportLine(line, 1, "");
    const regpb::OrganizationProfile& p = record.profile;
    SCOPED_TRACE(p.name());
    EXPECT_TRUE(names.insert(p.name()).second) << "names are unique";
    EXPECT_TRUE(id_numbers.insert(record.legal_representative_id_number).second);
    for (const char* national : {"中国", "全国", "中华"})
      EXPECT_FALSE(Contains(p.name(), national));
    EXPECT_EQ(p.jurisdiction(), "350211");
    EXPECT_GT(p.funds().fen(), 0);  // the server wants positive funds for every kind

    // REG-22: region 350211, born 1960–1995, valid check character.
    const std::string& id = record.legal_representative_id_number;
    ASSERT_EQ(id.size(), 18u);
    EXPECT_EQ(id.substr(0, 6), "350211");
    const int year = std::stoi(id.substr(6, 4));
    EXPECT_GE(year, 1960);
    EXPECT_LE(year, 1995);
    EXPECT_EQ(Gb11643(id.substr(0, 17)), id);
    ASSERT_EQ(record.nominees.size(), 1u);
    EXPECT_EQ(record.nominees[0].id_number(), id);

    switch (p.org_type()) {
      case regpb::ORG_TYPE_SOCIAL_GROUP:
        EXPECT_TRUE(p.name().ends_with("会"));
        EXPECT_FALSE(p.name().ends_with("基金会"));
        EXPECT_GE(p.individual_members(), 50);    // REG-01
        EXPECT_GE(p.funds().fen(), 30000 * 100);  // REG-02
        break;
      case regpb::ORG_TYPE_SOCIAL_SERVICE:
        EXPECT_TRUE(EndsWithAny(
            p.name(), {"中心", "院", "所", "学校", "幼儿园", "园", "馆", "站", "社", "服务部"}));
        EXPECT_NE(p.social_service_form(), regpb::SOCIAL_SERVICE_FORM_UNSPECIFIED);
        break;
      case regpb::ORG_TYPE_COMMUNITY:
        EXPECT_TRUE(Contains(p.name(), "街道") || Contains(p.name(), "镇"));
        EXPECT_TRUE(Contains(p.name(), "社区") || Contains(p.name(), "村"));
        EXPECT_TRUE(EndsWithAny(p.name(), {"队", "会", "社", "团", "中心", "站", "组", "班"}));
        EXPECT_TRUE(Contains(p.name(), p.filed_with()));
        if (p.community_form() == regpb::COMMUNITY_FORM_MEMBERSHIP) {
          EXPECT_GE(p.individual_members(), 10);
        } else {
          EXPECT_EQ(p.community_form(), regpb::COMMUNITY_FORM_SERVICE);
          EXPECT_GE(p.staff_count(), 3);
        }
        break;
      default:
        ADD_FAILURE() << "unexpected kind";
    }
  }
}

TEST(JimeiDemo, ScalesToTenThousandUniqueNames) {
  const DemoCounts counts{.social_groups = 300, .social_services = 1400, .community = 8300};
  std::set<std::string> names;
  const std::vector<std::string> lines = Lines(Demo(counts));
  ASSERT_EQ(lines.size(), 10000u);
  for (const std::string& line : lines) {
    EXPECT_TRUE(names.insert(ParseImportLine(line, 1, "").profile.name()).second);
  }
  DemoCounts too_many = DemoCapacity();
  ++too_many.community;
  EXPECT_THROW(Demo(too_many), std::invalid_argument);
}

TEST(ImportLine, ParsesEveryField) {
  const ImportRecord record = ParseImportLine(
      R"({"kind":"social_service","name":"厦门市集美区和欣社会工作服务中心","domicile":"银江路 128 号",)"
      R"("business_scope":"社会工作","legal_representative":"陈志明",)"
      R"("legal_representative_id_number":"350211197203150113","funds_yuan":"100000.5",)"
      R"("social_service_form":"legal_person","supervisory_unit":"集美区民政局",)"
      R"("nominees":[{"name":"林秀英","id_number":"350211196609080228","post":"理事长",)"
      R"("retired_cadre":true,"terms_served":1}]})",
      7, "350211");
  EXPECT_EQ(record.line, 7);
  EXPECT_EQ(record.key.size(), 32u);
  EXPECT_EQ(record.profile.org_type(), regpb::ORG_TYPE_SOCIAL_SERVICE);
  EXPECT_EQ(record.profile.funds().fen(), 10000050);
  EXPECT_EQ(record.profile.jurisdiction(), "350211");
  EXPECT_EQ(record.profile.social_service_form(), regpb::SOCIAL_SERVICE_FORM_LEGAL_PERSON);
  EXPECT_EQ(record.profile.supervisory_unit(), "集美区民政局");
  ASSERT_EQ(record.nominees.size(), 2u);
  EXPECT_EQ(record.nominees[0].name(), "陈志明");
  EXPECT_EQ(record.nominees[0].post(), "法定代表人");
  EXPECT_EQ(record.nominees[1].post(), "理事长");
  EXPECT_TRUE(record.nominees[1].retired_cadre());
  EXPECT_EQ(record.nominees[1].terms_served(), 1);
  EXPECT_EQ(ImportRequestId(record, "submit"), "import:" + record.key + ":submit");
}

TEST(ImportLine, RequestIdsFollowTheLineContent) {
  const std::string a =
      R"({"kind":"community","name":"集美区灌口镇双岭村舞蹈队","domicile":"d","business_scope":"s",)"
      R"("legal_representative":"x","legal_representative_id_number":"350211198001010011",)"
      R"("community_form":"membership","individual_members":12,"filed_with":"灌口镇"})";
  std::string b = a;
  b.replace(b.find("12"), 2, "13");
  EXPECT_EQ(ParseImportLine(a, 1, "350211").key, ParseImportLine(a, 2, "350211").key);
  EXPECT_NE(ParseImportLine(a, 1, "350211").key, ParseImportLine(b, 1, "350211").key);
  EXPECT_EQ(ParseImportLine(a, 1, "350211").profile.funds().fen(), 0);  // optional for filings
}

TEST(ImportLine, RejectsWhatWouldBeSilentlyWrong) {
  const auto error_of = [](const std::string& line) {
    try {
      ParseImportLine(line, 1, "350211");
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string base =
      R"("name":"n","domicile":"d","business_scope":"s","legal_representative":"x",)"
      R"("legal_representative_id_number":"350211198001010011")";
  EXPECT_EQ(error_of("{" + base + "}"), "kind: required");
  EXPECT_EQ(error_of(R"({"kind":"club",)" + base + "}").substr(0, 15), "kind must be so");
  EXPECT_EQ(error_of(R"({"kind":"social_group",)" + base + "}"), "funds_yuan: required");
  EXPECT_EQ(error_of(R"({"kind":"social_group","funds_yuan":30000.5,)" + base + "}"),
            "funds_yuan: must be an amount like \"30000\" or \"12.50\"");
  EXPECT_EQ(error_of(R"({"kind":"community","fundz":"1",)" + base + "}"), "fundz: unknown field");
  EXPECT_EQ(error_of(R"({"kind":"community","individual_members":-1,)" + base + "}"),
            "individual_members: must be a non-negative integer");
  EXPECT_EQ(error_of("[1]"), "not a JSON object");
  EXPECT_EQ(error_of("{").substr(0, 9), "not JSON:");
  EXPECT_EQ(error_of(R"({"kind":"community","nominees":[{"name":"a"}],)" + base + "}"),
            "nominees[0]: id_number: required");
}

}  // namespace
}  // namespace socgov::ctl
