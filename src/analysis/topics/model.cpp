// TopicModel (model.h): collapsed Gibbs sampling for LDA with two samplers over one state, hyperparameter
// optimisation after MALLET (ParallelTopicModel/WorkerRunnable, Dirichlet.learnParameters and
// learnSymmetricConcentration), the log-likelihood, and versioned saving. Written for wasm as much as for the
// CPU: flat arrays, uint32 counts, nothing allocated per token, and one sampling loop per sampler kind
// (a template), so the inner loop has no virtual call and no branch on the kind.
//
// The state, all of it in Impl so that a slice may end after any token:
//   assignments z[i]            uint16 per token
//   n(t)                        topic_total; inv_denom[t] = 1 / (n(t) + βV) kept beside it
//   n(w, t)  Sparse             packed[word_offset[w] …], (count << topic_bits | t), sorted descending, zeros
//                               last (word_used[w] slots in use); a word of f tokens has min(K, f) slots,
//                               enough for every topic it can hold
//            Dense              word_topic[w·K + t]
//   n(c, t) of the open chunk   local[t], with the topics it uses in ascending order (nonzero[])
//   cursor                      sweeps_done, chunk, pos (next token), chunk_open
//   SparseLDA's masses          smoothing_mass (Σ αₜβ/(n(t)+βV), updated per token through a sweep) and
//                               topic_beta_mass (Σ β n(c,t)/(n(t)+βV), through a chunk): both are sums kept by
//                               adding and subtracting, so their bits are saved rather than recomputed
//   α statistics                chunk-length and chunk-topic-count histograms gathered every
//                               min(10, optimize_interval) sweeps after burn-in until the next optimisation
// Everything else (the packed order, coefficients, inverse denominators) is a function of the above and is
// rebuilt identically on Restore.
#include "analysis/topics/model.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <string>
#include <utility>

#include "analysis/topics/math.h"
#include "analysis/topics/rng.h"

namespace analysis::topics {

namespace {

constexpr uint32_t kFormatVersion = 1;
constexpr char kMagic[4] = {'C', 'L', 'T', 'M'};
constexpr uint32_t kDeadlineEveryTokens = 256;   // how often Step looks at the clock
constexpr int kMaxStatsInterval = 10;            // MALLET's saveSampleInterval
constexpr double kAlphaShape = 1.001;            // MALLET's Gamma prior on each αₜ (shape, scale 1)
constexpr int kBetaIterations = 200;             // learnSymmetricConcentration's fixed-point iterations
constexpr uint32_t kDigammaGap = 20;             // histogram gaps wider than this jump with Digamma

uint64_t Fnv(uint64_t h, const void* data, size_t bytes) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < bytes; ++i) { h ^= p[i]; h *= 0x100000001b3ULL; }
    return h;
}
constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

uint64_t DoubleBits(double x) { uint64_t b; std::memcpy(&b, &x, sizeof b); return b; }
double BitsDouble(uint64_t b) { double x; std::memcpy(&x, &b, sizeof x); return x; }

// Little-endian byte writer and reader for Serialize/Restore.
struct Writer {
    std::string out;
    void U8(uint8_t v) { out.push_back(static_cast<char>(v)); }
    void U32(uint32_t v) { for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i))); }
    void U64(uint64_t v) { for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i))); }
    void F64(double v) { U64(DoubleBits(v)); }
};
struct Reader {
    std::string_view in;
    size_t at = 0;
    bool failed = false;
    bool Need(size_t n) { if (failed || in.size() - at < n) failed = true; return !failed; }
    uint8_t U8() { return Need(1) ? static_cast<uint8_t>(in[at++]) : 0; }
    uint32_t U32() {
        if (!Need(4)) return 0;
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<uint8_t>(in[at++])) << (8 * i);
        return v;
    }
    uint64_t U64() {
        if (!Need(8)) return 0;
        uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(in[at++])) << (8 * i);
        return v;
    }
    double F64() { return BitsDouble(U64()); }
};

// A count histogram as (count, how many) pairs, counts ascending and above 0.
using Histogram = std::vector<std::pair<uint32_t, uint32_t>>;

// Σ freq · (ψ(x + n) − ψ(x)) over a histogram: the digamma differences by their sums of 1/(x + j), stepping
// through small gaps and jumping wide ones with Digamma, as MALLET's learnSymmetricConcentration does.
double DigammaDifferenceSum(double x, const Histogram& histogram) {
    double sum = 0, current = 0;   // current = ψ(x + previous) − ψ(x)
    uint32_t previous = 0;
    double digamma_x = -1;
    for (auto [n, freq] : histogram) {
        if (n - previous > kDigammaGap) {
            if (digamma_x == -1) digamma_x = Digamma(x);
            current = Digamma(x + n) - digamma_x;
        } else {
            for (uint32_t j = previous; j < n; ++j) current += 1.0 / (x + j);
        }
        previous = n;
        sum += freq * current;
    }
    return sum;
}

// Histogram from a dense count array (index = count).
Histogram FromDense(const std::vector<uint32_t>& dense) {
    Histogram h;
    for (uint32_t n = 1; n < dense.size(); ++n)
        if (dense[n]) h.push_back({n, dense[n]});
    return h;
}

// Minka's fixed point for a symmetric Dirichlet's concentration (MALLET's learnSymmetricConcentration):
// `counts` histograms the cells (count ≥ 1), `lengths` the observations' totals; returns the new Σ. Keeps
// `current` when an iteration leaves the positive finite numbers.
double LearnSymmetricConcentration(const Histogram& counts, const Histogram& lengths, uint32_t dimensions,
                                   double current) {
    for (int iteration = 0; iteration < kBetaIterations; ++iteration) {
        double parameter = current / dimensions;
        double numerator = DigammaDifferenceSum(parameter, counts);
        double denominator = DigammaDifferenceSum(current, lengths);
        double next = parameter * numerator / denominator;
        if (!(next > 0) || !(next < 1e300) || !(denominator > 0)) break;
        current = next;
    }
    return current;
}

core::Status Invalid(std::string message) { return core::Error(core::StatusCode::InvalidInput, std::move(message)); }

core::Status CheckSettings(const TrainSettings& s) {
    if (s.topics < kMinTopics || s.topics > kMaxTopics)
        return Invalid("The number of topics must be between " + std::to_string(kMinTopics) + " and " +
                       std::to_string(kMaxTopics) + " (it is " + std::to_string(s.topics) + ").");
    if (s.sweeps < 1) return Invalid("The number of sweeps must be at least 1.");
    if (!(s.alpha_sum > 0) || !(s.alpha_sum < 1e12)) return Invalid("α (the topic smoothing) must be a number above 0.");
    if (!(s.beta > 0) || !(s.beta < 1e12)) return Invalid("β (the word smoothing) must be a number above 0.");
    if (s.optimize && (s.burn_in < 0 || s.optimize_interval < 1))
        return Invalid("The burn-in must be at least 0 sweeps and the optimisation interval at least 1 sweep.");
    if (s.sampler != SamplerKind::Sparse && s.sampler != SamplerKind::Dense) return Invalid("Unknown sampler.");
    return core::Status::Ok();
}

// The corpus's shape (a programmer's contract, but Restore meets corpora from elsewhere, so it is checked).
core::Status CheckCorpus(const TopicCorpus& c) {
    if (c.tokens.empty())
        return Invalid("No words are left to train on: the stopwords and the frequency rules removed every word of "
                       "these documents. Choose more documents, or keep more words in the vocabulary settings.");
    if (c.chunk_start.size() != c.chunk_doc.size() + 1 || c.chunk_start.front() != 0 ||
        c.chunk_start.back() != c.tokens.size())
        return Invalid("The topic model's input is inconsistent (chunk boundaries).");
    for (size_t i = 1; i < c.chunk_start.size(); ++i)
        if (c.chunk_start[i] < c.chunk_start[i - 1]) return Invalid("The topic model's input is inconsistent (chunk order).");
    uint32_t v = c.VocabSize();
    for (uint32_t w : c.tokens)
        if (w >= v) return Invalid("The topic model's input is inconsistent (a word id beyond the vocabulary).");
    if (c.tokens.size() >= UINT32_MAX) return Invalid("The corpus has too many words for one topic model (4 billion).");
    return core::Status::Ok();
}

uint64_t CorpusFingerprint(const TopicCorpus& c) {
    uint64_t h = Fnv(kFnvOffset, c.tokens.data(), c.tokens.size() * sizeof(uint32_t));
    return Fnv(h, c.chunk_start.data(), c.chunk_start.size() * sizeof(uint32_t));
}

}  // namespace

struct TopicModel::Impl {
    const TopicCorpus* corpus = nullptr;
    TrainSettings settings;
    uint32_t K = 0, V = 0, chunks = 0;
    uint32_t topic_bits = 0, topic_mask = 0;

    std::vector<uint16_t> assign;
    std::vector<double> alpha;
    double alpha_sum = 0, beta = 0, beta_sum = 0;
    std::vector<uint32_t> topic_total;
    std::vector<double> inv_denom;

    std::vector<uint32_t> word_offset, packed;   // Sparse
    std::vector<uint32_t> word_used;             // Sparse: slots in use (n(w, t) > 0) per word
    std::vector<uint32_t> word_topic;            // Dense

    std::vector<uint32_t> local;
    std::vector<uint16_t> nonzero;
    uint32_t nonzero_count = 0;
    std::vector<double> coef, scores;
    double smoothing_mass = 0, topic_beta_mass = 0;

    int sweeps_done = 0;
    uint32_t chunk = 0, pos = 0;
    bool chunk_open = false;
    Rng rng{1};
    uint64_t tokens_sampled = 0;

    std::vector<uint32_t> length_hist;                 // chunk length → chunks, summed over gathered sweeps
    std::vector<std::vector<uint32_t>> topic_hist;     // topic → (count in a chunk → chunks)

    // ---- setup ------------------------------------------------------------------------------------------
    void Init(const TopicCorpus& c, const TrainSettings& s) {
        corpus = &c;
        settings = s;
        K = static_cast<uint32_t>(s.topics);
        V = c.VocabSize();
        chunks = static_cast<uint32_t>(c.Chunks());
        while ((1u << topic_bits) < K) ++topic_bits;
        topic_mask = (1u << topic_bits) - 1;
        alpha.assign(K, s.alpha_sum / K);
        alpha_sum = s.alpha_sum;
        beta = s.beta;
        beta_sum = beta * V;
        local.assign(K, 0);
        nonzero.assign(K, 0);
        coef.assign(K, 0);
        scores.assign(K, 0);
        topic_hist.assign(K, {});
    }

    // Words whose count in one topic could overflow the packed form (count < 2^(32 − topic_bits)).
    core::Status CheckWordFrequencies(const std::vector<uint32_t>& freq) const {
        uint64_t limit = uint64_t{1} << (32 - topic_bits);
        for (uint32_t w = 0; w < V; ++w)
            if (freq[w] >= limit)
                return Invalid("The word “" + corpus->vocab[w] + "” occurs " + std::to_string(freq[w]) +
                               " times, more than the topic model can count; add it to the stopwords.");
        return core::Status::Ok();
    }

    // ---- counts from the assignments, in slices -----------------------------------------------------------
    // Start draws the assignments and Restore reads them; the counts are then built from them (O(tokens), tens
    // of ms on the State of the Union), resumable: Prepare works in pieces of kSetupTokens until its deadline.
    // Everything that reads the counts prepares first, so a caller that never calls Prepare still gets them.
    static constexpr size_t kSetupTokens = 65536;
    size_t draw_next = 0;          // Start: assignments drawn so far (assign.size(): all)
    size_t count_next = 0;         // tokens counted so far
    bool counting = false;         // the count arrays are allocated
    bool prepared = true;          // every count is built
    bool restored = false;         // Restore: keep the saved running document mass (below)
    double saved_doc_mass = 0;

    // True when every count is built; `deadline` null: builds them all now.
    bool Prepare(const core::Deadline* deadline) {
        if (prepared) return true;
        while (draw_next < assign.size()) {
            const size_t end = std::min(assign.size(), draw_next + kSetupTokens);
            for (size_t i = draw_next; i < end; ++i) assign[i] = static_cast<uint16_t>(rng.NextBelow(K));
            draw_next = end;
            if (deadline && deadline->Expired()) return false;
        }
        const std::vector<uint32_t>& tokens = corpus->tokens;
        if (!counting) {
            BeginCounts();
            counting = true;
        }
        while (count_next < tokens.size()) {
            const size_t end = std::min(tokens.size(), count_next + kSetupTokens);
            for (size_t i = count_next; i < end; ++i) {
                uint32_t t = assign[i];
                ++topic_total[t];
                if (settings.sampler == SamplerKind::Sparse) AddPacked(tokens[i], t);
                else ++word_topic[static_cast<size_t>(tokens[i]) * K + t];
            }
            count_next = end;
            if (deadline && deadline->Expired()) return false;
        }
        EndCounts();
        if (restored) topic_beta_mass = saved_doc_mass;   // a running sum: its saved bits, not a recount
        else smoothing_mass = SmoothingMass();
        prepared = true;
        return true;
    }

    // Counts to be built from the assignments: all drawn from the seed (`draw`, Start) or already there.
    void SetUpCounts(bool draw) {
        draw_next = draw ? 0 : assign.size();
        count_next = 0;
        counting = false;
        prepared = false;
    }

    // The count arrays, empty.
    void BeginCounts() {
        const std::vector<uint32_t>& tokens = corpus->tokens;
        topic_total.assign(K, 0);
        if (settings.sampler == SamplerKind::Sparse) {
            std::vector<uint32_t> freq(V, 0);
            for (uint32_t w : tokens) ++freq[w];
            word_offset.assign(V + 1, 0);
            for (uint32_t w = 0; w < V; ++w) word_offset[w + 1] = word_offset[w] + std::min(K, freq[w]);
            packed.assign(word_offset[V], 0);
            word_used.assign(V, 0);
            word_topic.clear();
        } else {
            word_topic.assign(static_cast<size_t>(V) * K, 0);
            packed.clear();
            word_offset.clear();
            word_used.clear();
        }
    }

    // What follows from the counts: the denominators and the open chunk's state from its tokens.
    void EndCounts() {
        inv_denom.assign(K, 0);
        for (uint32_t t = 0; t < K; ++t) {
            inv_denom[t] = 1.0 / (topic_total[t] + beta_sum);
            coef[t] = alpha[t] * inv_denom[t];
        }
        std::fill(local.begin(), local.end(), 0u);
        nonzero_count = 0;
        if (chunk_open) CountChunk();
    }

    double SmoothingMass() const {
        double mass = 0;
        for (uint32_t t = 0; t < K; ++t) mass += alpha[t] * beta * inv_denom[t];
        return mass;
    }

    // ---- the packed word-topic counts (Sparse) -------------------------------------------------------------
    // Adds one to n(w, t), keeping the word's slots sorted descending.
    void AddPacked(uint32_t w, uint32_t t) {
        uint32_t* p = packed.data() + word_offset[w];
        uint32_t used = word_used[w], j = 0;
        while (j < used && (p[j] & topic_mask) != t) ++j;
        if (j == used) {   // a new topic for the word: slot `used` is free (see the header)
            p[j] = (1u << topic_bits) | t;
            word_used[w] = used + 1;
        } else {
            p[j] += 1u << topic_bits;
        }
        while (j > 0 && p[j] > p[j - 1]) { std::swap(p[j], p[j - 1]); --j; }
    }

    uint32_t PackedCount(uint32_t w, uint32_t t) const {
        for (uint32_t j = word_offset[w]; j < word_offset[w + 1] && packed[j]; ++j)
            if ((packed[j] & topic_mask) == t) return packed[j] >> topic_bits;
        return 0;
    }

    // Calls f(topic, count) for each topic word w has tokens in.
    template <class F>
    void ForWordTopics(uint32_t w, F f) const {
        if (settings.sampler == SamplerKind::Sparse) {
            for (uint32_t j = word_offset[w]; j < word_offset[w + 1] && packed[j]; ++j)
                f(packed[j] & topic_mask, packed[j] >> topic_bits);
        } else {
            const uint32_t* row = word_topic.data() + static_cast<size_t>(w) * K;
            for (uint32_t t = 0; t < K; ++t)
                if (row[t]) f(t, row[t]);
        }
    }

    // ---- the open chunk -------------------------------------------------------------------------------------
    // local[], the ascending list of topics in use, their coefficients and the document bucket's mass.
    void CountChunk() {
        const uint16_t* z = assign.data();
        nonzero_count = 0;
        for (uint32_t i = corpus->chunk_start[chunk]; i < corpus->chunk_start[chunk + 1]; ++i)
            if (local[z[i]]++ == 0) nonzero[nonzero_count++] = z[i];
        std::sort(nonzero.begin(), nonzero.begin() + nonzero_count);
        topic_beta_mass = 0;
        for (uint32_t k = 0; k < nonzero_count; ++k) {
            uint32_t t = nonzero[k];
            topic_beta_mass += beta * local[t] * inv_denom[t];
            coef[t] = (alpha[t] + local[t]) * inv_denom[t];
        }
    }

    void CloseChunk() {
        if (settings.sampler == SamplerKind::Dense) {   // the dense sampler does not keep nonzero[]
            std::fill(local.begin(), local.end(), 0u);
            nonzero_count = 0;
            chunk_open = false;
            return;
        }
        for (uint32_t k = 0; k < nonzero_count; ++k) {
            uint32_t t = nonzero[k];
            local[t] = 0;
            coef[t] = alpha[t] * inv_denom[t];
        }
        nonzero_count = 0;
        chunk_open = false;
    }

    void RemoveNonzero(uint32_t t) {
        uint32_t k = 0;
        while (nonzero[k] != t) ++k;
        for (; k + 1 < nonzero_count; ++k) nonzero[k] = nonzero[k + 1];
        --nonzero_count;
    }
    void InsertNonzero(uint32_t t) {
        uint32_t k = nonzero_count;
        while (k > 0 && nonzero[k - 1] > t) { nonzero[k] = nonzero[k - 1]; --k; }
        nonzero[k] = static_cast<uint16_t>(t);
        ++nonzero_count;
    }

    // ---- sampling ---------------------------------------------------------------------------------------
    // Samples tokens [begin, end) of the open chunk.
    template <SamplerKind S>
    void SampleTokens(uint32_t begin, uint32_t end);

    // The whole loop: samples until the target, the token budget or the deadline; true when the target is met.
    template <SamplerKind S>
    bool Run(uint64_t max_tokens, const core::Deadline* deadline) {
        uint64_t done = 0;
        uint32_t since_check = 0;
        const std::vector<uint32_t>& starts = corpus->chunk_start;
        while (sweeps_done < settings.sweeps) {
            if (!chunk_open) {
                chunk_open = true;
                CountChunk();
            }
            uint32_t end = starts[chunk + 1];
            uint64_t n = std::min<uint64_t>({end - pos, max_tokens - done, kDeadlineEveryTokens - since_check});
            SampleTokens<S>(pos, pos + static_cast<uint32_t>(n));
            pos += static_cast<uint32_t>(n);
            done += n;
            since_check += static_cast<uint32_t>(n);
            tokens_sampled += n;
            if (pos == end) {
                CloseChunk();
                if (++chunk == chunks) EndSweep();
            }
            if (since_check >= kDeadlineEveryTokens) {
                since_check = 0;
                if (deadline && deadline->Expired()) break;
            }
            if (done >= max_tokens) break;
        }
        return sweeps_done >= settings.sweeps;
    }

    bool Advance(uint64_t max_tokens, const core::Deadline* deadline) {
        if (settings.sampler == SamplerKind::Sparse) return Run<SamplerKind::Sparse>(max_tokens, deadline);
        return Run<SamplerKind::Dense>(max_tokens, deadline);
    }

    // ---- between sweeps: α statistics and hyperparameter optimisation ----------------------------------
    void EndSweep() {
        ++sweeps_done;
        chunk = 0;
        pos = 0;
        if (settings.optimize && sweeps_done > settings.burn_in) {
            int stats_interval = std::min(kMaxStatsInterval, settings.optimize_interval);
            if (sweeps_done % stats_interval == 0) GatherAlphaStatistics();
            if (sweeps_done % settings.optimize_interval == 0) {
                OptimizeAlpha();
                OptimizeBeta();
                length_hist.clear();
                for (auto& h : topic_hist) h.clear();
                for (uint32_t t = 0; t < K; ++t) {
                    inv_denom[t] = 1.0 / (topic_total[t] + beta_sum);
                    coef[t] = alpha[t] * inv_denom[t];
                }
            }
        }
        smoothing_mass = SmoothingMass();
    }

    void GatherAlphaStatistics() {
        const uint16_t* z = assign.data();
        std::vector<uint32_t> counts(K, 0);
        std::vector<uint16_t> used;
        for (uint32_t c = 0; c < chunks; ++c) {
            uint32_t begin = corpus->chunk_start[c], end = corpus->chunk_start[c + 1];
            if (length_hist.size() <= end - begin) length_hist.resize(end - begin + 1, 0);
            ++length_hist[end - begin];
            used.clear();
            for (uint32_t i = begin; i < end; ++i)
                if (counts[z[i]]++ == 0) used.push_back(z[i]);
            for (uint16_t t : used) {
                std::vector<uint32_t>& h = topic_hist[t];
                if (h.size() <= counts[t]) h.resize(counts[t] + 1, 0);
                ++h[counts[t]];
                counts[t] = 0;
            }
        }
    }

    // One step of Minka's fixed point with a Gamma(1.001, 1) prior on each αₜ (MALLET's
    // learnParameters(…, 1.001, 1.0, 1)); when it leaves the positive finite numbers — MALLET's "Dirichlet
    // optimization has become unstable", seen on tiny corpora — every αₜ is reset to 1, as MALLET does.
    void OptimizeAlpha() {
        Histogram lengths = FromDense(length_hist);
        if (lengths.empty()) return;
        double denominator = DigammaDifferenceSum(alpha_sum, lengths) - 1.0;
        std::vector<double> next(K);
        double sum = 0;
        bool stable = denominator > 0;
        for (uint32_t t = 0; t < K && stable; ++t) {
            next[t] = (alpha[t] * DigammaDifferenceSum(alpha[t], FromDense(topic_hist[t])) + kAlphaShape) / denominator;
            stable = next[t] > 0 && next[t] < 1e300;
            sum += next[t];
        }
        if (!stable || !(sum < 1e300)) {
            std::fill(alpha.begin(), alpha.end(), 1.0);
            alpha_sum = K;
            return;
        }
        alpha = std::move(next);
        alpha_sum = sum;
    }

    // β by learnSymmetricConcentration over the histogram of the nonzero n(w, t) and that of n(t).
    void OptimizeBeta() {
        std::vector<uint32_t> dense;
        for (uint32_t w = 0; w < V; ++w)
            ForWordTopics(w, [&](uint32_t, uint32_t n) {
                if (dense.size() <= n) dense.resize(n + 1, 0);
                ++dense[n];
            });
        std::vector<uint32_t> sizes;
        for (uint32_t t = 0; t < K; ++t) {
            if (sizes.size() <= topic_total[t]) sizes.resize(topic_total[t] + 1, 0);
            ++sizes[topic_total[t]];
        }
        double next_sum = LearnSymmetricConcentration(FromDense(dense), FromDense(sizes), V, beta_sum);
        beta_sum = next_sum;
        beta = beta_sum / V;
    }

    // ---- reading the state ------------------------------------------------------------------------------
    // LogLikelihood in pieces (chunks 64 at a time, then words 4,096 at a time), the same sum in the same order
    // however sliced. `deadline` null: to the end. True when `sum.ll` is complete.
    struct LikelihoodSum {
        enum class Part { Chunks, Words, Done } part = Part::Chunks;
        bool started = false;
        uint32_t next = 0;
        double ll = 0;
        uint64_t nonzero_cells = 0;
        std::vector<double> log_gamma_alpha;
        std::vector<uint32_t> counts;
        std::vector<uint16_t> used;
    };
    bool SumLogLikelihood(LikelihoodSum& sum, const core::Deadline* deadline) const {
        const uint16_t* z = assign.data();
        if (!sum.started) {
            sum.started = true;
            sum.log_gamma_alpha.resize(K);
            for (uint32_t t = 0; t < K; ++t) sum.log_gamma_alpha[t] = LogGamma(alpha[t]);
            sum.counts.assign(K, 0);
        }
        while (sum.part == LikelihoodSum::Part::Chunks) {
            const uint32_t last = std::min(chunks, sum.next + 64);
            for (uint32_t c = sum.next; c < last; ++c) {
                uint32_t begin = corpus->chunk_start[c], end = corpus->chunk_start[c + 1];
                sum.used.clear();
                for (uint32_t i = begin; i < end; ++i)
                    if (sum.counts[z[i]]++ == 0) sum.used.push_back(z[i]);
                std::sort(sum.used.begin(), sum.used.end());   // a fixed order of summation
                for (uint16_t t : sum.used) {
                    sum.ll += LogGamma(alpha[t] + sum.counts[t]) - sum.log_gamma_alpha[t];
                    sum.counts[t] = 0;
                }
                sum.ll -= LogGamma(alpha_sum + (end - begin));
            }
            sum.next = last;
            if (last == chunks) {
                sum.ll += chunks * LogGamma(alpha_sum);
                sum.part = LikelihoodSum::Part::Words;
                sum.next = 0;
            }
            if (deadline && deadline->Expired()) return false;
        }
        while (sum.part == LikelihoodSum::Part::Words) {
            const uint32_t last = std::min(V, sum.next + 4096);
            for (uint32_t w = sum.next; w < last; ++w)
                ForWordTopics(w, [&](uint32_t, uint32_t n) {
                    sum.ll += LogGamma(beta + n);
                    ++sum.nonzero_cells;
                });
            sum.next = last;
            if (last == V) {
                for (uint32_t t = 0; t < K; ++t) sum.ll -= LogGamma(beta_sum + topic_total[t]);
                sum.ll += K * LogGamma(beta_sum);
                sum.ll -= static_cast<double>(sum.nonzero_cells) * LogGamma(beta);
                sum.part = LikelihoodSum::Part::Done;
            }
            if (deadline && deadline->Expired()) return sum.part == LikelihoodSum::Part::Done;
        }
        return true;
    }

    double LogLikelihood() const {
        LikelihoodSum sum;
        SumLogLikelihood(sum, nullptr);
        return sum.ll;
    }

    // A snapshot in pieces (TopicModel::SnapshotStep): the counts prepared, n(w, t) 4,096 words at a time,
    // n(c, t) 64 chunks at a time, then the log-likelihood in its pieces.
    struct SnapshotWork {
        enum class Part { Prepare, Words, Chunks, Likelihood, Done } part = Part::Prepare;
        uint32_t next = 0;
        TopicSnapshot s;
        LikelihoodSum sum;
    };
    std::unique_ptr<SnapshotWork> snapshot_work;   // between BeginSnapshot and TakeSnapshot

    bool StepSnapshot(SnapshotWork& work, const core::Deadline* deadline) {
        TopicSnapshot& s = work.s;
        using Part = SnapshotWork::Part;
        do {
            switch (work.part) {
            case Part::Prepare:
                if (!Prepare(deadline)) return false;
                s.topics = static_cast<int>(K);
                s.vocab_size = V;
                s.alpha = alpha;
                s.beta = beta;
                s.word_topic.assign(static_cast<size_t>(V) * K, 0);
                s.topic_total = topic_total;
                s.chunk_topic.assign(static_cast<size_t>(chunks) * K, 0);
                s.chunk_length.resize(chunks);
                s.sweeps = sweeps_done;
                work.part = Part::Words;
                work.next = 0;
                break;
            case Part::Words: {
                const uint32_t last = std::min(V, work.next + 4096);
                for (uint32_t w = work.next; w < last; ++w)
                    ForWordTopics(w, [&](uint32_t t, uint32_t n) { s.word_topic[static_cast<size_t>(w) * K + t] = n; });
                work.next = last;
                if (last == V) {
                    work.part = Part::Chunks;
                    work.next = 0;
                }
                break;
            }
            case Part::Chunks: {
                const uint32_t last = std::min(chunks, work.next + 64);
                for (uint32_t c = work.next; c < last; ++c) {
                    uint32_t begin = corpus->chunk_start[c], end = corpus->chunk_start[c + 1];
                    s.chunk_length[c] = end - begin;
                    for (uint32_t i = begin; i < end; ++i) ++s.chunk_topic[static_cast<size_t>(c) * K + assign[i]];
                }
                work.next = last;
                if (last == chunks) work.part = Part::Likelihood;
                break;
            }
            case Part::Likelihood:
                if (!SumLogLikelihood(work.sum, deadline)) return false;
                s.log_likelihood_per_token = work.sum.ll / corpus->tokens.size();
                work.part = Part::Done;
                break;
            case Part::Done: return true;
            }
        } while (!deadline || !deadline->Expired());
        return work.part == Part::Done;
    }

    uint32_t WordTopicCount(uint32_t w, uint32_t t) const {
        return settings.sampler == SamplerKind::Sparse ? PackedCount(w, t) : word_topic[static_cast<size_t>(w) * K + t];
    }
};

// ---- the two samplers --------------------------------------------------------------------------------------

// SparseLDA (Yao, Mimno & McCallum 2009). p(t) ∝ (αₜ + n(c,t)) (β + n(w,t)) / (n(t) + βV) splits into
//   smoothing  αₜ β / (n(t) + βV)                  all topics, mass kept incrementally through the sweep
//   document   β n(c,t) / (n(t) + βV)              the chunk's topics, mass kept through the chunk
//   word       n(w,t) (αₜ + n(c,t)) / (n(t) + βV)  the word's topics: coef[t] · n(w,t), summed per token
//              (their running sums in scores[], so the walk is a comparison per topic)
// and a uniform draw picks the bucket, then the topic within it. The word bucket is usually most of the mass
// and its topics come sorted by count, so its walk is short.
template <>
void TopicModel::Impl::SampleTokens<SamplerKind::Sparse>(uint32_t begin, uint32_t end) {
    const uint32_t* tokens = corpus->tokens.data();
    uint16_t* z = assign.data();
    const double* a = alpha.data();
    double* inv = inv_denom.data();
    double* cf = coef.data();
    double* sc = scores.data();
    uint32_t* nt = topic_total.data();
    uint32_t* lc = local.data();
    const uint32_t bits = topic_bits, mask = topic_mask, one = 1u << topic_bits;
    const double b = beta, bsum = beta_sum;
    double smoothing = smoothing_mass, doc_mass = topic_beta_mass;

    for (uint32_t i = begin; i < end; ++i) {
        const uint32_t w = tokens[i];
        const uint32_t old = z[i];
        uint32_t* p = packed.data() + word_offset[w];

        // Take the token out of n(t), n(c,t) and the masses.
        smoothing -= a[old] * b * inv[old];
        doc_mass -= b * lc[old] * inv[old];
        if (--lc[old] == 0) RemoveNonzero(old);
        inv[old] = 1.0 / (--nt[old] + bsum);
        smoothing += a[old] * b * inv[old];
        doc_mass += b * lc[old] * inv[old];
        cf[old] = (a[old] + lc[old]) * inv[old];

        // Take the token out of n(w, old): a count that drops to 0 leaves the word's list (the rest move up), any
        // other moves right to stay sorted.
        uint32_t used = word_used[w];
        {
            uint32_t j = 0;
            while ((p[j] & mask) != old) ++j;
            p[j] -= one;
            if (p[j] < one) {
                for (; j + 1 < used; ++j) p[j] = p[j + 1];
                p[--used] = 0;
                word_used[w] = used;
            } else {
                for (; j + 1 < used && p[j] < p[j + 1]; ++j) std::swap(p[j], p[j + 1]);
            }
        }
        // The word bucket: running sums of coef[t] · n(w, t) over the word's topics.
        double word_mass = 0;
        for (uint32_t j = 0; j < used; ++j) {
            word_mass += cf[p[j] & mask] * (p[j] >> bits);
            sc[j] = word_mass;
        }

        double u = rng.NextUnit() * (smoothing + doc_mass + word_mass);
        uint32_t chosen;
        if (u < word_mass) {
            uint32_t k = 0;
            while (k + 1 < used && u >= sc[k]) ++k;
            chosen = p[k] & mask;
            p[k] += one;
            while (k > 0 && p[k] > p[k - 1]) { std::swap(p[k], p[k - 1]); --k; }
        } else {
            u -= word_mass;
            if (u < doc_mass) {
                u /= b;
                uint32_t k = 0;
                chosen = nonzero[0];
                for (; k < nonzero_count; ++k) {
                    chosen = nonzero[k];
                    u -= lc[chosen] * inv[chosen];
                    if (u <= 0) break;
                }
            } else {
                u = (u - doc_mass) / b;
                chosen = 0;
                u -= a[0] * inv[0];
                while (u > 0 && chosen + 1 < K) { ++chosen; u -= a[chosen] * inv[chosen]; }
            }
            AddPacked(w, chosen);
        }

        // Put the token back under its new topic.
        smoothing -= a[chosen] * b * inv[chosen];
        doc_mass -= b * lc[chosen] * inv[chosen];
        if (lc[chosen]++ == 0) InsertNonzero(chosen);
        inv[chosen] = 1.0 / (++nt[chosen] + bsum);
        smoothing += a[chosen] * b * inv[chosen];
        doc_mass += b * lc[chosen] * inv[chosen];
        cf[chosen] = (a[chosen] + lc[chosen]) * inv[chosen];
        z[i] = static_cast<uint16_t>(chosen);
    }
    smoothing_mass = smoothing;
    topic_beta_mass = doc_mass;
}

// jsLDA's sampler: all K probabilities (αₜ + n(c,t)) (β + n(w,t)) / (n(t) + βV) per token, their running sum,
// a uniform draw and a walk. The denominators' inverses are kept (one division per changed topic instead of
// K per token): the same probabilities, a fair baseline.
template <>
void TopicModel::Impl::SampleTokens<SamplerKind::Dense>(uint32_t begin, uint32_t end) {
    const uint32_t* tokens = corpus->tokens.data();
    uint16_t* z = assign.data();
    const double* a = alpha.data();
    double* inv = inv_denom.data();
    double* cumulative = scores.data();
    uint32_t* nt = topic_total.data();
    uint32_t* lc = local.data();
    const double b = beta, bsum = beta_sum;
    const uint32_t k_topics = K;

    for (uint32_t i = begin; i < end; ++i) {
        uint32_t* wt = word_topic.data() + static_cast<size_t>(tokens[i]) * k_topics;
        const uint32_t old = z[i];
        --lc[old];
        --wt[old];
        inv[old] = 1.0 / (--nt[old] + bsum);
        double sum = 0;
        for (uint32_t t = 0; t < k_topics; ++t) {
            sum += (a[t] + lc[t]) * (b + wt[t]) * inv[t];
            cumulative[t] = sum;
        }
        const double u = rng.NextUnit() * sum;
        uint32_t chosen = 0;
        while (chosen + 1 < k_topics && cumulative[chosen] <= u) ++chosen;
        ++lc[chosen];
        ++wt[chosen];
        inv[chosen] = 1.0 / (++nt[chosen] + bsum);
        z[i] = static_cast<uint16_t>(chosen);
    }
}

// ---- TopicModel ---------------------------------------------------------------------------------------------

TopicModel::TopicModel(std::unique_ptr<Impl> impl) : P(std::move(impl)) {}
TopicModel::TopicModel(TopicModel&&) noexcept = default;
TopicModel& TopicModel::operator=(TopicModel&&) noexcept = default;
TopicModel::~TopicModel() = default;

core::Result<TopicModel> TopicModel::Start(const TopicCorpus& corpus, const TrainSettings& settings) {
    if (core::Status s = CheckSettings(settings); !s.ok()) return s;
    if (core::Status s = CheckCorpus(corpus); !s.ok()) return s;
    auto impl = std::make_unique<Impl>();
    impl->Init(corpus, settings);
    std::vector<uint32_t> freq(impl->V, 0);
    for (uint32_t w : corpus.tokens) ++freq[w];
    if (core::Status s = impl->CheckWordFrequencies(freq); !s.ok()) return s;
    impl->rng = Rng(settings.seed);
    impl->assign.resize(corpus.tokens.size());
    impl->SetUpCounts(true);   // drawn and counted by Prepare
    return TopicModel(std::move(impl));
}

bool TopicModel::Prepare(core::Deadline deadline) { return P->Prepare(&deadline); }

bool TopicModel::Step(core::Deadline deadline) {
    if (!P->Prepare(&deadline)) return false;
    return P->Advance(UINT64_MAX, &deadline);
}

bool TopicModel::StepTokens(uint64_t tokens) {
    P->Prepare(nullptr);
    return P->Advance(tokens, nullptr);
}
void TopicModel::AddSweeps(int sweeps) { if (sweeps > 0) P->settings.sweeps += sweeps; }

int TopicModel::SweepsDone() const { return P->sweeps_done; }
int TopicModel::SweepsTarget() const { return P->settings.sweeps; }
uint64_t TopicModel::TokensSampled() const { return P->tokens_sampled; }
// (The accessors below prepare the counts first: preparing changes no result, only when the work is done.)
double TopicModel::LogLikelihood() const { P->Prepare(nullptr); return P->LogLikelihood(); }
double TopicModel::LogLikelihoodPerToken() const { return LogLikelihood() / P->corpus->tokens.size(); }
const std::vector<double>& TopicModel::Alpha() const { return P->alpha; }
double TopicModel::Beta() const { return P->beta; }
const TrainSettings& TopicModel::Settings() const { return P->settings; }
const std::vector<uint16_t>& TopicModel::Assignments() const { P->Prepare(nullptr); return P->assign; }

TopicSnapshot TopicModel::Snapshot() const {
    Impl::SnapshotWork work;
    P->StepSnapshot(work, nullptr);
    return std::move(work.s);
}

void TopicModel::BeginSnapshot() { P->snapshot_work = std::make_unique<Impl::SnapshotWork>(); }

bool TopicModel::SnapshotStep(core::Deadline deadline) {
    assert(P->snapshot_work);
    return P->StepSnapshot(*P->snapshot_work, &deadline);
}

TopicSnapshot TopicModel::TakeSnapshot() {
    assert(P->snapshot_work && P->snapshot_work->part == Impl::SnapshotWork::Part::Done);
    TopicSnapshot s = std::move(P->snapshot_work->s);
    P->snapshot_work.reset();
    return s;
}

uint64_t TopicModel::Hash() const {
    P->Prepare(nullptr);
    const Impl& m = *P;
    uint64_t h = kFnvOffset;
    for (uint16_t t : m.assign) {
        unsigned char bytes[2] = {static_cast<unsigned char>(t), static_cast<unsigned char>(t >> 8)};
        h = Fnv(h, bytes, 2);
    }
    auto add64 = [&](uint64_t v) {
        unsigned char bytes[8];
        for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(v >> (8 * i));
        h = Fnv(h, bytes, 8);
    };
    for (double a : m.alpha) add64(DoubleBits(a));
    add64(DoubleBits(m.beta));
    add64(m.rng.state);
    add64(m.rng.inc);
    return h;
}

bool TopicModel::CountsConsistent() const {
    P->Prepare(nullptr);
    const Impl& m = *P;
    std::vector<uint32_t> totals(m.K, 0), word(static_cast<size_t>(m.V) * m.K, 0);
    for (size_t i = 0; i < m.assign.size(); ++i) {
        if (m.assign[i] >= m.K) return false;
        ++totals[m.assign[i]];
        ++word[static_cast<size_t>(m.corpus->tokens[i]) * m.K + m.assign[i]];
    }
    if (totals != m.topic_total) return false;
    for (uint32_t w = 0; w < m.V; ++w) {
        if (m.settings.sampler == SamplerKind::Sparse) {
            // Sorted descending, zeros only at the end, and the same counts.
            uint32_t begin = m.word_offset[w], end = m.word_offset[w + 1];
            for (uint32_t j = begin; j + 1 < end; ++j)
                if (m.packed[j] < m.packed[j + 1] || (m.packed[j] == m.packed[j + 1] && m.packed[j] != 0)) return false;
            uint32_t used = 0;
            for (uint32_t j = begin; j < end; ++j) used += m.packed[j] != 0;
            if (used != m.word_used[w]) return false;
        }
        for (uint32_t t = 0; t < m.K; ++t)
            if (m.WordTopicCount(w, t) != word[static_cast<size_t>(w) * m.K + t]) return false;
    }
    if (m.chunk_open) {
        std::vector<uint32_t> local(m.K, 0);
        for (uint32_t i = m.corpus->chunk_start[m.chunk]; i < m.corpus->chunk_start[m.chunk + 1]; ++i) ++local[m.assign[i]];
        if (local != m.local) return false;
    } else {
        for (uint32_t n : m.local) if (n) return false;
    }
    for (uint32_t t = 0; t < m.K; ++t)
        if (m.inv_denom[t] != 1.0 / (m.topic_total[t] + m.beta_sum)) return false;
    return true;
}

std::string TopicModel::Serialize() const {
    P->Prepare(nullptr);
    const Impl& m = *P;
    Writer w;
    w.out.append(kMagic, 4);
    w.U32(kFormatVersion);
    const TrainSettings& s = m.settings;
    w.U32(m.K);
    w.U64(s.seed);
    w.U32(static_cast<uint32_t>(s.sweeps));
    w.F64(s.alpha_sum);
    w.F64(s.beta);
    w.U8(s.optimize);
    w.U32(static_cast<uint32_t>(s.burn_in));
    w.U32(static_cast<uint32_t>(s.optimize_interval));
    w.U8(static_cast<uint8_t>(s.sampler));
    w.U64(m.corpus->tokens.size());
    w.U32(m.V);
    w.U32(m.chunks);
    w.U64(CorpusFingerprint(*m.corpus));
    w.U32(static_cast<uint32_t>(m.sweeps_done));
    w.U32(m.chunk);
    w.U32(m.pos);
    w.U8(m.chunk_open);
    w.U64(m.rng.state);
    w.U64(m.rng.inc);
    w.F64(m.smoothing_mass);
    w.F64(m.topic_beta_mass);
    w.F64(m.beta);
    for (double a : m.alpha) w.F64(a);
    Histogram lengths = FromDense(m.length_hist);
    w.U32(static_cast<uint32_t>(lengths.size()));
    for (auto [n, f] : lengths) { w.U32(n); w.U32(f); }
    for (uint32_t t = 0; t < m.K; ++t) {
        Histogram h = FromDense(m.topic_hist[t]);
        w.U32(static_cast<uint32_t>(h.size()));
        for (auto [n, f] : h) { w.U32(n); w.U32(f); }
    }
    for (uint16_t t : m.assign) { w.U8(static_cast<uint8_t>(t)); w.U8(static_cast<uint8_t>(t >> 8)); }
    return std::move(w.out);
}

core::Result<TopicModel> TopicModel::Restore(const TopicCorpus& corpus, std::string_view bytes) {
    auto corrupt = [](const char* what) {
        return core::Error(core::StatusCode::Corrupt, std::string("The saved topic model is damaged (") + what + ").");
    };
    if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 4) != 0) return corrupt("not a topic model");
    Reader r{bytes, 4};
    uint32_t version = r.U32();
    if (version > kFormatVersion)
        return core::Error(core::StatusCode::Unsupported,
                           "This topic model was saved by a newer version of Corpus Lens (format " + std::to_string(version) +
                               "; this version reads up to " + std::to_string(kFormatVersion) +
                               "). Open it with a newer Corpus Lens, or train it again.");
    if (version == 0) return corrupt("format 0");
    TrainSettings s;
    s.topics = static_cast<int>(r.U32());
    s.seed = r.U64();
    s.sweeps = static_cast<int>(r.U32());
    s.alpha_sum = r.F64();
    s.beta = r.F64();
    s.optimize = r.U8() != 0;
    s.burn_in = static_cast<int>(r.U32());
    s.optimize_interval = static_cast<int>(r.U32());
    s.sampler = static_cast<SamplerKind>(r.U8());
    if (r.failed) return corrupt("truncated");
    if (core::Status st = CheckSettings(s); !st.ok()) return corrupt("settings out of range");
    if (core::Status st = CheckCorpus(corpus); !st.ok()) return st;
    uint64_t tokens = r.U64();
    uint32_t vocab = r.U32(), chunks = r.U32();
    uint64_t fingerprint = r.U64();
    if (r.failed) return corrupt("truncated");
    if (tokens != corpus.tokens.size() || vocab != corpus.VocabSize() || chunks != corpus.Chunks() ||
        fingerprint != CorpusFingerprint(corpus))
        return Invalid("This saved topic model was trained on other words than the corpus has now (documents or "
                       "vocabulary settings changed). Train it again.");
    auto impl = std::make_unique<Impl>();
    Impl& m = *impl;
    m.Init(corpus, s);
    m.sweeps_done = static_cast<int>(r.U32());
    m.chunk = r.U32();
    m.pos = r.U32();
    m.chunk_open = r.U8() != 0;
    m.rng.state = r.U64();
    m.rng.inc = r.U64();
    m.smoothing_mass = r.F64();
    m.topic_beta_mass = r.F64();
    m.beta = r.F64();
    m.beta_sum = m.beta * m.V;
    m.alpha_sum = 0;
    for (double& a : m.alpha) { a = r.F64(); m.alpha_sum += a; }
    if (r.failed) return corrupt("truncated");
    if (m.sweeps_done < 0 || m.chunk >= m.chunks || m.pos < corpus.chunk_start[m.chunk] ||
        m.pos > corpus.chunk_start[m.chunk + 1] || (!m.chunk_open && m.pos != corpus.chunk_start[m.chunk]) ||
        !(m.beta > 0) || !(m.alpha_sum > 0))
        return corrupt("sampler state out of range");
    auto read_histogram = [&](std::vector<uint32_t>* dense) {
        uint32_t pairs = r.U32();
        if (r.failed || pairs > bytes.size() / 8) { r.failed = true; return; }
        for (uint32_t k = 0; k < pairs && !r.failed; ++k) {
            uint32_t n = r.U32(), f = r.U32();
            if (n > corpus.tokens.size()) { r.failed = true; return; }
            if (dense->size() <= n) dense->resize(n + 1, 0);
            (*dense)[n] = f;
        }
    };
    read_histogram(&m.length_hist);
    for (uint32_t t = 0; t < m.K; ++t) read_histogram(&m.topic_hist[t]);
    m.assign.resize(corpus.tokens.size());
    for (uint16_t& t : m.assign) {
        t = static_cast<uint16_t>(r.U8() | (r.U8() << 8));
        if (t >= m.K) return corrupt("a topic beyond K");
    }
    if (r.failed) return corrupt("truncated");
    if (r.at != bytes.size()) return corrupt("trailing bytes");
    std::vector<uint32_t> freq(m.V, 0);
    for (uint32_t w : corpus.tokens) ++freq[w];
    if (core::Status st = m.CheckWordFrequencies(freq); !st.ok()) return st;
    m.restored = true;
    m.saved_doc_mass = m.topic_beta_mass;
    m.SetUpCounts(false);   // counted by Prepare
    return TopicModel(std::move(impl));
}

}  // namespace analysis::topics
