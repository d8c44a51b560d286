// Must not compile: a use case may not see the gRPC handlers (tests/CMakeLists.txt, layers.*).
#include "registration/api/registration_handler.h"
