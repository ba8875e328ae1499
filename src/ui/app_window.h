// The whole UI: menu bar, sidebar, the view tabs with their panels, and the status bar. One instance lives
// as long as the app; panels keep their own UI state in it.
#pragma once
#include "app/app_state.h"
#include "ui/corpus_dialogs.h"
#include "ui/help_windows.h"
#include "ui/panels/concordance_panel.h"
#include "ui/panels/library_panel.h"
#include "ui/panels/planned_panel.h"
#include "ui/panels/reader_panel.h"
#include "ui/panels/search_panel.h"
#include "ui/panels/topics_panel.h"
#include "ui/sidebar.h"
#include "ui/status_bar.h"
#include "ui/style.h"

namespace ui {

struct AppWindow {
    Fonts fonts;
    Sidebar sidebar;
    CorpusDialogs dialogs;
    LibraryPanel library;
    SearchPanel search;
    ReaderPanel reader;
    ConcordancePanel concordance;
    PlannedPanel words{
        "Words: frequency lists, n-grams and collocates; keyness of a selection against the rest of the "
        "corpus (log-likelihood with an effect size); trends of chosen words over time."};
    TopicsPanel topics;
    PlannedPanel compare{
        "Compare: two documents (or two sub-corpora) side by side with passages aligned — verbatim reuse and "
        "close paraphrase — word-level differences, passages unique to each side and their distinctive words."};
    StatusBar status_bar;
    HelpWindows help;

    bool show_about = false;
    bool focus_first_control = false;   // the first Tab: focus the shown view's first control
    bool dark_applied = false;      // the theme ApplyStyle was last called with
    bool style_applied = false;
    app::View shown_view = app::View::Library;   // the tab ImGui shows; differs from state.view on a switch

    // Draws the UI into the current ImGui frame. Reads state, records requests in it.
    void Draw(app::AppState& state);

private:
    void DrawMenuBar(app::AppState& state);
    // "/" and Ctrl+K put the cursor in the search box; the first Tab goes into the view.
    void HandleShortcuts(app::AppState& state);
    // Reports the open dialog's and tooltip's rectangles ("dialog", "tooltip") for the test API.
    void RecordOverlays(app::AppState& state);
    void DrawViews(app::AppState& state);
    void DrawAbout();
};

}  // namespace ui
