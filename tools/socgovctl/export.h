// The public disclosure export (信息公开): which fields of an organization may be published and how
// they are written as CSV (RFC 4180) or JSON Lines. Pure formatting, so tests need no server; the
// command that pages through ListOrganizations is RegExport.
//
// Only public register facts are written. ID numbers never are, not even masked: a masked number
// still carries the birth date and the region of birth.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/csv.h"
#include "socgov/registration/v1/registration.pb.h"

namespace socgov::ctl {

enum class ExportFormat { kCsv, kJsonl };

// "csv" or "jsonl"; nullopt otherwise.
std::optional<ExportFormat> ParseExportFormat(std::string_view text);

// One exported value. Absent (nullopt) is an empty CSV field and JSON null.
struct PublicField {
  enum class Kind { kText, kNumber, kBool };
  std::string_view key;
  Kind kind = Kind::kText;
  std::optional<std::string> value;  // numbers and booleans in JSON literal form
};

// The column keys, in file order; README.md ("Public disclosure export") documents each.
const std::vector<std::string_view>& ExportColumns();

// The public fields of `organization`, in ExportColumns() order.
std::vector<PublicField> PublicFields(const registration::v1::Organization& organization);

// 3000000 → "30000.00", 5 → "0.05", -150 → "-1.50": exact, never through floating point.
std::string FormatYuan(int64_t fen);

// Display labels as the register prints them (社会团体, 正常, 法人, ...).
std::string OrgTypeLabel(registration::v1::OrgType type);
std::string OrgStatusLabel(registration::v1::OrgStatus status);
std::string FormLabel(const registration::v1::OrganizationProfile& profile);

// RFC 4180 with formula neutralizing: the platform's (platform/util/csv.h).
using ::socgov::CsvField;
// Header and data records end in CRLF (RFC 4180).
std::string CsvHeaderLine();
std::string CsvLine(const registration::v1::Organization& organization);

// A JSON string literal: UTF-8 kept as is, quote, backslash and control characters escaped.
std::string JsonString(std::string_view text);
// One object with the ExportColumns() keys in order, ending in "\n".
std::string JsonlLine(const registration::v1::Organization& organization);

// The file's first line(s) before any organization: the header row for CSV, nothing for JSONL.
std::string ExportPreamble(ExportFormat format);
std::string ExportLine(ExportFormat format, const registration::v1::Organization& organization);

}  // namespace socgov::ctl
