// The app's single window for now: title, engine line, and a search over the open corpus. The tabbed views
// of DESIGN.md §1 (Library, Search, Concordance …) replace its body panel by panel.
#pragma once
#include "app/app_state.h"
#include "ui/style.h"

namespace ui {

struct MainWindow {
    Fonts fonts;
    char query_buffer[256] = "";
    bool focus_query = true;        // put the cursor in the search box on the first frame

    // Draws the whole UI into the current frame; records requests in `state` (never runs queries itself).
    void Draw(app::AppState& state);
};

}  // namespace ui
