// "socgovctl reg import": loads organizations from JSON Lines through the real RPCs, as a clerk and
// registrar would, so every rule and event applies. Each line's calls carry request ids derived
// from the line (import:<sha256 of the line, 32 hex>:<step>), so an import that failed half-way is
// simply run again: done steps replay their first response, the rest continue.
//
// One JSON object per line (README.md, "Import file format"):
//   kind                            social_group | social_service | foundation | community
//   name, domicile, business_scope  text (required)
//   legal_representative            name (required)
//   legal_representative_id_number  GB 11643 (required)
//   legal_representative_post       post in the joint review (default 法定代表人)
//   funds_yuan                      "30000", "12.50" or an integer (required except community)
//   individual_members, unit_members, staff_count   integers
//   supervisory_unit, filed_with, jurisdiction       text
//   social_service_form             legal_person | partnership | individual
//   foundation_kind, funds_in_cash  public | non_public, boolean
//   community_form                  membership | service
//   nominees                        [{name, id_number, post, retired_cadre, other_posts,
//                                     terms_served}] reviewed with the legal representative
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "socgov/registration/v1/registration_service.pb.h"

namespace socgov::ctl {

struct ImportRecord {
  int line = 0;
  std::string key;  // 32 hex digits of the line's SHA-256: the stem of its request ids
  registration::v1::OrganizationProfile profile;
  std::string legal_representative_id_number;
  // The legal representative first, then the line's other nominees.
  std::vector<registration::v1::NomineeInput> nominees;
};

// Parses one line; throws std::invalid_argument naming the field that is wrong. Unknown keys are
// errors too, so a misspelt field is not silently dropped.
ImportRecord ParseImportLine(std::string_view line, int line_number,
                             const std::string& default_jurisdiction);

// "import:<key>:<step>", printable ASCII as the server requires.
std::string ImportRequestId(const ImportRecord& record, std::string_view step);

}  // namespace socgov::ctl
