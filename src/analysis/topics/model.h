// LDA trained by collapsed Gibbs sampling, resumable in time slices (a job's Step), reproducible bit for bit
// from a seed natively and in wasm. Two samplers over the same counts:
//   Sparse — MALLET's SparseLDA (Yao, Mimno & McCallum 2009): the smoothing, document and word buckets, the
//            word's topic counts packed (count << bits | topic) and kept sorted, so a token costs about the
//            number of topics its word and its chunk use, not K. The default.
//   Dense  — jsLDA's algorithm: K probabilities per token. For benchmarks and tests only (the baseline).
// Hyperparameters are optimised as MALLET does (on by default): after `burn_in` sweeps, every
// `optimize_interval` sweeps, asymmetric α by Minka's fixed point on the histograms of chunk-topic counts
// (Wallach's method) and symmetric β likewise, guarded against collapse.
//
//     analysis::topics::TrainSettings settings;            // zero-means-default: K 20, seed 1, 1000 sweeps
//     auto model = analysis::topics::TopicModel::Start(corpus, settings);   // corpus must outlive the model
//     if (!model.ok()) return Show(model.status().message());              // K out of range, no tokens …
//     while (!model->Step(core::Deadline::In(6))) ShowProgress(model->SweepsDone(), model->LogLikelihoodPerToken());
//     TopicSnapshot s = model->Snapshot();                // counts for the charts (topics/summary.h)
//
// Reproducibility: where a slice ends never changes the result — every piece of sampler state (cursor, RNG,
// incremental bucket masses, the current chunk's cached coefficients) lives in the object, so Step may stop
// after any token and the next Step continues exactly. Only our own Rng and math (rng.h, math.h) are used,
// the library is compiled with -ffp-contract=off, and nothing iterates an unordered container.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/topics/corpus.h"
#include "core/deadline.h"
#include "core/status.h"

namespace analysis::topics {

enum class SamplerKind : uint8_t { Sparse, Dense };

inline constexpr int kMinTopics = 2;
inline constexpr int kMaxTopics = 500;

struct TrainSettings {
    int topics = 20;               // K, kMinTopics … kMaxTopics
    uint64_t seed = 1;
    int sweeps = 1000;             // passes over every token
    double alpha_sum = 5.0;        // initial Σα (each topic alpha_sum / K), as MALLET's --alpha
    double beta = 0.01;            // initial β
    bool optimize = true;          // re-estimate α and β (MALLET's --optimize-interval)
    int burn_in = 200;             // sweeps before the first optimisation
    int optimize_interval = 50;    // sweeps between optimisations
    SamplerKind sampler = SamplerKind::Sparse;
};

// Everything the charts need, detached from the sampler (a copy of the counts at one moment).
struct TopicSnapshot {
    int topics = 0;
    uint32_t vocab_size = 0;
    std::vector<double> alpha;              // per topic
    double beta = 0;
    std::vector<uint32_t> word_topic;       // n(w, t): vocab_size × topics, row-major (word w's row)
    std::vector<uint32_t> topic_total;      // n(t) = Σ_w n(w, t)
    std::vector<uint32_t> chunk_topic;      // n(c, t): chunks × topics, row-major
    std::vector<uint32_t> chunk_length;     // tokens per chunk
    int sweeps = 0;                          // sweeps done when it was taken
    double log_likelihood_per_token = 0;    // LogLikelihood() / tokens
};

class TopicModel {
public:
    // Random initial assignments from the seed. InvalidInput (with a message for the user) when K is out of
    // range, the corpus has no tokens, or a setting is out of range (sweeps < 1, α or β ≤ 0).
    static core::Result<TopicModel> Start(const TopicCorpus& corpus, const TrainSettings& settings);
    // A model saved with Serialize, over the same corpus (same tokens; Corrupt or InvalidInput otherwise;
    // Unsupported for a newer format version).
    static core::Result<TopicModel> Restore(const TopicCorpus& corpus, std::string_view bytes);
    // Start and Restore leave the counts to build from the assignments (O(tokens): ~50 ms on the State of the
    // Union). Prepare builds them until `deadline` and returns true when done; a job calls it before its first
    // Step so no step builds them all. Step prepares first too, and every other call prepares all that is left,
    // so nothing depends on whether or how it was called.
    bool Prepare(core::Deadline deadline);

    // Samples until `deadline` or until SweepsTarget() sweeps are done; true when done. May stop after any
    // token; the result never depends on where.
    bool Step(core::Deadline deadline);
    // The same with a work budget instead of time (tests, CLI, benchmarks): at most `tokens` tokens.
    bool StepTokens(uint64_t tokens);
    // "Train N more": raises the target; Step continues from where it is.
    void AddSweeps(int sweeps);

    int SweepsDone() const;
    int SweepsTarget() const;
    uint64_t TokensSampled() const;          // since Start (or Restore), for tokens/s
    // The model's log-likelihood, log p(w, z) (MALLET's modelLogLikelihood): O(V·K + chunks·K), so call it
    // every few sweeps, not every frame.
    double LogLikelihood() const;
    double LogLikelihoodPerToken() const;
    const std::vector<double>& Alpha() const;
    double Beta() const;
    const TrainSettings& Settings() const;
    // Token i's topic (parallel to corpus.tokens).
    const std::vector<uint16_t>& Assignments() const;
    TopicSnapshot Snapshot() const;
    // The same in slices, for a job (copying the counts and the log-likelihood take ~20 ms at K = 100 on the
    // State of the Union): BeginSnapshot, SnapshotStep until true (it works until `deadline`), TakeSnapshot.
    // Do not Step the model in between. The same bits as Snapshot() however sliced.
    void BeginSnapshot();
    bool SnapshotStep(core::Deadline deadline);
    TopicSnapshot TakeSnapshot();
    // FNV-1a 64 over the assignments, the bits of α and β, and the RNG state: equal natively and in wasm.
    uint64_t Hash() const;
    // Recounts every count from the assignments and compares (tests; O(tokens)).
    bool CountsConsistent() const;
    // The whole sampler state (settings, assignments, α, β, RNG, cursor), versioned bytes.
    std::string Serialize() const;

    TopicModel(TopicModel&&) noexcept;
    TopicModel& operator=(TopicModel&&) noexcept;
    ~TopicModel();

private:
    struct Impl;
    explicit TopicModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> P;
};

}  // namespace analysis::topics
