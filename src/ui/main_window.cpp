// MainWindow: header, engine line, search box, results.
#include "ui/main_window.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "core/version.h"
#include "store/database.h"
#include "text/icu_data.h"
#include "ui/highlighted_text.h"

namespace ui {

namespace {

void RecordRect(app::AppState& state, const char* name) {
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    state.widgets[name] = {min.x, min.y, max.x - min.x, max.y - min.y};
}

// "OpenGL ES 3.0 (WebGL 2.0 (OpenGL ES 3.0 Chromium))" → "WebGL 2.0".
std::string GraphicsLabel(const std::string& gl_version) {
    size_t at = gl_version.find("WebGL ");
    if (at == std::string::npos) return gl_version;
    size_t end = gl_version.find_first_of(" )", at + 6);
    return gl_version.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

void DrawDocumentTable(const std::vector<store::DocumentSummary>& documents) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("documents", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 6.0f);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Language", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Words", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(documents.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const store::DocumentSummary& doc = documents[static_cast<size_t>(row)];
            ImGui::PushID(row);
            ImGui::TableNextRow();
            ImGui::TableNextColumn(); ImGui::TextUnformatted(doc.title.c_str());
            ImGui::TableNextColumn(); ImGui::TextUnformatted(doc.date.c_str());
            ImGui::TableNextColumn(); ImGui::TextUnformatted(doc.lang.c_str());
            ImGui::TableNextColumn(); ImGui::Text("%lld", static_cast<long long>(doc.word_count));
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void DrawHits(const std::vector<store::SearchHit>& hits) {
    ImGui::BeginChild("results", ImVec2(0, 0), ImGuiChildFlags_None);
    for (size_t i = 0; i < hits.size(); ++i) {
        const store::SearchHit& hit = hits[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushStyleColor(ImGuiCol_Text, ColorAccent());
        ImGui::TextUnformatted(hit.title.c_str());
        ImGui::PopStyleColor();
        HighlightedTextWrapped(hit.snippet);
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace

void MainWindow::Draw(app::AppState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Corpus Lens", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);

    // Header
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(core::ProductName());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ColorMuted());
    ImGui::Text("%s  ·  text-corpus analysis in your browser; nothing leaves this page", core::Version());
    ImGui::Text("Engine: SQLite %s with FTS5  ·  ICU %s word segmentation (UAX #29), NFKC_Casefold  ·  %s",
                store::SqliteVersion(), text::IcuVersion(), GraphicsLabel(state.gl_version).c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
    ImGui::Spacing();

    if (!state.last_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 30, 30, 255));
        ImGui::TextWrapped("%s", state.last_error.c_str());
        ImGui::PopStyleColor();
    }

    // Search box
    ImGui::Text("Search the built-in demo corpus (%lld short documents in English, Russian, German, Greek, French)",
                static_cast<long long>(state.documents.size()));
    ImGui::SetNextItemWidth(std::min(40.0f * ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x));
    if (focus_query) { ImGui::SetKeyboardFocusHere(); focus_query = false; }
    ImGui::InputTextWithHint("##query", "Type words, e.g. strasse, сергей, cafe, ΣΟΦΙΑ", query_buffer,
                             sizeof query_buffer);
    RecordRect(state, "search.query");
    state.query = query_buffer;  // app::Update runs the search when this changed

    // Results
    if (state.results.match.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ColorMuted());
        ImGui::TextWrapped("Case, accents written as separate marks, ligatures, full-width letters and ß/ss are "
                           "folded, so СЕРГЕЙ finds «Сергей» and strasse finds «Straße».");
        ImGui::PopStyleColor();
    } else {
        ImGui::Text("%lld of %zu documents match", static_cast<long long>(state.results.document_count),
                    state.documents.size());
        RecordRect(state, "search.count");
    }
    ImGui::Spacing();
    if (state.results.match.empty()) DrawDocumentTable(state.documents);
    else DrawHits(state.results.hits);
    ImGui::End();
}

}  // namespace ui
