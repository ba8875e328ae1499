// The Library's document table as data: which columns there can be (the fixed fields, then the corpus's extra
// fields such as the State of the Union's president and party), which show unless the user says otherwise,
// and which documents pass the filter in which order. The panel (ui/panels/library_panel.cpp) sets the filter
// and the sort and draws `rows`; UpdateLibraryView, run by app::Update before each frame, makes `rows` follow
// them, so neither folding (ICU) nor a loop over the corpus happens while drawing.
//
//     state.library.filter = "republican";          // the UI, while drawing
//     app::UpdateLibraryView(state);                 // Update, before the next frame
//     for (uint32_t i : state.library.rows) …       // state.documents[i] passes: its party is Republican
//
// The filter keeps documents any of whose metadata values (every field, fixed or extra) contains it, ignoring
// case and accents (text::FoldForFilter). Sorting compares folded text (numbers as numbers when every value
// of the column is one), puts documents without a value last, and breaks ties by document id.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/document_fields.h"

namespace app {

struct AppState;

struct LibraryColumn {
    std::string id;                 // FixedFieldId ("title" …), or "field:" + the extra field's name
    std::string label;              // "Title", "President" (an extra field's name, first letter capitalised)
    bool extra = false;
    FixedField fixed = FixedField::Title;   // when !extra
    std::string name;               // when extra: the field's name as stored
    bool shown_by_default = false;  // see DefaultShown in library_view.cpp
};

struct LibraryView {
    // Set by the UI.
    std::string filter;             // as typed
    std::string sort_column;        // a LibraryColumn::id; "" keeps corpus (id) order
    bool sort_ascending = true;
    // Columns the user showed or hid (Columns menu, the header's context menu), by LibraryColumn::id; kept
    // across corpora, so a "party" column chosen once stays chosen.
    std::map<std::string, bool> column_choice;

    // Made by UpdateLibraryView, read by the UI and the exports.
    std::vector<std::string> field_names;   // ExtraFieldNames(state.documents)
    std::vector<LibraryColumn> columns;     // every column there can be, in display order (Words last)
    std::vector<uint32_t> rows;             // indexes into state.documents: filtered, sorted
    uint64_t columns_version = ~0ull;       // the documents_version field_names and columns are for

    // UpdateLibraryView's own: what `rows` are for, and each document's metadata folded for the filter,
    // made when a filter is first typed after the list changed: a few ms in Update, the rest (long lists) by
    // a job. Until it is done the filter looks at the documents folded so far (`filtering` is true).
    std::string rows_key;
    std::vector<std::string> folded;        // documents [0, folded.size()): every value folded, one per line
    uint64_t folded_version = ~0ull;        // the documents_version `folded` is for
    uint64_t fold_job = 0;                  // the job folding the rest (0: none)
    bool filtering = false;                 // a filter is typed and not every document is folded yet
};

// Brings field_names, columns and rows up to date with state.documents and the filter and sort; cheap when
// nothing changed.
void UpdateLibraryView(AppState& state);

// Whether a column shows: the user's choice, else its default (the title always shows).
bool ColumnShown(const LibraryView& view, const LibraryColumn& column);

// The column with this id, or null.
const LibraryColumn* FindLibraryColumn(const LibraryView& view, const std::string& id);

}  // namespace app
