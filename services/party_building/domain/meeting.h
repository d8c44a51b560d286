// Branch meetings and votes (PB-13): a branch meets at least monthly, an election needs at least
// 4/5 of the eligible members present, a resolution more than half of the members entitled to
// attend. Integer arithmetic only: a rounded fraction would let 79.99 % pass as 80 %.
#pragma once

#include <chrono>
#include <vector>

#include "party_building/domain/dates.h"
#include "platform/util/error.h"

namespace socgov::party_building {

// The whole months since the branch became active, up to the month before `as_of`, in which no
// meeting was held. The month of `active_since` counts only when the branch was active from its
// first day; the month of `as_of` is not over yet. In calendar order.
std::vector<std::chrono::year_month> MonthsWithoutMeeting(const std::vector<Date>& meetings,
                                                          Date active_since, Date as_of);

// present × 5 ≥ eligible × 4. kInvalidArgument naming eligible (< 1) or present (< 0 or above
// eligible).
Result<bool> ElectionQuorumMet(int present, int eligible);
// kFailedPrecondition "state TERM_ELECTION: PB-13 ..." when the quorum is not met.
Status CheckElectionQuorum(int present, int eligible);

// votes_for × 2 > entitled: strictly more than half of those entitled to attend, not of those
// present. kInvalidArgument naming entitled (< 1) or votes_for (< 0 or above entitled).
Result<bool> ResolutionPasses(int votes_for, int entitled);

}  // namespace socgov::party_building
