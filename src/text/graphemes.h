// Extended grapheme clusters (UAX #29): what a reader takes for one character — «é» written as e + U+0301,
// a flag, a family emoji joined by ZWJ — as UTF-8 byte boundaries, for character diffs inside words
// (analysis/compare/diff.h). ICU's character break rules (brkitr/char.brk, in the data subset).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace text {

// The cluster boundaries of `utf8`: 0, each boundary, utf8.size(), ascending (so clusters are the ranges
// between neighbours; an empty string gives {0}). ASCII text takes a fast path (every byte but CR LF is a
// cluster). If ICU's rules cannot be opened, every code point is its own cluster.
std::vector<uint32_t> GraphemeBoundaries(std::string_view utf8);

}  // namespace text
