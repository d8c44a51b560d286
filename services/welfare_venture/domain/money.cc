#include "welfare_venture/domain/money.h"

namespace socgov::welfare_venture {

Status CheckAmount(std::string_view field, Fen amount) {
  if (amount < 0) return Error::InvalidArgument(field, "must not be negative");
  if (amount > kMaxFen)
    return Error::InvalidArgument(field, "is above the largest amount accepted");
  return std::nullopt;
}

bool WithinPercent(Fen part, Fen whole, int percent) {
  return part * 100 <= whole * static_cast<Fen>(percent);
}

std::string FormatYuan(Fen amount) {
  const char* sign = amount < 0 ? "-" : "";
  const Fen a = amount < 0 ? -amount : amount;
  const Fen cents = a % 100;
  return std::string(sign) + "¥" + std::to_string(a / 100) + (cents < 10 ? ".0" : ".") +
         std::to_string(cents);
}

}  // namespace socgov::welfare_venture
