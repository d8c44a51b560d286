#include "party_building/domain/meeting.h"

#include <gtest/gtest.h>

#include <string>

#include "party_building/domain/obligations.h"

namespace socgov::party_building {
namespace {

using std::chrono::April;
using std::chrono::February;
using std::chrono::January;
using std::chrono::year;
using std::chrono::year_month;

Date D(const char* s) { return *ParseDate(s); }

template <typename T>
void ExpectInvalid(const Result<T>& r, const std::string& field) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << r.error().message;
  EXPECT_EQ(r.error().message.rfind(field + ":", 0), 0u) << r.error().message;
}

TEST(Meeting, Pb13MonthsWithoutAMeetingUpToTheMonthBeforeAsOf) {
  const std::vector<Date> meetings{D("2026-01-31"), D("2026-03-01"), D("2026-03-20"),
                                   D("2026-05-02")};
  const auto missing = MonthsWithoutMeeting(meetings, D("2026-01-01"), D("2026-05-01"));
  EXPECT_EQ(missing, (std::vector<year_month>{year{2026} / February, year{2026} / April}));
  // May is not over on May 1: no gap for it yet.
  EXPECT_TRUE(MonthsWithoutMeeting({}, D("2026-05-01"), D("2026-05-31")).empty());
}

TEST(Meeting, Pb13MonthOfEstablishmentCountsOnlyWhenActiveFromItsFirstDay) {
  EXPECT_EQ(MonthsWithoutMeeting({}, D("2026-01-02"), D("2026-03-15")),
            std::vector<year_month>{year{2026} / February});
  EXPECT_EQ(MonthsWithoutMeeting({}, D("2026-01-01"), D("2026-03-15")),
            (std::vector<year_month>{year{2026} / January, year{2026} / February}));
  // Across the year end.
  EXPECT_EQ(MonthsWithoutMeeting({D("2025-12-10")}, D("2025-12-01"), D("2026-02-01")),
            std::vector<year_month>{year{2026} / January});
  EXPECT_TRUE(MonthsWithoutMeeting({}, D("2026-03-01"), D("2026-01-01")).empty());
}

TEST(Meeting, Pb13ElectionQuorumIsFourFifthsExactly) {
  EXPECT_TRUE(*ElectionQuorumMet(4, 5));  // exactly 4/5
  EXPECT_FALSE(*ElectionQuorumMet(3, 5));
  EXPECT_TRUE(*ElectionQuorumMet(40, 50));
  EXPECT_FALSE(*ElectionQuorumMet(39, 50));  // 78 %
  EXPECT_FALSE(*ElectionQuorumMet(7, 9));    // 77.8 %: 8 of 9 are needed
  EXPECT_TRUE(*ElectionQuorumMet(8, 9));
  EXPECT_FALSE(CheckElectionQuorum(4, 5));
  const auto refused = CheckElectionQuorum(3, 5);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(refused->message.rfind("state TERM_ELECTION: PB-13", 0), 0u) << refused->message;
  ASSERT_TRUE(CheckElectionQuorum(6, 5));
  EXPECT_EQ(CheckElectionQuorum(6, 5)->code, ErrorCode::kInvalidArgument);
}

TEST(Meeting, Pb13ResolutionNeedsStrictlyMoreThanHalfOfThoseEntitled) {
  EXPECT_FALSE(*ResolutionPasses(5, 10));  // exactly half
  EXPECT_TRUE(*ResolutionPasses(6, 10));
  EXPECT_FALSE(*ResolutionPasses(4, 9));
  EXPECT_TRUE(*ResolutionPasses(5, 9));
  EXPECT_TRUE(*ResolutionPasses(1, 1));
}

TEST(Meeting, Pb13RefusesImpossibleCounts) {
  ExpectInvalid(ElectionQuorumMet(1, 0), "eligible");
  ExpectInvalid(ElectionQuorumMet(-1, 5), "present");
  ExpectInvalid(ElectionQuorumMet(6, 5), "present");
  ExpectInvalid(ResolutionPasses(1, 0), "entitled");
  ExpectInvalid(ResolutionPasses(-1, 5), "votes_for");
  ExpectInvalid(ResolutionPasses(11, 10), "votes_for");
}

TEST(Obligations, Pb09CharterCarriesThePartyBuildingClause) {
  EXPECT_FALSE(CheckCharterClause(true));
  const auto missing = CheckCharterClause(false);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(missing->message.rfind("state REGISTERED: PB-09", 0), 0u) << missing->message;
  // Jimei: the clause in every one of the 23 charters.
  const auto jimei = CharterClauseCoverage(std::vector<bool>(23, true));
  EXPECT_EQ(jimei.numerator, 23);
  EXPECT_EQ(jimei.denominator, 23);
  EXPECT_EQ(CharterClauseCoverage({true, false, true}), (Ratio{2, 3}));
}

TEST(Obligations, Pb10ThreeSynchronousStepsListsWhatIsMissing) {
  EXPECT_TRUE(MissingSyncSteps({true, true, true}).empty());
  const auto missing = MissingSyncSteps({true, false, false});
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_EQ(missing[0].rfind("PB-10 annual report", 0), 0u);
  EXPECT_EQ(missing[1].rfind("PB-10 rating", 0), 0u);
  EXPECT_EQ(MissingSyncSteps({}).size(), 3u);
}

TEST(Obligations, Pb11MissingRequiredPartyOrganizationIsACr01bTrigger) {
  const auto triggers = CreditTriggers({"org-3", "org-12"}, D("2026-07-01"));
  ASSERT_EQ(triggers.size(), 2u);
  EXPECT_EQ(triggers[0].org_id, "org-3");
  EXPECT_EQ(triggers[0].rule, "PB-11");
  EXPECT_EQ(triggers[0].credit_situation, "CR-01(b)");
  EXPECT_EQ(triggers[1].on, D("2026-07-01"));
  EXPECT_TRUE(CreditTriggers({}, D("2026-07-01")).empty());
}

}  // namespace
}  // namespace socgov::party_building
