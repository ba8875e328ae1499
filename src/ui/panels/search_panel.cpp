// SearchPanel: query box, subcorpus chip, count, per-year and per-source bar charts (ImDrawList), hits.
#include "ui/panels/search_panel.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/search_export.h"
#include "ui/query_box.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// A bar chart of document counts, bars side by side (`vertical`) or one row per key; returns the clicked
// bar's index or -1. Hovering a bar shows its key and exact count.
int CountChart(const char* id, const std::vector<store::KeyCount>& counts, ImVec2 size, bool vertical) {
    ImGui::PushID(id);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("chart", size);
    const bool hovered_chart = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Palette& palette = CurrentPalette();
    draw->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), ImGui::GetColorU32(ImGuiCol_Border));
    int64_t most = 1;
    for (const store::KeyCount& c : counts) most = std::max(most, c.documents);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float font = ImGui::GetFontSize();
    int hovered = -1;
    const size_t n = counts.size();
    const size_t rows = vertical ? n : std::min<size_t>(n, static_cast<size_t>(size.y / (font + 4)));
    for (size_t i = 0; i < (vertical ? n : rows); ++i) {
        ImVec2 a, b;
        const float share = static_cast<float>(counts[i].documents) / static_cast<float>(most);
        if (vertical) {
            const float w = size.x / static_cast<float>(n);
            a = ImVec2(origin.x + w * static_cast<float>(i) + (w > 4 ? 1 : 0), origin.y + size.y * (1 - share));
            b = ImVec2(origin.x + w * static_cast<float>(i + 1) - (w > 4 ? 1 : 0), origin.y + size.y);
            if (hovered_chart && mouse.x >= origin.x + w * static_cast<float>(i) && mouse.x < origin.x + w * static_cast<float>(i + 1))
                hovered = static_cast<int>(i);
        } else {
            const float y = origin.y + 2 + static_cast<float>(i) * (font + 4);
            const float label_w = size.x * 0.45f;
            a = ImVec2(origin.x + label_w, y);
            b = ImVec2(origin.x + label_w + (size.x - label_w - 4) * share, y + font);
            ImGui::PushClipRect(ImVec2(origin.x, y), ImVec2(origin.x + label_w - 4, y + font + 4), true);
            draw->AddText(ImVec2(origin.x + 4, y), palette.muted, counts[i].key.empty() ? "(none)" : counts[i].key.c_str());
            ImGui::PopClipRect();
            if (hovered_chart && mouse.y >= y - 2 && mouse.y < y + font + 2) hovered = static_cast<int>(i);
        }
        draw->AddRectFilled(a, ImVec2(b.x, std::max(b.y, a.y + 1)), hovered == static_cast<int>(i) ? palette.highlight : palette.accent);
    }
    if (hovered >= 0) {
        const store::KeyCount& c = counts[static_cast<size_t>(hovered)];
        ImGui::SetTooltip("%s: %lld document%s\nClick to search only %s", c.key.empty() ? "unknown" : c.key.c_str(),
                          static_cast<long long>(c.documents), c.documents == 1 ? "" : "s",
                          c.key.empty() ? "(not possible: no year)" : c.key.c_str());
    }
    ImGui::PopID();
    return clicked ? hovered : -1;
}

void DrawCharts(app::AppState& state) {
    const analysis::SearchResults& r = state.results;
    if (r.by_year.empty() && r.by_source.empty()) return;
    const float height = 6.5f * ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float year_w = std::max(avail * 0.58f, 50.0f), source_w = std::max(avail - year_w - ImGui::GetStyle().ItemSpacing.x, 50.0f);
    ImGui::BeginGroup();
    MutedTextWrapped("Documents per year");
    if (!r.by_year.empty()) {
        const std::string first = r.by_year.front().key.empty() && r.by_year.size() > 1 ? r.by_year[1].key : r.by_year.front().key;
        int clicked = CountChart("years", r.by_year, ImVec2(year_w, height), true);
        RecordItemRect(state, "search.years");
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
        ImGui::Text("%s", first.c_str());
        ImGui::SameLine(year_w - ImGui::CalcTextSize(r.by_year.back().key.c_str()).x);
        ImGui::Text("%s", r.by_year.back().key.c_str());
        ImGui::PopStyleColor();
        if (clicked >= 0 && !r.by_year[static_cast<size_t>(clicked)].key.empty()) {
            const std::string& year = r.by_year[static_cast<size_t>(clicked)].key;
            app::SetSubcorpus(state, {.date_from = year, .date_to = year}, "year " + year);
        }
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    MutedTextWrapped("Documents per source");
    int clicked = CountChart("sources", r.by_source, ImVec2(source_w, height), false);
    RecordItemRect(state, "search.sources");
    if (clicked >= 0 && !r.by_source[static_cast<size_t>(clicked)].key.empty()) {
        const std::string& source = r.by_source[static_cast<size_t>(clicked)].key;
        app::SetSubcorpus(state, {.sources = {source}}, "source " + source);
    }
    ImGui::EndGroup();
}

}  // namespace

void SearchPanel::Draw(app::AppState& state) {
    QueryBox(state, "search", &focus_query);
    if (!state.subcorpus_label.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Only");
        ImGui::SameLine();
        const std::string chip = state.subcorpus_label + "   x  clear filter";
        if (ImGui::Button(chip.c_str())) app::SetSubcorpus(state, {}, "");
        RecordItemRect(state, "search.clear_filter");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Search the whole corpus again");
    }
    if (!state.query_parsed) {
        if (state.query_error.empty())
            MutedTextWrapped("Words are matched in a folded form: case, ligatures, full-width letters and ß/ss do not "
                             "matter, so СЕРГЕЙ finds «Сергей» and strasse finds «Straße». All words must occur; "
                             "press ? for phrases, prefixes, OR, NOT, NEAR and filters.");
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%lld of %zu documents match", static_cast<long long>(state.results.document_count),
                state.documents.size());
    RecordItemRect(state, "search.count");
    SameLineOrWrap(ButtonWidth("Copy results (TSV)"));
    if (ButtonIf(!state.results.hits.empty(), "Copy results (TSV)", "Nothing to copy"))
        ImGui::SetClipboardText(app::SearchHitsTable(state.results.hits, state.documents, '\t').c_str());
    if (ImGui::IsItemHovered() && !state.results.hits.empty()) ImGui::SetTooltip("The documents listed below");
    RecordItemRect(state, "search.copy");
    SameLineOrWrap(ButtonWidth("Export CSV"));
    if (ButtonIf(!state.results.hits.empty(), "Export CSV", "Nothing to export"))
        app::Defer(state, [](app::AppState& s) { app::ExportSearchResults(s); });
    if (ImGui::IsItemHovered() && !state.results.hits.empty()) ImGui::SetTooltip("Every matching document, best first");
    RecordItemRect(state, "search.export");
    DrawCharts(state);
    ImGui::Spacing();
    ImGui::BeginChild("hits");
    for (size_t i = 0; i < state.results.hits.size(); ++i) {
        const store::SearchHit& hit = state.results.hits[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().accent);
        if (ImGui::Selectable(hit.title.c_str()))
            app::OpenInReader(state, hit.doc_id);
        ImGui::PopStyleColor();
        if (i == 0) RecordItemRect(state, "search.hit0");
        HighlightedTextWrapped(hit.snippet);
        ImGui::Spacing();
        ImGui::PopID();
    }
    if (state.results.document_count > static_cast<int64_t>(state.results.hits.size())) {
        const int64_t rest = state.results.document_count - static_cast<int64_t>(state.results.hits.size());
        MutedTextWrapped(("The best " + std::to_string(state.results.hits.size()) + " of " +
                          std::to_string(state.results.document_count) + " are listed.").c_str());
        const std::string more = "Show " + std::to_string(std::min<int64_t>(rest, app::kSearchHitLimit)) + " more";
        if (ImGui::Button(more.c_str())) app::Defer(state, [](app::AppState& s) { app::ShowMoreHits(s); });
        RecordItemRect(state, "search.more");
    }
    ImGui::EndChild();
}

}  // namespace ui
