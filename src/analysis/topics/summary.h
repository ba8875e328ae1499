// What the Topics view and `corpuslens topics` show, computed from a TopicSnapshot (topics/model.h) and its
// TopicCorpus: top words by probability and by LDAvis' relevance, topic shares, document mixes rolled up from
// chunks, the intertopic distance map (Jensen–Shannon distances, classical MDS), topic correlations, coherence
// (UMass and document-level NPMI), and prevalence per year or per metadata value. No SQLite, no ImGui; every
// order has an explicit tie-break (lower index first) and every sum runs in index order, so results are
// identical natively and in wasm.
#pragma once
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/topics/corpus.h"
#include "analysis/topics/model.h"
#include "core/deadline.h"

namespace analysis::topics {

struct TopicWord {
    uint32_t word = 0;          // id into TopicCorpus::vocab
    uint32_t count = 0;         // n(w, t): tokens of the word assigned to the topic
    double probability = 0;     // p(w|t) = (n(w,t) + β) / (n(t) + Vβ)
    double lift = 0;            // p(w|t) / p(w), p(w) the word's share of all tokens
    double relevance = 0;       // λ·log p(w|t) + (1−λ)·log lift (Sievert & Shirley 2014)
};

// p(w): each word's share of the corpus's tokens.
std::vector<double> WordProbabilities(const TopicCorpus& corpus);
// The `n` best words of `topic` by relevance at `lambda` (λ = 1: by probability), best first, ties by lower
// word id; only words assigned to the topic at least once (n(w, t) > 0), so fewer than `n` for a small topic.
std::vector<TopicWord> TopWords(const TopicSnapshot& s, const std::vector<double>& word_prob, int topic, int n, double lambda);
// Each topic's share of all tokens, Σ = 1.
std::vector<double> TopicShares(const TopicSnapshot& s);
// θ(d, t) per document (documents × topics, row-major): (Σ_chunks n(c,t) + α_t) / (Σ_chunks len + Σα).
std::vector<double> DocumentTopics(const TopicSnapshot& s, const TopicCorpus& corpus);
// Jensen–Shannon divergence (base 2, in [0, 1]) between every two topics' word distributions p(w|t) (with
// β, as TopWords), K × K. Cost O(K² · words per topic): the words no topic of a pair uses are summed at once.
// That is still about 0.26 s at K = 100 on the State of the Union natively, so the app runs TopicDistanceJob.
std::vector<double> TopicDistances(const TopicSnapshot& s);

// TopicDistances in slices for a job: Step works until the deadline (after a block of words while collecting
// each topic's words, then after each pair) and returns true when every pair is done; the result does not
// depend on where slices end. `s` must outlive the job.
class TopicDistanceJob {
public:
    explicit TopicDistanceJob(const TopicSnapshot& s);
    bool Step(core::Deadline deadline);
    double Progress() const;                  // 0 … 1
    std::vector<double> TakeDistances();      // K × K, once Step returned true

private:
    struct Entry { uint32_t word; double p, log_p; };
    const TopicSnapshot* S;
    std::vector<std::vector<Entry>> Used;     // per topic: the words it uses, ascending, with p(w|t), log p(w|t)
    std::vector<double> ZeroP;                // per topic: p(w|t) of a word it does not use
    std::vector<double> Jsd;
    uint32_t NextWord = 0;                    // collecting: the next word row
    size_t NextRow = 0;                       // pairs: the next row a (pairs a < b)
    size_t NextCol = 0;                       // … and the next b of that row (0: the row's start)
};
// Classical (Torgerson) MDS of a K × K distance matrix into 2-D (LDAvis' default), deterministic: the double-
// centred −½D² matrix's two largest eigenvectors by power iteration on a block of two vectors from fixed
// starts (each step orthogonalised, Gram–Schmidt deflating the first from the second; shifted when a negative
// eigenvalue would win), then the 2 × 2 Rayleigh–Ritz problem; each sign fixed so the largest component (by
// magnitude, lower index on ties) is positive; coordinates eigenvector × √max(eigenvalue, 0). Some 140
// iterations at K = 100 on the State of the Union; at most 1,300.
std::vector<std::pair<double, double>> ClassicalMds(const std::vector<double>& distances, int k);

// ClassicalMds in slices for a job: Step works until the deadline (after the centring, then after each block
// iteration: ~20 µs at K = 100, ~0.5 ms at K = 500) and returns true when the map is ready; the points are the
// same bits however it was sliced. `distances` must outlive the job.
class ClassicalMdsJob {
public:
    ClassicalMdsJob(const std::vector<double>& distances, int k);
    bool Step(core::Deadline deadline);
    std::vector<std::pair<double, double>> TakePoints();   // once Step returned true

private:
    using Vector = std::vector<double>;
    enum class Stage { Centre, Unshifted, Shifted, Done };
    void StartIterations(double shift, int max_iterations);
    bool Iterate();                                        // one block step; true when the iterations end
    void Ritz();
    void Place();
    double Dot(const Vector& x, const Vector& y) const;
    bool Orthonormalise(Vector& v, const std::vector<Vector>& block, size_t count) const;
    void Multiply(const Vector& v, double shift, Vector& out) const;

    const std::vector<double>* Distances;
    size_t N;
    Stage At = Stage::Centre;
    std::vector<double> B;                                 // −½ J D² J, N × N
    double Gershgorin = 0;                                 // bound on |B's eigenvalues|
    std::vector<Vector> Block, Product;
    double Shift = 0;
    int Iteration = 0, MaxIterations = 0;
    bool Converged = false;
    std::array<double, 2> Eigenvalue{0.0, 0.0};
    std::vector<std::pair<double, double>> Points;
};
// Pearson correlation between every two topics' θ across documents, K × K (jsLDA's correlation view).
std::vector<double> TopicCorrelations(const std::vector<double>& doc_topics, int topics);

// D(w): the chunks (the units the model trained on) holding w; D(w, v): holding both; N: all chunks.
struct Coherence {
    // per topic: Σ_{i<j} log((D(w_i, w_j) + 1) / D(w_i)) over its top words, w_i ranked above w_j (Mimno et
    // al. 2011); ≤ 0, higher is better
    std::vector<double> umass;
    // per topic: mean over top-word pairs of log(P(w,v) / P(w)P(v)) / −log P(w,v), P = D / N; −1 for a pair
    // never together, 1 for a pair in every chunk; in [−1, 1], higher is better
    std::vector<double> npmi;
    double mean_umass = 0, mean_npmi = 0;   // over topics; a topic with fewer than two words counts 0
};
// Coherence of each topic's `top_n` words by probability, from chunk co-occurrence in `corpus`.
Coherence TopicCoherence(const TopicSnapshot& s, const TopicCorpus& corpus, int top_n = 10);

// TopicCoherence in slices for a job: Step works until the deadline (a topic's top words, then 65,536 tokens of
// the chunk bit sets, then a topic's pairs at a time) and returns true when done; the same bits however sliced.
// `s` and `corpus` must outlive the job.
class TopicCoherenceJob {
public:
    TopicCoherenceJob(const TopicSnapshot& s, const TopicCorpus& corpus, int top_n = 10);
    bool Step(core::Deadline deadline);
    Coherence TakeCoherence();   // once Step returned true

private:
    enum class Stage { Words, Chunks, Pairs, Done };
    const TopicSnapshot* S;
    const TopicCorpus* Corpus;
    int TopN;
    Stage At = Stage::Words;
    size_t Next = 0;                          // Words, Pairs: topic; Chunks: chunk
    std::vector<double> WordProb;
    std::vector<std::vector<size_t>> Top;     // per topic: its top words as slots
    std::vector<int> SlotOf;                  // word → slot (−1: no topic's top word)
    size_t Slots = 0, Stride = 0;             // distinct top words; 64-bit words per bit set
    std::vector<uint64_t> ChunkBits;          // slot × Stride: the chunks holding the word
    std::vector<uint32_t> ChunkCount;         // slot → D(w)
    Coherence Result;
};

// Topic prevalence per group (years, a field's values): `doc_group[d]` is document d's group (−1: none), and
// the result is groups × topics, each row the token-weighted mean θ of its documents (NaN for a group with no
// documents, so a chart shows a gap, not a zero).
std::vector<double> PrevalenceByGroup(const std::vector<double>& doc_topics, const TopicCorpus& corpus,
                                      const std::vector<int>& doc_group, int groups, int topics);

}  // namespace analysis::topics
