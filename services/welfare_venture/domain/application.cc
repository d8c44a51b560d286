#include "welfare_venture/domain/application.h"

#include <algorithm>
#include <set>
#include <string>

namespace socgov::welfare_venture {
namespace {

Error OrgRefusal(const ApplicantFacts& f, std::string_view rule_and_reason) {
  const std::string status(f.registered ? OrgStatusName(f.status) : "UNREGISTERED");
  return Error::FailedPrecondition("state " + status + ": " + std::string(rule_and_reason) + "; " +
                                   status + " since " + FormatDate(f.status_since));
}

Error RoundRefusal(const VentureRound& r, std::string_view rule_and_reason) {
  return Error::FailedPrecondition("state " + std::string(RoundStateName(r.state)) + ": " +
                                   std::string(rule_and_reason));
}

bool Eligible(OrgStatus s) { return s == OrgStatus::kActive || s == OrgStatus::kChangePending; }

Status CheckOrganization(const VentureRound& r, const ApplicantFacts& f,
                         const VentureApplication& a) {
  if (!f.registered) {
    return OrgRefusal(f, "VC-03 the applicant must be a registered social organization");
  }
  if (!Eligible(f.status)) {
    return OrgRefusal(f, "VC-03 the applicant's registration must be in force");
  }
  if (!InJurisdiction(f.jurisdiction, r.jurisdiction)) {
    return OrgRefusal(f, "VC-03 the applicant must be registered in the round's jurisdiction");
  }
  if (!InJurisdiction(a.service_area, r.jurisdiction)) {
    return OrgRefusal(f, "VC-03 the service area must lie in the round's jurisdiction");
  }
  if (!InJurisdiction(a.beneficiary_area, r.jurisdiction)) {
    return OrgRefusal(f, "VC-03 the beneficiaries must live in the round's jurisdiction");
  }
  const std::set<std::string> scope(f.business_scope.begin(), f.business_scope.end());
  const auto outside = std::count_if(a.project_scope.begin(), a.project_scope.end(),
                                     [&](const std::string& k) { return scope.count(k) == 0; });
  if (outside > 0) {
    return OrgRefusal(f, "VC-03 the project lies outside the organization's 章程 scope (" +
                             std::to_string(outside) + " of " +
                             std::to_string(a.project_scope.size()) + " keywords)");
  }
  if (!f.has_premises) return OrgRefusal(f, "VC-03 the applicant needs premises for the project");
  if (!f.has_staff) return OrgRefusal(f, "VC-03 the applicant needs staff for the project");
  if (!f.has_qualifications) {
    return OrgRefusal(f, "VC-03 the applicant needs the qualifications the project requires");
  }
  return std::nullopt;
}

}  // namespace

std::string_view OrgStatusName(OrgStatus s) {
  switch (s) {
    case OrgStatus::kActive:
      return "ACTIVE";
    case OrgStatus::kChangePending:
      return "CHANGE_PENDING";
    case OrgStatus::kSuspended:
      return "SUSPENDED";
    case OrgStatus::kDissolving:
      return "DISSOLVING";
    case OrgStatus::kCancelled:
      return "CANCELLED";
    case OrgStatus::kRevoked:
      return "REVOKED";
  }
  return "UNKNOWN";
}

std::string_view ApplicationStateName(ApplicationState s) {
  switch (s) {
    case ApplicationState::kSubmitted:
      return "SUBMITTED";
    case ApplicationState::kScreenedIn:
      return "SCREENED_IN";
    case ApplicationState::kScreenedOut:
      return "SCREENED_OUT";
    case ApplicationState::kShortlisted:
      return "SHORTLISTED";
    case ApplicationState::kAwarded:
      return "AWARDED";
    case ApplicationState::kNotAwarded:
      return "NOT_AWARDED";
    case ApplicationState::kWithdrawn:
      return "WITHDRAWN";
  }
  return "UNKNOWN";
}

bool InJurisdiction(std::string_view area, std::string_view jurisdiction) {
  if (area.empty() || jurisdiction.empty()) return false;
  std::string_view prefix = jurisdiction;
  while (prefix.size() > 2 && prefix.substr(prefix.size() - 2) == "00") {
    prefix.remove_suffix(2);
  }
  return area.substr(0, prefix.size()) == prefix && area.size() == jurisdiction.size();
}

Status ValidateApplication(const VentureApplication& a) {
  if (a.id.empty()) return Error::InvalidArgument("id", "is required");
  if (a.round_id.empty()) return Error::InvalidArgument("round_id", "is required");
  if (a.org_id.empty()) return Error::InvalidArgument("org_id", "is required");
  if (a.title.empty()) return Error::InvalidArgument("title", "is required");
  if (a.title.size() > 300) return Error::InvalidArgument("title", "is longer than 300 bytes");
  if (auto bad = CheckAmount("budget_fen", a.budget_fen)) return bad;
  if (auto bad = CheckAmount("self_raised_fen", a.self_raised_fen)) return bad;
  if (auto bad = CheckAmount("requested_grant_fen", a.requested_grant_fen)) return bad;
  if (auto bad = CheckAmount("personnel_cost_fen", a.personnel_cost_fen)) return bad;
  if (a.self_raised_fen + a.requested_grant_fen != a.budget_fen) {
    return Error::InvalidArgument("budget_fen", "must equal self_raised_fen + requested_grant_fen");
  }
  if (a.planned_beneficiaries < 0) {
    return Error::InvalidArgument("planned_beneficiaries", "must not be negative");
  }
  if (a.service_area.empty()) return Error::InvalidArgument("service_area", "is required");
  if (a.beneficiary_area.empty()) return Error::InvalidArgument("beneficiary_area", "is required");
  if (a.project_scope.empty()) {
    return Error::InvalidArgument("project_scope", "VC-03 at least one scope keyword");
  }
  return std::nullopt;
}

Status CheckEligibility(const VentureRound& r, const ApplicantFacts& f, const VentureApplication& a,
                        Date on) {
  if (f.org_id != a.org_id) {
    return Error::InvalidArgument("org_id", "does not match the applicant's facts");
  }
  if (a.round_id != r.id) return Error::InvalidArgument("round_id", "is another round");
  if (auto bad = CheckOrganization(r, f, a)) return bad;
  if (!OffersCategory(r, a.category)) {
    return RoundRefusal(
        r, "VC-01 the round does not fund category " + std::string(CategoryName(a.category)));
  }
  if (auto bad = CheckGrantRules(r.grant_rules, a.budget_fen, a.requested_grant_fen,
                                 a.personnel_cost_fen)) {
    if (bad->code != ErrorCode::kFailedPrecondition) return bad;
    return RoundRefusal(r, bad->message);
  }
  return CheckCreditLookBack(f.credit, on);
}

Status CheckApplicant(const VentureRound& r, const ApplicantFacts& f, Date on) {
  if (!f.registered) {
    return OrgRefusal(f, "VC-03 the applicant must be a registered social organization");
  }
  if (!Eligible(f.status)) {
    return OrgRefusal(f, "VC-03 the applicant's registration must be in force");
  }
  if (!InJurisdiction(f.jurisdiction, r.jurisdiction)) {
    return OrgRefusal(f, "VC-03 the applicant must be registered in the round's jurisdiction");
  }
  return CheckCreditLookBack(f.credit, on);
}

Result<VentureApplication> Submit(const VentureRound& r, const ApplicantFacts& f,
                                  VentureApplication a, Date on) {
  if (!AcceptsApplications(r, on)) {
    return RoundRefusal(r, "VC-02 applications are accepted while the call is open, " +
                               FormatDate(r.schedule.call.opens) + ".." +
                               FormatDate(r.schedule.call.closes));
  }
  if (auto bad = ValidateApplication(a)) return *bad;
  if (auto bad = CheckEligibility(r, f, a, on)) return *bad;
  a.state = ApplicationState::kSubmitted;
  a.submitted_on = on;
  a.screening_note.clear();
  return a;
}

Result<VentureApplication> Screen(const VentureRound& r, const ApplicantFacts& f,
                                  VentureApplication a, Date on) {
  if (r.state != RoundState::kScreening) {
    return RoundRefusal(r, "VC-02 applications are screened in the screening stage");
  }
  if (a.state != ApplicationState::kSubmitted) {
    return Error::FailedPrecondition("state " + std::string(ApplicationStateName(a.state)) +
                                     ": VC-02 only a submitted application is screened");
  }
  if (auto bad = CheckEligibility(r, f, a, on)) {
    if (bad->code != ErrorCode::kFailedPrecondition) return *bad;
    a.state = ApplicationState::kScreenedOut;
    a.screening_note = bad->message;
    return a;
  }
  a.state = ApplicationState::kScreenedIn;
  return a;
}

Result<VentureApplication> Withdraw(VentureApplication a) {
  switch (a.state) {
    case ApplicationState::kSubmitted:
    case ApplicationState::kScreenedIn:
    case ApplicationState::kShortlisted:
      a.state = ApplicationState::kWithdrawn;
      return a;
    default:
      return Error::FailedPrecondition("state " + std::string(ApplicationStateName(a.state)) +
                                       ": VC-02 only an application still in the running is "
                                       "withdrawn");
  }
}

}  // namespace socgov::welfare_venture
