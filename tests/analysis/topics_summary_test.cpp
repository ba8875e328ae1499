// The Topics view's statistics on snapshots written by hand (no sampler): top words by probability, lift and
// relevance, shares, θ rolled up from chunks, Jensen–Shannon distances (against a dense computation), MDS
// recovering a known configuration, correlations, UMass and NPMI coherence, prevalence with empty groups.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "analysis/topics/summary.h"

namespace {

using namespace analysis::topics;

// K topics over V words, counts given word by word (V rows of K); topic totals summed from them.
TopicSnapshot Snap(int k, std::vector<std::vector<uint32_t>> rows, double beta) {
    TopicSnapshot s;
    s.topics = k;
    s.vocab_size = static_cast<uint32_t>(rows.size());
    s.beta = beta;
    s.alpha.assign(static_cast<size_t>(k), 0.1);
    s.topic_total.assign(static_cast<size_t>(k), 0);
    for (const auto& row : rows)
        for (int t = 0; t < k; ++t) {
            s.word_topic.push_back(row[static_cast<size_t>(t)]);
            s.topic_total[static_cast<size_t>(t)] += row[static_cast<size_t>(t)];
        }
    return s;
}

// One chunk per entry of `chunks` (word ids), each its own document unless `chunk_doc` says otherwise.
TopicCorpus Corpus(uint32_t vocab, const std::vector<std::vector<uint32_t>>& chunks, std::vector<uint32_t> chunk_doc = {}) {
    TopicCorpus c;
    for (uint32_t w = 0; w < vocab; ++w) c.vocab.push_back("w" + std::to_string(w));
    c.chunk_start = {0};
    for (const auto& chunk : chunks) {
        c.tokens.insert(c.tokens.end(), chunk.begin(), chunk.end());
        c.chunk_start.push_back(static_cast<uint32_t>(c.tokens.size()));
    }
    if (chunk_doc.empty())
        for (uint32_t i = 0; i < chunks.size(); ++i) chunk_doc.push_back(i);
    c.chunk_doc = chunk_doc;
    for (uint32_t d = 0; d <= chunk_doc.back(); ++d) c.doc_ids.push_back(100 + d);
    c.token_position.assign(c.tokens.size(), 0);
    return c;
}

std::vector<uint32_t> WordIds(const std::vector<TopicWord>& words) {
    std::vector<uint32_t> ids;
    for (const TopicWord& w : words) ids.push_back(w.word);
    return ids;
}

// FNV-1a 64 over the bits of doubles: equal natively and in wasm only if every value is.
struct BitsHash {
    uint64_t h = 14695981039346656037ull;
    void Add(double x) {
        uint64_t bits;
        std::memcpy(&bits, &x, sizeof bits);
        for (int i = 0; i < 8; ++i) h = (h ^ ((bits >> (8 * i)) & 0xFF)) * 1099511628211ull;
    }
    void Add(const std::vector<double>& xs) { for (double x : xs) Add(x); }
};

double Distance(std::pair<double, double> a, std::pair<double, double> b) {
    return std::hypot(a.first - b.first, a.second - b.second);
}

}  // namespace

TEST_SUITE("analysis") {

TEST_CASE("top words: λ = 1 orders by probability, λ = 0 by lift, relevance mixes their logs") {
    // Tokens: w0 ×3, w1 ×4, w2 ×5, w3 ×2 (14).
    TopicSnapshot s = Snap(2, {{3, 0}, {3, 1}, {1, 4}, {0, 2}}, 0.5);
    TopicCorpus c = Corpus(4, {{0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3}});
    std::vector<double> p = WordProbabilities(c);
    CHECK(p == std::vector<double>{3 / 14.0, 4 / 14.0, 5 / 14.0, 2 / 14.0});

    // Topic 0: p(w|t) = (n + 0.5) / (7 + 4·0.5); w0 and w1 tie (lower id first); w3 never assigned: left out.
    auto top0 = TopWords(s, p, 0, 10, 1.0);
    CHECK(WordIds(top0) == std::vector<uint32_t>{0, 1, 2});
    CHECK(top0[0].probability == doctest::Approx(3.5 / 9).epsilon(1e-15));
    CHECK(top0[0].count == 3);
    CHECK(top0[2].lift == doctest::Approx((1.5 / 9) / (5 / 14.0)).epsilon(1e-14));

    // Topic 1: by probability w2 (4.5/9), w3 (2.5/9), w1 (1.5/9); by lift w3 (1.94), w2 (1.4), w1 (0.58).
    CHECK(WordIds(TopWords(s, p, 1, 10, 1.0)) == std::vector<uint32_t>{2, 3, 1});
    CHECK(WordIds(TopWords(s, p, 1, 10, 0.0)) == std::vector<uint32_t>{3, 2, 1});
    CHECK(WordIds(TopWords(s, p, 1, 2, 1.0)) == std::vector<uint32_t>{2, 3});
    // λ = 0.6: w2 −0.281 beats w3 −0.503; λ = 0.2: w3 0.276 beats w2 0.130.
    auto mixed = TopWords(s, p, 1, 2, 0.6);
    CHECK(WordIds(mixed) == std::vector<uint32_t>{2, 3});
    CHECK(mixed[1].relevance == doctest::Approx(0.6 * std::log(2.5 / 9) + 0.4 * std::log((2.5 / 9) / (2 / 14.0))).epsilon(1e-14));
    CHECK(WordIds(TopWords(s, p, 1, 2, 0.2)) == std::vector<uint32_t>{3, 2});

    CHECK(TopicShares(s) == std::vector<double>{0.5, 0.5});
    CHECK(TopicShares(Snap(2, {{1, 3}}, 0.1)) == std::vector<double>{0.25, 0.75});
}

TEST_CASE("document mixes roll up from chunks, and prevalence per group is token-weighted with NaN for empty groups") {
    // Document 0 is chunks 0 (4 tokens) and 1 (6 tokens); document 1 is chunk 2 (4 tokens).
    TopicCorpus c = Corpus(1, {{0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0}}, {0, 0, 1});
    TopicSnapshot s = Snap(2, {{7, 7}}, 0.01);
    s.alpha = {0.5, 1.5};
    s.chunk_topic = {3, 1, 2, 4, 0, 4};
    s.chunk_length = {4, 6, 4};
    std::vector<double> theta = DocumentTopics(s, c);
    REQUIRE(theta.size() == 4);
    CHECK(theta[0] == doctest::Approx(5.5 / 12).epsilon(1e-15));
    CHECK(theta[1] == doctest::Approx(6.5 / 12).epsilon(1e-15));
    CHECK(theta[2] == doctest::Approx(0.5 / 6).epsilon(1e-15));
    CHECK(theta[3] == doctest::Approx(5.5 / 6).epsilon(1e-15));

    std::vector<double> g = PrevalenceByGroup(theta, c, {2, 0}, 3, 2);
    REQUIRE(g.size() == 6);
    CHECK(g[0] == theta[2]);
    CHECK(std::isnan(g[2]));
    CHECK(std::isnan(g[3]));
    CHECK(g[4] == theta[0]);
    std::vector<double> both = PrevalenceByGroup(theta, c, {0, 0}, 1, 2);
    CHECK(both[0] == doctest::Approx((10 * 5.5 / 12 + 4 * 0.5 / 6) / 14).epsilon(1e-15));
    CHECK(both[0] + both[1] == doctest::Approx(1.0));
    std::vector<double> none = PrevalenceByGroup(theta, c, {-1, -1}, 1, 2);
    CHECK(std::isnan(none[0]));
}

TEST_CASE("Jensen-Shannon distances: 1 for disjoint topics, 0.5 for half-overlapping, equal to a dense computation") {
    TopicSnapshot s = Snap(3, {{1, 0, 0}, {1, 0, 1}, {0, 1, 1}, {0, 1, 0}}, 0.0);
    std::vector<double> d = TopicDistances(s);
    REQUIRE(d.size() == 9);
    CHECK(d[0 * 3 + 0] == 0);
    CHECK(d[0 * 3 + 1] == doctest::Approx(1.0).epsilon(1e-15));
    CHECK(d[0 * 3 + 2] == doctest::Approx(0.5).epsilon(1e-15));
    CHECK(d[1 * 3 + 2] == doctest::Approx(0.5).epsilon(1e-15));
    CHECK(d[2 * 3 + 0] == d[0 * 3 + 2]);

    // With β every word has some probability in every topic; the sparse sum must equal the dense one.
    const int k = 5;
    const uint32_t v = 40;
    std::vector<std::vector<uint32_t>> rows(v, std::vector<uint32_t>(k, 0));
    uint32_t h = 12345;
    for (auto& row : rows)
        for (auto& n : row) {
            h = h * 1103515245u + 12345u;
            n = (h >> 16) % 7 < 4 ? 0 : (h >> 20) % 9;
        }
    TopicSnapshot r = Snap(k, rows, 0.05);
    std::vector<double> sparse = TopicDistances(r);
    // In slices (a spent deadline: one block or one pair per Step) the result is the same to the bit.
    TopicDistanceJob job(r);
    int steps = 0;
    double progress = 0;
    while (!job.Step(core::Deadline::In(0))) {
        CHECK(job.Progress() > progress);
        progress = job.Progress();
        ++steps;
    }
    CHECK(job.Progress() == 1);
    CHECK(steps == k * (k - 1) / 2);   // the words in one block, then a step per pair but the last
    CHECK(job.TakeDistances() == sparse);
    for (int a = 0; a < k; ++a)
        for (int b = 0; b < k; ++b) {
            double dense = 0;
            for (uint32_t w = 0; w < v; ++w) {
                double p = (rows[w][a] + 0.05) / (r.topic_total[a] + v * 0.05);
                double q = (rows[w][b] + 0.05) / (r.topic_total[b] + v * 0.05);
                double m = (p + q) / 2;
                dense += 0.5 * p * std::log2(p / m) + 0.5 * q * std::log2(q / m);
            }
            CAPTURE(a);
            CAPTURE(b);
            CHECK(sparse[static_cast<size_t>(a * k + b)] == doctest::Approx(dense).epsilon(1e-12));
        }
}

TEST_CASE("classical MDS recovers a known 2-D configuration's distances, deterministically and with fixed signs") {
    const std::vector<std::pair<double, double>> known = {{0, 0}, {3, 0}, {3, 1}, {0, 2}, {1.5, 4}, {-1, 1}};
    const int n = static_cast<int>(known.size());
    std::vector<double> d;
    for (const auto& a : known)
        for (const auto& b : known) d.push_back(Distance(a, b));
    auto points = ClassicalMds(d, n);
    REQUIRE(points.size() == known.size());
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            CHECK(Distance(points[static_cast<size_t>(i)], points[static_cast<size_t>(j)]) ==
                  doctest::Approx(d[static_cast<size_t>(i * n + j)]).epsilon(1e-8));
    // Centred, and each axis's largest coordinate positive.
    double mx = 0, my = 0;
    size_t ix = 0, iy = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        mx += points[i].first;
        my += points[i].second;
        if (std::fabs(points[i].first) > std::fabs(points[ix].first)) ix = i;
        if (std::fabs(points[i].second) > std::fabs(points[iy].second)) iy = i;
    }
    CHECK(std::fabs(mx) < 1e-9);
    CHECK(std::fabs(my) < 1e-9);
    CHECK(points[ix].first > 0);
    CHECK(points[iy].second > 0);
    CHECK(ClassicalMds(d, n) == points);

    // Not Euclidean (0 and 1 are 3 apart, yet 1 from everyone else): B's eigenvalues are 4.5, 1.28, …, −2.27,
    // so plain power iteration would take the negative one for the second axis; the map must not.
    std::vector<double> bent(36, 1.0);
    for (size_t i = 0; i < 6; ++i) bent[i * 6 + i] = 0;
    bent[0 * 6 + 1] = bent[1 * 6 + 0] = 3;
    bent[2 * 6 + 3] = bent[3 * 6 + 2] = 0.4;
    bent[4 * 6 + 5] = bent[5 * 6 + 4] = 1.6;
    const std::vector<std::pair<double, double>> expected = {{1.5, 0}, {-1.5, 0}, {0, 0}, {0, 0}, {0, 0.8}, {0, -0.8}};
    auto bent_points = ClassicalMds(bent, 6);
    for (size_t i = 0; i < 6; ++i) {
        CAPTURE(i);
        CHECK(bent_points[i].first == doctest::Approx(expected[i].first).epsilon(1e-8).scale(1));
        CHECK(bent_points[i].second == doctest::Approx(expected[i].second).epsilon(1e-8).scale(1));
    }

    // Two points: on the x axis, the first positive; one point: the origin.
    auto two = ClassicalMds({0, 2, 2, 0}, 2);
    CHECK(two[0].first == doctest::Approx(1.0));
    CHECK(two[1].first == doctest::Approx(-1.0));
    CHECK(std::fabs(two[0].second) < 1e-9);
    CHECK(ClassicalMds({0}, 1) == std::vector<std::pair<double, double>>{{0, 0}});
}

TEST_CASE("topic correlations are Pearson's r across documents, 0 for a constant topic") {
    // Columns: [1 2 3], [2 4 6], [3 2 1], [5 5 5].
    std::vector<double> theta = {1, 2, 3, 5, 2, 4, 2, 5, 3, 6, 1, 5};
    std::vector<double> r = TopicCorrelations(theta, 4);
    REQUIRE(r.size() == 16);
    CHECK(r[0 * 4 + 1] == doctest::Approx(1.0));
    CHECK(r[0 * 4 + 2] == doctest::Approx(-1.0));
    CHECK(r[2 * 4 + 1] == doctest::Approx(-1.0));
    CHECK(r[0 * 4 + 3] == 0);
    CHECK(r[3 * 4 + 3] == 1);
    // [1 2 3] against [1 3 2]: r = 0.5.
    CHECK(TopicCorrelations({1, 1, 2, 3, 3, 2}, 2)[1] == doctest::Approx(0.5));
}

TEST_CASE("UMass and NPMI coherence on a tiny corpus match the hand-computed values") {
    // Chunks: {a b} {a b} {a c} {c c}: D(a) = 3, D(b) = 2, D(c) = 2, D(a,b) = 2, D(a,c) = 1, D(b,c) = 0, N = 4.
    TopicCorpus c = Corpus(3, {{0, 1}, {0, 1}, {0, 2}, {2, 2}});
    // Topic 0 ranks a, b (tie by id), c; topic 1 ranks c, a (b never assigned to it).
    TopicSnapshot s = Snap(2, {{2, 1}, {2, 0}, {1, 2}}, 0.01);
    Coherence h = TopicCoherence(s, c, 3);
    REQUIRE(h.umass.size() == 2);
    CHECK(h.umass[0] == doctest::Approx(std::log(3.0 / 3) + std::log(2.0 / 3) + std::log(1.0 / 2)).epsilon(1e-14));
    CHECK(h.umass[1] == doctest::Approx(std::log(2.0 / 2)));
    const double ab = std::log(0.5 / (0.75 * 0.5)) / -std::log(0.5);
    const double ac = std::log(0.25 / (0.75 * 0.5)) / -std::log(0.25);
    CHECK(h.npmi[0] == doctest::Approx((ab + ac - 1) / 3).epsilon(1e-14));
    CHECK(h.npmi[1] == doctest::Approx(ac).epsilon(1e-14));
    CHECK(h.mean_umass == doctest::Approx((h.umass[0] + h.umass[1]) / 2));
    CHECK(h.mean_npmi == doctest::Approx((h.npmi[0] + h.npmi[1]) / 2));

    // Two words in every chunk: NPMI 1; a topic of one word: 0.
    TopicCorpus all = Corpus(2, {{0, 1}, {1, 0}});
    Coherence one = TopicCoherence(Snap(2, {{2, 0}, {1, 1}}, 0.01), all, 5);
    CHECK(one.npmi[0] == 1);
    CHECK(one.umass[0] == doctest::Approx(std::log(3.0 / 2)));
    CHECK(one.npmi[1] == 0);
    CHECK(one.umass[1] == 0);
}

TEST_CASE("every statistic gives the same bits natively and in wasm (a recorded hash)") {
    // A pseudo-random snapshot of 6 topics over 50 words, 9 chunks in 4 documents.
    const int k = 6;
    const uint32_t v = 50;
    uint32_t h = 7;
    auto next = [&h](uint32_t range) { h = h * 1664525u + 1013904223u; return (h >> 16) % range; };
    std::vector<std::vector<uint32_t>> chunks(9);
    for (auto& chunk : chunks)
        for (uint32_t i = 0, n = 20 + next(30); i < n; ++i) chunk.push_back(next(v));
    TopicCorpus c = Corpus(v, chunks, {0, 0, 0, 1, 1, 2, 3, 3, 3});
    std::vector<std::vector<uint32_t>> rows(v, std::vector<uint32_t>(k, 0));
    TopicSnapshot s = Snap(k, rows, 0.02);
    s.chunk_topic.assign(chunks.size() * k, 0);
    for (size_t ch = 0; ch < chunks.size(); ++ch) {
        s.chunk_length.push_back(static_cast<uint32_t>(chunks[ch].size()));
        for (uint32_t w : chunks[ch]) {
            uint32_t t = (w % 3 == 0 ? w / 3 : next(k)) % k;
            ++s.word_topic[w * k + t];
            ++s.topic_total[t];
            ++s.chunk_topic[ch * k + t];
        }
    }
    s.alpha = {0.1, 0.2, 0.3, 0.15, 0.25, 0.05};
    BitsHash hash;
    std::vector<double> p = WordProbabilities(c);
    hash.Add(p);
    for (int t = 0; t < k; ++t)
        for (const TopicWord& w : TopWords(s, p, t, 8, 0.6)) {
            hash.Add(w.word);
            hash.Add(w.probability);
            hash.Add(w.lift);
            hash.Add(w.relevance);
        }
    hash.Add(TopicShares(s));
    std::vector<double> theta = DocumentTopics(s, c);
    hash.Add(theta);
    std::vector<double> d = TopicDistances(s);
    hash.Add(d);
    for (auto [x, y] : ClassicalMds(d, k)) {
        hash.Add(x);
        hash.Add(y);
    }
    hash.Add(TopicCorrelations(theta, k));
    Coherence coherence = TopicCoherence(s, c, 5);
    hash.Add(coherence.umass);
    hash.Add(coherence.npmi);
    hash.Add(PrevalenceByGroup(theta, c, {1, 0, 1, -1}, 2, k));
    CHECK(hash.h == 0x593fc7c0bd9d8bd4ull);
}

TEST_CASE("the map and coherence jobs give the same bits whatever their slices, one piece per spent deadline") {
    // 40 topics over 300 words in 60 chunks, counts from a fixed generator.
    const int k = 40;
    const uint32_t v = 300;
    uint32_t h = 11;
    auto next = [&h](uint32_t range) { h = h * 1664525u + 1013904223u; return (h >> 16) % range; };
    std::vector<std::vector<uint32_t>> chunks(60);
    for (auto& chunk : chunks)
        for (uint32_t i = 0, n = 50 + next(50); i < n; ++i) chunk.push_back(next(v));
    TopicCorpus c = Corpus(v, chunks);
    TopicSnapshot s = Snap(k, std::vector<std::vector<uint32_t>>(v, std::vector<uint32_t>(k, 0)), 0.01);
    s.chunk_topic.assign(chunks.size() * k, 0);
    for (size_t ch = 0; ch < chunks.size(); ++ch) {
        s.chunk_length.push_back(static_cast<uint32_t>(chunks[ch].size()));
        for (uint32_t w : chunks[ch]) {
            const uint32_t t = (w % 2 == 0 ? w / 7 : next(k)) % k;
            ++s.word_topic[w * k + t];
            ++s.topic_total[t];
            ++s.chunk_topic[ch * k + t];
        }
    }
    const std::vector<double> d = TopicDistances(s);
    const auto whole_map = ClassicalMds(d, k);
    const Coherence whole = TopicCoherence(s, c, 10);

    const core::Deadline spent = core::Deadline::In(-1);   // each Step does one piece
    ClassicalMdsJob mds(d, k);
    int mds_steps = 1;
    for (; !mds.Step(spent); ++mds_steps) REQUIRE(mds_steps < 100000);
    CHECK(mds_steps > 10);                                 // the centring, then a step per block iteration
    CHECK(mds.TakePoints() == whole_map);
    for (double budget_ms : {0.001, 0.05}) {
        ClassicalMdsJob sliced(d, k);
        while (!sliced.Step(core::Deadline::In(budget_ms))) {}
        CHECK(sliced.TakePoints() == whole_map);
    }

    TopicCoherenceJob coherence(s, c, 10);
    int coherence_steps = 1;
    for (; !coherence.Step(spent); ++coherence_steps) REQUIRE(coherence_steps < 100000);
    CHECK(coherence_steps >= 2 * k);                       // a topic's words, then a topic's pairs, a step each
    const Coherence sliced = coherence.TakeCoherence();
    CHECK(sliced.umass == whole.umass);
    CHECK(sliced.npmi == whole.npmi);
    CHECK(sliced.mean_umass == whole.mean_umass);
    CHECK(sliced.mean_npmi == whole.mean_npmi);
}

}  // TEST_SUITE
