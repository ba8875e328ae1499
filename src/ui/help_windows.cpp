// Help windows: each a table of short rows, wrapped to a readable width and kept inside the page.
#include "ui/help_windows.h"

#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>   // ImGuiWindow: Hidden, Appearing (its sizing frames)

#include "ui/query_box.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

struct HelpRow { const char* name; const char* meaning; };

constexpr HelpRow kShortcuts[] = {
    {"/  or  Ctrl+K", "put the cursor in the search box (Search, or the Concordance when it is open)"},
    {"Enter", "in the search box: nothing to do, the search runs as you type; keep typing"},
    {"Tab, Shift+Tab", "move between the controls of a view; the first Tab goes to the view's first control"},
    {"Arrow keys, Space", "move between items and press the one that has the focus"},
    {"Escape", "close a menu, a popup, a dialog or a help window"},
    {"Ctrl+A, Ctrl+C, Ctrl+X, Ctrl+V", "in a text field: select all, copy, cut, paste"},
    {"Ctrl+Z, Ctrl+Y", "in a text field: undo, redo"},
    {"Drag", "Reader: select text (dragging past the top or bottom scrolls)"},
    {"Double-click", "Reader: select a word. Library: read the document"},
    {"Triple-click", "Reader: select a sentence (also on the right-click menu)"},
    {"Shift+click", "Reader: extend the selection to here"},
    {"Ctrl+A, Ctrl+C", "Reader: select the whole text, copy the selection"},
    {"Right-click", "Reader: Copy, Select sentence, Select all. Sidebar: a corpus's menu"},
};

constexpr HelpRow kFigures[] = {
    {"documents", "the texts in the corpus: one per file, or per row of a CSV/JSON Lines file, or per speech"},
    {"words", "word tokens as search counts them: Unicode word segments (UAX #29) with a letter, a digit, "
              "kana or an ideograph; spaces and punctuation are not words. «17. Juni» is two words"},
    {"N of M documents match", "documents in which the query occurs at least once (every word of it, "
                               "unless OR says otherwise), out of all documents searched"},
    {"documents per year / source", "Search charts: how many matching documents each year or source has; a "
                                    "click searches only that year or source"},
    {"occurrences, hits", "how many times the query occurs; one document can hold many. The Reader's "
                          "«hit 2 of 5» counts them in the document shown"},
    {"per million words", "occurrences ÷ all words of those documents × 1,000,000: compares years or sources "
                          "of different sizes (a year with twice the text does not look twice as frequent)"},
    {"concordance lines", "one line per occurrence, with the words on each side; «N hits in M documents»"},
    {"dispersion", "one strip per document, a tick where each hit falls between its start and end"},
};

// A two-column table of `rows`, the first column in the accent colour; wrapped at the window's width.
template <size_t N>
void HelpTable(const char* id, const HelpRow (&rows)[N]) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV))
        return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 0.35f);
    ImGui::TableSetupColumn("meaning", ImGuiTableColumnFlags_WidthStretch, 0.65f);
    for (const HelpRow& row : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().accent);
        ImGui::TextWrapped("%s", row.name);
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", row.meaning);
    }
    ImGui::EndTable();
}

// Begins a help window `title`, `width_em` wide (at most the page), centred and never taller than the page:
// its content scrolls in a body under which the Close button always shows. Returns false when there is
// nothing to draw into; EndHelpWindow is called either way, with that result.
bool BeginHelpWindow(const char* title, bool* open, float width_em) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const ImVec2 most(viewport->WorkSize.x - 2 * em, viewport->WorkSize.y - 2 * em);
    const float width = std::min(width_em * em, most.x);
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, most.y));
    const bool visible = ImGui::Begin(title, open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                                       ImGuiWindowFlags_AlwaysAutoResize);
    // The body is as tall as its content was last frame, at most what leaves room for the title and Close.
    const float content = ImGui::GetStateStorage()->GetFloat(ImGui::GetID("body height"), 10 * em);
    const float room = most.y - ImGui::GetFrameHeight() - ImGui::GetFrameHeightWithSpacing() - 3 * ImGui::GetStyle().WindowPadding.y;
    // A scrollbar only when the body is cut short (one that came and went would rewrap the text each frame).
    ImGui::BeginChild("body", ImVec2(0, std::max(std::min(content, room), 4 * em)), ImGuiChildFlags_None,
                      content <= room ? ImGuiWindowFlags_NoScrollbar : 0);
    return visible;
}

void EndHelpWindow(app::AppState& state, const char* rect, bool* open, bool visible) {
    const float content = ImGui::GetCurrentWindow()->ContentSize.y;
    ImGui::EndChild();
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID content_key = ImGui::GetID("body height"), height_key = ImGui::GetID("window height");
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    // It takes a few frames to measure the body and fit the window to it; until then it is not reported.
    const bool settled = !window->Hidden && !window->Appearing && storage->GetFloat(content_key, -1) == content &&
                         storage->GetFloat(height_key, -1) == window->Size.y;
    storage->SetFloat(content_key, content);
    storage->SetFloat(height_key, window->Size.y);
    if (visible) {
        ImGui::Spacing();
        if (ImGui::Button("Close")) *open = false;
        if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGuiKey_Escape, false))
            *open = false;
    }
    if (visible && settled) {
        RecordItemRect(state, (std::string(rect) + ".close").c_str());
        state.widgets[rect] = {window->Pos.x, window->Pos.y, window->Size.x, window->Size.y};
    }
    ImGui::End();
}

}  // namespace

void HelpWindows::MenuItems(app::AppState& state) {
    if (ImGui::MenuItem("The query language", nullptr, show_query)) show_query = true;
    RecordItemRect(state, "menu.help.query");
    if (ImGui::MenuItem("Keyboard shortcuts", nullptr, show_shortcuts)) show_shortcuts = true;
    RecordItemRect(state, "menu.help.shortcuts");
    if (ImGui::MenuItem("What the figures mean", nullptr, show_figures)) show_figures = true;
    RecordItemRect(state, "menu.help.figures");
}

void HelpWindows::Draw(app::AppState& state) {
    for (const char* rect : {"help.query", "help.shortcuts", "help.figures"}) {
        state.widgets.erase(rect);
        state.widgets.erase(std::string(rect) + ".close");
    }
    if (show_query) {
        const bool visible = BeginHelpWindow("The query language", &show_query, 46);
        if (visible) DrawQueryHelp(state);
        EndHelpWindow(state, "help.query", &show_query, visible);
    }
    if (show_shortcuts) {
        const bool visible = BeginHelpWindow("Keyboard shortcuts", &show_shortcuts, 44);
        if (visible) HelpTable("shortcuts", kShortcuts);
        EndHelpWindow(state, "help.shortcuts", &show_shortcuts, visible);
    }
    if (show_figures) {
        const bool visible = BeginHelpWindow("What the figures mean", &show_figures, 44);
        if (visible) {
            MutedTextWrapped("What the numbers in the Library, Search, Concordance and Reader count.");
            HelpTable("figures", kFigures);
        }
        EndHelpWindow(state, "help.figures", &show_figures, visible);
    }
}

}  // namespace ui
