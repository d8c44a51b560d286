// Derived detections (domain.md §3.8): scans "as of" a date passed in, over facts the caller keeps
// per organization (its read model of registration's events and of supervision's own records).
// Each scan is deterministic: the same facts and date give the same candidates, sorted by
// organization id, each with every reason that applies. A candidate is a lead, not a finding: the
// caller opens a case or a campaign item for it, and the outcome (ZB-02) is decided there.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/dates.h"
#include "supervision/domain/reason.h"

namespace socgov::supervision {

struct Candidate {
  std::string organization_id;
  std::vector<Reason> reasons;  // in rule order

  bool operator==(const Candidate&) const = default;
};

// ---- ZB-01: zombie candidates (民发〔2021〕63号) ----

struct ZombieFacts {
  std::string organization_id;
  Date certificate_issued_on{};
  // Report years whose annual report was never filed; the caller decides "missed" (AR-09).
  // Years from the scan date's own year on are ignored: their report is due the year after.
  std::vector<int> missed_report_years;
  // Activities within the business scope, any order; those after the scan date are ignored.
  std::vector<Date> activities;
  bool domicile_unreachable = false;  // e.g. CR-02: two registered letters unsigned
  bool legal_rep_unreachable = false;
};

struct ZombieScan {
  Date as_of{};
  // ZB-01(c): the campaign's cut-off ("no activity since ..."); nullopt skips the test.
  std::optional<Date> activity_cutoff;
};

// Reasons, at most one per situation:
//   ZB-01(a) missed the annual reports of 2 consecutive years;
//   ZB-01(b) no activity within 1 year of the certificate (once that year is over);
//   ZB-01(c) no activity since the cut-off (for organizations certified by then);
//   ZB-01(d) unreachable at the domicile or through the legal representative.
// kInvalidArgument naming "organizations[i].organization_id" when empty or repeated, or
// "scan.activity_cutoff" when after as_of.
Result<std::vector<Candidate>> ScanZombies(const std::vector<ZombieFacts>& organizations,
                                           const ZombieScan& scan);

// ---- ZB-02: what a zombie case may end in ----

enum class ZombieOutcome {
  kRevocation,             // 撤销登记
  kCertificateRevocation,  // 吊销登记证书: charities only
  kGuidedCancellation,     // 引导注销 (registration sees a voluntary 注销)
  kRectificationOrder,     // 限期整改: 改正、重整、合并、更名
};
std::string_view ZombieOutcomeName(ZombieOutcome outcome);
// kInvalidArgument naming outcome: ZB-02 吊销 applies only to charities (慈善组织).
Status CheckZombieOutcome(ZombieOutcome outcome, bool charity);

// ---- TE-01/TE-02: overdue re-election (逾期未换届) ----

struct CouncilTerm {
  std::string organization_id;
  Date term_start{};
  Date term_end{};
  std::optional<Date> extension_until;  // approved postponement of the election
};

// TE-01: a charter sets a term of 4 to 5 years. kInvalidArgument naming term_end when the term
// is shorter than 4 years or longer than 5 (or ends before it starts).
Status CheckTermLength(const CouncilTerm& term);
// TE-01: a postponement ends after the term and at most 1 year after it (exactly 1 year is
// allowed). kInvalidArgument naming extension_until otherwise.
Status CheckExtension(const CouncilTerm& term);

// TE-02: overdue when as_of > term_end + approved extension. Only CheckExtension is applied (an
// extension beyond a year cannot have been approved, so the fact is wrong); a term of unusual
// length is a charter matter, not a reason to stop the scan. kInvalidArgument naming
// "terms[i].<field>" for the first bad entry, or a repeated organization id.
Result<std::vector<Candidate>> ScanOverdueReelections(const std::vector<CouncilTerm>& terms,
                                                      Date as_of);

// ---- Low-activity community filings (备案社区社会组织) ----

struct CommunityFilingFacts {
  std::string organization_id;
  Date filed_on{};
  std::vector<Date> activities;  // any order; those after the scan date are ignored
};

inline constexpr int kDefaultInactivityMonths = 12;

// A filing with no activity recorded in the `months` months up to as_of (that is, none after
// as_of − months), once it has been filed that long. There is no rule ID for this in domain.md;
// the reason carries ZB-01(c), the zombie situation it is the rolling form of. kInvalidArgument
// naming months when outside 1..120, or an entry as in the other scans.
Result<std::vector<Candidate>> ScanInactiveCommunityFilings(
    const std::vector<CommunityFilingFacts>& filings, Date as_of,
    int months = kDefaultInactivityMonths);

}  // namespace socgov::supervision
