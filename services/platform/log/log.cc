#include "platform/log/log.h"

#include <chrono>
#include <iostream>

#include "platform/util/clock.h"

namespace socgov::log {
namespace {

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

bool IsReservedKey(std::string_view key) {
  return key == "ts" || key == "level" || key == "service" || key == "jurisdiction" || key == "msg";
}

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 when it is malformed
// (bad lead byte, truncated, overlong, surrogate, or beyond U+10FFFF).
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the first continuation byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

void AppendString(std::string* out, std::string_view s) {
  out->push_back('"');
  out->append(JsonEscape(s));
  out->push_back('"');
}

}  // namespace

std::string JsonEscape(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Malformed UTF-8 (say, a truncated field value) becomes U+FFFD so that the line stays valid
      // JSON; strict parsers reject the whole line otherwise and the message is lost.
      const size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        out.append("\\ufffd");
        ++i;
      } else {
        out.append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        if (c < 0x20) {
          out.append("\\u00");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0x0F]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  return out;
}

Logger::Logger(std::string service, std::string jurisdiction, std::ostream* out)
    : service_(std::move(service)),
      jurisdiction_(std::move(jurisdiction)),
      out_(out != nullptr ? out : &std::cout) {}

void Logger::Log(Level level, std::string_view msg, const Fields& fields) const {
  // The line is built before taking the lock so that concurrent loggers only serialize on the
  // write.
  std::string line = "{\"ts\":";
  AppendString(&line, FormatRfc3339(std::chrono::system_clock::now()));
  line.append(",\"level\":");
  AppendString(&line, LevelName(level));
  line.append(",\"service\":");
  AppendString(&line, service_);
  line.append(",\"jurisdiction\":");
  AppendString(&line, jurisdiction_);
  line.append(",\"msg\":");
  AppendString(&line, msg);
  for (const auto& [key, value] : fields) {
    line.push_back(',');
    // A field must not shadow a standard key: with duplicate keys, JSON parsers disagree on which
    // value wins, and log queries on "level" or "service" would silently go wrong.
    AppendString(&line, IsReservedKey(key) ? "field_" + key : key);
    line.push_back(':');
    AppendString(&line, value);
  }
  line.append("}\n");

  std::lock_guard<std::mutex> lock(mu_);
  out_->write(line.data(), static_cast<std::streamsize>(line.size()));
  out_->flush();
}

}  // namespace socgov::log
