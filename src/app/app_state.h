// AppState: everything the views show and the test API reports, in one place. The UI reads it and records
// requests in it (a new query, a view switch, a job to cancel); Update() carries requests out and pumps the
// job queue between frames, so no panel ever runs a query or loops over the corpus inside Draw.
//
// Frame order (platform/web/main.cpp):  app::Update(state, budget) → ui::AppWindow::Draw(state) → render.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/search.h"
#include "app/concordance_job.h"
#include "app/corpora.h"
#include "app/import_job.h"
#include "app/job.h"
#include "app/library_view.h"
#include "app/reader_selection.h"
#include "app/search_charts.h"
#include "app/reimport.h"
#include "app/topics_state.h"
#include "core/status.h"
#include "store/corpus.h"

namespace app {

// The views of DESIGN.md §1, in tab order.
enum class View { Library, Search, Concordance, Words, Topics, Compare, Reader };
inline constexpr int kViewCount = 7;
const char* ViewId(View view);      // "library" (test API, URLs)
const char* ViewTitle(View view);   // "Library" (tabs)
bool ViewFromId(std::string_view id, View* out);

enum class Theme { System, Light, Dark };
const char* ThemeId(Theme theme);   // "system", "light", "dark"

// A widget's rectangle in CSS pixels from the canvas' top-left corner, so tests can click real widgets.
struct WidgetRect { float x = 0, y = 0, w = 0, h = 0; };

// Where files the user brings go: a new corpus, or the open one.
enum class ImportTarget { NewCorpus, OpenCorpus };

struct AppState {
    // The open corpus (none: the start page shows). Shared with a job that is adding documents to it.
    std::shared_ptr<store::Corpus> corpus;
    std::string corpus_name;
    std::string corpus_path;                 // its file in storage_dir ("" when kept in memory only)
    std::vector<store::DocumentSummary> documents;
    uint64_t documents_version = 0;          // bumped whenever `documents` changes (views re-sort, re-filter)

    LibraryView library;                     // the Library's columns, filter, sort and rows (app/library_view.h)
    // Library: the selected document's details, loaded by Update when library_doc_id changes
    int64_t library_doc_id = 0;
    int64_t library_loaded_id = 0;
    store::DocumentSummary library_doc;
    std::string library_notes;               // its import report
    std::vector<std::pair<std::string, std::string>> library_fields;
    bool library_doc_trimmed = false;        // import trimmed furniture from it (undo is possible)
    std::string library_imported_from;       // the file it came from ("speeches.zip/1790.txt")

    // Stored corpora (app/corpora.h)
    std::string storage_dir;                 // "" when corpora are not stored
    bool storage_ready = false;              // the platform has loaded storage_dir (or there is none)
    std::vector<StoredCorpus> corpora;
    uint64_t storage_generation = 0;         // bumped by every committed change (NoteCommitted)
    uint64_t storage_saved_generation = 0;   // the platform: the generation last written to browser storage
    std::string storage_error;               // the platform: why the last save failed ("" when it worked)
    std::string request_fetch;               // a shipped corpus the platform should fetch ("sotu" …)
    std::string fetching;                    // the shipped corpus being downloaded ("" none)
    uint64_t shipped_import_job = 0;         // the import reading its files as they arrive (0 none)
    std::string warm_up;                     // the platform's warm-up (app/warm_up.h): "", running, done, dropped
    double warm_up_ms = 0;                   // the time its slices took

    // Files to hand to the browser as downloads (Export CSV); the platform takes them after each frame.
    struct Download {
        std::string name, mime, content;
        float png_scale = 0;   // > 0: `content` is an SVG the platform saves as a PNG drawn at this scale
    };
    std::vector<Download> downloads;
    std::string last_download;               // the name of the latest one (test API)

    // Changes the UI asked for, carried out by Update before the next frame (SQLite never runs in Draw).
    std::vector<std::function<void(AppState&)>> deferred;

    // Views
    View view = View::Library;
    std::string query;                       // what the search box holds (the UI writes it)
    std::string searched_query;              // what `results` are for
    double search_ms = 0;                    // how long the last search took (parse, count, hits, snippets)
    analysis::SearchResults results;
    // The query language (analysis/query.h), run within a subcorpus by Update when any of these change
    bool exact_case = false;                 // "Exact case" (Search and Concordance)
    store::DocFilter subcorpus;              // set by a click on a Search chart bar (empty: the whole corpus)
    std::string subcorpus_label;             // what it keeps, for its chip ("year 1990"); "" when empty
    std::string query_error;                 // the parser's message for `searched_query` ("" when it parsed)
    bool query_parsed = false;               // `parsed_query` holds `searched_query`, parsed
    analysis::ParsedQuery parsed_query;      // its patterns drive the Concordance and the Reader's highlights
    std::string search_key;                  // the query, options, subcorpus and corpus `results` are for
    SearchCharts search_charts;              // the charts' measure and grouping (app/search_charts.h)

    // Concordance (app/concordance_job.h): the UI sets the width, sort and filter; Update does the work
    std::shared_ptr<KwicSession> kwic;
    int kwic_width_chars = 50;               // context on each side, in characters
    std::vector<analysis::SortKey> kwic_sort;   // up to analysis::kMaxSortKeys; empty: document order
    std::string kwic_filter;                 // keep lines with this word nearby ("peace*": a prefix)

    // Reader: the UI sets reader_doc_id; Update loads the document when it changed
    int64_t reader_doc_id = 0;
    int64_t reader_loaded_id = 0;
    store::DocumentSummary reader_doc;
    std::string reader_text;
    std::string reader_notes;                // the document's import report
    std::vector<std::pair<std::string, std::string>> reader_fields;   // its metadata fields (name, value)
    // Hits of the searched query in reader_text (byte offset, length), found by Update when either changes
    std::vector<std::pair<uint32_t, uint32_t>> reader_hits;
    std::string reader_hits_key;             // the search_key and document they are for
    int64_t reader_hit_byte = -1;            // a hit to show when the document opens (a concordance click)
    int reader_hit = -1;                     // the current hit (index into reader_hits; -1 none)
    bool reader_scroll_to_hit = false;       // the UI scrolls to reader_hit on the next frame
    ReaderSelection reader_selection;        // the selected bytes of reader_text (cleared when it loads)

    TopicsState topics;                      // the Topics view (app/topics_state.h)

    // Import
    std::vector<std::string> import_report;  // the last import's refusals and duplicates, for the Library
    bool request_file_picker = false;        // the UI asks the platform to open its file dialog
    ImportTarget picker_target = ImportTarget::NewCorpus;   // where the picked files go
    std::vector<ImportFile> dropped_files;   // dropped onto a page with a corpus open: the UI asks where to
    std::vector<ImportFile> import_files;    // the last import's files, kept for this session (re-import)
    ReimportState reimport;                  // re-import plan, undo, the duplicate-file question (app/reimport.h)

    // Work in progress
    JobQueue jobs;

    // Look
    Theme theme = Theme::System;
    bool system_prefers_dark = false;        // the browser's prefers-color-scheme, set by the platform

    // Status
    bool ready = false;                      // start-up succeeded and a frame was drawn
    std::string last_error;                  // the latest failure, as a user-facing message

    // Platform facts, written by the platform layer
    uint64_t frame = 0;                      // frames drawn so far
    double frame_ms = 0;                     // the app's CPU time in the last frame: jobs, UI, draw lists
    double gl_ms = 0;                        // handing that frame to WebGL (depends on the GPU, not on us)
    double first_frame_ms = 0;               // frame_ms of the first frame (first use of SQLite, FTS5, ICU …)
    double max_frame_ms_with_jobs = 0;       // the largest frame_ms while a job ran, after the first frame
    std::vector<float> job_frame_ms;         // frame_ms of the latest frames with a job running (≤ 1000)
    std::vector<float> job_frame_rest_ms;    // … and of each, what was not the frame's job slice (UI, drawing)
    bool idle = false;                       // rendering is paused until input arrives
    bool text_input = false;                 // a text field is active and receives typed text
    std::string gl_version;
    float device_pixel_ratio = 1;
    int canvas_width = 0, canvas_height = 0; // device pixels
    std::string clipboard;                   // the last text copied or pasted through the page
    double heap_bytes = 0;                   // the wasm heap's size (it only grows: also its peak)

    // UI facts for the test API, written by the UI each frame
    std::map<std::string, WidgetRect> widgets;   // named widget rectangles
    std::map<std::string, std::string> ui_text;  // what named text fields hold (tests wait for typing to land)
    float library_scroll_y = 0;                   // the Library table's scroll offset, CSS pixels
};

// How many search hits the Search view lists (the count covers all of them).
inline constexpr int kSearchHitLimit = 50;
// Time the frame loop gives jobs per frame. A step can overrun it by one item's cost (e.g. an FTS5 flush
// inside one document's insert), so it is set well under a 60 Hz frame.
inline constexpr double kJobBudgetMs = 6.0;

// Without stored corpora (native runs, tests): queues indexing of the built-in demo corpus. The web build
// calls OpenStorage (app/corpora.h) instead, once the browser's storage is loaded.
void InitApp(AppState& state);

// Offers `content` as a file called `name` (the browser saves it; native runs keep it in AppState).
void RequestDownload(AppState& state, std::string name, std::string mime, std::string content);

// Offers a chart as a PNG image: the platform draws `svg` at `scale` device pixels per CSS pixel (the browser
// rasterises it, so the PNG shows exactly what the SVG does). Native runs keep the SVG in AppState.
void RequestPngDownload(AppState& state, std::string name, std::string svg, float scale);

// Runs `change` in Update before the next frame (for UI actions that touch the database).
void Defer(AppState& state, std::function<void(AppState&)> change);

// Queues an import of files the platform wrote (or is writing: ImportFile::arriving): into a new corpus (named
// after the files) or the open one. Returns the import job's id (0: no files).
uint64_t ImportFiles(AppState& state, std::vector<ImportFile> files, ImportTarget target, std::string shipped_id = "");

// Records the app's CPU time for a frame (platform layer, once per frame).
// `job_ms`: how much of it was the frame's own job slice.
void RecordFrameTime(AppState& state, double frame_ms, bool jobs_running, double job_ms = 0);

// Pumps jobs for `job_budget_ms` and carries out what the UI asked for since the last frame.
void Update(AppState& state, double job_budget_ms = kJobBudgetMs);

bool DarkThemeActive(const AppState& state);

// Shows a document in the Reader (Update loads it before the next frame), at the hit starting at `hit_byte`
// (UTF-8 bytes into its text) when one does, else at its first hit of the searched query.
void OpenInReader(AppState& state, int64_t doc_id, int64_t hit_byte = -1);

// Filters Search (and Concordance) to a subcorpus with a label for its chip; an empty filter shows all.
void SetSubcorpus(AppState& state, store::DocFilter filter, std::string label);

// One line saying where things stand ("Demo corpus · 8 documents · 1 match for «strasse»"); the status bar
// shows it and the page mirrors it into a live region for screen readers.
std::string StatusLine(const AppState& state);

// The test API's view of the state (JSON): ready, frame, view, corpus, documents, query, query_error,
// result_count, subcorpus, kwic_lines, kwic_done, kwic_sort, reader_hits, reader_hit,
// jobs [{id, name, phase, done, total, state}], idle, theme, widgets {name: {x, y, w, h}} …
std::string StateJson(const AppState& state);

// Commands the test API and the platform may send: "view" NAME, "theme" system|light|dark, "stress" COPIES
// (index the demo texts COPIES times as a job; "endless": until cancelled), "cancel" JOB-ID, "import" FILES (JSON Lines, one
// {"name": …, "path": …} per file the platform wrote; into a new corpus), "import-add" FILES (into the open
// corpus), "drop" FILES (dropped: a new corpus when none is open, else the UI asks), "import-shipped" ID
// FILES (a shipped corpus's files, fetched; ID, a space, then the JSON Lines), "open-shipped" ID,
// "open" PATH, "close", "rename" NAME (the open corpus), "delete-corpus" PATH, "delete-document" ID,
// "restore-text" ID, "reimport" ENCODING DOC-ID [file] and the other re-import commands of app/reimport.h,
// "query" TEXT (as typed in the search box), the Topics commands of app/topics_state.h (RunTopicsCommand:
// "topics-train" K SEED SWEEPS [CHUNK], "topics-pause", "topics-resume", "topics-cancel", "topics-more" N,
// "topics-open" ID, "topics-label" T TEXT, "topics-select" T, "topics-group" NAME …), "kwic-sort" KEYS
// ("R1,R2"; "" document order), "search-more" (the next page of hits), "search-export" (Export CSV: every
// match, as a job when not all are listed), "storage-saved" GENERATION, "storage-error" MESSAGE. Returns an error for an unknown
// command or bad argument.
core::Status RunCommand(AppState& state, std::string_view name, std::string_view arg);

}  // namespace app
