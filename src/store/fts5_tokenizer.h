// Registers our ICU tokenizer with SQLite's FTS5 under the name "icu", so full-text search splits and
// normalises words exactly as the rest of the app does (text::Tokenizer). Arguments, as in
// `tokenize = 'icu fold_case 0'`: fold_case 1 (default, NFKC_Casefold) or 0 (NFKC, case kept).
//
// A TokenSink lets the caller see the tokens FTS5 produces for one text while it indexes it, so the bag of
// words is counted from the same pass instead of tokenizing every text twice.
#pragma once
#include <string>
#include <string_view>

#include "core/status.h"

struct sqlite3;

namespace store {

struct TokenSink {
    // The text whose tokens to report, recognised by content (FTS5 passes its own copy); empty: none.
    std::string_view watch;
    void (*emit)(void* user, const std::string& norm) = nullptr;
    void* user = nullptr;
    bool seen = false;      // set once the watched text was tokenized (and emitted)
};

// Call on every connection before touching a table that uses tokenize='icu'. `sink` (may be null) must
// outlive the connection. Also registers the auxiliary function cl_hits(doc_fts, column): the number of
// phrase instances the row's MATCH found in that column (FTS5's xInstCount, one column), which counts
// occurrences per document without reading any text.
core::Status RegisterIcuTokenizer(sqlite3* db, TokenSink* sink = nullptr);

}  // namespace store
