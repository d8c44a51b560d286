#include "registration/domain/names.h"

#include <array>
#include <span>
#include <string>

namespace socgov::registration {
namespace {

constexpr std::string_view kRule = "REG-03";

// Words that claim national standing (社团条例 Art 10; 名称管理办法).
constexpr std::array<std::string_view, 3> kNationalWords = {"中国", "全国", "中华"};

constexpr std::string_view kFoundationForm = "基金会";

// Organization forms by kind. The bare one-character forms (会, 院, ...) make the lists complete;
// the longer ones are listed so that a name consisting of nothing but its form can be recognised
// (a "协会" has no region, trade name or field of activity).
constexpr std::array<std::string_view, 9> kSocialGroupForms = {
    "会", "协会", "学会", "研究会", "促进会", "联合会", "商会", "联谊会", "同业公会"};
constexpr std::array<std::string_view, 17> kSocialServiceForms = {
    "中心",   "院",     "所",   "学校", "幼儿园", "园",     "馆",     "站",      "社",
    "服务部", "俱乐部", "医院", "学院", "研究院", "研究所", "事务所", "服务中心"};
constexpr std::array<std::string_view, 1> kFoundationForms = {kFoundationForm};
constexpr std::array<std::string_view, 13> kCommunityForms = {
    "队", "会",   "社",     "团",     "中心",       "站",    "组",
    "班", "协会", "俱乐部", "服务队", "志愿服务队", "服务站"};

// How the form rule is explained to a clerk; the examples are what clerks most often need.
constexpr std::string_view kSocialGroupFormHint =
    "a social group's name must end in 会 (协会, 学会, 研究会, 促进会, 联合会, 商会, ...)";
constexpr std::string_view kSocialServiceFormHint =
    "a social service organization's name must end in an institution form (中心, 院, 所, 学校, "
    "幼儿园, 园, 馆, 站, 社, 服务部, 俱乐部, ...)";
constexpr std::string_view kFoundationFormHint = "a foundation's name must end in 基金会";
constexpr std::string_view kCommunityFormHint =
    "a community organization's name must end in a grassroots form (队, 会, 社, 团, 中心, 站, 组, "
    "班, 协会, ...)";

// Community organizations name where they sit: 行政区划 + 街道 + 社区 + 字号 + 活动内容 + 组织形式.
constexpr std::array<std::string_view, 3> kStreetOrTownshipWords = {"街道", "镇", "乡"};
constexpr std::array<std::string_view, 2> kCommunityOrVillageWords = {"社区", "村"};

bool Contains(std::string_view name, std::string_view word) {
  return name.find(word) != std::string_view::npos;
}

bool ContainsAny(std::string_view name, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    if (Contains(name, w)) return true;
  }
  return false;
}

// The longest form the name ends with; empty when none.
std::string_view MatchedForm(std::string_view name, std::span<const std::string_view> forms) {
  std::string_view best;
  for (std::string_view f : forms) {
    if (name.ends_with(f) && f.size() > best.size()) best = f;
  }
  return best;
}

struct FormRule {
  std::span<const std::string_view> forms;
  std::string_view hint;
};

// No forms for a kind outside the enum, so the caller can tell it apart.
FormRule RuleFor(OrgKind kind) {
  switch (kind) {
    case OrgKind::kSocialGroup:
      return {kSocialGroupForms, kSocialGroupFormHint};
    case OrgKind::kSocialService:
      return {kSocialServiceForms, kSocialServiceFormHint};
    case OrgKind::kFoundation:
      return {kFoundationForms, kFoundationFormHint};
    case OrgKind::kCommunity:
      return {kCommunityForms, kCommunityFormHint};
    case OrgKind::kUnspecified:
      break;
  }
  return {};
}

void CheckNationalWords(std::string_view name, std::vector<NameProblem>& out) {
  for (std::string_view word : kNationalWords) {
    if (Contains(name, word)) {
      out.push_back({std::string(kRule),
                     "an organization registered or filed by a local authority must not use " +
                         std::string(word) + " in its name"});
    }
  }
}

void CheckForm(std::string_view name, OrgKind kind, const FormRule& rule,
               std::vector<NameProblem>& out) {
  // 基金会 ends in 会, but only a foundation may call itself one: the public reads it as a fund
  // holding donations (基金会条例).
  if (kind != OrgKind::kFoundation && name.ends_with(kFoundationForm)) {
    out.push_back({std::string(kRule),
                   "only a foundation's name may end in 基金会; " + std::string(rule.hint)});
    return;
  }
  const std::string_view form = MatchedForm(name, rule.forms);
  if (form.empty()) {
    out.push_back({std::string(kRule), std::string(rule.hint)});
    return;
  }
  if (form.size() == name.size()) {
    out.push_back({std::string(kRule), "the name is only the organization form " +
                                           std::string(form) +
                                           "; put the region, trade name and field of activity "
                                           "before it"});
  }
}

void CheckCommunityParts(std::string_view name, std::vector<NameProblem>& out) {
  if (!ContainsAny(name, kStreetOrTownshipWords)) {
    out.push_back({std::string(kRule),
                   "a community organization's name must name its street office or township "
                   "(街道, 镇 or 乡)"});
  }
  if (!ContainsAny(name, kCommunityOrVillageWords)) {
    out.push_back({std::string(kRule),
                   "a community organization's name must name its community or village (社区 or "
                   "村)"});
  }
}

}  // namespace

std::vector<NameProblem> CheckNameForm(std::string_view name, OrgKind kind,
                                       bool national_authority) {
  std::vector<NameProblem> out;
  const FormRule rule = RuleFor(kind);
  // Without a known kind there is no form to check against; saying so beats an empty (= fine)
  // answer for a value that came unchecked off the wire.
  if (rule.forms.empty()) {
    out.push_back({std::string(kRule),
                   "the organization kind must be SOCIAL_GROUP, SOCIAL_SERVICE, FOUNDATION or "
                   "COMMUNITY to check a name's form"});
    return out;
  }
  if (!national_authority) CheckNationalWords(name, out);
  if (kind == OrgKind::kCommunity) CheckCommunityParts(name, out);
  CheckForm(name, kind, rule, out);
  return out;
}

std::string CanonicalName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    const auto b0 = static_cast<unsigned char>(name[i]);
    if (b0 == ' ' || b0 == '\t' || b0 == '\n' || b0 == '\r' || b0 == '\f' || b0 == '\v') {
      ++i;
      continue;
    }
    const size_t len = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : 4;
    if (len == 3 && i + 3 <= name.size()) {
      const char32_t cp = (char32_t(b0 & 0x0F) << 12) |
                          (char32_t(static_cast<unsigned char>(name[i + 1]) & 0x3F) << 6) |
                          char32_t(static_cast<unsigned char>(name[i + 2]) & 0x3F);
      if (cp == 0x3000) {  // ideographic space
        i += 3;
        continue;
      }
      if (cp >= 0xFF01 && cp <= 0xFF5E) {  // full-width ASCII forms
        out += static_cast<char>(cp - 0xFF01 + 0x21);
        i += 3;
        continue;
      }
    }
    out.append(name.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace socgov::registration
