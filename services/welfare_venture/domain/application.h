// A venture application and its eligibility (VC-03, CR-10, VC-07, VC-04/05), checked when it is
// submitted, at screening and again at award: an organization listed in between loses its place.
//   SUBMITTED → SCREENED_IN | SCREENED_OUT;  SCREENED_IN → SHORTLISTED → AWARDED | NOT_AWARDED
//   SUBMITTED | SCREENED_IN | SHORTLISTED → WITHDRAWN
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "welfare_venture/domain/credit.h"
#include "welfare_venture/domain/dates.h"
#include "welfare_venture/domain/money.h"
#include "welfare_venture/domain/round.h"

namespace socgov::welfare_venture {

// The organization directory's view of a registration status, as far as eligibility cares.
enum class OrgStatus { kActive, kChangePending, kSuspended, kDissolving, kCancelled, kRevoked };
std::string_view OrgStatusName(OrgStatus s);

// What this service's read models say about the applicant (the kit's organization directory and
// the credit copy), as of the check.
struct ApplicantFacts {
  std::string org_id;
  bool registered = false;  // a registered social organization, not merely filed (备案)
  OrgStatus status = OrgStatus::kActive;
  Date status_since{};
  std::string jurisdiction;                 // division code of its registering authority
  std::vector<std::string> business_scope;  // 章程 scope keywords
  bool has_premises = false;
  bool has_staff = false;
  bool has_qualifications = false;
  CreditFacts credit;
};

enum class ApplicationState {
  kSubmitted,
  kScreenedIn,
  kScreenedOut,
  kShortlisted,
  kAwarded,
  kNotAwarded,
  kWithdrawn,
};
std::string_view ApplicationStateName(ApplicationState s);

struct VentureApplication {
  std::string id;
  std::string round_id;
  std::string org_id;
  Category category = Category::kOther;
  std::string title;
  std::string summary;  // service content, disclosed under VC-11
  Fen budget_fen = 0;   // = self_raised_fen + requested_grant_fen
  Fen self_raised_fen = 0;
  Fen requested_grant_fen = 0;
  Fen personnel_cost_fen = 0;  // the part of the grant paying staff (VC-05)
  std::string service_area;    // division code where the service is delivered
  std::string beneficiary_area;
  std::string beneficiaries;  // who is served
  int planned_beneficiaries = 0;
  std::vector<std::string> project_scope;  // keywords matched against the 章程 scope

  ApplicationState state = ApplicationState::kSubmitted;
  Date submitted_on{};
  std::string screening_note;  // why it was screened out
};

// Whether division `area` lies in `jurisdiction` (GB/T 2260: a district lies in the city whose
// code it extends once trailing "00" pairs are dropped).
bool InJurisdiction(std::string_view area, std::string_view jurisdiction);

// kInvalidArgument naming the field: ids, title, amounts (non-negative, budget = own funds +
// grant), beneficiary count, areas and scope keywords.
Status ValidateApplication(const VentureApplication& app);

// Everything an applicant must meet on `on`, first refusal wins:
//   VC-03 registered, active, registered in the round's jurisdiction, service and beneficiaries in
//         it, project within its 章程 scope, premises, staff and qualifications;
//   VC-01 a category the round funds; VC-04/05 the round's grant rules;
//   CR-10 / VC-07 the credit look-back (credit.h).
// kFailedPrecondition "state X: RULE ..." where X is the organization's status, the listing, or
// the round's state, naming the dated fact.
Status CheckEligibility(const VentureRound& round, const ApplicantFacts& applicant,
                        const VentureApplication& app, Date on);

// The applicant's part of CheckEligibility, before any application: VC-03 registered, in force and
// registered in the round's jurisdiction, then the credit look-back (CR-10 / VC-07), with the same
// refusals.
Status CheckApplicant(const VentureRound& round, const ApplicantFacts& applicant, Date on);

// SUBMITTED on `on`: the round accepts applications that day (VC-02), the input is valid and the
// applicant eligible.
Result<VentureApplication> Submit(const VentureRound& round, const ApplicantFacts& applicant,
                                  VentureApplication app, Date on);

// Screening (SCREENING round, SUBMITTED application) re-checks eligibility: pass → SCREENED_IN,
// fail → SCREENED_OUT with the refusal kept in screening_note. Errors only for a wrong state.
Result<VentureApplication> Screen(const VentureRound& round, const ApplicantFacts& applicant,
                                  VentureApplication app, Date on);

Result<VentureApplication> Withdraw(VentureApplication app);

}  // namespace socgov::welfare_venture
