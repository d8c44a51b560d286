// Instructors, activities, meetings and record years (issue 13 items 4-6; PB-08 work coverage,
// PB-13 resolutions).
#include "party_building/domain/records.h"

#include <gtest/gtest.h>

namespace socgov::party_building {
namespace {

Date D(const char* s) { return *ParseDate(s); }

TEST(Records, Pb08InstructorReachesDistinctRegisteredOrganizations) {
  Instructor i{"IN1", " 陈指导 ", {"A", "B"}, D("2026-03-01"), std::nullopt};
  auto ok = AppointInstructor(i, D("2026-03-01"));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->name, "陈指导");
  EXPECT_TRUE(ok->Serving());
  i.reached_org_ids = {"A", "A"};
  auto dup = AppointInstructor(i, D("2026-03-01"));
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.error().message.find("reached_organization_ids"), std::string::npos);
  i.reached_org_ids = {};
  EXPECT_FALSE(AppointInstructor(i, D("2026-03-01")).ok());
  i.reached_org_ids = std::vector<std::string>(kMaxReached + 1, "X");
  EXPECT_FALSE(AppointInstructor(i, D("2026-03-01")).ok());
  i.reached_org_ids = {"A"};
  EXPECT_FALSE(AppointInstructor(i, D("2026-02-28")).ok());  // appointed in the future
  i.name = "   ";
  EXPECT_FALSE(AppointInstructor(i, D("2026-03-01")).ok());
}

TEST(Records, EndingAnInstructorTwiceOrBeforeTheAppointmentIsRefused) {
  Instructor i{"IN1", "陈指导", {"A"}, D("2026-03-01"), std::nullopt};
  EXPECT_EQ(EndInstructor(i, D("2026-02-01")).error().code, ErrorCode::kInvalidArgument);
  auto ended = EndInstructor(i, D("2026-06-30"));
  ASSERT_TRUE(ended.ok());
  EXPECT_FALSE(ended->Serving());
  EXPECT_EQ(EndInstructor(*ended, D("2026-07-01")).error().code, ErrorCode::kFailedPrecondition);
}

TEST(Records, ActivityNeedsHostsTitleAndParticipantsAndIsNotInTheFuture) {
  Activity a{"AC1", {"PO1", "PO2"}, D("2026-05-04"), "党课联上", 35, "和方程"};
  ASSERT_TRUE(NewActivity(a, D("2026-05-04")).ok());
  auto bad = a;
  bad.participants = 0;
  EXPECT_NE(NewActivity(bad, D("2026-05-04")).error().message.find("participants"),
            std::string::npos);
  bad = a;
  bad.party_org_ids = {"PO1", "PO1"};
  EXPECT_FALSE(NewActivity(bad, D("2026-05-04")).ok());
  bad = a;
  bad.title = "";
  EXPECT_NE(NewActivity(bad, D("2026-05-04")).error().message.find("title"), std::string::npos);
  bad = a;
  bad.brand = std::string(65, 'b');
  EXPECT_FALSE(NewActivity(bad, D("2026-05-04")).ok());
  EXPECT_FALSE(NewActivity(a, D("2026-05-03")).ok());
}

TEST(Records, Pb13AResolutionPassesWithMoreThanHalfOfThoseEntitled) {
  MeetingRecord m{"MT1", "PO1", MeetingKind::kResolution, D("2026-05-04"), 9, 6, 5, false, "计划"};
  auto r = NewMeeting(m, D("2026-05-04"));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->passed);  // 5 × 2 > 9
  m.votes_for = 4;         // 4 of 9 entitled, though 4 of 6 present is a majority
  r = NewMeeting(m, D("2026-05-04"));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->passed);
  m.votes_for = 7;  // more votes than present
  EXPECT_NE(NewMeeting(m, D("2026-05-04")).error().message.find("votes_for"), std::string::npos);
  m.kind = MeetingKind::kOrganizationalLife;
  m.votes_for = 1;  // organizational life does not vote
  EXPECT_FALSE(NewMeeting(m, D("2026-05-04")).ok());
  m.votes_for = 0;
  m.present = 10;
  EXPECT_NE(NewMeeting(m, D("2026-05-04")).error().message.find("present"), std::string::npos);
  m.present = 6;
  m.entitled = 0;
  EXPECT_NE(NewMeeting(m, D("2026-05-04")).error().message.find("entitled"), std::string::npos);
}

TEST(Records, RecordYearsRunFrom2000ToThisYear) {
  EXPECT_FALSE(CheckRecordYear("year", 2026, D("2026-01-01")).has_value());
  EXPECT_TRUE(CheckRecordYear("year", 2027, D("2026-12-31")).has_value());
  EXPECT_TRUE(CheckRecordYear("year", 1999, D("2026-12-31")).has_value());
}

}  // namespace
}  // namespace socgov::party_building
