// Start page: shown in the Library tab while no corpus is open. The corpora that ship with the app (one
// click each), the ways to bring one's own, and the corpora this browser has kept.
#pragma once
#include "app/app_state.h"

struct ImFont;

namespace ui {

struct CorpusDialogs;

struct StartPanel {
    void Draw(app::AppState& state, CorpusDialogs& dialogs, ImFont* heading);
};

}  // namespace ui
