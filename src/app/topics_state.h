// The Topics view's state: the settings the user edits, the training job's live figures, the model on show
// with everything its charts draw (computed off the frame, in jobs), the user's labels, pins and hidden
// topics, the saved models of the corpus, and the "choose K" comparison. AppState holds one TopicsState
// (AppState::topics); only app/topics_*.cpp change it (UpdateTopics each frame, the commands of the test API),
// and ui/panels/topics_panel.cpp draws it and records requests (TopicsRequest) — Draw never trains or reads SQLite.
//
//     state.topics.request.train = true;          // the panel's "Train" button
//     app::UpdateTopics(state);                    // Update: starts a TopicsTrainJob on the current subcorpus
//     const app::TopicsView* v = state.topics.view.get();   // while it trains: refreshed every few sweeps
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "analysis/topics/corpus.h"
#include "analysis/topics/input.h"
#include "analysis/topics/model.h"
#include "analysis/topics/summary.h"
#include "core/status.h"

namespace core { class JsonWriter; }

namespace app {

struct AppState;

// A topic's user-given attributes, kept with the saved model.
struct TopicLabel {
    std::string label;      // "" : the panel shows the top three words
    bool pinned = false;    // listed first
    bool hidden = false;    // left out of the list and the charts (a "show hidden" toggle brings it back)
};

// One saved model of the corpus (the topic_models table), newest first in TopicsState::saved.
struct SavedTopicModel {
    int64_t id = 0;
    std::string name;       // "K 20 · seed 1 · 1,000 sweeps" unless renamed
    std::string created;    // ISO 8601 time
    int topics = 0;
    int sweeps = 0;
    int documents = 0;
    double log_likelihood_per_token = 0;
};

// Everything the panel draws for one model at one moment: a snapshot and what is derived from it. Immutable
// once published (shared with the panel); a new one replaces it every few sweeps while training.
struct TopicsView {
    std::shared_ptr<const analysis::topics::TopicCorpus> corpus;   // vocabulary, chunks, document ids
    analysis::topics::TopicSnapshot snapshot;
    std::vector<double> word_prob;                      // p(w) (summary.h)
    std::vector<double> shares;                         // per topic, Σ 1
    std::vector<double> doc_topics;                     // documents × topics, θ
    std::vector<std::pair<double, double>> map;         // per topic: intertopic map position (MDS of JSD); live
                                                        // views of K > 40 carry the last one (empty at first)
    std::vector<double> correlations;                   // topics × topics
    analysis::topics::Coherence coherence;
    // Prevalence over time (or per metadata value): the groups' names in order and groups × topics values
    // (NaN: no documents in that group, drawn as a gap).
    std::string group_by;                               // "year" or a field name ("party")
    std::vector<std::string> group_keys;
    std::vector<double> prevalence;
    // Per topic, its prevalence per year (the list's sparkline; same years as group_keys when group_by is year)
    std::vector<std::string> years;
    std::vector<double> by_year;                        // years × topics
    int sweeps = 0;
    bool final = false;                                 // training ended (false: a live refresh)
};

// The training job's live figures (while it runs, and the last run's once it ends).
struct TopicsTraining {
    uint64_t job = 0;                       // the running TopicsTrainJob (0: none)
    bool paused = false;                    // Pause: the job stays, sampling stops until Continue
    std::string phase;                      // "reading tokens", "sampling", "saving"
    int sweep = 0, sweeps = 0;              // sweeps done / target
    double tokens_per_s = 0;                // over the last refresh interval
    std::vector<std::pair<int, double>> log_likelihood;   // (sweep, log-likelihood per token), for the live chart
    size_t tokens = 0, chunks = 0, documents = 0, vocabulary = 0;   // what it trains on
    std::string error;                      // why it could not train ("" ok): K out of range, no tokens left …
};

// The "choose K" comparison: models trained one after another with the same settings but K.
struct TopicsKComparison {
    std::vector<int> ks;                    // to train, e.g. 10, 20, 40
    struct Row { int topics = 0; double log_likelihood_per_token = 0, umass = 0, npmi = 0; int64_t model_id = 0; };
    std::vector<Row> rows;                  // finished, in ks order
    bool running = false;
};

// What the panel asks for; UpdateTopics carries it out and clears it.
struct TopicsRequest {
    bool train = false;                     // train a new model with `settings` and `input` on the current subcorpus
    bool pause = false, resume = false, cancel = false;
    int more_sweeps = 0;                    // "Train N more" on the shown model
    int64_t open_model = 0;                 // show a saved model
    int64_t delete_model = 0;               // after the user confirmed
    bool compare_k = false;                 // train comparison.ks in a row
    bool save_labels = false;               // labels/pins/hidden changed: store them with the model
    std::string group_by;                   // recompute the time chart per this ("year" or a field)
};

// The topic each word of the Reader's document was assigned to, for colouring: (byte offset, length, topic)
// in the document's text (reader_text), computed by UpdateTopics when the Reader shows a document of the shown
// model, or the model changes (empty when the document is not in it; words dropped as stopwords have no span).
// When the text no longer has the words the model was trained on where it had them (edited, restored or
// re-imported since), there are no spans and no mix, and `unavailable` says why. Kept in TopicsState::reader.
struct ReaderTopicSpans {
    int64_t doc_id = 0;
    int64_t model_id = 0;
    std::vector<std::tuple<uint32_t, uint32_t, uint16_t>> spans;
    std::vector<double> mix;                // the document's θ
    std::string unavailable;                // why a document of the model is not coloured ("" when it is)
    const TopicsView* view = nullptr;       // the view they were computed for
    std::string text;                       // … and the text (an edit re-reads it)
};

// The training run behind the shown model (app/topics_job.h).
struct TopicsRun;

struct TopicsState {
    analysis::topics::TrainSettings settings;
    analysis::topics::InputSettings input;
    std::string user_stopwords_text;        // what the Vocabulary box holds (one word per line or comma-separated)
    analysis::topics::TopicCorpusBuilder::Dropped dropped;   // what the last input build removed

    TopicsTraining training;
    std::shared_ptr<const TopicsView> view; // the model on show (null: none yet)
    int64_t model_id = 0;                   // its saved id (0: not saved yet)
    std::vector<TopicLabel> labels;         // per topic of the shown model
    std::vector<SavedTopicModel> saved;     // the corpus's saved models, newest first
    uint64_t saved_version = ~0ull;         // storage_generation when `saved` was read (~0: read again)

    // What the user is looking at
    int selected_topic = -1;
    float lambda = 0.6f;                    // LDAvis' relevance weight (0.6: Sievert & Shirley's recommendation)
    bool show_hidden = false;
    bool stacked = false;                   // the time chart: stacked areas instead of lines
    std::vector<int> chart_topics;          // topics on the time chart (empty: the selected one, else the top 5)

    TopicsKComparison comparison;
    TopicsRequest request;
    std::string error;                      // the last failure for the user (open, save, delete)

    ReaderTopicSpans reader;                // the Reader's document coloured by the shown model
    // The run behind `view` (its model, corpus and settings; app/topics_job.h), and what was shown before a
    // training started, put back when it is cancelled or fails.
    std::shared_ptr<TopicsRun> run, previous_run;
    std::vector<TopicLabel> previous_labels;
    const void* corpus_seen = nullptr;      // the open corpus this state belongs to (another one resets it)
};

// Each frame, from Update: carries out `request`, keeps `saved` in step with the open corpus, and publishes
// the training job's refreshes.
void UpdateTopics(AppState& state);

// The "topics" object of the test API's state (StateJson): training figures, model_id, K, sweeps, selected
// topic, labels, saved models, the K comparison, the Reader's colouring, errors.
void WriteTopicsJson(core::JsonWriter& w, const AppState& state);

// The Topics commands of the test API (RunCommand): true when `name` is one of them, with its outcome in
// `result`. "topics-train" K SEED SWEEPS [CHUNK], "topics-pause", "topics-resume", "topics-cancel",
// "topics-more" N, "topics-open" MODEL-ID, "topics-delete" MODEL-ID, "topics-label" T TEXT, "topics-pin" T,
// "topics-hide" T, "topics-select" T, "topics-group" year|FIELD, "topics-compare" K1,K2,… ("10,20,40"),
// "topics-stopwords" WORDS (the user's own, comma- or space-separated). Topics are numbered from 0.
bool RunTopicsCommand(AppState& state, std::string_view name, std::string_view arg, core::Status* result);

}  // namespace app
