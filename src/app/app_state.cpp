// Start-up, per-frame updates, the status line, the JSON state and commands of the test API.
#include "app/app_state.h"

#include <algorithm>
#include <cstdlib>

#include "app/document_edits.h"
#include "app/import_job.h"
#include "app/index_job.h"
#include "app/search_export.h"
#include "core/json.h"
#include "core/number_text.h"
#include "core/version.h"

namespace app {

namespace {
struct ViewNames { View view; const char* id; const char* title; };
constexpr ViewNames kViews[kViewCount] = {
    {View::Library, "library", "Library"},   {View::Search, "search", "Search"},
    {View::Concordance, "concordance", "Concordance"}, {View::Words, "words", "Words"},
    {View::Topics, "topics", "Topics"},      {View::Compare, "compare", "Compare"},
    {View::Reader, "reader", "Reader"},
};
}  // namespace

const char* ViewId(View view) { return kViews[static_cast<int>(view)].id; }
const char* ViewTitle(View view) { return kViews[static_cast<int>(view)].title; }

bool ViewFromId(std::string_view id, View* out) {
    for (const ViewNames& v : kViews)
        if (id == v.id) { *out = v.view; return true; }
    return false;
}

const char* ThemeId(Theme theme) {
    switch (theme) {
    case Theme::System: return "system";
    case Theme::Light: return "light";
    case Theme::Dark: return "dark";
    }
    return "system";
}

void InitApp(AppState& state) {
    state.storage_ready = true;
    state.jobs.Add(MakeDemoIndexJob(state, 1));
}

void RequestDownload(AppState& state, std::string name, std::string mime, std::string content) {
    state.last_download = name;
    state.downloads.push_back({std::move(name), std::move(mime), std::move(content)});
}

void RequestPngDownload(AppState& state, std::string name, std::string svg, float scale) {
    state.last_download = name;
    state.downloads.push_back({std::move(name), "image/png", std::move(svg), scale > 0 ? scale : 1.0f});
}

void Defer(AppState& state, std::function<void(AppState&)> change) { state.deferred.push_back(std::move(change)); }

uint64_t ImportFiles(AppState& state, std::vector<ImportFile> files, ImportTarget target, std::string shipped_id) {
    if (files.empty()) return 0;
    IndexTarget where;
    if (target == ImportTarget::OpenCorpus && state.corpus) {
        where = AddToOpenCorpus(state);
    } else if (const ShippedCorpus* shipped = FindShipped(shipped_id)) {
        where = {.corpus_name = shipped->name, .path = NewCorpusPath(state), .shipped_id = shipped->id};
    } else {
        std::vector<std::string> names;
        for (const ImportFile& f : files) names.push_back(f.name);
        where = {.corpus_name = CorpusNameFor(names), .path = NewCorpusPath(state), .name_from_files = true};
    }
    return state.jobs.Add(std::make_unique<ImportJob>(std::move(where), std::move(files)));
}

namespace {
void LoadReaderDocument(AppState& state) {
    state.reader_loaded_id = state.reader_doc_id;
    state.reader_selection = {};
    if (state.reader_doc_id == 0) {
        state.reader_doc = {};
        state.reader_text.clear();
        state.reader_notes.clear();
        state.reader_fields.clear();
        return;
    }
    store::ReadTransaction read(state.corpus->db());
    auto doc = state.corpus->GetDocument(state.reader_doc_id);
    if (!doc.ok()) {
        state.reader_doc = {};
        state.reader_text.clear();
        state.last_error = doc.status().ToString();
        return;
    }
    state.reader_doc = std::move(doc->summary);
    state.reader_text = std::move(doc->text);
    auto notes = state.corpus->ImportNotes(state.reader_doc_id);
    state.reader_notes = notes.ok() ? std::move(*notes) : std::string();
    auto fields = state.corpus->Fields(state.reader_doc_id);
    state.reader_fields = fields.ok() ? std::move(*fields) : decltype(state.reader_fields)();
}

void LoadLibraryDetails(AppState& state) {
    state.library_loaded_id = state.library_doc_id;
    state.library_doc = {};
    state.library_notes.clear();
    state.library_fields.clear();
    state.library_doc_trimmed = false;
    state.library_imported_from.clear();
    state.reimport.choice = {};
    if (state.library_doc_id == 0) return;
    store::ReadTransaction read(state.corpus->db());
    auto doc = state.corpus->GetDocument(state.library_doc_id);
    if (!doc.ok()) { state.library_doc_id = state.library_loaded_id = 0; return; }
    state.library_doc = std::move(doc->summary);
    auto notes = state.corpus->ImportNotes(state.library_doc_id);
    if (notes.ok()) state.library_notes = std::move(*notes);
    auto fields = state.corpus->Fields(state.library_doc_id);
    if (fields.ok()) state.library_fields = std::move(*fields);
    state.library_imported_from = doc->imported_from;
    LoadReimportChoice(state, doc->import_id, doc->imported_from);
    auto trimmed = state.corpus->HasOriginalText(state.library_doc_id);
    state.library_doc_trimmed = trimmed.ok() && *trimmed;
}


// Parses the query and searches when the query, its options, the subcorpus or the corpus changed. A parse
// error (or, for "fts:" queries, FTS5's) goes to query_error, shown under the box, never to last_error.
void RunSearch(AppState& state) {
    std::string key = state.query + '\x1f' + (state.exact_case ? "exact" : "folded") + '\x1f' + state.subcorpus_label +
                      '\x1f' + std::to_string(reinterpret_cast<uintptr_t>(state.corpus.get())) + '\x1f' +
                      std::to_string(state.documents_version);
    if (key == state.search_key) return;
    state.search_key = std::move(key);
    state.searched_query = state.query;
    state.query_error.clear();
    state.query_parsed = false;
    state.parsed_query = {};
    state.results = {};
    if (state.query.find_first_not_of(" \t\n") == std::string::npos) return;   // an empty box is no error
    const double start_ms = core::NowMs();
    auto parsed = analysis::ParseQuery(state.query, {.exact_case = state.exact_case, .fields = state.library.field_names});
    if (!parsed.ok()) { state.query_error = parsed.status().message(); return; }
    auto results = analysis::Search(*state.corpus, *parsed, state.subcorpus, kSearchHitLimit);
    state.search_ms = core::NowMs() - start_ms;
    if (!results.ok()) { state.query_error = results.status().message(); return; }
    state.parsed_query = std::move(*parsed);
    state.query_parsed = true;
    state.results = std::move(*results);
}

// Finds the searched query's hits in the Reader's document: a one-document concordance, so the Reader marks
// exactly what Concordance lists. Picks the hit to show (reader_hit_byte's, else the first).
void FindReaderHits(AppState& state) {
    state.reader_hits_key = state.search_key + '\x1f' + std::to_string(state.reader_loaded_id);
    state.reader_hits.clear();
    state.reader_hit = -1;
    if (state.query_parsed && state.reader_loaded_id != 0 && !state.parsed_query.raw) {
        analysis::ConcordanceOptions options{.width_chars = 1};
        options.subcorpus.doc_ids = {state.reader_loaded_id};
        auto build = analysis::ConcordanceBuilder::Start(*state.corpus, state.parsed_query, options);
        if (build.ok()) {
            while (!build->Step(core::Deadline::In(50))) {}
            for (const analysis::ConcordanceLine& line : build->result().lines)
                state.reader_hits.emplace_back(line.byte_offset, line.byte_length);
        }
    }
    if (state.reader_hits.empty()) { state.reader_hit_byte = -1; return; }
    state.reader_hit = 0;
    for (size_t i = 0; i < state.reader_hits.size(); ++i)
        if (state.reader_hits[i].first == state.reader_hit_byte) state.reader_hit = static_cast<int>(i);
    state.reader_scroll_to_hit = true;
    state.reader_hit_byte = -1;
}
}  // namespace

void Update(AppState& state, double job_budget_ms) {
    std::vector<std::function<void(AppState&)>> deferred;
    deferred.swap(state.deferred);
    for (auto& change : deferred) change(state);
    state.jobs.Pump(job_budget_ms, state);
    if (!state.corpus) {
        if (state.kwic) state.jobs.Cancel(state.kwic->job_id);
        state.kwic = nullptr;   // lets the closed corpus go
        UpdateTopics(state);    // … and its topic models
        return;
    }
    if (state.reader_doc_id != state.reader_loaded_id) LoadReaderDocument(state);
    if (state.library_doc_id != state.library_loaded_id) LoadLibraryDetails(state);
    UpdateLibraryView(state);   // before RunSearch: a query may name the corpus's fields
    RunSearch(state);
    UpdateSearchCharts(state);
    if (state.reader_hits_key != state.search_key + '\x1f' + std::to_string(state.reader_loaded_id)) FindReaderHits(state);
    UpdateConcordance(state);
    UpdateTopics(state);        // after the Reader's document is loaded: it colours it
}

void RecordFrameTime(AppState& state, double frame_ms, bool jobs_running, double job_ms) {
    state.frame_ms = frame_ms;
    if (state.frame == 0) { state.first_frame_ms = frame_ms; return; }
    if (!jobs_running) return;
    state.max_frame_ms_with_jobs = std::max(state.max_frame_ms_with_jobs, frame_ms);
    if (state.job_frame_ms.size() >= 1000) {
        state.job_frame_ms.erase(state.job_frame_ms.begin());
        state.job_frame_rest_ms.erase(state.job_frame_rest_ms.begin());
    }
    state.job_frame_ms.push_back(static_cast<float>(frame_ms));
    state.job_frame_rest_ms.push_back(static_cast<float>(frame_ms - job_ms));
}

namespace {
double Percentile(std::vector<float> values, double p) {
    if (values.empty()) return 0;
    size_t k = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    std::nth_element(values.begin(), values.begin() + static_cast<long>(k), values.end());
    return values[k];
}
}  // namespace

void OpenInReader(AppState& state, int64_t doc_id, int64_t hit_byte) {
    state.reader_doc_id = doc_id;
    state.reader_hit_byte = hit_byte;
    state.reader_hits_key.clear();   // find (and scroll to) the hits again, even in the same document
    state.view = View::Reader;
}

void SetSubcorpus(AppState& state, store::DocFilter filter, std::string label) {
    state.subcorpus = std::move(filter);
    state.subcorpus_label = std::move(label);
}

bool DarkThemeActive(const AppState& state) {
    return state.theme == Theme::Dark || (state.theme == Theme::System && state.system_prefers_dark);
}

std::string StatusLine(const AppState& state) {
    if (!state.storage_ready) return "Opening your saved corpora…";
    if (const ShippedCorpus* shipped = FindShipped(state.fetching)) return std::string("Downloading «") + shipped->name + "»…";
    std::string line = state.corpus_name;
    if (!state.corpus) return state.jobs.Busy() ? "Preparing a corpus…" : "No corpus open: pick one on the start page";
    line += " · " + core::CountText(static_cast<int64_t>(state.documents.size()), "document");
    if (state.query_parsed) {
        int64_t n = state.results.document_count;
        line += " · " + core::CountText(n, "document") + (n == 1 ? " matches «" : " match «") + state.searched_query + "»";
    }
    return line;
}

std::string StateJson(const AppState& state) {
    core::JsonWriter w;
    w.BeginObject();
    w.Key("ready"); w.Bool(state.ready);
    w.Key("version"); w.String(core::Version());
    w.Key("frame"); w.Int(static_cast<int64_t>(state.frame));
    w.Key("frame_ms"); w.Double(state.frame_ms);
    w.Key("gl_ms"); w.Double(state.gl_ms);
    w.Key("first_frame_ms"); w.Double(state.first_frame_ms);
    w.Key("max_frame_ms_with_jobs"); w.Double(state.max_frame_ms_with_jobs);
    w.Key("median_frame_ms_with_jobs"); w.Double(Percentile(state.job_frame_ms, 0.5));
    w.Key("p95_frame_ms_with_jobs"); w.Double(Percentile(state.job_frame_ms, 0.95));
    w.Key("p95_frame_rest_ms_with_jobs"); w.Double(Percentile(state.job_frame_rest_ms, 0.95));
    w.Key("frames_with_jobs"); w.Int(static_cast<int64_t>(state.job_frame_ms.size()));
    w.Key("idle"); w.Bool(state.idle);
    w.Key("heap_bytes"); w.Double(state.heap_bytes);
    w.Key("warm_up"); w.String(state.warm_up);
    w.Key("warm_up_ms"); w.Double(state.warm_up_ms);
    w.Key("text_input"); w.Bool(state.text_input);
    w.Key("view"); w.String(ViewId(state.view));
    w.Key("theme"); w.String(ThemeId(state.theme));
    w.Key("dark"); w.Bool(DarkThemeActive(state));
    w.Key("corpus"); w.String(state.corpus_name);
    w.Key("corpus_path"); w.String(state.corpus_path);
    w.Key("storage_ready"); w.Bool(state.storage_ready);
    w.Key("storage_generation"); w.Int(static_cast<int64_t>(state.storage_generation));
    w.Key("storage_saved_generation"); w.Int(static_cast<int64_t>(state.storage_saved_generation));
    w.Key("storage_error"); w.String(state.storage_error);
    w.Key("dropped_files"); w.Int(static_cast<int64_t>(state.dropped_files.size()));
    w.Key("corpora"); w.BeginArray();
    for (const StoredCorpus& c : state.corpora) {
        w.BeginObject();
        w.Key("path"); w.String(c.path);
        w.Key("name"); w.String(c.name);
        w.Key("shipped"); w.String(c.shipped_id);
        w.Key("documents"); w.Int(c.documents);
        w.EndObject();
    }
    w.EndArray();
    w.Key("documents"); w.Int(static_cast<int64_t>(state.documents.size()));
    w.Key("query"); w.String(state.query);
    w.Key("searched_query"); w.String(state.searched_query);
    w.Key("query_error"); w.String(state.query_error);
    w.Key("exact_case"); w.Bool(state.exact_case);
    w.Key("subcorpus"); w.String(state.subcorpus_label);
    w.Key("result_count"); w.Int(state.results.document_count);
    w.Key("by_year"); w.Int(static_cast<int64_t>(state.results.by_year.size()));
    w.Key("by_source"); w.Int(static_cast<int64_t>(state.results.by_source.size()));
    w.Key("occurrences"); w.Int(state.results.occurrences);
    w.Key("chart_measure"); w.String(ChartMeasureId(state.search_charts.measure));
    w.Key("chart_group"); w.String(state.search_charts.group);
    w.Key("by_group"); w.Int(static_cast<int64_t>(GroupCounts(state).size()));
    const analysis::Concordance* kwic = state.kwic ? state.kwic->Lines() : nullptr;
    w.Key("kwic_lines"); w.Int(kwic ? static_cast<int64_t>(kwic->lines.size()) : 0);
    w.Key("kwic_rows"); w.Int(state.kwic ? static_cast<int64_t>(state.kwic->RowCount()) : 0);
    w.Key("kwic_documents"); w.Int(kwic ? static_cast<int64_t>(kwic->documents.size()) : 0);
    int64_t strip_hits = 0;   // the dispersion plot's marks (hits among the lines shown)
    if (state.kwic && kwic)
        for (const KwicSession::Strip& strip : state.kwic->strips) strip_hits += static_cast<int64_t>(state.kwic->StripHits(strip).size());
    w.Key("kwic_strips"); w.Int(state.kwic ? static_cast<int64_t>(state.kwic->strips.size()) : 0);
    w.Key("kwic_strip_hits"); w.Int(strip_hits);
    w.Key("kwic_done"); w.Bool(state.kwic && state.kwic->built && state.kwic->sorted);
    w.Key("kwic_sort"); w.String(SortSpec(state.kwic ? state.kwic->sorted_keys : state.kwic_sort));
    w.Key("kwic_first_lines_ms"); w.Double(state.kwic ? state.kwic->first_lines_ms : -1);
    w.Key("kwic_built_ms"); w.Double(state.kwic ? state.kwic->built_ms : -1);
    w.Key("kwic_sorted_ms"); w.Double(state.kwic ? state.kwic->sorted_ms : -1);
    w.Key("search_ms"); w.Double(state.search_ms);
    const bool has_row = state.kwic && kwic && state.kwic->RowCount() > 0;
    w.Key("kwic_line0_doc"); w.Int(has_row ? kwic->lines[state.kwic->LineAt(0)].doc_id : 0);
    w.Key("kwic_line0_offset"); w.Int(has_row ? kwic->lines[state.kwic->LineAt(0)].byte_offset : -1);
    w.Key("kwic_error"); w.String(state.kwic ? state.kwic->status.message() : "");
    w.Key("reader_hits"); w.Int(static_cast<int64_t>(state.reader_hits.size()));
    w.Key("reader_hit"); w.Int(state.reader_hit);
    w.Key("reader_hit_offset"); w.Int(state.reader_hit >= 0 ? state.reader_hits[static_cast<size_t>(state.reader_hit)].first : -1);
    w.Key("hits_shown"); w.Int(static_cast<int64_t>(state.results.hits.size()));
    w.Key("status"); w.String(StatusLine(state));
    w.Key("last_error"); w.String(state.last_error);
    w.Key("reader_doc_id"); w.Int(state.reader_doc_id);
    w.Key("reader_selection"); w.BeginObject();
    w.Key("from"); w.Int(state.reader_selection.range().from);
    w.Key("to"); w.Int(state.reader_selection.range().to);
    w.EndObject();
    w.Key("library_scroll_y"); w.Double(state.library_scroll_y);
    w.Key("library_rows"); w.Int(static_cast<int64_t>(state.library.rows.size()));   // after the filter
    w.Key("library_titles"); w.BeginArray();   // the first rows shown, in the Library's order
    for (size_t i = 0; i < state.library.rows.size() && i < 50; ++i)   // (a command may have shortened the list since)
        if (state.library.rows[i] < state.documents.size()) w.String(state.documents[state.library.rows[i]].title);
    w.EndArray();
    w.Key("library_columns"); w.BeginArray();  // the columns shown
    for (const LibraryColumn& column : state.library.columns)
        if (ColumnShown(state.library, column)) w.String(column.id);
    w.EndArray();
    w.Key("clipboard"); w.String(state.clipboard);
    w.Key("reimport"); WriteReimportJson(w, state);
    w.Key("topics"); WriteTopicsJson(w, state);
    w.Key("import_report"); w.BeginArray();
    for (const std::string& line : state.import_report) w.String(line);
    w.EndArray();
    w.Key("titles"); w.BeginArray();   // the first documents' titles, so tests can check what was imported
    for (size_t i = 0; i < state.documents.size() && i < 50; ++i) w.String(state.documents[i].title);
    w.EndArray();
    w.Key("jobs"); w.BeginArray();
    for (const JobInfo& job : state.jobs.Snapshot()) {
        w.BeginObject();
        w.Key("id"); w.Int(static_cast<int64_t>(job.id));
        w.Key("name"); w.String(job.name);
        w.Key("phase"); w.String(job.phase);
        w.Key("done"); w.Int(job.done);
        w.Key("total"); w.Int(job.total);
        w.Key("state"); w.String(JobStateName(job.state));
        w.Key("message"); w.String(job.message);
        w.Key("elapsed_ms"); w.Double(job.elapsed_ms);
        w.Key("longest_step_ms"); w.Double(job.longest_step_ms);
        w.Key("busy_ms"); w.Double(job.busy_ms);
        w.Key("phase_ms"); w.BeginObject();
        for (const auto& [phase, ms] : job.phase_ms) { w.Key(phase); w.Double(ms); }
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.Key("gl_version"); w.String(state.gl_version);
    w.Key("device_pixel_ratio"); w.Double(state.device_pixel_ratio);
    w.Key("canvas"); w.BeginObject();
    w.Key("width"); w.Int(state.canvas_width); w.Key("height"); w.Int(state.canvas_height);
    w.EndObject();
    w.Key("last_download"); w.String(state.last_download);
    w.Key("ui_text"); w.BeginObject();
    for (const auto& [name, text] : state.ui_text) { w.Key(name); w.String(text); }
    w.EndObject();
    w.Key("widgets"); w.BeginObject();
    for (const auto& [name, r] : state.widgets) {
        w.Key(name); w.BeginObject();
        w.Key("x"); w.Double(r.x); w.Key("y"); w.Double(r.y); w.Key("w"); w.Double(r.w); w.Key("h"); w.Double(r.h);
        w.EndObject();
    }
    w.EndObject();
    w.EndObject();
    return w.Take();
}

core::Status RunCommand(AppState& state, std::string_view name, std::string_view arg) {
    auto bad = [&](const char* why) {
        return core::Error(core::StatusCode::InvalidInput, std::string(name) + ": " + why + " '" + std::string(arg) + "'");
    };
    if (name == "view") {
        View view;
        if (!ViewFromId(arg, &view)) return bad("no such view");
        state.view = view;
    } else if (name == "theme") {
        if (arg == "system") state.theme = Theme::System;
        else if (arg == "light") state.theme = Theme::Light;
        else if (arg == "dark") state.theme = Theme::Dark;
        else return bad("no such theme");
    } else if (name == "stress") {
        int copies = arg == "endless" ? 0 : std::atoi(std::string(arg).c_str());
        if (arg != "endless" && (copies < 1 || copies > 100000)) return bad("copies must be 1 to 100000 or 'endless', not");
        state.jobs.Add(MakeDemoIndexJob(state, copies));
    } else if (name == "import" || name == "import-add" || name == "drop" || name == "import-shipped") {
        std::string shipped_id;
        if (name == "import-shipped") {
            size_t space = arg.find(' ');
            if (space == std::string_view::npos || !FindShipped(arg.substr(0, space))) return bad("no such shipped corpus in");
            shipped_id = std::string(arg.substr(0, space));
            state.fetching.clear();
            arg.remove_prefix(space + 1);
        }
        auto files = ParseImportFiles(arg);
        if (!files.ok()) return core::Error(core::StatusCode::InvalidInput, std::string(name) + ": " + files.status().message());
        if (name == "drop" && state.corpus) state.dropped_files = std::move(*files);   // the UI asks: add, or new?
        else {
            uint64_t job = ImportFiles(state, std::move(*files),
                                       name == "import-add" ? ImportTarget::OpenCorpus : ImportTarget::NewCorpus, shipped_id);
            if (!shipped_id.empty()) state.shipped_import_job = job;
        }
    } else if (name == "query") {
        state.query = std::string(arg);   // as if typed into the search box
    } else if (name == "search-more") {
        ShowMoreHits(state);
    } else if (name == "search-export") {
        ExportSearchResults(state);
    } else if (name == "kwic-sort") {
        auto keys = analysis::ParseSortSpec(arg);
        if (!keys.ok()) return core::Error(core::StatusCode::InvalidInput, "kwic-sort: " + keys.status().message());
        state.kwic_sort = std::move(*keys);
    } else if (name == "open-shipped") {
        if (!FindShipped(arg)) return bad("no such shipped corpus");
        OpenShipped(state, arg);
    } else if (name == "open") {
        OpenStoredCorpus(state, std::string(arg));
    } else if (name == "close") {
        CloseCorpus(state);
    } else if (name == "rename") {
        if (!state.corpus) return bad("no corpus is open to rename to");
        return RenameCorpus(state, state.corpus_path, std::string(arg));
    } else if (name == "delete-corpus") {
        return DeleteCorpus(state, std::string(arg));
    } else if (name == "delete-document" || name == "restore-text") {
        if (!state.corpus) return bad("no corpus is open for");
        int64_t id = std::strtoll(std::string(arg).c_str(), nullptr, 10);
        return name == "delete-document" ? DeleteDocument(state, id) : RestoreText(state, id);
    } else if (name == "storage-saved") {
        state.storage_saved_generation = std::strtoull(std::string(arg).c_str(), nullptr, 10);
        state.storage_error.clear();
    } else if (name == "storage-error") {
        state.storage_error = std::string(arg);
    } else if (name == "cancel") {
        state.jobs.Cancel(std::strtoull(std::string(arg).c_str(), nullptr, 10));
    } else if (core::Status result; RunReimportCommand(state, name, arg, &result) || RunTopicsCommand(state, name, arg, &result)) {
        return result;
    } else {
        return core::Error(core::StatusCode::InvalidInput, "unknown command '" + std::string(name) + "'");
    }
    return core::Status::Ok();
}

}  // namespace app
