// LibraryPanel: toolbar, import report, the document table (ImGuiListClipper: 100k rows cost what 40 do)
// sorted and filtered through an index, and the details pane of the selected document.
#include "ui/panels/library_panel.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app/document_edits.h"
#include "core/table_text.h"
#include "ui/corpus_dialogs.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

enum Column { kTitle, kSource, kDate, kLanguage, kWords, kColumnCount };

// The rows shown, as TSV ('\t') or CSV (',').
std::string DocumentsAsTable(const std::vector<store::DocumentSummary>& documents, const std::vector<uint32_t>& rows,
                             char separator) {
    std::string out;
    for (const char* name : {"title", "source", "date", "language", "words"}) core::AppendTableField(out, name, separator);
    core::EndTableRow(out);
    for (uint32_t row : rows) {
        const store::DocumentSummary& d = documents[row];
        for (const std::string* field : {&d.title, &d.source, &d.date, &d.lang}) core::AppendTableField(out, *field, separator);
        core::AppendTableField(out, std::to_string(d.word_count), separator);
        core::EndTableRow(out);
    }
    return out;
}

// Case-insensitive for ASCII letters; other scripts match as typed.
bool ContainsFolded(const std::string& haystack, const std::string& lowered_needle) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    auto it = std::search(haystack.begin(), haystack.end(), lowered_needle.begin(), lowered_needle.end(),
                          [&](char a, char b) { return lower(a) == b; });
    return it != haystack.end();
}

}  // namespace

void LibraryPanel::Draw(app::AppState& state, CorpusDialogs& dialogs, ImFont* heading) {
    if (!state.corpus) {
        start.Draw(state, dialogs, heading);
        return;
    }
    DrawToolbar(state, dialogs);
    const float details_height = state.library_doc_id != 0 ? std::min(17.0f * ImGui::GetFontSize(),
                                                                       ImGui::GetContentRegionAvail().y * 0.55f) : 0.0f;
    DrawTable(state, -details_height);
    if (state.library_doc_id != 0) DrawDetails(state);
}

void LibraryPanel::DrawToolbar(app::AppState& state, CorpusDialogs& dialogs) {
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    if (rows.size() == state.documents.size()) ImGui::Text("%zu document%s", rows.size(), rows.size() == 1 ? "" : "s");
    else ImGui::Text("%zu of %zu documents", rows.size(), state.documents.size());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(14 * em);
    InputString("##filter", "Filter title, source, date…", &filter);
    RecordItemRect(state, "library.filter");
    state.ui_text["library.filter"] = filter;
    ImGui::SameLine();
    if (ImGui::Button("Copy table")) ImGui::SetClipboardText(DocumentsAsTable(state.documents, rows, '\t').c_str());
    RecordItemRect(state, "library.copy");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy the rows shown as tab-separated text (pastes into spreadsheets)");
    ImGui::SameLine();
    if (ImGui::Button("Export CSV"))
        app::RequestDownload(state, "documents.csv", "text/csv", DocumentsAsTable(state.documents, rows, ','));
    RecordItemRect(state, "library.export");
    ImGui::SameLine();
    const bool busy = state.jobs.Busy();
    if (ButtonIf(!busy, "Add files…", kBusyReason)) {
        state.picker_target = app::ImportTarget::OpenCorpus;
        state.request_file_picker = true;
    }
    RecordItemRect(state, "library.add_files");
    ImGui::SameLine();
    if (ButtonIf(!busy, "Paste text…", kBusyReason)) dialogs.open_paste = true;
    RecordItemRect(state, "library.paste");

    if (!state.import_report.empty()) {
        char label[64];
        std::snprintf(label, sizeof label, "Import report (%zu note%s)###import_report",
                      state.import_report.size(), state.import_report.size() == 1 ? "" : "s");
        if (ImGui::CollapsingHeader(label, ImGuiTreeNodeFlags_DefaultOpen)) {
            for (const std::string& line : state.import_report) ImGui::BulletText("%s", line.c_str());
        }
        RecordItemRect(state, "library.import_report");
    }
    DrawReimportUndoBar(state);
}

void LibraryPanel::UpdateRows(const app::AppState& state) {
    if (rows_version == state.documents_version && rows_filter == filter && !sort_dirty) return;
    rows_version = state.documents_version;
    rows_filter = filter;
    sort_dirty = false;
    std::string needle = filter;
    for (char& c : needle) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    rows.clear();
    for (uint32_t i = 0; i < state.documents.size(); ++i) {
        const store::DocumentSummary& d = state.documents[i];
        if (needle.empty() || ContainsFolded(d.title, needle) || ContainsFolded(d.source, needle) ||
            ContainsFolded(d.date, needle) || ContainsFolded(d.lang, needle))
            rows.push_back(i);
    }
    if (sort_column < 0) return;
    const auto& docs = state.documents;
    auto key_less = [&](uint32_t a, uint32_t b) {
        const store::DocumentSummary &x = docs[a], &y = docs[b];
        switch (sort_column) {
        case kTitle: return x.title < y.title;
        case kSource: return x.source < y.source;
        case kDate: return x.date < y.date;
        case kLanguage: return x.lang < y.lang;
        default: return x.word_count < y.word_count;
        }
    };
    std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
        return sort_ascending ? key_less(a, b) : key_less(b, a);
    });
}

void LibraryPanel::DrawTable(app::AppState& state, float height) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate;
    if (!ImGui::BeginTable("documents", kColumnCount, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 6.0f);
    ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Language", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Words", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_PreferSortDescending, 0.9f);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        sort_column = specs->SpecsCount > 0 ? specs->Specs[0].ColumnIndex : -1;
        sort_ascending = specs->SpecsCount == 0 || specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        specs->SpecsDirty = false;
        sort_dirty = true;
    }
    UpdateRows(state);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const store::DocumentSummary& doc = state.documents[rows[static_cast<size_t>(row)]];
            ImGui::PushID(row);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(doc.title.c_str(), state.library_doc_id == doc.id,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                state.library_doc_id = doc.id;
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) app::OpenInReader(state, doc.id);
            }
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))   // long titles are cut by the column
                ImGui::SetTooltip("%s\nclick for details, double-click to read", doc.title.c_str());
            if (row == 0) RecordItemRect(state, "library.first_row");
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

void LibraryPanel::DrawDetails(app::AppState& state) {
    if (state.library_loaded_id != state.library_doc_id) return;   // Update loads it before the next frame
    if (edit_loaded_id != state.library_doc_id || edit.id != state.library_doc.id) {
        edit = state.library_doc;
        edit_loaded_id = state.library_doc_id;
        confirm_delete = false;
    }
    const float em = ImGui::GetFontSize();
    ImGui::Separator();
    ImGui::BeginChild("details", ImVec2(0, 0));
    ImGui::BeginGroup();   // left: the editable metadata and actions
    const float label_width = 5.5f * em, field_width = std::min(28 * em, ImGui::GetContentRegionAvail().x * 0.55f);
    struct { const char* label; const char* id; std::string* value; } fields[] = {
        {"Title", "##title", &edit.title}, {"Source", "##source", &edit.source},
        {"Date", "##date", &edit.date}, {"Language", "##lang", &edit.lang},
    };
    for (auto& f : fields) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(f.label);
        ImGui::SameLine(label_width);
        ImGui::SetNextItemWidth(field_width - label_width);
        InputString(f.id, "", f.value);
        RecordItemRect(state, (std::string("details.") + (f.id + 2)).c_str());
    }
    const store::DocumentSummary& saved = state.library_doc;
    const bool changed = edit.title != saved.title || edit.source != saved.source || edit.date != saved.date ||
                         edit.lang != saved.lang;
    if (ButtonIf(changed, "Save changes", "Edit a field first")) {
        app::Defer(state, [doc = edit](app::AppState& s) {
            if (core::Status st = app::UpdateDocument(s, doc); !st.ok()) s.last_error = st.message();
        });
    }
    RecordItemRect(state, "details.save");
    ImGui::SameLine();
    if (ImGui::Button("Read")) app::OpenInReader(state, state.library_doc_id);
    if (state.library_doc_trimmed) {
        ImGui::SameLine();
        if (ImGui::Button("Undo trimming")) {
            app::Defer(state, [id = state.library_doc_id](app::AppState& s) {
                if (core::Status st = app::RestoreText(s, id); !st.ok()) s.last_error = st.message();
            });
        }
        RecordItemRect(state, "details.undo_trim");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Put back the page furniture import removed (listed in the notes)");
    }
    ImGui::SameLine();
    if (!confirm_delete) {
        if (ImGui::Button("Delete…")) confirm_delete = true;
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().error);
        if (ImGui::Button("Delete this document")) {
            app::Defer(state, [id = state.library_doc_id](app::AppState& s) {
                if (core::Status st = app::DeleteDocument(s, id); !st.ok()) s.last_error = st.message();
            });
            confirm_delete = false;
        }
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::Button("Keep")) confirm_delete = false;
    }
    RecordItemRect(state, "details.delete");
    reimport.Draw(state);
    for (const auto& [key, value] : state.library_fields) {
        ImGui::TextDisabled("%s", key.c_str());
        ImGui::SameLine(label_width);
        ImGui::TextUnformatted(value.c_str());
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, 1.5f * em);
    ImGui::BeginChild("notes", ImVec2(0, 0), ImGuiChildFlags_Border);   // right: what import did
    ImGui::TextDisabled("Import notes");
    if (state.library_notes.empty()) MutedTextWrapped("Nothing to report: read as it was.");
    else MutedTextWrapped(state.library_notes.c_str());
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace ui
