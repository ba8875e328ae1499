// ConcordancePanel: toolbar (width, sort keys, filter, copy), progress with Cancel, dispersion plot and the
// KWIC lines (ImGuiListClipper). Reads the session app::UpdateConcordance keeps; never builds or sorts here.
#include "ui/panels/concordance_panel.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/query_box.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

constexpr analysis::SortKey kKeys[] = {analysis::SortKey::L3, analysis::SortKey::L2, analysis::SortKey::L1,
                                       analysis::SortKey::R1, analysis::SortKey::R2, analysis::SortKey::R3,
                                       analysis::SortKey::DocumentOrder};

const char* KeyLabel(analysis::SortKey key) {
    return key == analysis::SortKey::DocumentOrder ? "document order" : analysis::SortKeyName(key);
}

}  // namespace

void ConcordancePanel::Draw(app::AppState& state, ImFont* mono) {
    QueryBox(state, "kwic", &focus_query);
    DrawToolbar(state);
    const std::shared_ptr<app::KwicSession> session = state.kwic;   // kept alive for this frame
    const analysis::Concordance* kwic = session ? session->Lines() : nullptr;
    if (!state.query_parsed || !session) {
        if (state.query_error.empty())
            MutedTextWrapped("Type a word, a phrase or a prefix* to see every occurrence in context, aligned on the "
                             "hit. Sort by the words around it, filter by a nearby word, click a line to read it.");
        return;
    }
    if (!session->status.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().error);
        ImGui::TextWrapped("%s", session->status.message().c_str());
        ImGui::PopStyleColor();
    }
    if (!kwic) return;

    // Where the build stands: progress and Cancel while it runs.
    ImGui::AlignTextToFramePadding();
    if (session->job_id != 0) {
        for (const app::JobInfo& job : state.jobs.Snapshot()) {
            if (job.id != session->job_id) continue;
            const float fraction = job.total > 0 ? static_cast<float>(job.done) / static_cast<float>(job.total) : 0.0f;
            const std::string label = job.phase + " " + std::to_string(job.done) + "/" + std::to_string(job.total);
            ImGui::ProgressBar(fraction, ImVec2(14.0f * ImGui::GetFontSize(), 0), label.c_str());
            RecordItemRect(state, "kwic.progress");
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) state.jobs.Cancel(job.id);
            RecordItemRect(state, "kwic.cancel");
            ImGui::SameLine();
        }
    }
    const size_t rows = session->RowCount();
    ImGui::Text("%lld hits in %zu documents%s%s", static_cast<long long>(kwic->hit_count), kwic->documents.size(),
                rows != kwic->lines.size() && session->sorted ? (" · " + std::to_string(rows) + " lines shown").c_str() : "",
                session->cancelled ? " · cancelled: partial" : kwic->truncated ? " · truncated" : "");
    RecordItemRect(state, "kwic.count");

    DrawDispersion(state, *kwic);
    DrawLines(state, *session, mono);
}

void ConcordancePanel::DrawToolbar(app::AppState& state) {
    const float em = ImGui::GetFontSize();
    if (width_chars == 0) width_chars = state.kwic_width_chars;
    ImGui::SetNextItemWidth(8 * em);
    ImGui::SliderInt("##width", &width_chars, 10, 150, "%d chars");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Context on each side of the hit, in characters");
    if (ImGui::IsItemDeactivatedAfterEdit()) state.kwic_width_chars = width_chars;   // rebuild once, on release
    if (!ImGui::IsItemActive()) width_chars = state.kwic_width_chars;

    // Up to three sort keys; a key set to "—" ends the list.
    std::vector<analysis::SortKey>& keys = state.kwic_sort;
    for (size_t k = 0; k < analysis::kMaxSortKeys; ++k) {
        if (k > keys.size()) break;
        ImGui::SameLine();
        ImGui::PushID(static_cast<int>(k));
        ImGui::SetNextItemWidth(10 * em);
        const char* preview = k < keys.size() ? KeyLabel(keys[k]) : (k == 0 ? "document order" : "then by …");
        const bool open = ImGui::BeginCombo("##sort", preview);
        const std::string rect = k == 0 ? "kwic.sort" : "kwic.sort" + std::to_string(k + 1);
        RecordItemRect(state, rect.c_str());
        if (ImGui::IsItemHovered() && !open) ImGui::SetTooltip("Sort key %zu: the words left (L) or right (R) of the hit", k + 1);
        if (open) {
            if (k > 0 && ImGui::Selectable("—", k >= keys.size())) keys.resize(k);
            for (analysis::SortKey key : kKeys) {
                if (k > 0 && key == analysis::SortKey::DocumentOrder) continue;
                if (ImGui::Selectable(KeyLabel(key), k < keys.size() && keys[k] == key)) {
                    if (key == analysis::SortKey::DocumentOrder) keys.clear();
                    else if (k < keys.size()) keys[k] = key;
                    else keys.push_back(key);
                }
                RecordItemRect(state, (rect + "." + analysis::SortKeyName(key)).c_str());
            }
            ImGui::EndCombo();
        }
        ImGui::PopID();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(10 * em);
    InputString("##filter", "word nearby, e.g. peace*", &filter);
    RecordItemRect(state, "kwic.filter");
    state.kwic_filter = filter;
    const bool rows = state.kwic && state.kwic->RowCount() > 0;
    ImGui::SameLine();
    if (ButtonIf(rows, "Copy TSV", "No lines to copy")) ImGui::SetClipboardText(app::ConcordanceTable(*state.kwic, state.documents, '\t').c_str());
    RecordItemRect(state, "kwic.copy_tsv");
    ImGui::SameLine();
    if (ButtonIf(rows, "Export CSV", "No lines to export")) {
        app::Defer(state, [](app::AppState& s) {
            if (s.kwic) app::RequestDownload(s, "concordance.csv", "text/csv", app::ConcordanceTable(*s.kwic, s.documents, ','));
        });
    }
    RecordItemRect(state, "kwic.export");
}

// One strip per candidate document, a tick per hit at its position in the text; virtualised like the lines.
void ConcordancePanel::DrawDispersion(app::AppState& state, const analysis::Concordance& kwic) {
    if (kwic.documents.empty()) return;
    const float strip = std::max(8.0f, ImGui::GetFontSize() * 0.7f);
    const float padding = ImGui::GetStyle().WindowPadding.y * 2;
    const float height = std::min(static_cast<float>(kwic.documents.size()) * strip + padding, 7.5f * ImGui::GetFontSize());
    ImGui::BeginChild("dispersion", ImVec2(0, height), ImGuiChildFlags_Border);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));   // strips touch: rows of exactly `strip`
    RecordItemRect(state, "kwic.dispersion");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Palette& palette = CurrentPalette();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(kwic.documents.size()), strip);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const analysis::ConcordanceDocument& doc = kwic.documents[static_cast<size_t>(i)];
            const ImVec2 a = ImGui::GetCursorScreenPos();
            ImGui::PushID(i);
            ImGui::InvisibleButton("strip", ImVec2(width, strip));
            ImGui::PopID();
            const bool hovered = ImGui::IsItemHovered();
            draw->AddRectFilled(ImVec2(a.x, a.y + 1), ImVec2(a.x + width, a.y + strip - 1),
                                hovered ? palette.highlight : ImGui::GetColorU32(ImGuiCol_Border, 0.35f));
            const float tokens = static_cast<float>(std::max<uint32_t>(doc.token_count, 1));
            for (uint32_t token : doc.hit_token_indices) {
                const float x = a.x + width * static_cast<float>(token) / tokens;
                draw->AddLine(ImVec2(x, a.y + 1), ImVec2(x, a.y + strip - 1), palette.accent, 1.5f);
            }
            if (hovered)
                ImGui::SetTooltip("%s\n%zu hit%s in %u words", doc.title.c_str(), doc.hit_token_indices.size(),
                                  doc.hit_token_indices.size() == 1 ? "" : "s", doc.token_count);
        }
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

void ConcordancePanel::DrawLines(app::AppState& state, const app::KwicSession& session, ImFont* mono) {
    const analysis::Concordance& kwic = *session.Lines();
    ImGui::BeginChild("lines", ImVec2(0, 0), ImGuiChildFlags_Border);
    if (mono) ImGui::PushFont(mono);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Palette& palette = CurrentPalette();
    const float char_w = ImGui::CalcTextSize("M").x, space = char_w;
    const float avail = ImGui::GetContentRegionAvail().x;
    // The hit starts where a full left context ends, or at 45% of the width when that is narrower.
    const float left_w = std::min(static_cast<float>(state.kwic_width_chars) * char_w, avail * 0.45f);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(session.RowCount()), ImGui::GetTextLineHeightWithSpacing());
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const analysis::ConcordanceLine& line = kwic.lines[session.LineAt(static_cast<size_t>(row))];
            ImGui::PushID(row);
            const ImVec2 a = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##line", false, ImGuiSelectableFlags_SpanAllColumns)) app::OpenConcordanceLine(state, line);
            if (row == 0) RecordItemRect(state, "kwic.line0");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\nClick to read it in context", kwic.documents[line.document].title.c_str());
            ImGui::PopID();
            const float hit_x = a.x + left_w + space;
            const float hit_w = ImGui::CalcTextSize(line.hit.c_str()).x;
            const float left_text_w = ImGui::CalcTextSize(line.left.c_str()).x;
            const float row_h = ImGui::GetTextLineHeight();
            ImGui::PushClipRect(ImVec2(a.x, a.y), ImVec2(hit_x - space * 0.5f, a.y + row_h), true);
            draw->AddText(ImVec2(hit_x - space - left_text_w, a.y), text, line.left.c_str());
            ImGui::PopClipRect();
            draw->AddRectFilled(ImVec2(hit_x - 2, a.y), ImVec2(hit_x + hit_w + 2, a.y + row_h), palette.highlight, 2.0f);
            draw->AddText(ImVec2(hit_x, a.y), text, line.hit.c_str());
            draw->AddText(ImVec2(hit_x + hit_w + space, a.y), text, line.right.c_str());
        }
    }
    if (mono) ImGui::PopFont();
    ImGui::EndChild();
}

}  // namespace ui
