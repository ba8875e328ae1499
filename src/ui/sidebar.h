// The left sidebar: the corpora kept in this browser (click to switch; right-click to rename or delete)
// and the open corpus's documents (a click opens the Reader).
#pragma once
#include "app/app_state.h"

namespace ui {

struct CorpusDialogs;

struct Sidebar {
    void Draw(app::AppState& state, CorpusDialogs& dialogs);
};

}  // namespace ui
