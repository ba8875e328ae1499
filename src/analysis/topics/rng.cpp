// PCG32 (O'Neill 2014, "XSH RR" output on a 64-bit LCG) and Lemire's unbiased bounded integers: integer
// arithmetic only, so the same seed draws the same numbers natively and in wasm. NextU32 and NextUnit are
// inline in rng.h.
#include "analysis/topics/rng.h"

namespace analysis::topics {

Rng::Rng(uint64_t seed, uint64_t stream) {
    // The reference seeding: the increment must be odd; two steps mix the seed into the state.
    state = 0;
    inc = (stream << 1) | 1u;
    NextU32();
    state += seed;
    NextU32();
}

uint32_t Rng::NextBelow(uint32_t n) {
    // Lemire (2019): the high word of a 32×32→64 product is uniform in [0, n) once the few low products that
    // would bias it (fewer than n of 2^32) are rejected.
    uint64_t m = static_cast<uint64_t>(NextU32()) * n;
    uint32_t low = static_cast<uint32_t>(m);
    if (low < n) {
        uint32_t threshold = static_cast<uint32_t>(-n) % n;   // 2^32 mod n
        while (low < threshold) {
            m = static_cast<uint64_t>(NextU32()) * n;
            low = static_cast<uint32_t>(m);
        }
    }
    return static_cast<uint32_t>(m >> 32);
}

}  // namespace analysis::topics
