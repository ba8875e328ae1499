// Registers our ICU tokenizer with SQLite's FTS5 under the name "icu", so full-text search splits and
// normalises words exactly as the rest of the app does (text::Tokenizer). Arguments, as in
// `tokenize = 'icu fold_case 0'`: fold_case 1 (default, NFKC_Casefold) or 0 (NFKC, case kept).
#pragma once
#include "core/status.h"

struct sqlite3;

namespace store {

// Call on every connection before touching a table that uses tokenize='icu'.
core::Status RegisterIcuTokenizer(sqlite3* db);

}  // namespace store
