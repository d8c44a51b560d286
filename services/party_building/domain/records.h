// The records a party organization's life leaves (issue 13 items 4 and 6): party-building
// instructors (党建指导员, whose reach is work coverage, PB-08), activities, annual evaluations
// (六个好) and awards (先进基层党组织, 党员之星). Each is checked here; what they count is
// summed in the summary, never averaged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "party_building/domain/dates.h"
#include "platform/util/error.h"

namespace socgov::party_building {

inline constexpr std::size_t kMaxReached = 50;        // organizations one instructor reaches
inline constexpr std::size_t kMaxActivityHosts = 20;  // party organizations holding one activity
inline constexpr int kMaxParticipants = 100000;
inline constexpr int kFirstRecordYear = 2000;

struct Instructor {
  std::string id;
  std::string name;
  std::vector<std::string> reached_org_ids;
  Date appointed_on{};
  std::optional<Date> ended_on;
  bool Serving() const { return !ended_on.has_value(); }
};

// A new appointment: name 1..64 code points, 1..50 distinct organizations reached, not after
// `today`. kInvalidArgument naming the field.
Result<Instructor> AppointInstructor(Instructor draft, Date today);
// Serving → ended, not before the appointment. kFailedPrecondition when already ended.
Result<Instructor> EndInstructor(Instructor i, Date on);

struct Activity {
  std::string id;
  std::vector<std::string> party_org_ids;
  Date held_on{};
  std::string title;
  int participants = 0;
  std::string brand;
};
// 1..20 distinct hosts, a title of 1..200 code points, 1..100000 participants, a brand of at
// most 64, held no later than `today`.
Result<Activity> NewActivity(Activity draft, Date today);

enum class MeetingKind { kOrganizationalLife, kResolution };
struct MeetingRecord {
  std::string id;
  std::string party_org_id;
  MeetingKind kind = MeetingKind::kOrganizationalLife;
  Date held_on{};
  int entitled = 0;
  int present = 0;
  int votes_for = 0;
  bool passed = false;  // a resolution: PB-13's majority of those entitled
  std::string subject;
};
// A meeting held: 1..entitled members, present and votes_for within 0..entitled, a subject of
// 1..200 code points, held no later than `today`; a resolution's `passed` is decided here
// (PB-13, meeting.h ResolutionPasses).
Result<MeetingRecord> NewMeeting(MeetingRecord draft, Date today);

struct Evaluation {
  std::string party_org_id;
  int year = 0;
  bool six_good = false;
  std::string evaluated_by;
};

enum class AwardKind { kAdvancedPartyOrg, kStarMember };  // 先进基层党组织, 党员之星
struct Award {
  std::string id;
  AwardKind kind = AwardKind::kAdvancedPartyOrg;
  std::string party_org_id;             // the organization awarded, or the member's
  std::string member_id_number_masked;  // kStarMember
  int year = 0;
  std::string awarded_by;
};

// An evaluation's or award's year: 2000..the year of `today`. kInvalidArgument naming `field`.
Status CheckRecordYear(const char* field, int year, Date today);

}  // namespace socgov::party_building
