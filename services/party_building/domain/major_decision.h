// The party organization's participation in a social organization's major decisions (PB-12,
// Fushun's guideline):
//   REGISTERED → AGREED → EXECUTING → CLOSED
//   REGISTERED → ESCALATION_DUE (disagreement on a major matter) → ESCALATED → AGREED | WITHDRAWN
//   REGISTERED → DISAGREED (disagreement on a matter that is not major: on file, not binding)
// Execution is followed up; each deviation is recorded and then corrected or escalated.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "party_building/domain/dates.h"
#include "platform/util/error.h"

namespace socgov::party_building {

// The guideline's six areas.
enum class MatterCategory {
  kDirection,          // 重大方向决策
  kPersonnel,          // 重要人事任免
  kEconomicActivity,   // 重大经济活动
  kManagementRules,    // 重要管理制度制定
  kSocialAndIdeology,  // 重大社会活动及意识形态工作
  kOther,              // 其他需参与的重大事项
};

enum class ParticipationForm {
  kPreMeetingStudy,  // 会前研究: before the decision meeting
  kAttendMeeting,    // 列席决策会议: at the meeting
  kCountersign,      // 会签意见: on or before the meeting day
};

// "六个是否": the political check of a matter. The guideline names six questions without the news
// report listing them; these are the usual six.
struct SixWhether {
  bool follows_party_line = false;         // 是否符合党的路线方针政策
  bool lawful = false;                     // 是否符合国家法律法规
  bool within_charter = false;             // 是否符合章程
  bool ideologically_sound = false;        // 是否符合社会主义核心价值观
  bool serves_members_and_public = false;  // 是否维护会员和社会公众利益
  bool sound_development = false;          // 是否有利于组织健康发展
  bool AllPass() const {
    return follows_party_line && lawful && within_charter && ideologically_sound &&
           serves_members_and_public && sound_development;
  }
};

struct Opinion {
  ParticipationForm form = ParticipationForm::kPreMeetingStudy;
  SixWhether checklist;
  bool agree = false;
  std::string reason;  // required when disagreeing
  Date on{};
};

enum class DecisionState {
  kRegistered,
  kAgreed,
  kDisagreed,
  kEscalationDue,
  kEscalated,
  kWithdrawn,
  kExecuting,
  kClosed,
};
std::string_view DecisionStateName(DecisionState state);

enum class DeviationStatus { kOpen, kCorrected, kEscalated };
struct Deviation {
  std::string description;
  Date recorded_on{};
  DeviationStatus status = DeviationStatus::kOpen;
  std::optional<Date> resolved_on;
};

struct MajorDecision {
  std::string id;
  std::string org_id;
  std::string party_org_id;
  MatterCategory category = MatterCategory::kOther;
  bool major = true;  // on the organization's decision list (决策清单) as a major matter
  std::string title;  // what is decided
  Date decision_meeting_on{};

  DecisionState state = DecisionState::kRegistered;
  std::optional<Opinion> opinion;
  std::optional<Date> escalation_due_by;
  std::string escalated_to;  // the higher party organization
  std::optional<Date> escalated_on;
  bool escalated_late = false;
  std::optional<Date> execution_started_on;
  std::vector<Deviation> deviations;
  std::optional<Date> closed_on;
};

// A new matter (REGISTERED). kInvalidArgument naming id, org_id or party_org_id when empty.
Result<MajorDecision> RegisterMatter(MajorDecision matter);

// Records the opinion. Agreement needs every one of the six to pass; a disagreement needs a
// reason. The form fixes when: 会前研究 before the meeting day, 列席 on it, 会签 no later. A
// disagreement on a major matter must be escalated within `escalation_days` (a per-jurisdiction
// parameter, ≥ 1).
Result<MajorDecision> RecordOpinion(MajorDecision d, Opinion opinion, int escalation_days);

// ESCALATION_DUE → ESCALATED to the higher party organization. Escalating after the deadline is
// still recorded, marked late, rather than refused: the matter must reach the higher level anyway.
Result<MajorDecision> Escalate(MajorDecision d, std::string higher_party_org_id, Date on);

// Whether a due escalation has passed its deadline as of `today`.
bool EscalationOverdue(const MajorDecision& d, Date today);

// The higher organization's answer: upholding the objection withdraws the matter, overruling
// it lets the matter proceed (AGREED).
Result<MajorDecision> ResolveEscalation(MajorDecision d, bool objection_upheld, Date on);

// AGREED or DISAGREED (non-major) → EXECUTING. Refused with PB-12 while the opinion is missing or
// an escalation is pending, and for a withdrawn matter.
Result<MajorDecision> StartExecution(MajorDecision d, Date on);

// Follow-up supervision of execution (EXECUTING only).
Result<MajorDecision> RecordDeviation(MajorDecision d, std::string description, Date on);
// An open deviation (by index) → corrected, or escalated to the higher organization.
Result<MajorDecision> ResolveDeviation(MajorDecision d, std::size_t index, bool corrected, Date on);
// EXECUTING → CLOSED; refused with PB-12 while a deviation is open.
Result<MajorDecision> CloseFollowUp(MajorDecision d, Date on);

}  // namespace socgov::party_building
