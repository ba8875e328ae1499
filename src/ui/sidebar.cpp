// Sidebar: corpora list and a virtualised document list.
#include "ui/sidebar.h"

#include <imgui.h>

#include "core/number_text.h"
#include "ui/corpus_dialogs.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {
void Heading(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}
}  // namespace

void Sidebar::Draw(app::AppState& state, CorpusDialogs& dialogs) {
    Heading("CORPORA");
    const bool busy = state.jobs.Busy();
    if (state.corpora.empty() && state.corpus) {
        ImGui::TextWrapped("%s", state.corpus_name.c_str());
    } else if (state.corpora.empty()) {
        MutedTextWrapped("None kept yet: open one on the start page.");
    }
    for (const app::StoredCorpus& c : state.corpora) {
        ImGui::PushID(c.path.c_str());
        const bool open = state.corpus && c.path == state.corpus_path;
        char label[256];
        std::snprintf(label, sizeof label, "%s", c.name.c_str());
        if (ImGui::Selectable(label, open) && !open && !busy) app::OpenStoredCorpus(state, c.path);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
            ImGui::SetTooltip("%s\n%s · right-click to rename or delete", c.name.c_str(),
                              core::CountText(c.documents, "document").c_str());
        if (ImGui::BeginPopupContextItem("corpus_menu")) {
            if (ImGui::MenuItem("Rename…", nullptr, false, open)) dialogs.open_rename = true;
            if (ImGui::MenuItem("Delete…")) { dialogs.delete_path = c.path; dialogs.delete_name = c.name; }
            ImGui::EndPopup();
        }
        ImGui::PopID();
    }
    if (state.corpus) {
        if (ImGui::SmallButton("Start page")) app::CloseCorpus(state);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close this corpus and show the corpora you can open");
    }
    ImGui::Spacing();
    ImGui::Separator();
    Heading("DOCUMENTS");
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
                ImGui::SetTooltip("%s\n%s · %s · %s", doc.title.c_str(), DisplayDate(doc.date).c_str(), doc.lang.c_str(),
                                  core::CountText(doc.word_count, "word").c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace ui
