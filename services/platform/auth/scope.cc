#include "platform/auth/scope.h"

#include <cctype>

namespace socgov::auth {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAsciiAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsProvince(std::string_view code) { return code.substr(2) == "0000"; }
bool IsPrefecture(std::string_view code) { return !IsProvince(code) && code.substr(4) == "00"; }

// 17 digits plus a digit or check letter X (GB 11643 resident ID), or the older 15-digit form.
bool LooksLikeIdNumber(std::string_view run) {
  if (run.size() == 15) {
    for (char c : run) {
      if (!IsDigit(c)) return false;
    }
    return true;
  }
  if (run.size() == 18) {
    for (size_t i = 0; i < 17; ++i) {
      if (!IsDigit(run[i])) return false;
    }
    return IsDigit(run[17]) || run[17] == 'X' || run[17] == 'x';
  }
  return false;
}

}  // namespace

bool IsValidJurisdictionCode(std::string_view code) {
  if (code.size() != 6 || code == "000000") return false;
  for (char c : code) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

bool IsCountyLevel(std::string_view code) {
  return IsValidJurisdictionCode(code) && code.substr(4) != "00";
}

bool JurisdictionCovers(std::string_view outer, std::string_view inner) {
  if (!IsValidJurisdictionCode(outer) || !IsValidJurisdictionCode(inner)) return false;
  if (IsProvince(outer)) return inner.substr(0, 2) == outer.substr(0, 2);
  if (IsPrefecture(outer)) return inner.substr(0, 4) == outer.substr(0, 4);
  return inner == outer;
}

std::string CityOf(std::string_view code) {
  // An invalid code has no city; an empty result never covers anything, so it fails closed.
  if (!IsValidJurisdictionCode(code)) return "";
  if (IsProvince(code)) return std::string(code);
  return std::string(code.substr(0, 4)) + "00";
}

std::string MaskIdNumber(std::string_view id) {
  std::string out(id);
  if (id.size() >= 12) {
    for (size_t i = 6; i + 4 < id.size(); ++i) out[i] = '*';
  } else if (id.size() > 4) {
    for (size_t i = 0; i + 4 < id.size(); ++i) out[i] = '*';
  } else {
    // Keeping "the last 4" of a value that short would keep all of it.
    out.assign(id.size(), '*');
  }
  return out;
}

std::string MaskIdNumbersInText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      // A JSON escape ("\n", "\u4e2d") ends a run: without this, the "n" of an escaped newline
      // would glue onto a following ID number and hide it from masking.
      size_t n = 2;
      if (text[i + 1] == 'u') {
        while (n < 6 && i + n < text.size() &&
               std::isxdigit(static_cast<unsigned char>(text[i + n]))) {
          ++n;
        }
      }
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    if (!IsAsciiAlnum(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    // Only whole alphanumeric runs are candidates: a run with letters (a unified social credit code
    // such as 52350211MJ000001X7) or a longer digit string is something else and stays intact.
    size_t end = i;
    while (end < text.size() && IsAsciiAlnum(text[end])) ++end;
    const std::string_view run = text.substr(i, end - i);
    if (LooksLikeIdNumber(run)) {
      out.append(MaskIdNumber(run));
    } else {
      out.append(run);
    }
    i = end;
  }
  return out;
}

}  // namespace socgov::auth
