#include "enum_flags.h"

#include <cctype>
#include <utility>

namespace socgov::ctl {
namespace {

using config::Config;
using config::ConfigError;

std::string Upper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return upper;
}

// "CREDIT_LIST_" from CREDIT_LIST_UNSPECIFIED, the value numbered 0.
std::string Prefix(const google::protobuf::EnumDescriptor& descriptor) {
  const google::protobuf::EnumValueDescriptor* zero = descriptor.FindValueByNumber(0);
  std::string name = zero == nullptr ? "" : zero->name();
  const size_t cut = name.rfind("UNSPECIFIED");
  return cut == std::string::npos ? "" : name.substr(0, cut);
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  while (true) {
    const size_t at = text.find(separator);
    parts.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

std::string Trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

}  // namespace

std::string EnumChoices(const google::protobuf::EnumDescriptor& descriptor) {
  const std::string prefix = Prefix(descriptor);
  std::string choices;
  for (int i = 0; i < descriptor.value_count(); ++i) {
    const google::protobuf::EnumValueDescriptor& value = *descriptor.value(i);
    if (value.number() == 0) continue;
    choices += (choices.empty() ? "" : " | ") + value.name().substr(prefix.size());
  }
  return choices;
}

std::string Choices(const google::protobuf::EnumDescriptor* descriptor, bool required) {
  return EnumChoices(*descriptor) + (required ? " (required)" : "");
}

config::Option Switch(const std::string& name, const std::string& what) {
  return {name, "false", what + "; may be bare"};
}

int ParseEnumName(const google::protobuf::EnumDescriptor& descriptor, std::string_view label,
                  const std::string& value) {
  const std::string prefix = Prefix(descriptor);
  std::string wanted = Upper(Trimmed(value));
  if (wanted.starts_with(prefix)) wanted.erase(0, prefix.size());  // the full name works too
  const google::protobuf::EnumValueDescriptor* found =
      wanted.empty() ? nullptr : descriptor.FindValueByName(prefix + wanted);
  if (found == nullptr || found->number() == 0) {
    throw ConfigError(std::string(label) + " must be " + EnumChoices(descriptor) + ", got \"" +
                      value + "\"");
  }
  return found->number();
}

std::vector<std::string> RepeatedFlag(const Config& flags, const std::string& name,
                                      bool split_commas) {
  std::vector<std::string> values;
  for (const std::string& occurrence : Split(flags.Get(name), kRepeatSeparator)) {
    for (const std::string& part :
         split_commas ? Split(occurrence, ',') : std::vector<std::string>{occurrence}) {
      if (std::string item = Trimmed(part); !item.empty()) values.push_back(std::move(item));
    }
  }
  return values;
}

bool RequiredBool(const Config& flags, const std::string& name) {
  if (flags.Get(name).empty()) {
    throw ConfigError("--" + name + " is required: --" + name + " or --" + name + "=false");
  }
  return flags.GetBool(name);
}

}  // namespace socgov::ctl
