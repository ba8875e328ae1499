// LibraryPanel: toolbar (filter, columns menu, copy/export, add), import report, the document table
// (ImGuiListClipper: 100k rows cost what 40 do) over the rows app::UpdateLibraryView made, and the details
// pane of the selected document with its metadata editor.
#include "ui/panels/library_panel.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app/document_edits.h"
#include "core/number_text.h"
#include "core/table_text.h"
#include "ui/corpus_dialogs.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// The rows shown with every metadata field (shown as a column or not), as TSV ('\t') or CSV (',').
std::string DocumentsAsTable(const app::AppState& state, char separator) {
    const std::vector<std::string>& extra = state.library.field_names;
    std::string out;
    app::AppendMetadataHeader(out, app::kAllFixedFields, extra, separator);
    core::EndTableRow(out);
    for (uint32_t row : state.library.rows) {
        app::AppendMetadataRow(out, &state.documents[row], app::kAllFixedFields, extra, separator);
        core::EndTableRow(out);
    }
    return out;
}

// A column's relative width in the table (the title takes what the others leave), or 0 for a column of
// fixed width (FixedWidth).
float ColumnWeight(const app::LibraryColumn& column) {
    if (column.extra) return 1.5f;
    switch (column.fixed) {
    case app::FixedField::Title: return 3.5f;
    case app::FixedField::Source: return 1.6f;
    case app::FixedField::Author: return 1.6f;
    case app::FixedField::Url: return 2.0f;
    default: return 0.0f;
    }
}

// Date, language and words are short: wide enough for their header (with the sort arrow) or their values.
float FixedWidth(const app::LibraryColumn& column) {
    const char* widest = column.fixed == app::FixedField::Date ? "0000-00-00" : column.fixed == app::FixedField::Words ? "000000" : "";
    return std::max(ImGui::CalcTextSize(column.label.c_str()).x + 0.5f * ImGui::GetFontSize(), ImGui::CalcTextSize(widest).x);
}

// What a cell shows (the date as people read it; "" for a field the document lacks).
std::string CellText(const store::DocumentSummary& doc, const app::LibraryColumn& column) {
    if (column.extra) return std::string(app::ExtraFieldValue(doc, column.name));
    if (column.fixed == app::FixedField::Date) return DisplayDate(doc.date);
    if (column.fixed == app::FixedField::Words) return core::CountText(doc.word_count);
    return app::FixedFieldValue(doc, column.fixed);
}

}  // namespace

void LibraryPanel::Draw(app::AppState& state, CorpusDialogs& dialogs, ImFont* heading) {
    if (!state.corpus) {
        start.Draw(state, dialogs, heading);
        return;
    }
    DrawToolbar(state, dialogs);
    const float details_height = DetailsHeight(state);
    DrawTable(state, -details_height);
    if (state.library_doc_id != 0) DrawDetails(state);
}

// Room for the details: every metadata row of the editor (Title on its own, the other fields two to a row),
// the buttons, the re-import line when files are at hand and a date error, capped so the table keeps rows.
float LibraryPanel::DetailsHeight(const app::AppState& state) const {
    if (state.library_doc_id == 0) return 0;
    const ImGuiStyle& style = ImGui::GetStyle();
    const size_t paired = 5 + state.library_doc.fields.size();   // source, date, language, author, url, extras
    int lines = 1 + static_cast<int>((paired + 1) / 2) + 1;       // title, pairs, buttons
    if (!state.import_files.empty()) lines += 2;                   // "Read again as" (its buttons may wrap)
    if (!app::EditedDate(edit.date).ok()) lines += 2;              // the date's message (may wrap)
    const float wanted = lines * ImGui::GetFrameHeightWithSpacing() + 2 * style.WindowPadding.y + style.ItemSpacing.y;
    return std::min(wanted, ImGui::GetContentRegionAvail().y * 0.55f);
}

void LibraryPanel::DrawToolbar(app::AppState& state, CorpusDialogs& dialogs) {
    const float em = ImGui::GetFontSize();
    const app::LibraryView& view = state.library;
    ImGui::AlignTextToFramePadding();
    const int64_t all = static_cast<int64_t>(state.documents.size());
    const int64_t shown = static_cast<int64_t>(view.rows.size());
    const std::string count = shown == all ? core::CountText(all, "document")
                                           : core::CountText(shown) + " of " + core::CountText(all, "document") +
                                                 (view.filtering ? " so far" : "");
    ImGui::TextUnformatted(count.c_str());
    RecordItemRect(state, "library.count");
    state.ui_text["library.count"] = count;
    if (view.filtering && ImGui::IsItemHovered())
        ImGui::SetTooltip("Still preparing the filter for every document (see the status bar)");
    SameLineOrWrap(14 * em);
    ImGui::SetNextItemWidth(14 * em);
    InputString("##filter", "Filter: any field (title, party …)", &state.library.filter);
    RecordItemRect(state, "library.filter");
    state.ui_text["library.filter"] = state.library.filter;
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
        ImGui::SetTooltip("Keeps documents with this text in any field (title, source, date, president …),\n"
                          "ignoring case and accents");
    SameLineOrWrap(ButtonWidth("Columns…"));
    DrawColumnsMenu(state);
    SameLineOrWrap(ButtonWidth("Copy table"));
    if (ImGui::Button("Copy table")) ImGui::SetClipboardText(DocumentsAsTable(state, '\t').c_str());
    RecordItemRect(state, "library.copy");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy the rows shown, with every field, as tab-separated text (pastes into spreadsheets)");
    SameLineOrWrap(ButtonWidth("Export CSV"));
    if (ImGui::Button("Export CSV")) app::RequestDownload(state, "documents.csv", "text/csv", DocumentsAsTable(state, ','));
    RecordItemRect(state, "library.export");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save the rows shown, with every field, as documents.csv");
    SameLineOrWrap(ButtonWidth("Add files…"));
    const bool busy = state.jobs.Busy();
    if (ButtonIf(!busy, "Add files…", kBusyReason)) {
        state.picker_target = app::ImportTarget::OpenCorpus;
        state.request_file_picker = true;
    }
    RecordItemRect(state, "library.add_files");
    SameLineOrWrap(ButtonWidth("Paste text…"));
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

void LibraryPanel::DrawColumnsMenu(app::AppState& state) {
    if (ImGui::Button("Columns…")) ImGui::OpenPopup("columns");
    RecordItemRect(state, "library.columns");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Choose which fields show as columns (the header's right-click menu does too)");
    if (!ImGui::BeginPopup("columns")) return;
    ImGui::TextDisabled("Show as columns");
    bool extra_started = false;
    for (const app::LibraryColumn& column : state.library.columns) {
        if (column.extra && !extra_started) {
            ImGui::Separator();
            ImGui::TextDisabled("Fields of this corpus");
            extra_started = true;
        }
        const bool title = !column.extra && column.fixed == app::FixedField::Title;
        bool shown = app::ColumnShown(state.library, column);
        ImGui::BeginDisabled(title);   // the title is how a row is picked: always there
        if (ImGui::Checkbox(column.label.c_str(), &shown)) {
            state.library.column_choice[column.id] = shown;
            push_columns = true;
        }
        ImGui::EndDisabled();
        RecordItemRect(state, ("library.column." + column.id).c_str());
    }
    ImGui::EndPopup();
}

void LibraryPanel::DrawTable(app::AppState& state, float height) {
    app::LibraryView& view = state.library;
    const int column_count = static_cast<int>(view.columns.size());
    if (column_count == 0) return;   // Update makes them before the first frame with a corpus
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate | ImGuiTableFlags_Hideable;
    // One table per set of columns (ImGui keeps widths and order per table id): another corpus's fields get
    // their own, and the shown columns are told to it afresh.
    std::string ids;
    for (const app::LibraryColumn& column : view.columns) ids += column.id + '\x1f';
    if (ids != table_columns) { table_columns = ids; push_columns = true; }
    if (!ImGui::BeginTable(("documents " + ids).c_str(), column_count, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const app::LibraryColumn& column : view.columns) {
        const float weight = ColumnWeight(column);
        ImGuiTableColumnFlags column_flags = weight > 0 ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed;
        if (!app::ColumnShown(view, column)) column_flags |= ImGuiTableColumnFlags_DefaultHide;
        if (!column.extra && column.fixed == app::FixedField::Title) column_flags |= ImGuiTableColumnFlags_NoHide;
        if (!column.extra && column.fixed == app::FixedField::Words) column_flags |= ImGuiTableColumnFlags_PreferSortDescending;
        ImGui::TableSetupColumn(column.label.c_str(), column_flags, weight > 0 ? weight : FixedWidth(column));
    }
    const bool pushed = push_columns;
    if (push_columns) {
        for (int i = 0; i < column_count; ++i) ImGui::TableSetColumnEnabled(i, app::ColumnShown(view, view.columns[static_cast<size_t>(i)]));
        push_columns = false;
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);   // TableHeadersRow, with each header's rectangle for tests
    for (int i = 0; i < column_count; ++i) {
        if (!ImGui::TableSetColumnIndex(i)) continue;
        ImGui::PushID(i);
        ImGui::TableHeader(ImGui::TableGetColumnName(i));
        ImGui::PopID();
        RecordItemRect(state, ("library.header." + view.columns[static_cast<size_t>(i)].id).c_str());
    }
    if (!pushed) {   // the header's context menu may have shown or hidden a column: remember it as a choice
        for (int i = 0; i < column_count; ++i) {
            const app::LibraryColumn& column = view.columns[static_cast<size_t>(i)];
            const bool enabled = (ImGui::TableGetColumnFlags(i) & ImGuiTableColumnFlags_IsEnabled) != 0;
            if (enabled != app::ColumnShown(view, column)) view.column_choice[column.id] = enabled;
        }
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        const int index = specs->SpecsCount > 0 ? specs->Specs[0].ColumnIndex : -1;
        view.sort_column = index >= 0 && index < column_count ? view.columns[static_cast<size_t>(index)].id : "";
        view.sort_ascending = specs->SpecsCount == 0 || specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        specs->SpecsDirty = false;   // UpdateLibraryView sorts before the next frame
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const store::DocumentSummary& doc = state.documents[view.rows[static_cast<size_t>(row)]];
            ImGui::PushID(row);
            ImGui::TableNextRow();
            for (int i = 0; i < column_count; ++i) {
                if (!ImGui::TableSetColumnIndex(i)) continue;   // hidden or scrolled out of view
                const app::LibraryColumn& column = view.columns[static_cast<size_t>(i)];
                if (!column.extra && column.fixed == app::FixedField::Title) {
                    if (ImGui::Selectable(doc.title.c_str(), state.library_doc_id == doc.id,
                                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                        state.library_doc_id = doc.id;
                        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) app::OpenInReader(state, doc.id);
                    }
                    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))   // long titles are cut by the column
                        ImGui::SetTooltip("%s\nclick for details, double-click to read", doc.title.c_str());
                    if (row == 0) RecordItemRect(state, "library.first_row");
                } else {
                    ImGui::TextUnformatted(CellText(doc, column).c_str());
                    if (row == 0) RecordItemRect(state, ("library.first_row." + column.id).c_str());
                }
            }
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
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::Separator();
    ImGui::BeginChild("details", ImVec2(0, 0));
    // Left: the editable metadata (Title on a line of its own, the other fields two to a line) and actions;
    // right: what import did.
    const float left_width = std::max(24 * em, ImGui::GetContentRegionAvail().x * 0.62f);
    ImGui::BeginChild("editor", ImVec2(left_width, 0));
    const float label_width = 5.0f * em;
    const float pair_width = (ImGui::GetContentRegionAvail().x - style.ItemSpacing.x) / 2;
    auto field = [&](const char* label, const std::string& id, std::string* value, float width) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        if (ImGui::IsItemHovered() && ImGui::CalcTextSize(label).x > label_width - style.ItemSpacing.x)
            ImGui::SetTooltip("%s", label);
        ImGui::SameLine(0, 0);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, label_width - ImGui::CalcTextSize(label).x));
        ImGui::SetNextItemWidth(width - label_width);
        InputString(("##" + id).c_str(), "", value);
        RecordItemRect(state, ("details." + id).c_str());
    };
    field("Title", "title", &edit.title, ImGui::GetContentRegionAvail().x);
    struct Pair { std::string label, id; std::string* value; };
    std::vector<Pair> pairs = {{"Source", "source", &edit.source}, {"Date", "date", &edit.date},
                               {"Language", "lang", &edit.lang},  {"Author", "author", &edit.author},
                               {"URL", "url", &edit.url}};
    for (auto& [name, value] : edit.fields) pairs.push_back({app::ExtraFieldLabel(name), "field." + name, &value});
    for (size_t i = 0; i < pairs.size(); ++i) {
        if (i % 2) ImGui::SameLine(0, style.ItemSpacing.x);
        ImGui::PushID(static_cast<int>(i));   // two extra fields may share a name
        field(pairs[i].label.c_str(), pairs[i].id, pairs[i].value, pair_width);
        ImGui::PopID();
    }
    const store::DocumentSummary& saved = state.library_doc;
    const bool changed = edit.title != saved.title || edit.source != saved.source || edit.date != saved.date ||
                         edit.lang != saved.lang || edit.author != saved.author || edit.url != saved.url ||
                         edit.fields != saved.fields;
    auto date = app::EditedDate(edit.date);
    if (!date.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().error);
        ImGui::TextWrapped("%s", date.status().message().c_str());
        ImGui::PopStyleColor();
        RecordItemRect(state, "details.date_error");
    }
    if (ButtonIf(changed && date.ok(), "Save changes", changed ? "Write a date that can be read first" : "Edit a field first")) {
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
    ImGui::EndChild();
    ImGui::SameLine(0, 1.5f * em);
    ImGui::BeginChild("notes", ImVec2(0, 0), ImGuiChildFlags_Border);
    ImGui::TextDisabled("Import notes");
    if (state.library_notes.empty()) MutedTextWrapped("Nothing to report: read as it was.");
    else MutedTextWrapped(state.library_notes.c_str());
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace ui
