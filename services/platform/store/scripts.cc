#include <openssl/sha.h>

#include <cstdio>
#include <stdexcept>

#include "platform/store/redis.h"

namespace socgov::store {
namespace {

std::string Sha1Hex(const std::string& s) {
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(s.data()), s.size(), digest);
  std::string hex(2 * SHA_DIGEST_LENGTH, '0');
  for (int i = 0; i < SHA_DIGEST_LENGTH; ++i) std::snprintf(&hex[2 * i], 3, "%02x", digest[i]);
  return hex;
}

}  // namespace

void ScriptRegistry::Add(std::string name, std::string source) {
  std::string sha = Sha1Hex(source);
  scripts_.push_back({std::move(name), std::move(source), std::move(sha)});
}

const ScriptRegistry::Script& ScriptRegistry::Find(std::string_view name) const {
  for (const auto& s : scripts_)
    if (s.name == name) return s;
  throw std::logic_error("unknown script " + std::string(name));
}

Value ScriptRegistry::Eval(Redis& redis, std::string_view name,
                           const std::vector<std::string>& keys,
                           const std::vector<std::string>& args) const {
  const Script& s = Find(name);
  std::vector<std::string> argv;
  argv.reserve(3 + keys.size() + args.size());
  argv.push_back("EVALSHA");
  argv.push_back(s.sha);
  argv.push_back(std::to_string(keys.size()));
  argv.insert(argv.end(), keys.begin(), keys.end());
  argv.insert(argv.end(), args.begin(), args.end());
  Value v = redis.Command(argv);
  if (v.is_error() && v.str.rfind("NOSCRIPT", 0) == 0) {
    // Redis restarted or flushed its script cache: load and retry once.
    Value loaded = redis.Command({"SCRIPT", "LOAD", s.source});
    if (loaded.is_error()) return loaded;
    v = redis.Command(argv);
  }
  return v;
}

void ScriptRegistry::LoadAll(Redis& redis) const {
  for (const auto& s : scripts_) {
    Value v = redis.Command({"SCRIPT", "LOAD", s.source});
    if (v.is_error()) throw std::runtime_error("script " + s.name + ": " + v.str);
    if (v.str != s.sha) throw std::runtime_error("script " + s.name + ": unexpected sha " + v.str);
  }
}

}  // namespace socgov::store
