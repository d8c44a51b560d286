#include "party_building/domain/major_decision.h"

#include <algorithm>
#include <chrono>
#include <string>

namespace socgov::party_building {
namespace {

Error Precondition(DecisionState state, std::string_view rule_and_reason) {
  return Error::FailedPrecondition("state " + std::string(DecisionStateName(state)) + ": " +
                                   std::string(rule_and_reason));
}

Status CheckTiming(const MajorDecision& d, const Opinion& o) {
  switch (o.form) {
    case ParticipationForm::kPreMeetingStudy:
      if (o.on >= d.decision_meeting_on) {
        return Error::InvalidArgument("opinion.on", "会前研究 is before the decision meeting");
      }
      break;
    case ParticipationForm::kAttendMeeting:
      if (o.on != d.decision_meeting_on) {
        return Error::InvalidArgument("opinion.on", "列席决策会议 is on the meeting day");
      }
      break;
    case ParticipationForm::kCountersign:
      if (o.on > d.decision_meeting_on) {
        return Error::InvalidArgument("opinion.on", "会签意见 is given by the meeting day");
      }
      break;
  }
  return std::nullopt;
}

}  // namespace

std::string_view DecisionStateName(DecisionState state) {
  switch (state) {
    case DecisionState::kRegistered:
      return "REGISTERED";
    case DecisionState::kAgreed:
      return "AGREED";
    case DecisionState::kDisagreed:
      return "DISAGREED";
    case DecisionState::kEscalationDue:
      return "ESCALATION_DUE";
    case DecisionState::kEscalated:
      return "ESCALATED";
    case DecisionState::kWithdrawn:
      return "WITHDRAWN";
    case DecisionState::kExecuting:
      return "EXECUTING";
    case DecisionState::kClosed:
      return "CLOSED";
  }
  return "UNKNOWN";
}

Result<MajorDecision> RegisterMatter(MajorDecision m) {
  if (m.id.empty()) return Error::InvalidArgument("id", "is required");
  if (m.org_id.empty()) return Error::InvalidArgument("org_id", "is required");
  if (m.party_org_id.empty()) return Error::InvalidArgument("party_org_id", "is required");
  m.state = DecisionState::kRegistered;
  return m;
}

Result<MajorDecision> RecordOpinion(MajorDecision d, Opinion o, int escalation_days) {
  if (d.state != DecisionState::kRegistered) {
    return Precondition(d.state, "PB-12 the opinion is given once, before the decision");
  }
  if (escalation_days < 1) {
    return Error::InvalidArgument("escalation_days", "must be at least 1");
  }
  if (auto bad = CheckTiming(d, o)) return *bad;
  if (o.agree && !o.checklist.AllPass()) {
    return Precondition(d.state, "PB-12 agreement needs every one of the six whether (六个是否)");
  }
  if (!o.agree && o.reason.empty()) {
    return Error::InvalidArgument("opinion.reason", "is required for a disagreement");
  }
  if (o.agree) {
    d.state = DecisionState::kAgreed;
  } else if (d.major) {
    d.state = DecisionState::kEscalationDue;
    d.escalation_due_by = o.on + std::chrono::days{escalation_days};
  } else {
    d.state = DecisionState::kDisagreed;
  }
  d.opinion = std::move(o);
  return d;
}

Result<MajorDecision> Escalate(MajorDecision d, std::string higher, Date on) {
  if (d.state != DecisionState::kEscalationDue) {
    return Precondition(d.state, "PB-12 only a disagreement on a major matter is escalated");
  }
  if (higher.empty()) return Error::InvalidArgument("higher_party_org_id", "is required");
  if (higher == d.party_org_id) {
    return Error::InvalidArgument("higher_party_org_id", "must be a higher party organization");
  }
  if (on < d.opinion->on) return Error::InvalidArgument("on", "is before the opinion");
  d.state = DecisionState::kEscalated;
  d.escalated_to = std::move(higher);
  d.escalated_on = on;
  d.escalated_late = on > *d.escalation_due_by;
  return d;
}

bool EscalationOverdue(const MajorDecision& d, Date today) {
  return d.state == DecisionState::kEscalationDue && today > *d.escalation_due_by;
}

Result<MajorDecision> ResolveEscalation(MajorDecision d, bool objection_upheld, Date on) {
  if (d.state != DecisionState::kEscalated) {
    return Precondition(d.state, "PB-12 there is no escalation to resolve");
  }
  if (on < *d.escalated_on) return Error::InvalidArgument("on", "is before the escalation");
  d.state = objection_upheld ? DecisionState::kWithdrawn : DecisionState::kAgreed;
  return d;
}

Result<MajorDecision> StartExecution(MajorDecision d, Date on) {
  switch (d.state) {
    case DecisionState::kAgreed:
    case DecisionState::kDisagreed:
      break;
    case DecisionState::kRegistered:
      return Precondition(d.state,
                          "PB-12 a major matter waits for the party organization's opinion");
    case DecisionState::kEscalationDue:
    case DecisionState::kEscalated:
      return Precondition(d.state,
                          "PB-12 a disagreement is pending with the higher party organization");
    default:
      return Precondition(d.state, "PB-12 the matter cannot be executed");
  }
  if (on < d.opinion->on) return Error::InvalidArgument("on", "is before the opinion");
  d.state = DecisionState::kExecuting;
  d.execution_started_on = on;
  return d;
}

Result<MajorDecision> RecordDeviation(MajorDecision d, std::string description, Date on) {
  if (d.state != DecisionState::kExecuting) {
    return Precondition(d.state, "PB-12 deviations are recorded during execution");
  }
  if (description.empty()) return Error::InvalidArgument("description", "is required");
  if (on < *d.execution_started_on) {
    return Error::InvalidArgument("on", "is before execution started");
  }
  d.deviations.push_back(Deviation{std::move(description), on, DeviationStatus::kOpen, {}});
  return d;
}

Result<MajorDecision> ResolveDeviation(MajorDecision d, std::size_t index, bool corrected,
                                       Date on) {
  if (d.state != DecisionState::kExecuting) {
    return Precondition(d.state, "PB-12 deviations are resolved during execution");
  }
  if (index >= d.deviations.size()) return Error::InvalidArgument("index", "no such deviation");
  Deviation& dev = d.deviations[index];
  if (dev.status != DeviationStatus::kOpen) {
    return Precondition(d.state, "PB-12 the deviation is already resolved");
  }
  if (on < dev.recorded_on) return Error::InvalidArgument("on", "is before the deviation");
  dev.status = corrected ? DeviationStatus::kCorrected : DeviationStatus::kEscalated;
  dev.resolved_on = on;
  return d;
}

Result<MajorDecision> CloseFollowUp(MajorDecision d, Date on) {
  if (d.state != DecisionState::kExecuting) {
    return Precondition(d.state, "PB-12 only an executing matter's follow-up closes");
  }
  const bool open = std::any_of(d.deviations.begin(), d.deviations.end(), [](const Deviation& v) {
    return v.status == DeviationStatus::kOpen;
  });
  if (open) {
    return Precondition(d.state, "PB-12 an open deviation is corrected or escalated first");
  }
  if (on < *d.execution_started_on) {
    return Error::InvalidArgument("on", "is before execution started");
  }
  d.state = DecisionState::kClosed;
  d.closed_on = on;
  return d;
}

}  // namespace socgov::party_building
