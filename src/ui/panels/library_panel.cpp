// LibraryPanel: toolbar (count, Copy) and the document table (ImGuiListClipper: 100k rows cost what 40 do).
#include "ui/panels/library_panel.h"

#include <cstdio>
#include <string>

#include <imgui.h>

#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {
std::string DocumentsAsTsv(const std::vector<store::DocumentSummary>& documents) {
    std::string tsv = "title\tsource\tdate\tlanguage\twords\n";
    for (const store::DocumentSummary& d : documents)
        tsv += d.title + '\t' + d.source + '\t' + d.date + '\t' + d.lang + '\t' + std::to_string(d.word_count) + '\n';
    return tsv;
}
}  // namespace

void LibraryPanel::Draw(app::AppState& state) {
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s — %zu documents", state.corpus_name.c_str(), state.documents.size());
    ImGui::SameLine();
    if (ImGui::Button("Copy table")) ImGui::SetClipboardText(DocumentsAsTsv(state.documents).c_str());
    RecordItemRect(state, "library.copy");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy the table as tab-separated text (pastes into spreadsheets)");

    if (!state.import_report.empty()) {
        char label[64];
        std::snprintf(label, sizeof label, "Import report (%zu note%s)###import_report",
                      state.import_report.size(), state.import_report.size() == 1 ? "" : "s");
        if (ImGui::CollapsingHeader(label)) {
            for (const std::string& line : state.import_report) ImGui::BulletText("%s", line.c_str());
        }
        RecordItemRect(state, "library.import_report");
    }
    if (!state.corpus) {
        MutedTextWrapped("The corpus is being indexed; the table fills in when it is ready.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("documents", 5, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 6.0f);
    ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Language", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Words", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(state.documents.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const store::DocumentSummary& doc = state.documents[static_cast<size_t>(row)];
            ImGui::PushID(row);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(doc.title.c_str(), state.reader_doc_id == doc.id, ImGuiSelectableFlags_SpanAllColumns))
                app::OpenInReader(state, doc.id);
            ImGui::TableNextColumn(); ImGui::TextUnformatted(doc.source.c_str());
            ImGui::TableNextColumn(); ImGui::TextUnformatted(DisplayDate(doc.date).c_str());
            ImGui::TableNextColumn(); ImGui::TextUnformatted(doc.lang.c_str());
            ImGui::TableNextColumn(); ImGui::Text("%lld", static_cast<long long>(doc.word_count));
            ImGui::PopID();
        }
    }
    state.library_scroll_y = ImGui::GetScrollY();
    ImGui::EndTable();
    RecordItemRect(state, "library.table");
}

}  // namespace ui
