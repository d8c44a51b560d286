// socgov-party-building: the party-building service (party_building/definition.cc) on the kit.
#include "party_building/definition.h"

int main(int argc, char** argv) {
  return socgov::service::Main(argc, argv, socgov::party_building::ServiceDefinition());
}
