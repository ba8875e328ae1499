// PAN's measures for text alignment (Potthast, Stein, Barrón-Cedeño, Rosso 2010, "An Evaluation Framework for
// Plagiarism Detection", COLING): how well a set of detections — pairs of passages a tool says match — covers a
// set of true cases of reuse, character by character. The benchmark and the synthetic-reuse tests score the
// aligner with it; it knows nothing of how detections were found.
//
//     std::vector<PassagePair> cases = {{0, {100, 400}, 1, {2000, 2300}}};       // truth
//     std::vector<PassagePair> found = {{0, {110, 400}, 1, {2000, 2290}}};       // the aligner's
//     PlagdetScores s = ScorePlagdet(cases, found);    // recall 580/600, precision 1: plagdet ≈ 0.983
//
// A case or detection pairs a passage of a source document with one of a suspicious document (here: the text
// reused from, and the text reusing it). Detection r *detects* case s when both passages overlap: same two
// documents, r's source passage overlaps s's, r's suspicious passage overlaps s's. With |x| the characters of
// both passages of x and s ⊓ r the characters they share if r detects s (else none):
//     recall      = 1/|S| Σ_s |s ⊓ ∪R| / |s|        (macro-averaged over cases)
//     precision   = 1/|R| Σ_r |r ⊓ ∪S| / |r|        (macro-averaged over detections)
//     granularity = 1/|S_R| Σ_{s ∈ S_R} |R_s|       (S_R: cases detected at all; R_s: the detections of s)
//     plagdet     = F1(precision, recall) / log2(1 + granularity)
// Conventions as in PAN's evaluation script: no cases and no detections → recall = precision = 1; only one of
// them empty → 0; granularity 1 when nothing is detected; plagdet 0 when precision and recall are both 0. The
// micro-averaged variants (characters pooled over all cases) are given too.
//
// Offsets are whatever unit the caller uses consistently (Corpus Lens: UTF-8 bytes, so "characters" are bytes;
// for mostly-ASCII English the two differ little). Ranges are half-open; empty ranges are allowed and count 0.
#pragma once
#include <cstdint>
#include <vector>

namespace analysis::compare {

struct OffsetRange {
    uint32_t begin = 0, end = 0;   // [begin, end), begin ≤ end
    uint32_t length() const { return end - begin; }
};

struct PassagePair {
    uint32_t source_doc = 0;
    OffsetRange source;            // in the source document
    uint32_t suspicious_doc = 0;
    OffsetRange suspicious;        // in the suspicious document
};

struct PlagdetScores {
    double precision = 0, recall = 0, granularity = 1, f1 = 0, plagdet = 0;   // macro-averaged (PAN's plagdet)
    double micro_precision = 0, micro_recall = 0, micro_plagdet = 0;          // characters pooled
    uint32_t cases = 0, detections = 0;
    uint32_t cases_detected = 0;    // |S_R|
    uint32_t false_detections = 0;  // detections that detect no case
};

// True when `detection` detects `truth` (the same two documents, both passages overlapping).
bool Detects(const PassagePair& detection, const PassagePair& truth);

// The measures of `detections` against `cases` (either may be empty; order does not matter).
PlagdetScores ScorePlagdet(const std::vector<PassagePair>& cases, const std::vector<PassagePair>& detections);

}  // namespace analysis::compare
