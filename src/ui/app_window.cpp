// AppWindow: layout and navigation; each view's content is its panel's business.
#include "ui/app_window.h"

#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>   // NavWindow, GetFocusID: where the keyboard focus is (first Tab)

#include "core/version.h"
#include "store/database.h"
#include "text/icu_data.h"
#include "ui/widgets.h"

namespace ui {

namespace {
constexpr float kSidebarWidthEm = 16.0f;   // in font heights
}

void AppWindow::Draw(app::AppState& state) {
    bool dark = app::DarkThemeActive(state);
    if (!style_applied || dark != dark_applied) {
        ApplyStyle(dark);
        dark_applied = dark;
        style_applied = true;
    }

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Corpus Lens", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar);
    DrawMenuBar(state);
    HandleShortcuts(state);

    const ImGuiStyle& style = ImGui::GetStyle();
    const float status_height = ImGui::GetFrameHeight() + style.ItemSpacing.y + 1;
    const float sidebar_width = std::min(kSidebarWidthEm * ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x * 0.3f);
    ImGui::BeginChild("sidebar", ImVec2(sidebar_width, -status_height), ImGuiChildFlags_Border);
    sidebar.Draw(state, dialogs);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("main", ImVec2(0, -status_height));
    DrawViews(state);
    ImGui::EndChild();
    ImGui::Separator();
    status_bar.Draw(state);
    ImGui::End();

    dialogs.Draw(state);
    help.Draw(state);
    if (show_about) DrawAbout();
    RecordOverlays(state);
}

void AppWindow::RecordOverlays(app::AppState& state) {
    state.widgets.erase("dialog");
    state.widgets.erase("tooltip");
    auto record = [&](const char* name, const ImGuiWindow* window) {
        if (window && window->Active) state.widgets[name] = {window->Pos.x, window->Pos.y, window->Size.x, window->Size.y};
    };
    record("dialog", ImGui::GetTopMostPopupModal());
    record("tooltip", ImGui::FindWindowByName("##Tooltip_00"));
}

void AppWindow::HandleShortcuts(app::AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;   // a menu or dialog has the keys
    // "/" (the character, whatever the keyboard layout) when no field takes text; Ctrl+K always.
    bool focus_search = ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_K);
    if (!io.WantTextInput && std::find(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end(), '/') !=
                                 io.InputQueueCharacters.end()) {
        focus_search = true;
        ImGui::GetIO().InputQueueCharacters.resize(0);   // the "/" is not typed into the box
    }
    if (focus_search) {
        if (state.view == app::View::Concordance) concordance.focus_query = true;
        else { state.view = app::View::Search; search.focus_query = true; }
    }
    // The first Tab (nothing has the keyboard focus, or only the menu bar or the tabs do) goes into the view,
    // to its first control, instead of the tab strip.
    ImGuiWindow* nav = ImGui::GetCurrentContext()->NavWindow;
    if (ImGui::IsKeyPressed(ImGuiKey_Tab) && !io.KeyShift && !io.KeyCtrl && !io.WantTextInput &&
        (ImGui::GetFocusID() == 0 || nav == nullptr || nav == ImGui::GetCurrentWindow()))
        focus_first_control = true;
}

void AppWindow::DrawMenuBar(app::AppState& state) {
    if (!ImGui::BeginMenuBar()) return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(core::ProductName());
    ImGui::PopFont();
    ImGui::Spacing();
    if (ImGui::BeginMenu("Corpus")) {
        const bool busy = state.jobs.Busy(), open = state.corpus != nullptr;
        if (ImGui::MenuItem("New corpus from files…", nullptr, false, !busy)) {
            state.picker_target = app::ImportTarget::NewCorpus;
            state.request_file_picker = true;
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Text, Markdown, HTML, CSV/TSV, JSON Lines, a zip of them, any of them gzipped. You can also drop files\n"
                              "or folders onto the page. Nothing leaves your computer.");
        if (ImGui::MenuItem("Add files to this corpus…", nullptr, false, open && !busy)) {
            state.picker_target = app::ImportTarget::OpenCorpus;
            state.request_file_picker = true;
        }
        if (ImGui::MenuItem("Paste text as a document…", nullptr, false, !busy)) dialogs.open_paste = true;
        ImGui::Separator();
        if (ImGui::BeginMenu("Open", !busy)) {
            for (const app::StoredCorpus& c : state.corpora)
                if (ImGui::MenuItem(c.name.c_str(), nullptr, open && c.path == state.corpus_path)) app::OpenStoredCorpus(state, c.path);
            if (!state.corpora.empty()) ImGui::Separator();
            for (const app::ShippedCorpus& c : app::ShippedCorpora())
                if (ImGui::MenuItem(c.name, "shipped")) app::OpenShipped(state, c.id);
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Rename this corpus…", nullptr, false, open && !state.corpus_path.empty())) dialogs.open_rename = true;
        if (ImGui::MenuItem("Delete this corpus…", nullptr, false, open && !state.corpus_path.empty())) {
            dialogs.delete_path = state.corpus_path;
            dialogs.delete_name = state.corpus_name;
        }
        if (ImGui::MenuItem("Close (start page)", nullptr, false, open)) app::CloseCorpus(state);
        ImGui::EndMenu();
    }
    RecordItemRect(state, "menu.corpus");
    if (ImGui::BeginMenu("View")) {
        for (int i = 0; i < app::kViewCount; ++i) {
            auto view = static_cast<app::View>(i);
            if (ImGui::MenuItem(app::ViewTitle(view), nullptr, state.view == view)) state.view = view;
        }
        ImGui::Separator();
        if (ImGui::BeginMenu("Theme")) {
            if (ImGui::MenuItem("Follow the system", nullptr, state.theme == app::Theme::System)) state.theme = app::Theme::System;
            if (ImGui::MenuItem("Light", nullptr, state.theme == app::Theme::Light)) state.theme = app::Theme::Light;
            if (ImGui::MenuItem("Dark", nullptr, state.theme == app::Theme::Dark)) state.theme = app::Theme::Dark;
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        help.MenuItems(state);
        ImGui::Separator();
        if (ImGui::MenuItem("About Corpus Lens")) show_about = true;
        RecordItemRect(state, "menu.help.about");
        ImGui::EndMenu();
    }
    RecordItemRect(state, "menu.help");
    ImGui::EndMenuBar();
}

void AppWindow::DrawViews(app::AppState& state) {
    if (!ImGui::BeginTabBar("views")) return;
    const bool switching = state.view != shown_view;  // a switch requested from elsewhere (menu, link, test)
    for (int i = 0; i < app::kViewCount; ++i) {
        auto view = static_cast<app::View>(i);
        ImGuiTabItemFlags flags = switching && view == state.view ? ImGuiTabItemFlags_SetSelected : 0;
        bool open = ImGui::BeginTabItem(app::ViewTitle(view), nullptr, flags);
        RecordItemRect(state, (std::string("tab.") + app::ViewId(view)).c_str());
        if (!open) continue;
        if (!switching) state.view = view;  // the user clicked this tab
        shown_view = view;
        ImGui::BeginChild("view");
        if (focus_first_control) { FocusNextItem(); focus_first_control = false; }
        switch (view) {
        case app::View::Library: library.Draw(state, dialogs, fonts.heading); break;
        case app::View::Search: search.Draw(state); break;
        case app::View::Concordance: concordance.Draw(state, fonts.mono); break;
        case app::View::Words: words.Draw(state); break;
        case app::View::Topics: topics.Draw(state); break;
        case app::View::Compare: compare.Draw(state); break;
        case app::View::Reader:
            if (!reader.topic_name) reader.topic_name = [this](int t) -> const std::string& { return topics.DefaultName(t); };
            reader.Draw(state);
            break;
        }
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

void AppWindow::DrawAbout() {
    ImGui::OpenPopup("About Corpus Lens");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("About Corpus Lens", &show_about, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%s %s", core::ProductName(), core::Version());
        ImGui::TextUnformatted("Text-corpus analysis that runs entirely in this page: nothing you load is sent anywhere.");
        ImGui::Separator();
        ImGui::Text("SQLite %s with FTS5", store::SqliteVersion());
        ImGui::Text("ICU %s: UAX #29 word and sentence segmentation, NFKC_Casefold", text::IcuVersion());
        ImGui::Text("Dear ImGui %s", IMGUI_VERSION);
        ImGui::Spacing();
        if (ImGui::Button("Close")) { show_about = false; ImGui::CloseCurrentPopup(); }
        ImGui::EndPopup();
    }
}

}  // namespace ui
