// The Topics view's statistics from a snapshot of the sampler's counts (see summary.h for each formula). Only
// + − × ÷, √ and our own Log (topics/math.h) touch doubles, every sum runs in index order and every sort has a
// total order, so natively and in wasm the results agree to the bit.
#include "analysis/topics/summary.h"

#include <algorithm>
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
    std::vector<TopicWord> words;
    for (uint32_t w = 0; w < s.vocab_size; ++w) {
        uint32_t count = s.word_topic[w * k + t];
        if (count == 0 || word_prob[w] <= 0) continue;
        TopicWord tw;
        tw.word = w;
        tw.count = count;
        tw.probability = WordGivenTopic(s, count, s.topic_total[t]);
        tw.lift = tw.probability / word_prob[w];
        tw.relevance = lambda * Log(tw.probability) + (1 - lambda) * Log(tw.lift);
        words.push_back(tw);
    }
    // At λ = 1 the order is exactly by probability (relevance is its log, which rounding could tie).
    auto better = [lambda](const TopicWord& a, const TopicWord& b) {
        double ka = lambda == 1 ? a.probability : a.relevance, kb = lambda == 1 ? b.probability : b.relevance;
        return ka != kb ? ka > kb : a.word < b.word;
    };
    size_t keep = std::min(words.size(), static_cast<size_t>(std::max(n, 0)));
    std::partial_sort(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(keep), words.end(), better);
    words.resize(keep);
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
    const size_t k = static_cast<size_t>(s.topics);
    const double log2 = Log(2.0);
    // Each topic's used words (ascending ids) with p(w|t) and its log; every other word has p = zero_p[t].
    struct Entry { uint32_t word; double p, log_p; };
    std::vector<std::vector<Entry>> used(k);
    std::vector<double> zero_p(k);
    for (size_t t = 0; t < k; ++t) zero_p[t] = WordGivenTopic(s, 0, s.topic_total[t]);
    for (uint32_t w = 0; w < s.vocab_size; ++w)
        for (size_t t = 0; t < k; ++t)
            if (uint32_t count = s.word_topic[w * k + t]) {
                double p = WordGivenTopic(s, count, s.topic_total[t]);
                used[t].push_back({w, p, Log(p)});
            }
    // p·log(p/m) + q·log(q/m), m = (p+q)/2, a zero probability contributing nothing.
    auto term = [](double p, double log_p, double q, double log_q) {
        double m = (p + q) / 2, log_m = Log(m), sum = 0;
        if (p > 0) sum += p * (log_p - log_m);
        if (q > 0) sum += q * (log_q - log_m);
        return sum;
    };
    std::vector<double> jsd(k * k, 0.0);
    for (size_t a = 0; a < k; ++a) {
        const double za = zero_p[a], log_za = za > 0 ? Log(za) : 0;
        for (size_t b = a + 1; b < k; ++b) {
            const double zb = zero_p[b], log_zb = zb > 0 ? Log(zb) : 0;
            const auto &ua = used[a], &ub = used[b];
            double sum = 0;
            size_t i = 0, j = 0, both_used = 0;
            while (i < ua.size() || j < ub.size()) {   // merge by word id
                uint32_t wa = i < ua.size() ? ua[i].word : UINT32_MAX, wb = j < ub.size() ? ub[j].word : UINT32_MAX;
                if (wa == wb) { sum += term(ua[i].p, ua[i].log_p, ub[j].p, ub[j].log_p); ++i; ++j; }
                else if (wa < wb) { sum += term(ua[i].p, ua[i].log_p, zb, log_zb); ++i; }
                else { sum += term(za, log_za, ub[j].p, ub[j].log_p); ++j; }
                ++both_used;
            }
            const size_t unused = s.vocab_size - both_used;
            if (unused > 0 && (za > 0 || zb > 0)) sum += static_cast<double>(unused) * term(za, log_za, zb, log_zb);
            double d = std::clamp(sum / (2 * log2), 0.0, 1.0);
            jsd[a * k + b] = jsd[b * k + a] = d;
        }
    }
    return jsd;
}

std::vector<std::pair<double, double>> ClassicalMds(const std::vector<double>& distances, int k) {
    assert(k >= 0 && distances.size() >= static_cast<size_t>(k) * static_cast<size_t>(k));
    const size_t n = static_cast<size_t>(std::max(k, 0));
    std::vector<std::pair<double, double>> points(n, {0.0, 0.0});
    if (n < 2) return points;
    // B = −½ J D² J (J centres rows and columns).
    std::vector<double> b(n * n), row_mean(n, 0.0);
    double grand_mean = 0;
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < n; ++j) row_mean[i] += distances[i * n + j] * distances[i * n + j];
        row_mean[i] /= static_cast<double>(n);
        grand_mean += row_mean[i];
    }
    grand_mean /= static_cast<double>(n);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j)
            b[i * n + j] = -0.5 * (distances[i * n + j] * distances[i * n + j] - row_mean[i] - row_mean[j] + grand_mean);
    // B + shift·I has no negative eigenvalue (Gershgorin), so power iteration finds B's largest, not the
    // largest in magnitude.
    double shift = 0;
    for (size_t i = 0; i < n; ++i) {
        double row = 0;
        for (size_t j = 0; j < n; ++j) row += std::fabs(b[i * n + j]);
        shift = std::max(shift, row);
    }
    // Removes the mean (B's range is orthogonal to the constant vector) and the found eigenvectors, normalises;
    // false when nothing is left but rounding (fewer than three points have no second dimension).
    std::vector<std::vector<double>> found;
    auto orthonormalise = [&found, n](std::vector<double>& v) {
        double before = 0;
        for (double x : v) before += x * x;
        double mean = 0;
        for (double x : v) mean += x;
        mean /= static_cast<double>(n);
        for (double& x : v) x -= mean;
        for (const auto& f : found) {
            double dot = 0;
            for (size_t i = 0; i < n; ++i) dot += f[i] * v[i];
            for (size_t i = 0; i < n; ++i) v[i] -= dot * f[i];
        }
        double norm = 0;
        for (double x : v) norm += x * x;
        if (norm <= 1e-20 * before) return false;
        norm = std::sqrt(norm);
        for (double& x : v) x /= norm;
        return true;
    };
    std::vector<double> next(n);
    for (int dim = 0; dim < 2; ++dim) {
        std::vector<double> v(n);
        for (size_t i = 0; i < n; ++i) {   // a fixed, irregular start (integer hash, exact everywhere)
            uint32_t h = static_cast<uint32_t>(i + 1) * 2654435761u + static_cast<uint32_t>(dim + 1) * 40503u;
            v[i] = (h >> 8) / 16777216.0 - 0.5;
        }
        if (!orthonormalise(v)) break;
        for (int iteration = 0; iteration < 1000; ++iteration) {
            for (size_t i = 0; i < n; ++i) {
                double sum = shift * v[i];
                for (size_t j = 0; j < n; ++j) sum += b[i * n + j] * v[j];
                next[i] = sum;
            }
            if (!orthonormalise(next)) break;
            double change = 0;
            for (size_t i = 0; i < n; ++i) change += (next[i] - v[i]) * (next[i] - v[i]);
            v.swap(next);
            if (change < 1e-18) break;   // 1e-9 in norm: far below a pixel
        }
        // Eigenvalue by the Rayleigh quotient on B; the sign makes the largest component positive.
        double eigenvalue = 0;
        for (size_t i = 0; i < n; ++i) {
            double row = 0;
            for (size_t j = 0; j < n; ++j) row += b[i * n + j] * v[j];
            eigenvalue += v[i] * row;
        }
        size_t largest = 0;
        for (size_t i = 1; i < n; ++i)
            if (std::fabs(v[i]) > std::fabs(v[largest])) largest = i;
        const double scale = (v[largest] < 0 ? -1.0 : 1.0) * std::sqrt(std::max(eigenvalue, 0.0));
        for (size_t i = 0; i < n; ++i) (dim == 0 ? points[i].first : points[i].second) = v[i] * scale;
        found.push_back(v);
    }
    return points;
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
    const size_t k = static_cast<size_t>(s.topics);
    const std::vector<double> word_prob = WordProbabilities(corpus);
    // Each topic's top words as slots into one table of distinct words, and each word's chunks (ascending).
    std::vector<std::vector<size_t>> top(k);
    std::vector<int> slot_of(corpus.VocabSize(), -1);
    size_t slots = 0;
    for (size_t t = 0; t < k; ++t)
        for (const TopicWord& tw : TopWords(s, word_prob, static_cast<int>(t), top_n, 1.0)) {
            if (slot_of[tw.word] < 0) slot_of[tw.word] = static_cast<int>(slots++);
            top[t].push_back(static_cast<size_t>(slot_of[tw.word]));
        }
    std::vector<std::vector<uint32_t>> chunks_of(slots);
    for (uint32_t c = 0; c < corpus.Chunks(); ++c)
        for (uint32_t i = corpus.chunk_start[c]; i < corpus.chunk_start[c + 1]; ++i)
            if (int slot = slot_of[corpus.tokens[i]]; slot >= 0) {
                auto& list = chunks_of[static_cast<size_t>(slot)];
                if (list.empty() || list.back() != c) list.push_back(c);
            }
    auto together = [&chunks_of](size_t a, size_t b) {
        const auto &x = chunks_of[a], &y = chunks_of[b];
        size_t i = 0, j = 0, n = 0;
        while (i < x.size() && j < y.size()) {
            if (x[i] == y[j]) { ++n; ++i; ++j; }
            else if (x[i] < y[j]) ++i;
            else ++j;
        }
        return n;
    };
    const double chunks = static_cast<double>(corpus.Chunks());
    Coherence result;
    result.umass.assign(k, 0.0);
    result.npmi.assign(k, 0.0);
    for (size_t t = 0; t < k; ++t) {
        const auto& words = top[t];
        double umass = 0, npmi = 0;
        size_t pairs = 0;
        for (size_t j = 1; j < words.size(); ++j)
            for (size_t i = 0; i < j; ++i) {   // w_i ranked above w_j
                const double di = static_cast<double>(chunks_of[words[i]].size());
                const double dj = static_cast<double>(chunks_of[words[j]].size());
                const double dij = static_cast<double>(together(words[i], words[j]));
                umass += Log((dij + 1) / di);
                if (dij == 0) npmi += -1;
                else if (dij == chunks) npmi += 1;
                else npmi += Log(dij * chunks / (di * dj)) / -Log(dij / chunks);
                ++pairs;
            }
        result.umass[t] = umass;
        result.npmi[t] = pairs > 0 ? npmi / static_cast<double>(pairs) : 0;
    }
    for (size_t t = 0; t < k; ++t) {
        result.mean_umass += result.umass[t];
        result.mean_npmi += result.npmi[t];
    }
    if (k > 0) {
        result.mean_umass /= static_cast<double>(k);
        result.mean_npmi /= static_cast<double>(k);
    }
    return result;
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
