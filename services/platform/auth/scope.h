// Jurisdiction scope rules (architecture.md §5) and masking of personal identifiers.
#pragma once

#include <string>
#include <string_view>

namespace socgov::auth {

// True when `inner` lies within `outer` in the GB/T 2260 hierarchy: a province xx0000 covers
// xx****, a prefecture xxyy00 covers xxyy**, a county-level code covers only itself.
bool JurisdictionCovers(std::string_view outer, std::string_view inner);
// The prefecture-level (city) code of a code: 350211 → 350200; a province maps to itself.
std::string CityOf(std::string_view code);
bool IsCountyLevel(std::string_view code);
bool IsValidJurisdictionCode(std::string_view code);

// "11010519491231002X" → "110105********002X" (first 6, last 4 kept); other lengths: all but the
// last 4 characters replaced by '*'.
std::string MaskIdNumber(std::string_view id);
// Masks every 18-character (17 digits + digit/X) or 15-digit run in free text, e.g. JSON payloads.
std::string MaskIdNumbersInText(std::string_view text);

}  // namespace socgov::auth
