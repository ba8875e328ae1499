// Document edits: the store does the work; this keeps AppState's copies (list, Reader, results) current.
#include "app/document_edits.h"

#include <algorithm>

#include "app/app_state.h"
#include "text/metadata.h"

namespace app {

namespace {

core::Status NoCorpus() { return core::Error(core::StatusCode::InvalidInput, "no corpus is open"); }

// After a change to one document: refresh its row and whatever showed it.
void Refresh(AppState& state, int64_t doc_id) {
    auto row = std::find_if(state.documents.begin(), state.documents.end(),
                            [&](const store::DocumentSummary& d) { return d.id == doc_id; });
    auto doc = state.corpus->GetDocument(doc_id);
    if (row != state.documents.end()) {
        if (doc.ok()) *row = doc->summary;
        else state.documents.erase(row);
    }
    ++state.documents_version;
    if (state.library_doc_id == doc_id) state.library_loaded_id = -1;   // Update reloads the details
    if (state.reader_doc_id == doc_id) state.reader_loaded_id = -1;     // … and the Reader
    if (!doc.ok()) {   // deleted: nothing to show
        if (state.library_doc_id == doc_id) state.library_doc_id = 0;
        if (state.reader_doc_id == doc_id) state.reader_doc_id = 0;
    }
    state.searched_query.clear();
    NoteCommitted(state, state.corpus_path);
}

}  // namespace

core::Result<std::string> EditedDate(std::string_view typed) {
    if (typed.find_first_not_of(" \t") == std::string_view::npos) return std::string();
    std::string iso = text::ReadDate(typed);
    if (iso.empty())
        return core::Error(core::StatusCode::InvalidInput,
                           "«" + std::string(typed) + "» is not a date Corpus Lens can read: write a year (1861), a month "
                           "(1861-03) or a day (1861-03-04, 4 March 1861, 04.03.1861), or leave it empty");
    return iso;
}

core::Status UpdateDocument(AppState& state, const store::DocumentSummary& edited) {
    if (!state.corpus) return NoCorpus();
    auto date = EditedDate(edited.date);
    if (!date.ok()) return date.status();
    store::DocumentSummary doc = edited;
    doc.date = std::move(*date);
    if (core::Status s = state.corpus->UpdateMetadata(doc); !s.ok()) return s;
    Refresh(state, doc.id);
    return core::Status::Ok();
}

core::Status DeleteDocument(AppState& state, int64_t doc_id) {
    if (!state.corpus) return NoCorpus();
    if (core::Status s = state.corpus->DeleteDocument(doc_id); !s.ok()) return s;
    Refresh(state, doc_id);
    return core::Status::Ok();
}

core::Status RestoreText(AppState& state, int64_t doc_id) {
    if (!state.corpus) return NoCorpus();
    if (core::Status s = state.corpus->RestoreOriginalText(doc_id); !s.ok()) return s;
    Refresh(state, doc_id);
    return core::Status::Ok();
}

}  // namespace app
