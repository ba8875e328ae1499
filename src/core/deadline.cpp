// NowMs on std::chrono::steady_clock (Emscripten maps it to performance.now()).
#include "core/deadline.h"

#include <chrono>

namespace core {

double NowMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace core
