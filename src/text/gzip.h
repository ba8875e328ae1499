// gzip files (RFC 1952) for corpus import: "speeches.jsonl.gz" is read as the "speeches.jsonl" inside, the
// way datasets are often published. Several members one after another (as `cat a.gz b.gz` makes) are read
// as one stream. Limits are enforced while inflating: the output never grows past max_bytes, and a file that
// expands past max_ratio is refused as a likely bomb.
//
//     if (text::LooksGzipped(bytes)) {
//         auto inner = text::Gunzip(bytes);      // or a refusal that says why
//     }
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace text {

struct GzipLimits {
    uint64_t max_bytes = 256ull << 20;      // uncompressed size
    double max_ratio = 200.0;               // uncompressed / compressed
    uint64_t ratio_min_bytes = 1ull << 20;  // outputs smaller than this are never refused for their ratio
};

// The gzip magic number (1f 8b) opens `bytes`.
bool LooksGzipped(std::string_view bytes);

// The uncompressed bytes. Fails (with a message that does not name the file: the caller does) for data that
// is not gzip, truncated or damaged data (including a wrong CRC-32 or length), and output past the limits.
core::Result<std::string> Gunzip(std::string_view bytes, const GzipLimits& limits = {});

}  // namespace text
