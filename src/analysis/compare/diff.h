// Word-level diff of two token sequences, made to be read: what Compare shows inside each aligned passage pair
// (and a character diff inside a substituted word). No SQLite, no ICU beyond text/graphemes.h, no ImGui.
//
//     namespace cmp = analysis::compare;
//     std::vector<cmp::DiffToken> a = …, b = …;              // each token: key (normal form id) + bytes
//     cmp::DiffResult d = cmp::DiffTokens({text_a, a}, {text_b, b});
//     for (const cmp::DiffOp& op : d.ops)
//         if (op.kind == cmp::DiffKind::Replace) …         // token ranges and byte ranges on both sides
//
// Keys: a token's key is a uint32_t — the caller's id for its comparison form (a corpus term id, or an id of
// the stemmed normal form); equal keys are equal words, nothing else is compared. Compare turns the
// tokenizer's normal forms (text/tokenizer.h) into ids once per document (InternKeys below does it for
// strings), so the diff compares integers.
//
// How (docs/ARCHITECTURE.md, "Compare: sentences and diff"):
//   1. Common prefix and suffix are split off.
//   2. Myers' O(ND) algorithm, linear-space (middle snake, divide and conquer), with an explicit stack.
//      A bisection may take at most DiffOptions::bisect_work steps; a range that needs more is cut at
//      patience anchors (keys found exactly once in each side's range, their longest increasing run) and the
//      gaps between anchors are diffed again; a range with no anchor becomes Delete + Insert.
//      All work (comparisons, diagonal steps, anchor sorting) counts against DiffOptions::max_work; once it
//      is spent, what is left becomes Delete + Insert (DiffResult::exact is then false). So time is
//      O(max_work + (N+M) log(N+M)) and memory O(N+M), whatever the inputs (a 1 MB text against a 1 KB one).
//   3. Cleanup (as diff-match-patch's diff_cleanupSemantic does for characters, here for words):
//      a. an equality no longer than the changes on both sides of it is absorbed into them
//         ("x B y" against "p B q": one substitution, not three);
//      b. a lone insertion or deletion between equalities slides (when the words allow it) to where its
//         edges fall on the strongest boundaries of the text: blank line > line break > sentence end >
//         other punctuation > space, ties to the leftmost place;
//      c. a deletion and insertion that overlap ("A B" → "B C") keep the overlap as an equality when it is at
//         least half of either;
//      d. a deletion next to an insertion becomes one Replace.
// Deterministic (no hashing order, explicit tie-breaks) and symmetric: DiffTokens(b, a) is DiffTokens(a, b)
// with Delete and Insert (and the a_/b_ fields) swapped, given the same keys. The core always runs with the
// two sides in a canonical order (shorter first, then the smaller key sequence) and swaps its result back.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace analysis::compare {

struct DiffToken {
    uint32_t key = 0;           // comparison key: equal keys are the same word
    uint32_t byte_offset = 0;   // into the side's text
    uint32_t byte_length = 0;
};

struct DiffSide {
    // The side's text. Optional: read only between tokens, to place edits on punctuation and line breaks
    // (cleanup rule b); with an empty text every gap counts as a space.
    std::string_view text;
    std::span<const DiffToken> tokens;
};

enum class DiffKind : uint8_t { Equal, Delete, Insert, Replace };

// One run of the diff. Token ranges are [begin, end) into each side's tokens: Equal and Replace cover tokens
// on both sides, Delete only on A (b_begin == b_end: where in B it would be), Insert only on B. Byte ranges
// run from the first token's first byte to the last token's last byte; an empty token range has an empty byte
// range at the end of the token before it (0 at the start).
struct DiffOp {
    DiffKind kind = DiffKind::Equal;
    uint32_t a_begin = 0, a_end = 0;
    uint32_t b_begin = 0, b_end = 0;
    uint32_t a_byte_begin = 0, a_byte_end = 0;
    uint32_t b_byte_begin = 0, b_byte_end = 0;
};

struct DiffOptions {
    bool cleanup = true;                   // false: the raw edit script (Equal, Delete, Insert only)
    // A step is one comparison of two keys or one diagonal visited (sorting for anchors counts n log n).
    uint64_t max_work = 10'000'000;        // steps in all; what is left then becomes Delete + Insert
    uint64_t bisect_work = 250'000;        // steps for one Myers bisection (D up to ~700) before anchors
};

struct DiffResult {
    std::vector<DiffOp> ops;   // in text order; consecutive ops never share a kind
    bool exact = true;         // false if max_work ran out and some range was left as Delete + Insert
    uint64_t work = 0;         // steps taken (the unit max_work counts)
};

DiffResult DiffTokens(const DiffSide& a, const DiffSide& b, const DiffOptions& options = {});

// Ids for strings, in the strings' byte order (so the same set of strings gets the same ids whatever order
// they come in): out_a[i] is the id of a[i], out_b[j] of b[j].
void InternKeys(std::span<const std::string> a, std::span<const std::string> b, std::vector<uint32_t>* out_a,
                std::vector<uint32_t>* out_b);

// Character diff of two words (or any short strings), on extended grapheme clusters (text/graphemes.h), so a
// combining accent or an emoji sequence is never split. Ops' token ranges count clusters, byte ranges are
// into `a` and `b`. The same cleanup as DiffTokens (without text gaps). For the UI to call per substituted
// pair, outside Draw (it runs ICU's character rules on non-ASCII words).
struct CharacterDiff {
    std::vector<DiffOp> ops;
    double similarity = 0;   // 2 × clusters kept equal ÷ (clusters of a + clusters of b): 1 same, 0 nothing
};
CharacterDiff DiffCharacters(std::string_view a, std::string_view b);

// Whether a substitution of word `a` by `b` is worth a character diff: similarity ≥ this ("colour"/"color"
// 0.91, "Russia's"/"Russian" 0.80; "war"/"peace" 0.25).
constexpr double kSimilarWords = 0.5;

}  // namespace analysis::compare
