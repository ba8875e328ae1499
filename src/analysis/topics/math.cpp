// Log, Exp, LogGamma and Digamma from + − × ÷ only (see math.h): argument reduction by the exponent bits,
// then short series whose terms are fixed, so both builds round identically. The library is compiled with
// -ffp-contract=off, so no a*b+c below is fused on one target and not on the other.
#include "analysis/topics/math.h"

#include <cstdint>
#include <cstring>
#include <limits>

namespace analysis::topics {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// ln 2 split so that k·kLn2Hi is exact for |k| < 2^21 (kLn2Hi has 32 significant bits).
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kHalfLog2Pi = 0.91893853320467274178;   // ½ log 2π

uint64_t Bits(double x) { uint64_t b; std::memcpy(&b, &x, sizeof b); return b; }
double FromBits(uint64_t b) { double x; std::memcpy(&x, &b, sizeof x); return x; }

// 2^k for k in the normal range [-1022, 1023].
double Pow2(int k) { return FromBits(static_cast<uint64_t>(k + 1023) << 52); }

}  // namespace

double Log(double x) {
    if (x != x || x < 0) return kNaN;
    if (x == 0) return -kInf;
    if (x == kInf) return kInf;
    int scale = 0;
    if (x < 2.2250738585072014e-308) { x *= 18014398509481984.0; scale = -54; }   // subnormal: ×2^54
    uint64_t b = Bits(x);
    int e = static_cast<int>((b >> 52) & 0x7ff) - 1023;
    double m = FromBits((b & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);   // [1, 2)
    if (m > 1.4142135623730951) { m *= 0.5; e += 1; }                           // [√½, √2)
    e += scale;
    // log m = 2 atanh s, s = (m−1)/(m+1), |s| ≤ 0.1716: the odd series to s^25 is below 2^-60 relative.
    double f = m - 1.0;
    double s = f / (m + 1.0);
    double s2 = s * s;
    double p = 1.0 / 25;
    for (int k = 23; k >= 3; k -= 2) p = p * s2 + 1.0 / k;
    double r = s2 * p;                       // (log m)/(2s) − 1
    double log_m = 2.0 * s + 2.0 * s * r;
    double ek = static_cast<double>(e);
    return ek * kLn2Hi + (log_m + ek * kLn2Lo);
}

double Exp(double x) {
    if (x != x) return x;
    if (x > 709.782712893384) return kInf;
    if (x < -745.1332191019412) return 0.0;
    // x = k ln 2 + r, |r| ≤ ½ ln 2 (Cody–Waite with the split ln 2).
    double kd = x * kInvLn2;
    int k = static_cast<int>(kd < 0 ? kd - 0.5 : kd + 0.5);
    double r = (x - k * kLn2Hi) - k * kLn2Lo;
    // Taylor to r^15/15!: the remainder is below 2^-62 relative for |r| ≤ 0.347.
    double p = 1.0;
    for (int n = 15; n >= 1; --n) p = 1.0 + p * r / n;
    // 2^k in two factors so that results near the subnormal range stay exact in their normal part.
    if (k > 1023) return p * Pow2(1023) * Pow2(k - 1023);
    if (k < -1022) return p * Pow2(k + 600) * Pow2(-600);
    return p * Pow2(k);
}

double LogGamma(double x) {
    if (x != x || x <= 0) return kNaN;
    if (x == kInf) return kInf;
    // Shift up to z ≥ 10 (log Γ(x) = log Γ(x+n) − log(x(x+1)…(x+n−1))), then Stirling's series to z^-15,
    // whose first omitted term is below 1e-19 there.
    double z = x, product = 1.0;
    while (z < 10.0) { product *= z; z += 1.0; }
    double inv = 1.0 / z, inv2 = inv * inv;
    double series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680 +
                    inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156 + inv2 * (-3617.0 / 122400))))))));
    double result = (z - 0.5) * Log(z) - z + kHalfLog2Pi + series;
    if (product != 1.0) result -= Log(product);
    return result;
}

double Digamma(double x) {
    if (x != x || x <= 0) return kNaN;
    if (x == kInf) return kInf;
    // ψ(x) = ψ(x+1) − 1/x up to z ≥ 10, then ψ(z) = log z − 1/2z − Σ B₂ₖ/(2k z^2k) to z^-16.
    double z = x, shift = 0.0;
    while (z < 10.0) { shift += 1.0 / z; z += 1.0; }
    double inv = 1.0 / z, inv2 = inv * inv;
    double series = inv2 * (1.0 / 12 + inv2 * (-1.0 / 120 + inv2 * (1.0 / 252 + inv2 * (-1.0 / 240 +
                    inv2 * (1.0 / 132 + inv2 * (-691.0 / 32760 + inv2 * (1.0 / 12 + inv2 * (-3617.0 / 8160))))))));
    return Log(z) - 0.5 * inv - series - shift;
}

}  // namespace analysis::topics
