// socgov-welfare-venture: the welfare-venture service (welfare_venture/definition.cc) on the kit.
#include "welfare_venture/definition.h"

int main(int argc, char** argv) {
  return socgov::service::Main(argc, argv, socgov::welfare_venture::ServiceDefinition());
}
