// Library view: the open corpus's documents in a sortable, filterable, virtualised table whose columns are
// every metadata field the user picks (app/library_view.h does the filtering and sorting), the import
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
    void DrawColumnsMenu(app::AppState& state);
    void DrawTable(app::AppState& state, float height);
    void DrawDetails(app::AppState& state);
    float DetailsHeight(const app::AppState& state) const;

    StartPanel start;
    bool push_columns = true;           // tell the table the shown columns (after a choice in the menu)
    std::string table_columns;          // the column ids the table was set up with (a new set: a new table)
    // The metadata editor's copy of the selected document
    store::DocumentSummary edit;
    int64_t edit_loaded_id = 0;
    bool confirm_delete = false;
    ReimportControls reimport;          // "Read again as …" for the selected document
};

}  // namespace ui
