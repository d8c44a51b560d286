// End to end: 10,000 organizations loaded through the RPCs with `socgovctl reg import`, then the
// public-disclosure export with its progress display, in both formats (issue: daily open data).
#include <fstream>

#include "stack.h"

namespace socgov::testing {
namespace {

size_t CountLines(const std::string& path) {
  std::ifstream in(path);
  size_t n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The header row as the README documents it: the code block after "The header row is:".
std::string DocumentedHeader() {
  std::ifstream in(std::string(SOCGOV_SOURCE_DIR) + "/README.md");
  std::string line;
  while (std::getline(in, line) && line.find("The header row is:") == std::string::npos) {
  }
  while (std::getline(in, line) && line.rfind("```", 0) != 0) {
  }
  std::getline(in, line);
  return line;
}

TEST(EndToEnd, ExportOfTenThousandOrganizationsShowsProgressAndTheDocumentedHeader) {
  Stack stack;
  stack.StartRegistration();
  ASSERT_TRUE(stack.WaitReady(stack.reg_addr())) << stack.Logs();
  const std::string dir = stack.dir();

  // Jimei's kinds, scaled to 10,000 (registered ones go through preparation, review and approval).
  auto made = stack.Ctl("registrar", "demo jimei --out " + dir +
                                         "/orgs.jsonl --social-groups 40 "
                                         "--social-services 60 --community 9900");
  ASSERT_EQ(made.exit_code, 0) << made.out;
  ASSERT_EQ(CountLines(dir + "/orgs.jsonl"), 10000u);
  auto imported = stack.Ctl("registrar", "reg import --file " + dir + "/orgs.jsonl --parallel 16");
  ASSERT_EQ(imported.exit_code, 0) << imported.out.substr(0, 4000) << stack.Logs();

  auto csv = stack.Ctl("viewer", "reg export --format csv --out " + dir + "/register.csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.out;
  // Not a terminal: progress is printed as lines every 10 %, then a summary.
  EXPECT_NE(csv.out.find("10000/10000"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find("100%"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find("50%"), std::string::npos) << csv.out;
  EXPECT_EQ(CountLines(dir + "/register.csv"), 10001u);  // header + one row per organization
  const std::string header = DocumentedHeader();
  ASSERT_FALSE(header.empty());
  EXPECT_EQ(FirstLine(dir + "/register.csv"), header);
  EXPECT_FALSE(std::ifstream(dir + "/register.csv.tmp").good()) << "temporary file left";

  auto jsonl = stack.Ctl("viewer", "reg export --format jsonl --out " + dir + "/register.jsonl");
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.out;
  EXPECT_EQ(CountLines(dir + "/register.jsonl"), 10000u);

  // No ID number, masked or not, in the public extract.
  std::ifstream in(dir + "/register.csv");
  const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(all.find("****"), std::string::npos);
}

}  // namespace
}  // namespace socgov::testing
