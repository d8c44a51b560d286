// The responsible-person joint review (负责人联审, REG-20/21/22): opening, opinions, conclusion,
// publicity, filing, and the check other acts make against a review.
#include "registration/domain/review.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "registration/domain/id_number.h"

namespace socgov::registration {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::sys_days;
using namespace std::chrono_literals;

// 02:00 UTC is 10:00 in China: the China date is 2026-11-28 while UTC says the same day, so tests
// about the China date boundary use their own instants.
const TimePoint kNow = sys_days{2026y / std::chrono::November / 28} + hours(2);
constexpr char kToday[] = "2026-11-28";
const RegistrySettings kSettings{.authority_code = "350211"};

// A GB 11643 number born on `yyyymmdd` with a correct check digit, so a test isolates its rule.
std::string Id(std::string_view yyyymmdd, std::string_view seq = "001") {
  const std::string first17 = "350211" + std::string(yyyymmdd) + std::string(seq);
  return first17 + *IdCheckDigit(first17);
}

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

Actor Clerk() { return {.subject = "clerk-1", .roles = {"clerk"}, .jurisdiction = "350211"}; }
Actor Registrar() {
  return {.subject = "registrar-2", .roles = {"registrar"}, .jurisdiction = "350211"};
}

NomineeInput Chair() { return {.name = "张三", .id_number = Id("19700315"), .post = "会长"}; }
NomineeInput Secretary() {
  return {.name = "李四", .id_number = Id("19850601", "002"), .post = "秘书长"};
}
NomineeInput RetiredCadre(std::string birth = "19600101") {
  return {.name = "王五",
          .id_number = Id(birth, "003"),
          .post = "副会长",
          .retired_cadre = true,
          .other_posts = 0,
          .terms_served = 0};
}

const std::vector<std::string> kTwoDepartments = {"公安局", "纪委监委"};

Result<ReviewCase> Open(std::vector<NomineeInput> nominees = {Chair()},
                        std::vector<std::string> departments = kTwoDepartments, int answer_days = 0,
                        ReviewTrigger trigger = ReviewTrigger::kEstablishment,
                        std::string subject = "app-1", TimePoint now = kNow) {
  return OpenReview("rev-1", std::move(subject), "350211", trigger, nominees,
                    std::move(departments), answer_days, kSettings, Clerk(), now);
}

ReviewCase Opened(std::vector<NomineeInput> nominees = {Chair()}) {
  Result<ReviewCase> r = Open(std::move(nominees));
  EXPECT_TRUE(r.ok()) << r.error().message;
  return std::move(r).value();
}

// The error of a result that must fail with `code`; "(accepted)" when it succeeded.
template <typename T>
std::string Err(const Result<T>& r, ErrorCode code) {
  if (r.ok()) return "(accepted)";
  EXPECT_EQ(r.error().code, code) << r.error().message;
  return r.error().message;
}
std::string Err(const Status& s, ErrorCode code) {
  if (!s) return "(accepted)";
  EXPECT_EQ(s->code, code) << s->message;
  return s->message;
}
template <typename T>
std::string Invalid(const Result<T>& r) {
  return Err(r, ErrorCode::kInvalidArgument);
}
template <typename T>
std::string Precondition(const Result<T>& r) {
  return Err(r, ErrorCode::kFailedPrecondition);
}

bool Contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

ReviewCase Answer(const ReviewCase& c, const std::string& dept, Opinion o,
                  const std::string& comment = "", TimePoint now = kNow) {
  Result<ReviewCase> r = RecordOpinion(c, c.version, dept, o, comment, Registrar(), now);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return std::move(r).value();
}

ReviewCase Passed() {
  ReviewCase c = Opened({Chair(), Secretary()});
  c = Answer(c, "公安局", Opinion::kNoObjection);
  c = Answer(c, "纪委监委", Opinion::kNoObjection);
  Result<ReviewCase> r = ConcludeReview(c, c.version, Registrar(), kNow);
  EXPECT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, ReviewStatus::kPassed);
  return std::move(r).value();
}

ReviewCase Failed() {
  ReviewCase c = Opened();
  c = Answer(c, "公安局", Opinion::kObjection, "有违法犯罪记录");
  c = Answer(c, "纪委监委", Opinion::kNoObjection);
  Result<ReviewCase> r = ConcludeReview(c, c.version, Registrar(), kNow);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return std::move(r).value();
}

ReviewCase Published() {
  ReviewCase c = Passed();
  Result<ReviewCase> r = PublishReview(c, c.version, "2026-11-30", "2026-12-04", Registrar(), kNow);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return std::move(r).value();
}

// ---------------------------------------------------------------------------------------------
// OpenReview

TEST(ReviewTest, REG20_OpenBuildsAnOpenCaseAtVersionOne) {
  Result<ReviewCase> r = Open({Chair(), Secretary()}, {"公安局", "纪委监委"}, 0,
                              ReviewTrigger::kReelection, "91350211MA000000XX");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->id, "rev-1");
  EXPECT_EQ(r->subject_id, "91350211MA000000XX");
  EXPECT_EQ(r->jurisdiction, "350211");
  EXPECT_EQ(r->trigger, ReviewTrigger::kReelection);
  EXPECT_EQ(r->status, ReviewStatus::kOpen);
  EXPECT_EQ(r->version, 1);
  EXPECT_EQ(r->opened_by.subject, "clerk-1");
  EXPECT_EQ(r->opened_at, kNow);
  EXPECT_FALSE(r->concluded_at.has_value());
  ASSERT_EQ(r->nominees.size(), 2u);
  EXPECT_EQ(r->nominees[0].person.name, "张三");
  EXPECT_EQ(r->nominees[0].post, "会长");
  EXPECT_EQ(r->nominees[0].birth_date, "1970-03-15");
  EXPECT_EQ(r->nominees[1].birth_date, "1985-06-01");
  ASSERT_EQ(r->opinions.size(), 2u);
  for (const DepartmentOpinion& o : r->opinions) {
    EXPECT_EQ(o.opinion, Opinion::kPending);
    EXPECT_EQ(o.deadline, "2026-12-08");  // default 10 days
    EXPECT_FALSE(o.recorded_at.has_value());
  }
  EXPECT_EQ(r->opinions[0].department, "公安局");
  EXPECT_EQ(r->opinions[1].department, "纪委监委");
}

TEST(ReviewTest, REG20_EmptyDepartmentListMeansTheConfiguredOnes) {
  Result<ReviewCase> r = Open({Chair()}, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->opinions.size(), kSettings.review_departments.size());
  for (size_t i = 0; i < r->opinions.size(); ++i) {
    EXPECT_EQ(r->opinions[i].department, kSettings.review_departments[i]);
  }
  RegistrySettings none = kSettings;
  none.review_departments.clear();
  EXPECT_EQ(Invalid(OpenReview("rev-1", "app-1", "350211", ReviewTrigger::kEstablishment, {Chair()},
                               {}, 0, none, Clerk(), kNow)),
            "departments: at least one department is required (none is configured)");
}

TEST(ReviewTest, REG20_AnswerDaysSetTheDeadlineInChinaDays) {
  Result<ReviewCase> r = Open({Chair()}, kTwoDepartments, 3);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->opinions[0].deadline, "2026-12-01");
  r = Open({Chair()}, kTwoDepartments, 60);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->opinions[0].deadline, "2027-01-27");
  // 17:00 UTC on the 27th is already the 28th in China.
  const TimePoint evening = sys_days{2026y / std::chrono::November / 27} + hours(17);
  r = Open({Chair()}, kTwoDepartments, 1, ReviewTrigger::kEstablishment, "app-1", evening);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->opinions[0].deadline, "2026-11-29");

  RegistrySettings slow = kSettings;
  slow.review_answer_days = 20;
  r = OpenReview("rev-1", "app-1", "350211", ReviewTrigger::kEstablishment, {Chair()},
                 kTwoDepartments, 0, slow, Clerk(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->opinions[0].deadline, "2026-12-18");
}

TEST(ReviewTest, AnswerDaysOutOfRangeFail) {
  EXPECT_EQ(Invalid(Open({Chair()}, kTwoDepartments, 61)),
            "answer_days: must be 1..60 days, or 0 for the default (10), got 61");
  EXPECT_EQ(Invalid(Open({Chair()}, kTwoDepartments, -1)),
            "answer_days: must be 1..60 days, or 0 for the default (10), got -1");
}

TEST(ReviewTest, TriggerMustBeKnown) {
  const std::string expected =
      "trigger: must be ESTABLISHMENT, REELECTION, MIDTERM_CHANGE or CHANGE";
  EXPECT_EQ(Invalid(Open({Chair()}, kTwoDepartments, 0, ReviewTrigger::kUnspecified)), expected);
  EXPECT_EQ(Invalid(Open({Chair()}, kTwoDepartments, 0, static_cast<ReviewTrigger>(99))), expected);
  for (ReviewTrigger t : {ReviewTrigger::kEstablishment, ReviewTrigger::kReelection,
                          ReviewTrigger::kMidtermChange, ReviewTrigger::kChange}) {
    EXPECT_TRUE(Open({Chair()}, kTwoDepartments, 0, t).ok()) << ToString(t);
  }
}

TEST(ReviewTest, SubjectIdIsRequired) {
  EXPECT_EQ(Invalid(Open({Chair()}, kTwoDepartments, 0, ReviewTrigger::kChange, "")),
            "subject_id: must not be empty");
  EXPECT_EQ(Invalid(Open({Chair()}, kTwoDepartments, 0, ReviewTrigger::kChange, "  ")),
            "subject_id: must not be empty");
  EXPECT_EQ(Invalid(Open({Chair()}, kTwoDepartments, 0, ReviewTrigger::kChange, Repeat("x", 65))),
            "subject_id: must be at most 64 characters, got 65");
}

TEST(ReviewTest, IdIsRequired) {
  EXPECT_EQ(Invalid(OpenReview("", "app-1", "350211", ReviewTrigger::kEstablishment, {Chair()},
                               kTwoDepartments, 0, kSettings, Clerk(), kNow)),
            "id: must not be empty");
}

TEST(ReviewTest, NomineesAreOneToFifty) {
  EXPECT_EQ(Invalid(Open({})), "nominees: at least one nominee is required");
  std::vector<NomineeInput> many;
  for (int i = 0; i < 51; ++i) {
    char seq[4];
    std::snprintf(seq, sizeof seq, "%03d", i);
    many.push_back({.name = "某人", .id_number = Id("19800101", seq), .post = "理事"});
  }
  EXPECT_EQ(Invalid(Open(many)), "nominees: at most 50 nominees, got 51");
  many.pop_back();
  EXPECT_TRUE(Open(many).ok());
}

TEST(ReviewTest, NomineeNameIsOneToFiftyCharactersOnOneLine) {
  NomineeInput n = Chair();
  n.name = "";
  EXPECT_EQ(Invalid(Open({Secretary(), n})), "nominees[1].name: must not be empty");
  n.name = "\u3000 ";
  EXPECT_EQ(Invalid(Open({n})), "nominees[0].name: must not be empty");
  n.name = Repeat("张", 51);
  EXPECT_EQ(Invalid(Open({n})), "nominees[0].name: must be at most 50 characters, got 51");
  n.name = "张\n三";
  EXPECT_EQ(Invalid(Open({n})), "nominees[0].name: must not contain control characters");
  n.name = "\xE5\xBC";
  EXPECT_EQ(Invalid(Open({n})), "nominees[0].name: must be valid UTF-8");
  n.name = " " + Repeat("张", 50) + " ";
  Result<ReviewCase> r = Open({n});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->nominees[0].person.name, Repeat("张", 50));
}

TEST(ReviewTest, NomineePostIsOneToTwentyCharacters) {
  NomineeInput n = Chair();
  n.post = "";
  EXPECT_EQ(Invalid(Open({n})), "nominees[0].post: must not be empty");
  n.post = Repeat("长", 21);
  EXPECT_EQ(Invalid(Open({n})), "nominees[0].post: must be at most 20 characters, got 21");
  n.post = Repeat("长", 20);
  EXPECT_TRUE(Open({n}).ok());
}

TEST(ReviewTest, REG22_NomineeIdNumberWithWrongCheckDigitFails) {
  NomineeInput n = Chair();
  std::string id = Id("19700315");
  id.back() = id.back() == '0' ? '1' : '0';
  n.id_number = id;
  EXPECT_TRUE(Contains(Invalid(Open({n})), "nominees[0].id_number: check digit is"));
}

TEST(ReviewTest, REG22_NomineeIdNumberWithImpossibleBirthDateFails) {
  NomineeInput n = Chair();
  n.id_number = Id("19700230");
  EXPECT_EQ(Invalid(Open({n})), "nominees[0].id_number: birth date 19700230 is not a real date");
  n.id_number = Id("20261201");
  EXPECT_EQ(Invalid(Open({n})),
            "nominees[0].id_number: birth date 20261201 is after today 20261128");
  n.id_number = "";
  EXPECT_TRUE(Contains(Invalid(Open({n})), "nominees[0].id_number: must be 18 characters"));
}

TEST(ReviewTest, REG22_NomineeIdNumberIsStoredNormalized) {
  NomineeInput n = Chair();
  n.id_number = " 11010519491231002x ";
  Result<ReviewCase> r = Open({n});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->nominees[0].person.id_number, "11010519491231002X");
  EXPECT_EQ(r->nominees[0].birth_date, "1949-12-31");
  n.id_number = "110105491231002";  // legacy 15-digit form
  r = Open({n});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->nominees[0].person.id_number, "11010519491231002X");
}

TEST(ReviewTest, REG22_SamePersonNominatedTwiceFails) {
  NomineeInput a = Chair();
  NomineeInput b = Secretary();
  b.id_number = a.id_number;
  EXPECT_EQ(Invalid(Open({a, b})), "nominees[1].id_number: same ID number as nominees[0]");
  // The legacy and the 18-digit form are the same person.
  a.id_number = "11010519491231002X";
  b.id_number = "110105491231002";
  EXPECT_EQ(Invalid(Open({Secretary(), a, b})),
            "nominees[2].id_number: same ID number as nominees[1]");
}

TEST(ReviewTest, NegativeCountsFail) {
  NomineeInput n = Chair();
  n.other_posts = -1;
  EXPECT_EQ(Invalid(Open({n})), "nominees[0].other_posts: must not be negative");
  n = Chair();
  n.terms_served = -1;
  EXPECT_EQ(Invalid(Open({n})), "nominees[0].terms_served: must not be negative");
}

TEST(ReviewTest, DepartmentsAreOneToThirtyDistinctNames) {
  EXPECT_EQ(Invalid(Open({Chair()}, {"公安局", "纪委监委", " 公安局 "})),
            "departments: 公安局 is listed more than once");
  EXPECT_EQ(Invalid(Open({Chair()}, {"公安局", ""})), "departments[1]: must not be empty");
  EXPECT_EQ(Invalid(Open({Chair()}, {Repeat("部", 51)})),
            "departments[0]: must be at most 50 characters, got 51");
  std::vector<std::string> many;
  for (int i = 0; i < 31; ++i) many.push_back("部门" + std::to_string(i));
  EXPECT_EQ(Invalid(Open({Chair()}, many)), "departments: at most 30 departments, got 31");
  many.pop_back();
  EXPECT_TRUE(Open({Chair()}, many).ok());
  Result<ReviewCase> r = Open({Chair()}, {" 公安局\u3000"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->opinions[0].department, "公安局");
}

TEST(ReviewTest, REG21_RetiredCadreWithinLimitsPasses) {
  // Born 1956-11-28: exactly 70 on 2026-11-28.
  Result<ReviewCase> r = Open({RetiredCadre("19561128")});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->nominees[0].retired_cadre);
  NomineeInput n = RetiredCadre();
  n.terms_served = 1;  // the coming term is the second
  EXPECT_TRUE(Open({n}).ok());
}

TEST(ReviewTest, REG21_RejectsRetiredCadreOver70) {
  NomineeInput n = RetiredCadre("19540101");
  n.name = "张三";
  EXPECT_EQ(Precondition(Open({Chair(), n})),
            "REG-21: nominees[1] (张三) is 72 on 2026-11-28; a retired cadre may serve until 70");
  // Turns 71 today.
  EXPECT_TRUE(Contains(Precondition(Open({RetiredCadre("19551128")})), "is 71 on 2026-11-28"));
  // The age limit does not apply to others.
  NomineeInput other = RetiredCadre("19400101");
  other.retired_cadre = false;
  EXPECT_TRUE(Open({other}).ok());
}

TEST(ReviewTest, REG21_AgeIsCountedOnTheChinaDate) {
  // 16:30 UTC on the 27th is the 28th in China, the nominee's 71st birthday.
  const TimePoint evening = sys_days{2026y / std::chrono::November / 27} + hours(16) + 30min;
  EXPECT_TRUE(Contains(Precondition(Open({RetiredCadre("19551128")}, kTwoDepartments, 0,
                                         ReviewTrigger::kEstablishment, "app-1", evening)),
                       "is 71 on 2026-11-28"));
}

TEST(ReviewTest, REG21_RejectsRetiredCadreWithAnotherPost) {
  NomineeInput n = RetiredCadre();
  n.other_posts = 1;
  EXPECT_EQ(Precondition(Open({n})),
            "REG-21: nominees[0] (王五) holds 1 other social-group post(s); a retired cadre may "
            "hold 1 in all");
}

TEST(ReviewTest, REG21_RejectsRetiredCadreForAThirdTerm) {
  NomineeInput n = RetiredCadre();
  n.terms_served = 2;
  EXPECT_EQ(Precondition(Open({n})),
            "REG-21: nominees[0] (王五) has served 2 term(s); a retired cadre may serve 2 terms in "
            "all");
}

TEST(ReviewTest, REG21_RejectsRetiredCadreAsLegalRepresentative) {
  NomineeInput n = RetiredCadre();
  n.post = "法定代表人";
  EXPECT_EQ(Precondition(Open({n})),
            "REG-21: nominees[0] (王五) is a retired cadre and may not be 法定代表人");
  n.post = "会长（法定代表人）";
  EXPECT_EQ(Precondition(Open({n})),
            "REG-21: nominees[0] (王五) is a retired cadre and may not be 法定代表人");
}

TEST(ReviewTest, FieldErrorsComeBeforeREG21) {
  NomineeInput n = RetiredCadre("19400101");
  EXPECT_EQ(Invalid(Open({n}, {"公安局", "公安局"})),
            "departments: 公安局 is listed more than once");
}

// ---------------------------------------------------------------------------------------------
// RecordOpinion

TEST(ReviewTest, REG20_RecordOpinionStoresTheAnswer) {
  const ReviewCase c = Opened();
  const TimePoint later = kNow + hours(5);
  Result<ReviewCase> r =
      RecordOpinion(c, 1, " 公安局 ", Opinion::kObjection, " 有前科 ", Registrar(), later);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->version, 2);
  EXPECT_EQ(r->status, ReviewStatus::kOpen);
  EXPECT_EQ(r->opinions[0].opinion, Opinion::kObjection);
  EXPECT_EQ(r->opinions[0].comment, "有前科");
  EXPECT_EQ(r->opinions[0].recorded_by.subject, "registrar-2");
  EXPECT_EQ(r->opinions[0].recorded_at, later);
  EXPECT_EQ(r->opinions[1].opinion, Opinion::kPending);
  // The input is untouched.
  EXPECT_EQ(c.version, 1);
  EXPECT_EQ(c.opinions[0].opinion, Opinion::kPending);
}

TEST(ReviewTest, REG20_RecordOpinionNeedsTheCurrentVersion) {
  const ReviewCase c = Opened();
  EXPECT_EQ(Err(RecordOpinion(c, 2, "公安局", Opinion::kNoObjection, "", Registrar(), kNow),
                ErrorCode::kAborted),
            "review rev-1 is at version 1, request had 2");
}

TEST(ReviewTest, REG20_RecordOpinionOnlyWhileOpen) {
  for (const ReviewCase& c : {Passed(), Failed()}) {
    EXPECT_EQ(Precondition(RecordOpinion(c, c.version, "公安局", Opinion::kNoObjection, "",
                                         Registrar(), kNow)),
              "review rev-1 is " + std::string(ToString(c.status)) +
                  "; opinions can only be recorded while OPEN (REG-20)");
  }
}

TEST(ReviewTest, REG20_DepartmentAnswersOnce) {
  const ReviewCase c = Answer(Opened(), "公安局", Opinion::kNoObjection);
  EXPECT_EQ(Precondition(RecordOpinion(c, c.version, "公安局", Opinion::kObjection, "补充意见",
                                       Registrar(), kNow)),
            "review rev-1: 公安局 already answered NO_OBJECTION; an opinion cannot be changed "
            "(REG-20)");
}

TEST(ReviewTest, REG20_DepartmentMustBeOneOfTheCase) {
  const ReviewCase c = Opened();
  EXPECT_EQ(Invalid(RecordOpinion(c, 1, "住建局", Opinion::kNoObjection, "", Registrar(), kNow)),
            "department: 住建局 is not one of the departments of review rev-1");
  EXPECT_EQ(Invalid(RecordOpinion(c, 1, " ", Opinion::kNoObjection, "", Registrar(), kNow)),
            "department: must not be empty");
}

TEST(ReviewTest, OpinionMustBeAnAnswer) {
  const ReviewCase c = Opened();
  const std::string expected = "opinion: must be NO_OBJECTION or OBJECTION";
  for (Opinion o :
       {Opinion::kUnspecified, Opinion::kPending, Opinion::kLapsed, static_cast<Opinion>(99)}) {
    EXPECT_EQ(Invalid(RecordOpinion(c, 1, "公安局", o, "", Registrar(), kNow)), expected);
  }
}

TEST(ReviewTest, REG20_ObjectionNeedsAComment) {
  const ReviewCase c = Opened();
  EXPECT_EQ(
      Invalid(RecordOpinion(c, 1, "公安局", Opinion::kObjection, " \u3000", Registrar(), kNow)),
      "comment: required for an objection");
  EXPECT_TRUE(RecordOpinion(c, 1, "公安局", Opinion::kNoObjection, "", Registrar(), kNow).ok());
}

TEST(ReviewTest, CommentIsAtMostFiveHundredCharacters) {
  const ReviewCase c = Opened();
  EXPECT_EQ(Invalid(RecordOpinion(c, 1, "公安局", Opinion::kObjection, Repeat("意", 501),
                                  Registrar(), kNow)),
            "comment: must be at most 500 characters, got 501");
  EXPECT_TRUE(
      RecordOpinion(c, 1, "公安局", Opinion::kObjection, Repeat("意", 500), Registrar(), kNow)
          .ok());
  EXPECT_EQ(
      Invalid(RecordOpinion(c, 1, "公安局", Opinion::kNoObjection, "\xFF", Registrar(), kNow)),
      "comment: must be valid UTF-8");
}

TEST(ReviewTest, REG20_LateAnswerIsStillRecordedWhileOpen) {
  const ReviewCase c = Opened();
  const TimePoint late = kNow + days(30);
  Result<ReviewCase> r =
      RecordOpinion(c, 1, "公安局", Opinion::kObjection, "逾期反馈：有前科", Registrar(), late);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->opinions[0].opinion, Opinion::kObjection);
}

// ---------------------------------------------------------------------------------------------
// ConcludeReview

TEST(ReviewTest, REG20_NoObjectionPasses) {
  const ReviewCase c = Passed();
  EXPECT_EQ(c.status, ReviewStatus::kPassed);
  EXPECT_EQ(c.version, 4);
  EXPECT_EQ(c.concluded_at, kNow);
}

TEST(ReviewTest, REG20_AnyObjectionFails) {
  const ReviewCase c = Failed();
  EXPECT_EQ(c.status, ReviewStatus::kFailed);
  EXPECT_EQ(c.concluded_at, kNow);
}

TEST(ReviewTest, REG20_CannotConcludeWhileDepartmentsAreWithinTheirDeadline) {
  const ReviewCase c = Answer(Opened(), "公安局", Opinion::kNoObjection);
  // The deadline day itself still belongs to the department.
  const TimePoint on_deadline = sys_days{2026y / std::chrono::December / 8} + hours(2);
  EXPECT_EQ(Precondition(ConcludeReview(c, c.version, Registrar(), on_deadline)),
            "review rev-1 cannot be concluded yet: still within the deadline to answer: 纪委监委 "
            "(until 2026-12-08) (REG-20)");
  const ReviewCase open = Opened();
  EXPECT_EQ(Precondition(ConcludeReview(open, 1, Registrar(), kNow)),
            "review rev-1 cannot be concluded yet: still within the deadline to answer: 公安局 "
            "(until 2026-12-08), 纪委监委 (until 2026-12-08) (REG-20)");
}

TEST(ReviewTest, REG20_SilencePastTheDeadlineLapsesAndCountsAsNoObjection) {
  const ReviewCase c = Answer(Opened(), "公安局", Opinion::kNoObjection);
  // 16:00 UTC on the 8th is already the 9th in China.
  const TimePoint after = sys_days{2026y / std::chrono::December / 8} + hours(16);
  Result<ReviewCase> r = ConcludeReview(c, c.version, Registrar(), after);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, ReviewStatus::kPassed);
  EXPECT_EQ(r->version, c.version + 1);
  EXPECT_EQ(r->opinions[0].opinion, Opinion::kNoObjection);
  EXPECT_EQ(r->opinions[1].opinion, Opinion::kLapsed);
  EXPECT_EQ(r->opinions[1].recorded_at, after);
  EXPECT_EQ(r->concluded_at, after);
  EXPECT_EQ(c.opinions[1].opinion, Opinion::kPending);  // input untouched
}

TEST(ReviewTest, REG20_ObjectionStillFailsWhenOthersLapsed) {
  const ReviewCase c = Answer(Opened(), "纪委监委", Opinion::kObjection, "违纪处分期内");
  Result<ReviewCase> r = ConcludeReview(c, c.version, Registrar(), kNow + days(30));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, ReviewStatus::kFailed);
  EXPECT_EQ(r->opinions[0].opinion, Opinion::kLapsed);
}

TEST(ReviewTest, REG20_ConcludeNeedsTheCurrentVersion) {
  const ReviewCase c = Opened();
  EXPECT_EQ(Err(ConcludeReview(c, 0, Registrar(), kNow + days(30)), ErrorCode::kAborted),
            "review rev-1 is at version 1, request had 0");
}

TEST(ReviewTest, REG20_ConcludeOnlyWhileOpen) {
  for (const ReviewCase& c : {Passed(), Failed()}) {
    EXPECT_EQ(Precondition(ConcludeReview(c, c.version, Registrar(), kNow)),
              "review rev-1 is " + std::string(ToString(c.status)) +
                  "; a review can only be concluded while OPEN (REG-20)");
  }
}

TEST(ReviewTest, CorruptDeadlineIsInternal) {
  ReviewCase c = Opened();
  c.opinions[0].deadline = "2026-13-01";
  EXPECT_EQ(Err(ConcludeReview(c, 1, Registrar(), kNow), ErrorCode::kInternal),
            "review rev-1 has an unreadable deadline \"2026-13-01\"");
}

// ---------------------------------------------------------------------------------------------
// PublishReview

TEST(ReviewTest, REG20_PublishSetsThePublicity) {
  const ReviewCase c = Passed();
  Result<ReviewCase> r = PublishReview(c, c.version, kToday, "2026-12-02", Registrar(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->publicity_from, "2026-11-28");
  EXPECT_EQ(r->publicity_until, "2026-12-02");
  EXPECT_EQ(r->version, c.version + 1);
  EXPECT_EQ(r->status, ReviewStatus::kPassed);
  EXPECT_TRUE(c.publicity_from.empty());
}

TEST(ReviewTest, REG20_PublicityLastsFiveToThirtyOneDays) {
  const ReviewCase c = Passed();
  EXPECT_EQ(Invalid(PublishReview(c, c.version, "2026-12-01", "2026-12-04", Registrar(), kNow)),
            "until: the publicity lasts at least 5 days, so until must be 2026-12-05 or later, got "
            "2026-12-04");
  EXPECT_TRUE(PublishReview(c, c.version, "2026-12-01", "2026-12-05", Registrar(), kNow).ok());
  EXPECT_TRUE(PublishReview(c, c.version, "2026-12-01", "2026-12-31", Registrar(), kNow).ok());
  EXPECT_EQ(Invalid(PublishReview(c, c.version, "2026-12-01", "2027-01-01", Registrar(), kNow)),
            "until: must be at most 30 days after from (2026-12-31), got 2027-01-01");
}

TEST(ReviewTest, PublicityCannotStartInThePast) {
  const ReviewCase c = Passed();
  EXPECT_EQ(Invalid(PublishReview(c, c.version, "2026-11-27", "2026-12-05", Registrar(), kNow)),
            "from: must not be before today 2026-11-28, got 2026-11-27");
}

TEST(ReviewTest, PublicityDatesMustBeRealDates) {
  const ReviewCase c = Passed();
  EXPECT_EQ(Invalid(PublishReview(c, c.version, "", "2026-12-05", Registrar(), kNow)),
            "from: required (a date YYYY-MM-DD)");
  EXPECT_EQ(Invalid(PublishReview(c, c.version, "2026-02-30", "2026-12-05", Registrar(), kNow)),
            "from: must be a real date YYYY-MM-DD, got \"2026-02-30\"");
  EXPECT_EQ(Invalid(PublishReview(c, c.version, "2026-12-01", "2026/12/10", Registrar(), kNow)),
            "until: must be a real date YYYY-MM-DD, got \"2026/12/10\"");
}

TEST(ReviewTest, REG20_PublishNeedsTheCurrentVersion) {
  const ReviewCase c = Passed();
  EXPECT_EQ(Err(PublishReview(c, c.version - 1, kToday, "2026-12-02", Registrar(), kNow),
                ErrorCode::kAborted),
            "review rev-1 is at version 4, request had 3");
}

TEST(ReviewTest, REG20_PublishOnlyPassedReviewsOnce) {
  const ReviewCase open = Opened();
  EXPECT_EQ(Precondition(PublishReview(open, 1, kToday, "2026-12-02", Registrar(), kNow)),
            "review rev-1 is OPEN; the publicity can only be started while PASSED (REG-20)");
  const ReviewCase failed = Failed();
  EXPECT_EQ(
      Precondition(PublishReview(failed, failed.version, kToday, "2026-12-02", Registrar(), kNow)),
      "review rev-1 is FAILED; the publicity can only be started while PASSED (REG-20)");
  const ReviewCase published = Published();
  EXPECT_EQ(Precondition(PublishReview(published, published.version, kToday, "2026-12-02",
                                       Registrar(), kNow)),
            "review rev-1 was already published from 2026-11-30 until 2026-12-04 (REG-20)");
}

TEST(ReviewTest, REG20_NoPublicityAfterTheResultIsFiled) {
  const ReviewCase c = Passed();
  Result<ReviewCase> filed = FileReviewResult(c, c.version, kToday, Registrar(), kNow);
  ASSERT_TRUE(filed.ok()) << filed.error().message;
  EXPECT_EQ(
      Precondition(PublishReview(*filed, filed->version, kToday, "2026-12-02", Registrar(), kNow)),
      "review rev-1 has its result filed already; the publicity must come before the "
      "appointment (REG-20)");
}

// ---------------------------------------------------------------------------------------------
// FileReviewResult

TEST(ReviewTest, REG20_FileRecordsTheElection) {
  const ReviewCase c = Published();
  const TimePoint later = kNow + days(10);  // 2026-12-08 in China
  Result<ReviewCase> r = FileReviewResult(c, c.version, "2026-12-05", Registrar(), later);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->elected_on, "2026-12-05");
  EXPECT_EQ(r->filed_at, later);
  EXPECT_EQ(r->version, c.version + 1);
  EXPECT_FALSE(c.filed_at.has_value());
}

TEST(ReviewTest, REG20_FileWithoutPublicityIsAllowed) {
  const ReviewCase c = Passed();
  Result<ReviewCase> r = FileReviewResult(c, c.version, "2026-11-20", Registrar(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->elected_on, "2026-11-20");
}

TEST(ReviewTest, REG20_ElectionComesAfterThePublicity) {
  const ReviewCase c = Published();  // until 2026-12-04
  const TimePoint later = kNow + days(10);
  EXPECT_EQ(Invalid(FileReviewResult(c, c.version, "2026-12-04", Registrar(), later)),
            "elected_on: must be after the publicity, which ends 2026-12-04, got 2026-12-04 "
            "(REG-20)");
}

TEST(ReviewTest, ElectionCannotBeInTheFuture) {
  const ReviewCase c = Passed();
  EXPECT_EQ(Invalid(FileReviewResult(c, c.version, "2026-11-29", Registrar(), kNow)),
            "elected_on: must not be after today 2026-11-28, got 2026-11-29");
  EXPECT_EQ(Invalid(FileReviewResult(c, c.version, "2026-11-31", Registrar(), kNow)),
            "elected_on: must be a real date YYYY-MM-DD, got \"2026-11-31\"");
  EXPECT_EQ(Invalid(FileReviewResult(c, c.version, "", Registrar(), kNow)),
            "elected_on: required (a date YYYY-MM-DD)");
}

TEST(ReviewTest, REG20_FileNeedsTheCurrentVersion) {
  const ReviewCase c = Passed();
  EXPECT_EQ(Err(FileReviewResult(c, 7, kToday, Registrar(), kNow), ErrorCode::kAborted),
            "review rev-1 is at version 4, request had 7");
}

TEST(ReviewTest, REG20_FileOnlyPassedReviewsOnce) {
  const ReviewCase open = Opened();
  EXPECT_EQ(Precondition(FileReviewResult(open, 1, kToday, Registrar(), kNow)),
            "review rev-1 is OPEN; a result can only be filed while PASSED (REG-20)");
  const ReviewCase failed = Failed();
  EXPECT_EQ(Precondition(FileReviewResult(failed, failed.version, kToday, Registrar(), kNow)),
            "review rev-1 is FAILED; a result can only be filed while PASSED (REG-20)");
  const ReviewCase c = Passed();
  Result<ReviewCase> filed = FileReviewResult(c, c.version, "2026-11-20", Registrar(), kNow);
  ASSERT_TRUE(filed.ok()) << filed.error().message;
  EXPECT_EQ(Precondition(FileReviewResult(*filed, filed->version, kToday, Registrar(), kNow)),
            "review rev-1 already has its result filed (2026-11-20) (REG-20)");
}

// ---------------------------------------------------------------------------------------------
// CheckReviewAllows

const std::vector<ReviewTrigger> kEstablishmentOnly = {ReviewTrigger::kEstablishment};

TEST(ReviewTest, REG20_PassedReviewAllowsTheAct) {
  const ReviewCase c = Passed();
  EXPECT_EQ(CheckReviewAllows(c, "app-1", kEstablishmentOnly, ""), std::nullopt);
  EXPECT_EQ(CheckReviewAllows(c, "app-1", kEstablishmentOnly, Id("19700315")), std::nullopt);
  EXPECT_EQ(CheckReviewAllows(c, "app-1",
                              {ReviewTrigger::kReelection, ReviewTrigger::kEstablishment}, ""),
            std::nullopt);
}

TEST(ReviewTest, REG20_OpenOrFailedReviewDoesNotAllow) {
  EXPECT_EQ(Err(CheckReviewAllows(Opened(), "app-1", kEstablishmentOnly, ""),
                ErrorCode::kFailedPrecondition),
            "review_id: REG-20: review rev-1 is OPEN; a passed joint review is required");
  EXPECT_EQ(Err(CheckReviewAllows(Failed(), "app-1", kEstablishmentOnly, ""),
                ErrorCode::kFailedPrecondition),
            "review_id: REG-20: review rev-1 is FAILED; a passed joint review is required");
}

TEST(ReviewTest, REG20_ReviewOfAnotherSubjectDoesNotAllow) {
  EXPECT_EQ(Err(CheckReviewAllows(Passed(), "app-2", kEstablishmentOnly, ""),
                ErrorCode::kFailedPrecondition),
            "review_id: REG-20: review rev-1 is about app-1, not app-2");
}

TEST(ReviewTest, REG20_ReviewForAnotherTriggerDoesNotAllow) {
  EXPECT_EQ(Err(CheckReviewAllows(Passed(), "app-1",
                                  {ReviewTrigger::kReelection, ReviewTrigger::kMidtermChange,
                                   ReviewTrigger::kChange},
                                  ""),
                ErrorCode::kFailedPrecondition),
            "review_id: REG-20: review rev-1 is for ESTABLISHMENT; this act needs a review for "
            "REELECTION, MIDTERM_CHANGE or CHANGE");
  EXPECT_EQ(Err(CheckReviewAllows(Passed(), "app-1", {}, ""), ErrorCode::kFailedPrecondition),
            "review_id: REG-20: review rev-1 is for ESTABLISHMENT; this act needs a review for "
            "(none)");
}

TEST(ReviewTest, REG20_PersonMustBeAmongTheNominees) {
  const std::string stranger = Id("19900101", "009");
  EXPECT_EQ(Err(CheckReviewAllows(Passed(), "app-1", kEstablishmentOnly, stranger),
                ErrorCode::kFailedPrecondition),
            "review_id: REG-20: the person with ID number ending " + stranger.substr(14) +
                " is not among the nominees of review rev-1");
}

TEST(ReviewTest, REG22_PersonIsMatchedOnTheNormalizedNumber) {
  NomineeInput n = Chair();
  n.id_number = "11010519491231002X";
  ReviewCase c = Opened({n});
  c = Answer(c, "公安局", Opinion::kNoObjection);
  c = Answer(c, "纪委监委", Opinion::kNoObjection);
  Result<ReviewCase> passed = ConcludeReview(c, c.version, Registrar(), kNow);
  ASSERT_TRUE(passed.ok()) << passed.error().message;
  EXPECT_EQ(CheckReviewAllows(*passed, "app-1", kEstablishmentOnly, "11010519491231002x"),
            std::nullopt);
  EXPECT_EQ(CheckReviewAllows(*passed, "app-1", kEstablishmentOnly, "110105491231002"),
            std::nullopt);
}

}  // namespace
}  // namespace socgov::registration
