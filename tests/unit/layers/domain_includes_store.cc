// Must not compile: the pure domain may not see the store.
#include "registration/store/registration_store.h"
