// socgov-audit: the audit chain consumer (audit/definition.cc) on the service kit.
#include "audit/definition.h"

int main(int argc, char** argv) {
  return socgov::service::Main(argc, argv, socgov::audit::ServiceDefinition());
}
