// The public disclosure export's formatting (tools/socgovctl/export.h) and the progress bar,
// without a server: what a published file may contain and how it is quoted.
#include "export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "progress.h"

namespace socgov::ctl {
namespace {

namespace regpb = ::socgov::registration::v1;

// A registered social group with every exported field set, a masked ID number that must never be
// exported, and text that needs quoting.
regpb::Organization SampleGroup() {
  regpb::Organization org;
  org.set_id("51350211MJ0000001X");
  org.set_uscc("51350211MJ0000001X");
  org.set_status(regpb::ORG_STATUS_ACTIVE);
  org.set_version(7);
  org.set_registered_at("2026-11-27T02:13:19.123Z");
  org.set_status_changed_at("2026-11-28T08:00:00.000Z");
  org.set_application_id("0193a000-0000-7000-8000-000000000001");
  regpb::OrganizationProfile& p = *org.mutable_profile();
  p.set_org_type(regpb::ORG_TYPE_SOCIAL_GROUP);
  p.set_name("厦门市集美区书法家协会");
  p.set_domicile("厦门市集美区嘉庚路 18 号, 3 楼");
  p.mutable_legal_representative()->set_name("王海峰");
  p.mutable_legal_representative()->set_id_number_masked("350211********0030");
  p.mutable_funds()->set_fen(3000000);
  p.set_business_scope("书法创作交流；\"翰墨\"培训\n展览");
  p.set_jurisdiction("350211");
  p.set_individual_members(55);
  p.set_supervisory_unit("集美区文学艺术界联合会");
  org.mutable_council_term()->set_start_date("2026-11-27");
  org.mutable_council_term()->set_end_date("2031-11-26");
  org.mutable_articles()->set_number(2);
  org.mutable_articles()->set_party_building_clause(true);
  return org;
}

regpb::Organization SampleCommunity() {
  regpb::Organization org;
  org.set_id("B350211-2026-0001");
  org.set_status(regpb::ORG_STATUS_FILED);
  regpb::OrganizationProfile& p = *org.mutable_profile();
  p.set_org_type(regpb::ORG_TYPE_COMMUNITY);
  p.set_name("集美区侨英街道叶厝社区夕阳红志愿服务队");
  p.set_community_form(regpb::COMMUNITY_FORM_MEMBERSHIP);
  p.set_filed_with("侨英街道");
  p.mutable_legal_representative()->set_name("林秀英");
  p.mutable_legal_representative()->set_id_number_masked("350211********0022");
  return org;
}

// Splits one RFC 4180 record (without its CRLF) into fields.
std::vector<std::string> ParseCsvRecord(const std::string& record) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < record.size(); ++i) {
    const char c = record[i];
    if (quoted) {
      if (c == '"' && i + 1 < record.size() && record[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  return fields;
}

TEST(ExportFormat, YuanIsExactWithTwoDecimals) {
  EXPECT_EQ(FormatYuan(3000000), "30000.00");
  EXPECT_EQ(FormatYuan(0), "0.00");
  EXPECT_EQ(FormatYuan(5), "0.05");
  EXPECT_EQ(FormatYuan(1250), "12.50");
  EXPECT_EQ(FormatYuan(-150), "-1.50");
  EXPECT_EQ(FormatYuan(INT64_MIN), "-92233720368547758.08");
  EXPECT_EQ(FormatYuan(INT64_MAX), "92233720368547758.07");
}

TEST(ExportFormat, CsvQuotesOnlyWhatRfc4180Requires) {
  EXPECT_EQ(CsvField("厦门市集美区书法家协会"), "厦门市集美区书法家协会");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(CsvField("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(CsvField("全角，逗号"), "全角，逗号");  // U+FF0C is not a separator
  // A text a spreadsheet would run as a formula is neutralized (OWASP CSV injection).
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvField("+1"), "'+1");
  EXPECT_EQ(CsvField("-2,3"), "\"'-2,3\"");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("a=b"), "a=b");
}

TEST(ExportFormat, HeaderIsTheDocumentedColumnOrder) {
  EXPECT_EQ(CsvHeaderLine(),
            "code,name,org_type,form,status,jurisdiction,domicile,legal_representative,"
            "business_scope,funds_yuan,supervisory_unit,filed_with,registered_at,"
            "council_term_start,council_term_end,council_term_extension_until,articles_version,"
            "articles_party_building_clause,status_changed_at\r\n");
  EXPECT_EQ(ExportPreamble(ExportFormat::kCsv), CsvHeaderLine());
  EXPECT_EQ(ExportPreamble(ExportFormat::kJsonl), "");
}

TEST(ExportFormat, PublicFieldsFollowTheColumns) {
  const std::vector<PublicField> fields = PublicFields(SampleGroup());
  ASSERT_EQ(fields.size(), ExportColumns().size());
  for (size_t i = 0; i < fields.size(); ++i) EXPECT_EQ(fields[i].key, ExportColumns()[i]);
}

TEST(ExportFormat, CsvLineRoundTrips) {
  const std::string line = CsvLine(SampleGroup());
  ASSERT_TRUE(line.ends_with("\r\n"));
  const std::vector<std::string> fields = ParseCsvRecord(line.substr(0, line.size() - 2));
  ASSERT_EQ(fields.size(), ExportColumns().size());
  const std::vector<std::string> expected = {"51350211MJ0000001X",
                                             "厦门市集美区书法家协会",
                                             "社会团体",
                                             "",
                                             "正常",
                                             "350211",
                                             "厦门市集美区嘉庚路 18 号, 3 楼",
                                             "王海峰",
                                             "书法创作交流；\"翰墨\"培训\n展览",
                                             "30000.00",
                                             "集美区文学艺术界联合会",
                                             "",
                                             "2026-11-27T02:13:19.123Z",
                                             "2026-11-27",
                                             "2031-11-26",
                                             "",
                                             "2",
                                             "true",
                                             "2026-11-28T08:00:00.000Z"};
  EXPECT_EQ(fields, expected);
}

TEST(ExportFormat, JsonlLineHasTheSameKeysAndTypedValues) {
  const std::string line = JsonlLine(SampleGroup());
  ASSERT_TRUE(line.ends_with("}\n"));
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "one object per line";
  const nlohmann::ordered_json object = nlohmann::ordered_json::parse(line);
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  EXPECT_EQ(keys, std::vector<std::string>(ExportColumns().begin(), ExportColumns().end()));
  EXPECT_EQ(object["code"], "51350211MJ0000001X");
  EXPECT_EQ(object["business_scope"], "书法创作交流；\"翰墨\"培训\n展览");
  EXPECT_EQ(object["funds_yuan"], "30000.00");
  EXPECT_EQ(object["articles_version"], 2);
  EXPECT_EQ(object["articles_party_building_clause"], true);
  EXPECT_EQ(object["council_term_extension_until"], "");
}

TEST(ExportFormat, AbsentArticlesAreEmptyInCsvAndNullInJson) {
  const regpb::Organization org = SampleCommunity();
  const std::string csv = CsvLine(org);
  const std::vector<std::string> fields = ParseCsvRecord(csv.substr(0, csv.size() - 2));
  EXPECT_EQ(fields[16], "");
  EXPECT_EQ(fields[17], "");
  const auto object = nlohmann::json::parse(JsonlLine(org));
  EXPECT_TRUE(object["articles_version"].is_null());
  EXPECT_TRUE(object["articles_party_building_clause"].is_null());
  EXPECT_EQ(object["org_type"], "社区社会组织");
  EXPECT_EQ(object["form"], "社团型");
  EXPECT_EQ(object["status"], "已备案");
  EXPECT_EQ(object["filed_with"], "侨英街道");
  EXPECT_EQ(object["funds_yuan"], "0.00");
}

TEST(ExportFormat, NeverWritesIdNumbersNotEvenMasked) {
  for (const regpb::Organization& org : {SampleGroup(), SampleCommunity()}) {
    const std::string masked = org.profile().legal_representative().id_number_masked();
    for (ExportFormat format : {ExportFormat::kCsv, ExportFormat::kJsonl}) {
      const std::string line = ExportLine(format, org);
      EXPECT_EQ(line.find(masked), std::string::npos) << line;
      EXPECT_EQ(line.find("********"), std::string::npos) << line;
    }
  }
}

TEST(ExportFormat, JsonStringEscapesControlCharacters) {
  EXPECT_EQ(JsonString("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonString(std::string("\x01\t\r\n", 4)), "\"\\u0001\\t\\r\\n\"");
  EXPECT_EQ(JsonString("集美"), "\"集美\"");
}

TEST(ExportFormat, LabelsForEveryKindAndForm) {
  regpb::OrganizationProfile p;
  p.set_org_type(regpb::ORG_TYPE_SOCIAL_SERVICE);
  p.set_social_service_form(regpb::SOCIAL_SERVICE_FORM_PARTNERSHIP);
  EXPECT_EQ(FormLabel(p), "合伙");
  EXPECT_EQ(OrgTypeLabel(p.org_type()), "民办非企业单位");
  p.set_org_type(regpb::ORG_TYPE_FOUNDATION);
  p.set_foundation_kind(regpb::FOUNDATION_KIND_NON_PUBLIC);
  EXPECT_EQ(FormLabel(p), "非公募");
  EXPECT_EQ(OrgStatusLabel(regpb::ORG_STATUS_CANCELLED), "已注销");
  EXPECT_EQ(OrgStatusLabel(regpb::ORG_STATUS_LIQUIDATING), "清算中");
}

TEST(ExportFormat, ParsesFormatNames) {
  EXPECT_EQ(ParseExportFormat("csv"), ExportFormat::kCsv);
  EXPECT_EQ(ParseExportFormat("jsonl"), ExportFormat::kJsonl);
  EXPECT_EQ(ParseExportFormat("xlsx"), std::nullopt);
}

TEST(ProgressBar, ShowsBarCountPercentAndSeconds) {
  EXPECT_EQ(ProgressLine(4000, 10000, 1.2), "[########------------] 4000/10000  40%  1.2 s");
  EXPECT_EQ(ProgressLine(0, 10000, 0), "[--------------------] 0/10000  0%  0.0 s");
  EXPECT_EQ(ProgressLine(10000, 10000, 3.25), "[####################] 10000/10000  100%  3.2 s");
  // The server's total is an upper bound or may grow during the run: never past 100 %.
  EXPECT_EQ(ProgressLine(12, 10, 1), "[####################] 12/10  100%  1.0 s");
  EXPECT_EQ(ProgressLine(7, 0, 0.5), "[--------------------] 7  0.5 s");
}

TEST(ProgressBar, NotATerminalPrintsOneLinePerTenPercent) {
  std::ostringstream err;
  Progress progress(err, /*terminal=*/false);
  for (int done = 0; done <= 1000; done += 50) progress.Update(done, 1000);
  progress.Finish(1000, 1000, "done");
  const std::string text = err.str();
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  EXPECT_EQ(lines, 11u) << text;  // 10 %, 20 %, ..., 100 %, then the summary
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_TRUE(text.ends_with("done\n"));
}

TEST(ProgressBar, TerminalRedrawsInPlace) {
  std::ostringstream err;
  Progress progress(err, /*terminal=*/true);
  progress.Update(1, 2);
  progress.Finish(2, 2, "done");
  const std::string text = err.str();
  EXPECT_EQ(text.front(), '\r');
  EXPECT_NE(text.find("\r[####################] 2/2  100%"), std::string::npos) << text;
  EXPECT_TRUE(text.ends_with("\ndone\n"));
}

}  // namespace
}  // namespace socgov::ctl
