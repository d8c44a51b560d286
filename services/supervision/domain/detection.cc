#include "supervision/domain/detection.h"

#include <algorithm>
#include <set>

namespace socgov::supervision {
namespace {

using std::chrono::year_month_day;

int YearOf(Date d) { return static_cast<int>(year_month_day{d}.year()); }

std::string Field(std::string_view list, std::size_t i, std::string_view field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + std::string(field);
}

// Ids must be present and unique: a repeated id would make the sorted output depend on which
// copy's facts the caller meant.
template <typename T>
Status CheckIds(const std::vector<T>& entries, std::string_view list) {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string& id = entries[i].organization_id;
    if (id.empty()) return Error::InvalidArgument(Field(list, i, "organization_id"), "required");
    if (!seen.insert(id).second) {
      return Error::InvalidArgument(Field(list, i, "organization_id"), "repeated");
    }
  }
  return std::nullopt;
}

bool AnyActivityIn(const std::vector<Date>& activities, Date from, Date to) {
  return std::any_of(activities.begin(), activities.end(),
                     [&](Date d) { return from <= d && d <= to; });
}

void SortById(std::vector<Candidate>& candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.organization_id < b.organization_id;
  });
}

std::optional<Reason> MissedTwoConsecutiveReports(const ZombieFacts& org, Date as_of) {
  // The report on year Y is due in Y+1, so the scan year's own report cannot be missed yet.
  std::set<int> missed;
  for (int y : org.missed_report_years) {
    if (y < YearOf(as_of)) missed.insert(y);
  }
  for (auto it = missed.rbegin(); it != missed.rend(); ++it) {
    if (missed.contains(*it - 1)) {
      return Reason{"ZB-01(a)", "annual reports of " + std::to_string(*it - 1) + " and " +
                                    std::to_string(*it) + " not filed"};
    }
  }
  return std::nullopt;
}

const char* ExtensionProblem(const CouncilTerm& term) {
  if (!term.extension_until) return nullptr;
  if (*term.extension_until <= term.term_end) return "must be after term_end";
  if (*term.extension_until > AddYears(term.term_end, 1)) {
    return "TE-01 postponement is at most 1 year";
  }
  return nullptr;
}

}  // namespace

Result<std::vector<Candidate>> ScanZombies(const std::vector<ZombieFacts>& organizations,
                                           const ZombieScan& scan) {
  if (scan.activity_cutoff && *scan.activity_cutoff > scan.as_of) {
    return Error::InvalidArgument("scan.activity_cutoff", "must not be after as_of");
  }
  if (auto bad = CheckIds(organizations, "organizations")) return *bad;

  std::vector<Candidate> out;
  for (const ZombieFacts& org : organizations) {
    Candidate c{org.organization_id, {}};
    if (auto r = MissedTwoConsecutiveReports(org, scan.as_of)) c.reasons.push_back(*r);

    const Date first_year_end = AddYears(org.certificate_issued_on, 1);
    if (scan.as_of > first_year_end &&
        !AnyActivityIn(org.activities, org.certificate_issued_on, first_year_end)) {
      c.reasons.push_back({"ZB-01(b)", "no activity within 1 year of the certificate issued " +
                                           FormatDate(org.certificate_issued_on)});
    }
    // An organization certified after the cut-off has not had the whole period to be active.
    if (scan.activity_cutoff && org.certificate_issued_on <= *scan.activity_cutoff &&
        !AnyActivityIn(org.activities, *scan.activity_cutoff, scan.as_of)) {
      c.reasons.push_back({"ZB-01(c)", "no activity since " + FormatDate(*scan.activity_cutoff)});
    }
    if (org.domicile_unreachable || org.legal_rep_unreachable) {
      std::string how = org.domicile_unreachable && org.legal_rep_unreachable
                            ? "the domicile or the legal representative"
                        : org.domicile_unreachable ? "the domicile"
                                                   : "the legal representative";
      c.reasons.push_back({"ZB-01(d)", "unreachable through " + how});
    }
    if (!c.reasons.empty()) out.push_back(std::move(c));
  }
  SortById(out);
  return out;
}

std::string_view ZombieOutcomeName(ZombieOutcome outcome) {
  switch (outcome) {
    case ZombieOutcome::kRevocation:
      return "撤销登记";
    case ZombieOutcome::kCertificateRevocation:
      return "吊销登记证书";
    case ZombieOutcome::kGuidedCancellation:
      return "引导注销";
    case ZombieOutcome::kRectificationOrder:
      return "限期整改";
  }
  return "unknown";
}

Status CheckZombieOutcome(ZombieOutcome outcome, bool charity) {
  if (outcome == ZombieOutcome::kCertificateRevocation && !charity) {
    return Error::InvalidArgument("outcome",
                                  "ZB-02 certificate revocation (吊销) applies only to charities");
  }
  return std::nullopt;
}

Status CheckTermLength(const CouncilTerm& term) {
  if (term.term_end <= term.term_start) {
    return Error::InvalidArgument("term_end", "must be after term_start");
  }
  if (term.term_end < AddYears(term.term_start, 4) ||
      term.term_end > AddYears(term.term_start, 5)) {
    return Error::InvalidArgument("term_end", "TE-01 a council term is 4 to 5 years");
  }
  return std::nullopt;
}

Status CheckExtension(const CouncilTerm& term) {
  if (const char* problem = ExtensionProblem(term)) {
    return Error::InvalidArgument("extension_until", problem);
  }
  return std::nullopt;
}

Result<std::vector<Candidate>> ScanOverdueReelections(const std::vector<CouncilTerm>& terms,
                                                      Date as_of) {
  if (auto bad = CheckIds(terms, "terms")) return *bad;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (terms[i].term_end <= terms[i].term_start) {
      return Error::InvalidArgument(Field("terms", i, "term_end"), "must be after term_start");
    }
    if (const char* problem = ExtensionProblem(terms[i])) {
      return Error::InvalidArgument(Field("terms", i, "extension_until"), problem);
    }
  }

  std::vector<Candidate> out;
  for (const CouncilTerm& t : terms) {
    const Date due = t.extension_until.value_or(t.term_end);
    if (as_of <= due) continue;
    out.push_back(
        {t.organization_id,
         {{"TE-02", t.extension_until ? "re-election overdue: postponed to " + FormatDate(due)
                                      : "re-election overdue: term ended " + FormatDate(due)}}});
  }
  SortById(out);
  return out;
}

Result<std::vector<Candidate>> ScanInactiveCommunityFilings(
    const std::vector<CommunityFilingFacts>& filings, Date as_of, int months) {
  if (months < 1 || months > 120) return Error::InvalidArgument("months", "must be 1 to 120");
  if (auto bad = CheckIds(filings, "filings")) return *bad;

  const Date window_start = AddMonths(as_of, -months);
  std::vector<Candidate> out;
  for (const CommunityFilingFacts& f : filings) {
    if (f.filed_on > window_start) continue;  // not filed long enough to judge
    if (AnyActivityIn(f.activities, window_start + std::chrono::days{1}, as_of)) continue;
    out.push_back({f.organization_id,
                   {{"ZB-01(c)", "community filing: no activity recorded in the last " +
                                     std::to_string(months) + " months"}}});
  }
  SortById(out);
  return out;
}

}  // namespace socgov::supervision
