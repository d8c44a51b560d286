// Money is integer fen (分) everywhere: no floating point, so budgets add up to the fen and
// percentage caps are compared by cross-multiplication.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "platform/util/error.h"

namespace socgov::welfare_venture {

using Fen = std::int64_t;

// ¥10 billion: far above any bureau's venture budget, and low enough that amount × 1000 (a
// permille or percent comparison) cannot overflow int64.
inline constexpr Fen kMaxFen = 1'000'000'000'000;

// kInvalidArgument naming `field` when the amount is negative or above kMaxFen.
Status CheckAmount(std::string_view field, Fen amount);

// part × 100 ≤ whole × percent, exact. Both amounts must be within [0, kMaxFen].
bool WithinPercent(Fen part, Fen whole, int percent);

// "¥500000.00": for messages, where fen would be hard to read.
std::string FormatYuan(Fen amount);

}  // namespace socgov::welfare_venture
