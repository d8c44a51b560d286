// Configuration from SOCGOV_* environment variables, overridden by --flags, validated at start.
// Every option has a default (or is marked required); a bad value stops the process with a message
// naming the option, before anything listens.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace socgov::config {

struct Option {
  std::string name;           // flag name, e.g. "grpc-listen" → --grpc-listen, SOCGOV_GRPC_LISTEN
  std::string default_value;  // used when neither env nor flag is given
  std::string help;
  bool required = false;  // when true, an empty value is an error
};

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Config {
 public:
  // env: the environment to read (pass nullptr to read the process environment). Flags accept
  // "--name=value" and "--name value"; "--help" sets help_requested(). Unknown flags → ConfigError.
  static Config Load(const std::vector<Option>& options, int argc, const char* const* argv,
                     const std::map<std::string, std::string>* env = nullptr);

  const std::string& Get(const std::string& name) const;
  int64_t GetInt(const std::string& name, int64_t min,
                 int64_t max) const;            // ConfigError if not in range
  bool GetBool(const std::string& name) const;  // true/false/1/0/yes/no/on/off
  // "host:port" with port 0..65535; ConfigError otherwise.
  std::string GetHostPort(const std::string& name) const;
  // A 6-digit GB/T 2260 code.
  std::string GetJurisdiction(const std::string& name) const;
  std::vector<std::string> GetList(const std::string& name) const;  // comma separated, trimmed
  bool help_requested() const { return help_; }
  std::string Usage(const std::string& program) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::vector<Option> options_;
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
  bool help_ = false;
};

// "grpc-listen" → "SOCGOV_GRPC_LISTEN".
std::string EnvName(const std::string& option_name);

}  // namespace socgov::config
