// Small line-level helpers shared by the metadata guesser and the furniture trimmer, so both agree on what a
// line, a word and a masthead are.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace text {

// Trims ASCII white space and no-break spaces (U+00A0, common in scraped pages) at both ends.
std::string_view TrimLine(std::string_view s);
// The lines of `text` (without "\n" or a trailing "\r"), at most `max_lines`.
std::vector<std::string_view> SplitLines(std::string_view text, size_t max_lines = static_cast<size_t>(-1));
// Runs of non-space characters, counted up to `limit` (enough to compare with a threshold; paragraphs are long).
int WordCount(std::string_view line, int limit = 1 << 30);
// An all-capitals line of at least two words and six letters: a site's masthead ("THE MINISTRY OF …").
bool IsAllCapsLine(std::string_view line);

}  // namespace text
