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
std::vector<double> TopicDistances(const TopicSnapshot& s);
// Classical (Torgerson) MDS of a K × K distance matrix into 2-D (LDAvis' default), deterministic: the double-
// centred −½D² matrix's two largest eigenvectors by power iteration (shifted to be positive semi-definite,
// deflated by orthogonalising against the first) from fixed start vectors, each sign fixed so its largest
// component (by magnitude, lower index on ties) is positive; coordinates eigenvector × √max(eigenvalue, 0).
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
