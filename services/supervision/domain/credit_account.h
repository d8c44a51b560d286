// An organization's credit account as supervision keeps it: the pure credit record of
// credit_listing.h plus where each event came from and the objections (CR-08), and the changes
// between two versions of a record as the facts other contexts are told (listed, clock restarted,
// escalated, removed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/util/error.h"
#include "supervision/domain/credit_listing.h"

namespace socgov::supervision {

struct Objection {
  Date filed_on{};
  std::string grounds, answer, actor;
  bool upheld = false;
};

struct CreditAccount {
  std::string organization_id;
  std::string jurisdiction;
  CreditRecord record;
  std::vector<std::string> sources;  // parallel to record.events
  std::vector<Objection> objections;
  std::int64_t version = 0;  // 0: no account yet
};

// One change of the lists between two records.
struct CreditChange {
  enum class Kind { kListed, kRestarted, kEscalated, kRemoved } kind;
  Listing listing;  // the listing concerned (for kEscalated: the new SERIOUS listing)
  std::optional<Listing> previous;  // kEscalated: the ABNORMAL listing it replaced
};
// The changes from `before` to `after` (after extends before: listings are only appended to or
// closed).
std::vector<CreditChange> ChangesBetween(const CreditRecord& before, const CreditRecord& after);

// Records a listable event with its source.
Result<CreditAccount> RecordEvent(CreditAccount a, const CreditEvent& event, std::string source);

// CR-08: an upheld objection removes the open listing as an error, on the day it is decided.
Result<CreditAccount> DecideObjection(CreditAccount a, Objection o, Date today);

}  // namespace socgov::supervision
