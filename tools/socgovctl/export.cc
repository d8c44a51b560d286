#include "export.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <stdexcept>

#include "cli.h"
#include "commands.h"
#include "progress.h"

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;
using Kind = PublicField::Kind;

constexpr int32_t kExportPageSize = 500;  // the server's maximum page

PublicField Text(std::string_view key, std::string value) {
  return {key, Kind::kText, std::move(value)};
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view text) {
  if (text == "csv") return ExportFormat::kCsv;
  if (text == "jsonl") return ExportFormat::kJsonl;
  return std::nullopt;
}

const std::vector<std::string_view>& ExportColumns() {
  static const std::vector<std::string_view> kColumns = {
      "code",
      "name",
      "org_type",
      "form",
      "status",
      "jurisdiction",
      "domicile",
      "legal_representative",
      "business_scope",
      "funds_yuan",
      "supervisory_unit",
      "filed_with",
      "registered_at",
      "council_term_start",
      "council_term_end",
      "council_term_extension_until",
      "articles_version",
      "articles_party_building_clause",
      "status_changed_at",
  };
  return kColumns;
}

std::vector<PublicField> PublicFields(const registration::v1::Organization& organization) {
  const auto& profile = organization.profile();
  const bool has_articles = organization.has_articles();
  std::optional<std::string> articles_version;
  std::optional<std::string> party_clause;
  if (has_articles) {
    articles_version = std::to_string(organization.articles().number());
    party_clause = organization.articles().party_building_clause() ? "true" : "false";
  }
  // Same order as ExportColumns(); the unit test checks the keys line up.
  return {
      Text("code", organization.id()),
      Text("name", profile.name()),
      Text("org_type", OrgTypeLabel(profile.org_type())),
      Text("form", FormLabel(profile)),
      Text("status", OrgStatusLabel(organization.status())),
      Text("jurisdiction", profile.jurisdiction()),
      Text("domicile", profile.domicile()),
      Text("legal_representative", profile.legal_representative().name()),
      Text("business_scope", profile.business_scope()),
      Text("funds_yuan", FormatYuan(profile.funds().fen())),
      Text("supervisory_unit", profile.supervisory_unit()),
      Text("filed_with", profile.filed_with()),
      Text("registered_at", organization.registered_at()),
      Text("council_term_start", organization.council_term().start_date()),
      Text("council_term_end", organization.council_term().end_date()),
      Text("council_term_extension_until", organization.council_term().extension_until()),
      {"articles_version", Kind::kNumber, articles_version},
      {"articles_party_building_clause", Kind::kBool, party_clause},
      Text("status_changed_at", organization.status_changed_at()),
  };
}

std::string FormatYuan(int64_t fen) {
  // Unsigned arithmetic so INT64_MIN has a magnitude too.
  const bool negative = fen < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  char cents[4];
  std::snprintf(cents, sizeof cents, "%02u", static_cast<unsigned>(magnitude % 100));
  return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." + cents;
}

std::string OrgTypeLabel(registration::v1::OrgType type) {
  namespace r = registration::v1;
  switch (type) {
    case r::ORG_TYPE_SOCIAL_GROUP:
      return "社会团体";
    case r::ORG_TYPE_SOCIAL_SERVICE:
      return "民办非企业单位";
    case r::ORG_TYPE_FOUNDATION:
      return "基金会";
    case r::ORG_TYPE_COMMUNITY:
      return "社区社会组织";
    default:
      return r::OrgType_Name(type);
  }
}

std::string OrgStatusLabel(registration::v1::OrgStatus status) {
  namespace r = registration::v1;
  switch (status) {
    case r::ORG_STATUS_ACTIVE:
      return "正常";
    case r::ORG_STATUS_CHANGE_PENDING:
      return "变更审核中";
    case r::ORG_STATUS_SUSPENDED:
      return "限期停止活动";
    case r::ORG_STATUS_DISSOLUTION_RESOLVED:
      return "已决议解散";
    case r::ORG_STATUS_LIQUIDATING:
      return "清算中";
    case r::ORG_STATUS_CANCEL_APPLIED:
      return "注销审核中";
    case r::ORG_STATUS_CANCELLED:
      return "已注销";
    case r::ORG_STATUS_REVOKED:
      return "已撤销登记";
    case r::ORG_STATUS_CERT_REVOKED:
      return "已吊销登记证书";
    case r::ORG_STATUS_FILED:
      return "已备案";
    case r::ORG_STATUS_FILING_REMOVED:
      return "已撤销备案";
    default:
      return r::OrgStatus_Name(status);
  }
}

std::string FormLabel(const registration::v1::OrganizationProfile& profile) {
  namespace r = registration::v1;
  switch (profile.org_type()) {
    case r::ORG_TYPE_SOCIAL_SERVICE:
      switch (profile.social_service_form()) {
        case r::SOCIAL_SERVICE_FORM_LEGAL_PERSON:
          return "法人";
        case r::SOCIAL_SERVICE_FORM_PARTNERSHIP:
          return "合伙";
        case r::SOCIAL_SERVICE_FORM_INDIVIDUAL:
          return "个体";
        default:
          return "";
      }
    case r::ORG_TYPE_FOUNDATION:
      switch (profile.foundation_kind()) {
        case r::FOUNDATION_KIND_PUBLIC:
          return "公募";
        case r::FOUNDATION_KIND_NON_PUBLIC:
          return "非公募";
        default:
          return "";
      }
    case r::ORG_TYPE_COMMUNITY:
      switch (profile.community_form()) {
        case r::COMMUNITY_FORM_MEMBERSHIP:
          return "社团型";
        case r::COMMUNITY_FORM_SERVICE:
          return "服务型";
        default:
          return "";
      }
    default:
      return "";
  }
}

std::string CsvHeaderLine() {
  std::string line;
  for (std::string_view column : ExportColumns()) {
    if (!line.empty()) line.push_back(',');
    line += column;
  }
  return line + "\r\n";
}

std::string CsvLine(const registration::v1::Organization& organization) {
  std::string line;
  bool first = true;
  for (const PublicField& field : PublicFields(organization)) {
    if (!first) line.push_back(',');
    first = false;
    if (field.value) line += CsvField(*field.value);
  }
  return line + "\r\n";
}

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string JsonlLine(const registration::v1::Organization& organization) {
  std::string line = "{";
  for (const PublicField& field : PublicFields(organization)) {
    if (line.size() > 1) line.push_back(',');
    line += JsonString(field.key) + ":";
    if (!field.value) {
      line += "null";
    } else if (field.kind == Kind::kText) {
      line += JsonString(*field.value);
    } else {
      line += *field.value;
    }
  }
  return line + "}\n";
}

std::string ExportPreamble(ExportFormat format) {
  return format == ExportFormat::kCsv ? CsvHeaderLine() : "";
}

std::string ExportLine(ExportFormat format, const registration::v1::Organization& organization) {
  return format == ExportFormat::kCsv ? CsvLine(organization) : JsonlLine(organization);
}

// ---- the command -----------------------------------------------------------------------------

namespace {

struct ExportCount {
  int64_t written = 0;
  int64_t total = 0;
};

// Pages through ListOrganizations into `file`; throws on an RPC or write failure.
ExportCount WritePages(const Context& ctx, regpb::ListOrganizationsRequest request,
                       ExportFormat format, std::ofstream& file, Progress& progress) {
  auto stub = RegistrationStub(ctx);
  ExportCount count;
  std::set<std::string> seen_tokens;
  file << ExportPreamble(format);
  while (true) {
    const auto response = Call(ctx, *stub, &RegStub::ListOrganizations, request);
    for (const regpb::Organization& organization : response.organizations()) {
      file << ExportLine(format, organization);
    }
    if (!file) throw std::runtime_error("write failed: " + std::string(std::strerror(errno)));
    count.written += response.organizations_size();
    count.total = response.total_size();
    progress.Update(count.written, count.total);
    const std::string& next = response.page().next_page_token();
    if (next.empty()) return count;
    // A server that hands a token back again would otherwise loop us forever.
    if (!seen_tokens.insert(next).second) {
      throw std::runtime_error("server repeated page token \"" + next + "\"");
    }
    request.mutable_page()->set_page_token(next);
  }
}

}  // namespace

int RegExport(const Context& ctx, const Config& flags) {
  const std::string& format_text = Required(flags, "format");
  const std::optional<ExportFormat> format = ParseExportFormat(format_text);
  if (!format) throw ConfigError("--format must be csv or jsonl, got \"" + format_text + "\"");
  const std::string& out = Required(flags, "out");
  regpb::ListOrganizationsRequest request = ListFilters(flags);
  request.set_name_contains(flags.Get("name-contains"));
  request.mutable_page()->set_page_size(kExportPageSize);

  // Written beside the target and renamed at the end, so a failed export never leaves a half
  // file under the name a reader expects.
  const std::string tmp = out + ".tmp";
  std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
  if (!file) throw std::runtime_error("cannot create " + tmp + ": " + std::strerror(errno));
  Progress progress(ctx.err, ctx.err_is_terminal);
  ExportCount count;
  try {
    count = WritePages(ctx, request, *format, file, progress);
    file.close();
    if (file.fail()) throw std::runtime_error("cannot write " + tmp);
    if (std::rename(tmp.c_str(), out.c_str()) != 0) {
      throw std::runtime_error("cannot rename " + tmp + " to " + out + ": " + std::strerror(errno));
    }
  } catch (...) {
    file.close();
    std::remove(tmp.c_str());
    if (ctx.err_is_terminal) ctx.err << "\n";  // end the bar's line before the error message
    throw;
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", progress.Seconds());
  // The server's total may have been an estimate; what was written is the whole.
  progress.Finish(count.written, count.written,
                  "exported " + std::to_string(count.written) + " organizations to " + out +
                      " in " + seconds + " s");
  return kExitOk;
}

}  // namespace socgov::ctl
