// socgov-dashboard: the dashboard consumer (dashboard/definition.cc) on the kit.
#include "dashboard/definition.h"

int main(int argc, char** argv) {
  return socgov::service::Main(argc, argv, socgov::dashboard::ServiceDefinition());
}
