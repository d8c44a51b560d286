#include "registration/store/mutation.h"

namespace socgov::registration {
namespace {

// KEYS are declared (not built in Lua) so the script stays valid under Redis Cluster rules; ops
// refer to them by index.
class Encoder {
 public:
  Encoder(std::vector<std::string>& keys, std::vector<std::string>& argv)
      : keys_(keys), argv_(argv) {}
  std::string Key(const std::string& k) {
    keys_.push_back(k);
    return std::to_string(keys_.size());
  }
  void Op(std::initializer_list<std::string> parts) {
    argv_.insert(argv_.end(), parts.begin(), parts.end());
  }
  std::vector<std::string>& argv() { return argv_; }

 private:
  std::vector<std::string>& keys_;
  std::vector<std::string>& argv_;
};

const char* GuardCode(Mutation::Guard::Kind k) {
  switch (k) {
    case Mutation::Guard::Kind::kVersion:
      return "V";
    case Mutation::Guard::Kind::kAbsent:
      return "A";
    case Mutation::Guard::Kind::kNameFree:
      return "N";
  }
  return "?";
}

}  // namespace

void EncodeMutation(const Mutation& m, std::vector<std::string>& keys,
                    std::vector<std::string>& argv) {
  Encoder e(keys, argv);
  e.Key(m.idem_key);  // KEYS[1]
  e.Op({m.response, std::to_string(m.idem_ttl_seconds)});
  for (const auto& g : m.guards) e.Op({GuardCode(g.kind), e.Key(g.key), g.value, g.label});
  for (const auto& h : m.hashes) {
    e.Op({"H", e.Key(h.key), std::to_string(h.fields.size() / 2)});
    argv.insert(argv.end(), h.fields.begin(), h.fields.end());
  }
  for (const auto& s : m.sets) e.Op({"S", e.Key(s.key), s.value, std::to_string(s.expire_at_ms)});
  for (const auto& d : m.dels_if) e.Op({"D", e.Key(d.key), d.value});
  for (const auto& z : m.zops) {
    if (z.score.empty())
      e.Op({"z", e.Key(z.key), z.member});
    else
      e.Op({"Z", e.Key(z.key), z.score, z.member});
  }
  for (const auto& s : m.sadds) e.Op({"+", e.Key(s.key), s.member});
  if (!m.events.empty()) {
    e.Op({"E", e.Key(m.outbox_key)});
    outbox::AppendScriptArgs(m.events, argv);
  }
}

}  // namespace socgov::registration
