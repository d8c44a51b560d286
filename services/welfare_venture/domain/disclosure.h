// VC-11: the annual public disclosure of the welfare-lottery-funded venture projects (name,
// content, period, amount, execution, results). Row building only; the export (CSV, JSONL) is the
// app layer's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/util/error.h"
#include "welfare_venture/domain/money.h"
#include "welfare_venture/domain/outcome.h"
#include "welfare_venture/domain/project.h"

namespace socgov::welfare_venture {

struct DisclosureRow {
  std::string project_id;
  std::string round_id;
  std::string name;     // title
  std::string content;  // summary of the service
  std::string org_id;
  std::string category;  // CategoryName
  Date period_from{};
  Date period_until{};
  Fen amount_fen = 0;     // the grant
  Fen disbursed_fen = 0;  // execution: paid out so far
  Fen spent_fen = 0;      // vouchered spending
  Fen returned_fen = 0;   // recovered unused funds plus clawbacks
  std::string execution;  // ProjectStateName
  std::string midterm;    // PASSED | FAILED | PENDING
  std::string final_result;
  std::int64_t activities = 0;
  std::int64_t people_served = 0;
  std::int64_t volunteer_hours = 0;
};

// The rows of `year`'s funded projects (a contract signed), sorted by round then project id.
// Activities of other projects are ignored; kInvalidArgument naming year when outside 2000..2199.
Result<std::vector<DisclosureRow>> BuildDisclosure(int year,
                                                   const std::vector<VentureProject>& projects,
                                                   const std::vector<Activity>& activities);

}  // namespace socgov::welfare_venture
