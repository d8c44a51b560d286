// Establishment application: field validation, REG-01/02/03/10/22 and the SUBMITTED → APPROVED |
// REJECTED state machine (domain.md §3.1).
#include "registration/domain/application.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "registration/domain/credit_code.h"

namespace socgov::registration {
namespace {

using std::chrono::hours;
using std::chrono::sys_days;
using namespace std::chrono_literals;

const TimePoint kNow = sys_days{2026y / std::chrono::November / 27} + hours(3);
const TimePoint kLater = kNow + hours(48);
const RegistrySettings kJimei{.authority_code = "350211"};
const RegistrySettings kMinistry{.authority_code = "100000"};
constexpr char kCode[] = "51100000500009247D";

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

Profile SocialGroup() {
  Profile p;
  p.kind = OrgKind::kSocialGroup;
  p.name = "厦门市集美区志愿者协会";
  p.domicile = "厦门市集美区集美大道1号";
  p.legal_rep = {.name = "张三", .id_number = "11010519491231002X"};
  p.funds_fen = 3'000'000;
  p.business_scope = "志愿服务培训、交流与合作";
  p.jurisdiction = "350211";
  p.individual_members = 50;
  return p;
}

Profile SocialService() {
  Profile p = SocialGroup();
  p.kind = OrgKind::kSocialService;
  p.name = "集美区阳光养老服务中心";
  p.social_service_form = SocialServiceForm::kLegalPerson;
  p.funds_fen = 100;
  p.individual_members = 0;
  return p;
}

Profile Foundation(FoundationKind kind, int64_t funds_fen) {
  Profile p = SocialGroup();
  p.kind = OrgKind::kFoundation;
  p.name = "集美区慈善基金会";
  p.individual_members = 0;
  p.foundation_kind = kind;
  p.funds_fen = funds_fen;
  p.funds_in_cash = true;
  return p;
}

Profile National(Profile p) {
  p.jurisdiction = "100000";
  return p;
}

// "" when valid, else the error message (INVALID_ARGUMENT is asserted).
std::string Check(Profile p, const RegistrySettings& settings = kJimei) {
  Status err = ValidateProfile(p, settings, kNow);
  if (!err) return "";
  EXPECT_EQ(err->code, ErrorCode::kInvalidArgument) << err->message;
  return err->message;
}

bool StartsWith(const std::string& s, std::string_view prefix) { return s.starts_with(prefix); }
bool Contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

Actor Clerk() { return {.subject = "clerk-1", .roles = {"registrar"}, .jurisdiction = "350211"}; }
Actor Reviewer() {
  return {.subject = "reviewer-7", .roles = {"reviewer"}, .jurisdiction = "350211"};
}

Application Submitted() {
  Result<Application> app = SubmitApplication(
      "app-1", SocialService(), ApplicationStage::kUnspecified, Clerk(), kJimei, kNow);
  EXPECT_TRUE(app.ok()) << app.error().message;
  return std::move(app).value();
}

// ---------------------------------------------------------------------------------------------
// Field validation

TEST(ApplicationValidation, ValidProfilesOfEveryKindPass) {
  EXPECT_EQ(Check(SocialGroup()), "");
  EXPECT_EQ(Check(SocialService()), "");
  EXPECT_EQ(Check(Foundation(FoundationKind::kPublic, 400'000'000)), "");
  EXPECT_EQ(Check(Foundation(FoundationKind::kNonPublic, 200'000'000)), "");
}

TEST(ApplicationValidation, OrgTypeMustBeAKnownKind) {
  const std::string expected =
      "profile.org_type: must be SOCIAL_GROUP, SOCIAL_SERVICE, FOUNDATION or COMMUNITY";
  Profile p = SocialGroup();
  p.kind = OrgKind::kUnspecified;
  EXPECT_EQ(Check(p), expected);
  p.kind = static_cast<OrgKind>(7);
  EXPECT_EQ(Check(p), expected);
}

TEST(ApplicationValidation, NameLengthIsTwoToFiftyCodePoints) {
  Profile p = SocialGroup();
  p.name = "";
  EXPECT_EQ(Check(p), "profile.name: must not be empty");
  p.name = "   \t ";
  EXPECT_EQ(Check(p), "profile.name: must not be empty");
  p.name = "会";
  EXPECT_EQ(Check(p), "profile.name: must be at least 2 characters, got 1");
  p.name = "集会";  // two characters: the shortest name with the social-group form (REG-03)
  EXPECT_EQ(Check(p), "");
  p.name = Repeat("协", 48) + "协会";  // 150 bytes, 50 code points
  EXPECT_EQ(Check(p), "");
  p.name = Repeat("协", 51);
  EXPECT_EQ(Check(p), "profile.name: must be at most 50 characters, got 51");
}

TEST(ApplicationValidation, NameMustBeValidUtf8WithoutControlCharacters) {
  Profile p = SocialGroup();
  p.name = "协会\xff";
  EXPECT_EQ(Check(p), "profile.name: must be valid UTF-8");
  p.name = "集美\n协会";
  EXPECT_EQ(Check(p), "profile.name: must not contain control characters");
}

TEST(ApplicationValidation, TextFieldsAreStoredTrimmed) {
  Profile p = SocialGroup();
  p.name = "\u3000 集美区志愿者协会 \t";  // ideographic space from Chinese input methods
  p.legal_rep.name = " 张三 ";
  ASSERT_FALSE(ValidateProfile(p, kJimei, kNow).has_value());
  EXPECT_EQ(p.name, "集美区志愿者协会");
  EXPECT_EQ(p.legal_rep.name, "张三");
}

TEST(ApplicationValidation, REG03_LocalNamesMustNotClaimNationalStanding) {
  for (const char* word : {"中国", "全国", "中华"}) {
    Profile p = SocialGroup();
    p.name = std::string("集美区") + word + "文化协会";
    const std::string msg = Check(p);
    EXPECT_TRUE(StartsWith(msg, "profile.name: REG-03")) << msg;
    EXPECT_TRUE(Contains(msg, word)) << msg;
  }
}

TEST(ApplicationValidation, REG03_NationalAuthorityMayUseNationalWords) {
  Profile p = National(SocialGroup());
  p.name = "中国复合材料工业协会";
  p.funds_fen = 10'000'000;
  EXPECT_EQ(Check(p, kMinistry), "");
}

TEST(ApplicationValidation, DomicileIsOneToTwoHundredCodePoints) {
  Profile p = SocialGroup();
  p.domicile = " ";
  EXPECT_EQ(Check(p), "profile.domicile: must not be empty");
  p.domicile = Repeat("路", 200);
  EXPECT_EQ(Check(p), "");
  p.domicile = Repeat("路", 201);
  EXPECT_EQ(Check(p), "profile.domicile: must be at most 200 characters, got 201");
}

TEST(ApplicationValidation, BusinessScopeIsOneToOneThousandCodePoints) {
  Profile p = SocialGroup();
  p.business_scope = "";
  EXPECT_EQ(Check(p), "profile.business_scope: must not be empty");
  p.business_scope = Repeat("务", 1000);
  EXPECT_EQ(Check(p), "");
  p.business_scope = Repeat("务", 1001);
  EXPECT_EQ(Check(p), "profile.business_scope: must be at most 1000 characters, got 1001");
}

TEST(ApplicationValidation, LegalRepresentativeNameIsOneToFiftyCodePoints) {
  Profile p = SocialGroup();
  p.legal_rep.name = "";
  EXPECT_EQ(Check(p), "profile.legal_representative.name: must not be empty");
  p.legal_rep.name = "李";
  EXPECT_EQ(Check(p), "");
  p.legal_rep.name = Repeat("李", 51);
  EXPECT_EQ(Check(p), "profile.legal_representative.name: must be at most 50 characters, got 51");
}

TEST(ApplicationValidation, REG22_LegalRepresentativeIdNumberIsChecked) {
  Profile p = SocialGroup();
  p.legal_rep.id_number = "110105194912310021";
  EXPECT_EQ(Check(p), "legal_representative_id_number: check digit is 1, expected X");
  p.legal_rep.id_number = "";
  EXPECT_TRUE(StartsWith(Check(p), "legal_representative_id_number: ")) << Check(p);
  p.legal_rep.id_number = "11010520300101001" + std::string(1, '0');
  EXPECT_TRUE(StartsWith(Check(p), "legal_representative_id_number: ")) << Check(p);
}

TEST(ApplicationValidation, REG22_IdNumberIsStoredNormalized) {
  Profile p = SocialGroup();
  p.legal_rep.id_number = "110105491231002";  // legacy 15-digit form
  ASSERT_FALSE(ValidateProfile(p, kJimei, kNow).has_value());
  EXPECT_EQ(p.legal_rep.id_number, "11010519491231002X");

  p.legal_rep.id_number = "11010519491231002x";
  ASSERT_FALSE(ValidateProfile(p, kJimei, kNow).has_value());
  EXPECT_EQ(p.legal_rep.id_number, "11010519491231002X");
}

TEST(ApplicationValidation, FundsArePositiveAndBounded) {
  Profile p = SocialService();
  p.funds_fen = 0;
  EXPECT_EQ(Check(p), "profile.funds.fen: must be positive");
  p.funds_fen = -3'000'000;
  EXPECT_EQ(Check(p), "profile.funds.fen: must be positive");
  p.funds_fen = 100'000'000'000'000;
  EXPECT_EQ(Check(p), "");
  p.funds_fen = 100'000'000'000'001;
  EXPECT_TRUE(StartsWith(Check(p), "profile.funds.fen: must be at most")) << Check(p);
}

TEST(ApplicationValidation, JurisdictionMustBeThisAuthority) {
  Profile p = SocialGroup();
  p.jurisdiction = "35021";
  EXPECT_EQ(Check(p), "profile.jurisdiction: must be a 6-digit GB/T 2260 code");
  p.jurisdiction = "35021X";
  EXPECT_EQ(Check(p), "profile.jurisdiction: must be a 6-digit GB/T 2260 code");
  p.jurisdiction = "350200";
  EXPECT_EQ(Check(p), "profile.jurisdiction: must be this registration authority's code 350211");
}

TEST(ApplicationValidation, MemberCountsMustNotBeNegative) {
  Profile p = SocialGroup();
  p.individual_members = -1;
  EXPECT_EQ(Check(p), "profile.individual_members: must not be negative");
  p = SocialService();
  p.unit_members = -5;
  EXPECT_EQ(Check(p), "profile.unit_members: must not be negative");
}

TEST(ApplicationValidation, REG01_SocialGroupNeedsFiftyIndividualOrThirtyUnitMembers) {
  struct Case {
    int32_t individual, unit;
    bool ok;
  };
  for (const Case& c :
       {Case{50, 0, true}, Case{49, 0, false}, Case{0, 30, true}, Case{0, 29, false},
        Case{25, 25, true}, Case{49, 1, true}, Case{20, 29, false}, Case{5, 30, false},
        Case{0, 0, false}, Case{1000, 1000, true}}) {
    Profile p = SocialGroup();
    p.individual_members = c.individual;
    p.unit_members = c.unit;
    const std::string msg = Check(p);
    if (c.ok) {
      EXPECT_EQ(msg, "") << c.individual << "/" << c.unit;
    } else {
      EXPECT_TRUE(StartsWith(msg, "profile.individual_members: REG-01"))
          << c.individual << "/" << c.unit << ": " << msg;
    }
  }
}

TEST(ApplicationValidation, REG01_DoesNotApplyToOtherKinds) {
  Profile p = SocialService();
  p.individual_members = 3;
  EXPECT_EQ(Check(p), "");
}

TEST(ApplicationValidation, REG02_LocalSocialGroupNeedsThirtyThousandYuan) {
  Profile p = SocialGroup();
  p.funds_fen = 2'999'999;
  const std::string msg = Check(p);
  EXPECT_TRUE(StartsWith(msg, "profile.funds.fen: REG-02")) << msg;
  EXPECT_TRUE(Contains(msg, "¥30,000")) << msg;
  p.funds_fen = 3'000'000;
  EXPECT_EQ(Check(p), "");
}

TEST(ApplicationValidation, REG02_NationalSocialGroupNeedsOneHundredThousandYuan) {
  Profile p = National(SocialGroup());
  p.funds_fen = 9'999'999;
  const std::string msg = Check(p, kMinistry);
  EXPECT_TRUE(StartsWith(msg, "profile.funds.fen: REG-02")) << msg;
  EXPECT_TRUE(Contains(msg, "¥100,000")) << msg;
  p.funds_fen = 10'000'000;
  EXPECT_EQ(Check(p, kMinistry), "");
}

TEST(ApplicationValidation, REG02_DoesNotApplyToSocialServices) {
  Profile p = SocialService();
  p.funds_fen = 1;
  EXPECT_EQ(Check(p), "");
}

TEST(ApplicationValidation, REG10_FoundationKindIsRequired) {
  Profile p = Foundation(FoundationKind::kUnspecified, 800'000'000);
  EXPECT_TRUE(StartsWith(Check(p), "profile.foundation_kind: REG-10")) << Check(p);
  p.foundation_kind = static_cast<FoundationKind>(7);
  EXPECT_TRUE(StartsWith(Check(p), "profile.foundation_kind: REG-10")) << Check(p);
}

TEST(ApplicationValidation, REG10_OriginalFundMinimumsByScopeAndKind) {
  struct Case {
    FoundationKind kind;
    bool national;
    int64_t min_fen;
  };
  for (const Case& c : {Case{FoundationKind::kPublic, true, 800'000'000},
                        Case{FoundationKind::kPublic, false, 400'000'000},
                        Case{FoundationKind::kNonPublic, true, 200'000'000},
                        Case{FoundationKind::kNonPublic, false, 200'000'000}}) {
    Profile p = Foundation(c.kind, c.min_fen - 1);
    const RegistrySettings& settings = c.national ? kMinistry : kJimei;
    if (c.national) p = National(p);
    const std::string msg = Check(p, settings);
    EXPECT_TRUE(StartsWith(msg, "profile.funds.fen: REG-10")) << msg;
    p.funds_fen = c.min_fen;
    EXPECT_EQ(Check(p, settings), "") << ToString(c.kind) << " national=" << c.national;
  }
}

TEST(ApplicationValidation, REG10_OriginalFundMustBeCash) {
  Profile p = Foundation(FoundationKind::kNonPublic, 200'000'000);
  p.funds_in_cash = false;
  const std::string msg = Check(p);
  EXPECT_TRUE(StartsWith(msg, "profile.funds_in_cash: REG-10")) << msg;
}

TEST(ApplicationValidation, FoundationKindOnlyForFoundations) {
  Profile p = SocialGroup();
  p.foundation_kind = FoundationKind::kPublic;
  EXPECT_EQ(Check(p), "profile.foundation_kind: only for foundations");
  p = SocialService();
  p.foundation_kind = FoundationKind::kNonPublic;
  EXPECT_EQ(Check(p), "profile.foundation_kind: only for foundations");
}

TEST(ApplicationValidation, ReturnsTheFirstErrorAndLeavesProfileUntouched) {
  Profile p = SocialGroup();
  p.name = " 会 ";
  p.legal_rep.id_number = "110105491231002";
  p.funds_fen = -1;
  const Profile before = p;
  Status err = ValidateProfile(p, kJimei, kNow);
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->message, "profile.name: must be at least 2 characters, got 1");
  EXPECT_EQ(p.name, before.name);
  EXPECT_EQ(p.legal_rep.id_number, before.legal_rep.id_number);
}

// ---------------------------------------------------------------------------------------------
// Utf8Length

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(Utf8Length(""), 0u);
  EXPECT_EQ(Utf8Length("abc"), 3u);
  EXPECT_EQ(Utf8Length("集美区"), 3u);
  EXPECT_EQ(Utf8Length("é"), 1u);
  EXPECT_EQ(Utf8Length("\xF0\x9F\x98\x80"), 1u);  // U+1F600
  EXPECT_EQ(Utf8Length("\xF4\x8F\xBF\xBF"), 1u);  // U+10FFFF, the last code point
}

TEST(Utf8Length, RejectsInvalidSequences) {
  for (std::string_view bad : {
           "\x80",              // continuation byte first
           "\xC0\xAF",          // overlong '/'
           "\xC1\xBF",          // overlong
           "\xE0\x80\xAF",      // overlong '/'
           "\xF0\x80\x80\xAF",  // overlong '/'
           "\xED\xA0\x80",      // surrogate U+D800
           "\xF4\x90\x80\x80",  // above U+10FFFF
           "\xF8\x88\x80\x80\x80",
           "\xFF",
           "\xE9\x9B",      // truncated
           "a\xE9",         // truncated at the end
           "\xE9\x41\x86",  // bad continuation
           "\xC3\xC3",
       }) {
    EXPECT_FALSE(Utf8Length(bad).has_value()) << testing::PrintToString(std::string(bad));
  }
}

// ---------------------------------------------------------------------------------------------
// State machine

TEST(ApplicationStateMachine, SubmitBuildsSubmittedVersionOne) {
  Result<Application> app = SubmitApplication(
      "app-1", SocialService(), ApplicationStage::kUnspecified, Clerk(), kJimei, kNow);
  ASSERT_TRUE(app.ok()) << app.error().message;
  EXPECT_EQ(app->id, "app-1");
  EXPECT_EQ(app->status, ApplicationStatus::kSubmitted);
  EXPECT_EQ(app->version, 1);
  EXPECT_EQ(app->submitted_by.subject, "clerk-1");
  EXPECT_EQ(app->submitted_at, kNow);
  EXPECT_FALSE(app->decided_at.has_value());
  EXPECT_EQ(app->profile.name, SocialService().name);
  EXPECT_EQ(app->stage, ApplicationStage::kEstablishment);
}

TEST(ApplicationStateMachine, SubmitRejectsEmptyIdAndInvalidProfile) {
  Result<Application> app =
      SubmitApplication("", SocialService(), ApplicationStage::kUnspecified, Clerk(), kJimei, kNow);
  ASSERT_FALSE(app.ok());
  EXPECT_EQ(app.error().code, ErrorCode::kInvalidArgument);

  Profile p = SocialGroup();
  p.funds_fen = 100;
  app = SubmitApplication("app-2", p, ApplicationStage::kUnspecified, Clerk(), kJimei, kNow);
  ASSERT_FALSE(app.ok());
  EXPECT_EQ(app.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Contains(app.error().message, "REG-02"));
}

TEST(ApplicationStateMachine, SubmitStoresNormalizedIdNumber) {
  Profile p = SocialService();
  p.legal_rep.id_number = "11010519491231002x";
  Result<Application> app =
      SubmitApplication("app-3", p, ApplicationStage::kUnspecified, Clerk(), kJimei, kNow);
  ASSERT_TRUE(app.ok());
  EXPECT_EQ(app->profile.legal_rep.id_number, "11010519491231002X");
}

TEST(ApplicationStateMachine, ApproveFromSubmittedRegistersOrganization) {
  const Application app = Submitted();
  Result<Approval> r = ApproveApplication(app, 1, kCode, Reviewer(), kLater);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Application& decided = r->application;
  EXPECT_EQ(decided.status, ApplicationStatus::kApproved);
  EXPECT_EQ(decided.version, 2);
  EXPECT_EQ(decided.decided_at, kLater);
  EXPECT_EQ(decided.decided_by.subject, "reviewer-7");
  EXPECT_EQ(decided.organization_id, kCode);
  EXPECT_EQ(decided.submitted_at, kNow);

  const Organization& org = r->organization;
  EXPECT_EQ(org.id, kCode);
  EXPECT_EQ(org.status, OrgStatus::kActive);
  EXPECT_EQ(org.version, 1);
  EXPECT_EQ(org.registered_at, kLater);
  EXPECT_EQ(org.application_id, "app-1");
  EXPECT_EQ(org.profile.name, app.profile.name);
  EXPECT_EQ(org.profile.legal_rep.id_number, app.profile.legal_rep.id_number);
}

TEST(ApplicationStateMachine, ApproveWithMadeCreditCode) {
  const Application app = Submitted();
  Result<std::string> code = MakeCreditCode(app.profile.kind, "350211", 1);
  ASSERT_TRUE(code.ok());
  Result<Approval> r = ApproveApplication(app, 1, *code, Reviewer(), kLater);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->organization.id, *code);
}

TEST(ApplicationStateMachine, ApproveTwiceIsFailedPrecondition) {
  Result<Approval> first = ApproveApplication(Submitted(), 1, kCode, Reviewer(), kLater);
  ASSERT_TRUE(first.ok());
  Result<Approval> second = ApproveApplication(first->application, 2, kCode, Reviewer(), kLater);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(second.error().message,
            "application app-1 is APPROVED; only SUBMITTED applications can be approved "
            "(REG-04, REG-09: a decision answers a submitted application)");
}

TEST(ApplicationStateMachine, StaleVersionIsAborted) {
  const Application app = Submitted();
  Result<Approval> approve = ApproveApplication(app, 0, kCode, Reviewer(), kLater);
  ASSERT_FALSE(approve.ok());
  EXPECT_EQ(approve.error().code, ErrorCode::kAborted);
  EXPECT_EQ(approve.error().message, "application app-1 is at version 1, request had 0");

  Result<Application> reject = RejectApplication(app, 2, "材料不全", Reviewer(), kLater);
  ASSERT_FALSE(reject.ok());
  EXPECT_EQ(reject.error().code, ErrorCode::kAborted);
}

TEST(ApplicationStateMachine, VersionIsCheckedBeforeState) {
  Result<Approval> first = ApproveApplication(Submitted(), 1, kCode, Reviewer(), kLater);
  ASSERT_TRUE(first.ok());
  Result<Approval> stale = ApproveApplication(first->application, 1, kCode, Reviewer(), kLater);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);
}

TEST(ApplicationStateMachine, ApproveWithInvalidCreditCodeIsInternal) {
  Result<Approval> r = ApproveApplication(Submitted(), 1, "51100000500000024G", Reviewer(), kLater);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

TEST(ApplicationStateMachine, RejectFromSubmittedRecordsTrimmedReason) {
  Result<Application> r =
      RejectApplication(Submitted(), 1, "  章程草案缺少党建条款 \n", Reviewer(), kLater);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, ApplicationStatus::kRejected);
  EXPECT_EQ(r->version, 2);
  EXPECT_EQ(r->decided_at, kLater);
  EXPECT_EQ(r->decided_by.subject, "reviewer-7");
  EXPECT_EQ(r->rejection_reason, "章程草案缺少党建条款");
  EXPECT_TRUE(r->organization_id.empty());
}

TEST(ApplicationStateMachine, RejectReasonIsOneToFiveHundredCodePoints) {
  const Application app = Submitted();
  for (const std::string& bad : {std::string(), std::string(" \t\n"), Repeat("缺", 501)}) {
    Result<Application> r = RejectApplication(app, 1, bad, Reviewer(), kLater);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_TRUE(StartsWith(r.error().message, "reason: ")) << r.error().message;
  }
  EXPECT_TRUE(RejectApplication(app, 1, Repeat("缺", 500), Reviewer(), kLater).ok());
  EXPECT_FALSE(RejectApplication(app, 1, "\xE9\x9B", Reviewer(), kLater).ok());
}

TEST(ApplicationStateMachine, DecidedApplicationsCannotBeDecidedAgain) {
  Result<Application> rejected = RejectApplication(Submitted(), 1, "材料不全", Reviewer(), kLater);
  ASSERT_TRUE(rejected.ok());
  Result<Approval> approve = ApproveApplication(*rejected, 2, kCode, Reviewer(), kLater);
  ASSERT_FALSE(approve.ok());
  EXPECT_EQ(approve.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(approve.error().message, "is REJECTED")) << approve.error().message;

  Result<Application> again = RejectApplication(*rejected, 2, "材料不全", Reviewer(), kLater);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(again.error().message, "can be rejected")) << again.error().message;
}

// ---------------------------------------------------------------------------------------------
// Enum names (the wire and log spelling)

TEST(Types, ToStringNamesEveryValue) {
  EXPECT_STREQ(ToString(OrgKind::kSocialGroup), "SOCIAL_GROUP");
  EXPECT_STREQ(ToString(OrgKind::kSocialService), "SOCIAL_SERVICE");
  EXPECT_STREQ(ToString(OrgKind::kFoundation), "FOUNDATION");
  EXPECT_STREQ(ToString(OrgKind::kUnspecified), "UNSPECIFIED");
  EXPECT_STREQ(ToString(static_cast<OrgKind>(7)), "UNSPECIFIED");
  EXPECT_STREQ(ToString(ApplicationStatus::kSubmitted), "SUBMITTED");
  EXPECT_STREQ(ToString(ApplicationStatus::kApproved), "APPROVED");
  EXPECT_STREQ(ToString(ApplicationStatus::kRejected), "REJECTED");
  EXPECT_STREQ(ToString(OrgStatus::kActive), "ACTIVE");
  EXPECT_STREQ(ToString(FoundationKind::kPublic), "PUBLIC");
  EXPECT_STREQ(ToString(FoundationKind::kNonPublic), "NON_PUBLIC");
  EXPECT_STREQ(ToString(FoundationKind::kUnspecified), "UNSPECIFIED");
}

}  // namespace
}  // namespace socgov::registration

namespace socgov::registration {
namespace {

TEST(ApplicationStages, Reg11FoundationsOnlyWhereTheDeploymentRegistersThem) {
  RegistrySettings district = kJimei;
  district.foundations_registrable = false;
  auto app = SubmitApplication("f-1", Foundation(FoundationKind::kPublic, 400'000'000),
                               ApplicationStage::kUnspecified, Clerk(), district, kNow);
  ASSERT_FALSE(app.ok());
  EXPECT_EQ(app.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(app.error().message, "REG-11")) << app.error().message;

  RegistrySettings entrusted = district;
  entrusted.foundations_registrable = true;  // provincial, or entrusted by the province
  app = SubmitApplication("f-2", Foundation(FoundationKind::kPublic, 400'000'000),
                          ApplicationStage::kUnspecified, Clerk(), entrusted, kNow);
  ASSERT_TRUE(app.ok()) << app.error().message;
  EXPECT_EQ(app->stage, ApplicationStage::kEstablishment);
}

TEST(ApplicationStages, Reg04SocialGroupsStartWithPreparationAndOthersCannot) {
  auto app = SubmitApplication("g-1", SocialGroup(), ApplicationStage::kUnspecified, Clerk(),
                               kJimei, kNow);
  ASSERT_TRUE(app.ok()) << app.error().message;
  EXPECT_EQ(app->stage, ApplicationStage::kPreparation);
  // A preparation is approved as a preparation, never straight into a registration.
  auto approved = ApproveApplication(*app, 1, kCode, Reviewer(), kLater);
  ASSERT_FALSE(approved.ok());
  EXPECT_EQ(approved.error().code, ErrorCode::kFailedPrecondition);

  app = SubmitApplication("g-2", SocialGroup(), ApplicationStage::kEstablishment, Clerk(), kJimei,
                          kNow);
  ASSERT_FALSE(app.ok());
  EXPECT_TRUE(StartsWith(app.error().message, "stage: REG-04")) << app.error().message;
  app = SubmitApplication("s-1", SocialService(), ApplicationStage::kPreparation, Clerk(), kJimei,
                          kNow);
  ASSERT_FALSE(app.ok());
  EXPECT_TRUE(StartsWith(app.error().message, "stage:")) << app.error().message;
  app = SubmitApplication("s-2", SocialService(), static_cast<ApplicationStage>(9), Clerk(), kJimei,
                          kNow);
  ASSERT_FALSE(app.ok());
  EXPECT_TRUE(StartsWith(app.error().message, "stage:")) << app.error().message;
}

TEST(ApplicationStages, CommunityOrganizationsAreFiledNotRegistered) {
  Profile p = SocialService();
  p.kind = OrgKind::kCommunity;
  auto app = SubmitApplication("c-1", p, ApplicationStage::kUnspecified, Clerk(), kJimei, kNow);
  ASSERT_FALSE(app.ok());
  EXPECT_TRUE(StartsWith(app.error().message, "profile.org_type")) << app.error().message;
}

}  // namespace
}  // namespace socgov::registration
