// Must not compile: the store may not see the use cases.
#include "registration/app/registry.h"
