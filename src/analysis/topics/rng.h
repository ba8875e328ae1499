// A small seeded random number generator of our own (PCG32, O'Neill 2014), so a topic model trained from the
// same seed makes the same draws natively and in wasm: no std:: engines or distributions, whose output the
// standard leaves to each library. Integer arithmetic only, except NextUnit (exact: 53 random bits / 2^53).
#pragma once
#include <cstdint>

namespace analysis::topics {

class Rng {
public:
    explicit Rng(uint64_t seed, uint64_t stream = 0x5851f42d4c957f2dULL);
    uint32_t NextU32();   // inline below: the samplers draw several per token
    // Uniform in [0, n) without modulo bias (Lemire's method); n > 0.
    uint32_t NextBelow(uint32_t n);
    // Uniform in [0, 1), a multiple of 2^-53.
    double NextUnit();
    // The whole state, for saving a model and resuming it bit for bit.
    uint64_t state = 0, inc = 0;
};

inline uint32_t Rng::NextU32() {
    uint64_t old = state;
    state = old * 6364136223846793005ULL + inc;
    uint32_t xorshifted = static_cast<uint32_t>(((old >> 18) ^ old) >> 27);
    uint32_t rot = static_cast<uint32_t>(old >> 59);
    return (xorshifted >> rot) | (xorshifted << ((32 - rot) & 31));
}

inline double Rng::NextUnit() {
    // 53 bits: 27 from the first draw, 26 from the second.
    uint64_t hi = NextU32() >> 5, lo = NextU32() >> 6;
    return static_cast<double>((hi << 26) | lo) * (1.0 / 9007199254740992.0);
}

}  // namespace analysis::topics
