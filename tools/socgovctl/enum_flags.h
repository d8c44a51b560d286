// Flag helpers the service command groups share ("sup", "pb"): enum flags spelled as the proto
// value names without their prefix, repeatable flags, bare switches and booleans that must be
// given.
#pragma once

#include <google/protobuf/generated_enum_reflection.h>

#include <string>
#include <string_view>
#include <vector>

#include "cli.h"
#include "platform/config/config.h"

namespace socgov::ctl {

// Help of an enum flag: its choices, and " (required)".
std::string Choices(const google::protobuf::EnumDescriptor* descriptor, bool required);
// A boolean option that may be given bare (list it among the command's switches too).
config::Option Switch(const std::string& name, const std::string& what);

// "ABNORMAL" for CREDIT_LIST_ABNORMAL: the value name without the prefix its UNSPECIFIED value
// carries, case-insensitive, '-' standing for '_'. UNSPECIFIED itself is not a choice.
// ConfigError naming `label` and listing the choices otherwise.
int ParseEnumName(const google::protobuf::EnumDescriptor& descriptor, std::string_view label,
                  const std::string& value);
// "ABNORMAL | SERIOUS".
std::string EnumChoices(const google::protobuf::EnumDescriptor& descriptor);

template <typename Enum>
Enum ParseEnum(std::string_view label, const std::string& value) {
  return static_cast<Enum>(
      ParseEnumName(*google::protobuf::GetEnumDescriptor<Enum>(), label, value));
}

// The enum named by --name; the UNSPECIFIED value (0) when the flag is empty and not required.
template <typename Enum>
Enum EnumFlag(const config::Config& flags, const std::string& name, bool required) {
  const std::string& value = required ? Required(flags, name) : flags.Get(name);
  if (value.empty()) return static_cast<Enum>(0);
  return ParseEnum<Enum>("--" + name, value);
}

// The values of a repeatable flag (kRepeatSeparator), each also split at commas when
// `split_commas`; empty items are dropped.
std::vector<std::string> RepeatedFlag(const config::Config& flags, const std::string& name,
                                      bool split_commas);

// A boolean that must be given: "--passed" (true) or "--passed=false".
bool RequiredBool(const config::Config& flags, const std::string& name);

}  // namespace socgov::ctl
