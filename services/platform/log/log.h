// JSON log lines on stdout: {"ts","level","service","jurisdiction","msg", ...fields}.
// A Logger is passed to whoever logs; there is no global logger.
#pragma once

#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace socgov::log {

enum class Level { kDebug, kInfo, kWarn, kError };

using Fields = std::vector<std::pair<std::string, std::string>>;

class Logger {
 public:
  Logger(std::string service, std::string jurisdiction, std::ostream* out = nullptr);
  void Log(Level level, std::string_view msg, const Fields& fields = {}) const;
  void Info(std::string_view msg, const Fields& fields = {}) const {
    Log(Level::kInfo, msg, fields);
  }
  void Warn(std::string_view msg, const Fields& fields = {}) const {
    Log(Level::kWarn, msg, fields);
  }
  void Error(std::string_view msg, const Fields& fields = {}) const {
    Log(Level::kError, msg, fields);
  }
  const std::string& service() const { return service_; }

 private:
  std::string service_;
  std::string jurisdiction_;
  std::ostream* out_;
  mutable std::mutex mu_;
};

// JSON string escaping (RFC 8259), UTF-8 passed through.
std::string JsonEscape(std::string_view s);

}  // namespace socgov::log
