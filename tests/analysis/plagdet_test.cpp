// PAN's plagdet measures (analysis/compare/plagdet.h) on cases small enough to compute by hand: perfect,
// half-covered, split, false and oversized detections, none at all, other documents, macro against micro.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "analysis/compare/plagdet.h"

namespace {

using analysis::compare::PassagePair;
using analysis::compare::PlagdetScores;
using analysis::compare::ScorePlagdet;

// A pair between document 0 (source) and document 1 (suspicious).
PassagePair Pair(uint32_t source_begin, uint32_t source_end, uint32_t suspicious_begin, uint32_t suspicious_end) {
    return {0, {source_begin, source_end}, 1, {suspicious_begin, suspicious_end}};
}

}  // namespace

TEST_SUITE("analysis") {

TEST_CASE("plagdet is 1 for a detection equal to the case") {
    PlagdetScores s = ScorePlagdet({Pair(0, 100, 0, 100)}, {Pair(0, 100, 0, 100)});
    CHECK(s.precision == 1.0);
    CHECK(s.recall == 1.0);
    CHECK(s.granularity == 1.0);
    CHECK(s.plagdet == 1.0);
    CHECK(s.micro_plagdet == 1.0);
    CHECK(s.cases_detected == 1);
    CHECK(s.false_detections == 0);
}

TEST_CASE("plagdet of a detection covering half of the case on both sides") {
    // recall (50 + 50) / 200 = 0.5, precision 1, F1 = 2·0.5/1.5 = 2/3, granularity 1.
    PlagdetScores s = ScorePlagdet({Pair(0, 100, 0, 100)}, {Pair(0, 50, 0, 50)});
    CHECK(s.recall == doctest::Approx(0.5));
    CHECK(s.precision == doctest::Approx(1.0));
    CHECK(s.granularity == 1.0);
    CHECK(s.plagdet == doctest::Approx(2.0 / 3.0));
    // Covering the source fully but half the suspicious passage: (100 + 50) / 200.
    CHECK(ScorePlagdet({Pair(0, 100, 0, 100)}, {Pair(0, 100, 50, 100)}).recall == doctest::Approx(0.75));
}

TEST_CASE("plagdet divides by log2(1 + granularity) when two detections split one case") {
    PlagdetScores s = ScorePlagdet({Pair(0, 100, 0, 100)}, {Pair(0, 50, 0, 50), Pair(50, 100, 50, 100)});
    CHECK(s.recall == doctest::Approx(1.0));
    CHECK(s.precision == doctest::Approx(1.0));
    CHECK(s.granularity == doctest::Approx(2.0));
    CHECK(s.plagdet == doctest::Approx(1.0 / std::log2(3.0)));   // 0.6309
    CHECK(s.plagdet == doctest::Approx(0.6309).epsilon(0.001));
}

TEST_CASE("plagdet counts a false detection against precision only") {
    // Precision (1 + 0) / 2, recall 1, F1 2/3; the false one detects no case, so granularity stays 1.
    PlagdetScores s = ScorePlagdet({Pair(0, 100, 0, 100)}, {Pair(0, 100, 0, 100), Pair(500, 600, 500, 600)});
    CHECK(s.precision == doctest::Approx(0.5));
    CHECK(s.recall == doctest::Approx(1.0));
    CHECK(s.granularity == 1.0);
    CHECK(s.plagdet == doctest::Approx(2.0 / 3.0));
    CHECK(s.false_detections == 1);
    // Micro: 200 true characters of 400 detected (each detection covers 100 + 100).
    CHECK(s.micro_precision == doctest::Approx(200.0 / 400.0));
    // Overlapping the case's source passage alone does not detect it: the suspicious passages must overlap too.
    PlagdetScores one_side = ScorePlagdet({Pair(0, 100, 0, 100)}, {Pair(0, 100, 300, 400)});
    CHECK(one_side.recall == 0.0);
    CHECK(one_side.precision == 0.0);
    CHECK(one_side.plagdet == 0.0);
    CHECK(one_side.false_detections == 1);
}

TEST_CASE("plagdet is 0 with no detections, 1 with nothing to find and nothing found") {
    PlagdetScores none = ScorePlagdet({Pair(0, 100, 0, 100)}, {});
    CHECK(none.recall == 0.0);
    CHECK(none.precision == 0.0);
    CHECK(none.granularity == 1.0);
    CHECK(none.plagdet == 0.0);
    PlagdetScores empty = ScorePlagdet({}, {});
    CHECK(empty.plagdet == 1.0);
    CHECK(ScorePlagdet({}, {Pair(0, 10, 0, 10)}).plagdet == 0.0);
}

TEST_CASE("plagdet: an oversized detection costs precision, a missed case costs recall") {
    // Source 50–250 for a case at 100–200: precision (100 + 100) / (200 + 100) = 2/3, recall 1, F1 0.8.
    PlagdetScores big = ScorePlagdet({Pair(100, 200, 100, 200)}, {Pair(50, 250, 100, 200)});
    CHECK(big.recall == doctest::Approx(1.0));
    CHECK(big.precision == doctest::Approx(2.0 / 3.0));
    CHECK(big.plagdet == doctest::Approx(0.8));
    // Two cases, the small one found exactly: macro recall 1/2; micro recall 200 of 1,800 characters.
    PlagdetScores half = ScorePlagdet({Pair(0, 100, 0, 100), Pair(200, 1000, 200, 1000)}, {Pair(0, 100, 0, 100)});
    CHECK(half.recall == doctest::Approx(0.5));
    CHECK(half.micro_recall == doctest::Approx(200.0 / 1800.0));
    CHECK(half.precision == doctest::Approx(1.0));
    CHECK(half.cases_detected == 1);
}

TEST_CASE("plagdet matches cases and detections by their documents") {
    PassagePair truth{3, {0, 100}, 7, {0, 100}};
    PassagePair other_suspicious{3, {0, 100}, 8, {0, 100}};
    PassagePair swapped{7, {0, 100}, 3, {0, 100}};
    CHECK(ScorePlagdet({truth}, {other_suspicious}).recall == 0.0);
    CHECK(ScorePlagdet({truth}, {swapped}).recall == 0.0);
    CHECK(ScorePlagdet({truth}, {truth}).plagdet == 1.0);
    // Two detections of the same characters count those characters once.
    CHECK(ScorePlagdet({truth}, {truth, truth}).recall == doctest::Approx(1.0));
    CHECK(ScorePlagdet({truth}, {truth, truth}).granularity == doctest::Approx(2.0));
}

}  // TEST_SUITE
