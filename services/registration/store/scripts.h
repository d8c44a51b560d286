// Lua command scripts of registration (each embeds the platform's outbox_append).
#pragma once

#include <string>

namespace socgov::registration::scripts {

std::string SubmitScript();
std::string ApproveScript();
std::string RejectScript();

}  // namespace socgov::registration::scripts
