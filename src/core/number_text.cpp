// Number formatting for display (see number_text.h): grouping by hand, since std::locale grouping depends on
// the C library's locales, which the wasm build does not carry.
#include "core/number_text.h"

#include <cmath>
#include <cstdio>

namespace core {

namespace {

// Inserts a comma every three digits into a run of digits (no sign).
std::string GroupDigits(const std::string& digits) {
    std::string out;
    const size_t n = digits.size();
    out.reserve(n + n / 3);
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace

std::string CountText(int64_t n) {
    // The magnitude as unsigned, so INT64_MIN is written correctly too.
    const uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    std::string grouped = GroupDigits(std::to_string(magnitude));
    return n < 0 ? "-" + grouped : grouped;
}

std::string CountText(int64_t n, const char* singular) {
    std::string out = CountText(n) + ' ' + singular;
    if (n != 1) out += 's';
    return out;
}

std::string DecimalText(double value, int decimals) {
    if (!std::isfinite(value)) return "–";
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
    std::string text = buf;
    const size_t point = text.find('.');
    std::string out = GroupDigits(text.substr(0, point));
    if (point != std::string::npos) out += text.substr(point);
    // A negative value that rounds to zero is written without its sign ("0.0", not "-0.0").
    const bool zero = out.find_first_not_of("0.,") == std::string::npos;
    return value < 0 && !zero ? "-" + out : out;
}

}  // namespace core
