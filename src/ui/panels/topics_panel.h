// Topics view: the settings strip (K, seed, sweeps, chunk size, the vocabulary's stopword rules) with "Train"
// on the current subcorpus, the training's live figures (sweep n/N, tokens/s, log-likelihood per token as a
// small chart; Pause/Continue, Train 200 more, Cancel), the saved-models picker, and the model on show: the
// topic list (top words by LDAvis' relevance at λ, share, a sparkline over the years; label, pin, hide) beside
// tabs for the intertopic map with the selected topic's word bars, topics over time (per year or per a
// metadata field, lines or stacked areas), the documents ranked by the selected topic, the topic correlation
// heat map, and the "choose K" comparison.
// The panel draws app::TopicsState::view (computed off the frame by topics-app's jobs) and records requests
// in app::TopicsState::request; it never trains, reads SQLite or loops over the corpus. What it caches
// (top words at the current λ, the documents' order for the selected topic) is recomputed only for what is
// shown and when the model, λ or the selection changes.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <imgui.h>

#include "analysis/topics/summary.h"
#include "app/app_state.h"
#include "app/topics_state.h"

namespace ui {

struct TopicsPanel {
    void Draw(app::AppState& state);
    // A topic of the model the panel last drew, named by its three likeliest words (for the Reader's legend;
    // "" when out of range or no model). Made on first use, kept until the model changes.
    const std::string& DefaultName(int topic);

private:
    void DrawSettings(app::AppState& state);
    void DrawVocabulary(app::AppState& state);
    void DrawTraining(app::AppState& state);
    void DrawList(app::AppState& state, const app::TopicsView& view);
    void DrawSelected(app::AppState& state, const app::TopicsView& view);
    void DrawMap(app::AppState& state, const app::TopicsView& view);
    void DrawWordBars(app::AppState& state, const app::TopicsView& view);
    void DrawOverTime(app::AppState& state, const app::TopicsView& view);
    void DrawDocuments(app::AppState& state, const app::TopicsView& view);
    void DrawCorrelations(app::AppState& state, const app::TopicsView& view);
    void DrawChooseK(app::AppState& state);

    // The model the caches below are for (kept alive while they are).
    void Refresh(const app::AppState& state);
    const std::vector<analysis::topics::TopicWord>& WordsOf(int topic);   // top words at `lambda`, cached per topic
    std::string NameOf(const app::TopicsState& topics, int topic);        // label, else DefaultName

    std::shared_ptr<const app::TopicsView> cached;
    // Per topic, computed when first drawn (a pass over the vocabulary each). A live refresh of the same model
    // keeps the previous view's words on show until they are recomputed, at most kRecomputesPerFrame a frame, so
    // a refresh (every few sweeps) spreads that work over frames instead of lengthening one.
    struct TopicWords { float lambda = -1; uint64_t generation = 0; std::vector<analysis::topics::TopicWord> words; };
    std::vector<TopicWords> top_words;          // per topic, by relevance at its `lambda`
    std::vector<std::string> default_names;     // per topic: its three likeliest words (once named)
    std::vector<uint64_t> named;                // the generation each default name was made for (0: none yet)
    uint64_t generation = 0;                    // counts the views shown
    int recomputes_left = 0;                    // this frame's
    static constexpr int kRecomputesPerFrame = 6;
    std::vector<int> order;                     // the list's topics: pinned first, then by share (hidden left out)
    float lambda = 0.6f;                        // the λ the list shows (the slider's value)

    std::vector<uint32_t> ranked_docs;          // document indices by the selected topic's share, best first
    int ranked_topic = -1;
    std::vector<int64_t> title_ids;             // state.documents' ids in order, for titles by binary search
    uint64_t titles_version = ~0ull;

    // Chart arrays (kept between frames so Plot* can read them until EndChart)
    std::vector<double> map_x, map_y, bar_corpus, bar_topic, group_x, bar_x, stack, corr, ll_x, ll_y, spark, k_x, k_ll, k_npmi;
    std::vector<ImU32> map_colors;
    std::string k_list = "10, 20, 40";          // the "choose K" box
    bool open_vocabulary = false;
    const void* auto_opened = nullptr;          // the corpus whose newest saved model was asked for
};

}  // namespace ui
