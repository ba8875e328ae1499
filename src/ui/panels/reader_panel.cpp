// ReaderPanel: shows the document app::Update loaded for state.reader_doc_id.
#include "ui/panels/reader_panel.h"

#include <algorithm>

#include <imgui.h>

#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

void ReaderPanel::Draw(app::AppState& state) {
    if (state.reader_doc_id == 0) {
        MutedTextWrapped("The Reader shows a whole document. Open one from the Library, the sidebar or a search "
                         "result.");
        return;
    }
    if (state.reader_loaded_id != state.reader_doc_id) return;  // loads before the next frame
    const store::DocumentSummary& doc = state.reader_doc;
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().accent);
    ImGui::TextWrapped("%s", doc.title.c_str());
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
    ImGui::Text("%s  ·  %s  ·  %s  ·  %lld words", doc.source.c_str(), DisplayDate(doc.date).c_str(), doc.lang.c_str(),
                static_cast<long long>(doc.word_count));
    ImGui::PopStyleColor();
    if (!state.reader_notes.empty() && ImGui::TreeNode("How this document was imported")) {
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
        ImGui::TextUnformatted(state.reader_notes.c_str());
        ImGui::PopStyleColor();
        ImGui::TreePop();
    }
    ImGui::Separator();
    ImGui::BeginChild("text");
    ImGui::PushTextWrapPos(std::min(ImGui::GetContentRegionAvail().x, 48.0f * ImGui::GetFontSize()));
    ImGui::TextUnformatted(state.reader_text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace ui
