// ConcordancePanel: toolbar (width, sort keys, filter, copy), progress with Cancel, dispersion plot and the
// KWIC lines (ImGuiListClipper). Reads the session app::UpdateConcordance keeps; never builds or sorts here.
#include "ui/panels/concordance_panel.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "core/number_text.h"
#include "ui/chart.h"
#include "ui/chart_glue.h"
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
            const std::string label = job.phase + " " + core::CountText(job.done) + " / " + core::CountText(job.total);
            ImGui::ProgressBar(fraction, ImVec2(14.0f * ImGui::GetFontSize(), 0), label.c_str());
            RecordItemRect(state, "kwic.progress");
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) state.jobs.Cancel(job.id);
            RecordItemRect(state, "kwic.cancel");
            ImGui::SameLine();
        }
    }
    const size_t rows = session->RowCount();
    ImGui::Text("%s in %s%s%s", core::CountText(kwic->hit_count, "hit").c_str(),
                core::CountText(static_cast<int64_t>(kwic->documents.size()), "document").c_str(),
                rows != kwic->lines.size() && session->sorted
                    ? (" · " + core::CountText(static_cast<int64_t>(rows), "line") + " shown").c_str() : "",
                session->cancelled ? " · cancelled: partial" : kwic->truncated ? " · truncated" : "");
    RecordItemRect(state, "kwic.count");

    DrawDispersion(state, *session, *kwic);
    DrawLines(state, *session, mono);
}

void ConcordancePanel::DrawToolbar(app::AppState& state) {
    const float em = ImGui::GetFontSize();
    if (width_chars == 0) width_chars = state.kwic_width_chars;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Context");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(8 * em);
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 0.4f * em);   // a thin grab hides less of the value
    ImGui::SliderInt("##width", &width_chars, 10, 150, "%d characters");
    ImGui::PopStyleVar();
    RecordItemRect(state, "kwic.width");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Context on each side of the hit, in characters");
    if (ImGui::IsItemDeactivatedAfterEdit()) state.kwic_width_chars = width_chars;   // rebuild once, on release
    if (!ImGui::IsItemActive()) width_chars = state.kwic_width_chars;

    // Up to three sort keys; a key set to "—" ends the list.
    std::vector<analysis::SortKey>& keys = state.kwic_sort;
    for (size_t k = 0; k < analysis::kMaxSortKeys; ++k) {
        if (k > keys.size()) break;
        SameLineOrWrap(10 * em);
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
    SameLineOrWrap(10 * em);
    ImGui::SetNextItemWidth(10 * em);
    InputString("##filter", "word nearby, e.g. peace*", &filter);
    RecordItemRect(state, "kwic.filter");
    state.kwic_filter = filter;
    const bool rows = state.kwic && state.kwic->RowCount() > 0;
    SameLineOrWrap(ButtonWidth("Copy TSV"));
    if (ButtonIf(rows, "Copy TSV", "No lines to copy")) ImGui::SetClipboardText(app::ConcordanceTable(*state.kwic, state.documents, '\t').c_str());
    RecordItemRect(state, "kwic.copy_tsv");
    SameLineOrWrap(ButtonWidth("Export CSV"));
    if (ButtonIf(rows, "Export CSV", "No lines to export")) {
        app::Defer(state, [](app::AppState& s) {
            if (s.kwic) app::RequestDownload(s, "concordance.csv", "text/csv", app::ConcordanceTable(*s.kwic, s.documents, ','));
        });
    }
    RecordItemRect(state, "kwic.export");
}

// A strip per document with hits among the lines shown, a mark per hit at its position in the text
// (ui/chart.h); the rows scroll with the wheel when there are more than fit. A click opens the document.
void ConcordancePanel::DrawDispersion(app::AppState& state, const app::KwicSession& session,
                                      const analysis::Concordance& kwic) {
    const std::vector<app::KwicSession::Strip>& strips = session.strips;
    if (strips.empty()) return;
    const float em = ImGui::GetFontSize();
    const float rows_h = static_cast<float>(std::min<size_t>(strips.size(), 6)) * ImGui::GetTextLineHeight() * 1.2f;
    const float height = ImGui::GetFrameHeight() + rows_h + 3.8f * ImGui::GetTextLineHeight();
    if (!BeginChart("Where the hits are##dispersion", ImVec2(0, std::max(height, 9 * em)))) return;
    const std::string rows_label = core::CountText(static_cast<int64_t>(strips.size()), "document") +
                                   (session.strips_filtered ? " with hits among the lines shown" : " with hits") +
                                   (strips.size() > 6 ? " (the wheel scrolls them)" : "");
    SetupAxes("position in the document (% of its words)", rows_label.c_str(), AxisKind::Linear, AxisKind::Category);
    SetupAxisLimits(ChartAxis::X, 0, 100);
    SetupAxisCategories(ChartAxis::Y, static_cast<int>(strips.size()), [&](int row) {
        return app::DocumentLabel(kwic.documents[strips[static_cast<size_t>(row)].document]);
    });
    int first = 0, last = 0;
    ChartRows(&first, &last);
    for (int row = first; row < last; ++row) {
        const app::KwicSession::Strip& strip = strips[static_cast<size_t>(row)];
        const std::vector<uint32_t>& hits = session.StripHits(strip);
        const double words = std::max<uint32_t>(kwic.documents[strip.document].token_count, 1);
        PlotStrip("hits", row, hits.data(), static_cast<int>(hits.size()), 100.0 / words);
    }
    const ChartResult chart = EndChart();
    HandleChart(state, "kwic.dispersion", "dispersion", chart);
    if (chart.item_index >= 0 && chart.item_index < static_cast<int>(strips.size())) {
        const analysis::ConcordanceDocument& doc = kwic.documents[strips[static_cast<size_t>(chart.item_index)].document];
        ImGui::BeginTooltip();
        ImGui::TextDisabled("%s · click to read it", core::CountText(doc.token_count, "word").c_str());
        ImGui::EndTooltip();
        if (chart.clicked) app::OpenInReader(state, doc.doc_id);
    }
}

void ConcordancePanel::DrawLines(app::AppState& state, const app::KwicSession& session, ImFont* mono) {
    const analysis::Concordance& kwic = *session.Lines();
    ImGui::BeginChild("lines", ImVec2(0, 0), ImGuiChildFlags_Border);
    if (mono) ImGui::PushFont(mono);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Palette& palette = CurrentPalette();
    const float char_w = ImGui::CalcTextSize("M").x, space = char_w;
    const float avail = ImGui::GetContentRegionAvail().x;
    // A column naming each line's document (title and year), then the context: the hit starts where a full
    // left context ends, or at 45% of what is left when that is narrower.
    const float doc_w = std::min(26.0f * char_w, avail * 0.24f);
    const float context_w = avail - doc_w - 2 * space;
    const float left_w = std::min(static_cast<float>(state.kwic_width_chars) * char_w, context_w * 0.45f);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 background = ImGui::GetColorU32(ImGuiCol_WindowBg), clear = background & ~IM_COL32_A_MASK;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(session.RowCount()), ImGui::GetTextLineHeightWithSpacing());
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const analysis::ConcordanceLine& line = kwic.lines[session.LineAt(static_cast<size_t>(row))];
            ImGui::PushID(row);
            const ImVec2 a = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##line", false, ImGuiSelectableFlags_SpanAllColumns)) app::OpenConcordanceLine(state, line);
            if (row == 0) RecordItemRect(state, "kwic.line0");
            const std::string label = app::DocumentColumnLabel(kwic.documents[line.document]);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\nClick to read it in context", app::DocumentLabel(kwic.documents[line.document]).c_str());
            ImGui::PopID();
            const float row_h = ImGui::GetTextLineHeight();
            if (row == 0) {   // the document column of the first line, for the test API
                state.widgets["kwic.line0.document"] = {a.x, a.y, doc_w, row_h};
                state.ui_text["kwic.line0.document"] = label;
            }
            ImGui::PushClipRect(a, ImVec2(a.x + doc_w, a.y + row_h), true);
            draw->AddText(a, palette.muted, label.c_str());
            ImGui::PopClipRect();
            if (ImGui::CalcTextSize(label.c_str()).x > doc_w)   // cut: fade out its last character
                draw->AddRectFilledMultiColor(ImVec2(a.x + doc_w - 2 * char_w, a.y), ImVec2(a.x + doc_w, a.y + row_h),
                                              clear, background, background, clear);
            const float context_x = a.x + doc_w + 2 * space;
            const float hit_x = context_x + left_w + space;
            const float hit_w = ImGui::CalcTextSize(line.hit.c_str()).x;
            const float left_text_w = ImGui::CalcTextSize(line.left.c_str()).x;
            ImGui::PushClipRect(ImVec2(context_x, a.y), ImVec2(hit_x - space * 0.5f, a.y + row_h), true);
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
