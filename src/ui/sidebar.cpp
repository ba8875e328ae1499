// Sidebar: corpus heading and a virtualised document list.
#include "ui/sidebar.h"

#include <imgui.h>

#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

void Sidebar::Draw(app::AppState& state) {
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
    ImGui::TextUnformatted("CORPUS");
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", state.corpus_name.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
    ImGui::Text("%zu documents", state.documents.size());
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
    ImGui::TextUnformatted("DOCUMENTS");
    ImGui::PopStyleColor();
    ImGui::BeginChild("doc_list");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(state.documents.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const store::DocumentSummary& doc = state.documents[static_cast<size_t>(row)];
            ImGui::PushID(row);
            if (ImGui::Selectable(doc.title.c_str(), state.reader_doc_id == doc.id))
                app::OpenInReader(state, doc.id);
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
                ImGui::SetTooltip("%s\n%s · %s · %lld words", doc.title.c_str(), DisplayDate(doc.date).c_str(), doc.lang.c_str(),
                                  static_cast<long long>(doc.word_count));
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace ui
