// What the Topics view and `corpuslens topics` show, computed from a TopicSnapshot (topics/model.h) and its
// TopicCorpus: top words by probability and by LDAvis' relevance, topic shares, document mixes rolled up from
// chunks, the intertopic distance map (Jensen–Shannon distances, classical MDS), topic correlations, coherence
// (UMass and document-level NPMI), and prevalence per year or per metadata value. No SQLite, no ImGui; every
// order has an explicit tie-break (lower index first) and every sum runs in index order, so results are
// identical natively and in wasm.
#pragma once
#include <cstdint>
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
// The model's log-likelihood log p(w, z) (MALLET's modelLogLikelihood, chunks as its documents) from a snapshot,
// in slices for a job: a block of chunk rows, then a block of word rows, per look at the clock. The same value
// whatever the slices; it may differ from TopicModel::LogLikelihood in the last bits (another summation order).
// At K = 100 on the State of the Union the whole sum is ~1 M LogGamma calls (tens of ms), too long for a frame.
class LogLikelihoodJob {
public:
    explicit LogLikelihoodJob(const TopicSnapshot& s);   // `s` must outlive the job
    bool Step(core::Deadline deadline);                  // true when done
    double PerToken() const;                             // once Step returned true (0 for no tokens)

private:
    const TopicSnapshot* S;
    std::vector<double> LogGammaAlpha;
    double AlphaSum = 0, Sum = 0;
    uint64_t Tokens = 0, Nonzero = 0;
    size_t NextChunk = 0;
    uint32_t NextWord = 0;
    bool Done = false;
};

// Classical (Torgerson) MDS of a K × K distance matrix into 2-D (LDAvis' default), deterministic: the double-
// centred −½D² matrix's two largest eigenvectors by power iteration on a block of two vectors from fixed
// starts (each step orthogonalised, Gram–Schmidt deflating the first from the second; shifted when a negative
// eigenvalue would win), then the 2 × 2 Rayleigh–Ritz problem; each sign fixed so the largest component (by
// magnitude, lower index on ties) is positive; coordinates eigenvector × √max(eigenvalue, 0). Some 140
// iterations at K = 100 on the State of the Union; at most 1,300.
std::vector<std::pair<double, double>> ClassicalMds(const std::vector<double>& distances, int k);
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

// Topic prevalence per group (years, a field's values): `doc_group[d]` is document d's group (−1: none), and
// the result is groups × topics, each row the token-weighted mean θ of its documents (NaN for a group with no
// documents, so a chart shows a gap, not a zero).
std::vector<double> PrevalenceByGroup(const std::vector<double>& doc_topics, const TopicCorpus& corpus,
                                      const std::vector<int>& doc_group, int groups, int topics);

}  // namespace analysis::topics
