// The organization directory: a local read model of registration's organization events that any
// consumer service embeds with one call (EmbedDirectory), under its own key prefix, so supervision,
// party-building, welfare-venture and the dashboard never read registration's keys
// (architecture.md §4a, event-carried state transfer). It is rebuilt by replaying the
// REGISTRATION stream (Rebuild).
//
// Keys, under the embedding service's hash tag {tag}:
//   {tag}:dir:org:<id>         HASH  the Entry fields below
//   {tag}:dir:orgs             ZSET  every organization, score = registration time (ms)
//   {tag}:dir:jur:<code>       ZSET  organizations of one jurisdiction, same score
// plus the router's inbox and gate keys of route "directory".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/bus/router.h"
#include "platform/store/redis.h"
#include "platform/util/error.h"

namespace socgov::service {
class Kit;
}

namespace socgov::directory {

// What other contexts need to know about a registered organization.
struct Entry {
  std::string id;  // unified social credit code, or a community filing number
  std::string name;
  std::string kind;           // SOCIAL_GROUP | SOCIAL_SERVICE | FOUNDATION | COMMUNITY
  std::string status;         // ACTIVE, SUSPENDED, REVOKED, ... (registration's OrgStatus names)
  std::string jurisdiction;   // 6-digit code that owns it
  std::string registered_on;  // YYYY-MM-DD (China time) of registration or filing
  std::string supervisory_unit;
  std::string term_start, term_end, term_extension_until;  // council term, YYYY-MM-DD
  int32_t articles_number = 0;
  bool party_building_clause = false;  // PB-09: the current articles carry the clause
  std::string business_scope;          // 章程 business scope text (welfare venture's VC-03)
  std::string status_since;            // YYYY-MM-DD (China time) the status last changed
  int64_t version = 0;                 // registration's organization version
};

class Directory {
 public:
  // `tag` is the embedding service's hash tag ("{sup}").
  Directory(std::string tag, store::RedisPool& pool);

  // The router route that keeps the directory: durable `durable` on REGISTRATION, organization
  // events of the deployment's jurisdiction tree, strict version gate.
  bus::Route MakeRoute(const std::string& durable, const std::string& jurisdiction);
  std::optional<Entry> Get(const std::string& id);
  // Organizations in registration order within `jurisdiction` (a city sees its districts'), after
  // `after_ms` (exclusive), at most `limit`.
  std::vector<Entry> List(const std::string& jurisdiction, int64_t after_ms, size_t limit);
  // Drops the directory's keys, its gate and inbox records, and the durable consumer, so that the
  // next consumer created reads the stream from its start. Call with the consumer stopped.
  Status Clear(bus::Connection& conn, const std::string& durable);

  // The writes of one event (exposed for unit tests): nullopt when the event does not change the
  // directory (its version is still recorded by the router).
  Result<std::optional<store::Mutation>> WritesFor(const bus::Event& event) const;

 private:
  std::string OrgKey(const std::string& id) const { return tag_ + ":dir:org:" + id; }
  std::string AllKey() const { return tag_ + ":dir:orgs"; }
  std::string JurKey(const std::string& code) const { return tag_ + ":dir:jur:" + code; }

  std::string tag_;
  store::RedisPool& pool_;
};

// Embeds the directory in a service: adds its route to the kit's router (durable
// "<service>-directory") and returns it. Call from the service's wire function.
Directory& EmbedDirectory(service::Kit& kit);

}  // namespace socgov::directory
