// Edits of the open corpus's documents from the Library (metadata, delete, undo trimming). Each is one small
// transaction, keeps the document list and the Reader in step, and marks storage for saving. Call them from
// Update (through Defer), never from a panel's Draw.
#pragma once
#include <cstdint>

#include "core/status.h"
#include "store/corpus.h"

namespace app {

struct AppState;

// Saves new title/source/date/language for the document `doc.id`.
core::Status UpdateDocument(AppState& state, const store::DocumentSummary& doc);
core::Status DeleteDocument(AppState& state, int64_t doc_id);
// Puts back the text import trimmed (RestoreOriginalText), and the word count with it.
core::Status RestoreText(AppState& state, int64_t doc_id);

}  // namespace app
