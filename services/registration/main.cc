// socgov-registration: the registration service (registration/definition.cc) on the service kit.
#include "registration/definition.h"

int main(int argc, char** argv) {
  return socgov::service::Main(argc, argv, socgov::registration::ServiceDefinition());
}
