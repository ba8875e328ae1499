// The Topics view's statistics from a snapshot of the sampler's counts (see summary.h for each formula). Only
// + − × ÷, √ and our own Log (topics/math.h) touch doubles, every sum runs in index order and every sort has a
// total order, so natively and in wasm the results agree to the bit.
#include "analysis/topics/summary.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <limits>

#include "analysis/topics/math.h"

namespace analysis::topics {

namespace {

// p(w|t) of a word with `count` tokens in a topic of `total` tokens; uniform for an empty topic without β.
double WordGivenTopic(const TopicSnapshot& s, uint32_t count, uint32_t total) {
    double denominator = total + s.vocab_size * s.beta;
    return denominator > 0 ? (count + s.beta) / denominator : 1.0 / std::max<uint32_t>(s.vocab_size, 1);
}

}  // namespace

std::vector<double> WordProbabilities(const TopicCorpus& corpus) {
    std::vector<double> p(corpus.VocabSize(), 0.0);
    if (corpus.tokens.empty()) return p;
    std::vector<uint32_t> count(corpus.VocabSize(), 0);
    for (uint32_t w : corpus.tokens) ++count[w];
    const double total = static_cast<double>(corpus.tokens.size());
    for (size_t w = 0; w < p.size(); ++w) p[w] = count[w] / total;
    return p;
}

std::vector<TopicWord> TopWords(const TopicSnapshot& s, const std::vector<double>& word_prob, int topic, int n,
                                double lambda) {
    assert(topic >= 0 && topic < s.topics && word_prob.size() >= s.vocab_size);
    const size_t k = static_cast<size_t>(s.topics), t = static_cast<size_t>(topic);
    // At λ = 1 the order is exactly by probability, and the logs are needed for the words kept only.
    const bool by_probability = lambda == 1;
    auto fill_relevance = [lambda](TopicWord& tw) {
        tw.relevance = lambda * Log(tw.probability) + (1 - lambda) * Log(tw.lift);
    };
    std::vector<TopicWord> words;
    for (uint32_t w = 0; w < s.vocab_size; ++w) {
        uint32_t count = s.word_topic[w * k + t];
        if (count == 0 || word_prob[w] <= 0) continue;
        TopicWord tw;
        tw.word = w;
        tw.count = count;
        tw.probability = WordGivenTopic(s, count, s.topic_total[t]);
        tw.lift = tw.probability / word_prob[w];
        if (!by_probability) fill_relevance(tw);
        words.push_back(tw);
    }
    auto better = [by_probability](const TopicWord& a, const TopicWord& b) {
        double ka = by_probability ? a.probability : a.relevance, kb = by_probability ? b.probability : b.relevance;
        return ka != kb ? ka > kb : a.word < b.word;
    };
    size_t keep = std::min(words.size(), static_cast<size_t>(std::max(n, 0)));
    std::partial_sort(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(keep), words.end(), better);
    words.resize(keep);
    if (by_probability)
        for (TopicWord& tw : words) fill_relevance(tw);
    return words;
}

std::vector<double> TopicShares(const TopicSnapshot& s) {
    const size_t k = static_cast<size_t>(s.topics);
    double total = 0;
    for (size_t t = 0; t < k; ++t) total += s.topic_total[t];
    std::vector<double> shares(k, k > 0 ? 1.0 / static_cast<double>(k) : 0.0);
    if (total > 0)
        for (size_t t = 0; t < k; ++t) shares[t] = s.topic_total[t] / total;
    return shares;
}

std::vector<double> DocumentTopics(const TopicSnapshot& s, const TopicCorpus& corpus) {
    const size_t k = static_cast<size_t>(s.topics), docs = corpus.Documents();
    assert(s.chunk_topic.size() == corpus.Chunks() * k);
    double alpha_sum = 0;
    for (size_t t = 0; t < k; ++t) alpha_sum += s.alpha[t];
    std::vector<double> theta(docs * k, 0.0);
    std::vector<uint64_t> counts(k);
    size_t c = 0;
    for (size_t d = 0; d < docs; ++d) {
        std::fill(counts.begin(), counts.end(), 0);
        uint64_t length = 0;
        for (; c < corpus.Chunks() && corpus.chunk_doc[c] == d; ++c) {
            for (size_t t = 0; t < k; ++t) counts[t] += s.chunk_topic[c * k + t];
            length += s.chunk_length[c];
        }
        const double denominator = static_cast<double>(length) + alpha_sum;
        for (size_t t = 0; t < k; ++t) theta[d * k + t] = (static_cast<double>(counts[t]) + s.alpha[t]) / denominator;
    }
    return theta;
}

std::vector<double> TopicDistances(const TopicSnapshot& s) {
    TopicDistanceJob job(s);
    while (!job.Step(core::Deadline::Never())) {}
    return job.TakeDistances();
}

TopicDistanceJob::TopicDistanceJob(const TopicSnapshot& s) : S(&s) {
    const size_t k = static_cast<size_t>(s.topics);
    Used.resize(k);
    ZeroP.resize(k);
    for (size_t t = 0; t < k; ++t) ZeroP[t] = WordGivenTopic(s, 0, s.topic_total[t]);
    Jsd.assign(k * k, 0.0);
}

double TopicDistanceJob::Progress() const {
    const double k = S->topics, v = S->vocab_size;
    if (k < 2) return 1;
    // Collecting counts as one row's worth of work; each row a has k − 1 − a pairs.
    const double pairs = k * (k - 1) / 2, row_pairs = NextRow * (k - 1) - NextRow * (NextRow - 1.0) / 2 +
                         (NextCol > NextRow ? NextCol - NextRow - 1.0 : 0);
    const double collected = v > 0 ? NextWord / v : 1;
    return (collected * (k - 1) + row_pairs) / ((k - 1) + pairs);
}

std::vector<double> TopicDistanceJob::TakeDistances() { return std::move(Jsd); }

bool TopicDistanceJob::Step(core::Deadline deadline) {
    const TopicSnapshot& s = *S;
    const size_t k = static_cast<size_t>(s.topics);
    // Each topic's used words, a block of word rows at a time.
    while (NextWord < s.vocab_size) {
        const uint32_t end = std::min<uint32_t>(s.vocab_size, NextWord + 512);
        for (uint32_t w = NextWord; w < end; ++w)
            for (size_t t = 0; t < k; ++t)
                if (uint32_t count = s.word_topic[w * k + t]) {
                    double p = WordGivenTopic(s, count, s.topic_total[t]);
                    Used[t].push_back({w, p, Log(p)});
                }
        NextWord = end;
        if (deadline.Expired()) return false;
    }
    const double log2 = Log(2.0);
    // p·log(p/m) + q·log(q/m), m = (p+q)/2, a zero probability contributing nothing.
    auto term = [](double p, double log_p, double q, double log_q) {
        double m = (p + q) / 2, log_m = Log(m), sum = 0;
        if (p > 0) sum += p * (log_p - log_m);
        if (q > 0) sum += q * (log_q - log_m);
        return sum;
    };
    // One pair at a time (a row of pairs at K = 100 took ~20 ms on a loaded machine), at least one per Step so a
    // spent deadline still makes progress.
    while (NextRow + 1 < k) {
        const size_t a = NextRow;
        if (NextCol <= a) NextCol = a + 1;
        const size_t b = NextCol;
        const double za = ZeroP[a], log_za = za > 0 ? Log(za) : 0;
        const double zb = ZeroP[b], log_zb = zb > 0 ? Log(zb) : 0;
        const auto &ua = Used[a], &ub = Used[b];
        double sum = 0;
        size_t i = 0, j = 0, either = 0;
        while (i < ua.size() || j < ub.size()) {   // merge by word id
            uint32_t wa = i < ua.size() ? ua[i].word : UINT32_MAX, wb = j < ub.size() ? ub[j].word : UINT32_MAX;
            if (wa == wb) { sum += term(ua[i].p, ua[i].log_p, ub[j].p, ub[j].log_p); ++i; ++j; }
            else if (wa < wb) { sum += term(ua[i].p, ua[i].log_p, zb, log_zb); ++i; }
            else { sum += term(za, log_za, ub[j].p, ub[j].log_p); ++j; }
            ++either;
        }
        const size_t neither = s.vocab_size - either;
        if (neither > 0 && (za > 0 || zb > 0)) sum += static_cast<double>(neither) * term(za, log_za, zb, log_zb);
        double d = std::clamp(sum / (2 * log2), 0.0, 1.0);
        Jsd[a * k + b] = Jsd[b * k + a] = d;
        if (++NextCol >= k) {
            ++NextRow;
            NextCol = 0;
        }
        if (NextRow + 1 < k && deadline.Expired()) return false;
    }
    return true;
}

std::vector<std::pair<double, double>> ClassicalMds(const std::vector<double>& distances, int k) {
    ClassicalMdsJob job(distances, k);
    while (!job.Step(core::Deadline::Never())) {}
    return job.TakePoints();
}

ClassicalMdsJob::ClassicalMdsJob(const std::vector<double>& distances, int k)
    : Distances(&distances), N(static_cast<size_t>(std::max(k, 0))) {
    assert(k >= 0 && distances.size() >= N * N);
    Points.assign(N, {0.0, 0.0});
}

std::vector<std::pair<double, double>> ClassicalMdsJob::TakePoints() {
    assert(At == Stage::Done);
    return std::move(Points);
}

double ClassicalMdsJob::Dot(const Vector& x, const Vector& y) const {
    double sum = 0;
    for (size_t i = 0; i < N; ++i) sum += x[i] * y[i];
    return sum;
}

// Removes the mean (B's range is orthogonal to the constant vector) and block[0 … count), normalises; false
// when nothing is left but rounding (two points have no second dimension).
bool ClassicalMdsJob::Orthonormalise(Vector& v, const std::vector<Vector>& block, size_t count) const {
    const double before = Dot(v, v);
    double mean = 0;
    for (double x : v) mean += x;
    mean /= static_cast<double>(N);
    for (double& x : v) x -= mean;
    for (size_t f = 0; f < count; ++f) {
        const double along = Dot(block[f], v);
        for (size_t i = 0; i < N; ++i) v[i] -= along * block[f][i];
    }
    const double norm = Dot(v, v);
    if (norm <= 1e-20 * before) return false;
    const double length = std::sqrt(norm);
    for (double& x : v) x /= length;
    return true;
}

void ClassicalMdsJob::Multiply(const Vector& v, double shift, Vector& out) const {
    for (size_t i = 0; i < N; ++i) {
        double sum = shift * v[i];
        for (size_t j = 0; j < N; ++j) sum += B[i * N + j] * v[j];
        out[i] = sum;
    }
}

// Simultaneous power iteration on B + shift·I with a block of two vectors from fixed starts: the block's span
// converges at rate |λ3/λ2| however close λ1 and λ2 are.
void ClassicalMdsJob::StartIterations(double shift, int max_iterations) {
    Shift = shift;
    Iteration = 0;
    MaxIterations = max_iterations;
    Converged = false;
    Block.clear();
    for (int dim = 0; dim < 2; ++dim) {
        Vector v(N);
        for (size_t i = 0; i < N; ++i) {   // a fixed, irregular start (integer hash, exact everywhere)
            uint32_t h = static_cast<uint32_t>(i + 1) * 2654435761u + static_cast<uint32_t>(dim + 1) * 40503u;
            v[i] = (h >> 8) / 16777216.0 - 0.5;
        }
        if (Orthonormalise(v, Block, Block.size())) Block.push_back(std::move(v));
    }
    Product.assign(Block.size(), Vector(N));
}

// One block step. True when the iterations are over: Converged when the span is invariant to 1e-10 (relative
// to the Gershgorin bound on B's eigenvalues), not when MaxIterations ran out or the block emptied.
bool ClassicalMdsJob::Iterate() {
    if (Iteration >= MaxIterations || Block.empty()) return true;
    ++Iteration;
    for (size_t j = 0; j < Block.size(); ++j) Multiply(Block[j], Shift, Product[j]);
    // Residual of the product outside the block's span (the shift cancels), against B's size bound.
    double residual = 0;
    for (size_t j = 0; j < Block.size(); ++j) {
        Vector r = Product[j];
        for (size_t a = 0; a < Block.size(); ++a) {
            const double h = Dot(Block[a], Product[j]);
            for (size_t i = 0; i < N; ++i) r[i] -= h * Block[a][i];
        }
        residual += Dot(r, r);
    }
    size_t kept = 0;
    for (; kept < Product.size() && Orthonormalise(Product[kept], Product, kept); ++kept) {}
    Product.resize(kept);
    Block.swap(Product);
    Product.assign(Block.size(), Vector(N));
    Converged = residual <= 1e-20 * Gershgorin * Gershgorin;
    return Converged;
}

// The 2 × 2 (or 1 × 1) Rayleigh–Ritz problem on B within the block: eigenvalues, largest first, and the block
// rotated into the eigenvectors.
void ClassicalMdsJob::Ritz() {
    if (Block.size() == 1) {
        Multiply(Block[0], 0, Product[0]);
        Eigenvalue[0] = Dot(Block[0], Product[0]);
        return;
    }
    if (Block.empty()) return;
    Vector b0(N), b1(N);
    Multiply(Block[0], 0, b0);
    Multiply(Block[1], 0, b1);
    const double h00 = Dot(Block[0], b0), h11 = Dot(Block[1], b1), h01 = (Dot(Block[0], b1) + Dot(Block[1], b0)) / 2;
    const double mid = (h00 + h11) / 2, half = (h00 - h11) / 2, radius = std::sqrt(half * half + h01 * h01);
    Eigenvalue = {mid + radius, mid - radius};
    // The first eigenvector (c, s) of [[h00, h01], [h01, h11]]; the second is perpendicular.
    double c = 1, s = 0;
    if (h01 != 0) {
        c = Eigenvalue[0] - h11;
        s = h01;
        const double length = std::sqrt(c * c + s * s);
        c /= length;
        s /= length;
    } else if (h11 > h00) {
        c = 0;
        s = 1;
    }
    Vector u0(N), u1(N);
    for (size_t i = 0; i < N; ++i) {
        u0[i] = c * Block[0][i] + s * Block[1][i];
        u1[i] = -s * Block[0][i] + c * Block[1][i];
    }
    Block[0].swap(u0);
    Block[1].swap(u1);
}

void ClassicalMdsJob::Place() {
    for (size_t dim = 0; dim < Block.size(); ++dim) {
        const Vector& v = Block[dim];
        size_t largest = 0;   // the sign makes the largest component (by magnitude, lower index on ties) positive
        for (size_t i = 1; i < N; ++i)
            if (std::fabs(v[i]) > std::fabs(v[largest])) largest = i;
        const double scale = (v[largest] < 0 ? -1.0 : 1.0) * std::sqrt(std::max(Eigenvalue[dim], 0.0));
        for (size_t i = 0; i < N; ++i) (dim == 0 ? Points[i].first : Points[i].second) = v[i] * scale;
    }
}

bool ClassicalMdsJob::Step(core::Deadline deadline) {
    do {
        switch (At) {
        case Stage::Centre: {
            if (N < 2) {
                At = Stage::Done;
                break;
            }
            // B = −½ J D² J (J centres rows and columns).
            const std::vector<double>& d = *Distances;
            const size_t n = N;
            B.resize(n * n);
            std::vector<double> row_mean(n, 0.0);
            double grand_mean = 0;
            for (size_t i = 0; i < n; ++i) {
                for (size_t j = 0; j < n; ++j) row_mean[i] += d[i * n + j] * d[i * n + j];
                row_mean[i] /= static_cast<double>(n);
                grand_mean += row_mean[i];
            }
            grand_mean /= static_cast<double>(n);
            for (size_t i = 0; i < n; ++i)
                for (size_t j = 0; j < n; ++j)
                    B[i * n + j] = -0.5 * (d[i * n + j] * d[i * n + j] - row_mean[i] - row_mean[j] + grand_mean);
            // B + Gershgorin·I has no negative eigenvalue, so power iteration on it finds B's largest, not the
            // largest in magnitude (the fallback below).
            for (size_t i = 0; i < n; ++i) {
                double row = 0;
                for (size_t j = 0; j < n; ++j) row += std::fabs(B[i * n + j]);
                Gershgorin = std::max(Gershgorin, row);
            }
            // Unshifted first: B's negative eigenvalues (distances that are not Euclidean) are usually small, so
            // its two largest are also the two largest in magnitude, found fastest this way.
            StartIterations(0, 300);
            At = Stage::Unshifted;
            break;
        }
        case Stage::Unshifted: {
            if (!Iterate()) break;
            Ritz();
            // When a negative eigenvalue is among the two largest in magnitude, shifting by it makes every
            // eigenvalue ≥ 0; when the block did not settle, the Gershgorin shift.
            const double lowest = Block.size() == 2 ? Eigenvalue[1] : Eigenvalue[0];
            if (!Converged || lowest < 0) {
                StartIterations(Converged ? -lowest : Gershgorin, 1000);
                At = Stage::Shifted;
            } else {
                Place();
                At = Stage::Done;
            }
            break;
        }
        case Stage::Shifted:
            if (!Iterate()) break;
            Ritz();
            Place();
            At = Stage::Done;
            break;
        case Stage::Done: return true;
        }
    } while (!deadline.Expired());
    return At == Stage::Done;
}

std::vector<double> TopicCorrelations(const std::vector<double>& doc_topics, int topics) {
    const size_t k = static_cast<size_t>(std::max(topics, 0));
    std::vector<double> r(k * k, 0.0);
    for (size_t t = 0; t < k; ++t) r[t * k + t] = 1;
    const size_t docs = k > 0 ? doc_topics.size() / k : 0;
    if (docs < 2) return r;
    std::vector<double> mean(k, 0.0), centred(docs * k), spread(k, 0.0);
    for (size_t d = 0; d < docs; ++d)
        for (size_t t = 0; t < k; ++t) mean[t] += doc_topics[d * k + t];
    for (size_t t = 0; t < k; ++t) mean[t] /= static_cast<double>(docs);
    for (size_t d = 0; d < docs; ++d)
        for (size_t t = 0; t < k; ++t) centred[d * k + t] = doc_topics[d * k + t] - mean[t];
    for (size_t t = 0; t < k; ++t) {
        for (size_t d = 0; d < docs; ++d) spread[t] += centred[d * k + t] * centred[d * k + t];
        spread[t] = std::sqrt(spread[t]);
    }
    for (size_t a = 0; a < k; ++a)
        for (size_t b = a + 1; b < k; ++b) {
            if (spread[a] == 0 || spread[b] == 0) continue;   // a constant topic correlates with nothing
            double sum = 0;
            for (size_t d = 0; d < docs; ++d) sum += centred[d * k + a] * centred[d * k + b];
            r[a * k + b] = r[b * k + a] = std::clamp(sum / (spread[a] * spread[b]), -1.0, 1.0);
        }
    return r;
}

Coherence TopicCoherence(const TopicSnapshot& s, const TopicCorpus& corpus, int top_n) {
    TopicCoherenceJob job(s, corpus, top_n);
    while (!job.Step(core::Deadline::Never())) {}
    return job.TakeCoherence();
}

TopicCoherenceJob::TopicCoherenceJob(const TopicSnapshot& s, const TopicCorpus& corpus, int top_n)
    : S(&s), Corpus(&corpus), TopN(top_n) {}

Coherence TopicCoherenceJob::TakeCoherence() {
    assert(At == Stage::Done);
    return std::move(Result);
}

bool TopicCoherenceJob::Step(core::Deadline deadline) {
    const TopicSnapshot& s = *S;
    const TopicCorpus& corpus = *Corpus;
    const size_t k = static_cast<size_t>(s.topics);
    do {
        switch (At) {
        case Stage::Words:   // each topic's top words as slots into one table of distinct words
            if (Next == 0) {
                WordProb = WordProbabilities(corpus);
                Top.assign(k, {});
                SlotOf.assign(corpus.VocabSize(), -1);
            }
            if (Next < k) {
                for (const TopicWord& tw : TopWords(s, WordProb, static_cast<int>(Next), TopN, 1.0)) {
                    if (SlotOf[tw.word] < 0) SlotOf[tw.word] = static_cast<int>(Slots++);
                    Top[Next].push_back(static_cast<size_t>(SlotOf[tw.word]));
                }
                ++Next;
            }
            if (Next == k) {
                // Each top word's chunks as a bit set (64 chunks a word): a pair's co-occurrence is an AND and a
                // popcount.
                Stride = (corpus.Chunks() + 63) / 64;
                ChunkBits.assign(Slots * Stride, 0);
                ChunkCount.assign(Slots, 0);
                At = Stage::Chunks;
                Next = 0;
            }
            break;
        case Stage::Chunks: {
            size_t tokens = 0;
            for (; Next < corpus.Chunks() && tokens < 65536; ++Next) {
                const uint32_t c = static_cast<uint32_t>(Next);
                for (uint32_t i = corpus.chunk_start[c]; i < corpus.chunk_start[c + 1]; ++i)
                    if (int slot = SlotOf[corpus.tokens[i]]; slot >= 0) {
                        uint64_t& bits = ChunkBits[static_cast<size_t>(slot) * Stride + c / 64];
                        const uint64_t bit = uint64_t{1} << (c % 64);
                        ChunkCount[static_cast<size_t>(slot)] += (bits & bit) == 0;
                        bits |= bit;
                    }
                tokens += corpus.chunk_start[c + 1] - corpus.chunk_start[c];
            }
            if (Next == corpus.Chunks()) {
                Result.umass.assign(k, 0.0);
                Result.npmi.assign(k, 0.0);
                At = Stage::Pairs;
                Next = 0;
            }
            break;
        }
        case Stage::Pairs: {
            if (Next < k) {
                auto together = [this](size_t a, size_t b) {
                    size_t n = 0;
                    for (size_t i = 0; i < Stride; ++i) n += static_cast<size_t>(std::popcount(ChunkBits[a * Stride + i] & ChunkBits[b * Stride + i]));
                    return n;
                };
                const double chunks = static_cast<double>(corpus.Chunks());
                const auto& words = Top[Next];
                double umass = 0, npmi = 0;
                size_t pairs = 0;
                for (size_t j = 1; j < words.size(); ++j)
                    for (size_t i = 0; i < j; ++i) {   // w_i ranked above w_j
                        const double di = ChunkCount[words[i]], dj = ChunkCount[words[j]];
                        const double dij = static_cast<double>(together(words[i], words[j]));
                        umass += Log((dij + 1) / di);
                        if (dij == 0) npmi += -1;
                        else if (dij == chunks) npmi += 1;
                        else npmi += Log(dij * chunks / (di * dj)) / -Log(dij / chunks);
                        ++pairs;
                    }
                Result.umass[Next] = umass;
                Result.npmi[Next] = pairs > 0 ? npmi / static_cast<double>(pairs) : 0;
                ++Next;
            }
            if (Next < k) break;
            for (size_t t = 0; t < k; ++t) {
                Result.mean_umass += Result.umass[t];
                Result.mean_npmi += Result.npmi[t];
            }
            if (k > 0) {
                Result.mean_umass /= static_cast<double>(k);
                Result.mean_npmi /= static_cast<double>(k);
            }
            At = Stage::Done;
            break;
        }
        case Stage::Done: return true;
        }
    } while (!deadline.Expired());
    return At == Stage::Done;
}

std::vector<double> PrevalenceByGroup(const std::vector<double>& doc_topics, const TopicCorpus& corpus,
                                      const std::vector<int>& doc_group, int groups, int topics) {
    const size_t k = static_cast<size_t>(std::max(topics, 0)), g_count = static_cast<size_t>(std::max(groups, 0));
    const size_t docs = corpus.Documents();
    assert(doc_topics.size() == docs * k && doc_group.size() == docs);
    std::vector<double> sum(g_count * k, 0.0), weight(g_count, 0.0);
    size_t c = 0;
    for (size_t d = 0; d < docs; ++d) {
        uint32_t first = corpus.chunk_start[c];
        while (c < corpus.Chunks() && corpus.chunk_doc[c] == d) ++c;
        const double length = corpus.chunk_start[c] - first;   // the document's tokens
        const int g = doc_group[d];
        if (g < 0 || g >= groups) continue;
        const size_t row = static_cast<size_t>(g);
        for (size_t t = 0; t < k; ++t) sum[row * k + t] += length * doc_topics[d * k + t];
        weight[row] += length;
    }
    for (size_t g = 0; g < g_count; ++g)
        for (size_t t = 0; t < k; ++t)
            sum[g * k + t] = weight[g] > 0 ? sum[g * k + t] / weight[g] : std::numeric_limits<double>::quiet_NaN();
    return sum;
}

}  // namespace analysis::topics
