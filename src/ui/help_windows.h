// The Help menu's windows: the query language, keyboard shortcuts, and what each figure in the views means.
// Plain windows (not modal: one can keep the shortcuts open while working), centred, never larger than the
// page (the content scrolls above the Close button); Escape or Close closes them; AppWindow opens them from its Help menu and draws them every frame.
#pragma once
#include "app/app_state.h"

namespace ui {

struct HelpWindows {
    bool show_query = false;       // "The query language"
    bool show_shortcuts = false;   // "Keyboard shortcuts"
    bool show_figures = false;     // "What the figures mean"

    // The Help menu's items for these windows (call between BeginMenu("Help") and EndMenu).
    void MenuItems(app::AppState& state);
    // Draws the open windows; their rectangles are reported as help.query, help.shortcuts, help.figures.
    void Draw(app::AppState& state);
};

}  // namespace ui
