// Organization names (REG-03, 《社会组织名称管理办法》): the form a name must have for its kind.
// Uniqueness per registration authority is the store's job (the name index); this is the pure part,
// shared by validation and the CheckName RPC.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "registration/domain/types.h"

namespace socgov::registration {

struct NameProblem {
  std::string rule_id;  // "REG-03"
  std::string message;  // what is wrong, in words a clerk can act on
};

// Every form problem of a (trimmed, valid UTF-8) name for an organization of `kind` registered or
// filed by a local (national_authority = false) or the national authority:
//  - local organizations must not use 中国 / 全国 / 中华;
//  - the organization-form suffix of the kind: social groups end in 会 (协会, 学会, 研究会, 促进会,
//    联合会, 商会, ...) but not 基金会; social service organizations end in an institution form
//    (中心, 院, 所, 学校, 幼儿园, 园, 馆, 站, 社, 服务部, ...); foundations end in 基金会;
//  - community organizations (行政区划 + 街道 + 社区 + 字号 + 活动内容 + 组织形式) name their
//  street
//    office or township (街道 / 镇 / 乡) and community or village (社区 / 村) and end in a
//    grassroots form (队, 会, 社, 团, 中心, 站, 组, 班, 协会, ...).
// Empty when the form is right.
std::vector<NameProblem> CheckNameForm(std::string_view name, OrgKind kind,
                                       bool national_authority);

// The form a name is compared in for uniqueness: whitespace (incl. U+3000) removed and full-width
// ASCII forms (Ａ, （, ０ …) folded to ASCII, so "集美区 书法研究会" and "集美区书法研究会" are
// one name. Input is valid UTF-8.
std::string CanonicalName(std::string_view name);

}  // namespace socgov::registration
