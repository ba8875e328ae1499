// The Topics view's work: a TopicsRun (the model on show with its corpus, shared by TopicsState and the job
// working on it) and TopicsTrainJob, which trains, continues or opens a model a few milliseconds at a time.
// UpdateTopics (app/topics_state.h) starts the jobs and copies what they publish into TopicsState.
//
//     auto run = std::make_shared<app::TopicsRun>();
//     run->corpus_db = state.corpus;  run->documents = …;  run->train = settings;  run->input = input;
//     state.jobs.Add(std::make_unique<app::TopicsTrainJob>(run, app::TopicsJobKind::Train, state.subcorpus));
//     // each frame: if (run->view_serial != seen) show run->view; run->figures has sweep n/N, tokens/s, LL
//
// Phases of a Train job: "preparing word lists" (the backfill of token sequences a corpus from before
// schema 3 lacks, one document at a time, committed as it goes) → "listing documents" (the subcorpus) →
// "reading words" (each document's sequence; TopicCorpusBuilder's first pass) → "choosing words" (its
// second pass) → "sampling" (Step slices; every ~250 ms of sampling or 10 sweeps a snapshot is taken and a new
// TopicsView is derived from it in later steps, one summary computation per step) → "summarising" (the final
// view with coherence) → "saving" (topic_models). A More job continues `run->model` (restored from the saved
// bytes if needed); an Open job loads a saved model and only summarises. Pause (run->paused) keeps the job but
// samples nothing and reports Waiting, so the page can go idle. Cancel or a failure marks the run
// `abandoned`; UpdateTopics then puts the previous model back.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/topics/corpus.h"
#include "analysis/topics/input.h"
#include "analysis/topics/model.h"
#include "analysis/topics/saved.h"
#include "analysis/topics/summary.h"
#include "app/job.h"
#include "app/topics_state.h"
#include "store/corpus.h"

namespace app {

// Train: a new model on the subcorpus. More: `more_sweeps` further sweeps of run->model. Open: run->model_bytes
// (a saved model) restored and summarised, no sampling. Regroup: the shown view derived again for
// run->group_by (no sampling).
enum class TopicsJobKind { Train, More, Open, Regroup };

// Turns a snapshot into a TopicsView in resumable pieces until the step's deadline: shares, θ, correlations and
// prevalence one call each (a few ms at K = 100 on the State of the Union), the topic distances in slices
// (TopicDistanceJob), the map (ClassicalMdsJob) an iteration at a time and coherence (TopicCoherenceJob) a
// topic at a time.
class TopicsViewBuilder {
public:
    TopicsViewBuilder(const TopicsRun& run, analysis::topics::TopicSnapshot snapshot, std::string group_by, bool final);
    // `base` regrouped by `group_by`: everything but the prevalence is `base`'s.
    TopicsViewBuilder(const TopicsRun& run, const TopicsView& base, std::string group_by);
    // Runs pieces until `deadline` (at least one); true when the view is complete.
    bool Step(core::Deadline deadline);
    std::shared_ptr<TopicsView> Take() { return std::move(View); }

private:
    const TopicsRun& Run;
    std::shared_ptr<TopicsView> View;
    std::vector<double> Distances;
    std::unique_ptr<analysis::topics::TopicDistanceJob> DistanceJob;   // over View->snapshot
    std::unique_ptr<analysis::topics::ClassicalMdsJob> Mds;
    std::unique_ptr<analysis::topics::TopicCoherenceJob> Coherence;
    int Piece = 0;
};

// The model on show (or being trained) and everything needed to continue it, colour the Reader and regroup
// its charts. Shared by TopicsState::run and the job working on it; only that job changes it while it runs.
struct TopicsRun {
    std::shared_ptr<store::Corpus> corpus_db;               // the corpus it reads and saves into
    std::shared_ptr<const analysis::topics::TopicCorpus> corpus;
    std::unique_ptr<analysis::topics::TopicModel> model;    // null for an opened model until "train more"
    std::string model_bytes;                                // the saved model (analysis/topics/saved.h); Open
                                                            // (or More without a model) read row model_id when empty
    analysis::topics::TrainSettings train;
    analysis::topics::InputSettings input;
    // Metadata of the documents (state.documents at the start; for an opened model, those still in the corpus),
    // by id, for grouping the charts by year or field.
    std::vector<store::DocumentSummary> documents;
    std::string group_by = "year";
    std::vector<double> word_prob;                          // p(w), once per corpus
    int64_t model_id = 0;                                   // its topic_models row (0: not saved yet)
    std::string name;                                       // the row's name
    std::vector<TopicLabel> labels;                         // Open: the saved labels, shown with its first view

    // Written by the job, read by UpdateTopics
    TopicsTraining figures;
    analysis::topics::TopicCorpusBuilder::Dropped dropped;
    std::shared_ptr<const TopicsView> view;                 // the newest derived view
    uint64_t view_serial = 0;                               // bumped with each new view
    bool committed = false;                                 // the job committed a change (backfill, save)
    bool abandoned = false;                                 // cancelled or failed: show the previous model
    bool done = false;
    // Set by UpdateTopics
    bool fresh = false;                                     // a new run: abandoning it shows the previous one
    bool paused = false;
};

class TopicsTrainJob : public Job {
public:
    // `subcorpus`: the documents to train on (Train only). The run's `documents` must be set (all of the
    // corpus's, by id).
    TopicsTrainJob(std::shared_ptr<TopicsRun> run, TopicsJobKind kind, store::DocFilter subcorpus = {}, int more_sweeps = 0);
    JobState Step(core::Deadline deadline) override;
    void Abandon() override;

private:
    enum class Phase { Backfill, List, Count, Add, Start, Sample, Summarise, Save };
    // Restoring saved bytes (Open; More after a cancelled "train more"): read from the row (Open) and decode
    // in slices, then Restore.
    // Saving: serialise the sampler, encode the saved model in slices, store the row with zeros of its size,
    // write the bytes in pieces (inside our transaction), commit.
    enum class Stage { Begin, Read, Decode, Restore, Encode, Row, Data, Commit };
    JobState Fail(core::Status status);
    void Publish(std::shared_ptr<const TopicsView> view);
    JobState StepBackfill(core::Deadline deadline);
    JobState StepRead(core::Deadline deadline);
    JobState StepSample(core::Deadline deadline);
    JobState StepStart(core::Deadline deadline);
    bool StepRestore(core::Deadline deadline, core::Status* status);
    JobState StepSave(core::Deadline deadline);
    void SetPhase(Phase phase, const char* name, int64_t total);

    std::shared_ptr<TopicsRun> Run;
    TopicsJobKind Kind;
    store::DocFilter Subcorpus;
    int MoreSweeps = 0;
    Phase At = Phase::Backfill;
    int64_t Cursor = 0;                                     // backfill: last document id done
    size_t Next = 0;                                        // reading: next document
    std::vector<std::pair<int64_t, std::string>> Docs;      // (id, language) of the subcorpus, ascending ids
    std::vector<std::vector<uint32_t>> Sequences;           // read in the first pass, used in the second
    std::vector<std::string> Terms;                         // store term id → word
    std::unique_ptr<analysis::topics::TopicCorpusBuilder> Builder;
    std::unique_ptr<TopicsViewBuilder> Deriving;            // the view being derived (null: none)
    std::shared_ptr<const TopicsView> PreviousView;         // More, Regroup: what Abandon puts back
    bool DerivingFinal = false;
    bool Snapshotting = false;                              // a snapshot is being taken (TopicModel::SnapshotStep)
    double SampledMs = 0, LastRefreshMs = 0;                // sampling time so far, and at the last refresh
    uint64_t RefreshTokens = 0;                             // TokensSampled at the last refresh
    int RefreshSweep = 0;
    int StartSweeps = 0;                                    // sweeps done when this job began sampling
    Stage Within = Stage::Begin;                            // where Start (restoring) or Save stands
    std::unique_ptr<analysis::topics::SavedModelReader> Decoder;
    std::unique_ptr<analysis::topics::SavedModel> Decoded;
    std::string ModelBytes;                                 // saving: TopicModel::Serialize, then the saved model
    std::unique_ptr<analysis::topics::SavedModelWriter> Encoder;
    int64_t RowId = 0;                                      // saving: the row being written, and its name
    std::string RowName;
    size_t Written = 0;                                     // saving: bytes of ModelBytes in the row so far
    bool InTransaction = false;                             // saving: our transaction is open
};

}  // namespace app
