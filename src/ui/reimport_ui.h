// Re-import in the Library (app/reimport.h): the selected document's "read again as …" controls, the dialog
// that lists exactly the documents a re-import will replace, the "Undo re-import" bar, and the question asked
// when files brought to the open corpus are in it already. Actions are deferred; nothing here reads SQLite.
#pragma once
#include <cstdint>

#include "app/app_state.h"

namespace ui {

// The details pane's re-import row. Offers the encoding the import notes name (detected) first.
struct ReimportControls {
    void Draw(app::AppState& state);

private:
    int encoding = 0;               // index into the encodings offered
    int64_t encoding_for_doc = 0;   // the document `encoding` was defaulted for
};

// "Re-imported X. [Undo re-import]" while the last re-import of the open corpus can be undone.
void DrawReimportUndoBar(app::AppState& state);
// The modal dialogs: confirm a planned re-import; files already in the corpus (add anyway / skip).
void DrawReimportDialogs(app::AppState& state);

}  // namespace ui
