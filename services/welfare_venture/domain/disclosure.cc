#include "welfare_venture/domain/disclosure.h"

#include <algorithm>
#include <map>

namespace socgov::welfare_venture {
namespace {

std::string ResultName(const std::optional<EvaluationResult>& r) {
  if (!r) return "PENDING";
  return r->passed ? "PASSED" : "FAILED";
}

}  // namespace

Result<std::vector<DisclosureRow>> BuildDisclosure(int year,
                                                   const std::vector<VentureProject>& projects,
                                                   const std::vector<Activity>& activities) {
  if (year < 2000 || year > 2199) return Error::InvalidArgument("year", "must be 2000..2199");
  std::map<std::string, std::size_t> row_of;
  std::vector<DisclosureRow> rows;
  for (const auto& p : projects) {
    if (p.year != year || !p.contract) continue;
    DisclosureRow r;
    r.project_id = p.id;
    r.round_id = p.round_id;
    r.name = p.title;
    r.content = p.summary;
    r.org_id = p.org_id;
    r.category = std::string(CategoryName(p.category));
    r.period_from = p.contract->starts_on;
    r.period_until = p.contract->ends_on;
    r.amount_fen = p.grant_fen;
    r.disbursed_fen = p.disbursed_fen;
    r.spent_fen = p.spent_fen;
    r.returned_fen = p.recovered_fen + p.clawback_fen;
    r.execution = std::string(ProjectStateName(p.state));
    r.midterm = ResultName(p.midterm);
    r.final_result = ResultName(p.final_evaluation);
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), [](const DisclosureRow& a, const DisclosureRow& b) {
    return a.round_id != b.round_id ? a.round_id < b.round_id : a.project_id < b.project_id;
  });
  for (std::size_t i = 0; i < rows.size(); ++i) row_of[rows[i].project_id] = i;
  for (const auto& a : activities) {
    auto it = row_of.find(a.project_id);
    if (it == row_of.end()) continue;
    DisclosureRow& r = rows[it->second];
    ++r.activities;
    r.people_served += a.people_served;
    r.volunteer_hours += a.volunteer_hours;
  }
  return rows;
}

}  // namespace socgov::welfare_venture
