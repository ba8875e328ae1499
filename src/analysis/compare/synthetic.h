// Synthetic text reuse with known answers, for testing and benchmarking the aligner: a passage of one to five
// sentences of document A is inserted into document B at a sentence boundary, verbatim or obfuscated, and the
// case records where the passage lies in A and where its copy lies in B's new text. Scored with plagdet.h.
// It lives here rather than in tests/ because the benchmark (bench/) builds the same cases and links only the
// libraries; nothing in the app calls it.
//
//     std::vector<std::string_view> speeches = ...;            // e.g. the State of the Union, in file order
//     SyntheticOptions options;
//     options.seed = 7; options.count = 50; options.obfuscation = Obfuscation::Light;
//     for (const SyntheticCase& c : MakeSyntheticCases(speeches, options))
//         align(speeches[c.source_doc], c.text) → detections, scored against c.Truth()
//
// Obfuscation, applied to the passage's words (UAX #29 words as the tokenizer sees them):
//   Verbatim  the passage unchanged;
//   Light     about 10% of its words edited — each edit replaces the word by a word of document B, drops it, or
//             writes it twice (one of the three at random);
//   Heavy     the passage's sentences shuffled (never left in their order when there are two or more), then
//             about 30% of the words edited as above.
// "About": each word is edited with that probability, independently. Everything is drawn from one seeded PCG32
// (analysis/topics/rng.h) with integer arithmetic only, and sentences come from ICU, so a seed gives the same
// cases natively and in wasm.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/compare/plagdet.h"

namespace analysis::compare {

enum class Obfuscation { Verbatim, Light, Heavy };

struct SyntheticOptions {
    uint64_t seed = 1;
    uint32_t count = 10;                 // cases to make
    Obfuscation obfuscation = Obfuscation::Verbatim;
    uint32_t min_sentences = 1, max_sentences = 5;   // passage length, drawn uniformly
    uint32_t min_words = 12;             // passages with fewer words are drawn again (headings, "Thank you.")
    uint32_t edit_percent = 0;           // 0: 0 / 10 / 30 for Verbatim / Light / Heavy
};

struct SyntheticCase {
    Obfuscation obfuscation = Obfuscation::Verbatim;
    uint32_t source_doc = 0;             // index into the documents given (A)
    uint32_t target_doc = 0;             // index of B, never source_doc
    OffsetRange source;                  // the passage in A (whole sentences, trailing spaces left out)
    std::string text;                    // B with the (obfuscated) passage inserted
    OffsetRange inserted;                // the inserted passage in `text`; a space separates it from B's text
    uint32_t insert_at = 0;              // where in B's original text it went (a sentence start, or B's end)
    uint32_t sentences = 0;              // in the passage
    uint32_t words = 0, words_edited = 0;   // the passage's words, and how many edits were made to them

    // The case for ScorePlagdet: source document source_doc, suspicious document target_doc.
    PassagePair Truth() const { return {source_doc, source, target_doc, inserted}; }
};

// Makes options.count cases from `documents` (at least two with enough sentences; documents with fewer than
// options.max_sentences + 1 sentences are never chosen). Empty when no two documents qualify. Deterministic.
std::vector<SyntheticCase> MakeSyntheticCases(const std::vector<std::string_view>& documents,
                                              const SyntheticOptions& options);

const char* ObfuscationName(Obfuscation obfuscation);   // "verbatim", "light", "heavy"

}  // namespace analysis::compare
