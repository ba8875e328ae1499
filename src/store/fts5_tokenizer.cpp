// The "icu" FTS5 tokenizer: text::Tokenizer behind FTS5's fts5_tokenizer (v1) callbacks; and cl_hits, the
// auxiliary function that counts a row's phrase instances (occurrences per document for the Search charts).
#include "store/fts5_tokenizer.h"

#include <cstring>
#include <new>

#include <sqlite3.h>

#include "text/tokenizer.h"

namespace store {

namespace {

struct IcuFts5Tokenizer {
    text::Tokenizer Words;
    TokenSink* Sink;
    IcuFts5Tokenizer(text::TokenizerOptions options, TokenSink* sink) : Words(options), Sink(sink) {}
};

int IcuCreate(void* sink, const char** args, int arg_count, Fts5Tokenizer** out) {
    text::TokenizerOptions options;
    for (int i = 0; i + 1 < arg_count; i += 2) {
        if (std::strcmp(args[i], "fold_case") == 0) options.fold_case = std::strcmp(args[i + 1], "0") != 0;
        else return SQLITE_ERROR;
    }
    if (arg_count % 2 != 0) return SQLITE_ERROR;
    auto* tokenizer = new (std::nothrow) IcuFts5Tokenizer(options, static_cast<TokenSink*>(sink));
    if (!tokenizer) return SQLITE_NOMEM;
    if (!tokenizer->Words.valid()) { delete tokenizer; return SQLITE_ERROR; }
    *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer);
    return SQLITE_OK;
}

void IcuDelete(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<IcuFts5Tokenizer*>(tokenizer); }

int IcuTokenize(Fts5Tokenizer* handle, void* context, int flags, const char* text, int text_bytes,
                int (*emit)(void*, int, const char*, int, int, int)) {
    auto* tokenizer = reinterpret_cast<IcuFts5Tokenizer*>(handle);
    text::Tokenizer& words = tokenizer->Words;
    const std::string_view input(text ? text : "", static_cast<size_t>(text_bytes));
    words.Reset(input);
    TokenSink* sink = tokenizer->Sink;
    const bool report = sink && sink->emit && !sink->seen && (flags & FTS5_TOKENIZE_DOCUMENT) &&
                        !sink->watch.empty() && input == sink->watch;
    if (report) sink->seen = true;
    text::Token token;
    while (words.Next(&token)) {
        if (token.norm.empty()) continue;
        if (report) sink->emit(sink->user, token.norm);
        int rc = emit(context, 0, token.norm.data(), static_cast<int>(token.norm.size()),
                      static_cast<int>(token.byte_offset), static_cast<int>(token.byte_offset + token.byte_length));
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

// cl_hits(doc_fts, column): how many instances of the MATCH expression's phrases FTS5 found in `column` of
// the current row (1 = the text). Reads the row's position lists, not its text.
void HitCount(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int argc, sqlite3_value** argv) {
    const int column = argc > 0 ? sqlite3_value_int(argv[0]) : -1;
    int instances = 0;
    if (int rc = api->xInstCount(fts, &instances); rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    sqlite3_int64 hits = 0;
    for (int i = 0; i < instances; ++i) {
        int phrase = 0, col = 0, offset = 0;
        if (int rc = api->xInst(fts, i, &phrase, &col, &offset); rc != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
        if (column < 0 || col == column) ++hits;
    }
    sqlite3_result_int64(context, hits);
}

fts5_api* GetFts5Api(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
    sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

}  // namespace

core::Status RegisterIcuTokenizer(sqlite3* db, TokenSink* sink) {
    fts5_api* api = GetFts5Api(db);
    if (!api) return core::Error(core::StatusCode::Internal, "this SQLite build has no FTS5");
    static fts5_tokenizer callbacks = {IcuCreate, IcuDelete, IcuTokenize};
    int rc = api->xCreateTokenizer(api, "icu", sink, &callbacks, nullptr);
    if (rc != SQLITE_OK) return core::Error(core::StatusCode::Internal, "registering the FTS5 tokenizer failed");
    rc = api->xCreateFunction(api, "cl_hits", nullptr, HitCount, nullptr);
    if (rc != SQLITE_OK) return core::Error(core::StatusCode::Internal, "registering the FTS5 function cl_hits failed");
    return core::Status::Ok();
}

}  // namespace store
