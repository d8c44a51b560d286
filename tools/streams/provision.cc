#include "streams/provision.h"

#include <nats/nats.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "platform/auth/scope.h"

namespace socgov::streams {
namespace {

constexpr int64_t kNanosPerMilli = 1'000'000;
constexpr const char* kApiPrefix = "$JS.";
constexpr const char* kApiSuffix = ".API";

std::string ApiPrefix(const std::string& domain) { return kApiPrefix + domain + kApiSuffix; }

// "$JS.district-350211.API" → "district-350211"; "" for anything else.
std::string DomainOfPrefix(const char* prefix) {
  if (prefix == nullptr) return "";
  const std::string p = prefix;
  const std::string head = kApiPrefix, tail = kApiSuffix;
  if (p.size() <= head.size() + tail.size() || p.compare(0, head.size(), head) != 0 ||
      p.compare(p.size() - tail.size(), tail.size(), tail) != 0) {
    return "";
  }
  return p.substr(head.size(), p.size() - head.size() - tail.size());
}

std::string NatsError(const std::string& what, natsStatus s, jsErrCode jerr) {
  std::string msg = what + ": " + natsStatus_GetText(s);
  if (jerr != 0) msg += " (jetstream error " + std::to_string(static_cast<int>(jerr)) + ")";
  const char* last = nats_GetLastError(nullptr);
  if (last != nullptr && *last != '\0') msg += " [" + std::string(last) + "]";
  return msg;
}

struct StreamInfoDeleter {
  void operator()(jsStreamInfo* si) const { jsStreamInfo_Destroy(si); }
};
using StreamInfoPtr = std::unique_ptr<jsStreamInfo, StreamInfoDeleter>;

// The stream's info, or null when it does not exist; an error for anything else.
Result<StreamInfoPtr> GetInfo(bus::Connection& conn, const std::string& name) {
  jsStreamInfo* si = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  const natsStatus s = js_GetStreamInfo(&si, conn.js(), name.c_str(), nullptr, &jerr);
  if (s == NATS_OK) return StreamInfoPtr(si);
  if (s == NATS_NOT_FOUND || jerr == JSStreamNotFoundErr) return StreamInfoPtr();
  return Error::Unavailable(NatsError("stream info " + name, s, jerr));
}

std::vector<std::string> DomainsOf(const jsStreamConfig& cfg) {
  std::vector<std::string> out;
  for (int i = 0; i < cfg.SourcesLen; ++i) {
    const jsStreamSource* src = cfg.Sources[i];
    if (src != nullptr && src->External != nullptr) {
      const std::string d = DomainOfPrefix(src->External->APIPrefix);
      if (!d.empty()) out.push_back(d);
    }
  }
  return out;
}

// Backing storage for the jsStreamSource pointers handed to nats.c (which only borrows them).
struct SourceList {
  std::vector<std::string> prefixes;
  std::vector<jsExternalStream> externals;
  std::vector<jsStreamSource> sources;
  std::vector<jsStreamSource*> pointers;

  SourceList(const std::string& stream, const std::vector<std::string>& domains) {
    prefixes.reserve(domains.size());
    for (const auto& d : domains) prefixes.push_back(ApiPrefix(d));
    externals.resize(domains.size());
    sources.resize(domains.size());
    for (size_t i = 0; i < domains.size(); ++i) {
      // nats.c 3.4.1 marshals DeliverPrefix unconditionally (strlen on null): give it "".
      externals[i] = jsExternalStream{prefixes[i].c_str(), ""};
      jsStreamSource_Init(&sources[i]);
      sources[i].Name = stream.c_str();
      sources[i].External = &externals[i];
    }
  }
  void AppendTo(std::vector<jsStreamSource*>& out) {
    for (auto& s : sources) out.push_back(&s);
  }
};

}  // namespace

std::string StreamName(const std::string& context) {
  std::string out = context;
  for (char& c : out) c = c == '-' ? '_' : static_cast<char>(std::toupper(c));
  return out;
}

std::string OwnSubject(const std::string& jurisdiction, const std::string& context) {
  const std::string district = auth::IsCountyLevel(jurisdiction) ? jurisdiction : "_";
  // A service named with a hyphen (party-building) publishes under its context's underscore.
  std::string token = context;
  for (char& c : token) c = c == '-' ? '_' : c;
  return "socgov.v1." + auth::CityOf(jurisdiction) + "." + district + "." + token + ".>";
}

std::string DomainOf(const std::string& jurisdiction) {
  return (auth::IsCountyLevel(jurisdiction) ? "district-" : "city-") + jurisdiction;
}

std::vector<std::string> SourcedDomains(bus::Connection& conn, const std::string& stream) {
  auto info = GetInfo(conn, stream);
  if (!info.ok() || !*info) return {};
  return DomainsOf(*(*info)->Config);
}

Status EnsureSourcedStream(bus::Connection& conn, const SourcedStreamSpec& spec) {
  const std::string& name = spec.stream.name;
  auto info = GetInfo(conn, name);
  if (!info.ok()) return info.error();
  jsErrCode jerr = static_cast<jsErrCode>(0);
  jsStreamInfo* out = nullptr;

  if (!*info) {
    std::vector<const char*> subjects;
    for (const auto& s : spec.stream.subjects) subjects.push_back(s.c_str());
    SourceList list(name, spec.source_domains);
    std::vector<jsStreamSource*> sources;
    list.AppendTo(sources);
    jsStreamConfig cfg;
    jsStreamConfig_Init(&cfg);
    cfg.Name = name.c_str();
    cfg.Subjects = subjects.data();
    cfg.SubjectsLen = static_cast<int>(subjects.size());
    cfg.Storage = js_FileStorage;
    cfg.Retention = js_LimitsPolicy;
    cfg.Duplicates = spec.stream.duplicate_window_ms * kNanosPerMilli;
    cfg.Sources = sources.data();
    cfg.SourcesLen = static_cast<int>(sources.size());
    const natsStatus s = js_AddStream(&out, conn.js(), &cfg, nullptr, &jerr);
    if (out != nullptr) jsStreamInfo_Destroy(out);
    if (s == NATS_OK) return std::nullopt;
    // A service may have created it in between: fall through to adding the sources.
    info = GetInfo(conn, name);
    if (!info.ok()) return info.error();
    if (!*info) return Error::Unavailable(NatsError("add stream " + name, s, jerr));
  }

  jsStreamConfig* cfg = (*info)->Config;
  const std::vector<std::string> present = DomainsOf(*cfg);
  std::vector<std::string> missing;
  for (const auto& d : spec.source_domains) {
    if (std::find(present.begin(), present.end(), d) == present.end()) missing.push_back(d);
  }
  if (missing.empty()) return std::nullopt;

  // Update with the stream's own config plus the new sources; the config stays owned by `info`,
  // so its Sources pointer is put back before the info is destroyed.
  SourceList list(name, missing);
  std::vector<jsStreamSource*> sources(cfg->Sources, cfg->Sources + cfg->SourcesLen);
  list.AppendTo(sources);
  jsStreamSource** const old_sources = cfg->Sources;
  const int old_len = cfg->SourcesLen;
  cfg->Sources = sources.data();
  cfg->SourcesLen = static_cast<int>(sources.size());
  const natsStatus s = js_UpdateStream(&out, conn.js(), cfg, nullptr, &jerr);
  cfg->Sources = old_sources;
  cfg->SourcesLen = old_len;
  if (out != nullptr) jsStreamInfo_Destroy(out);
  if (s != NATS_OK) return Error::Unavailable(NatsError("add sources to " + name, s, jerr));
  return std::nullopt;
}

}  // namespace socgov::streams
