#include "platform/config/config.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <set>
#include <string_view>

namespace socgov::config {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Invalid(const std::string& name, const std::string& value, std::string_view why) {
  return "invalid value for option --" + name + " (env " + EnvName(name) + "): \"" + value +
         "\": " + std::string(why);
}

}  // namespace

std::string EnvName(const std::string& option_name) {
  std::string out = "SOCGOV_";
  for (char c : option_name) {
    out.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

Config Config::Load(const std::vector<Option>& options, int argc, const char* const* argv,
                    const std::map<std::string, std::string>* env) {
  Config cfg;
  cfg.options_ = options;
  std::set<std::string> declared;
  for (const Option& opt : options) {
    // Duplicates and empty names are programming errors; failing here beats one silently winning.
    if (opt.name.empty() || !declared.insert(opt.name).second) {
      throw ConfigError("option declared twice or without a name: \"" + opt.name + "\"");
    }
    std::string value = opt.default_value;
    const std::string env_name = EnvName(opt.name);
    // A variable that is set but empty still counts as set: an explicit "" in a manifest is a
    // decision (or a mistake) that validation should see, not something to paper over with the
    // default.
    if (env != nullptr) {
      if (auto it = env->find(env_name); it != env->end()) value = it->second;
    } else if (const char* v = std::getenv(env_name.c_str()); v != nullptr) {
      value = v;
    }
    cfg.values_[opt.name] = std::move(value);
  }

  bool only_positional = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (only_positional || arg.substr(0, 2) != "--") {
      if (!only_positional && arg == "-h") {
        cfg.help_ = true;
      } else {
        cfg.positional_.emplace_back(arg);
      }
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    if (arg == "--help") {
      cfg.help_ = true;
      continue;
    }
    std::string_view body = arg.substr(2);
    const size_t eq = body.find('=');
    const std::string name(body.substr(0, eq));
    if (declared.count(name) == 0) throw ConfigError("unknown flag --" + name);
    if (eq != std::string_view::npos) {
      cfg.values_[name] = std::string(body.substr(eq + 1));
    } else if (i + 1 < argc && std::string_view(argv[i + 1]).substr(0, 2) != "--") {
      // A following flag is not taken as the value: "--a --b=1" is far more likely a forgotten
      // value than a value that starts with "--" (which "--a=--x" still expresses).
      cfg.values_[name] = argv[++i];
    } else {
      throw ConfigError("flag --" + name + " needs a value");
    }
  }

  // With --help the caller prints usage and exits, so a missing required option is not an error
  // yet.
  if (!cfg.help_) {
    for (const Option& opt : options) {
      if (opt.required && cfg.values_[opt.name].empty()) {
        throw ConfigError("missing required option --" + opt.name + " (env " + EnvName(opt.name) +
                          ")");
      }
    }
  }
  return cfg;
}

const std::string& Config::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw ConfigError("option --" + name + " was not declared");
  return it->second;
}

int64_t Config::GetInt(const std::string& name, int64_t min, int64_t max) const {
  const std::string& raw = Get(name);
  const std::string_view v = Trim(raw);
  const std::string range = "[" + std::to_string(min) + ", " + std::to_string(max) + "]";
  int64_t out = 0;
  const char* first = v.data();
  const char* last = v.data() + v.size();
  // from_chars rejects a leading '+', which people do write in manifests.
  if (first != last && *first == '+' && (last - first) > 1 && first[1] != '-') ++first;
  const auto [ptr, ec] = std::from_chars(first, last, out);
  if (ec == std::errc::result_out_of_range) {
    throw ConfigError(Invalid(name, raw, "out of range " + range));
  }
  if (v.empty() || ec != std::errc() || ptr != last) {
    throw ConfigError(Invalid(name, raw, "not an integer"));
  }
  if (out < min || out > max) {
    throw ConfigError(Invalid(name, raw, "out of range " + range));
  }
  return out;
}

bool Config::GetBool(const std::string& name) const {
  const std::string& raw = Get(name);
  const std::string v = Lower(Trim(raw));
  if (v == "true" || v == "1" || v == "yes" || v == "on") return true;
  if (v == "false" || v == "0" || v == "no" || v == "off") return false;
  throw ConfigError(Invalid(name, raw, "expected true/false/1/0/yes/no/on/off"));
}

std::string Config::GetHostPort(const std::string& name) const {
  const std::string& v = Get(name);
  const size_t colon = v.rfind(':');
  if (colon == std::string::npos) throw ConfigError(Invalid(name, v, "expected host:port"));
  const std::string_view host = std::string_view(v).substr(0, colon);
  const std::string_view port = std::string_view(v).substr(colon + 1);
  if (host.empty()) throw ConfigError(Invalid(name, v, "empty host"));
  // An IPv6 literal must be bracketed, otherwise its last group is indistinguishable from a port.
  const bool bracketed = host.size() > 2 && host.front() == '[' && host.back() == ']';
  if (!bracketed && (host.find(':') != std::string_view::npos ||
                     host.find_first_of("[] \t") != std::string_view::npos)) {
    throw ConfigError(Invalid(name, v, "bad host (bracket IPv6 addresses: [::1]:port)"));
  }
  if (!AllDigits(port) || port.size() > 5 || std::stoi(std::string(port)) > 65535) {
    throw ConfigError(Invalid(name, v, "port must be 0..65535"));
  }
  return v;
}

std::string Config::GetJurisdiction(const std::string& name) const {
  const std::string& v = Get(name);
  if (v.size() != 6 || !AllDigits(v) || v == "000000") {
    throw ConfigError(Invalid(name, v, "expected a 6-digit GB/T 2260 code such as 350211"));
  }
  return v;
}

std::vector<std::string> Config::GetList(const std::string& name) const {
  std::vector<std::string> out;
  std::string_view rest = Get(name);
  while (true) {
    const size_t comma = rest.find(',');
    const std::string_view item = Trim(rest.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

std::string Config::Usage(const std::string& program) const {
  std::string out = "Usage: " + program +
                    " [flags]\n\nFlags (each also read from its env variable;"
                    " flags win):\n";
  for (const Option& opt : options_) {
    out += "  --" + opt.name + "=VALUE\n      " + opt.help + "\n      env " + EnvName(opt.name);
    if (opt.required) out += ", required";
    if (!opt.required || !opt.default_value.empty()) {
      out += ", default \"" + opt.default_value + "\"";
    }
    out += "\n";
  }
  out += "  -h, --help\n      print this message and exit\n";
  return out;
}

}  // namespace socgov::config
