// Passage alignment between two already tokenised texts (the Compare view, `corpuslens compare`, the reuse
// finder): which passages of side A were copied, lightly edited, paraphrased or retranslated into side B, in
// any order, and which sentences of each side have no partner. No SQLite, no ImGui, no ICU: the caller splits
// sentences, tokenises and maps each token's normal form (stemmed or not) to a key shared by both sides; the
// word diff inside a pair is analysis/compare/diff's.
//
//     analysis::compare::AlignSide a, b;            // sentences + tokens (keys from one shared map)
//     analysis::compare::Aligner aligner(a, b, {}); // `a`, `b` (and any weight table) outlive the aligner
//     while (!aligner.Step(core::Deadline::In(6.0))) ShowProgress(aligner.Progress());
//     analysis::compare::Alignment result = aligner.TakeResult();
//
// Method (docs/ARCHITECTURE.md, "Compare: alignment"):
//  1. Verbatim and near-verbatim reuse, passim's / BLAST's seed-and-extend on the token keys. Seeds: word
//     n-grams (AlignSettings::ngram, 3) present on both sides, skipping n-grams of stopwords only and n-grams
//     frequent on either side (max_ngram_occurrences); a seed grows into a maximal exact match along its
//     diagonal; exact matches are chained (a dynamic program over matches in order on both sides, each link
//     spanning at most max_gap skipped tokens per side and max_drift more on one side than the other: small
//     insertions, deletions, substitutions), the chains' ends extended over a short substitution followed by
//     at least two equal tokens, then taken best first (most matched tokens) unless both of its sides lie
//     inside passages already taken. Chains may cross: order on one side says nothing about the other.
//  2. Paraphrase and retranslation, on sentences not mostly covered by step 1. Each sentence is a TF-IDF
//     vector over its non-stopword keys (weights from the caller's table, else idf over the sentences of
//     both sides). Similarity = max(cosine, containment_factor × containment), containment = Σ min(x_a, x_b)
//     / the smaller side's Σ x — so a short sentence covered by part of a long one (a summary) still scores —
//     counted only when the smaller side has min_containment_tokens content tokens; a pair sharing fewer than
//     min_shared_keys distinct keys scores 0 (unless both sides hold the same keys). Candidates come from an
//     inverted index over keys (keys in more than max_key_sentences sentences of a side only rescore), so
//     sentences sharing no rare key are never compared. A 1–2 or 2–1 merge (adjacent sentences of one side
//     against one sentence) becomes a candidate when its similarity beats each single pair's. Pairs are then
//     chosen: first a monotone chain (Gale–Church / Bleualign: the set of candidates in order on both sides
//     with the largest Σ (similarity − min_similarity), 1–0 and 0–1 free, so texts that follow each other
//     keep their order; the chain's runs — pairs at most anchor_gap sentences apart on both sides — are kept when
//     they hold a pair ≥ strong_similarity or three pairs, so a weak pair alone is dropped), then, for sentences
//     the chain left free, candidates with similarity ≥ strong_similarity, best first (reordered quotes). A
//     sentence is used at most once.
//  3. Kind per pair from the longest common subsequence of its keys (stopwords included) over the longer
//     side's tokens: verbatim ≥ verbatim_ratio (0.95), close ≥ close_ratio (0.7), else paraphrase.
//
// Determinism: every sort has a complete tie-break, weights are quantised to integers before they are summed
// in the chain, so the result is the same natively and in wasm and does not depend on how Step is sliced.
// Symmetry: every score is symmetric in A and B and ties prefer the pair nearer the diagonal, then the lower
// A+B position sum, so Align(B, A) is Align(A, B) mirrored except for exact ties between mirror-image pairs.
//
// Bounds (n, m tokens, m ≤ n): memory O(n + m + seeds + candidates), no n × m or sentence × sentence matrix.
// Seeding sorts only the smaller side's n-grams and scans the larger one in slices (O(n log m)); seeds ≤
// max_ngram_occurrences × m; chaining looks at most max_links predecessors per match; candidates ≤ Σ over keys
// of df_A × df_B with df ≤ max_key_sentences, each rescored in O(sentence length); the kind LCS is a dense DP
// only up to lcs_max_cells, a greedy estimate above. tests/analysis/compare_align_test.cpp checks a 1 MB side
// against a 1 KB one through AlignStats; bench/compare_bench.cpp measures it and two 10,000-word texts.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/deadline.h"

namespace analysis::compare {

struct AlignSentence {
    uint32_t byte_begin = 0, byte_end = 0;   // UTF-8 byte range in the side's text
    uint32_t paragraph = 0;                  // the paragraph index (kept for callers; merges ignore it)
};

struct AlignToken {
    uint32_t byte_begin = 0, byte_end = 0;   // UTF-8 byte range in the side's text
    uint32_t sentence = 0;                   // index into AlignSide::sentences, non-decreasing along tokens
    uint32_t key = 0;                        // id of the token's normal form, shared by both sides
    bool stopword = false;                   // left out of sentence vectors and of all-stopword n-grams
};

// One text: its sentences in text order and its tokens in text order. Every token's sentence must exist.
struct AlignSide {
    std::vector<AlignSentence> sentences;
    std::vector<AlignToken> tokens;
};

// Zero or default means the documented default.
struct AlignSettings {
    int ngram = 3;                        // seed length in tokens
    int max_ngram_occurrences = 32;       // seeds skip an n-gram more frequent than this on either side
    int min_passage_tokens = 8;           // a verbatim-stage passage needs this many matched tokens
    int max_gap = 6;                      // tokens skipped on one side between two chained exact matches
    int max_drift = 4;                    // |gap A − gap B| between two chained exact matches
    int max_links = 64;                   // predecessors looked at per exact match when chaining
    double covered_share = 0.5;           // a sentence with this share of tokens in a passage skips step 2
    double min_similarity = 0.25;         // a sentence pair needs this similarity to be chosen in the chain
    double strong_similarity = 0.4;       // … and this much outside the monotone chain, or alone in it
    int anchor_gap = 3;                   // sentences between neighbouring chain pairs of one run
    double containment_factor = 0.85;     // weight of containment against cosine
    int min_containment_tokens = 6;       // content tokens the smaller side needs for containment to count
    int min_shared_keys = 2;              // distinct content keys a sentence pair shares (or both hold the same)
    int max_key_sentences = 200;          // a key in more sentences of a side only rescores candidates
    double verbatim_ratio = 0.95;         // LCS / longer side for "verbatim"
    double close_ratio = 0.7;             // … for "close"
    int64_t lcs_max_cells = 1 << 20;      // a pair's kind LCS as a dense DP up to this many cells
};

enum class PassageKind { Verbatim, Close, Paraphrase };
const char* PassageKindName(PassageKind kind);   // "verbatim", "close", "paraphrase"

struct IndexRange {
    uint32_t begin = 0, end = 0;          // half-open
    bool operator==(const IndexRange&) const = default;
};

// One aligned passage. Index 0 is side A, 1 is side B.
struct AlignedPair {
    IndexRange sentences[2];   // the sentences the passage touches on each side
    IndexRange tokens[2];      // its tokens on each side (a verbatim-stage passage may start or end mid-sentence)
    IndexRange bytes[2];       // the tokens' byte span on each side
    double score = 0;          // [0, 1]: Dice of matched tokens for the verbatim stage, similarity for sentences
    PassageKind kind = PassageKind::Paraphrase;
    uint32_t matched_tokens = 0;   // tokens equal in order (the LCS of the two token ranges' keys)
    bool from_ngrams = false;      // found by step 1 (seed-and-extend) rather than sentence similarity
    bool operator==(const AlignedPair&) const = default;
};

// What the aligner did, for benchmarks and the bound tests.
struct AlignStats {
    uint64_t seeds = 0, exact_matches = 0, chains = 0;
    uint64_t candidate_pairs = 0;     // sentence pairs rescored (singles and merges)
    uint64_t lcs_cells = 0;           // cells of the kind DPs
    uint64_t peak_items = 0;          // the largest working array's element count
};

struct Alignment {
    std::vector<AlignedPair> pairs;              // by A token begin, then B token begin, then ends
    std::vector<uint32_t> unmatched[2];          // sentence indexes per side, ascending
    AlignStats stats;
};

// The aligner as a resumable job: Step works until the deadline (at least one bounded slice per call) and
// returns true when the alignment is done; the result does not depend on the slices.
class Aligner {
public:
    // `key_weight[k]` is key k's weight (IDF from the corpus); empty, or a key past its end: idf over the two
    // sides' sentences. `a`, `b` and the table must outlive the aligner.
    Aligner(const AlignSide& a, const AlignSide& b, AlignSettings settings = {},
            std::span<const double> key_weight = {});
    bool Step(core::Deadline deadline);
    double Progress() const;                     // 0 … 1
    Alignment TakeResult();                      // once Step returned true

private:
    struct Seed { uint32_t i, j; };
    struct Hit { uint32_t group, at; };                      // a small-side n-gram found at `at` on the large side
    struct Match { uint32_t i0, j0, len; };                   // exact: keys A[i0 + k] == B[j0 + k]
    struct Chain { uint32_t i0, i1, j0, j1, matched; };       // token ranges [i0, i1) × [j0, j1)
    struct Entry { uint32_t key; double x; };                 // one key of a sentence vector
    struct Vec { std::vector<Entry> entries; double norm = 0, sum = 0; int content = 0; };
    struct Candidate { uint32_t a0, a1, b0, b1; double sim; int64_t weight; };   // sentence ranges, half-open

    enum class Phase { Index, Scan, Matches, Chains, Vectors, Candidates, Choose, Kinds, Done };

    uint32_t Key(int side, uint32_t token) const;
    void Peak(size_t items);
    void IndexSmallSide();
    bool ScanLargeSide(core::Deadline deadline);
    void FindSeeds();
    void FindMatches();
    void Extend(Chain& c, int dir);
    void FindChains();
    bool BuildVectors(core::Deadline deadline);
    static void Finalise(Vec& v);
    double Weight(uint32_t key) const;
    double Similarity(const Vec& x, const Vec& y) const;
    Vec Merged(int side, uint32_t s0, uint32_t s1) const;
    void AddCandidate(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, double sim);
    void CandidatesOf(uint32_t a);
    void ChooseSentencePairs();
    void MergeOverlapping();
    uint32_t Lcs(uint32_t i0, uint32_t i1, uint32_t j0, uint32_t j1);
    void Finish(size_t index);

    const AlignSide* Side[2];
    AlignSettings S;
    std::span<const double> KeyWeight;
    Phase At = Phase::Index;
    std::vector<uint32_t> FirstToken[2];                   // per sentence (and one past the last): its first token
    int SmallSide = 0;                                     // the side with fewer tokens (A on a tie): indexed
    std::vector<uint64_t> GroupHash;                       // its distinct n-gram hashes, ascending
    std::vector<uint32_t> GroupStart, GroupPos;            // each hash's positions: GroupPos[GroupStart[g] …]
    std::vector<uint32_t> GroupHits;                       // per hash: occurrences on the large side
    std::vector<Hit> Hits;                                 // per hash group up to the cap, in scan order
    size_t NextScan = 0;                                   // the next large-side n-gram to look up
    std::vector<Seed> Seeds;                               // step 1, freed once used
    std::vector<Match> Matches;
    std::vector<Chain> Chains;                             // the passages taken in step 1
    std::vector<uint8_t> Covered[2];                       // per sentence: none, some or most tokens in a passage
    std::vector<uint32_t> Df[2];                           // per key: sentences of the side holding it
    std::vector<double> DefaultIdf;                        // per key, when the caller's table does not cover it
    std::vector<Vec> Vectors[2];                           // per sentence
    std::vector<std::vector<uint32_t>> SentenceKeys[2];    // per sentence: its content keys, sorted (until its Vec)
    uint32_t Keys = 0;                                     // one past the largest key
    int VecStage = 0, VecSide = 0;                         // BuildVectors' cursor: stage, side …
    size_t VecNext = 0;                                    // … and the next sentence
    std::vector<uint32_t> PostingStart, Postings;          // B's inverted index: key → B sentences, ascending
    std::vector<uint8_t> Acc;                              // per B sentence: touched by the current A sentence
    std::vector<uint32_t> Touched;
    std::vector<Candidate> Candidates;
    uint32_t NextA = 0;                                    // Candidates: the next A sentence
    size_t NextPair = 0;                                   // Kinds: the next pair
    Alignment Result;
};

// The whole alignment at once (tests, the CLI).
Alignment Align(const AlignSide& a, const AlignSide& b, AlignSettings settings = {},
                std::span<const double> key_weight = {});

// `r` with its sides swapped (pairs re-sorted by the new A side), to compare Align(B, A) with Align(A, B).
Alignment Mirrored(const Alignment& r);

}  // namespace analysis::compare
