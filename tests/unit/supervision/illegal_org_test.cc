#include "supervision/domain/illegal_org.h"

#include <gtest/gtest.h>

#include <string>

namespace socgov::supervision {
namespace {

Date D(const char* s) { return *ParseDate(s); }

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

IllegalOrgInput Input(std::string id = "illegal-7") {
  return IllegalOrgInput{std::move(id),
                         "中华国学传承促进会",
                         IllegalOrgKind::kUnregistered,
                         "",
                         "350211",
                         "未经登记以社团名义开展评比",
                         D("2026-03-01")};
}

IllegalOrg Found(std::string id = "illegal-7") {
  auto r = RecordIllegalOrg(Input(std::move(id)), D("2026-03-02"));
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : IllegalOrg{};
}

// Only the fields Ban reads: the target, the state and the decision.
Case BanCase(CaseState state = CaseState::kDecided, bool ban = true,
             std::string target = "illegal-7") {
  Case c;
  c.id = "case-9";
  c.target.illegal_org_id = std::move(target);
  c.state = state;
  c.decision = Decision{D("2026-04-01"), {}, false, "", ban};
  return c;
}

template <typename T>
void ExpectRefused(const Result<T>& r, const std::string& state, const std::string& rule) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(StartsWith(r.error().message, "state " + state + ": ")) << r.error().message;
  EXPECT_TRUE(Contains(r.error().message, rule)) << r.error().message;
}

template <typename T>
void ExpectInvalid(const Result<T>& r, const std::string& field) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(StartsWith(r.error().message, field + ": ")) << r.error().message;
}

TEST(IllegalOrg, Enf13RecordsTheThreeKinds) {
  const IllegalOrg org = Found();
  EXPECT_EQ(org.state, IllegalOrgState::kFound);
  EXPECT_EQ(org.version, 1);
  EXPECT_FALSE(org.on_public_list);
  IllegalOrgInput revoked = Input();
  revoked.kind = IllegalOrgKind::kActiveAfterRevocation;
  ExpectInvalid(RecordIllegalOrg(revoked, D("2026-03-02")), "former_organization_id");
  revoked.former_organization_id = "51350211MJ0000001X";
  EXPECT_TRUE(RecordIllegalOrg(revoked, D("2026-03-02")).ok());
  IllegalOrgInput preparing = Input();
  preparing.kind = IllegalOrgKind::kBeyondPreparation;
  EXPECT_TRUE(RecordIllegalOrg(preparing, D("2026-03-02")).ok());
  preparing.former_organization_id = "51350211MJ0000001X";
  ExpectInvalid(RecordIllegalOrg(preparing, D("2026-03-02")), "former_organization_id");
}

TEST(IllegalOrg, Enf13InputValidatedWithoutEchoingIt) {
  IllegalOrgInput in = Input();
  in.found_on = D("2026-03-03");
  ExpectInvalid(RecordIllegalOrg(in, D("2026-03-02")), "found_on");
  in = Input();
  in.name = "  ";
  ExpectInvalid(RecordIllegalOrg(in, D("2026-03-02")), "name");
  in.name = std::string(101, 'n');
  const auto r = RecordIllegalOrg(in, D("2026-03-02"));
  ExpectInvalid(r, "name");
  EXPECT_FALSE(Contains(r.error().message, "nnnn"));
  in = Input();
  in.jurisdiction = "";
  ExpectInvalid(RecordIllegalOrg(in, D("2026-03-02")), "jurisdiction");
}

TEST(IllegalOrg, Enf13BanNeedsADecidedCaseWithABanAndListsPublicly) {
  for (CaseState pending : {CaseState::kClue, CaseState::kInvestigating, CaseState::kReview}) {
    ExpectRefused(Ban(Found(), BanCase(pending), D("2026-04-02")), "FOUND",
                  "ENF-13 a ban needs a decided case");
  }
  ExpectRefused(Ban(Found(), BanCase(CaseState::kDecided, false), D("2026-04-02")), "FOUND",
                "not a ban");
  ExpectRefused(Ban(Found(), BanCase(CaseState::kDecided, true, "illegal-8"), D("2026-04-02")),
                "FOUND", "does not concern");
  for (CaseState decided :
       {CaseState::kDecided, CaseState::kServed, CaseState::kExecuting, CaseState::kClosed}) {
    const auto banned = Ban(Found(), BanCase(decided), D("2026-04-02"));
    ASSERT_TRUE(banned.ok()) << banned.error().message;
    EXPECT_EQ(banned->state, IllegalOrgState::kBanned);
    EXPECT_EQ(*banned->banned_on, D("2026-04-01"));
    EXPECT_TRUE(banned->on_public_list);
    EXPECT_EQ(*banned->listed_on, D("2026-04-02"));
    EXPECT_EQ(banned->case_id, "case-9");
    EXPECT_EQ(banned->version, 2);
  }
}

TEST(IllegalOrg, Enf13DispersalFirstThenBanWhenItDidNotWork) {
  const auto dispersed = Disperse(Found(), {"发起人承诺停止活动"}, D("2026-03-10"));
  ASSERT_TRUE(dispersed.ok());
  EXPECT_EQ(dispersed->state, IllegalOrgState::kDispersed);
  EXPECT_FALSE(dispersed->on_public_list);
  ExpectRefused(Disperse(*dispersed, {"again"}, D("2026-03-11")), "DISPERSED", "ENF-13");
  const auto banned = Ban(*dispersed, BanCase(), D("2026-04-02"));
  ASSERT_TRUE(banned.ok());
  EXPECT_TRUE(banned->on_public_list);
  ExpectRefused(Ban(*banned, BanCase(), D("2026-04-03")), "BANNED", "ENF-13");
  ExpectRefused(Disperse(*banned, {"x"}, D("2026-04-03")), "BANNED", "ENF-13");
  ExpectInvalid(Disperse(Found(), {""}, D("2026-03-10")), "note");
}

TEST(IllegalOrg, Enf13ReferralToAnotherAuthorityIsFinal) {
  const auto referred = Refer(Found(), {"厦门市公安局集美分局", "涉嫌诈骗"}, D("2026-03-10"));
  ASSERT_TRUE(referred.ok());
  EXPECT_EQ(referred->state, IllegalOrgState::kReferred);
  EXPECT_EQ(referred->referred_to, "厦门市公安局集美分局");
  ExpectRefused(Ban(*referred, BanCase(), D("2026-04-02")), "REFERRED", "ENF-13");
  ExpectRefused(Refer(*referred, {"x", "y"}, D("2026-04-02")), "REFERRED", "ENF-13");
  ExpectInvalid(Refer(Found(), {"", "y"}, D("2026-03-10")), "to_authority");
}

TEST(IllegalOrg, Enf13PublicListHoldsTheBannedInOrder) {
  const IllegalOrg later = *Ban(
      Found("illegal-1"),
      [] {
        Case c = BanCase(CaseState::kDecided, true, "illegal-1");
        c.decision->decided_on = D("2026-05-01");
        return c;
      }(),
      D("2026-05-02"));
  const IllegalOrg earlier =
      *Ban(Found("illegal-2"), BanCase(CaseState::kDecided, true, "illegal-2"), D("2026-04-02"));
  const IllegalOrg dispersed = *Disperse(Found("illegal-3"), {"x"}, D("2026-03-10"));
  const auto list = PublicList({later, Found("illegal-4"), dispersed, earlier});
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, "illegal-2");
  EXPECT_EQ(list[1].id, "illegal-1");
}

}  // namespace
}  // namespace socgov::supervision
