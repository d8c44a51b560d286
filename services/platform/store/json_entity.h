// How the services keep an entity in Redis: a hash {version, jurisdiction, json}, `version` for the
// mutate script's guard and `json` the domain value in nlohmann-json (dates as YYYY-MM-DD text, an
// empty optional as null), so a record reads the same with redis-cli. Header-only: the services'
// codecs (store/codec.cc) include it with their NLOHMANN_DEFINE_TYPE_* lines.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "platform/util/dates.h"
#include "platform/util/error.h"

namespace nlohmann {
template <>
struct adl_serializer<socgov::Date> {
  static void to_json(json& j, const socgov::Date& d) { j = socgov::FormatDate(d); }
  static void from_json(const json& j, socgov::Date& d) {
    auto parsed = socgov::ParseDate(j.get<std::string>());
    if (!parsed) throw std::invalid_argument("bad date");
    d = *parsed;
  }
};
template <typename T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& v) {
    if (v)
      j = *v;
    else
      j = nullptr;
  }
  static void from_json(const json& j, std::optional<T>& v) {
    if (j.is_null())
      v.reset();
    else
      v = j.get<T>();
  }
};
}  // namespace nlohmann

namespace socgov::store {

// The hash fields of `value` at `version` in `jurisdiction`.
template <typename T>
std::vector<std::string> EncodeJsonEntity(const T& value, std::int64_t version,
                                          const std::string& jurisdiction) {
  return {"version", std::to_string(version),     "jurisdiction", jurisdiction,
          "json",    nlohmann::json(value).dump()};
}

// The value in a hash's `json` field; INTERNAL naming `what` for a record it cannot read.
template <typename T>
Result<T> DecodeJsonEntity(const std::vector<std::string>& flat, const char* what) {
  for (size_t i = 0; i + 1 < flat.size(); i += 2) {
    if (flat[i] != "json") continue;
    try {
      return nlohmann::json::parse(flat[i + 1]).get<T>();
    } catch (const std::exception& e) {
      return Error::Internal(std::string(what) + " record unreadable: " + e.what());
    }
  }
  return Error::Internal(std::string(what) + " record has no json field");
}

}  // namespace socgov::store
