// socgov-supervision: the supervision service (supervision/definition.cc) on the service kit.
#include "supervision/definition.h"

int main(int argc, char** argv) {
  return socgov::service::Main(argc, argv, socgov::supervision::ServiceDefinition());
}
