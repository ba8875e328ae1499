// Library view: the open corpus's documents in a sortable, filterable, virtualised table, the import
// report, and the selected document's details (metadata to edit, import notes, undo trimming, delete).
// Without an open corpus it shows the start page.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "ui/panels/start_panel.h"
#include "ui/reimport_ui.h"

namespace ui {

struct CorpusDialogs;

struct LibraryPanel {
    void Draw(app::AppState& state, CorpusDialogs& dialogs, ImFont* heading);

private:
    void DrawToolbar(app::AppState& state, CorpusDialogs& dialogs);
    void DrawTable(app::AppState& state, float height);
    void DrawDetails(app::AppState& state);
    void UpdateRows(const app::AppState& state);

    StartPanel start;
    std::string filter;                 // what the filter box holds
    std::vector<uint32_t> rows;         // indexes into state.documents, filtered and sorted
    // What `rows` were made for
    uint64_t rows_version = ~0ull;
    std::string rows_filter;
    int sort_column = -1;               // -1: corpus order
    bool sort_ascending = true;
    bool sort_dirty = true;
    // The metadata editor's copy of the selected document
    store::DocumentSummary edit;
    int64_t edit_loaded_id = 0;
    bool confirm_delete = false;
    ReimportControls reimport;          // "Read again as …" for the selected document
};

}  // namespace ui
