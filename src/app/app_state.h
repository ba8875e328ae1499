// AppState: everything the views show and the test API reports, in one place. The UI reads it and records
// requests (e.g. a new query) in it; Update() carries requests out between frames, so no panel ever runs a
// query inside Draw. Later the job queue (DESIGN.md §5) takes over Update's work.
//
// Frame order (platform/web/main.cpp):  app::Update(state) → ui::DrawMainWindow(state) → render.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analysis/search.h"
#include "core/status.h"
#include "store/corpus.h"

namespace app {

// A widget's rectangle in CSS pixels from the canvas' top-left corner, so tests can click real widgets.
struct WidgetRect { float x = 0, y = 0, w = 0, h = 0; };

struct AppState {
    // Engine
    std::unique_ptr<store::Corpus> corpus;   // the open corpus (for now the built-in demo)
    std::vector<store::DocumentSummary> documents;  // the corpus' documents, listed when nothing is searched
    bool ready = false;                      // set once start-up succeeded and the first frame is drawn
    std::string last_error;                  // the latest failure, as a user-facing message

    // Search view
    std::string query;                       // what the search box holds (the UI writes it)
    std::string searched_query;              // what `results` are for
    analysis::SearchResults results;

    // Platform facts, written by the platform layer each frame
    uint64_t frame = 0;
    std::string gl_version;
    float device_pixel_ratio = 1;
    int canvas_width = 0, canvas_height = 0;

    // Named widget rectangles, written by the UI each frame
    std::map<std::string, WidgetRect> widgets;
};

// How many search hits the view lists (the count covers all of them).
inline constexpr int kSearchHitLimit = 50;

// Opens the built-in demo corpus in memory. On failure `state.last_error` says why and the app stays usable
// as far as it can (the UI shows the message).
core::Status InitApp(AppState& state);

// Carries out what the UI asked for since the last frame (runs the search when the query changed).
void Update(AppState& state);

// The test API's view of the state: {"ready", "frame", "view", "query", "result_count", "widgets", …}.
std::string StateJson(const AppState& state);

}  // namespace app
