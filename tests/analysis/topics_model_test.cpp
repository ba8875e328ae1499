// The topic model (analysis/topics): PCG32 against its reference outputs, our own log/exp/lgamma/digamma
// against the C library, and TopicModel on synthetic corpora drawn from an LDA with known topics — counts,
// reproducibility (a recorded hash, so the wasm run under node proves native == wasm), slicing, saving,
// hyperparameter optimisation, recovery of the true topics, the sparse sampler against the dense one, and the
// messages for bad settings.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "analysis/topics/math.h"
#include "analysis/topics/model.h"
#include "analysis/topics/rng.h"

namespace {

using analysis::topics::Rng;
using analysis::topics::SamplerKind;
using analysis::topics::TopicCorpus;
using analysis::topics::TopicModel;
using analysis::topics::TrainSettings;

// A corpus drawn from LDA: `topics` true topics, each spread over its own block of `words_per_topic` words
// (probabilities falling off geometrically) plus a little mass on every word; each document's mix puts most of
// its weight on one or two topics (`skew` > 1 makes topic 0 far more common than the others). Returned with
// the true topic-word distributions (topics × vocab, row-major).
struct Synthetic {
    TopicCorpus corpus;
    std::vector<double> phi;
    int topics = 0;
};

Synthetic MakeCorpus(int topics, int words_per_topic, int docs, int doc_length, uint64_t seed, double skew = 1.0,
                     int chunk_length = 0) {
    Synthetic s;
    s.topics = topics;
    Rng rng(seed, 7);
    const int vocab = topics * words_per_topic;
    for (int w = 0; w < vocab; ++w) s.corpus.vocab.push_back("w" + std::to_string(w));
    s.corpus.vocab_df.assign(vocab, 1);
    s.phi.assign(static_cast<size_t>(topics) * vocab, 0);
    for (int t = 0; t < topics; ++t) {
        double sum = 0;
        for (int w = 0; w < vocab; ++w) {
            double p = 0.002;
            if (w / words_per_topic == t) p += std::pow(0.85, w % words_per_topic);
            s.phi[t * vocab + w] = p;
            sum += p;
        }
        for (int w = 0; w < vocab; ++w) s.phi[t * vocab + w] /= sum;
    }
    auto draw = [&](const double* p, int n) {
        double u = rng.NextUnit(), acc = 0;
        for (int i = 0; i < n; ++i) { acc += p[i]; if (u < acc) return i; }
        return n - 1;
    };
    std::vector<double> prevalence(topics, 1.0);
    prevalence[0] = skew;
    double total_prevalence = 0;
    for (double p : prevalence) total_prevalence += p;
    for (double& p : prevalence) p /= total_prevalence;
    for (int d = 0; d < docs; ++d) {
        std::vector<double> theta(topics, 0.02);
        int main_topic = draw(prevalence.data(), topics);
        theta[main_topic] += 0.7;
        theta[rng.NextBelow(topics)] += 0.3;
        double sum = 0;
        for (double x : theta) sum += x;
        for (double& x : theta) x /= sum;
        s.corpus.doc_ids.push_back(d + 1);
        for (int i = 0; i < doc_length; ++i) {
            if (i == 0 || (chunk_length > 0 && i % chunk_length == 0)) {
                s.corpus.chunk_start.push_back(static_cast<uint32_t>(s.corpus.tokens.size()));
                s.corpus.chunk_doc.push_back(d);
            }
            int t = draw(theta.data(), topics);
            s.corpus.tokens.push_back(static_cast<uint32_t>(draw(&s.phi[t * vocab], vocab)));
            s.corpus.token_position.push_back(i);
        }
    }
    s.corpus.chunk_start.push_back(static_cast<uint32_t>(s.corpus.tokens.size()));
    return s;
}

TrainSettings Settings(int topics, int sweeps, SamplerKind sampler = SamplerKind::Sparse) {
    TrainSettings s;
    s.topics = topics;
    s.sweeps = sweeps;
    s.burn_in = 4;
    s.optimize_interval = 4;
    s.sampler = sampler;
    return s;
}

TopicModel MustStart(const TopicCorpus& corpus, const TrainSettings& settings) {
    auto model = TopicModel::Start(corpus, settings);
    REQUIRE_MESSAGE(model.ok(), model.status().ToString());
    return std::move(*model);
}

// The hash after training to the end with StepTokens(budget) slices.
uint64_t HashWithBudget(const TopicCorpus& corpus, const TrainSettings& settings, uint64_t budget) {
    TopicModel model = MustStart(corpus, settings);
    while (!model.StepTokens(budget)) {}
    return model.Hash();
}

// Mean over the true topics of the best cosine similarity with a learned topic's word distribution.
double MeanBestCosine(const Synthetic& truth, const TopicModel& model) {
    auto snap = model.Snapshot();
    const uint32_t vocab = snap.vocab_size;
    double total = 0;
    for (int t = 0; t < truth.topics; ++t) {
        double best = 0;
        for (int k = 0; k < snap.topics; ++k) {
            double dot = 0, a2 = 0, b2 = 0;
            for (uint32_t w = 0; w < vocab; ++w) {
                double a = truth.phi[t * vocab + w];
                double b = (snap.word_topic[static_cast<size_t>(w) * snap.topics + k] + snap.beta) /
                           (snap.topic_total[k] + snap.beta * vocab);
                dot += a * b;
                a2 += a * a;
                b2 += b * b;
            }
            best = std::max(best, dot / std::sqrt(a2 * b2));
        }
        total += best;
    }
    return total / truth.topics;
}

}  // namespace

TEST_SUITE("analysis") {

TEST_CASE("topics rng: PCG32 gives the reference outputs, NextBelow stays in range and is even") {
    // pcg32_srandom(42, 54) in O'Neill's reference implementation.
    Rng rng(42, 54);
    const uint32_t expected[] = {0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e};
    for (uint32_t e : expected) CHECK(rng.NextU32() == e);
    Rng r(7);
    std::vector<int> counts(7, 0);
    for (int i = 0; i < 70000; ++i) {
        uint32_t x = r.NextBelow(7);
        REQUIRE(x < 7);
        ++counts[x];
    }
    for (int c : counts) CHECK(std::abs(c - 10000) < 400);
    for (int i = 0; i < 1000; ++i) {
        double u = r.NextUnit();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
    }
    CHECK(r.NextBelow(1) == 0);
}

TEST_CASE("topics math: Log, Exp, LogGamma and Digamma agree with the C library and handle special values") {
    using namespace analysis::topics;
    double worst_log = 0, worst_exp = 0, worst_lgamma = 0, worst_digamma = 0;
    auto rel = [](double ours, double ref) { return std::fabs(ours - ref) / std::max(1.0, std::fabs(ref)); };
    for (double x = 1e-300; x < 1e300; x *= 1.37) worst_log = std::max(worst_log, std::fabs(Log(x) - std::log(x)) / std::fabs(std::log(x) == 0 ? 1 : std::log(x)));
    for (double x = 0.5; x < 2.0; x += 0.001) worst_log = std::max(worst_log, rel(Log(x), std::log(x)));
    CHECK(Log(1.0) == 0.0);
    CHECK(Log(4.9e-324) == doctest::Approx(std::log(4.9e-324)).epsilon(1e-15));
    for (double x = -745; x < 709; x += 0.731) {
        double ref = std::exp(x);
        if (ref > 1e-300) worst_exp = std::max(worst_exp, std::fabs(Exp(x) - ref) / ref);
    }
    for (double x = 1e-8; x < 1e6; x *= 1.013) {
        worst_lgamma = std::max(worst_lgamma, rel(LogGamma(x), std::lgamma(x)));
    }
    // ψ against the difference quotient of lgamma is too coarse; use ψ(x+1) − ψ(x) = 1/x and known values.
    const double euler = 0.57721566490153286061;
    worst_digamma = std::max(worst_digamma, rel(Digamma(1.0), -euler));
    worst_digamma = std::max(worst_digamma, rel(Digamma(0.5), -euler - 2 * std::log(2.0)));
    worst_digamma = std::max(worst_digamma, rel(Digamma(2.0), 1 - euler));
    for (double x = 1e-3; x < 1e5; x *= 1.07) worst_digamma = std::max(worst_digamma, rel(Digamma(x + 1) - Digamma(x), 1 / x) * std::min(1.0, x));
    MESSAGE("worst error (relative, or absolute below 1): log " << worst_log << ", exp " << worst_exp << ", lgamma "
            << worst_lgamma << ", digamma " << worst_digamma);
    CHECK(worst_log < 1e-15);
    CHECK(worst_exp < 1e-15);
    CHECK(worst_lgamma < 1e-14);
    CHECK(worst_digamma < 1e-14);
    CHECK(std::fabs(LogGamma(1.0)) < 1e-14);   // absolute near lgamma's zeros at 1 and 2
    CHECK(std::fabs(LogGamma(2.0)) < 1e-14);
    CHECK(LogGamma(0.5) == doctest::Approx(0.5 * std::log(M_PI)).epsilon(1e-15));
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(std::isnan(Log(-1.0)));
    CHECK(Log(0.0) == -inf);
    CHECK(Log(inf) == inf);
    CHECK(std::isnan(Log(std::nan(""))));
    CHECK(Exp(0.0) == 1.0);
    CHECK(Exp(1000.0) == inf);
    CHECK(Exp(-1000.0) == 0.0);
    CHECK(std::isnan(LogGamma(0.0)));
    CHECK(std::isnan(Digamma(-1.0)));
    CHECK(LogGamma(inf) == inf);
}

TEST_CASE("topic model: counts stay consistent after every sweep, for both samplers, with optimisation") {
    Synthetic s = MakeCorpus(4, 12, 40, 60, 3, 1.0, 25);
    for (SamplerKind kind : {SamplerKind::Sparse, SamplerKind::Dense}) {
        TopicModel model = MustStart(s.corpus, Settings(6, 14, kind));
        CHECK(model.CountsConsistent());
        int sweep = 0;
        while (!model.StepTokens(s.corpus.tokens.size())) {
            CHECK(model.SweepsDone() == ++sweep);
            REQUIRE(model.CountsConsistent());
        }
        CHECK(model.SweepsDone() == 14);
        CHECK(model.CountsConsistent());
        // Mid-chunk too: 37 tokens in.
        model.AddSweeps(1);
        model.StepTokens(37);
        CHECK(model.CountsConsistent());
        CHECK(model.TokensSampled() == 14 * s.corpus.tokens.size() + 37);
    }
}

TEST_CASE("topic model: the same seed gives the same state, other seeds differ, and the hash is recorded") {
    Synthetic s = MakeCorpus(4, 12, 40, 60, 3, 1.0, 25);
    TrainSettings settings = Settings(6, 12);
    uint64_t a = HashWithBudget(s.corpus, settings, UINT64_MAX);
    uint64_t b = HashWithBudget(s.corpus, settings, UINT64_MAX);
    CHECK(a == b);
    settings.seed = 2;
    uint64_t c = HashWithBudget(s.corpus, settings, UINT64_MAX);
    CHECK(a != c);
    // Recorded from the native build; the wasm build (node) must print the same: bit-identical sampling,
    // optimisation and arithmetic on both.
    char hex[32];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(a));
    MESSAGE("hash after 12 sparse sweeps: " << hex);
    CHECK(std::string(hex) == "94de0c143a62a9fb");
    TrainSettings dense = Settings(6, 12, SamplerKind::Dense);
    uint64_t d = HashWithBudget(s.corpus, dense, UINT64_MAX);
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(d));
    MESSAGE("hash after 12 dense sweeps: " << hex);
    CHECK(std::string(hex) == "589d269a97f71b84");
}

TEST_CASE("topic model: where the slices end never changes the result") {
    Synthetic s = MakeCorpus(4, 12, 30, 50, 5, 1.0, 20);
    for (SamplerKind kind : {SamplerKind::Sparse, SamplerKind::Dense}) {
        TrainSettings settings = Settings(5, 10, kind);
        uint64_t whole = HashWithBudget(s.corpus, settings, UINT64_MAX);
        for (uint64_t budget : {uint64_t{1}, uint64_t{7}, uint64_t{1000}, uint64_t{s.corpus.tokens.size()}})
            CHECK_MESSAGE(HashWithBudget(s.corpus, settings, budget) == whole, "budget " << budget);
        TopicModel model = MustStart(s.corpus, settings);
        int steps = 0;
        while (!model.Step(core::Deadline::In(0.01))) ++steps;
        CHECK(model.Hash() == whole);
        CHECK(steps > 1);
    }
}

TEST_CASE("topic model: saved and restored mid-chunk, then continued, equals the uninterrupted run") {
    Synthetic s = MakeCorpus(4, 12, 30, 50, 5, 1.0, 20);
    for (SamplerKind kind : {SamplerKind::Sparse, SamplerKind::Dense}) {
        TrainSettings settings = Settings(5, 16, kind);
        settings.optimize_interval = 6;   // statistics gathered every 6 sweeps: saved between gathering and use
        uint64_t whole = HashWithBudget(s.corpus, settings, UINT64_MAX);
        TopicModel model = MustStart(s.corpus, settings);
        model.StepTokens(s.corpus.tokens.size() * 11 + 33);   // sweep 12, mid-chunk, after α statistics at 10
        std::string bytes = model.Serialize();
        auto restored = TopicModel::Restore(s.corpus, bytes);
        REQUIRE_MESSAGE(restored.ok(), restored.status().ToString());
        CHECK(restored->Hash() == model.Hash());
        CHECK(restored->CountsConsistent());
        CHECK(restored->Serialize() == bytes);
        while (!restored->StepTokens(UINT64_MAX)) {}
        CHECK(restored->Hash() == whole);
        CHECK(restored->SweepsDone() == 16);
    }
}

TEST_CASE("topic model: a damaged, newer or mismatched save is refused with a message") {
    Synthetic s = MakeCorpus(3, 10, 10, 30, 5);
    TopicModel model = MustStart(s.corpus, Settings(3, 2));
    model.StepTokens(UINT64_MAX);
    std::string bytes = model.Serialize();
    std::string newer = bytes;
    newer[4] = 2;
    auto r = TopicModel::Restore(s.corpus, newer);
    REQUIRE(!r.ok());
    CHECK(r.status().code() == core::StatusCode::Unsupported);
    CHECK(r.status().message().find("newer version") != std::string::npos);
    r = TopicModel::Restore(s.corpus, bytes.substr(0, bytes.size() - 3));
    REQUIRE(!r.ok());
    CHECK(r.status().code() == core::StatusCode::Corrupt);
    r = TopicModel::Restore(s.corpus, "hello");
    CHECK(r.status().code() == core::StatusCode::Corrupt);
    Synthetic other = MakeCorpus(3, 10, 10, 30, 6);
    r = TopicModel::Restore(other.corpus, bytes);
    REQUIRE(!r.ok());
    CHECK(r.status().code() == core::StatusCode::InvalidInput);
    CHECK(r.status().message().find("other words") != std::string::npos);
}

TEST_CASE("topic model: α is re-estimated on a skewed corpus and becomes asymmetric") {
    // Topic 0 is 8× as common as each other topic.
    Synthetic s = MakeCorpus(4, 12, 120, 40, 11, 8.0);
    TrainSettings settings = Settings(4, 60);
    settings.burn_in = 20;
    settings.optimize_interval = 10;
    TopicModel model = MustStart(s.corpus, settings);
    std::vector<double> before = model.Alpha();
    model.StepTokens(UINT64_MAX);
    const std::vector<double>& after = model.Alpha();
    double lo = *std::min_element(after.begin(), after.end()), hi = *std::max_element(after.begin(), after.end());
    double sum = 0;
    for (double a : after) sum += a;
    MESSAGE("α before " << before[0] << " each; after: min " << lo << ", max " << hi << ", sum " << sum
            << "; β " << model.Beta());
    CHECK(hi / lo > 2.0);          // asymmetric
    CHECK(sum != doctest::Approx(5.0));
    CHECK(model.Beta() != 0.01);
    CHECK(model.CountsConsistent());
    // Without optimisation nothing moves.
    settings.optimize = false;
    TopicModel fixed = MustStart(s.corpus, settings);
    fixed.StepTokens(UINT64_MAX);
    CHECK(fixed.Alpha() == before);
    CHECK(fixed.Beta() == 0.01);
}

TEST_CASE("topic model: recovers the topics of a corpus drawn from an LDA with known topics") {
    Synthetic s = MakeCorpus(5, 12, 100, 80, 21);
    TopicModel model = MustStart(s.corpus, Settings(5, 150));
    double initial = MeanBestCosine(s, model);
    model.StepTokens(UINT64_MAX);
    double learned = MeanBestCosine(s, model);
    MESSAGE("mean best-match cosine, true vs learned topic-word distributions: random start " << initial
            << ", after 150 sweeps " << learned << "; LL/token " << model.LogLikelihoodPerToken());
    CHECK(learned > 0.95);
    CHECK(initial < 0.6);
}

TEST_CASE("topic model: the sparse sampler's log-likelihood is no worse than the dense sampler's") {
    // The same chain in distribution, so the comparison is of means over seeds (one seed's LL varies by ±0.05).
    Synthetic s = MakeCorpus(6, 15, 60, 60, 31, 1.0, 30);
    const int seeds = 10;
    double sparse_sum = 0, dense_sum = 0;
    for (uint64_t seed = 1; seed <= seeds; ++seed) {
        TrainSettings settings = Settings(8, 40);
        settings.seed = seed;
        settings.burn_in = 10;
        settings.optimize_interval = 10;
        TopicModel sparse = MustStart(s.corpus, settings);
        settings.sampler = SamplerKind::Dense;
        TopicModel dense = MustStart(s.corpus, settings);
        CHECK(sparse.LogLikelihood() == doctest::Approx(dense.LogLikelihood()).epsilon(1e-12));   // same start
        sparse.StepTokens(UINT64_MAX);
        dense.StepTokens(UINT64_MAX);
        sparse_sum += sparse.LogLikelihoodPerToken();
        dense_sum += dense.LogLikelihoodPerToken();
    }
    MESSAGE("LL/token after 40 sweeps, mean of " << seeds << " seeds: sparse " << sparse_sum / seeds << ", dense "
            << dense_sum / seeds);
    CHECK(sparse_sum / seeds > dense_sum / seeds - 0.03);
}

TEST_CASE("topic model: bad settings and empty input are refused with a message for the user") {
    Synthetic s = MakeCorpus(3, 10, 5, 20, 5);
    auto message = [&](TrainSettings settings, const TopicCorpus& corpus) {
        auto r = TopicModel::Start(corpus, settings);
        REQUIRE(!r.ok());
        CHECK(r.status().code() == core::StatusCode::InvalidInput);
        return r.status().message();
    };
    CHECK(message(Settings(1, 10), s.corpus) == "The number of topics must be between 2 and 500 (it is 1).");
    CHECK(message(Settings(501, 10), s.corpus) == "The number of topics must be between 2 and 500 (it is 501).");
    CHECK(message(Settings(5, 0), s.corpus) == "The number of sweeps must be at least 1.");
    TrainSettings bad_alpha = Settings(5, 10);
    bad_alpha.alpha_sum = 0;
    CHECK(message(bad_alpha, s.corpus).find("α") != std::string::npos);
    TrainSettings bad_beta = Settings(5, 10);
    bad_beta.beta = -1;
    CHECK(message(bad_beta, s.corpus).find("β") != std::string::npos);
    TopicCorpus empty;
    empty.vocab = {"peace"};
    empty.chunk_start = {0};
    CHECK(message(Settings(5, 10), empty).rfind("No words are left to train on", 0) == 0);
    TopicCorpus broken = s.corpus;
    broken.tokens[0] = 99999;
    CHECK(message(Settings(5, 10), broken).find("inconsistent") != std::string::npos);
    // K at the top of the range trains (topic ids fit uint16).
    TopicModel big = MustStart(s.corpus, Settings(500, 2));
    big.StepTokens(UINT64_MAX);
    CHECK(big.CountsConsistent());
}

TEST_CASE("topic model: counts built and snapshots taken in slices are the same bits as in one go") {
    // 200 documents of 400 tokens (80,000: two pieces of the counts), 20 topics.
    Synthetic s = MakeCorpus(5, 40, 200, 400, 9, 1.0, 100);
    TrainSettings settings;
    settings.topics = 20;
    settings.sweeps = 3;
    settings.burn_in = 1;
    settings.optimize_interval = 1;
    auto whole = TopicModel::Start(s.corpus, settings);
    auto sliced = TopicModel::Start(s.corpus, settings);
    REQUIRE(whole.ok());
    REQUIRE(sliced.ok());
    const core::Deadline spent = core::Deadline::In(-1);   // one piece a call
    int prepare_steps = 1;
    for (; !sliced->Prepare(spent); ++prepare_steps) REQUIRE(prepare_steps < 1000);
    CHECK(prepare_steps >= 3);   // the draws, then two pieces of counts
    CHECK(sliced->Hash() == whole->Hash());
    whole->StepTokens(UINT64_MAX);
    while (!sliced->Step(core::Deadline::In(0.05))) {}
    CHECK(sliced->Hash() == whole->Hash());

    const analysis::topics::TopicSnapshot expected = whole->Snapshot();
    sliced->BeginSnapshot();
    int snapshot_steps = 1;
    for (; !sliced->SnapshotStep(spent); ++snapshot_steps) REQUIRE(snapshot_steps < 1000);
    CHECK(snapshot_steps >= 4);   // words, chunks (4 × 64), the likelihood's chunks and words
    const analysis::topics::TopicSnapshot got = sliced->TakeSnapshot();
    CHECK(got.word_topic == expected.word_topic);
    CHECK(got.chunk_topic == expected.chunk_topic);
    CHECK(got.chunk_length == expected.chunk_length);
    CHECK(got.topic_total == expected.topic_total);
    CHECK(got.alpha == expected.alpha);
    CHECK(got.log_likelihood_per_token == expected.log_likelihood_per_token);
    CHECK(got.log_likelihood_per_token == whole->LogLikelihoodPerToken());

    // A model restored from bytes builds its counts in slices too, to the same state.
    auto restored = TopicModel::Restore(s.corpus, whole->Serialize());
    REQUIRE(restored.ok());
    int restore_steps = 1;
    for (; !restored->Prepare(spent); ++restore_steps) REQUIRE(restore_steps < 1000);
    CHECK(restore_steps >= 2);
    CHECK(restored->Hash() == whole->Hash());
    CHECK(restored->CountsConsistent());
    whole->AddSweeps(2);
    restored->AddSweeps(2);
    whole->StepTokens(UINT64_MAX);
    restored->StepTokens(UINT64_MAX);
    CHECK(restored->Hash() == whole->Hash());
}

}  // TEST_SUITE
