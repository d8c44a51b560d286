// The event bodies of the welfare-venture entities (events.proto), built in one place so every
// use case publishes the same facts.
#pragma once

#if defined(SOCGOV_LAYER_DOMAIN) || defined(SOCGOV_LAYER_STORE)
#error "welfare_venture/app is not visible from the domain and store layers"
#endif

#include <initializer_list>
#include <string>

#include "platform/auth/token.h"
#include "socgov/welfare_venture/v1/events.pb.h"
#include "welfare_venture/store/welfare_venture_store.h"

namespace socgov::welfare_venture {

v1::RoundChanged RoundEvent(const StoredRound& s, Date on, const auth::Principal& who,
                            std::initializer_list<const char*> rules);
v1::ApplicationChanged AppEvent(const StoredApplication& s, Date on, const std::string& note,
                                const auth::Principal& who,
                                std::initializer_list<const char*> rules);
v1::ProjectChanged ProjectEvent(const StoredProject& s, Date on, const std::string& note,
                                const auth::Principal& who,
                                std::initializer_list<const char*> rules);

}  // namespace socgov::welfare_venture
