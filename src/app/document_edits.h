// Edits of the open corpus's documents from the Library (metadata, delete, undo trimming). Each is one small
// transaction, keeps the document list and the Reader in step, and marks storage for saving. Call them from
// Update (through Defer), never from a panel's Draw.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/corpus.h"

namespace app {

struct AppState;

// The date as the metadata editor saves it: empty stays empty (no date), a date text::ReadDate reads becomes
// its ISO form ("11 December 2015" → "2015-12-11"); anything else is an InvalidInput error that says which
// dates are read. No ICU or SQLite: the panel may call it while drawing, to say so before Save.
core::Result<std::string> EditedDate(std::string_view typed);

// Saves new metadata (title, source, date, language, author, url, extra fields) for the document `doc.id`.
// A date EditedDate refuses saves nothing and returns its error.
core::Status UpdateDocument(AppState& state, const store::DocumentSummary& doc);
core::Status DeleteDocument(AppState& state, int64_t doc_id);
// Puts back the text import trimmed (RestoreOriginalText), and the word count with it.
core::Status RestoreText(AppState& state, int64_t doc_id);

}  // namespace app
