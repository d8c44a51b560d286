// The organization lifecycle after establishment (domain.md §3.1, §3.8): preparation of social
// groups (REG-04/05), community filings, change registration (REG-12/13), articles (PB-09) and
// council terms (TE-01/02), dissolution → liquidation → cancellation (REG-14/15/16/19), penalties,
// and the calendar arithmetic of dates.h they rest on.
#include "registration/domain/lifecycle.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "registration/domain/application.h"
#include "registration/domain/dates.h"
#include "registration/domain/id_number.h"

namespace socgov::registration {
namespace {

using std::chrono::days;

TimePoint At(std::string_view rfc3339) {
  std::optional<TimePoint> t = ParseRfc3339(rfc3339);
  if (!t) throw std::invalid_argument("bad test instant " + std::string(rfc3339));
  return *t;
}

Date D(std::string_view yyyy_mm_dd) {
  std::optional<Date> d = ParseDate(yyyy_mm_dd);
  if (!d) throw std::invalid_argument("bad test date " + std::string(yyyy_mm_dd));
  return *d;
}

// 02:00 UTC = 10:00 in China: the China date is 2026-11-28.
const TimePoint kNow = At("2026-11-28T02:00:00Z");
constexpr char kToday[] = "2026-11-28";
constexpr char kTomorrow[] = "2026-11-29";
const RegistrySettings kSettings{.authority_code = "350211"};
// REG-05 (Hubei-style): one 3-month extension.
const RegistrySettings kHubei{.authority_code = "350211", .preparation_extension_months = 3};
constexpr char kCode[] = "51350211MJ0000017A";
constexpr char kSha[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

// A GB 11643 number born on `yyyymmdd` with a correct check digit, so a test isolates its rule.
std::string Id(std::string_view yyyymmdd, std::string_view seq = "001") {
  const std::string first17 = "350211" + std::string(yyyymmdd) + std::string(seq);
  return first17 + *IdCheckDigit(first17);
}

// The same number with a wrong check digit.
std::string BadCheckDigit(std::string id) {
  id.back() = id.back() == '0' ? '1' : '0';
  return id;
}

Actor Clerk() { return {.subject = "clerk-1", .roles = {"clerk"}, .jurisdiction = "350211"}; }
Actor Registrar() {
  return {.subject = "registrar-2", .roles = {"registrar"}, .jurisdiction = "350211"};
}

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
template <typename T>
std::string Aborted(const Result<T>& r) {
  return Err(r, ErrorCode::kAborted);
}

bool StartsWith(const std::string& s, std::string_view prefix) { return s.starts_with(prefix); }
bool Contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

// ---- fixtures ----

Profile GroupProfile() {
  Profile p;
  p.kind = OrgKind::kSocialGroup;
  p.name = "厦门市集美区志愿者协会";
  p.domicile = "厦门市集美区集美大道1号";
  p.legal_rep = {.name = "张三", .id_number = Id("19700315")};
  p.funds_fen = 3'000'000;
  p.business_scope = "志愿服务培训、交流与合作";
  p.jurisdiction = "350211";
  p.individual_members = 60;
  p.supervisory_unit = "集美区科学技术协会";
  return p;
}

Organization Org(OrgStatus status = OrgStatus::kActive, int64_t version = 3) {
  Organization o;
  o.id = kCode;
  o.profile = GroupProfile();
  o.status = status;
  o.version = version;
  o.serial = 17;
  o.registered_at = At("2025-03-01T02:00:00Z");
  o.application_id = "app-0";
  return o;
}

Organization DirectOrg() {
  Organization o = Org();
  o.profile.supervisory_unit.clear();
  return o;
}

// A SUBMITTED preparation of a social group (members are counted at establishment).
Application Preparation(TimePoint submitted = At("2026-05-01T02:00:00Z")) {
  Profile p = GroupProfile();
  p.individual_members = 0;
  Result<Application> r =
      SubmitApplication("app-1", p, ApplicationStage::kUnspecified, Clerk(), kSettings, submitted);
  EXPECT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->stage, ApplicationStage::kPreparation);
  return std::move(r).value();
}

Application PrepApproved(TimePoint approved, const RegistrySettings& settings = kSettings) {
  Application app = Preparation();
  Result<Application> r = ApprovePreparation(app, app.version, settings, Registrar(), approved);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return std::move(r).value();
}

// Approved 2026-09-01 (China): founding deadline 2027-03-01.
Application PrepApprovedSept() { return PrepApproved(At("2026-09-01T02:00:00Z")); }

EstablishmentInput Establishment(std::string meeting = "2026-11-20", int32_t individual = 50,
                                 int32_t unit = 0, int64_t funds_fen = 3'000'000) {
  return {.founding_meeting_on = std::move(meeting),
          .individual_members = individual,
          .unit_members = unit,
          .funds_fen = funds_fen};
}

Profile CommunityProfile(CommunityForm form = CommunityForm::kMembership) {
  Profile p;
  p.kind = OrgKind::kCommunity;
  p.name = "集美区侨英街道叶厝社区老年舞蹈队";
  p.domicile = "集美区侨英街道叶厝社区居委会";
  p.legal_rep = {.name = "陈六", .id_number = Id("19580402", "004")};
  p.funds_fen = 50'000;
  p.business_scope = "组织社区老年人舞蹈活动";
  p.jurisdiction = "350211";
  p.community_form = form;
  if (form == CommunityForm::kMembership) p.individual_members = 10;
  if (form == CommunityForm::kService) p.staff_count = 3;
  p.filed_with = "侨英街道办事处";
  return p;
}

Result<Organization> File(Profile p) {
  return FileCommunityOrganization(FilingNumber("350211", 5), std::move(p), kSettings, kNow);
}

ChangeInput Change(OrgChanges changes, std::string consented_on = "2026-11-20") {
  return {.changes = std::move(changes), .consented_on = std::move(consented_on)};
}
OrgChanges NameChange(std::string name) {
  OrgChanges c;
  c.name = std::move(name);
  return c;
}

Result<ChangeDecision> Apply(const Organization& org, ChangeInput in) {
  return ApplyChange("chg-1", org, org.version, std::move(in), kSettings, Clerk(), kNow);
}

ChangeDecision Pending(OrgChanges changes = NameChange("厦门市集美区志愿服务联合会")) {
  Result<ChangeDecision> r = Apply(Org(), Change(std::move(changes)));
  EXPECT_TRUE(r.ok()) << r.error().message;
  return std::move(r).value();
}

ArticlesInput Articles(bool clause = true, std::string organ = "集美区社会工作部") {
  return {.approved_on = "2026-11-01",
          .party_building_clause = clause,
          .party_leading_organ = std::move(organ),
          .text_sha256 = kSha};
}

CouncilTerm Term(std::string start, std::string end, std::string extension_until = "") {
  CouncilTerm t;
  t.start_date = std::move(start);
  t.end_date = std::move(end);
  t.extension_until = std::move(extension_until);
  return t;
}

Organization WithTerm(std::string start = "2026-12-01", std::string end = "2030-11-30") {
  Organization o = Org();
  o.council_term = Term(std::move(start), std::move(end));
  return o;
}

CancellationInput Cancellation(std::string ended = "2026-11-20", bool audit = true,
                               std::string disposition = "剩余财产捐赠集美区慈善总会") {
  return {.liquidation_ended_on = std::move(ended),
          .audit_report_received = audit,
          .residual_assets_disposition = std::move(disposition)};
}

PenaltyInput Suspend(std::string until = "2027-02-28") {
  return {.effect = PenaltyEffect::kSuspend,
          .case_id = "case-9",
          .suspend_until = std::move(until),
          .basis = "社团条例第30条"};
}
PenaltyInput Revoke(PenaltyEffect effect = PenaltyEffect::kRevoke) {
  return {.effect = effect, .case_id = "case-10", .suspend_until = "", .basis = "社团条例第30条"};
}

// =============================================================================================
// dates.h

TEST(Dates, ParseDateAcceptsRealDaysOnly) {
  EXPECT_EQ(FormatDate(D("2026-11-28")), "2026-11-28");
  EXPECT_TRUE(ParseDate("2024-02-29"));
  EXPECT_TRUE(ParseDate("1900-01-01"));
  EXPECT_TRUE(ParseDate("2199-12-31"));
  EXPECT_FALSE(ParseDate("2026-02-29"));  // not a leap year
  EXPECT_FALSE(ParseDate("2026-04-31"));
  EXPECT_FALSE(ParseDate("2026-13-01"));
  EXPECT_FALSE(ParseDate("2026-00-10"));
  EXPECT_FALSE(ParseDate("2026-01-00"));
  EXPECT_FALSE(ParseDate("1899-12-31"));
  EXPECT_FALSE(ParseDate("2200-01-01"));
  EXPECT_FALSE(ParseDate("2026-2-28"));
  EXPECT_FALSE(ParseDate("2026/02/28"));
  EXPECT_FALSE(ParseDate("2026-02-2a"));
  EXPECT_FALSE(ParseDate("+026-02-28"));
  EXPECT_FALSE(ParseDate("2026-02-28 "));
  EXPECT_FALSE(ParseDate(""));
}

TEST(Dates, ParseDateFieldNamesTheField) {
  Result<Date> empty = ParseDateField("founding_meeting_on", "");
  EXPECT_EQ(Invalid(empty), "founding_meeting_on: required (a date YYYY-MM-DD)");
  Result<Date> bad = ParseDateField("founding_meeting_on", "2026-02-30");
  EXPECT_TRUE(StartsWith(Invalid(bad), "founding_meeting_on: must be a real date")) << Invalid(bad);
  EXPECT_TRUE(Contains(Invalid(bad), "2026-02-30"));
  Result<Date> ok = ParseDateField("x", "2026-02-28");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, D("2026-02-28"));
}

TEST(Dates, AddMonthsClampsToTheMonthEnd) {
  EXPECT_EQ(FormatDate(AddMonths(D("2026-08-31"), 6)), "2027-02-28");
  EXPECT_EQ(FormatDate(AddMonths(D("2027-08-31"), 6)), "2028-02-29");  // leap year
  EXPECT_EQ(FormatDate(AddMonths(D("2026-01-31"), 1)), "2026-02-28");
  EXPECT_EQ(FormatDate(AddMonths(D("2026-05-31"), 6)), "2026-11-30");
  EXPECT_EQ(FormatDate(AddMonths(D("2026-11-28"), 6)), "2027-05-28");
  EXPECT_EQ(FormatDate(AddMonths(D("2026-12-15"), 1)), "2027-01-15");
  EXPECT_EQ(FormatDate(AddMonths(D("2026-03-31"), -1)), "2026-02-28");
  EXPECT_EQ(FormatDate(AddMonths(D("2026-03-15"), 0)), "2026-03-15");
}

TEST(Dates, AddYearsMovesFeb29ToFeb28) {
  EXPECT_EQ(FormatDate(AddYears(D("2024-02-29"), 1)), "2025-02-28");
  EXPECT_EQ(FormatDate(AddYears(D("2024-02-29"), 4)), "2028-02-29");
  EXPECT_EQ(FormatDate(AddYears(D("2026-11-28"), 5)), "2031-11-28");
}

TEST(Dates, AgeOnCountsWholeYears) {
  EXPECT_EQ(AgeOn(D("1956-11-28"), D("2026-11-28")), 70);  // the birthday itself
  EXPECT_EQ(AgeOn(D("1956-11-29"), D("2026-11-28")), 69);
  EXPECT_EQ(AgeOn(D("2000-02-29"), D("2018-02-28")), 17);
  EXPECT_EQ(AgeOn(D("2000-02-29"), D("2018-03-01")), 18);
  EXPECT_EQ(AgeOn(D("2026-11-28"), D("2026-11-28")), 0);
}

TEST(Dates, ChinaDateTurnsAtSixteenHundredUtc) {
  EXPECT_EQ(FormatDate(ChinaDate(At("2026-11-27T15:59:59Z"))), "2026-11-27");
  EXPECT_EQ(FormatDate(ChinaDate(At("2026-11-27T16:00:00Z"))), "2026-11-28");
  EXPECT_EQ(FormatDate(ChinaDate(At("2026-11-28T00:00:00+08:00"))), "2026-11-28");
  EXPECT_EQ(FormatDate(ChinaDate(At("2026-11-27T23:59:59+08:00"))), "2026-11-27");
  EXPECT_EQ(FormatDate(ChinaDate(kNow)), kToday);
  EXPECT_EQ(FormatDate(ChinaDate(At("2026-12-31T16:30:00Z"))), "2027-01-01");
}

// =============================================================================================
// Preparation (REG-04/05)

TEST(Preparation, Reg04ApproveSetsFoundingDeadlineSixMonthsAhead) {
  Application app = Preparation();
  Result<Application> r = ApprovePreparation(app, 1, kSettings, Registrar(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, ApplicationStatus::kPrepApproved);
  EXPECT_EQ(r->version, 2);
  EXPECT_EQ(r->founding_deadline, "2027-05-28");
  ASSERT_TRUE(r->preparation_approved_at.has_value());
  EXPECT_EQ(*r->preparation_approved_at, kNow);
  ASSERT_TRUE(r->decided_at.has_value());
  EXPECT_EQ(r->decided_by.subject, "registrar-2");
  EXPECT_EQ(r->stage, ApplicationStage::kPreparation);
}

TEST(Preparation, Reg04DeadlineClampsToMonthEnd) {
  // 2026-08-31 10:00 China.
  Application r = PrepApproved(At("2026-08-31T02:00:00Z"));
  EXPECT_EQ(r.founding_deadline, "2027-02-28");
}

TEST(Preparation, Reg04DeadlineCountsFromTheChinaDate) {
  // 2026-05-31 23:59:59 China → 2026-11-30; one second later it is 2026-06-01 in China.
  EXPECT_EQ(PrepApproved(At("2026-05-31T15:59:59Z")).founding_deadline, "2026-11-30");
  EXPECT_EQ(PrepApproved(At("2026-05-31T16:00:00Z")).founding_deadline, "2026-12-01");
}

TEST(Preparation, Reg04DeadlineFollowsTheSettings) {
  RegistrySettings three = kSettings;
  three.founding_months = 3;
  EXPECT_EQ(PrepApproved(kNow, three).founding_deadline, "2027-02-28");
}

TEST(Preparation, Reg04ApproveNeedsASubmittedPreparation) {
  Application approved = PrepApprovedSept();
  std::string msg =
      Precondition(ApprovePreparation(approved, approved.version, kSettings, Registrar(), kNow));
  EXPECT_TRUE(Contains(msg, "PREP_APPROVED")) << msg;
  EXPECT_TRUE(Contains(msg, "REG-04")) << msg;

  Application establishment = Preparation();
  establishment.stage = ApplicationStage::kEstablishment;
  msg = Precondition(ApprovePreparation(establishment, 1, kSettings, Registrar(), kNow));
  EXPECT_TRUE(Contains(msg, "REG-04")) << msg;
}

TEST(Preparation, ApproveRefusesAStaleVersion) {
  Application app = Preparation();
  std::string msg = Aborted(ApprovePreparation(app, 7, kSettings, Registrar(), kNow));
  EXPECT_TRUE(Contains(msg, "version 1")) << msg;
  EXPECT_TRUE(Contains(msg, "request had 7")) << msg;
}

TEST(Preparation, Reg04EstablishmentTurnsThePreparationIntoASubmittedEstablishment) {
  Application app = PrepApprovedSept();
  ASSERT_EQ(app.founding_deadline, "2027-03-01");
  Result<Application> r =
      ApplyEstablishment(app, app.version, Establishment(), kSettings, Clerk(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, ApplicationStatus::kSubmitted);
  EXPECT_EQ(r->stage, ApplicationStage::kEstablishment);
  EXPECT_EQ(r->version, app.version + 1);
  EXPECT_EQ(r->founding_meeting_on, "2026-11-20");
  EXPECT_EQ(r->profile.individual_members, 50);
  EXPECT_EQ(r->profile.funds_fen, 3'000'000);
  EXPECT_EQ(r->submitted_by.subject, "clerk-1");
  EXPECT_EQ(r->submitted_at, kNow);
  EXPECT_FALSE(r->decided_at.has_value());
  EXPECT_TRUE(r->decided_by.subject.empty());
}

TEST(Preparation, Reg04FoundingMeetingBeforeApprovalIsRefused) {
  Application app = PrepApprovedSept();
  std::string msg = Invalid(
      ApplyEstablishment(app, app.version, Establishment("2026-08-31"), kSettings, Clerk(), kNow));
  EXPECT_TRUE(StartsWith(msg, "founding_meeting_on: REG-04")) << msg;
  EXPECT_TRUE(Contains(msg, "2026-08-31")) << msg;
}

TEST(Preparation, Reg04FoundingMeetingOnTheApprovalDayCountsInChinaTime) {
  // Approved at 04:00 on 2026-09-01 in China (still 2026-08-31 in UTC).
  Application app = PrepApproved(At("2026-08-31T20:00:00Z"));
  Result<Application> r =
      ApplyEstablishment(app, app.version, Establishment("2026-09-01"), kSettings, Clerk(), kNow);
  EXPECT_TRUE(r.ok()) << r.error().message;
  std::string msg = Invalid(
      ApplyEstablishment(app, app.version, Establishment("2026-08-31"), kSettings, Clerk(), kNow));
  EXPECT_TRUE(StartsWith(msg, "founding_meeting_on:")) << msg;
}

TEST(Preparation, Reg04FoundingMeetingInTheFutureIsRefused) {
  Application app = PrepApprovedSept();
  std::string msg = Invalid(
      ApplyEstablishment(app, app.version, Establishment(kTomorrow), kSettings, Clerk(), kNow));
  EXPECT_TRUE(StartsWith(msg, "founding_meeting_on:")) << msg;
  EXPECT_TRUE(Contains(msg, "must not be after today (2026-11-28)")) << msg;
}

TEST(Preparation, Reg04FoundingMeetingAfterDeadlineIsRefused) {
  // Deadline today: a meeting dated after it is refused as a meeting date.
  Application app = PrepApproved(At("2026-05-28T02:00:00Z"));
  ASSERT_EQ(app.founding_deadline, kToday);
  std::string msg = Invalid(
      ApplyEstablishment(app, app.version, Establishment(kTomorrow), kSettings, Clerk(), kNow));
  EXPECT_TRUE(StartsWith(msg, "founding_meeting_on:")) << msg;
  // On the deadline day itself the meeting and the application are in time.
  Result<Application> r =
      ApplyEstablishment(app, app.version, Establishment(kToday), kSettings, Clerk(), kNow);
  EXPECT_TRUE(r.ok()) << r.error().message;
}

TEST(Preparation, Reg04EstablishmentAfterTheDeadlineIsAFailedPrecondition) {
  Application app = PrepApprovedSept();  // deadline 2027-03-01
  // 2027-03-02 00:00 China.
  const TimePoint after = At("2027-03-01T16:00:00Z");
  std::string msg = Precondition(
      ApplyEstablishment(app, app.version, Establishment("2027-03-02"), kSettings, Clerk(), after));
  EXPECT_TRUE(Contains(msg, "REG-04")) << msg;
  EXPECT_TRUE(Contains(msg, "2027-03-01")) << msg;
  EXPECT_TRUE(Contains(msg, "has passed")) << msg;
  // Even a meeting held in time cannot be registered once the deadline passed.
  msg = Precondition(
      ApplyEstablishment(app, app.version, Establishment("2027-02-20"), kSettings, Clerk(), after));
  EXPECT_TRUE(Contains(msg, "REG-04")) << msg;
  // One second earlier it is still 2027-03-01 in China.
  Result<Application> r = ApplyEstablishment(app, app.version, Establishment("2027-03-01"),
                                             kSettings, Clerk(), At("2027-03-01T15:59:59Z"));
  EXPECT_TRUE(r.ok()) << r.error().message;
}

TEST(Preparation, Reg04EstablishmentNeedsAnApprovedPreparation) {
  Application app = Preparation();  // SUBMITTED, not yet approved
  std::string msg =
      Precondition(ApplyEstablishment(app, app.version, Establishment(), kSettings, Clerk(), kNow));
  EXPECT_TRUE(Contains(msg, "SUBMITTED")) << msg;
  EXPECT_TRUE(Contains(msg, "PREP_APPROVED")) << msg;
  EXPECT_TRUE(Contains(msg, "REG-04")) << msg;
}

TEST(Preparation, EstablishmentRefusesAStaleVersion) {
  Application app = PrepApprovedSept();
  EXPECT_TRUE(Contains(
      Aborted(ApplyEstablishment(app, app.version - 1, Establishment(), kSettings, Clerk(), kNow)),
      "request had 1"));
}

TEST(Preparation, Reg01FortyNineIndividualMembersAreRefused) {
  Application app = PrepApprovedSept();
  std::string msg = Invalid(ApplyEstablishment(app, app.version, Establishment("2026-11-20", 49, 0),
                                               kSettings, Clerk(), kNow));
  EXPECT_TRUE(StartsWith(msg, "individual_members: REG-01")) << msg;
  EXPECT_TRUE(Contains(msg, "got 49 individual, 0 unit")) << msg;
}

TEST(Preparation, Reg01ThirtyUnitMembersAreEnough) {
  Application app = PrepApprovedSept();
  Result<Application> r = ApplyEstablishment(app, app.version, Establishment("2026-11-20", 0, 30),
                                             kSettings, Clerk(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->profile.unit_members, 30);
  EXPECT_EQ(r->profile.individual_members, 0);
  std::string msg = Invalid(ApplyEstablishment(app, app.version, Establishment("2026-11-20", 0, 29),
                                               kSettings, Clerk(), kNow));
  EXPECT_TRUE(Contains(msg, "REG-01")) << msg;
}

TEST(Preparation, Reg01MixedMembersNeedFiftyInTotal) {
  Application app = PrepApprovedSept();
  Result<Application> r = ApplyEstablishment(app, app.version, Establishment("2026-11-20", 20, 30),
                                             kSettings, Clerk(), kNow);
  EXPECT_TRUE(r.ok()) << r.error().message;
  std::string msg = Invalid(ApplyEstablishment(
      app, app.version, Establishment("2026-11-20", 20, 29), kSettings, Clerk(), kNow));
  EXPECT_TRUE(Contains(msg, "REG-01")) << msg;
  EXPECT_TRUE(Contains(msg, "got 20 individual, 29 unit")) << msg;
}

TEST(Preparation, Reg02FundsAreRecheckedAtEstablishment) {
  Application app = PrepApprovedSept();
  std::string msg = Invalid(ApplyEstablishment(
      app, app.version, Establishment("2026-11-20", 50, 0, 2'999'999), kSettings, Clerk(), kNow));
  EXPECT_TRUE(StartsWith(msg, "funds.fen: REG-02")) << msg;
  EXPECT_TRUE(Contains(msg, "¥30,000")) << msg;
}

TEST(Preparation, Reg05ExtensionRefusedWhereNotInForce) {
  Application app = PrepApprovedSept();
  std::string msg =
      Precondition(ExtendPreparation(app, app.version, "会员发展未完成", kSettings, Clerk(), kNow));
  EXPECT_TRUE(Contains(msg, "REG-05 is not in force")) << msg;
}

TEST(Preparation, Reg05OneExtensionOfThreeMonths) {
  Application app = PrepApproved(At("2026-09-01T02:00:00Z"), kHubei);
  ASSERT_EQ(app.founding_deadline, "2027-03-01");
  Result<Application> r =
      ExtendPreparation(app, app.version, "会员发展未完成", kHubei, Clerk(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->founding_deadline, "2027-06-01");
  EXPECT_TRUE(r->extension_used);
  EXPECT_EQ(r->version, app.version + 1);
  EXPECT_EQ(r->status, ApplicationStatus::kPrepApproved);
}

TEST(Preparation, Reg05SecondExtensionIsRefused) {
  Application app = PrepApproved(At("2026-09-01T02:00:00Z"), kHubei);
  Result<Application> once =
      ExtendPreparation(app, app.version, "会员发展未完成", kHubei, Clerk(), kNow);
  ASSERT_TRUE(once.ok()) << once.error().message;
  std::string msg =
      Precondition(ExtendPreparation(*once, once->version, "仍未完成", kHubei, Clerk(), kNow));
  EXPECT_TRUE(Contains(msg, "already used its one extension (REG-05)")) << msg;
}

TEST(Preparation, Reg05ExtensionAfterTheDeadlineIsRefused) {
  Application app = PrepApproved(At("2026-05-28T02:00:00Z"), kHubei);  // deadline today
  Result<Application> today = ExtendPreparation(app, app.version, "理由", kHubei, Clerk(), kNow);
  EXPECT_TRUE(today.ok()) << today.error().message;
  std::string msg = Precondition(
      ExtendPreparation(app, app.version, "理由", kHubei, Clerk(), At("2026-11-28T16:00:00Z")));
  EXPECT_TRUE(Contains(msg, "has passed (REG-05)")) << msg;
}

TEST(Preparation, Reg05ExtensionNeedsAReason) {
  Application app = PrepApproved(At("2026-09-01T02:00:00Z"), kHubei);
  EXPECT_TRUE(StartsWith(Invalid(ExtendPreparation(app, app.version, "", kHubei, Clerk(), kNow)),
                         "reason:"));
  EXPECT_TRUE(StartsWith(
      Invalid(ExtendPreparation(app, app.version, " \u3000 ", kHubei, Clerk(), kNow)), "reason:"));
}

TEST(Preparation, Reg05ExtensionNeedsPrepApproved) {
  Application app = Preparation();
  std::string msg =
      Precondition(ExtendPreparation(app, app.version, "理由", kHubei, Clerk(), kNow));
  EXPECT_TRUE(Contains(msg, "REG-05")) << msg;
  EXPECT_TRUE(Contains(msg, "PREP_APPROVED")) << msg;
  Application prep = PrepApproved(At("2026-09-01T02:00:00Z"), kHubei);
  EXPECT_TRUE(
      Contains(Aborted(ExtendPreparation(prep, prep.version + 1, "理由", kHubei, Clerk(), kNow)),
               "version"));
}

TEST(Preparation, Reg04LapseOnlyAfterTheDeadline) {
  Application app = PrepApproved(At("2026-05-28T02:00:00Z"));  // deadline 2026-11-28
  std::string msg = Precondition(LapsePreparation(app, Registrar(), kNow));
  EXPECT_TRUE(Contains(msg, "has not passed (REG-04)")) << msg;
  const TimePoint next_day = At("2026-11-28T16:00:00Z");  // 2026-11-29 00:00 China
  Result<Application> r = LapsePreparation(app, Registrar(), next_day);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, ApplicationStatus::kPrepLapsed);
  EXPECT_EQ(r->version, app.version + 1);
  ASSERT_TRUE(r->decided_at.has_value());
  EXPECT_EQ(*r->decided_at, next_day);
}

TEST(Preparation, Reg04LapseNeedsPrepApproved) {
  Application app = Preparation();
  std::string msg = Precondition(LapsePreparation(app, Registrar(), At("2030-01-01T00:00:00Z")));
  EXPECT_TRUE(Contains(msg, "PREP_APPROVED")) << msg;
  EXPECT_TRUE(Contains(msg, "REG-04")) << msg;
}

// =============================================================================================
// Community filings

TEST(CommunityFiling, FilesAMembershipOrganization) {
  Result<Organization> r = File(CommunityProfile());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->id, "SQ35021100000005");
  EXPECT_EQ(r->status, OrgStatus::kFiled);
  EXPECT_EQ(r->version, 1);
  EXPECT_EQ(r->registered_at, kNow);
  ASSERT_TRUE(r->status_changed_at.has_value());
  EXPECT_EQ(r->profile.filed_with, "侨英街道办事处");
}

TEST(CommunityFiling, MembershipNeedsTenMembers) {
  Profile p = CommunityProfile();
  p.individual_members = 9;
  std::string msg = Invalid(File(p));
  EXPECT_TRUE(StartsWith(msg, "profile.individual_members:")) << msg;
  EXPECT_TRUE(Contains(msg, "at least 10 members, got 9")) << msg;
  p.individual_members = 5;
  p.unit_members = 5;
  Result<Organization> r = File(p);
  EXPECT_TRUE(r.ok()) << r.error().message;
}

TEST(CommunityFiling, ServiceNeedsThreeStaff) {
  Profile p = CommunityProfile(CommunityForm::kService);
  p.staff_count = 2;
  std::string msg = Invalid(File(p));
  EXPECT_TRUE(StartsWith(msg, "profile.staff_count:")) << msg;
  EXPECT_TRUE(Contains(msg, "at least 3 staff, got 2")) << msg;
  p.staff_count = 3;
  Result<Organization> r = File(p);
  EXPECT_TRUE(r.ok()) << r.error().message;
}

TEST(CommunityFiling, UnknownCommunityFormIsRefused) {
  Profile p = CommunityProfile();
  p.community_form = static_cast<CommunityForm>(9);
  EXPECT_TRUE(StartsWith(Invalid(File(p)), "profile.community_form:"));
  p.community_form = CommunityForm::kUnspecified;
  EXPECT_TRUE(StartsWith(Invalid(File(p)), "profile.community_form:"));
}

TEST(CommunityFiling, FiledWithIsRequired) {
  Profile p = CommunityProfile();
  p.filed_with = "";
  EXPECT_TRUE(StartsWith(Invalid(File(p)), "profile.filed_with:"));
  p.filed_with = "  ";
  EXPECT_TRUE(StartsWith(Invalid(File(p)), "profile.filed_with:"));
  p.filed_with = " 侨英街道办事处 ";
  Result<Organization> r = File(p);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->profile.filed_with, "侨英街道办事处");
}

TEST(CommunityFiling, OnlyCommunityKindIsFiled) {
  Profile p = GroupProfile();
  std::string msg = Invalid(File(p));
  EXPECT_TRUE(StartsWith(msg, "profile.org_type:")) << msg;
  EXPECT_TRUE(Contains(msg, "COMMUNITY")) << msg;
}

TEST(CommunityFiling, Reg03NameMustNameStreetOfficeOrTownship) {
  Profile p = CommunityProfile();
  p.name = "集美区叶厝社区老年舞蹈队";
  std::string msg = Invalid(File(p));
  EXPECT_TRUE(StartsWith(msg, "profile.name: REG-03")) << msg;
  EXPECT_TRUE(Contains(msg, "街道, 镇 or 乡")) << msg;
}

TEST(CommunityFiling, Reg03NameMustNameCommunityOrVillage) {
  Profile p = CommunityProfile();
  p.name = "集美区侨英街道老年舞蹈队";
  std::string msg = Invalid(File(p));
  EXPECT_TRUE(StartsWith(msg, "profile.name: REG-03")) << msg;
  EXPECT_TRUE(Contains(msg, "社区 or 村")) << msg;
}

TEST(CommunityFiling, Reg03TownshipAndVillageNamesAreAccepted) {
  Profile p = CommunityProfile();
  p.name = "集美区灌口镇李林村篮球队";
  Result<Organization> r = File(p);
  EXPECT_TRUE(r.ok()) << r.error().message;
}

TEST(CommunityFiling, FilingNumberFormat) {
  EXPECT_EQ(FilingNumber("350211", 42), "SQ35021100000042");
  EXPECT_EQ(FilingNumber("350211", 0), "SQ35021100000000");
  EXPECT_EQ(FilingNumber("350211", 99'999'999), "SQ35021199999999");
  EXPECT_EQ(FilingNumber("350211", 7).size(), 2u + 6u + 8u);
}

TEST(CommunityFiling, RemoveFilingFromFiledOnly) {
  Result<Organization> filed = File(CommunityProfile());
  ASSERT_TRUE(filed.ok()) << filed.error().message;
  Result<Organization> r = RemoveFiling(*filed, 1, " 活动停止 ", kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, OrgStatus::kFilingRemoved);
  EXPECT_EQ(r->version, 2);
  EXPECT_EQ(r->status_reason, "活动停止");

  std::string msg = Precondition(RemoveFiling(*r, r->version, "再次", kNow));
  EXPECT_TRUE(Contains(msg, "FILING_REMOVED")) << msg;
  msg = Precondition(RemoveFiling(Org(), 3, "理由", kNow));
  EXPECT_TRUE(Contains(msg, "ACTIVE")) << msg;
  EXPECT_TRUE(Contains(msg, "only when FILED")) << msg;
}

TEST(CommunityFiling, RemoveFilingNeedsReasonAndCurrentVersion) {
  Result<Organization> filed = File(CommunityProfile());
  ASSERT_TRUE(filed.ok());
  EXPECT_TRUE(StartsWith(Invalid(RemoveFiling(*filed, 1, "", kNow)), "reason:"));
  EXPECT_TRUE(Contains(Aborted(RemoveFiling(*filed, 2, "理由", kNow)), "request had 2"));
}

// =============================================================================================
// Change registration (REG-12/13)

TEST(Change, Reg12ApplyMovesTheOrganizationToChangePending) {
  Organization org = Org();
  Result<ChangeDecision> r = Apply(org, Change(NameChange("厦门市集美区志愿服务联合会")));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->change.id, "chg-1");
  EXPECT_EQ(r->change.organization_id, kCode);
  EXPECT_EQ(r->change.jurisdiction, "350211");
  EXPECT_EQ(r->change.status, ChangeStatus::kPending);
  EXPECT_EQ(r->change.version, 1);
  EXPECT_EQ(r->change.consented_on, "2026-11-20");
  EXPECT_FALSE(r->change.late);
  EXPECT_EQ(r->change.applied_by.subject, "clerk-1");
  EXPECT_EQ(r->change.applied_at, kNow);
  EXPECT_EQ(r->organization.status, OrgStatus::kChangePending);
  EXPECT_EQ(r->organization.pending_change_id, "chg-1");
  EXPECT_EQ(r->organization.version, org.version + 1);
  // The registered name changes only on approval.
  EXPECT_EQ(r->organization.profile.name, "厦门市集美区志愿者协会");
}

TEST(Change, EmptyChangesAreRefused) {
  std::string msg = Invalid(Apply(Org(), Change(OrgChanges{})));
  EXPECT_TRUE(StartsWith(msg, "changes:")) << msg;
}

TEST(Change, ConsentInTheFutureIsRefused) {
  std::string msg =
      Invalid(Apply(Org(), Change(NameChange("厦门市集美区志愿服务联合会"), kTomorrow)));
  EXPECT_TRUE(StartsWith(msg, "consented_on:")) << msg;
  msg = Invalid(Apply(Org(), Change(NameChange("厦门市集美区志愿服务联合会"), "")));
  EXPECT_TRUE(StartsWith(msg, "consented_on:")) << msg;
}

TEST(Change, Reg12LateWhenAppliedMoreThanThirtyDaysAfterConsent) {
  Result<ChangeDecision> late =
      Apply(Org(), Change(NameChange("厦门市集美区志愿服务联合会"), "2026-10-28"));  // 31 days
  ASSERT_TRUE(late.ok()) << late.error().message;
  EXPECT_TRUE(late->change.late);
  Result<ChangeDecision> in_time =
      Apply(Org(), Change(NameChange("厦门市集美区志愿服务联合会"), "2026-10-29"));  // 30 days
  ASSERT_TRUE(in_time.ok()) << in_time.error().message;
  EXPECT_FALSE(in_time->change.late);
}

TEST(Change, Reg03NameChangeIsValidated) {
  std::string msg = Invalid(Apply(Org(), Change(NameChange("中国集美区志愿者协会"))));
  EXPECT_TRUE(StartsWith(msg, "changes.name: REG-03")) << msg;
  EXPECT_TRUE(Contains(msg, "中国")) << msg;
  msg = Invalid(Apply(Org(), Change(NameChange("厦门市集美区志愿者中心"))));
  EXPECT_TRUE(StartsWith(msg, "changes.name: REG-03")) << msg;
}

TEST(Change, NameChangeToTheCurrentNameIsRefused) {
  std::string msg = Invalid(Apply(Org(), Change(NameChange(" 厦门市集美区志愿者协会 "))));
  EXPECT_EQ(msg, "changes.name: is the current name");
}

TEST(Change, ChangedItemsAreStoredNormalized) {
  OrgChanges c = NameChange(" 厦门市集美区志愿服务联合会\u3000");
  std::string id = Id("19800101", "003");
  ASSERT_EQ(id.back(), 'X') << "pick a sequence whose check digit is X";
  std::string lower = id;
  lower.back() = 'x';
  c.legal_rep = Person{.name = " 李四 ", .id_number = lower};
  Result<ChangeDecision> r = Apply(Org(), Change(c));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r->change.changes.name, "厦门市集美区志愿服务联合会");
  EXPECT_EQ(r->change.changes.legal_rep->name, "李四");
  EXPECT_EQ(r->change.changes.legal_rep->id_number, id);
}

TEST(Change, Reg02FundsChangeBelowMinimumIsRefused) {
  OrgChanges c;
  c.funds_fen = 2'999'999;
  std::string msg = Invalid(Apply(Org(), Change(c)));
  EXPECT_TRUE(StartsWith(msg, "changes.funds.fen: REG-02")) << msg;
  c.funds_fen = 3'000'000;
  Result<ChangeDecision> r = Apply(Org(), Change(c));
  EXPECT_TRUE(r.ok()) << r.error().message;
}

TEST(Change, Reg22NewLegalRepWithBadCheckDigitIsRefused) {
  OrgChanges c;
  c.legal_rep = Person{.name = "李四", .id_number = BadCheckDigit(Id("19800101"))};
  std::string msg = Invalid(Apply(Org(), Change(c)));
  EXPECT_TRUE(StartsWith(msg, "legal_representative_id_number:")) << msg;
}

TEST(Change, Reg12ApplyNeedsAnActiveOrganization) {
  std::string msg = Precondition(
      Apply(Org(OrgStatus::kChangePending), Change(NameChange("厦门市集美区志愿服务联合会"))));
  EXPECT_TRUE(Contains(msg, "CHANGE_PENDING")) << msg;
  EXPECT_TRUE(Contains(msg, "REG-12")) << msg;
  msg = Precondition(
      Apply(Org(OrgStatus::kSuspended), Change(NameChange("厦门市集美区志愿服务联合会"))));
  EXPECT_TRUE(Contains(msg, "SUSPENDED")) << msg;
}

TEST(Change, Reg15LiquidatingOrganizationCannotChange) {
  std::string msg = Precondition(
      Apply(Org(OrgStatus::kLiquidating), Change(NameChange("厦门市集美区志愿服务联合会"))));
  EXPECT_TRUE(Contains(msg, "LIQUIDATING")) << msg;
  EXPECT_TRUE(Contains(msg, "REG-15")) << msg;
}

TEST(Change, ApplyRefusesAStaleVersion) {
  Organization org = Org();
  Result<ChangeDecision> r =
      ApplyChange("chg-1", org, org.version - 1, Change(NameChange("厦门市集美区志愿服务联合会")),
                  kSettings, Clerk(), kNow);
  EXPECT_TRUE(Contains(Aborted(r), "is at version 3, request had 2"));
}

TEST(Change, ApproveAppliesTheItemsAndReturnsToActive) {
  OrgChanges c = NameChange("厦门市集美区志愿服务联合会");
  c.domicile = "厦门市集美区银江路2号";
  c.legal_rep = Person{.name = "李四", .id_number = Id("19800101")};
  c.business_scope = "志愿服务";
  c.funds_fen = 5'000'000;
  c.supervisory_unit = "集美区民政局";
  ChangeDecision pending = Pending(c);
  const TimePoint later = kNow + days{3};
  Result<ChangeDecision> r =
      ApproveChange(pending.change, 1, pending.organization, Registrar(), later);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->change.status, ChangeStatus::kApproved);
  EXPECT_EQ(r->change.version, 2);
  EXPECT_EQ(r->change.decided_by.subject, "registrar-2");
  ASSERT_TRUE(r->change.decided_at.has_value());
  EXPECT_EQ(*r->change.decided_at, later);
  const Organization& o = r->organization;
  EXPECT_EQ(o.status, OrgStatus::kActive);
  EXPECT_EQ(o.version, pending.organization.version + 1);
  EXPECT_TRUE(o.pending_change_id.empty());
  EXPECT_EQ(o.profile.name, "厦门市集美区志愿服务联合会");
  EXPECT_EQ(o.profile.domicile, "厦门市集美区银江路2号");
  EXPECT_EQ(o.profile.legal_rep.name, "李四");
  EXPECT_EQ(o.profile.legal_rep.id_number, Id("19800101"));
  EXPECT_EQ(o.profile.business_scope, "志愿服务");
  EXPECT_EQ(o.profile.funds_fen, 5'000'000);
  EXPECT_EQ(o.profile.supervisory_unit, "集美区民政局");
}

TEST(Change, ApproveKeepsUnchangedItems) {
  OrgChanges c;
  c.business_scope = "志愿服务";
  ChangeDecision pending = Pending(c);
  Result<ChangeDecision> r =
      ApproveChange(pending.change, 1, pending.organization, Registrar(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->organization.profile.name, "厦门市集美区志愿者协会");
  EXPECT_EQ(r->organization.profile.funds_fen, 3'000'000);
  EXPECT_EQ(r->organization.profile.business_scope, "志愿服务");
}

TEST(Change, ApproveNeedsTheOrganizationPendingForThisChange) {
  ChangeDecision pending = Pending();
  Organization other = pending.organization;
  other.pending_change_id = "chg-other";
  std::string msg = Precondition(ApproveChange(pending.change, 1, other, Registrar(), kNow));
  EXPECT_TRUE(Contains(msg, "CHANGE_PENDING for that change")) << msg;
  msg = Precondition(ApproveChange(pending.change, 1, Org(), Registrar(), kNow));
  EXPECT_TRUE(Contains(msg, "is ACTIVE")) << msg;
  Organization suspended = pending.organization;
  suspended.status = OrgStatus::kSuspended;
  msg = Precondition(ApproveChange(pending.change, 1, suspended, Registrar(), kNow));
  EXPECT_TRUE(Contains(msg, "SUSPENDED")) << msg;
}

TEST(Change, Reg12ApproveNeedsAPendingChangeAndItsVersion) {
  ChangeDecision pending = Pending();
  EXPECT_TRUE(
      Contains(Aborted(ApproveChange(pending.change, 2, pending.organization, Registrar(), kNow)),
               "request had 2"));
  ChangeApplication approved = pending.change;
  approved.status = ChangeStatus::kApproved;
  std::string msg =
      Precondition(ApproveChange(approved, 1, pending.organization, Registrar(), kNow));
  EXPECT_TRUE(Contains(msg, "APPROVED")) << msg;
  EXPECT_TRUE(Contains(msg, "REG-12")) << msg;
}

TEST(Change, RejectReturnsTheOrganizationToActive) {
  ChangeDecision pending = Pending();
  Result<ChangeDecision> r =
      RejectChange(pending.change, 1, pending.organization, " 材料不全 ", Registrar(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->change.status, ChangeStatus::kRejected);
  EXPECT_EQ(r->change.version, 2);
  EXPECT_EQ(r->change.rejection_reason, "材料不全");
  EXPECT_EQ(r->organization.status, OrgStatus::kActive);
  EXPECT_EQ(r->organization.version, pending.organization.version + 1);
  EXPECT_TRUE(r->organization.pending_change_id.empty());
  EXPECT_EQ(r->organization.profile.name, "厦门市集美区志愿者协会");
}

TEST(Change, RejectLeavesASuspendedOrganizationsStatusButAdvancesItsVersion) {
  ChangeDecision pending = Pending();
  Result<Organization> suspended = ApplyPenalty(pending.organization, Suspend(), kNow);
  ASSERT_TRUE(suspended.ok()) << suspended.error().message;
  Result<ChangeDecision> r =
      RejectChange(pending.change, 1, *suspended, "材料不全", Registrar(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->change.status, ChangeStatus::kRejected);
  EXPECT_EQ(r->organization.status, OrgStatus::kSuspended);
  // The change_rejected event carries the organization's version: it must be a new one.
  EXPECT_EQ(r->organization.version, suspended->version + 1);
  EXPECT_EQ(r->organization.suspended_until, "2027-02-28");
}

TEST(Change, RejectNeedsReasonPendingChangeAndVersion) {
  ChangeDecision pending = Pending();
  EXPECT_TRUE(StartsWith(
      Invalid(RejectChange(pending.change, 1, pending.organization, "", Registrar(), kNow)),
      "reason:"));
  EXPECT_TRUE(Contains(
      Aborted(RejectChange(pending.change, 3, pending.organization, "理由", Registrar(), kNow)),
      "request had 3"));
  ChangeApplication rejected = pending.change;
  rejected.status = ChangeStatus::kRejected;
  std::string msg =
      Precondition(RejectChange(rejected, 1, pending.organization, "理由", Registrar(), kNow));
  EXPECT_TRUE(Contains(msg, "only PENDING changes can be rejected (REG-12)")) << msg;
}

TEST(Change, Reg13NameDomicileAndLegalRepMustBeAnnounced) {
  EXPECT_TRUE(MustAnnounce(NameChange("x")));
  OrgChanges domicile;
  domicile.domicile = "x";
  EXPECT_TRUE(MustAnnounce(domicile));
  OrgChanges rep;
  rep.legal_rep = Person{.name = "李四", .id_number = Id("19800101")};
  EXPECT_TRUE(MustAnnounce(rep));
}

TEST(Change, Reg13ScopeFundsAndSupervisoryUnitAreNotAnnounced) {
  OrgChanges scope;
  scope.business_scope = "x";
  EXPECT_FALSE(MustAnnounce(scope));
  OrgChanges funds;
  funds.funds_fen = 5'000'000;
  EXPECT_FALSE(MustAnnounce(funds));
  OrgChanges unit;
  unit.supervisory_unit = "集美区民政局";
  EXPECT_FALSE(MustAnnounce(unit));
  EXPECT_FALSE(MustAnnounce(OrgChanges{}));
  funds.domicile = "x";
  EXPECT_TRUE(MustAnnounce(funds));
}

// =============================================================================================
// Articles (PB-09) and CheckMayOperate (REG-15/19)

TEST(Articles, RecordsTheFirstVersion) {
  Organization org = Org();
  Result<Organization> r = RecordArticles(org, org.version, Articles(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->articles.number, 1);
  EXPECT_EQ(r->articles.approved_on, "2026-11-01");
  EXPECT_TRUE(r->articles.party_building_clause);
  EXPECT_EQ(r->articles.party_leading_organ, "集美区社会工作部");
  EXPECT_EQ(r->articles.text_sha256, kSha);
  ASSERT_TRUE(r->articles.recorded_at.has_value());
  EXPECT_EQ(*r->articles.recorded_at, kNow);
  EXPECT_EQ(r->version, org.version + 1);
  EXPECT_EQ(r->status, OrgStatus::kActive);
}

TEST(Articles, NumberIncrements) {
  Organization org = Org();
  Result<Organization> first = RecordArticles(org, org.version, Articles(), kNow);
  ASSERT_TRUE(first.ok());
  Result<Organization> second = RecordArticles(*first, first->version, Articles(false, ""), kNow);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->articles.number, 2);
  EXPECT_FALSE(second->articles.party_building_clause);
  EXPECT_TRUE(second->articles.party_leading_organ.empty());
}

TEST(Articles, Sha256MustBe64LowerHex) {
  Organization org = Org();
  ArticlesInput in = Articles();
  in.text_sha256 = std::string(kSha).substr(0, 63);
  EXPECT_TRUE(StartsWith(Invalid(RecordArticles(org, org.version, in, kNow)), "text_sha256:"));
  in.text_sha256 = std::string(kSha) + "0";
  EXPECT_TRUE(StartsWith(Invalid(RecordArticles(org, org.version, in, kNow)), "text_sha256:"));
  in.text_sha256 = std::string(64, 'A');
  EXPECT_TRUE(StartsWith(Invalid(RecordArticles(org, org.version, in, kNow)), "text_sha256:"));
  in.text_sha256 = std::string(63, 'a') + "g";
  EXPECT_TRUE(StartsWith(Invalid(RecordArticles(org, org.version, in, kNow)), "text_sha256:"));
  in.text_sha256 = "";
  EXPECT_TRUE(StartsWith(Invalid(RecordArticles(org, org.version, in, kNow)), "text_sha256:"));
}

TEST(Articles, Pb09PartyBuildingClauseNeedsItsLeadingOrgan) {
  Organization org = Org();
  std::string msg = Invalid(RecordArticles(org, org.version, Articles(true, ""), kNow));
  EXPECT_TRUE(StartsWith(msg, "party_leading_organ: PB-09")) << msg;
  msg = Invalid(RecordArticles(org, org.version, Articles(true, " \u3000"), kNow));
  EXPECT_TRUE(StartsWith(msg, "party_leading_organ: PB-09")) << msg;
}

TEST(Articles, ApprovedOnMustBeARealPastDate) {
  Organization org = Org();
  ArticlesInput in = Articles();
  in.approved_on = kTomorrow;
  EXPECT_TRUE(StartsWith(Invalid(RecordArticles(org, org.version, in, kNow)), "approved_on:"));
  in.approved_on = "2026-02-30";
  EXPECT_TRUE(StartsWith(Invalid(RecordArticles(org, org.version, in, kNow)), "approved_on:"));
}

TEST(Articles, Reg15RefusedWhileLiquidating) {
  Organization org = Org(OrgStatus::kLiquidating);
  std::string msg = Precondition(RecordArticles(org, org.version, Articles(), kNow));
  EXPECT_TRUE(Contains(msg, "LIQUIDATING")) << msg;
  EXPECT_TRUE(Contains(msg, "REG-15")) << msg;
}

TEST(Articles, Reg19RefusedAfterRevocation) {
  Organization org = Org(OrgStatus::kRevoked);
  std::string msg = Precondition(RecordArticles(org, org.version, Articles(), kNow));
  EXPECT_TRUE(Contains(msg, "REVOKED")) << msg;
  EXPECT_TRUE(Contains(msg, "REG-19")) << msg;
  org.status = OrgStatus::kCertRevoked;
  EXPECT_TRUE(Contains(Precondition(RecordArticles(org, org.version, Articles(), kNow)), "REG-19"));
}

TEST(Articles, CommunityFilingsAndStaleVersionsAreRefused) {
  Result<Organization> filed = File(CommunityProfile());
  ASSERT_TRUE(filed.ok());
  EXPECT_TRUE(Contains(Precondition(RecordArticles(*filed, 1, Articles(), kNow)),
                       "FILED community organization"));
  Organization org = Org();
  EXPECT_TRUE(Contains(Aborted(RecordArticles(org, 2, Articles(), kNow)), "request had 2"));
}

TEST(MayOperate, Reg15Reg19WindingDownStatesMayOnlyLiquidate) {
  EXPECT_FALSE(CheckMayOperate(Org(OrgStatus::kActive), "x"));
  EXPECT_FALSE(CheckMayOperate(Org(OrgStatus::kChangePending), "x"));
  for (OrgStatus s :
       {OrgStatus::kDissolutionResolved, OrgStatus::kLiquidating, OrgStatus::kCancelApplied}) {
    std::string msg =
        Err(CheckMayOperate(Org(s), "holding an event"), ErrorCode::kFailedPrecondition);
    EXPECT_TRUE(Contains(msg, "REG-15")) << msg;
    EXPECT_TRUE(Contains(msg, "holding an event is refused")) << msg;
  }
  for (OrgStatus s : {OrgStatus::kRevoked, OrgStatus::kCertRevoked}) {
    std::string msg =
        Err(CheckMayOperate(Org(s), "holding an event"), ErrorCode::kFailedPrecondition);
    EXPECT_TRUE(Contains(msg, "REG-19")) << msg;
  }
  std::string msg = Err(CheckMayOperate(Org(OrgStatus::kSuspended), "holding an event"),
                        ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(msg, "waits until it resumes (ENF-04)")) << msg;
  msg = Err(CheckMayOperate(Org(OrgStatus::kCancelled), "holding an event"),
            ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(msg, "REG-19")) << msg;
}

// =============================================================================================
// Council terms (TE-01/02)

TEST(CouncilTermTest, Te01FourAndFiveYearTermsAreAccepted) {
  Organization org = Org();
  Result<Organization> four =
      RecordCouncilTerm(org, org.version, "2026-12-01", "2030-11-30", "rev-7", kNow);
  ASSERT_TRUE(four.ok()) << four.error().message;
  EXPECT_EQ(four->council_term.start_date, "2026-12-01");
  EXPECT_EQ(four->council_term.end_date, "2030-11-30");
  EXPECT_TRUE(four->council_term.extension_until.empty());
  EXPECT_EQ(four->council_term.review_id, "rev-7");
  EXPECT_EQ(four->version, org.version + 1);
  Result<Organization> five =
      RecordCouncilTerm(org, org.version, "2026-12-01", "2031-11-30", "rev-7", kNow);
  EXPECT_TRUE(five.ok()) << five.error().message;
}

TEST(CouncilTermTest, Te01ThreeYearTermIsRefused) {
  Organization org = Org();
  std::string msg =
      Invalid(RecordCouncilTerm(org, org.version, "2026-12-01", "2029-11-30", "", kNow));
  EXPECT_TRUE(StartsWith(msg, "end_date: TE-01")) << msg;
  EXPECT_TRUE(Contains(msg, "between 2030-11-30 and 2031-11-30")) << msg;
  // One day short of four years.
  EXPECT_TRUE(
      StartsWith(Invalid(RecordCouncilTerm(org, org.version, "2026-12-01", "2030-11-29", "", kNow)),
                 "end_date: TE-01"));
}

TEST(CouncilTermTest, Te01FiveYearsPlusOneDayIsRefused) {
  Organization org = Org();
  std::string msg =
      Invalid(RecordCouncilTerm(org, org.version, "2026-12-01", "2031-12-01", "", kNow));
  EXPECT_TRUE(StartsWith(msg, "end_date: TE-01")) << msg;
}

TEST(CouncilTermTest, Te01DatesMustParse) {
  Organization org = Org();
  EXPECT_TRUE(StartsWith(Invalid(RecordCouncilTerm(org, org.version, "", "2030-11-30", "", kNow)),
                         "start_date:"));
  EXPECT_TRUE(
      StartsWith(Invalid(RecordCouncilTerm(org, org.version, "2026-12-01", "2030-11-31", "", kNow)),
                 "end_date:"));
}

TEST(CouncilTermTest, Te01RecordTermRefusedWhenWindingDownOrStale) {
  Organization org = Org(OrgStatus::kLiquidating);
  EXPECT_TRUE(Contains(
      Precondition(RecordCouncilTerm(org, org.version, "2026-12-01", "2030-11-30", "", kNow)),
      "REG-15"));
  Organization active = Org();
  EXPECT_TRUE(Contains(Aborted(RecordCouncilTerm(active, 1, "2026-12-01", "2030-11-30", "", kNow)),
                       "version"));
}

TEST(CouncilTermTest, Te01ExtensionUpToOneYearIsAccepted) {
  Organization org = WithTerm();
  Result<Organization> r = ExtendCouncilTerm(org, org.version, "2031-11-30", "疫情", kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->council_term.extension_until, "2031-11-30");
  EXPECT_EQ(r->council_term.end_date, "2030-11-30");
  EXPECT_EQ(r->version, org.version + 1);
  Result<Organization> day = ExtendCouncilTerm(org, org.version, "2030-12-01", "疫情", kNow);
  EXPECT_TRUE(day.ok()) << day.error().message;
}

TEST(CouncilTermTest, Te01ExtensionBeyondOneYearIsRefused) {
  Organization org = WithTerm();
  std::string msg = Invalid(ExtendCouncilTerm(org, org.version, "2031-12-01", "疫情", kNow));
  EXPECT_TRUE(StartsWith(msg, "extension_until: TE-01")) << msg;
  EXPECT_TRUE(Contains(msg, "on or before 2031-11-30")) << msg;
  // Not a postponement at all.
  EXPECT_TRUE(StartsWith(Invalid(ExtendCouncilTerm(org, org.version, "2030-11-30", "疫情", kNow)),
                         "extension_until: TE-01"));
}

TEST(CouncilTermTest, Te01ExtensionWithoutTermIsAFailedPrecondition) {
  Organization org = Org();
  std::string msg = Precondition(ExtendCouncilTerm(org, org.version, "2027-01-01", "疫情", kNow));
  EXPECT_TRUE(Contains(msg, "no council term")) << msg;
  EXPECT_TRUE(Contains(msg, "TE-01")) << msg;
}

TEST(CouncilTermTest, Te01ExtensionNeedsReasonAndVersion) {
  Organization org = WithTerm();
  EXPECT_TRUE(
      StartsWith(Invalid(ExtendCouncilTerm(org, org.version, "2031-01-01", "", kNow)), "reason:"));
  EXPECT_TRUE(
      Contains(Aborted(ExtendCouncilTerm(org, 9, "2031-01-01", "疫情", kNow)), "request had 9"));
}

TEST(CouncilTermTest, Te02OverdueTheDayAfterTheEnd) {
  CouncilTerm ends_today = Term("2022-11-29", kToday);
  EXPECT_FALSE(OverdueReelection(ends_today, kNow));
  CouncilTerm ended_yesterday = Term("2022-11-28", "2026-11-27");
  EXPECT_TRUE(OverdueReelection(ended_yesterday, kNow));
  // The day turns at midnight China time.
  EXPECT_FALSE(OverdueReelection(ends_today, At("2026-11-28T15:59:59Z")));
  EXPECT_TRUE(OverdueReelection(ends_today, At("2026-11-28T16:00:00Z")));
}

TEST(CouncilTermTest, Te02ExtensionPostponesOverdue) {
  CouncilTerm extended = Term("2021-06-01", "2026-05-31", kToday);
  EXPECT_FALSE(OverdueReelection(extended, kNow));
  extended.extension_until = "2026-11-27";
  EXPECT_TRUE(OverdueReelection(extended, kNow));
}

TEST(CouncilTermTest, Te02NoTermIsNeverOverdue) {
  EXPECT_FALSE(OverdueReelection(CouncilTerm{}, kNow));
}

// =============================================================================================
// Dissolution, liquidation, cancellation (REG-14/15/16/19)

TEST(Dissolution, Reg14ResolveMovesActiveToDissolutionResolved) {
  Organization org = Org();
  Result<Organization> r = ResolveDissolution(org, org.version, DissolutionGround::kSelfDissolution,
                                              "2026-11-20", "2026-11-25", kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, OrgStatus::kDissolutionResolved);
  EXPECT_EQ(r->version, org.version + 1);
  EXPECT_TRUE(Contains(r->status_reason, "自行解散")) << r->status_reason;
  ASSERT_TRUE(r->status_changed_at.has_value());
  EXPECT_EQ(*r->status_changed_at, kNow);
}

TEST(Dissolution, Reg14UnknownGroundIsRefused) {
  Organization org = Org();
  for (int g : {0, 9, -1}) {
    std::string msg = Invalid(ResolveDissolution(
        org, org.version, static_cast<DissolutionGround>(g), "2026-11-20", "2026-11-25", kNow));
    EXPECT_TRUE(StartsWith(msg, "ground: REG-14")) << g << ": " << msg;
  }
  for (DissolutionGround g : {DissolutionGround::kPurposeCompleted,
                              DissolutionGround::kSplitOrMerger, DissolutionGround::kOther}) {
    Result<Organization> r =
        ResolveDissolution(org, org.version, g, "2026-11-20", "2026-11-25", kNow);
    EXPECT_TRUE(r.ok()) << r.error().message;
  }
}

TEST(Dissolution, Reg14ConsentRequiredWithASupervisoryUnit) {
  Organization org = Org();
  std::string msg = Invalid(ResolveDissolution(
      org, org.version, DissolutionGround::kSelfDissolution, "2026-11-20", "", kNow));
  EXPECT_TRUE(StartsWith(msg, "consented_on: REG-14")) << msg;
  EXPECT_TRUE(Contains(msg, "集美区科学技术协会")) << msg;
  msg = Invalid(ResolveDissolution(org, org.version, DissolutionGround::kSelfDissolution,
                                   "2026-11-20", kTomorrow, kNow));
  EXPECT_TRUE(StartsWith(msg, "consented_on:")) << msg;
}

TEST(Dissolution, Reg14DirectRegistrationNeedsNoConsent) {
  Organization org = DirectOrg();
  Result<Organization> r = ResolveDissolution(
      org, org.version, DissolutionGround::kPurposeCompleted, "2026-11-20", "", kNow);
  EXPECT_TRUE(r.ok()) << r.error().message;
}

TEST(Dissolution, Reg14ResolvedOnMustBeAPastDate) {
  Organization org = DirectOrg();
  EXPECT_TRUE(
      StartsWith(Invalid(ResolveDissolution(org, org.version, DissolutionGround::kPurposeCompleted,
                                            kTomorrow, "", kNow)),
                 "resolved_on:"));
  EXPECT_TRUE(StartsWith(Invalid(ResolveDissolution(
                             org, org.version, DissolutionGround::kPurposeCompleted, "", "", kNow)),
                         "resolved_on:"));
}

TEST(Dissolution, Reg14OnlyActiveOrganizationsResolve) {
  for (OrgStatus s : {OrgStatus::kSuspended, OrgStatus::kChangePending, OrgStatus::kRevoked,
                      OrgStatus::kDissolutionResolved}) {
    Organization org = Org(s);
    std::string msg = Precondition(ResolveDissolution(
        org, org.version, DissolutionGround::kSelfDissolution, "2026-11-20", "2026-11-25", kNow));
    EXPECT_TRUE(Contains(msg, ToString(s))) << msg;
    EXPECT_TRUE(Contains(msg, "REG-14")) << msg;
  }
}

TEST(Dissolution, Reg14CommunityFilingsAreRemovedInstead) {
  Result<Organization> filed = File(CommunityProfile());
  ASSERT_TRUE(filed.ok());
  std::string msg = Precondition(
      ResolveDissolution(*filed, 1, DissolutionGround::kSelfDissolution, "2026-11-20", "", kNow));
  EXPECT_TRUE(Contains(msg, "community filings are removed instead")) << msg;
}

TEST(Liquidation, Reg15StartsFromDissolutionResolved) {
  Organization org = Org(OrgStatus::kDissolutionResolved);
  Result<Organization> r = StartLiquidation(org, org.version, {"张三", " 李四 "}, kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, OrgStatus::kLiquidating);
  EXPECT_EQ(r->version, org.version + 1);
  EXPECT_EQ(r->status_reason, "清算组: 张三、李四");
}

TEST(Liquidation, Reg19StartsFromRevokedOrCertRevoked) {
  for (OrgStatus s : {OrgStatus::kRevoked, OrgStatus::kCertRevoked}) {
    Organization org = Org(s);
    Result<Organization> r = StartLiquidation(org, org.version, {"张三"}, kNow);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->status, OrgStatus::kLiquidating);
  }
}

TEST(Liquidation, Reg19RefusedFromOtherStates) {
  for (OrgStatus s : {OrgStatus::kActive, OrgStatus::kSuspended, OrgStatus::kLiquidating,
                      OrgStatus::kCancelled, OrgStatus::kFiled}) {
    Organization org = Org(s);
    std::string msg = Precondition(StartLiquidation(org, org.version, {"张三"}, kNow));
    EXPECT_TRUE(Contains(msg, "REG-19")) << ToString(s) << ": " << msg;
    EXPECT_TRUE(Contains(msg, ToString(s))) << msg;
  }
}

TEST(Liquidation, Reg15GroupHasOneToTwentyMembers) {
  Organization org = Org(OrgStatus::kDissolutionResolved);
  EXPECT_TRUE(StartsWith(Invalid(StartLiquidation(org, org.version, {}, kNow)),
                         "liquidation_group: REG-15"));
  std::vector<std::string> twenty(20, "成员");
  Result<Organization> ok = StartLiquidation(org, org.version, twenty, kNow);
  EXPECT_TRUE(ok.ok()) << ok.error().message;
  std::vector<std::string> twenty_one(21, "成员");
  EXPECT_TRUE(StartsWith(Invalid(StartLiquidation(org, org.version, twenty_one, kNow)),
                         "liquidation_group: REG-15"));
  EXPECT_TRUE(StartsWith(Invalid(StartLiquidation(org, org.version, {"张三", " "}, kNow)),
                         "liquidation_group[1]:"));
}

TEST(Cancellation, Reg15ApplyMovesLiquidatingToCancelApplied) {
  Organization org = Org(OrgStatus::kLiquidating);
  Result<Organization> r = ApplyCancellation(org, org.version, Cancellation(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, OrgStatus::kCancelApplied);
  EXPECT_EQ(r->version, org.version + 1);
  EXPECT_EQ(r->liquidation_ended_on, "2026-11-20");
  EXPECT_EQ(r->status_reason, "剩余财产捐赠集美区慈善总会");
  EXPECT_FALSE(r->cancellation_late);
}

TEST(Cancellation, Reg15AuditReportIsRequired) {
  Organization org = Org(OrgStatus::kLiquidating);
  std::string msg =
      Precondition(ApplyCancellation(org, org.version, Cancellation("2026-11-20", false), kNow));
  EXPECT_TRUE(Contains(msg, "清算审计")) << msg;
  EXPECT_TRUE(Contains(msg, "REG-15")) << msg;
}

TEST(Cancellation, Reg15ResidualAssetsDispositionIsRequired) {
  Organization org = Org(OrgStatus::kLiquidating);
  EXPECT_TRUE(StartsWith(
      Invalid(ApplyCancellation(org, org.version, Cancellation("2026-11-20", true, ""), kNow)),
      "residual_assets_disposition:"));
}

TEST(Cancellation, Reg16LateAfterFifteenDays) {
  Organization org = Org(OrgStatus::kLiquidating);
  Result<Organization> fifteen =
      ApplyCancellation(org, org.version, Cancellation("2026-11-13"), kNow);
  ASSERT_TRUE(fifteen.ok()) << fifteen.error().message;
  EXPECT_FALSE(fifteen->cancellation_late);
  Result<Organization> sixteen =
      ApplyCancellation(org, org.version, Cancellation("2026-11-12"), kNow);
  ASSERT_TRUE(sixteen.ok()) << sixteen.error().message;
  EXPECT_TRUE(sixteen->cancellation_late);
}

TEST(Cancellation, Reg15ApplyNeedsLiquidatingAndAPastEndDate) {
  Organization active = Org();
  std::string msg = Precondition(ApplyCancellation(active, active.version, Cancellation(), kNow));
  EXPECT_TRUE(Contains(msg, "only when LIQUIDATING")) << msg;
  EXPECT_TRUE(Contains(msg, "REG-15")) << msg;
  Organization org = Org(OrgStatus::kLiquidating);
  EXPECT_TRUE(
      StartsWith(Invalid(ApplyCancellation(org, org.version, Cancellation(kTomorrow), kNow)),
                 "liquidation_ended_on:"));
}

TEST(Cancellation, Reg16ApproveNeedsCertificateAndSealsCollected) {
  Organization org = Org(OrgStatus::kCancelApplied);
  std::string msg = Precondition(ApproveCancellation(org, org.version, false, kNow));
  EXPECT_TRUE(Contains(msg, "REG-16")) << msg;
  EXPECT_TRUE(Contains(msg, "seals")) << msg;
  Result<Organization> r = ApproveCancellation(org, org.version, true, kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, OrgStatus::kCancelled);
  EXPECT_EQ(r->version, org.version + 1);
}

TEST(Cancellation, Reg16ApproveNeedsCancelApplied) {
  Organization org = Org(OrgStatus::kLiquidating);
  std::string msg = Precondition(ApproveCancellation(org, org.version, true, kNow));
  EXPECT_TRUE(Contains(msg, "only when CANCEL_APPLIED")) << msg;
  EXPECT_TRUE(Contains(msg, "REG-16")) << msg;
}

TEST(Dissolution, EveryStaleVersionIsAborted) {
  Organization active = Org();
  EXPECT_TRUE(Contains(Aborted(ResolveDissolution(active, 2, DissolutionGround::kSelfDissolution,
                                                  "2026-11-20", "2026-11-25", kNow)),
                       "request had 2"));
  Organization resolved = Org(OrgStatus::kDissolutionResolved);
  EXPECT_TRUE(Contains(Aborted(StartLiquidation(resolved, 4, {"张三"}, kNow)), "request had 4"));
  Organization liquidating = Org(OrgStatus::kLiquidating);
  EXPECT_TRUE(
      Contains(Aborted(ApplyCancellation(liquidating, 1, Cancellation(), kNow)), "request had 1"));
  Organization applied = Org(OrgStatus::kCancelApplied);
  EXPECT_TRUE(Contains(Aborted(ApproveCancellation(applied, 0, true, kNow)), "request had 0"));
  Organization suspended = Org(OrgStatus::kSuspended);
  suspended.suspended_until = "2026-11-01";
  EXPECT_TRUE(Contains(Aborted(ResumeOrganization(suspended, 5, "2026-11-20", kNow)),
                       "is at version 3, request had 5"));
}

TEST(Dissolution, FullPathFromActiveToCancelled) {
  Organization org = Org();
  Result<Organization> resolved = ResolveDissolution(
      org, org.version, DissolutionGround::kSelfDissolution, "2026-10-01", "2026-10-10", kNow);
  ASSERT_TRUE(resolved.ok()) << resolved.error().message;
  Result<Organization> liquidating = StartLiquidation(*resolved, resolved->version, {"张三"}, kNow);
  ASSERT_TRUE(liquidating.ok()) << liquidating.error().message;
  Result<Organization> applied =
      ApplyCancellation(*liquidating, liquidating->version, Cancellation(), kNow);
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  Result<Organization> cancelled = ApproveCancellation(*applied, applied->version, true, kNow);
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
  EXPECT_EQ(cancelled->status, OrgStatus::kCancelled);
  EXPECT_EQ(cancelled->version, org.version + 4);
}

// =============================================================================================
// Penalties and resumption

TEST(Penalty, SuspendFromActive) {
  Organization org = Org();
  Result<Organization> r = ApplyPenalty(org, Suspend(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, OrgStatus::kSuspended);
  EXPECT_EQ(r->suspended_until, "2027-02-28");
  EXPECT_EQ(r->penalty_case_id, "case-9");
  EXPECT_EQ(r->version, org.version + 1);
  EXPECT_TRUE(Contains(r->status_reason, "限期停止活动")) << r->status_reason;
  EXPECT_TRUE(Contains(r->status_reason, "case-9")) << r->status_reason;
  ASSERT_TRUE(r->status_changed_at.has_value());
  EXPECT_EQ(*r->status_changed_at, kNow);
}

TEST(Penalty, SuspendFromChangePendingAndSuspended) {
  for (OrgStatus s : {OrgStatus::kChangePending, OrgStatus::kSuspended}) {
    Result<Organization> r = ApplyPenalty(Org(s), Suspend("2027-06-30"), kNow);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->status, OrgStatus::kSuspended);
    EXPECT_EQ(r->suspended_until, "2027-06-30");
  }
}

TEST(Penalty, SuspendNeedsARealDate) {
  EXPECT_TRUE(
      StartsWith(Invalid(ApplyPenalty(Org(), Suspend(""), kNow)), "penalties.suspend_until:"));
  EXPECT_TRUE(StartsWith(Invalid(ApplyPenalty(Org(), Suspend("2027-02-30"), kNow)),
                         "penalties.suspend_until:"));
}

TEST(Penalty, SuspendFromCancelledIsRefused) {
  for (OrgStatus s : {OrgStatus::kCancelled, OrgStatus::kLiquidating, OrgStatus::kRevoked,
                      OrgStatus::kFilingRemoved}) {
    std::string msg = Precondition(ApplyPenalty(Org(s), Suspend(), kNow));
    EXPECT_TRUE(Contains(msg, ToString(s))) << msg;
    EXPECT_TRUE(Contains(msg, "suspended only when")) << msg;
  }
}

TEST(Penalty, Reg17RevokeFromSuspended) {
  Organization org = Org(OrgStatus::kSuspended);
  org.suspended_until = "2027-02-28";
  Result<Organization> r = ApplyPenalty(org, Revoke(), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, OrgStatus::kRevoked);
  EXPECT_EQ(r->penalty_case_id, "case-10");
  EXPECT_TRUE(r->suspended_until.empty());
  EXPECT_EQ(r->version, org.version + 1);
  EXPECT_TRUE(Contains(r->status_reason, "撤销登记")) << r->status_reason;
}

TEST(Penalty, Reg17RevokeCertificateGivesCertRevoked) {
  Result<Organization> r = ApplyPenalty(Org(), Revoke(PenaltyEffect::kRevokeCertificate), kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, OrgStatus::kCertRevoked);
  EXPECT_TRUE(Contains(r->status_reason, "吊销登记证书")) << r->status_reason;
}

TEST(Penalty, Reg19RevokeRefusedOnceLiquidatingOrGone) {
  for (OrgStatus s : {OrgStatus::kLiquidating, OrgStatus::kCancelApplied, OrgStatus::kCancelled,
                      OrgStatus::kRevoked, OrgStatus::kFiled}) {
    std::string msg = Precondition(ApplyPenalty(Org(s), Revoke(), kNow));
    EXPECT_TRUE(Contains(msg, "REG-17, REG-19")) << ToString(s) << ": " << msg;
  }
  Result<Organization> resolved =
      ApplyPenalty(Org(OrgStatus::kDissolutionResolved), Revoke(), kNow);
  EXPECT_TRUE(resolved.ok()) << resolved.error().message;
}

TEST(Penalty, NoneReturnsTheOrganizationUnchanged) {
  Organization org = Org();
  PenaltyInput in;
  in.case_id = "case-11";
  Result<Organization> r = ApplyPenalty(org, in, kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->version, org.version);
  EXPECT_EQ(r->status, OrgStatus::kActive);
  EXPECT_TRUE(r->penalty_case_id.empty());
  EXPECT_FALSE(r->status_changed_at.has_value());
}

TEST(Penalty, ResumeRefusedUntilTheSuspensionEnded) {
  Result<Organization> suspended = ApplyPenalty(Org(), Suspend(kToday), kNow);
  ASSERT_TRUE(suspended.ok());
  std::string msg =
      Precondition(ResumeOrganization(*suspended, suspended->version, "2026-11-20", kNow));
  EXPECT_TRUE(Contains(msg, "suspended until 2026-11-28")) << msg;
  const TimePoint next_day = At("2026-11-28T16:00:00Z");
  Result<Organization> r =
      ResumeOrganization(*suspended, suspended->version, "2026-11-20", next_day);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, OrgStatus::kActive);
  EXPECT_TRUE(r->suspended_until.empty());
  EXPECT_EQ(r->version, suspended->version + 1);
  EXPECT_TRUE(Contains(r->status_reason, "2026-11-20")) << r->status_reason;
}

TEST(Penalty, ResumeNeedsSuspendedAndARectificationDate) {
  Organization active = Org();
  std::string msg = Precondition(ResumeOrganization(active, active.version, "2026-11-20", kNow));
  EXPECT_TRUE(Contains(msg, "only when SUSPENDED")) << msg;
  Organization suspended = Org(OrgStatus::kSuspended);
  suspended.suspended_until = "2026-11-01";
  EXPECT_TRUE(StartsWith(Invalid(ResumeOrganization(suspended, suspended.version, "", kNow)),
                         "rectification_received_on:"));
  EXPECT_TRUE(StartsWith(Invalid(ResumeOrganization(suspended, suspended.version, kTomorrow, kNow)),
                         "rectification_received_on:"));
}

}  // namespace
}  // namespace socgov::registration
