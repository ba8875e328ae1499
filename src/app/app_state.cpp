// Start-up, per-frame updates and the JSON state for the test API.
#include "app/app_state.h"

#include "app/demo_corpus.h"
#include "core/json.h"
#include "core/version.h"
#include "text/tokenizer.h"

namespace app {

core::Status InitApp(AppState& state) {
    auto corpus = store::Corpus::Create(":memory:");
    if (!corpus.ok()) { state.last_error = corpus.status().ToString(); return corpus.status(); }
    state.corpus = std::make_unique<store::Corpus>(std::move(*corpus));
    if (core::Status s = state.corpus->Begin(); !s.ok()) { state.last_error = s.ToString(); return s; }
    for (store::DocumentInput& doc : DemoDocuments()) {
        doc.word_count = static_cast<int64_t>(text::Tokenize(doc.text).size());
        auto id = state.corpus->AddDocument(doc);
        if (!id.ok()) {
            state.corpus->Rollback();
            state.last_error = id.status().ToString();
            return id.status();
        }
    }
    if (core::Status s = state.corpus->Commit(); !s.ok()) { state.last_error = s.ToString(); return s; }
    auto documents = state.corpus->ListDocuments();
    if (!documents.ok()) { state.last_error = documents.status().ToString(); return documents.status(); }
    state.documents = std::move(*documents);
    return core::Status::Ok();
}

void Update(AppState& state) {
    if (!state.corpus || state.query == state.searched_query) return;
    state.searched_query = state.query;
    auto results = analysis::Search(*state.corpus, state.query, kSearchHitLimit);
    if (results.ok()) {
        state.results = std::move(*results);
        state.last_error.clear();
    } else {
        state.results = {};
        state.last_error = results.status().ToString();
    }
}

std::string StateJson(const AppState& state) {
    core::JsonWriter w;
    w.BeginObject();
    w.Key("ready"); w.Bool(state.ready);
    w.Key("version"); w.String(core::Version());
    w.Key("frame"); w.Int(static_cast<int64_t>(state.frame));
    w.Key("view"); w.String("search");
    w.Key("documents"); w.Int(static_cast<int64_t>(state.documents.size()));
    w.Key("query"); w.String(state.query);
    w.Key("searched_query"); w.String(state.searched_query);
    w.Key("result_count"); w.Int(state.results.document_count);
    w.Key("hits_shown"); w.Int(static_cast<int64_t>(state.results.hits.size()));
    w.Key("last_error"); w.String(state.last_error);
    w.Key("gl_version"); w.String(state.gl_version);
    w.Key("device_pixel_ratio"); w.Double(state.device_pixel_ratio);
    w.Key("canvas"); w.BeginObject();
    w.Key("width"); w.Int(state.canvas_width); w.Key("height"); w.Int(state.canvas_height);
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

}  // namespace app
