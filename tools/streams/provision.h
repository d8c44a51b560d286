// City/district stream topology (architecture.md §3): a district's services write their context
// streams in the district's own JetStream domain; the city's stream of the same name *sources*
// each district's stream through the leaf node link (API prefix $JS.<domain>.API). Sourcing is
// pulled by the city and tracked per source sequence, so a district that is cut off keeps
// accepting events locally and the city catches up, each event once, when the link heals.
#pragma once

#include <string>
#include <vector>

#include "platform/bus/nats.h"
#include "platform/util/error.h"

namespace socgov::streams {

// "registration" → "REGISTRATION", "party_building" → "PARTY_BUILDING".
std::string StreamName(const std::string& context);

// The subjects a deployment's own services publish for a context:
// socgov.v1.<city>.<district|_>.<context>.> (a city or province code uses "_"; a hyphen in the
// context, party-building, becomes "_").
std::string OwnSubject(const std::string& jurisdiction, const std::string& context);

// JetStream domain naming shared by the manifests and tools/topology: city-350200, district-350211.
std::string DomainOf(const std::string& jurisdiction);

struct SourcedStreamSpec {
  bus::StreamSpec stream;
  std::vector<std::string> source_domains;  // JetStream domains whose same-named stream to source
};

// Creates the stream with its subjects and sources when missing. When it exists (e.g. the service
// created it first with its own subjects), adds the sources it lacks and changes nothing else;
// sources are never removed here (dropping a district is an operator's decision). Idempotent.
Status EnsureSourcedStream(bus::Connection& conn, const SourcedStreamSpec& spec);

// Names of the domains a stream sources from (empty when the stream is missing or sources none).
std::vector<std::string> SourcedDomains(bus::Connection& conn, const std::string& stream);

}  // namespace socgov::streams
