// Must not compile: a handler may not see registration's keys and scripts; it goes through app/.
#include "registration/store/registration_store.h"
