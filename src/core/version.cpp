// Version strings; CL_VERSION comes from CMakeLists.txt.
#include "core/version.h"

namespace core {
const char* Version() { return CL_VERSION; }
const char* ProductName() { return "Corpus Lens"; }
}  // namespace core
