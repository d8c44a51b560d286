#include "party_building/domain/major_decision.h"

#include <gtest/gtest.h>

#include <string>

namespace socgov::party_building {
namespace {

Date D(const char* s) { return *ParseDate(s); }

constexpr int kEscalationDays = 10;

SixWhether AllSix() { return SixWhether{true, true, true, true, true, true}; }

MajorDecision Matter(bool major = true) {
  MajorDecision m;
  m.id = "md-1";
  m.org_id = "org-1";
  m.party_org_id = "po-1";
  m.category = MatterCategory::kEconomicActivity;
  m.major = major;
  m.decision_meeting_on = D("2026-04-15");
  return *RegisterMatter(m);
}

Opinion Agree(ParticipationForm form = ParticipationForm::kPreMeetingStudy,
              const char* on = "2026-04-10") {
  return Opinion{form, AllSix(), true, "", D(on)};
}

Opinion Disagree(const char* on = "2026-04-10") {
  auto checklist = AllSix();
  checklist.lawful = false;
  return Opinion{ParticipationForm::kPreMeetingStudy, checklist, false, "contrary to law", D(on)};
}

template <typename T>
void ExpectRule(const Result<T>& r, const std::string& state) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition) << r.error().message;
  EXPECT_EQ(r.error().message.rfind("state " + state + ": PB-12", 0), 0u) << r.error().message;
}

template <typename T>
void ExpectInvalid(const Result<T>& r, const std::string& field) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << r.error().message;
  EXPECT_EQ(r.error().message.rfind(field + ":", 0), 0u) << r.error().message;
}

TEST(MajorDecision, Pb12RegisterNeedsIds) {
  MajorDecision m;
  ExpectInvalid(RegisterMatter(m), "id");
  m.id = "md";
  ExpectInvalid(RegisterMatter(m), "org_id");
  m.org_id = "o";
  ExpectInvalid(RegisterMatter(m), "party_org_id");
  m.party_org_id = "po";
  EXPECT_EQ(RegisterMatter(m)->state, DecisionState::kRegistered);
}

TEST(MajorDecision, Pb12AgreementRunsToExecutionAndClosure) {
  auto d = *RecordOpinion(Matter(), Agree(), kEscalationDays);
  EXPECT_EQ(d.state, DecisionState::kAgreed);
  d = *StartExecution(d, D("2026-04-16"));
  EXPECT_EQ(d.state, DecisionState::kExecuting);
  d = *CloseFollowUp(d, D("2026-06-30"));
  EXPECT_EQ(d.state, DecisionState::kClosed);
  EXPECT_EQ(d.closed_on, D("2026-06-30"));
}

TEST(MajorDecision, Pb12FormFixesWhenTheOpinionIsGiven) {
  using F = ParticipationForm;
  ExpectInvalid(RecordOpinion(Matter(), Agree(F::kPreMeetingStudy, "2026-04-15"), 10),
                "opinion.on");
  EXPECT_TRUE(RecordOpinion(Matter(), Agree(F::kAttendMeeting, "2026-04-15"), 10).ok());
  ExpectInvalid(RecordOpinion(Matter(), Agree(F::kAttendMeeting, "2026-04-14"), 10), "opinion.on");
  EXPECT_TRUE(RecordOpinion(Matter(), Agree(F::kCountersign, "2026-04-15"), 10).ok());
  ExpectInvalid(RecordOpinion(Matter(), Agree(F::kCountersign, "2026-04-16"), 10), "opinion.on");
}

TEST(MajorDecision, Pb12AgreementNeedsAllSixWhether) {
  auto o = Agree();
  o.checklist.sound_development = false;
  ExpectRule(RecordOpinion(Matter(), o, kEscalationDays), "REGISTERED");
  auto no_reason = Disagree();
  no_reason.reason.clear();
  ExpectInvalid(RecordOpinion(Matter(), no_reason, kEscalationDays), "opinion.reason");
  ExpectInvalid(RecordOpinion(Matter(), Agree(), 0), "escalation_days");
  const auto once = *RecordOpinion(Matter(), Agree(), kEscalationDays);
  ExpectRule(RecordOpinion(once, Agree(), kEscalationDays), "AGREED");
}

TEST(MajorDecision, Pb12DisagreementOnAMajorMatterIsEscalatedWithADeadline) {
  auto d = *RecordOpinion(Matter(), Disagree("2026-04-10"), kEscalationDays);
  EXPECT_EQ(d.state, DecisionState::kEscalationDue);
  EXPECT_EQ(d.escalation_due_by, D("2026-04-20"));
  EXPECT_FALSE(EscalationOverdue(d, D("2026-04-20")));
  EXPECT_TRUE(EscalationOverdue(d, D("2026-04-21")));
  ExpectRule(StartExecution(d, D("2026-04-16")), "ESCALATION_DUE");
  ExpectInvalid(Escalate(d, "", D("2026-04-12")), "higher_party_org_id");
  ExpectInvalid(Escalate(d, "po-1", D("2026-04-12")), "higher_party_org_id");
  ExpectInvalid(Escalate(d, "committee-1", D("2026-04-09")), "on");

  const auto on_time = *Escalate(d, "committee-1", D("2026-04-20"));
  EXPECT_EQ(on_time.state, DecisionState::kEscalated);
  EXPECT_EQ(on_time.escalated_to, "committee-1");
  EXPECT_FALSE(on_time.escalated_late);
  EXPECT_FALSE(EscalationOverdue(on_time, D("2026-05-01")));
  ExpectRule(StartExecution(on_time, D("2026-04-21")), "ESCALATED");
  EXPECT_TRUE(Escalate(d, "committee-1", D("2026-04-21"))->escalated_late);
  ExpectRule(Escalate(on_time, "committee-1", D("2026-04-21")), "ESCALATED");
}

TEST(MajorDecision, Pb12HigherOrganizationUpholdsOrOverrules) {
  const auto escalated = *Escalate(*RecordOpinion(Matter(), Disagree(), kEscalationDays),
                                   "committee-1", D("2026-04-12"));
  ExpectInvalid(ResolveEscalation(escalated, true, D("2026-04-11")), "on");
  const auto upheld = *ResolveEscalation(escalated, true, D("2026-04-18"));
  EXPECT_EQ(upheld.state, DecisionState::kWithdrawn);
  ExpectRule(StartExecution(upheld, D("2026-04-20")), "WITHDRAWN");
  ExpectRule(ResolveEscalation(upheld, false, D("2026-04-20")), "WITHDRAWN");
  const auto overruled = *ResolveEscalation(escalated, false, D("2026-04-18"));
  EXPECT_EQ(overruled.state, DecisionState::kAgreed);
  EXPECT_TRUE(StartExecution(overruled, D("2026-04-20")).ok());
}

TEST(MajorDecision, Pb12DisagreementOnAMinorMatterIsOnFileNotEscalated) {
  auto d = *RecordOpinion(Matter(/*major=*/false), Disagree(), kEscalationDays);
  EXPECT_EQ(d.state, DecisionState::kDisagreed);
  EXPECT_FALSE(d.escalation_due_by);
  ExpectRule(Escalate(d, "committee-1", D("2026-04-12")), "DISAGREED");
  EXPECT_TRUE(StartExecution(d, D("2026-04-16")).ok());
}

TEST(MajorDecision, Pb12ExecutionWaitsForTheOpinion) {
  ExpectRule(StartExecution(Matter(), D("2026-04-16")), "REGISTERED");
  ExpectInvalid(StartExecution(*RecordOpinion(Matter(), Agree(), 10), D("2026-04-09")), "on");
}

TEST(MajorDecision, Pb12DeviationsAreCorrectedOrEscalatedBeforeClosing) {
  auto d = *StartExecution(*RecordOpinion(Matter(), Agree(), kEscalationDays), D("2026-04-16"));
  ExpectRule(RecordDeviation(Matter(), "x", D("2026-04-20")), "REGISTERED");
  ExpectInvalid(RecordDeviation(d, "", D("2026-04-20")), "description");
  ExpectInvalid(RecordDeviation(d, "spent over budget", D("2026-04-15")), "on");
  d = *RecordDeviation(d, "spent over budget", D("2026-05-01"));
  d = *RecordDeviation(d, "partner changed", D("2026-05-03"));
  ExpectRule(CloseFollowUp(d, D("2026-05-10")), "EXECUTING");
  ExpectInvalid(ResolveDeviation(d, 2, true, D("2026-05-05")), "index");
  ExpectInvalid(ResolveDeviation(d, 0, true, D("2026-04-30")), "on");
  d = *ResolveDeviation(d, 0, true, D("2026-05-05"));
  ExpectRule(ResolveDeviation(d, 0, false, D("2026-05-06")), "EXECUTING");
  d = *ResolveDeviation(d, 1, false, D("2026-05-06"));
  EXPECT_EQ(d.deviations[0].status, DeviationStatus::kCorrected);
  EXPECT_EQ(d.deviations[1].status, DeviationStatus::kEscalated);
  EXPECT_EQ(d.deviations[1].resolved_on, D("2026-05-06"));
  d = *CloseFollowUp(d, D("2026-05-10"));
  EXPECT_EQ(d.state, DecisionState::kClosed);
  ExpectRule(CloseFollowUp(d, D("2026-05-11")), "CLOSED");
  ExpectRule(ResolveDeviation(d, 0, true, D("2026-05-11")), "CLOSED");
}

}  // namespace
}  // namespace socgov::party_building
