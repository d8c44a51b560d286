// Lua command scripts of registration (each embeds the platform's outbox_append).
#pragma once

#include <string>

namespace socgov::registration::scripts {

std::string SubmitScript();
std::string ApproveScript();
std::string RejectScript();
// The generic checked mutation every lifecycle command uses (see mutation.h).
std::string MutateScript();
// Read-only: one page of an organization index with each organization's hash.
std::string PageScript();

}  // namespace socgov::registration::scripts
